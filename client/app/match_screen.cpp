#include "client/app/match_screen.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include "client/app/model_updates.h"
#include "client/app/panels/labels.h"
#include "client/app/preview.h"

namespace hegemon::client {
namespace {

/// The notifications' height, in lines of text: it follows the UI scale.
constexpr float kNotificationLines = 8.5f;

std::string countdown(std::int64_t deadline_unix_ms) {
  using namespace std::chrono;
  const auto now = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  const std::int64_t left = std::max<std::int64_t>(0, (deadline_unix_ms - now + 999) / 1000);
  char text[48];
  if (left >= 3600)
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", static_cast<long long>(left / 3600),
                  static_cast<long long>(left / 60 % 60), static_cast<long long>(left % 60));
  else
    std::snprintf(text, sizeof text, "%02lld:%02lld", static_cast<long long>(left / 60),
                  static_cast<long long>(left % 60));
  return text;
}

std::int64_t seconds_left(std::int64_t deadline_unix_ms) {
  using namespace std::chrono;
  const auto now = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  return (deadline_unix_ms - now) / 1000;
}

ImVec4 notification_color(Notification::Kind kind) {
  switch (kind) {
    case Notification::Kind::Proposal: return colors::kAccent;
    case Notification::Kind::Breach: return colors::kBad;
    case Notification::Kind::Status: return colors::kWarn;
    case Notification::Kind::Treaty: return colors::kAccent;
    case Notification::Kind::Error: return colors::kBad;
    default: return colors::kMuted;
  }
}

const char* notification_label(Notification::Kind kind) {
  switch (kind) {
    case Notification::Kind::Proposal: return "proposal";
    case Notification::Kind::Breach: return "breach";
    case Notification::Kind::Status: return "status";
    case Notification::Kind::Treaty: return "treaty";
    case Notification::Kind::Error: return "refused";
    default: return "news";
  }
}

bool orders_sent_this_turn(const MatchModel& model) {
  return model.last_accepted && model.last_accepted->turn() == model.collecting_turn();
}

}  // namespace

void MatchScreen::start_afresh_if_other(const MatchModel& model) {
  if (model.match_id == shown_match_ && model.my_state == shown_state_) return;
  map_ = MapPanel{};
  budget_ = BudgetPanel{};
  diplomacy_ = DiplomacyPanel{};
  threats_ = ThreatPanel{};
  finland_ = FinlandPanel{};
  goals_ = GoalsPanel{};
  history_ = HistoryPanel{};
  report_ = ReportPanel{};
  chat_ = ChatPanel{};
  selected_.clear();
  closeup_ = CloseupPanel{};
  debrief_open_ = false;
  debrief_offered_ = false;
  closeup_open_ = false;
  closeup_state_.clear();
  current_ = MatchTab::Budget;
  shown_match_ = model.match_id;
  shown_state_ = model.my_state;
}

void MatchScreen::draw(MatchModel& model, const MatchScreenActions& actions, LinkState link,
                       const UiFonts& fonts) {
  start_afresh_if_other(model);
  draw_top_bar(model, actions, link, fonts);

  const ImVec2 area = ImGui::GetContentRegionAvail();
  const float left_width = std::max(380.0f, std::floor(area.x * 0.52f));
  ImGui::BeginChild("left", ImVec2(left_width, area.y), false);
  {
    const float map_height =
        std::max(200.0f, ImGui::GetContentRegionAvail().y -
                             kNotificationLines * ImGui::GetTextLineHeightWithSpacing() -
                             ImGui::GetStyle().ItemSpacing.y);
    ImGui::BeginChild("map", ImVec2(0, map_height), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const std::string before = selected_;
    map_.draw(model, selected_);
    // A state clicked on the map opens its closeup.
    if (selected_ != before && !selected_.empty()) {
      closeup_state_ = selected_;
      closeup_open_ = true;
    }
    ImGui::EndChild();
    ImGui::BeginChild("notifications", ImVec2(0, 0), true);
    draw_notifications(model);
    ImGui::EndChild();
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("right", ImVec2(0, area.y), false);
  draw_tabs(model, actions.match);
  ImGui::EndChild();
  draw_closeup(model);
  draw_debrief(model);
}

void MatchScreen::draw_debrief(const MatchModel& model) {
  const bool over = model.view.ended() || model.summary.status() == pb::MATCH_FINISHED;
  if (!over) return;
  // Opened by itself once, when the match is seen to end; then by its button.
  if (!debrief_offered_) {
    debrief_offered_ = true;
    debrief_open_ = true;
  }
  if (!debrief_open_) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const ImVec2 size(std::min(760.0f, display.x * 0.9f), std::min(640.0f, display.y * 0.88f));
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2((display.x - size.x) * 0.5f, (display.y - size.y) * 0.5f),
                          ImGuiCond_Appearing);
  if (ImGui::Begin("Debrief###debrief", &debrief_open_, ImGuiWindowFlags_NoCollapse))
    debrief_.draw(model);
  ImGui::End();
}

void MatchScreen::draw_closeup(const MatchModel& model) {
  if (!closeup_open_ || closeup_state_.empty()) return;
  // A window of its own over the right of the screen, as wide as fits: it can be moved, and
  // closed with its cross.
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const ImVec2 size(std::min(480.0f, display.x * 0.48f), std::min(560.0f, display.y * 0.8f));
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(display.x - size.x - 16.0f, display.y * 0.12f),
                          ImGuiCond_Appearing);
  const std::string title = "Closeup: " + state_name(model.view, closeup_state_) + "###closeup";
  if (ImGui::Begin(title.c_str(), &closeup_open_, ImGuiWindowFlags_NoCollapse))
    closeup_.draw(model, closeup_state_);
  ImGui::End();
}

