// The client's view-model logic without a window: how each server message changes the
// MatchModel, which notifications a turn gives, and what autoplay sends.
#include <gtest/gtest.h>

#include "client/app/autoplay.h"
#include "client/app/model_updates.h"
#include "client/app/turn_tour.h"

namespace hegemon::client {
namespace {

pb::Allocation allocation(int defense, int projection) {
  pb::Allocation a;
  a.set_territorial_defense(defense);
  a.set_power_projection(projection);
  a.set_economy(3000);
  a.set_welfare(10000 - defense - projection - 3000 - 1000);
  a.set_research(500);
  a.set_diplomacy(300);
  a.set_intelligence(200);
  return a;
}

pb::StateView* add_other(pb::PlayerView& view, const std::string& id, const std::string& name) {
  pb::StateView* s = view.add_others();
  s->set_id(id);
  s->set_name(name);
  return s;
}

/// LIN's view at `turn` of a four-state match.
pb::PlayerView lin_view(int turn) {
  pb::PlayerView view;
  view.set_viewer("LIN");
  view.set_turn(turn);
  view.set_turns(20);
  view.set_start_year(2031);
  view.set_title("Tutorial");
  view.mutable_own()->set_id("LIN");
  view.mutable_own()->set_name("Linnmark");
  *view.mutable_own()->mutable_allocation() = allocation(2500, 500);
  view.mutable_own()->set_publish_budget(true);
  add_other(view, "KAR", "Karvonian Federation");
  add_other(view, "DRV", "Republic of Dravia");
  add_other(view, "THA", "Thalassian Commonwealth");
  return view;
}

pb::MatchSummary summary(std::uint64_t id, int turn) {
  pb::MatchSummary s;
  s.set_match_id(id);
  s.set_name("Northern Question");
  s.set_turn(turn);
  s.set_turns(20);
  for (const char* state : {"KAR", "DRV", "LIN", "THA"}) {
    pb::SeatInfo& seat = *s.add_seats();
    seat.set_state(state);
    seat.set_kind(std::string(state) == "LIN" ? pb::SEAT_HUMAN : pb::SEAT_BOT);
  }
  return s;
}

pb::SeatGranted granted(int turn, std::uint64_t match = 7) {
  pb::SeatGranted g;
  *g.mutable_match() = summary(match, turn);
  g.set_state("LIN");
  g.set_seat_token("secret");
  *g.mutable_view() = lin_view(turn);
  return g;
}

pb::TurnResolved resolved(const pb::PlayerView& view, std::uint64_t match = 7) {
  pb::TurnResolved r;
  r.set_match_id(match);
  *r.mutable_view() = view;
  r.mutable_report()->set_viewer(view.viewer());
  r.mutable_report()->set_turn(view.turn());
  return r;
}

pb::Treaty* add_treaty(pb::PlayerView& view, int id, std::vector<std::string> members) {
  pb::Treaty* t = view.add_treaties();
  t->set_id(id);
  t->set_type(pb::MUTUAL_DEFENSE);
  t->set_name("Northern Pact");
  for (const auto& m : members) t->add_members()->set_state(m);
  return t;
}

pb::Proposal* add_proposal(pb::PlayerView& view, int id, const std::string& proposer,
                           std::vector<std::string> members) {
  pb::Proposal* p = view.add_proposals();
  p->set_id(id);
  p->set_proposer(proposer);
  p->set_type(pb::NON_AGGRESSION);
  for (const auto& m : members) p->add_members(m);
  p->add_accepted(proposer);
  p->set_status(pb::PROPOSAL_OPEN);
  return p;
}

int count(const MatchModel& model, Notification::Kind kind) {
  int n = 0;
  for (const auto& note : model.notifications) n += note.kind == kind ? 1 : 0;
  return n;
}

bool any_text(const MatchModel& model, const std::string& part) {
  for (const auto& note : model.notifications)
    if (note.text.find(part) != std::string::npos) return true;
  return false;
}

MatchModel seated(int turn = 0) {
  MatchModel model;
  apply_seat_granted(model, granted(turn));
  return model;
}

// --- SeatGranted, Observing --------------------------------------------------------------------

TEST(SeatGranted, FillsTheModelAndDraftsTheStandingBudget) {
  const MatchModel model = seated(0);
  EXPECT_EQ(model.match_id, 7u);
  EXPECT_EQ(model.my_state, "LIN");
  EXPECT_EQ(model.seat_token, "secret");
  EXPECT_FALSE(model.spectator());
  EXPECT_EQ(model.summary.name(), "Northern Question");
  EXPECT_EQ(model.view.turn(), 0);
  ASSERT_EQ(model.history.size(), 1u);
  EXPECT_EQ(model.draft.turn, 1);
  EXPECT_EQ(model.draft.allocation.territorial_defense(), 2500);
  EXPECT_TRUE(model.draft.publish_budget);
  EXPECT_TRUE(model.draft.orders.empty());
  EXPECT_FALSE(model.draft.dirty);
  EXPECT_FALSE(model.ready);
  EXPECT_NE(model.status_line.find("Linnmark"), std::string::npos);
  EXPECT_TRUE(model.notifications.empty());
}

TEST(SeatGranted, KeepsMissedReportsInTurnOrderAndSaysSo) {
  pb::SeatGranted g = granted(3);
  for (int turn : {2, 3, 1}) {
    pb::TurnReport& r = *g.add_missed_reports();
    r.set_viewer("LIN");
    r.set_turn(turn);
  }
  MatchModel model;
  apply_seat_granted(model, g);
  ASSERT_EQ(model.reports.size(), 3u);
  EXPECT_EQ(model.reports[0].turn(), 1);
  EXPECT_EQ(model.reports[2].turn(), 3);
  EXPECT_EQ(model.draft.turn, 4);
  EXPECT_TRUE(any_text(model, "3 turn reports you missed"));
}

TEST(SeatGranted, OpenProposalsToMeBecomeNotifications) {
  pb::SeatGranted g = granted(2);
  add_proposal(*g.mutable_view(), 4, "DRV", {"DRV", "LIN"});
  add_proposal(*g.mutable_view(), 5, "LIN", {"LIN", "THA"});  // my own
  MatchModel model;
  apply_seat_granted(model, g);
  EXPECT_EQ(count(model, Notification::Kind::Proposal), 1);
  EXPECT_TRUE(any_text(model, "Republic of Dravia proposes a non-aggression pact"));
}

TEST(SeatGranted, ReadinessComesFromMySeat) {
  pb::SeatGranted g = granted(1);
  g.mutable_match()->mutable_seats(2)->set_ready(true);
  MatchModel model;
  apply_seat_granted(model, g);
  EXPECT_TRUE(model.ready);
}

TEST(SeatGranted, ReconnectingToTheSameSeatKeepsHistory) {
  MatchModel model = seated(0);
  apply_turn_resolved(model, resolved(lin_view(1)));
  ASSERT_EQ(model.history.size(), 2u);
  pb::SeatGranted again = granted(2);
  pb::TurnReport& missed = *again.add_missed_reports();
  missed.set_turn(2);
  apply_seat_granted(model, again);
  EXPECT_EQ(model.history.size(), 3u);
  EXPECT_EQ(model.reports.size(), 2u);
  EXPECT_EQ(model.view.turn(), 2);
  EXPECT_EQ(model.draft.turn, 3);
}

TEST(SeatGranted, AnotherMatchStartsAFreshModel) {
  MatchModel model = seated(0);
  model.chat.emplace_back();
  model.notifications.push_back({});
  apply_seat_granted(model, granted(5, 9));
  EXPECT_EQ(model.match_id, 9u);
  EXPECT_TRUE(model.chat.empty());
  EXPECT_TRUE(model.notifications.empty());
  EXPECT_EQ(model.history.size(), 1u);
}

TEST(Observing, IsASpectatorWithThePublicView) {
  pb::Observing o;
  *o.mutable_match() = summary(7, 4);
  *o.mutable_view() = lin_view(4);
  o.mutable_view()->set_viewer("");
  MatchModel model;
  apply_observing(model, o);
  EXPECT_TRUE(model.spectator());
  EXPECT_EQ(model.match_id, 7u);
  EXPECT_EQ(model.view.turn(), 4);
  EXPECT_TRUE(model.seat_token.empty());
  EXPECT_EQ(model.draft.turn, 5);
  EXPECT_NE(model.status_line.find("watching"), std::string::npos);
}

// --- TurnResolved -------------------------------------------------------------------------------

TEST(TurnResolved, AppendsViewAndReportAndResetsTheDraft) {
  MatchModel model = seated(0);
  model.draft.allocation.set_territorial_defense(4000);
  model.draft.orders.emplace_back();
  model.draft.dirty = true;
  model.ready = true;
  pb::PlayerView next = lin_view(1);
  *next.mutable_own()->mutable_allocation() = allocation(3000, 1000);
  apply_turn_resolved(model, resolved(next));
  EXPECT_EQ(model.view.turn(), 1);
  ASSERT_EQ(model.history.size(), 2u);
  EXPECT_EQ(model.history.back().turn(), 1);
  ASSERT_EQ(model.reports.size(), 1u);
  EXPECT_EQ(model.reports.back().turn(), 1);
  EXPECT_EQ(model.summary.turn(), 1);
  EXPECT_EQ(model.draft.turn, 2);
  EXPECT_EQ(model.draft.allocation.territorial_defense(), 3000);
  EXPECT_EQ(model.draft.allocation.power_projection(), 1000);
  EXPECT_TRUE(model.draft.orders.empty());
  EXPECT_FALSE(model.draft.dirty);
  EXPECT_FALSE(model.ready);
}

TEST(TurnResolved, ATurnAlreadyHeldOrAnotherMatchChangesNothing) {
  MatchModel model = seated(0);
  apply_turn_resolved(model, resolved(lin_view(1)));
  model.draft.dirty = true;
  apply_turn_resolved(model, resolved(lin_view(1)));
  EXPECT_EQ(model.history.size(), 2u);
  EXPECT_TRUE(model.draft.dirty);
  apply_turn_resolved(model, resolved(lin_view(2), 99));
  EXPECT_EQ(model.view.turn(), 1);
}

TEST(TurnResolved, ANewProposalToMeIsNotifiedOnce) {
  MatchModel model = seated(0);
  pb::PlayerView one = lin_view(1);
  add_proposal(one, 3, "THA", {"THA", "LIN", "DRV"});
  add_proposal(one, 4, "DRV", {"DRV", "KAR"});  // not addressed to me
  apply_turn_resolved(model, resolved(one));
  EXPECT_EQ(count(model, Notification::Kind::Proposal), 1);
  EXPECT_TRUE(any_text(model, "Thalassian Commonwealth proposes"));
  EXPECT_TRUE(any_text(model, "to you and Republic of Dravia"));

  pb::PlayerView two = lin_view(2);
  add_proposal(two, 3, "THA", {"THA", "LIN", "DRV"});  // still open: no new notification
  apply_turn_resolved(model, resolved(two));
  EXPECT_EQ(count(model, Notification::Kind::Proposal), 1);
}

TEST(TurnResolved, AProposalIAcceptedIsNotNotified) {
  MatchModel model = seated(0);
  pb::PlayerView one = lin_view(1);
  add_proposal(one, 3, "THA", {"THA", "LIN"})->add_accepted("LIN");
  apply_turn_resolved(model, resolved(one));
  EXPECT_EQ(count(model, Notification::Kind::Proposal), 0);
}

TEST(TurnResolved, TreatiesSignedAndEndedAreNotified) {
  MatchModel model = seated(0);
  pb::PlayerView one = lin_view(1);
  add_treaty(one, 1, {"LIN", "DRV"});
  apply_turn_resolved(model, resolved(one));
  EXPECT_EQ(count(model, Notification::Kind::Treaty), 1);
  EXPECT_TRUE(any_text(model, "Treaty signed: Northern Pact (mutual defense pact of Linnmark, "
                              "Republic of Dravia)"));
  apply_turn_resolved(model, resolved(lin_view(2)));
  EXPECT_EQ(count(model, Notification::Kind::Treaty), 2);
  EXPECT_TRUE(any_text(model, "Treaty ended: Northern Pact"));
}

TEST(TurnResolved, BreachesInMyTreatiesAreNotified) {
  MatchModel model = seated(0);
  pb::PlayerView one = lin_view(1);
  add_treaty(one, 1, {"LIN", "DRV"});
  add_treaty(one, 2, {"KAR", "THA"});
  apply_turn_resolved(model, resolved(one));
  const int before = count(model, Notification::Kind::Breach);

  pb::PlayerView two = lin_view(2);
  pb::Treaty* mine = add_treaty(two, 1, {"LIN", "DRV"});
  mine->mutable_members(1)->set_breaches(1);  // Dravia
  mine->mutable_members(0)->set_breaches(1);  // me
  pb::Treaty* theirs = add_treaty(two, 2, {"KAR", "THA"});
  theirs->mutable_members(0)->set_breaches(1);  // not my treaty
  apply_turn_resolved(model, resolved(two));
  EXPECT_EQ(count(model, Notification::Kind::Breach) - before, 2);
  EXPECT_TRUE(any_text(model, "Republic of Dravia breached its commitments under Northern Pact"));
  EXPECT_TRUE(any_text(model, "You fell short of your commitments"));

  pb::PlayerView three = lin_view(3);
  pb::Treaty* same = add_treaty(three, 1, {"LIN", "DRV"});
  same->mutable_members(1)->set_breaches(1);  // no new breach
  apply_turn_resolved(model, resolved(three));
  EXPECT_EQ(count(model, Notification::Kind::Breach) - before, 2);
}

TEST(TurnResolved, FinlandizationStatusChangesAreNotified) {
  MatchModel model = seated(0);
  pb::PlayerView one = lin_view(1);
  pb::Relation& toward_kar = *one.mutable_own()->add_relations();
  toward_kar.set_other("KAR");
  toward_kar.set_finland_level(45);
  toward_kar.set_finland_status(pb::ACCOMMODATING);
  pb::Relation& dravia = *one.mutable_others(1)->add_public_relations();
  dravia.set_other("KAR");
  dravia.set_finland_status(pb::FINLANDIZED);
  apply_turn_resolved(model, resolved(one));
  EXPECT_EQ(count(model, Notification::Kind::Status), 2);
  EXPECT_TRUE(any_text(model, "You now accommodate Karvonian Federation"));
  EXPECT_TRUE(any_text(model, "Republic of Dravia is now Finlandized toward Karvonian Federation"));

  pb::PlayerView two = lin_view(2);  // both back to independence
  apply_turn_resolved(model, resolved(two));
  EXPECT_EQ(count(model, Notification::Kind::Status), 4);
  EXPECT_TRUE(any_text(model, "You are independent of Karvonian Federation again"));
  EXPECT_TRUE(any_text(model, "Republic of Dravia is independent of Karvonian Federation again"));

  pb::PlayerView three = lin_view(3);  // unchanged: nothing new
  apply_turn_resolved(model, resolved(three));
  EXPECT_EQ(count(model, Notification::Kind::Status), 4);
}

TEST(TurnResolved, EventsAndTheEndAreNews) {
  MatchModel model = seated(0);
  pb::TurnResolved r = resolved(lin_view(1));
  pb::ReportEntry& event = *r.mutable_report()->add_entries();
  event.set_topic(pb::TOPIC_EVENT);
  event.set_text("A harsh winter in Linnmark.");
  pb::ReportEntry& budget = *r.mutable_report()->add_entries();
  budget.set_topic(pb::TOPIC_BUDGET);
  budget.set_text("Revenue was 10 bn.");
  apply_turn_resolved(model, r);
  EXPECT_TRUE(any_text(model, "A harsh winter in Linnmark."));
  EXPECT_FALSE(any_text(model, "Revenue"));

  pb::PlayerView last = lin_view(2);
  last.set_ended(true);
  last.set_end_reason("the last turn was played");
  apply_turn_resolved(model, resolved(last));
  EXPECT_TRUE(any_text(model, "The match is over: the last turn was played"));
  EXPECT_EQ(model.notifications.back().turn, 2);
}

TEST(TurnResolved, ReadinessForTheNewTurnSurvivesAnEarlyVerdict) {
  MatchModel model = seated(0);
  pb::OrdersAccepted early;  // the verdict on turn 2's orders overtook turn 1's resolution
  early.set_turn(2);
  early.set_ready(true);
  apply_orders_accepted(model, early);
  apply_turn_resolved(model, resolved(lin_view(1)));
  EXPECT_TRUE(model.ready);
}

// --- MatchUpdate, chat, verdicts, errors ---------------------------------------------------------

TEST(MatchUpdate, ReplacesTheSummaryAndFollowsMyReadiness) {
  MatchModel model = seated(0);
  pb::MatchUpdate update;
  *update.mutable_match() = summary(7, 0);
  update.mutable_match()->mutable_seats(2)->set_ready(true);
  update.mutable_match()->set_deadline_unix_ms(123456);
  update.set_what("Linnmark is ready");
  apply_match_update(model, update);
  EXPECT_TRUE(model.ready);
  EXPECT_EQ(model.summary.deadline_unix_ms(), 123456);
  EXPECT_EQ(model.status_line, "Linnmark is ready");
  EXPECT_TRUE(model.notifications.empty());  // readiness is not news
}

TEST(MatchUpdate, PauseAndArrivalsAreNotified) {
  MatchModel model = seated(0);
  pb::MatchUpdate paused;
  *paused.mutable_match() = summary(7, 0);
  paused.mutable_match()->set_status(pb::MATCH_PAUSED);
  paused.set_what("the match is paused by its owner");
  apply_match_update(model, paused);
  EXPECT_TRUE(any_text(model, "the match is paused by its owner"));

  pb::MatchUpdate arrival;
  *arrival.mutable_match() = paused.match();
  arrival.mutable_match()->mutable_seats(0)->set_player_name("Bo");
  arrival.set_what("Bo took Karvonian Federation");
  apply_match_update(model, arrival);
  EXPECT_TRUE(any_text(model, "Bo took Karvonian Federation"));

  pb::MatchUpdate other;  // another match: ignored
  *other.mutable_match() = summary(8, 0);
  other.set_what("elsewhere");
  apply_match_update(model, other);
  EXPECT_EQ(model.summary.match_id(), 7u);
}

/// The last turn's resolution and the match's change of status both say the match is over: the
/// player is told once, whichever comes first.
TEST(MatchUpdate, TheEndOfTheMatchIsAnnouncedOnce) {
  const auto told_over = [](const MatchModel& model) {
    int n = 0;
    for (const auto& note : model.notifications)
      n += note.text.rfind("The match is over", 0) == 0 ? 1 : 0;
    return n;
  };
  pb::PlayerView last = lin_view(1);
  last.set_ended(true);
  last.set_end_reason("the last turn was played");
  pb::MatchUpdate finished;
  *finished.mutable_match() = summary(7, 0);
  finished.mutable_match()->set_status(pb::MATCH_FINISHED);
  finished.set_what("the match has ended");

  MatchModel resolved_first = seated(0);
  apply_turn_resolved(resolved_first, resolved(last));
  apply_match_update(resolved_first, finished);
  EXPECT_EQ(told_over(resolved_first), 1);
  EXPECT_TRUE(any_text(resolved_first, "The match is over: the last turn was played"));

  MatchModel status_first = seated(0);
  apply_match_update(status_first, finished);
  apply_turn_resolved(status_first, resolved(last));
  EXPECT_EQ(told_over(status_first), 1);
}

TEST(Chat, IsKeptAndAPrivateMessageToMeIsNotified) {
  MatchModel model = seated(0);
  pb::ChatMessage public_message;
  public_message.set_match_id(7);
  public_message.set_from_player("Bo");
  public_message.set_from_state("DRV");
  public_message.set_text("hello all");
  apply_chat(model, public_message);
  pb::ChatMessage private_message = public_message;
  private_message.set_to_state("LIN");
  private_message.set_text("a pact?");
  apply_chat(model, private_message);
  pb::ChatMessage elsewhere = public_message;
  elsewhere.set_match_id(8);
  apply_chat(model, elsewhere);
  ASSERT_EQ(model.chat.size(), 2u);
  EXPECT_EQ(model.chat[1].text(), "a pact?");
  EXPECT_EQ(model.notifications.size(), 1u);
  EXPECT_TRUE(any_text(model, "Private message from Republic of Dravia (Bo): a pact?"));
}

TEST(OrdersAccepted, StoresTheVerdictsAndReadiness) {
  MatchModel model = seated(0);
  model.draft.dirty = true;
  pb::OrdersAccepted accepted;
  accepted.set_turn(1);
  accepted.set_ready(true);
  accepted.add_results()->set_accepted(true);
  pb::OrderResult& refused = *accepted.add_results();
  refused.set_index(1);
  refused.set_reason("a state cannot direct this at itself");
  apply_orders_accepted(model, accepted);
  ASSERT_TRUE(model.last_accepted);
  EXPECT_EQ(model.last_accepted->results_size(), 2);
  EXPECT_TRUE(model.ready);
  EXPECT_FALSE(model.draft.dirty);
  EXPECT_EQ(count(model, Notification::Kind::Error), 1);
  EXPECT_TRUE(any_text(model, "Order 2 for turn 1 was rejected: a state cannot direct this"));
  EXPECT_NE(model.status_line.find("1 of 2 accepted; you are ready"), std::string::npos);
}

TEST(OrdersAccepted, AVerdictForAnotherTurnDoesNotTouchTheDraft) {
  MatchModel model = seated(2);
  model.draft.dirty = true;
  pb::OrdersAccepted stale;
  stale.set_turn(2);
  stale.set_ready(true);
  apply_orders_accepted(model, stale);
  EXPECT_TRUE(model.draft.dirty);
  EXPECT_FALSE(model.ready);
}

TEST(Error, GoesToTheStatusLineAndTheNotifications) {
  MatchModel model = seated(0);
  pb::Error error;
  error.set_code(pb::WRONG_TURN);
  error.set_reason("these orders are for turn 3; the match is collecting orders for turn 1");
  apply_error(model, error, "Sending the orders");
  EXPECT_NE(model.status_line.find("Sending the orders failed: WRONG_TURN"), std::string::npos);
  ASSERT_EQ(model.notifications.size(), 1u);
  EXPECT_EQ(model.notifications[0].kind, Notification::Kind::Error);
  EXPECT_NE(model.notifications[0].text.find("these orders are for turn 3"), std::string::npos);
}

TEST(ApplyEvent, DispatchesEventsOfThisMatchOnly) {
  MatchModel model = seated(0);
  pb::ServerMessage turn;
  *turn.mutable_turn_resolved() = resolved(lin_view(1));
  EXPECT_TRUE(apply_event(model, turn));
  EXPECT_EQ(model.view.turn(), 1);
  pb::ServerMessage other;
  *other.mutable_turn_resolved() = resolved(lin_view(2), 8);
  EXPECT_FALSE(apply_event(model, other));
  pb::ServerMessage lobby_chat;
  lobby_chat.mutable_chat()->set_text("anyone?");
  EXPECT_FALSE(apply_event(model, lobby_chat));
  pb::ServerMessage update;
  *update.mutable_match_update()->mutable_match() = summary(7, 1);
  EXPECT_TRUE(apply_event(model, update));
  pb::ServerMessage pong;
  pong.mutable_pong();
  EXPECT_FALSE(apply_event(model, pong));
}

TEST(Notifications, AreCapped) {
  MatchModel model = seated(0);
  pb::Error error;
  for (std::size_t i = 0; i < kMaxNotifications + 20; ++i) apply_error(model, error, "x");
  EXPECT_EQ(model.notifications.size(), kMaxNotifications);
}

// --- Wording -------------------------------------------------------------------------------------

TEST(Wording, PeriodsInYearsAndQuarters) {
  pb::PlayerView view = lin_view(0);
  EXPECT_EQ(period_of_turn(view, 1), "2031");
  EXPECT_EQ(period_of_turn(view, 4), "2034");
  view.set_turn_length(pb::QUARTER);
  EXPECT_EQ(period_of_turn(view, 1), "Q1 2031");
  EXPECT_EQ(period_of_turn(view, 6), "Q2 2032");
  EXPECT_EQ(state_name(view, "DRV"), "Republic of Dravia");
  EXPECT_EQ(state_name(view, "XYZ"), "XYZ");
  EXPECT_EQ(treaty_type_text(pb::NEUTRALITY), "neutrality treaty");
}

// --- Autoplay ------------------------------------------------------------------------------------

struct Sent {
  int calls = 0;
  pb::OrderSet orders;
  bool ready = false;
};

MatchActions recording(Sent& sent) {
  MatchActions actions;
  actions.submit = [&sent](const pb::OrderSet& orders, bool ready) {
    ++sent.calls;
    sent.orders = orders;
    sent.ready = ready;
  };
  return actions;
}

TEST(Autoplay, SendsTheDraftOncePerTurnWithReady) {
  MatchModel model = seated(0);
  Sent sent;
  Autoplay autoplay;
  EXPECT_TRUE(autoplay.step(model, recording(sent)));
  EXPECT_FALSE(autoplay.step(model, recording(sent)));  // the reply has not come yet
  ASSERT_EQ(sent.calls, 1);
  EXPECT_TRUE(sent.ready);
  EXPECT_EQ(sent.orders.state(), "LIN");
  EXPECT_EQ(sent.orders.turn(), 1);
  ASSERT_GE(sent.orders.orders_size(), 1);
  EXPECT_EQ(sent.orders.orders(0).set_budget().allocation().territorial_defense(), 2500);

  pb::OrdersAccepted accepted;
  accepted.set_turn(1);
  accepted.set_ready(true);
  apply_orders_accepted(model, accepted);
  autoplay.reply_received();
  EXPECT_FALSE(autoplay.step(model, recording(sent)));  // ready: nothing more this turn
  EXPECT_EQ(sent.calls, 1);

  apply_turn_resolved(model, resolved(lin_view(1)));
  EXPECT_TRUE(autoplay.step(model, recording(sent)));
  EXPECT_EQ(sent.calls, 2);
  EXPECT_EQ(sent.orders.turn(), 2);
  EXPECT_EQ(autoplay.sent_for_turn(), 2);
}

TEST(Autoplay, SendsAgainWhenTheSeatIsNotReadyAfterAReply) {
  MatchModel model = seated(0);
  Sent sent;
  Autoplay autoplay;
  autoplay.step(model, recording(sent));
  autoplay.reply_received();  // refused, or lost with the connection
  EXPECT_TRUE(autoplay.step(model, recording(sent)));
  EXPECT_EQ(sent.calls, 2);
}

TEST(Autoplay, StaysQuietWhenItCannotPlay) {
  Sent sent;
  Autoplay autoplay;
  MatchModel paused = seated(0);
  paused.summary.set_status(pb::MATCH_PAUSED);
  EXPECT_FALSE(autoplay.step(paused, recording(sent)));
  MatchModel over = seated(0);
  over.view.set_ended(true);
  EXPECT_FALSE(autoplay.step(over, recording(sent)));
  MatchModel ready = seated(0);
  ready.ready = true;
  EXPECT_FALSE(autoplay.step(ready, recording(sent)));
  MatchModel watching;
  pb::Observing o;
  *o.mutable_match() = summary(7, 0);
  apply_observing(watching, o);
  EXPECT_FALSE(autoplay.step(watching, recording(sent)));
  EXPECT_EQ(sent.calls, 0);
}


// --- The tour of each turn (what an unattended run shows and photographs) -------------------

TEST(TurnTour, VisitsEveryTabThenPhotographsTheTurnOnce) {
  TurnTour tour(true, "/shots");
  std::vector<MatchTab> shown;
  std::vector<std::string> shots;
  int frames = 0;
  while (!tour.done(1) && frames < 100) {
    TurnTour::Step step = tour.frame_drawn(1);
    if (step.show && (shown.empty() || shown.back() != *step.show)) shown.push_back(*step.show);
    shots.insert(shots.end(), step.shots.begin(), step.shots.end());
    ++frames;
  }
  ASSERT_TRUE(tour.done(1));
  const std::size_t tabs = std::size(kMatchTabs);
  ASSERT_EQ(shown.size(), tabs + 1);  // every tab, then turn 1's own
  for (std::size_t i = 0; i < tabs; ++i) EXPECT_EQ(shown[i], kMatchTabs[i]);
  EXPECT_EQ(shown.back(), MatchTab::Budget);
  EXPECT_EQ(shots, (std::vector<std::string>{"/shots/match.png", "/shots/match-turn-1.png"}));
  EXPECT_TRUE(tour.frame_drawn(1).shots.empty());  // once per turn

  // The next turn: a new tour, its own photograph, no second match.png.
  shots.clear();
  while (!tour.done(2)) {
    TurnTour::Step step = tour.frame_drawn(2);
    shots.insert(shots.end(), step.shots.begin(), step.shots.end());
  }
  EXPECT_EQ(shots, (std::vector<std::string>{"/shots/match-turn-2.png"}));
  EXPECT_FALSE(tour.done(3));
}

TEST(TurnTour, WithoutAutoplayItOnlyLetsTheScreenSettle) {
  TurnTour tour(false, "");
  EXPECT_FALSE(tour.frame_drawn(0).show);
  int frames = 1;
  while (!tour.done(0)) {
    EXPECT_TRUE(tour.frame_drawn(0).shots.empty());  // no folder, no pictures; turn 0 neither
    ++frames;
  }
  EXPECT_EQ(frames, TurnTour::kSettleFrames);
}

}  // namespace
}  // namespace hegemon::client

