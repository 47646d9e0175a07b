#pragma once
// libcurl, loaded on first use. Linking libcurl pulls some forty shared objects into
// every start of ecadm (about 5 ms, the whole start-up budget of SPEC's CLI target),
// although most commands never talk to e.Consult; so only the transport loads it,
// once, with dlopen. Used by transport_curl.cpp only.
#include <curl/curl.h>

namespace ecadm::econsult {

struct CurlApi {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_reset) easy_reset;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_perform) easy_perform;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
  decltype(&::curl_url) url;
  decltype(&::curl_url_cleanup) url_cleanup;
  decltype(&::curl_url_get) url_get;
  decltype(&::curl_url_set) url_set;
  decltype(&::curl_free) free;
};

/// The loaded and globally initialised libcurl. Throws Failure when libcurl.so.4 is
/// missing or lacks a function (the hint names the package).
const CurlApi& curl();

}  // namespace ecadm::econsult
