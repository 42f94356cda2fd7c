// What the client remembers between runs (protocol/client_settings.proto): the last server and
// player name, the seat tokens that take seats back, the owner tokens of matches created here.
#pragma once

#include <cstdint>
#include <string>

#include "protocol/client_settings.pb.h"

namespace hegemon::client {

/// Seats and owned matches kept at most; the oldest are forgotten first.
inline constexpr int kMaxRememberedSeats = 64;

/// Reads the settings file. A missing file gives empty settings and no error; a file that cannot
/// be read or parsed gives empty settings and `error` says why (the next save replaces it).
pb::ClientSettings load_client_settings(const std::string& path, std::string* error = nullptr);

/// Writes the settings as text, creating the folder if needed, readable by its owner only; the
/// old file is replaced only once the new one is complete. False (and `error`) on failure.
bool save_client_settings(const pb::ClientSettings& settings, const std::string& path,
                          std::string* error = nullptr);

/// Remembers (or replaces) the seat held in `match_id` on `server`.
void remember_seat(pb::ClientSettings& settings, const std::string& server,
                   std::uint64_t match_id, const std::string& state, const std::string& seat_token,
                   const std::string& match_name);
/// The seat remembered for this match on this server, or nullptr.
const pb::RememberedSeat* find_seat(const pb::ClientSettings& settings, const std::string& server,
                                    std::uint64_t match_id);
/// Forgets the seat of this match (a token the server no longer knows).
void forget_seat(pb::ClientSettings& settings, const std::string& server, std::uint64_t match_id);

void remember_owner(pb::ClientSettings& settings, const std::string& server,
                    std::uint64_t match_id, const std::string& owner_token);
/// The owner token of this match on this server, or "" when it was not created here.
std::string find_owner_token(const pb::ClientSettings& settings, const std::string& server,
                             std::uint64_t match_id);

}  // namespace hegemon::client