namespace hegemon::client {
namespace {

/// After a restart the client has nothing: the seat granted again brings the views of every
/// turn it missed, and the history and the news are rebuilt from them.
TEST(Model, ASeatGrantedWithItsPastViewsRebuildsTheHistoryAndTheNews) {
  MatchModel model;
  model.my_state = "LIN";
  pb::SeatGranted g = granted(3);
  for (int turn = 0; turn <= 3; ++turn) {
    pb::PlayerView v = lin_view(turn);
    v.mutable_own()->set_gdp(100.0 + turn);
    if (turn >= 2) add_proposal(v, 4, "DRV", {"DRV", "LIN"});
    *g.add_past_views() = v;
    if (turn > 0) {
      pb::TurnReport* r = g.add_missed_reports();
      r->set_viewer("LIN");
      r->set_turn(turn);
    }
  }
  *g.mutable_view() = g.past_views(3);
  pb::ChatMessage* said = g.add_chat();
  said->set_from_player("Instructor");
  said->set_text("Read the briefing first.");
  apply_seat_granted(model, g);
  ASSERT_EQ(model.history.size(), 4u);
  for (int turn = 0; turn <= 3; ++turn) {
    EXPECT_EQ(model.history[turn].turn(), turn);
    EXPECT_DOUBLE_EQ(model.history[turn].own().gdp(), 100.0 + turn);
  }
  EXPECT_EQ(model.view.turn(), 3);
  EXPECT_EQ(model.reports.size(), 3u);
  // The proposal that arrived with turn 2 is news again, told once, at turn 2.
  int proposals = 0;
  for (const auto& n : model.notifications)
    if (n.kind == Notification::Kind::Proposal) {
      ++proposals;
      EXPECT_EQ(n.turn, 2);
    }
  EXPECT_EQ(proposals, 1);
  ASSERT_EQ(model.chat.size(), 1u);
  EXPECT_EQ(model.chat[0].text(), "Read the briefing first.");

  // A spectator arriving late gets every public report and view so far.
  MatchModel watcher;
  pb::Observing o;
  *o.mutable_match() = summary(7, 3);
  for (int turn = 0; turn <= 3; ++turn) {
    pb::PlayerView v = lin_view(turn);
    v.clear_own();
    v.clear_viewer();
    *o.add_past_views() = v;
    if (turn > 0) o.add_reports()->set_turn(turn);
  }
  *o.mutable_view() = o.past_views(3);
  apply_observing(watcher, o);
  EXPECT_EQ(watcher.history.size(), 4u);
  EXPECT_EQ(watcher.reports.size(), 3u);
}

}  // namespace
}  // namespace hegemon::client
