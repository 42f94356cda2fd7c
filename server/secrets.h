// Secrets the server hands out (seat and owner tokens) and how it keeps them: only a hash is
// stored, so a copy of the database does not give anyone a seat.
#pragma once

#include <string>

namespace hegemon::server {

/// 128 random bits from the operating system's generator, as 32 hex characters.
std::string new_token();
/// SHA-256 of `secret`, as hex.
std::string hash_secret(const std::string& secret);

}  // namespace hegemon::server
