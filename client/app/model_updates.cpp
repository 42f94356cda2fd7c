#include "client/app/model_updates.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "client/net/server_connection.h"

namespace hegemon::client {
namespace {

void notify(MatchModel& model, Notification::Kind kind, std::string text) {
  model.notifications.push_back({kind, model.view.turn(), std::move(text), false});
  if (model.notifications.size() > kMaxNotifications)
    model.notifications.erase(model.notifications.begin(),
                              model.notifications.begin() +
                                  static_cast<std::ptrdiff_t>(model.notifications.size() -
                                                              kMaxNotifications));
}

/// Announces the end of the match once, whichever message brings it first (the last turn's
/// resolution, the match's change of status, a seat taken back after the end).
void tell_match_over(MatchModel& model, const std::string& reason) {
  if (model.told_over) return;
  model.told_over = true;
  notify(model, Notification::Kind::Info,
         "The match is over" + (reason.empty() ? std::string(".") : ": " + reason));
}

void add(std::vector<Notification>& out, Notification::Kind kind, int turn, std::string text) {
  out.push_back({kind, turn, std::move(text), false});
}

bool contains(const google::protobuf::RepeatedPtrField<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string treaty_title(const pb::PlayerView& view, const pb::Treaty& treaty) {
  std::string members;
  for (const auto& m : treaty.members()) {
    if (!members.empty()) members += ", ";
    members += state_name(view, m.state());
  }
  const std::string kind = treaty_type_text(treaty.type());
  if (!treaty.name().empty()) return treaty.name() + " (" + kind + " of " + members + ")";
  return "the " + kind + " of " + members;
}

bool is_member(const pb::Treaty& treaty, const std::string& state) {
  return std::any_of(treaty.members().begin(), treaty.members().end(),
                     [&](const pb::MemberStanding& m) { return m.state() == state; });
}

const pb::Treaty* find_treaty(const pb::PlayerView& view, int id) {
  for (const auto& t : view.treaties())
    if (t.id() == id) return &t;
  return nullptr;
}

/// (holder, other) -> status, from what the view shows: the viewer's own relations and the
/// public statuses of the others (independent pairs are left out).
std::map<std::pair<std::string, std::string>, pb::FinlandStatus> finland_statuses(
    const pb::PlayerView& view) {
  std::map<std::pair<std::string, std::string>, pb::FinlandStatus> out;
  for (const auto& r : view.own().relations())
    if (r.finland_status() != pb::INDEPENDENT) out[{view.own().id(), r.other()}] = r.finland_status();
  for (const auto& other : view.others())
    for (const auto& r : other.public_relations())
      if (r.finland_status() != pb::INDEPENDENT) out[{other.id(), r.other()}] = r.finland_status();
  return out;
}

void finland_notifications(const pb::PlayerView& before, const pb::PlayerView& after,
                           std::vector<Notification>& out) {
  const auto old_statuses = finland_statuses(before);
  const auto new_statuses = finland_statuses(after);
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& [pair, status] : old_statuses) pairs.insert(pair);
  for (const auto& [pair, status] : new_statuses) pairs.insert(pair);
  for (const auto& pair : pairs) {
    const auto was_it = old_statuses.find(pair);
    const auto is_it = new_statuses.find(pair);
    const auto was = was_it == old_statuses.end() ? pb::INDEPENDENT : was_it->second;
    const auto now = is_it == new_statuses.end() ? pb::INDEPENDENT : is_it->second;
    if (was == now) continue;
    const std::string other = state_name(after, pair.second);
    std::string text;
    if (pair.first == after.viewer() && !after.viewer().empty()) {
      switch (now) {
        case pb::ACCOMMODATING:
          text = "You now accommodate " + other +
                 ": you cannot join new alliances against it nor sanction it.";
          break;
        case pb::FINLANDIZED:
          text = "You are Finlandized toward " + other +
                 ": you must leave alliances hostile to it and cannot oppose it; your budget "
                 "stays your own.";
          break;
        default:
          text = "You are independent of " + other + " again.";
          break;
      }
    } else {
      const std::string holder = state_name(after, pair.first);
      switch (now) {
        case pb::ACCOMMODATING: text = holder + " now accommodates " + other + "."; break;
        case pb::FINLANDIZED: text = holder + " is now Finlandized toward " + other + "."; break;
        default: text = holder + " is independent of " + other + " again."; break;
      }
    }
    add(out, Notification::Kind::Status, after.turn(), text);
  }
}

void treaty_notifications(const pb::PlayerView& before, const pb::PlayerView& after,
                          std::vector<Notification>& out) {
  const std::string& me = after.viewer();
  for (const auto& treaty : after.treaties()) {
    const pb::Treaty* old = find_treaty(before, treaty.id());
    if (!old) {
      add(out, Notification::Kind::Treaty, after.turn(), "Treaty signed: " + treaty_title(after, treaty) + ".");
      continue;
    }
    // Breaches: in treaties the viewer belongs to (a spectator hears of all of them).
    if (!me.empty() && !is_member(treaty, me)) continue;
    for (const auto& member : treaty.members()) {
      int old_breaches = 0;
      for (const auto& m : old->members())
        if (m.state() == member.state()) old_breaches = m.breaches();
      if (member.breaches() <= old_breaches) continue;
      const std::string title = treaty_title(after, treaty);
      if (member.state() == me)
        add(out, Notification::Kind::Breach, after.turn(),
            "You fell short of your commitments under " + title +
                ": your allies see the breach and your reputation suffers.");
      else
        add(out, Notification::Kind::Breach, after.turn(),
            state_name(after, member.state()) + " breached its commitments under " + title + ".");
    }
  }
  for (const auto& treaty : before.treaties())
    if (!find_treaty(after, treaty.id()))
      add(out, Notification::Kind::Treaty, after.turn(), "Treaty ended: " + treaty_title(before, treaty) + ".");
}

const pb::SeatInfo* my_seat(const pb::MatchSummary& summary, const std::string& state) {
  for (const auto& seat : summary.seats())
    if (seat.state() == state) return &seat;
  return nullptr;
}

void keep_report(MatchModel& model, const pb::TurnReport& report) {
  auto& reports = model.reports;
  const auto at = std::find_if(reports.begin(), reports.end(),
                               [&](const pb::TurnReport& r) { return r.turn() >= report.turn(); });
  if (at != reports.end() && at->turn() == report.turn()) {
    *at = report;
  } else {
    reports.insert(at, report);
  }
}

void keep_view(MatchModel& model, const pb::PlayerView& view) {
  auto& history = model.history;
  const auto at = std::find_if(history.begin(), history.end(),
                               [&](const pb::PlayerView& v) { return v.turn() >= view.turn(); });
  if (at != history.end() && at->turn() == view.turn()) {
    *at = view;
  } else {
    history.insert(at, view);
  }
}

/// A new model when the message concerns another match or another seat; the same otherwise.
void start_over_if_other(MatchModel& model, std::uint64_t match_id, const std::string& state) {
  if (model.match_id != match_id || model.my_state != state) {
    model = MatchModel{};
    model.match_id = match_id;
    model.my_state = state;
  }
}

}  // namespace

std::string state_name(const pb::PlayerView& view, const std::string& id) {
  if (view.own().id() == id && !view.own().name().empty()) return view.own().name();
  for (const auto& s : view.others())
    if (s.id() == id && !s.name().empty()) return s.name();
  return id;
}

std::string period_of_turn(const pb::PlayerView& view, int turn) {
  const int index = std::max(turn, 1) - 1;
  if (view.turn_length() == pb::QUARTER)
    return "Q" + std::to_string(index % 4 + 1) + " " + std::to_string(view.start_year() + index / 4);
  return std::to_string(view.start_year() + index);
}

std::string treaty_type_text(pb::TreatyType type) {
  switch (type) {
    case pb::MUTUAL_DEFENSE: return "mutual defense pact";
    case pb::NON_AGGRESSION: return "non-aggression pact";
    case pb::MILITARY_AID: return "military aid agreement";
    case pb::JOINT_EXERCISES: return "joint exercises agreement";
    case pb::CONFIDENCE_BUILDING: return "confidence-building agreement";
    case pb::NEUTRALITY: return "neutrality treaty";
    default: return "treaty";
  }
}

void reset_draft(MatchModel& model) {
  OrderDraft draft;
  draft.turn = model.collecting_turn();
  draft.allocation = model.view.own().allocation();
  draft.publish_budget = model.view.own().publish_budget();
  model.draft = std::move(draft);
  model.ready = model.last_accepted && model.last_accepted->turn() == model.draft.turn &&
                model.last_accepted->ready();
}

std::vector<Notification> proposal_notifications(const pb::PlayerView& before,
                                                 const pb::PlayerView& after) {
  std::vector<Notification> out;
  const std::string& me = after.viewer();
  if (me.empty()) return out;
  std::set<int> known;
  for (const auto& p : before.proposals())
    if (p.status() == pb::PROPOSAL_OPEN) known.insert(p.id());
  for (const auto& p : after.proposals()) {
    if (p.status() != pb::PROPOSAL_OPEN || p.proposer() == me || known.count(p.id())) continue;
    if (!contains(p.members(), me) || contains(p.accepted(), me)) continue;
    std::string text = state_name(after, p.proposer()) + (p.counter_of() ? " counters with " : " proposes ") +
                       "a " + treaty_type_text(p.type());
    if (!p.name().empty()) text += " \"" + p.name() + "\"";
    std::string others;
    for (const auto& m : p.members()) {
      if (m == me || m == p.proposer()) continue;
      others += (others.empty() ? "" : ", ") + state_name(after, m);
    }
    text += others.empty() ? " to you" : " to you and " + others;
    if (p.terms().spending_floor_bp() > 0)
      text += "; defense floor " + std::to_string(p.terms().spending_floor_bp() / 100) + "." +
              std::to_string(p.terms().spending_floor_bp() % 100 / 10) + " % of GDP";
    text += ". Answer it under Diplomacy.";
    add(out, Notification::Kind::Proposal, after.turn(), text);
  }
  return out;
}

std::vector<Notification> turn_notifications(const pb::PlayerView& before,
                                             const pb::PlayerView& after,
                                             const pb::TurnReport& report) {
  std::vector<Notification> out = proposal_notifications(before, after);
  treaty_notifications(before, after, out);
  finland_notifications(before, after, out);
  for (const auto& entry : report.entries())
    if (entry.topic() == pb::TOPIC_EVENT)
      add(out, Notification::Kind::Info, after.turn(), entry.text());
  return out;
}

namespace {

/// The report of `turn` among those the model keeps, or an empty one.
pb::TurnReport report_of(const MatchModel& model, int turn) {
  for (const auto& r : model.reports)
    if (r.turn() == turn) return r;
  return {};
}

/// Takes the views of turns the model has not seen, oldest first, with what each changed told
/// as the notifications the player would have had: after a reconnect or a restart the history
/// and the news are whole again.
void catch_up(MatchModel& model, const google::protobuf::RepeatedPtrField<pb::PlayerView>& views) {
  for (const auto& v : views) {
    if (!model.history.empty() && v.turn() <= model.view.turn()) continue;
    const bool first = model.history.empty();
    const pb::PlayerView before = model.view;
    model.view = v;
    keep_view(model, v);
    if (first) continue;
    for (auto& n : turn_notifications(before, v, report_of(model, v.turn())))
      notify(model, n.kind, std::move(n.text));
  }
}

/// The chat the server kept, in place of what the model had (it holds all of it, and more).
void take_chat(MatchModel& model, const google::protobuf::RepeatedPtrField<pb::ChatMessage>& chat) {
  if (chat.empty()) return;
  model.chat.assign(chat.begin(), chat.end());
}

}  // namespace

void apply_seat_granted(MatchModel& model, const pb::SeatGranted& granted) {
  start_over_if_other(model, granted.match().match_id(), granted.state());
  const pb::PlayerView before = model.history.empty() ? pb::PlayerView{} : model.view;
  model.seat_token = granted.seat_token();
  model.summary = granted.match();
  if (granted.has_facts()) model.facts = granted.facts();
  for (const auto& report : granted.missed_reports()) keep_report(model, report);
  take_chat(model, granted.chat());
  catch_up(model, granted.past_views());
  const bool newer = model.history.empty() || granted.view().turn() >= model.view.turn();
  if (newer) {
    model.view = granted.view();
    keep_view(model, model.view);
  }
  if (model.draft.turn != model.collecting_turn()) reset_draft(model);
  if (const auto* seat = my_seat(model.summary, model.my_state)) model.ready = seat->ready();
  const std::string name = state_name(model.view, model.my_state);
  model.status_line = "You govern " + name + " in " + model.summary.name() + ".";
  if (granted.missed_reports_size() > 0)
    notify(model, Notification::Kind::Info,
           "Back in the match as " + name + ": " + std::to_string(granted.missed_reports_size()) +
               " turn report" + (granted.missed_reports_size() == 1 ? "" : "s") +
               " you missed are under Report.");
  // Past views told their own news; without them, the proposals open now are the news.
  if (granted.past_views().empty())
    for (auto& n : proposal_notifications(before, model.view))
      notify(model, n.kind, std::move(n.text));
  if (model.view.ended()) tell_match_over(model, model.view.end_reason());
}

void apply_observing(MatchModel& model, const pb::Observing& observing) {
  start_over_if_other(model, observing.match().match_id(), "");
  model.seat_token.clear();
  model.summary = observing.match();
  if (observing.has_facts()) model.facts = observing.facts();
  for (const auto& report : observing.reports()) keep_report(model, report);
  take_chat(model, observing.chat());
  catch_up(model, observing.past_views());
  if (model.history.empty() || observing.view().turn() >= model.view.turn()) {
    model.view = observing.view();
    keep_view(model, model.view);
  }
  model.draft = OrderDraft{};
  model.draft.turn = model.collecting_turn();
  model.ready = false;
  model.status_line = "You are watching " + model.summary.name() + " (public information only).";
}

void apply_turn_resolved(MatchModel& model, const pb::TurnResolved& resolved) {
  if (resolved.match_id() != model.match_id) return;
  const pb::PlayerView& view = resolved.view();
  if (!model.history.empty() && view.turn() <= model.view.turn()) {
    keep_report(model, resolved.report());  // a report re-sent after a reconnect
    return;
  }
  const pb::PlayerView before = model.view;
  model.view = view;
  keep_view(model, view);
  keep_report(model, resolved.report());
  model.summary.set_turn(view.turn());
  for (auto& seat : *model.summary.mutable_seats()) seat.set_ready(false);  // a new turn
  reset_draft(model);
  for (auto& n : turn_notifications(before, view, resolved.report()))
    notify(model, n.kind, std::move(n.text));
  if (view.ended()) tell_match_over(model, view.end_reason());
  model.status_line = view.ended() ? "The match is over."
                                   : "Turn " + std::to_string(view.turn()) +
                                         " resolved: orders for turn " +
                                         std::to_string(model.collecting_turn()) + " are open.";
}

void apply_match_update(MatchModel& model, const pb::MatchUpdate& update) {
  if (update.match().match_id() != model.match_id) return;
  const pb::MatchSummary before = model.summary;
  model.summary = update.match();
  if (const auto* seat = my_seat(model.summary, model.my_state)) {
    // Readiness of the turn being collected; a summary from before the last turn says nothing.
    if (model.summary.turn() == model.view.turn()) model.ready = seat->ready();
  }
  if (!update.what().empty()) model.status_line = update.what();
  if (before.status() != model.summary.status()) {
    if (model.summary.status() == pb::MATCH_FINISHED) {
      tell_match_over(model, model.view.ended() ? model.view.end_reason() : std::string());
      return;
    }
    notify(model, Notification::Kind::Info,
           update.what().empty() ? std::string(model.summary.status() == pb::MATCH_PAUSED
                                                   ? "The match is paused."
                                                   : model.summary.status() == pb::MATCH_FINISHED
                                                         ? "The match is over."
                                                         : "The match resumes.")
                                 : update.what());
    return;
  }
  // Players arriving and leaving (readiness goes to the status line only).
  for (const auto& seat : model.summary.seats()) {
    if (seat.state() == model.my_state) continue;
    const pb::SeatInfo* old = my_seat(before, seat.state());
    if (old && (old->player_name() != seat.player_name() || old->connected() != seat.connected())) {
      notify(model, Notification::Kind::Info, update.what());
      break;
    }
  }
}

void apply_chat(MatchModel& model, const pb::ChatMessage& message) {
  if (message.match_id() != model.match_id) return;
  model.chat.push_back(message);
  if (model.chat.size() > kMaxChat)
    model.chat.erase(model.chat.begin(),
                     model.chat.begin() + static_cast<std::ptrdiff_t>(model.chat.size() - kMaxChat));
  if (!model.my_state.empty() && message.to_state() == model.my_state &&
      message.from_state() != model.my_state) {
    const std::string from = message.from_state().empty()
                                 ? message.from_player()
                                 : state_name(model.view, message.from_state()) + " (" +
                                       message.from_player() + ")";
    notify(model, Notification::Kind::Info, "Private message from " + from + ": " + message.text());
  }
}

void apply_orders_accepted(MatchModel& model, const pb::OrdersAccepted& accepted) {
  model.last_accepted = accepted;
  if (accepted.turn() != model.collecting_turn()) return;  // a verdict overtaken by a new turn
  model.ready = accepted.ready();
  model.draft.dirty = false;
  int taken = 0;
  for (const auto& result : accepted.results()) {
    if (result.accepted()) {
      ++taken;
    } else {
      notify(model, Notification::Kind::Error,
             "Order " + std::to_string(result.index() + 1) + " for turn " +
                 std::to_string(accepted.turn()) + " was rejected: " + result.reason());
    }
  }
  model.status_line = "Orders for turn " + std::to_string(accepted.turn()) + " received: " +
                      std::to_string(taken) + " of " + std::to_string(accepted.results_size()) +
                      " accepted" + (accepted.ready() ? "; you are ready." : ".");
}

void apply_error(MatchModel& model, const pb::Error& error, const std::string& what_failed) {
  model.status_line = what_failed + " failed: " + describe(error);
  notify(model, Notification::Kind::Error,
         what_failed + " failed: " + (error.reason().empty() ? describe(error) : error.reason()));
}

bool apply_event(MatchModel& model, const pb::ServerMessage& event) {
  switch (event.body_case()) {
    case pb::ServerMessage::kTurnResolved:
      if (event.turn_resolved().match_id() != model.match_id) return false;
      apply_turn_resolved(model, event.turn_resolved());
      return true;
    case pb::ServerMessage::kMatchUpdate:
      if (event.match_update().match().match_id() != model.match_id) return false;
      apply_match_update(model, event.match_update());
      return true;
    case pb::ServerMessage::kChat:
      if (event.chat().match_id() != model.match_id || model.match_id == 0) return false;
      apply_chat(model, event.chat());
      return true;
    default:
      return false;
  }
}

}  // namespace hegemon::client
