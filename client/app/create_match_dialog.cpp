#include "client/app/create_match_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "client/app/ui_style.h"

namespace hegemon::client {
namespace {

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
  form_.reset(local_scenarios(client_assets_dir()),
              player.empty() ? "A new match" : player + "'s match");
}

void CreateMatchDialog::draw_seats() {
  const ScenarioInfo& scenario = *form_.known();
  const bool doctrines = !scenario.doctrines.empty();
  // Two states to a row, each a human/bot tick and, where a bot plays it, its doctrine.
  const int columns = doctrines ? 4 : 2;
  const float row = ImGui::GetFrameHeightWithSpacing();
  const std::size_t rows = (scenario.states.size() + 1) / 2;
  const ImVec2 size(0.0f, row * static_cast<float>(std::min<std::size_t>(rows, 10)) + row);
  if (!ImGui::BeginTable("seats", columns, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY,
                         size))
    return;
  for (int pair = 0; pair < 2; ++pair) {
    ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    if (doctrines) ImGui::TableSetupColumn("Bot doctrine", ImGuiTableColumnFlags_WidthStretch, 0.8f);
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < scenario.states.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextColumn();
    bool human = form_.human(i);
    const std::string label = scenario.states[i].id + "  " + scenario.states[i].name;
    if (ImGui::Checkbox(label.c_str(), &human)) form_.set_human(i, human);
    if (doctrines) {
      ImGui::TableNextColumn();
      if (form_.offers_doctrine(i)) {
        const std::string default_name = scenario.default_doctrine(i);
        const int chosen = form_.doctrine(i);
        const DoctrineInfo& current = scenario.doctrines[static_cast<std::size_t>(chosen)];
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::BeginCombo("##doctrine", current.title.c_str())) {
          for (std::size_t d = 0; d < scenario.doctrines.size(); ++d) {
            const DoctrineInfo& option = scenario.doctrines[d];
            const std::string text =
                option.title + (option.name == default_name ? "  (scenario default)" : "");
            if (ImGui::Selectable(text.c_str(), static_cast<int>(d) == chosen))
              form_.set_doctrine(i, static_cast<int>(d));
            if (ImGui::IsItemHovered() && !option.description.empty())
              ImGui::SetTooltip("%s", option.description.c_str());
          }
          ImGui::EndCombo();
        } else if (ImGui::IsItemHovered() && !current.description.empty()) {
          ImGui::SetTooltip("%s%s", current.description.c_str(),
                            human ? "\n(plays only the turns this seat sends no orders)" : "");
        }
      } else {
        ImGui::TextColored(colors::kMuted, "%s", human ? "a person" : "");
      }
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void CreateMatchDialog::draw(const OnCreate& on_create) {
  if (open_requested_) {
    ImGui::OpenPopup("Create a match");
    open_requested_ = false;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  // As tall as the form, but never taller than the window: the form scrolls, the Create and
  // Cancel buttons below it stay in sight whatever the scenario's number of seats.
  ImGui::SetNextWindowSize(ImVec2(std::min(640.0f, viewport->WorkSize.x * 0.95f),
                                  std::min(720.0f, viewport->WorkSize.y * 0.92f)),
                           ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Create a match", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;

  const float footer = ImGui::GetFrameHeightWithSpacing() * 2.0f + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("form", ImVec2(0, -footer));
  ImGui::PushItemWidth(-170.0f);
  ImGui::InputText("Match name", &form_.name);

  // Scenario: the ones this client has as presets, or any name the server may know.
  if (ImGui::BeginCombo("Scenario", form_.scenario().c_str())) {
    // Chosen after the loop: choosing rebuilds the form the loop reads.
    std::string chosen;
    for (const auto& s : form_.scenarios()) {
      const std::string label = s.name + "  (" + s.title + ", " + std::to_string(s.turns) + " turns)";
      if (ImGui::Selectable(label.c_str(), s.name == form_.scenario())) chosen = s.name;
    }
    ImGui::EndCombo();
    if (!chosen.empty()) form_.choose_scenario(chosen);
  }
  std::string typed = form_.scenario();
  if (ImGui::InputText("or type a name", &typed)) form_.choose_scenario(typed);
  const ScenarioInfo* known = form_.known();
  if (known && !known->description.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(colors::kMuted, "%s", known->description.c_str());
    ImGui::PopTextWrapPos();
  }

  ImGui::Separator();
  ImGui::TextUnformatted(
      "Seats: tick the states people will play; bots play the others by the doctrine shown.");
  if (known) {
    draw_seats();
  } else {
    ImGui::InputTextWithHint("Human states", "state ids separated by commas, e.g. LIN,DRV",
                             &form_.human_list);
    ImGui::TextColored(colors::kMuted,
                       "This client does not have the scenario \"%s\": the server checks the ids "
                       "and its bots play their default doctrines.",
                       form_.scenario().c_str());
  }
  std::vector<std::string> take_labels = form_.human_states();
  take_labels.push_back("none: I only create it");
  form_.take = std::clamp(form_.take, 0, static_cast<int>(take_labels.size()) - 1);
  const std::size_t take = static_cast<std::size_t>(form_.take);
  if (ImGui::BeginCombo("Take the seat", take_labels[take].c_str())) {
    for (std::size_t i = 0; i < take_labels.size(); ++i)
      if (ImGui::Selectable(take_labels[i].c_str(), i == take)) form_.take = static_cast<int>(i);
    ImGui::EndCombo();
  }

  ImGui::Separator();
  ImGui::InputInt("Turn deadline (s)", &form_.deadline_seconds, 60, 600);
  form_.deadline_seconds = std::clamp(form_.deadline_seconds, 0, 7 * 86400);
  for (const auto& preset : kDeadlines) {
    if (ImGui::SmallButton(preset.label)) form_.deadline_seconds = preset.seconds;
    ImGui::SameLine();
  }
  ImGui::TextColored(colors::kMuted, "%s",
                     form_.deadline_seconds == 0 ? "(turns wait for every player)" : "");
  ImGui::InputTextWithHint("Password", "empty: open to all", &form_.password,
                           ImGuiInputTextFlags_Password);
  ImGui::Checkbox("A bot plays a seat that sends no orders", &form_.bot_plays_absent);
  ImGui::SameLine();
  ImGui::TextColored(colors::kMuted, "%s",
                     form_.bot_plays_absent
                         ? "(for that turn only, by the seat's doctrine)"
                         : "(otherwise it keeps its budget and does nothing else)");
  ImGui::PopItemWidth();
  ImGui::EndChild();

  ImGui::Separator();
  if (!error_.empty()) ImGui::TextColored(colors::kBad, "%s", error_.c_str());
  if (ImGui::Button("Create", ImVec2(140, 0))) {
    if (const auto problem = form_.problem()) {
      error_ = *problem;
    } else {
      on_create(form_.request(), form_.seat_to_take());
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
