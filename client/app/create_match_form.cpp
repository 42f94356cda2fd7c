#include "client/app/create_match_form.h"

#include <algorithm>

namespace hegemon::client {
namespace {

std::vector<std::string> split_ids(const std::string& text) {
  std::vector<std::string> out;
  std::string id;
  for (const char c : text + ",") {
    if (c == ',' || c == ' ') {
      if (!id.empty()) out.push_back(id);
      id.clear();
    } else {
      id.push_back(c);
    }
  }
  return out;
}

int doctrine_index(const ScenarioInfo& scenario, const std::string& name) {
  for (std::size_t i = 0; i < scenario.doctrines.size(); ++i)
    if (scenario.doctrines[i].name == name) return static_cast<int>(i);
  return 0;
}

}  // namespace

void CreateMatchForm::reset(std::vector<ScenarioInfo> scenarios, const std::string& match_name) {
  scenarios_ = std::move(scenarios);
  name = match_name;
  choose_scenario(scenario_);
}

void CreateMatchForm::choose_scenario(const std::string& scenario_name) {
  scenario_ = scenario_name;
  known_ = scenarios_.size();
  for (std::size_t i = 0; i < scenarios_.size(); ++i)
    if (scenarios_[i].name == scenario_name) known_ = i;
  const ScenarioInfo* scenario = known();
  const std::size_t n = scenario ? scenario->states.size() : 0;
  human_.assign(n, false);
  if (!human_.empty()) human_[0] = true;  // the first state for the creator, the rest bots
  doctrine_.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    doctrine_[i] = doctrine_index(*scenario, scenario->default_doctrine(i));
  take = 0;
}

bool CreateMatchForm::offers_doctrine(std::size_t state) const {
  return known() && !known()->doctrines.empty() && state < human_.size() &&
         (!human_[state] || bot_plays_absent);
}

std::vector<std::string> CreateMatchForm::human_states() const {
  const ScenarioInfo* scenario = known();
  if (!scenario) return split_ids(human_list);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < human_.size(); ++i)
    if (human_[i]) out.push_back(scenario->states[i].id);
  return out;
}

std::optional<std::string> CreateMatchForm::problem() const {
  if (name.empty() || name.size() > 64) return "The match needs a name of 1 to 64 characters.";
  if (scenario_.empty()) return "Choose a scenario.";
  return std::nullopt;
}

pb::CreateMatch CreateMatchForm::request() const {
  pb::CreateMatch request;
  request.set_name(name);
  request.set_scenario(scenario_);
  if (const ScenarioInfo* scenario = known()) {
    for (std::size_t i = 0; i < scenario->states.size(); ++i) {
      std::string doctrine;
      if (offers_doctrine(i)) {
        const std::size_t d = static_cast<std::size_t>(doctrine_[i]);
        if (d < scenario->doctrines.size() &&
            scenario->doctrines[d].name != scenario->default_doctrine(i))
          doctrine = scenario->doctrines[d].name;
      }
      if (!human_[i] && doctrine.empty()) continue;  // a bot under its default: left unlisted
      pb::SeatPlan& seat = *request.add_seats();
      seat.set_state(scenario->states[i].id);
      seat.set_kind(human_[i] ? pb::SEAT_HUMAN : pb::SEAT_BOT);
      seat.set_doctrine(doctrine);
    }
  } else {
    for (const auto& id : split_ids(human_list)) {
      pb::SeatPlan& seat = *request.add_seats();
      seat.set_state(id);
      seat.set_kind(pb::SEAT_HUMAN);
    }
  }
  request.set_turn_deadline_seconds(
      static_cast<std::uint32_t>(std::clamp(deadline_seconds, 0, 7 * 86400)));
  request.set_password(password);
  request.set_bot_plays_absent_seats(bot_plays_absent);
  return request;
}

std::string CreateMatchForm::seat_to_take() const {
  const std::vector<std::string> humans = human_states();
  const std::size_t t = static_cast<std::size_t>(std::max(take, 0));
  return t < humans.size() ? humans[t] : std::string();
}

}  // namespace hegemon::client
