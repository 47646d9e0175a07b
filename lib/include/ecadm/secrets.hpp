#pragma once
// Secrets per SPEC.md "Secrets": libsodium crypto_secretbox with a fresh nonce per
// value and a key in its own 0600 file beside the store.
#include <filesystem>
#include <istream>
#include <string>
#include <string_view>

#include "ecadm/store.hpp"

namespace ecadm::secrets {

/// Writes a new random key to path with mode 0600. Does nothing when it exists.
/// Throws Failure on I/O errors.
void ensure_key_file(const std::filesystem::path& path);

class Box {
 public:
  /// Loads the key. Throws NotReady when the file is missing, Failure when it is
  /// malformed or readable by others.
  static Box load(const std::filesystem::path& key_file);
  /// nonce || secretbox(plaintext): a fresh random nonce every call.
  store::Blob seal(std::string_view plaintext) const;
  /// The plaintext of a sealed value. Throws Failure when it does not authenticate.
  std::string open(const store::Blob& sealed) const;

 private:
  explicit Box(std::string key) : m_key(std::move(key)) {}
  std::string m_key;
};

/// Reads a secret from a stream (stdin or a file): the first line, without its line
/// end. Throws InvalidData naming field when it is empty.
std::string read_secret(std::istream& in, std::string_view field);
/// Reads a secret from a file. Throws InvalidData when it cannot be read or is empty.
std::string read_secret_file(const std::filesystem::path& file, std::string_view field);

/// What `show` prints in place of a secret.
inline constexpr std::string_view k_mask = "********";

}  // namespace ecadm::secrets