void MatchScreen::draw_top_bar(MatchModel& model, const MatchScreenActions& actions,
                               LinkState link, const UiFonts& fonts) {
  const pb::PlayerView& view = model.view;
  const pb::MatchSummary& summary = model.summary;
  const float height = ImGui::GetTextLineHeightWithSpacing() + 21.0f +
                       ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;
  ImGui::BeginChild("top bar", ImVec2(0, height), true, ImGuiWindowFlags_NoScrollbar);

  // Line 1: who and where.
  const std::string who = model.spectator() ? "Watching" : state_name(view, model.my_state);
  heading(fonts, who + "  \xc2\xb7  " + summary.name());
  ImGui::SameLine();
  ImGui::TextColored(colors::kMuted, "%s", view.title().c_str());
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 250.0f);
  status_dot(link == LinkState::Online ? colors::kGood : colors::kWarn);
  ImGui::SameLine();
  ImGui::TextColored(link == LinkState::Online ? colors::kMuted : colors::kWarn, "%s",
                     link == LinkState::Online       ? "online"
                     : link == LinkState::Connecting ? "reconnecting..."
                     : link == LinkState::Waiting    ? "connection lost"
                                                     : "offline");
  ImGui::SameLine();
  if (ImGui::SmallButton("Lobby")) actions.to_lobby();
  tooltip("Back to the lobby. Your seat stays yours: take it back from there.");

  // Line 2: the turn, the period, the deadline, the orders.
  const int turn = view.turn();
  if (view.ended() || summary.status() == pb::MATCH_FINISHED) {
    ImGui::Text("Turn %d of %d  \xc2\xb7  %s", turn, view.turns(),
                period_of_turn(view, std::max(turn, 1)).c_str());
    ImGui::SameLine();
    ImGui::TextColored(colors::kWarn, "The match is over%s%s",
                       view.end_reason().empty() ? "" : ": ", view.end_reason().c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Debrief")) debrief_open_ = true;
    tooltip(
        "The final standings with every part of every score, the key events turn by turn, "
        "and charts comparing the states.");
  } else {
    ImGui::Text("Deciding turn %d of %d  \xc2\xb7  %s", model.collecting_turn(), view.turns(),
                period_of_turn(view, model.collecting_turn()).c_str());
    tooltip(std::to_string(turn) + " turns resolved; the orders being taken are for turn " +
            std::to_string(model.collecting_turn()) + ".");
    ImGui::SameLine();
    if (summary.status() == pb::MATCH_PAUSED) {
      ImGui::TextColored(colors::kWarn, "  paused by its owner");
    } else if (summary.deadline_unix_ms() > 0) {
      const auto left = seconds_left(summary.deadline_unix_ms());
      ImGui::TextColored(left < 60 ? colors::kBad : left < 300 ? colors::kWarn : colors::kMuted,
                         "  deadline in %s", countdown(summary.deadline_unix_ms()).c_str());
    } else {
      ImGui::TextColored(colors::kMuted, "  no deadline: the turn waits for every player");
    }
  }
  if (actions.pause && summary.status() != pb::MATCH_FINISHED) {
    ImGui::SameLine();
    const bool paused = summary.status() == pb::MATCH_PAUSED;
    if (ImGui::SmallButton(paused ? "Resume the match" : "Pause the match")) actions.pause(!paused);
  }
  draw_orders_controls(model, actions.match);
  ImGui::EndChild();
}

