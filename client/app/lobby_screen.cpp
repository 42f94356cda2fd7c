#include "client/app/lobby_screen.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace hegemon::client {
namespace {

const pb::RememberedSeat* remembered(const LobbyModel& lobby, std::uint64_t match) {
  for (const auto& seat : lobby.my_seats)
    if (seat.match_id() == match) return &seat;
  return nullptr;
}

std::string deadline_text(std::uint32_t seconds) {
  if (seconds == 0) return "no deadline";
  if (seconds % 86400 == 0) return std::to_string(seconds / 86400) + " d per turn";
  if (seconds % 3600 == 0) return std::to_string(seconds / 3600) + " h per turn";
  if (seconds % 60 == 0) return std::to_string(seconds / 60) + " min per turn";
  return std::to_string(seconds) + " s per turn";
}

ImVec4 status_color(const pb::MatchSummary& match) {
  switch (match.status()) {
    case pb::MATCH_PAUSED: return colors::kWarn;
    case pb::MATCH_FINISHED: return colors::kMuted;
    default: return colors::kGood;
  }
}

}  // namespace

std::string match_status_text(const pb::MatchSummary& match) {
  switch (match.status()) {
    case pb::MATCH_PAUSED: return "paused";
    case pb::MATCH_FINISHED: return "finished";
    default: return "collecting turn " + std::to_string(match.turn() + 1);
  }
}

std::string seats_text(const pb::MatchSummary& match) {
  int humans = 0, free = 0, bots = 0;
  for (const auto& seat : match.seats()) {
    if (seat.kind() == pb::SEAT_BOT) {
      ++bots;
    } else {
      ++humans;
      if (seat.player_name().empty()) ++free;
    }
  }
  std::string text = std::to_string(humans) + (humans == 1 ? " human" : " humans");
  if (free > 0) text += " (" + std::to_string(free) + " free)";
  text += ", " + std::to_string(bots) + (bots == 1 ? " bot" : " bots");
  return text;
}

void LobbyScreen::draw(const LobbyModel& lobby, const LobbyActions& actions,
                       const UiFonts& fonts) {
  heading(fonts, "Lobby of " + lobby.server);
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - 470.0f);
  if (lobby.loading) ImGui::BeginDisabled();
  if (ImGui::Button("Refresh", ImVec2(110, 0))) actions.refresh();
  if (lobby.loading) ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Create a match...", ImVec2(190, 0))) create_.open(lobby.player);
  ImGui::SameLine();
  if (ImGui::Button("Disconnect", ImVec2(140, 0))) actions.disconnect();
  create_.draw(actions.create);

  ImGui::TextColored(colors::kMuted, "You are %s. Pick a match to see its seats; take a free "
                     "human seat, or watch.", lobby.player.c_str());
  if (!lobby.status.empty()) ImGui::TextColored(colors::kWarn, "%s", lobby.status.c_str());

  if (!lobby.my_seats.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Your seats on this server:");
    for (const auto& seat : lobby.my_seats) {
      ImGui::PushID(static_cast<int>(seat.match_id()));
      ImGui::BulletText("match %llu, %s, as %s", static_cast<unsigned long long>(seat.match_id()),
                        seat.match_name().c_str(), seat.state().c_str());
      ImGui::SameLine();
      if (ImGui::SmallButton("Take it back")) actions.resume(seat);
      ImGui::PopID();
    }
  }
  ImGui::Spacing();

  // The matches above, the lobby's chat in the bottom quarter.
  const float chat_height = std::max(120.0f, ImGui::GetContentRegionAvail().y * 0.25f);
  ImGui::BeginChild("lobby matches", ImVec2(0, -chat_height), false);
  draw_matches(lobby, actions, fonts);
  ImGui::EndChild();
  draw_chat(lobby, actions);
}

