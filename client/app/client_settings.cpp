#include "client/app/client_settings.h"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hegemon::client {
namespace {

class FirstError : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, int column, const std::string& message) override {
    if (text.empty())
      text = "line " + std::to_string(line + 1) + ":" + std::to_string(column + 1) + ": " + message;
  }
  std::string text;
};

template <class Repeated>
void keep_newest(Repeated& items) {
  while (items.size() > kMaxRememberedSeats) items.DeleteSubrange(0, 1);
}

}  // namespace

pb::ClientSettings load_client_settings(const std::string& path, std::string* error) {
  pb::ClientSettings settings;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return settings;
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    if (error) *error = "cannot read the settings file " + path;
    return settings;
  }
  google::protobuf::TextFormat::Parser parser;
  FirstError errors;
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(text.str(), &settings)) {
    if (error) *error = "the settings file " + path + " is damaged (" + errors.text + "); starting afresh";
    return pb::ClientSettings{};
  }
  return settings;
}

bool save_client_settings(const pb::ClientSettings& settings, const std::string& path,
                          std::string* error) {
  namespace fs = std::filesystem;
  const auto fail = [&](const std::string& why) {
    if (error) *error = why;
    return false;
  };
  std::string text;
  if (!google::protobuf::TextFormat::PrintToString(settings, &text))
    return fail("cannot write the settings as text");
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) return fail("cannot create " + target.parent_path().string() + ": " + ec.message());
  const fs::path temporary = target.string() + ".new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    if (!out) return fail("cannot write " + temporary.string());
    ::chmod(temporary.c_str(), S_IRUSR | S_IWUSR);  // seat tokens are secrets
    out << "# hegemon-client settings: the last server, the player name and the seats to take\n"
           "# back. Seat tokens are secrets: whoever has one holds the seat.\n"
        << text;
    out.flush();
    if (!out) return fail("cannot write " + temporary.string());
  }
  fs::rename(temporary, target, ec);
  if (ec) return fail("cannot replace " + target.string() + ": " + ec.message());
  return true;
}

void remember_seat(pb::ClientSettings& settings, const std::string& server,
                   std::uint64_t match_id, const std::string& state, const std::string& seat_token,
                   const std::string& match_name) {
  forget_seat(settings, server, match_id);
  pb::RememberedSeat& seat = *settings.add_seats();
  seat.set_server(server);
  seat.set_match_id(match_id);
  seat.set_state(state);
  seat.set_seat_token(seat_token);
  seat.set_match_name(match_name);
  keep_newest(*settings.mutable_seats());
}

const pb::RememberedSeat* find_seat(const pb::ClientSettings& settings, const std::string& server,
                                    std::uint64_t match_id) {
  for (const auto& seat : settings.seats())
    if (seat.server() == server && seat.match_id() == match_id) return &seat;
  return nullptr;
}

void forget_seat(pb::ClientSettings& settings, const std::string& server, std::uint64_t match_id) {
  auto& seats = *settings.mutable_seats();
  for (int i = seats.size() - 1; i >= 0; --i)
    if (seats[i].server() == server && seats[i].match_id() == match_id) seats.DeleteSubrange(i, 1);
}

void remember_owner(pb::ClientSettings& settings, const std::string& server,
                    std::uint64_t match_id, const std::string& owner_token) {
  auto& owned = *settings.mutable_owned();
  for (int i = owned.size() - 1; i >= 0; --i)
    if (owned[i].server() == server && owned[i].match_id() == match_id) owned.DeleteSubrange(i, 1);
  pb::OwnedMatch& match = *settings.add_owned();
  match.set_server(server);
  match.set_match_id(match_id);
  match.set_owner_token(owner_token);
  keep_newest(owned);
}

std::string find_owner_token(const pb::ClientSettings& settings, const std::string& server,
                             std::uint64_t match_id) {
  for (const auto& match : settings.owned())
    if (match.server() == server && match.match_id() == match_id) return match.owner_token();
  return "";
}

}  // namespace hegemon::client