void MatchScreen::draw_orders_controls(MatchModel& model, const MatchActions& actions) {
  if (model.spectator()) {
    ImGui::TextColored(colors::kMuted,
                       "You are watching: public information only, no orders to give.");
    return;
  }
  if (model.view.ended() || model.summary.status() == pb::MATCH_FINISHED) return;
  const bool running = model.summary.status() == pb::MATCH_WAITING;
  const bool sent = orders_sent_this_turn(model);
  const bool changed = model.draft.dirty || !sent;

  if (!running) ImGui::BeginDisabled();
  if (ImGui::Button(model.draft.dirty ? "Send orders*" : "Send orders", ImVec2(150, 0)) &&
      actions.submit)
    actions.submit(draft_order_set(model), model.ready);
  tooltip("Sends every drafted order for this turn. Orders can be replaced until the turn "
          "resolves.");
  ImGui::SameLine();
  if (model.ready) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.20f, 0.50f, 0.25f, 1.0f));
    if (ImGui::Button("Ready \xe2\x9c\x93", ImVec2(150, 0)) && actions.set_ready)
      actions.set_ready(false);
    ImGui::PopStyleColor();
    tooltip("You are ready. Click to take it back while the turn is open.");
  } else {
    if (ImGui::Button("I'm ready", ImVec2(150, 0))) {
      if (changed && actions.submit)
        actions.submit(draft_order_set(model), true);
      else if (actions.set_ready)
        actions.set_ready(true);
    }
    tooltip("Sends the draft if it changed and declares you ready. The turn resolves when "
            "every player is ready or the deadline passes.");
  }
  if (!running) ImGui::EndDisabled();
  ImGui::SameLine();
  if (sent) {
    int taken = 0;
    for (const auto& r : model.last_accepted->results()) taken += r.accepted() ? 1 : 0;
    ImGui::TextColored(taken == model.last_accepted->results_size() ? colors::kGood : colors::kWarn,
                       "orders sent: %d of %d accepted%s", taken,
                       model.last_accepted->results_size(),
                       model.draft.dirty ? "; the draft has changed since" : "");
  } else {
    ImGui::TextColored(colors::kMuted, "no orders sent yet: the standing budget applies");
  }
  // Who else the turn waits for.
  int waiting = 0;
  for (const auto& seat : model.summary.seats())
    if (seat.kind() == pb::SEAT_HUMAN && !seat.ready() && seat.state() != model.my_state) ++waiting;
  if (waiting > 0) {
    ImGui::SameLine();
    ImGui::TextColored(colors::kMuted, "  \xc2\xb7  %d other player%s still deciding", waiting,
                       waiting == 1 ? "" : "s");
  }
}

