#include "curl_api.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include "ecadm/error.hpp"

namespace ecadm::econsult {
namespace {

constexpr const char* k_library = "libcurl.so.4";
constexpr const char* k_package_hint = "apt-get install libcurl4";

template <typename F>
void resolve(void* library, F& function, const char* name) {
  function = reinterpret_cast<F>(dlsym(library, name));
  if (!function) throw Failure(fmt::format("{} lacks '{}'", k_library, name), k_package_hint);
}

CurlApi load() {
  // never unloaded: libcurl keeps global state for the life of the process
  void* library = dlopen(k_library, RTLD_NOW | RTLD_LOCAL);
  if (!library) throw Failure(fmt::format("cannot load {}: {}", k_library, dlerror()), k_package_hint);
  CurlApi api{};
  resolve(library, api.global_init, "curl_global_init");
  resolve(library, api.easy_init, "curl_easy_init");
  resolve(library, api.easy_cleanup, "curl_easy_cleanup");
  resolve(library, api.easy_reset, "curl_easy_reset");
  resolve(library, api.easy_setopt, "curl_easy_setopt");
  resolve(library, api.easy_perform, "curl_easy_perform");
  resolve(library, api.easy_getinfo, "curl_easy_getinfo");
  resolve(library, api.easy_strerror, "curl_easy_strerror");
  resolve(library, api.slist_append, "curl_slist_append");
  resolve(library, api.slist_free_all, "curl_slist_free_all");
  resolve(library, api.url, "curl_url");
  resolve(library, api.url_cleanup, "curl_url_cleanup");
  resolve(library, api.url_get, "curl_url_get");
  resolve(library, api.url_set, "curl_url_set");
  resolve(library, api.free, "curl_free");
  if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw Failure("cannot initialise libcurl");
  return api;
}

}  // namespace

const CurlApi& curl() {
  static const CurlApi api = load();  // thread-safe: C++ static initialisation
  return api;
}

}  // namespace ecadm::econsult
