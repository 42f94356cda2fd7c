// What the "create a match" dialog has chosen so far, without the drawing: the scenario, which
// seats are human, the doctrine a bot plays each seat by, the deadline, the password, and the
// CreateMatch request all of it makes. The dialog edits it; tests drive it directly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "client/app/scenario_catalog.h"
#include "protocol/wire.pb.h"

namespace hegemon::client {

class CreateMatchForm {
 public:
  /// Starts over on these scenarios (those the client has), keeping the chosen scenario's name.
  void reset(std::vector<ScenarioInfo> scenarios, const std::string& match_name);
  /// Chooses a scenario by name; one the client does not have takes human states as text.
  void choose_scenario(const std::string& name);

  const std::vector<ScenarioInfo>& scenarios() const { return scenarios_; }
  const std::string& scenario() const { return scenario_; }
  /// The chosen scenario when this client has it, else nullptr.
  const ScenarioInfo* known() const {
    return known_ < scenarios_.size() ? &scenarios_[known_] : nullptr;
  }

  /// Per state of known(): whether people play it (the creator's first state is ticked).
  bool human(std::size_t state) const { return human_[state]; }
  void set_human(std::size_t state, bool human) { human_[state] = human; }
  /// Per state of known(): the doctrine a bot plays it by, an index into known()->doctrines.
  int doctrine(std::size_t state) const { return doctrine_[state]; }
  void set_doctrine(std::size_t state, int doctrine) { doctrine_[state] = doctrine; }
  /// Whether the dialog offers a doctrine for this state: bot seats, and human seats when a bot
  /// plays their absences, of a scenario whose ruleset this client knows with doctrines.
  bool offers_doctrine(std::size_t state) const;

  /// The human seats chosen, as state ids (typed ones when the scenario is unknown).
  std::vector<std::string> human_states() const;

  std::string name;
  std::string human_list;  // human state ids, separated by commas, for an unknown scenario
  int take = 0;            // index into human_states(): the seat to take; past the end: none
  int deadline_seconds = 0;
  bool bot_plays_absent = false;
  std::string password;

  /// What stops the request from being sent, as a sentence; nullopt when it can go.
  std::optional<std::string> problem() const;
  /// The request: every human seat, and every seat whose doctrine differs from the scenario's
  /// default with that doctrine (the others are left to the server's defaults).
  pb::CreateMatch request() const;
  /// The seat to take once the match exists ("" = none).
  std::string seat_to_take() const;

 private:
  std::vector<ScenarioInfo> scenarios_;
  std::string scenario_ = "tutorial";
  std::size_t known_ = static_cast<std::size_t>(-1);  // index into scenarios_; past the end: none
  std::vector<bool> human_;
  std::vector<int> doctrine_;
};

}  // namespace hegemon::client
