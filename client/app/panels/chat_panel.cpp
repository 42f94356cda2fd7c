// Chat: every message of the match, public and private, and a line to write one.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <string>

#include "client/app/panels.h"
#include "client/app/panels/labels.h"

namespace hegemon::client {
namespace {

constexpr std::size_t kMaxMessageLength = 500;  // the server refuses longer ones
const ImVec4 kPrivate{0.80f, 0.60f, 1.00f, 1.0f};

std::string clock_time(std::int64_t unix_ms) {
  const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm local{};
  if (unix_ms <= 0 || !localtime_r(&seconds, &local)) return "--:--";
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M", &local);
  return buf;
}

std::string trimmed(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  const auto end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

}  // namespace

void ChatPanel::draw(MatchModel& model, const MatchActions& actions) {
  const pb::PlayerView& view = model.view;
  const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("messages", ImVec2(0, -footer), true);
  if (model.chat.empty()) ImGui::TextDisabled("No message yet. Diplomacy is also talk.");
  for (const auto& m : model.chat) {
    const bool from_me = !m.from_state().empty() && m.from_state() == view.own().id();
    std::string who = m.from_player().empty() ? std::string("someone") : m.from_player();
    if (from_me)
      who = "You";
    else if (!m.from_state().empty())
      who += " (" + name_of(view, m.from_state()) + ")";
    const std::string to =
        m.to_state() == view.own().id() ? std::string("you") : name_of(view, m.to_state());
    const std::string when = clock_time(m.sent_unix_ms());
    if (m.to_state().empty()) {
      ImGui::TextDisabled("%s", when.c_str());
      ImGui::SameLine();
      ImGui::TextWrapped("%s: %s", who.c_str(), m.text().c_str());
    } else {
      ImGui::TextDisabled("%s", when.c_str());
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, kPrivate);
      ImGui::TextWrapped("%s to %s, privately: %s", who.c_str(), to.c_str(), m.text().c_str());
      ImGui::PopStyleColor();
    }
  }
  if (model.chat.size() != messages_seen) {
    ImGui::SetScrollHereY(1.0f);
    messages_seen = model.chat.size();
  }
  ImGui::EndChild();

  const std::string to = to_state.empty() ? std::string("Everyone") : name_of(view, to_state);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
  if (ImGui::BeginCombo("##to", to.c_str())) {
    if (ImGui::Selectable("Everyone", to_state.empty())) to_state.clear();
    for (const auto& id : state_ids(view)) {
      if (id == view.own().id()) continue;
      const std::string label = name_of(view, id) + " (privately)";
      if (ImGui::Selectable(label.c_str(), id == to_state)) to_state = id;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  const float button = ImGui::CalcTextSize("Send").x + ImGui::GetStyle().FramePadding.x * 2.0f;
  ImGui::SetNextItemWidth(
      std::max(80.0f, ImGui::GetContentRegionAvail().x - button - ImGui::GetStyle().ItemSpacing.x));
  bool send = ImGui::InputTextWithHint("##say", "write, then Enter", &input,
                                       ImGuiInputTextFlags_EnterReturnsTrue);
  if (send) ImGui::SetKeyboardFocusHere(-1);  // keep typing after Enter
  ImGui::SameLine();
  const std::string text = trimmed(input);
  const bool sendable = !text.empty() && text.size() <= kMaxMessageLength && actions.chat;
  ImGui::BeginDisabled(!sendable);
  send = ImGui::Button("Send") || send;
  ImGui::EndDisabled();
  if (send && sendable) {
    actions.chat(to_state, text);
    input.clear();
  }
  if (text.size() > kMaxMessageLength)
    ImGui::TextColored(kBad, "%zu characters: a message holds at most %zu.", text.size(),
                       kMaxMessageLength);
}

}  // namespace hegemon::client