void LobbyScreen::draw_chat(const LobbyModel& lobby, const LobbyActions& actions) {
  ImGui::Separator();
  ImGui::TextUnformatted("Lobby chat");
  ImGui::SameLine();
  ImGui::TextColored(colors::kMuted, "everyone connected to this server reads it");
  const float input_height = ImGui::GetFrameHeightWithSpacing();
  ImGui::BeginChild("lobby chat", ImVec2(0, -input_height), true);
  for (const auto& m : lobby.chat)
    ImGui::TextWrapped("%s: %s", m.from_player().c_str(), m.text().c_str());
  if (lobby.chat.size() != chat_seen_) {  // follow new messages
    chat_seen_ = lobby.chat.size();
    ImGui::SetScrollHereY(1.0f);
  }
  ImGui::EndChild();
  ImGui::PushItemWidth(-90.0f);
  const bool entered = ImGui::InputTextWithHint("##lobby chat input", "say something to the lobby",
                                                &chat_input_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::PopItemWidth();
  ImGui::SameLine();
  const bool clicked = ImGui::Button("Send##lobby", ImVec2(80, 0));
  if ((entered || clicked) && !chat_input_.empty() && actions.chat) {
    actions.chat(chat_input_.substr(0, 500));
    chat_input_.clear();
  }
}

void LobbyScreen::draw_matches(const LobbyModel& lobby, const LobbyActions& actions,
                               const UiFonts& fonts) {
  if (!lobby.loaded) {
    ImGui::TextColored(colors::kMuted, "Asking the server for its matches...");
    return;
  }
  if (lobby.matches.empty()) {
    ImGui::TextColored(colors::kMuted,
                       "No matches on this server yet: create one with \"Create a match...\".");
    return;
  }
  const bool found = std::any_of(lobby.matches.begin(), lobby.matches.end(),
                                 [&](const pb::MatchSummary& m) { return m.match_id() == selected_; });
  if (!found) selected_ = lobby.matches.front().match_id();

  const float table_height = std::max(160.0f, ImGui::GetContentRegionAvail().y * 0.45f);
  ImGui::BeginChild("matches", ImVec2(0, table_height), false);
  draw_table(lobby);
  ImGui::EndChild();
  ImGui::Separator();
  for (const auto& match : lobby.matches)
    if (match.match_id() == selected_) draw_details(lobby, match, actions, fonts);
}

void LobbyScreen::draw_table(const LobbyModel& lobby) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("match list", 7, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 40);
  ImGui::TableSetupColumn("Match", ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("Scenario", ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("Turn", ImGuiTableColumnFlags_WidthFixed, 70);
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn("Seats", ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableHeadersRow();
  for (const auto& match : lobby.matches) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string id = std::to_string(match.match_id());
    if (ImGui::Selectable(id.c_str(), match.match_id() == selected_,
                          ImGuiSelectableFlags_SpanAllColumns))
      selected_ = match.match_id();
    ImGui::TableNextColumn();
    ImGui::Text("%s%s", match.name().c_str(), match.has_password() ? "  [password]" : "");
    if (const auto* mine = remembered(lobby, match.match_id())) {
      ImGui::SameLine();
      ImGui::TextColored(colors::kAccent, "(yours: %s)", mine->state().c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(match.scenario_title().empty() ? match.scenario().c_str()
                                                          : match.scenario_title().c_str());
    ImGui::TableNextColumn();
    // The turn being decided (turn 1 while the first is collected), or the turns played once over.
    if (match.status() == pb::MATCH_FINISHED)
      ImGui::Text("%d of %d played", match.turn(), match.turns());
    else
      ImGui::Text("%d of %d", std::min(match.turn() + 1, match.turns()), match.turns());
    ImGui::TableNextColumn();
    ImGui::TextColored(status_color(match), "%s", match_status_text(match).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(seats_text(match).c_str());
    if (ImGui::IsItemHovered()) {
      std::string list;
      for (const auto& seat : match.seats())
        list += seat.state() + "  " + seat.state_name() + ": " +
                (seat.kind() == pb::SEAT_BOT ? "bot"
                 : seat.player_name().empty() ? "free"
                                              : seat.player_name()) +
                (seat.doctrine().empty() ? "" : " (" + seat.doctrine() + ")") + "\n";
      ImGui::SetTooltip("%s", list.c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(match.owner().c_str());
  }
  ImGui::EndTable();
}

void LobbyScreen::draw_details(const LobbyModel& lobby, const pb::MatchSummary& match,
                               const LobbyActions& actions, const UiFonts& fonts) {
  heading(fonts, match.name());
  ImGui::TextColored(colors::kMuted, "%s, turn %d of %d, %s, %s, created by %s",
                     match.scenario_title().empty() ? match.scenario().c_str()
                                                    : match.scenario_title().c_str(),
                     match.turn(), match.turns(), match_status_text(match).c_str(),
                     deadline_text(match.turn_deadline_seconds()).c_str(),
                     match.owner().c_str());
  if (match.has_password()) {
    ImGui::SetNextItemWidth(260);
    ImGui::InputTextWithHint("Password", "this match has one", &password_,
                             ImGuiInputTextFlags_Password);
  }
  const pb::RememberedSeat* mine = remembered(lobby, match.match_id());
  const bool over = match.status() == pb::MATCH_FINISHED;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("seats", 6, flags)) {
    ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Seat", ImGuiTableColumnFlags_WidthFixed, 70);
    ImGui::TableSetupColumn("Player", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Bot doctrine", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("This turn", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 150);
    ImGui::TableHeadersRow();
    for (const auto& seat : match.seats()) {
      ImGui::PushID(seat.state().c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%s  %s", seat.state().c_str(), seat.state_name().c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(seat.kind() == pb::SEAT_BOT ? "bot" : "human");
      ImGui::TableNextColumn();
      if (seat.kind() == pb::SEAT_BOT) {
        ImGui::TextColored(colors::kMuted, "played by the server");
      } else if (seat.player_name().empty()) {
        ImGui::TextColored(colors::kGood, "free");
      } else {
        status_dot(seat.connected() ? colors::kGood : colors::kMuted);
        ImGui::SameLine();
        ImGui::Text("%s%s", seat.player_name().c_str(), seat.connected() ? "" : " (away)");
      }
      // The doctrine a bot plays the seat by; for a human seat, the turns it sends no orders.
      ImGui::TableNextColumn();
      if (!seat.doctrine().empty()) {
        if (seat.kind() == pb::SEAT_BOT) {
          ImGui::TextUnformatted(seat.doctrine().c_str());
        } else {
          ImGui::TextColored(colors::kMuted, "%s", seat.doctrine().c_str());
          tooltip("A bot plays this seat by this doctrine on the turns it sends no orders.");
        }
      }
      ImGui::TableNextColumn();
      if (seat.kind() == pb::SEAT_HUMAN && !over)
        ImGui::TextColored(seat.ready() ? colors::kGood : colors::kMuted, "%s",
                           seat.ready() ? "ready" : "deciding");
      ImGui::TableNextColumn();
      if (mine && mine->state() == seat.state()) {
        if (ImGui::SmallButton("Take it back")) actions.resume(*mine);
      } else if (seat.kind() == pb::SEAT_HUMAN && seat.player_name().empty() && !over) {
        if (ImGui::SmallButton("Take this seat"))
          actions.join(match.match_id(), seat.state(), password_);
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (ImGui::Button(over ? "See how it ended" : "Watch this match", ImVec2(220, 0)))
    actions.observe(match.match_id(), password_);
  tooltip("Spectators see public information only: published budgets, estimates, treaties.");
}

}  // namespace hegemon::client
