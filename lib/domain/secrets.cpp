#include "ecadm/secrets.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iterator>

#include "ecadm/error.hpp"

namespace ecadm::secrets {
namespace {

void init_sodium() {
  if (sodium_init() < 0) throw Failure("libsodium could not be initialised");
}

std::string to_hex(const unsigned char* data, size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

}  // namespace

void ensure_key_file(const std::filesystem::path& path) {
  init_sodium();
  unsigned char key[crypto_secretbox_KEYBYTES];
  crypto_secretbox_keygen(key);
  std::string text = to_hex(key, sizeof key) + "\n";
  sodium_memzero(key, sizeof key);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return;
    throw Failure(fmt::format("cannot create key file '{}': {}", path.string(), std::strerror(errno)));
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  sodium_memzero(text.data(), text.size());
  if (!ok) throw Failure(fmt::format("cannot write key file '{}'", path.string()));
}

Box Box::load(const std::filesystem::path& key_file) {
  init_sodium();
  struct stat st {};
  if (::stat(key_file.c_str(), &st) != 0)
    throw NotReady(fmt::format("key file '{}' is missing: stored secrets cannot be read or written", key_file.string()),
                   "restore the key file from a backup, or set ECADM_KEY_FILE to its path");
  if ((st.st_mode & 077) != 0)
    throw Failure(fmt::format("key file '{}' is readable by others (mode {:o})", key_file.string(), st.st_mode & 0777),
                  fmt::format("chmod 600 '{}'", key_file.string()));
  std::ifstream in(key_file);
  std::string hex;
  std::getline(in, hex);
  std::string key(crypto_secretbox_KEYBYTES, '\0');
  size_t length = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), hex.data(), hex.size(), nullptr, &length,
                     nullptr) != 0 ||
      length != crypto_secretbox_KEYBYTES)
    throw Failure(fmt::format("key file '{}' is malformed", key_file.string()), "restore the key file from a backup");
  sodium_memzero(hex.data(), hex.size());
  return Box(std::move(key));
}

store::Blob Box::seal(std::string_view plaintext) const {
  store::Blob out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size());
  randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(), out.data(),
                        reinterpret_cast<const unsigned char*>(m_key.data()));
  return out;
}

std::string Box::open(const store::Blob& sealed) const {
  if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    throw Failure("a stored secret is truncated", "set the credentials again");
  std::string plain(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 sealed.data() + crypto_secretbox_NONCEBYTES,
                                 sealed.size() - crypto_secretbox_NONCEBYTES, sealed.data(),
                                 reinterpret_cast<const unsigned char*>(m_key.data())) != 0)
    throw Failure("a stored secret does not match the key file", "check ECADM_KEY_FILE, or set the credentials again");
  return plain;
}

std::string read_secret(std::istream& in, std::string_view field) {
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty())
    throw InvalidData(std::string(field), "must not be empty (read from stdin or --password-file)",
                      "put the password on the first line of stdin (--password-stdin) or of the file");
  return line;
}

std::string read_secret_file(const std::filesystem::path& file, std::string_view field) {
  std::ifstream in(file);
  if (!in)
    throw InvalidData(std::string(field), fmt::format("file '{}' is not readable", file.string()),
                      "check the path and that this user may read the file");
  return read_secret(in, field);
}

}  // namespace ecadm::secrets