void MatchScreen::draw_notifications(MatchModel& model) {
  int unseen = 0;
  for (const auto& n : model.notifications) unseen += n.seen ? 0 : 1;
  ImGui::TextUnformatted("Notifications");
  if (unseen > 0) {
    ImGui::SameLine();
    ImGui::TextColored(colors::kAccent, "(%d new)", unseen);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Mark all read").x -
                    ImGui::GetStyle().FramePadding.x * 2.0f);
    if (ImGui::SmallButton("Mark all read"))
      for (auto& n : model.notifications) n.seen = true;
  }
  ImGui::Separator();
  if (model.notifications.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors::kMuted);
    ImGui::TextWrapped("Proposals addressed to you, breaches of treaties, changes of status and "
                       "the news of each turn appear here.");
    ImGui::PopStyleColor();
    return;
  }
  ImGui::BeginChild("notification list");
  for (auto it = model.notifications.rbegin(); it != model.notifications.rend(); ++it) {
    ImGui::PushID(static_cast<int>(it - model.notifications.rbegin()));
    const ImVec4 color = notification_color(it->kind);
    ImGui::TextColored(it->seen ? colors::kMuted : color, "%s %-8s", it->seen ? " " : "\xe2\x80\xa2",
                       notification_label(it->kind));
    // Columns as wide as their longest words, at any UI scale.
    ImGui::SameLine(ImGui::CalcTextSize("\xe2\x80\xa2 proposal ").x + ImGui::GetFontSize());
    ImGui::TextColored(colors::kMuted, "turn %d", it->turn);
    ImGui::SameLine(ImGui::CalcTextSize("\xe2\x80\xa2 proposal  turn 000 ").x +
                    ImGui::GetFontSize());
    text_wrapped(it->text);
    if (ImGui::IsItemClicked()) {
      it->seen = true;
      if (it->kind == Notification::Kind::Proposal || it->kind == Notification::Kind::Treaty ||
          it->kind == Notification::Kind::Breach)
        requested_ = MatchTab::Diplomacy;
      else if (it->kind == Notification::Kind::Status)
        requested_ = MatchTab::Finlandization;
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void MatchScreen::draw_tabs(MatchModel& model, const MatchActions& actions) {
  // In a narrow window the tabs scroll; the list button reaches any of them in one click.
  if (!ImGui::BeginTabBar("panels", ImGuiTabBarFlags_FittingPolicyScroll |
                                        ImGuiTabBarFlags_TabListPopupButton))
    return;
  for (const MatchTab tab : kMatchTabs) {
    ImGuiTabItemFlags flags = ImGuiTabItemFlags_None;
    if (requested_ && *requested_ == tab) flags |= ImGuiTabItemFlags_SetSelected;
    if (!ImGui::BeginTabItem(tab_title(tab), nullptr, flags)) continue;
    current_ = tab;
    ImGui::BeginChild("panel", ImVec2(0, 0), false);
    switch (tab) {
      case MatchTab::Budget: budget_.draw(model, actions); break;
      case MatchTab::Diplomacy: diplomacy_.draw(model, actions, selected_); break;
      case MatchTab::Threats: threats_.draw(model, selected_); break;
      case MatchTab::Finlandization: finland_.draw(model); break;
      case MatchTab::Goals:
        goals_.draw(model);
        break;
      case MatchTab::History:
        history_.draw(model, selected_);
        break;
      case MatchTab::Report: report_.draw(model); break;
      case MatchTab::Chat: chat_.draw(model, actions); break;
      case MatchTab::Seats: draw_seats(model); break;
    }
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  requested_.reset();
  ImGui::EndTabBar();
}

void MatchScreen::draw_seats(const MatchModel& model) {
  const pb::MatchSummary& summary = model.summary;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::Text("%s: %s, created by %s", summary.name().c_str(),
              summary.scenario_title().empty() ? summary.scenario().c_str()
                                               : summary.scenario_title().c_str(),
              summary.owner().c_str());
  if (summary.turn_deadline_seconds() > 0)
    ImGui::Text("Each turn resolves after %u s at the latest, or as soon as every player is ready.",
                summary.turn_deadline_seconds());
  else
    ImGui::TextUnformatted("No deadline: each turn waits until every player is ready.");
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  // Every column as wide as what it holds: a narrow panel scrolls the table sideways rather than
  // cut a state's or a player's name.
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
  const float rows = ImGui::GetTextLineHeightWithSpacing() *
                         static_cast<float>(summary.seats_size() + 1) +
                     ImGui::GetStyle().ScrollbarSize + ImGui::GetStyle().CellPadding.y * 4.0f;
  if (!ImGui::BeginTable("players", 4, flags, ImVec2(0, rows))) return;
  ImGui::TableSetupScrollFreeze(1, 1);  // the states stay in sight while the rest scrolls
  ImGui::TableSetupColumn("State");
  ImGui::TableSetupColumn("Played by");
  ImGui::TableSetupColumn("Online");
  ImGui::TableSetupColumn("This turn");
  ImGui::TableHeadersRow();
  for (const auto& seat : summary.seats()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool mine = seat.state() == model.my_state;
    ImGui::TextColored(mine ? colors::kAccent : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s  %s%s",
                       seat.state().c_str(), seat.state_name().c_str(), mine ? "  (you)" : "");
    ImGui::TableNextColumn();
    if (seat.kind() == pb::SEAT_BOT)
      ImGui::TextColored(colors::kMuted, "a bot");
    else if (seat.player_name().empty())
      ImGui::TextColored(colors::kGood, "free seat");
    else
      ImGui::TextUnformatted(seat.player_name().c_str());
    ImGui::TableNextColumn();
    if (seat.kind() == pb::SEAT_HUMAN && !seat.player_name().empty()) {
      status_dot(seat.connected() ? colors::kGood : colors::kMuted);
    }
    ImGui::TableNextColumn();
    const bool over = model.view.ended() || model.summary.status() == pb::MATCH_FINISHED;
    if (over)
      ImGui::TextColored(colors::kMuted, "-");  // nobody decides anything any more
    else if (seat.kind() == pb::SEAT_HUMAN)
      ImGui::TextColored(seat.ready() ? colors::kGood : colors::kMuted, "%s",
                         seat.ready() ? "ready" : "deciding");
    else
      ImGui::TextColored(colors::kMuted, "never waits");
  }
  ImGui::EndTable();
}

}  // namespace hegemon::client
