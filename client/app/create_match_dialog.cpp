#include "client/app/create_match_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "client/app/ui_style.h"

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

struct DeadlinePreset {
  const char* label;
  int seconds;
};
constexpr DeadlinePreset kDeadlines[] = {
    {"none", 0}, {"2 min", 120}, {"10 min", 600}, {"1 hour", 3600}, {"1 day", 86400}};

}  // namespace

void CreateMatchDialog::open(const std::string& player) {
  open_requested_ = true;
  error_.clear();
  scenarios_ = local_scenarios(client_assets_dir());
  name_ = player.empty() ? "A new match" : player + "'s match";
  choose_scenario(scenario_);
}

void CreateMatchDialog::choose_scenario(const std::string& name) {
  scenario_ = name;
  known_ = nullptr;
  for (const auto& s : scenarios_)
    if (s.name == name) known_ = &s;
  human_.assign(known_ ? known_->states.size() : 0, false);
  if (!human_.empty()) human_[0] = true;  // the first state for the creator, the rest bots
  take_ = 0;
}

std::vector<std::string> CreateMatchDialog::human_states() const {
  if (!known_) return split_ids(human_list_);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < human_.size(); ++i)
    if (human_[i]) out.push_back(known_->states[i].id);
  return out;
}

void CreateMatchDialog::draw(const OnCreate& on_create) {
  if (open_requested_) {
    ImGui::OpenPopup("Create a match");
    open_requested_ = false;
  }
  const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(640, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Create a match", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;

  ImGui::PushItemWidth(-170.0f);
  ImGui::InputText("Match name", &name_);

  // Scenario: the ones this client has as presets, or any name the server may know.
  if (ImGui::BeginCombo("Scenario", scenario_.c_str())) {
    for (const auto& s : scenarios_) {
      const std::string label = s.name + "  (" + s.title + ", " + std::to_string(s.turns) + " turns)";
      if (ImGui::Selectable(label.c_str(), s.name == scenario_)) choose_scenario(s.name);
    }
    ImGui::EndCombo();
  }
  std::string typed = scenario_;
  if (ImGui::InputText("or type a name", &typed)) choose_scenario(typed);
  if (known_ && !known_->description.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(colors::kMuted, "%s", known_->description.c_str());
    ImGui::PopTextWrapPos();
  }

  ImGui::Separator();
  ImGui::TextUnformatted("Seats: tick the states people will play; bots play the others.");
  if (known_) {
    if (ImGui::BeginTable("seats", 3, ImGuiTableFlags_SizingStretchProp)) {
      for (std::size_t i = 0; i < known_->states.size(); ++i) {
        ImGui::TableNextColumn();
        bool human = human_[i];
        const std::string label = known_->states[i].id + "  " + known_->states[i].name;
        if (ImGui::Checkbox(label.c_str(), &human)) human_[i] = human;
      }
      ImGui::EndTable();
    }
  } else {
    ImGui::InputTextWithHint("Human states", "state ids separated by commas, e.g. LIN,DRV",
                             &human_list_);
    ImGui::TextColored(colors::kMuted,
                       "This client does not have the scenario \"%s\": the server checks the ids.",
                       scenario_.c_str());
  }
  const std::vector<std::string> humans = human_states();
  std::vector<std::string> take_labels = humans;
  take_labels.push_back("none: I only create it");
  take_ = std::clamp(take_, 0, static_cast<int>(take_labels.size()) - 1);
  if (ImGui::BeginCombo("Take the seat", take_labels[static_cast<std::size_t>(take_)].c_str())) {
    for (std::size_t i = 0; i < take_labels.size(); ++i)
      if (ImGui::Selectable(take_labels[i].c_str(), static_cast<int>(i) == take_))
        take_ = static_cast<int>(i);
    ImGui::EndCombo();
  }

  ImGui::Separator();
  ImGui::InputInt("Turn deadline (s)", &deadline_seconds_, 60, 600);
  deadline_seconds_ = std::clamp(deadline_seconds_, 0, 7 * 86400);
  for (const auto& preset : kDeadlines) {
    if (ImGui::SmallButton(preset.label)) deadline_seconds_ = preset.seconds;
    ImGui::SameLine();
  }
  ImGui::TextColored(colors::kMuted, "%s",
                     deadline_seconds_ == 0 ? "(turns wait for every player)" : "");
  ImGui::InputTextWithHint("Password", "empty: open to all", &password_,
                           ImGuiInputTextFlags_Password);
  ImGui::Checkbox("A bot plays a seat that sends no orders", &bot_plays_absent_);
  ImGui::SameLine();
  ImGui::TextColored(colors::kMuted, "%s",
                     bot_plays_absent_ ? "(for that turn only)"
                                       : "(otherwise it keeps its budget and does nothing else)");
  ImGui::PopItemWidth();

  if (!error_.empty()) ImGui::TextColored(colors::kBad, "%s", error_.c_str());
  ImGui::Spacing();
  if (ImGui::Button("Create", ImVec2(140, 0))) {
    if (name_.empty() || name_.size() > 64) {
      error_ = "The match needs a name of 1 to 64 characters.";
    } else if (scenario_.empty()) {
      error_ = "Choose a scenario.";
    } else {
      pb::CreateMatch request;
      request.set_name(name_);
      request.set_scenario(scenario_);
      for (const auto& id : humans) {
        pb::SeatPlan& seat = *request.add_seats();
        seat.set_state(id);
        seat.set_kind(pb::SEAT_HUMAN);
      }
      request.set_turn_deadline_seconds(static_cast<std::uint32_t>(deadline_seconds_));
      request.set_password(password_);
      request.set_bot_plays_absent_seats(bot_plays_absent_);
      const std::size_t take = static_cast<std::size_t>(take_);
      on_create(request, take < humans.size() ? humans[take] : std::string());
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel", ImVec2(140, 0)) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace hegemon::client
