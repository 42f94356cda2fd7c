// Views: what one player is told of the world. Its own state in full; a published budget exactly;
// a withheld one as an estimate that sharpens with intelligence; nothing any other state keeps to
// itself; threats reckoned on the estimates; proposals only to their parties; reports cut to what
// the reader may read.
//
// The world: Aurelia (the usual viewer) is allied with Borealis, which publishes its budget;
// Castellan, the great power, withholds its budget; Dunmore withholds too and accommodates
// Castellan.
#include "shared/view.h"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "invariants.h"
#include "shared/bots/bot.h"
#include "shared/io/scenario_files.h"
#include "shared/resolve.h"
#include "shared/schema_adapter.h"
#include "shared/threat.h"
#include "test_world.h"

namespace hegemon {
namespace {

using google::protobuf::util::MessageDifferencer;
using testing::add_treaty;
using testing::deterministic_bytes;
using testing::make_world;
using testing::plain_state;

constexpr StateIndex kViewer = 0;      // Aurelia
constexpr StateIndex kPublisher = 1;   // Borealis
constexpr StateIndex kWithholder = 2;  // Castellan
constexpr StateIndex kAccommodating = 3;  // Dunmore

World four_states() {
  World w = make_world(testing::aurelia_and_neighbours());
  w.turn = 3;
  w.seed = 1949;
  // Private records: what Castellan holds against Aurelia, and how far Dunmore has bent.
  w.states[kWithholder].relations[kViewer].hostility = 30;
  w.states[kAccommodating].relations[kWithholder].finland_level = 45;
  w.states[kAccommodating].relations[kWithholder].finland_status = FinlandStatus::Accommodating;
  w.states[kAccommodating].relations[kWithholder].hostility = 12;
  w.states[kPublisher].relations[kWithholder].hostility = 18;
  for (State& s : w.states) {
    s.last_revenue = s.gdp * s.tax_share;
    s.last_contributions = 1.5;
    for (int c = 0; c < kCategoryCount; ++c)
      s.last_spending.money[c] = (s.last_revenue - 1.5) * s.allocation.bp[c] / kBasisPoints;
  }
  add_treaty(w, TreatyType::MutualDefense, {kViewer, kPublisher});
  for (const auto& members : std::vector<std::vector<StateIndex>>{{kPublisher, kAccommodating},
                                                                  {kViewer, kWithholder}}) {
    Proposal p;
    p.id = w.next_proposal_id++;
    p.proposer = members[0];
    p.type = TreatyType::NonAggression;
    p.members = members;
    p.accepted = {members[0]};
    p.turn = w.turn;
    w.proposals.push_back(p);
  }
  refresh_derived(w);
  return w;
}

const pb::StateView& other(const pb::PlayerView& v, const std::string& id) {
  for (const auto& o : v.others())
    if (o.id() == id) return o;
  ADD_FAILURE() << "no state " << id << " in the view";
  return pb::StateView::default_instance();
}

const pb::ThreatView& threat_in(const google::protobuf::RepeatedPtrField<pb::ThreatView>& list,
                                const std::string& from) {
  for (const auto& t : list)
    if (t.from() == from) return t;
  ADD_FAILURE() << "no threat entry for " << from;
  return pb::ThreatView::default_instance();
}

/// The world as the viewer can reconstruct it from its view alone: `target`'s forces,
/// technology and allocation are the view's estimates, and its private values are unknown.
World believed_from(const World& truth, const pb::PlayerView& v, StateIndex target) {
  World w = truth;
  State& st = w.states[target];
  const pb::StateView& seen = other(v, st.id);
  st.territorial_defense = seen.territorial_defense();
  st.power_projection = seen.power_projection();
  st.technology = seen.technology();
  st.allocation = from_proto(seen.allocation());
  st.influence = 0;
  st.intelligence = 0;
  for (Relation& rel : st.relations) {
    const FinlandStatus status = rel.finland_status;
    rel = Relation{};
    rel.finland_status = status;
  }
  return w;
}

void expect_same_factors(const pb::ThreatView& shown, const ThreatFactors& f,
                         const std::string& what) {
  EXPECT_DOUBLE_EQ(shown.total(), f.total) << what;
  EXPECT_DOUBLE_EQ(shown.power(), f.power) << what;
  EXPECT_DOUBLE_EQ(shown.proximity(), f.proximity) << what;
  EXPECT_DOUBLE_EQ(shown.offense(), f.offense) << what;
  EXPECT_DOUBLE_EQ(shown.intentions(), f.intentions) << what;
  EXPECT_DOUBLE_EQ(shown.alliance_discount(), f.alliance_discount) << what;
}

/// Both of the view's threat entries for `target` are what the estimate in the same view gives.
void expect_threats_follow_the_estimate(const World& truth, const pb::PlayerView& v,
                                        StateIndex viewer, StateIndex target) {
  const World believed = believed_from(truth, v, target);
  const std::string& id = truth.states[target].id;
  expect_same_factors(threat_in(v.threats(), id), threat_factors(believed, viewer, target),
                      "threat felt from " + id);
  expect_same_factors(threat_in(v.threat_to_others(), id),
                      threat_factors(believed, target, viewer), "threat caused to " + id);
}

// --- Own state and other states ----------------------------------------------------------------

TEST(View, TheViewerSeesItsOwnStateInFull) {
  const World w = four_states();
  const pb::PlayerView v = make_view(w, kViewer);
  EXPECT_EQ(v.viewer(), "AUR");
  EXPECT_EQ(v.turn(), 3);
  ASSERT_TRUE(v.has_own());
  EXPECT_TRUE(MessageDifferencer::Equals(v.own(), to_proto(w, kViewer)));
  EXPECT_EQ(v.own().influence(), w.states[kViewer].influence);
  EXPECT_EQ(v.own().intelligence(), w.states[kViewer].intelligence);
  ASSERT_EQ(v.others_size(), w.size() - 1);
  for (const auto& o : v.others()) EXPECT_NE(o.id(), "AUR");
}

TEST(View, AStateThatPublishesItsBudgetIsSeenExactly) {
  const World w = four_states();
  const State& truth = w.states[kPublisher];
  const pb::PlayerView v = make_view(w, kViewer);
  const pb::StateView& seen = other(v, "BOR");
  EXPECT_TRUE(seen.budget_published());
  EXPECT_EQ(seen.estimate_error(), 0.0);
  EXPECT_TRUE(MessageDifferencer::Equals(seen.allocation(), to_proto(truth.allocation)));
  EXPECT_EQ(seen.territorial_defense(), truth.territorial_defense);
  EXPECT_EQ(seen.power_projection(), truth.power_projection);
  EXPECT_EQ(seen.technology(), truth.technology);
  EXPECT_EQ(seen.gdp(), truth.gdp);
  EXPECT_EQ(seen.stability(), truth.stability);
  EXPECT_EQ(seen.reputation(), truth.reputation);
}

TEST(View, AStateThatWithholdsItsBudgetIsSeenAsAnEstimateWithinItsStatedError) {
  const World w = four_states();
  const State& truth = w.states[kWithholder];
  const pb::PlayerView v = make_view(w, kViewer);
  const pb::StateView& seen = other(v, "CAS");
  const double e = estimate_error(w, kViewer);
  EXPECT_FALSE(seen.budget_published());
  EXPECT_GT(e, 0.0);
  EXPECT_DOUBLE_EQ(seen.estimate_error(), e);

  const Allocation guess = from_proto(seen.allocation());
  EXPECT_NE(guess, truth.allocation);
  EXPECT_EQ(guess.total(), kBasisPoints);
  for (int c = 0; c < kCategoryCount; ++c) {
    const double t = truth.allocation.bp[c];
    // Each share is the truth times (1 +- e), renormalised, rounded down; welfare takes the
    // rounding remainder.
    const double slack = c == static_cast<int>(Category::Welfare) ? kCategoryCount : 1;
    EXPECT_GE(guess.bp[c], 0) << "category " << c;
    EXPECT_GE(guess.bp[c], t * (1 - e) / (1 + e) - slack) << "category " << c;
    EXPECT_LE(guess.bp[c], t * (1 + e) / (1 - e) + slack) << "category " << c;
  }
  EXPECT_NE(seen.territorial_defense(), truth.territorial_defense);
  EXPECT_NE(seen.power_projection(), truth.power_projection);
  EXPECT_GE(seen.territorial_defense(), truth.territorial_defense * (1 - e));
  EXPECT_LE(seen.territorial_defense(), truth.territorial_defense * (1 + e));
  EXPECT_GE(seen.power_projection(), truth.power_projection * (1 - e));
  EXPECT_LE(seen.power_projection(), truth.power_projection * (1 + e));
  EXPECT_GE(seen.technology(), truth.technology * (1 - 0.5 * e));
  EXPECT_LE(seen.technology(), truth.technology * (1 + 0.5 * e));
  // Its stability too, which would otherwise give its welfare spending away.
  EXPECT_GE(seen.stability(), truth.stability * (1 - e));
  EXPECT_LE(seen.stability(), truth.stability * (1 + e));
  // What is public about it is seen exactly.
  EXPECT_EQ(seen.gdp(), truth.gdp);
  EXPECT_EQ(seen.population(), truth.population);
}

TEST(View, TheEstimateSharpensAsTheViewersIntelligenceGrows) {
  // Each level of intelligence here lies in another band, so each draws its own error: one
  // draw may miss by less than a sharper one, but over many matches the misses shrink with it.
  const World base = four_states();
  const State& truth = base.states[kWithholder];
  double last_error = 1e9, last_miss = 1e9;
  for (double intelligence : {0.0, 10.0, 40.0, 200.0}) {
    World w = base;
    w.states[kViewer].intelligence = intelligence;
    double miss = 0;
    constexpr int kMatches = 200;
    for (int seed = 0; seed < kMatches; ++seed) {
      w.seed = static_cast<std::uint64_t>(seed);
      const StateEstimate seen = estimate_state(w, kViewer, kWithholder);
      miss += std::fabs(seen.territorial_defense / truth.territorial_defense - 1) +
              std::fabs(seen.power_projection / truth.power_projection - 1);
    }
    miss /= 2 * kMatches;
    const double error = estimate_error(w, kViewer);
    EXPECT_LT(error, last_error) << "intelligence " << intelligence;
    EXPECT_LT(miss, last_miss) << "intelligence " << intelligence;
    // The stated error is honest: the miss is uniform within it, half of it on average.
    EXPECT_NEAR(miss, error / 2, error / 10) << "intelligence " << intelligence;
    EXPECT_DOUBLE_EQ(other(make_view(w, kViewer), "CAS").estimate_error(), error);
    last_error = error;
    last_miss = miss;
  }
}

TEST(View, TheSameViewerGetsTheSameEstimateWithinATurnAndOneThatHasMovedLittleTheNext) {
  const World w = four_states();
  EXPECT_EQ(deterministic_bytes(make_view(w, kViewer)), deterministic_bytes(make_view(w, kViewer)));
  World next = w;
  next.turn += 1;
  const double truth = w.states[kWithholder].power_projection;
  const double now = other(make_view(w, kViewer), "CAS").power_projection() / truth - 1;
  const double then = other(make_view(next, kViewer), "CAS").power_projection() / truth - 1;
  EXPECT_NE(now, then);  // it wanders,
  // but by a small step of the stated error, so the next turn's view tells nearly nothing new.
  const Ruleset& r = w.ruleset;
  EXPECT_LE(std::fabs(now - then),
            3 * r.estimate_drift_share() / r.estimate_drift_period() * estimate_error(w, kViewer));
}

// --- Nothing hidden leaks --------------------------------------------------------------------

TEST(View, NoStatesPrivateValuesReachAnotherPlayersView) {
  const World w = four_states();
  for (StateIndex viewer : {kViewer, kPublisher, kWithholder, kAccommodating, kSpectator})
    testing::expect_view_hides_private_values(w, viewer, "four states");
}

TEST(View, OnlyTheStatusOfAFinlandizationRelationIsPublic) {
  const World w = four_states();
  const pb::PlayerView v = make_view(w, kViewer);
  const pb::StateView& dunmore = other(v, "DUN");
  ASSERT_EQ(dunmore.public_relations_size(), 1);
  const pb::Relation& rel = dunmore.public_relations(0);
  EXPECT_EQ(rel.other(), "CAS");
  EXPECT_EQ(rel.finland_status(), pb::FinlandStatus::ACCOMMODATING);
  // Everything else in the relation is left at its default.
  pb::Relation status_only;
  status_only.set_other("CAS");
  status_only.set_finland_status(pb::FinlandStatus::ACCOMMODATING);
  EXPECT_TRUE(MessageDifferencer::Equals(rel, status_only)) << rel.DebugString();
  // States independent of everyone list nothing.
  EXPECT_EQ(other(v, "BOR").public_relations_size(), 0);
}

TEST(View, ThreatsInTheViewAreReckonedOnTheEstimatesNotOnTheTruth) {
  const World w = four_states();
  const pb::PlayerView v = make_view(w, kViewer);
  for (StateIndex target : {kPublisher, kWithholder, kAccommodating})
    expect_threats_follow_the_estimate(w, v, kViewer, target);
  // The estimate is off, so what the view shows is not the true threat.
  EXPECT_NE(threat_in(v.threats(), "CAS").total(), threat_factors(w, kViewer, kWithholder).total);
  EXPECT_NE(threat_in(v.threats(), "CAS").offense(),
            threat_factors(w, kViewer, kWithholder).offense);
}

TEST(View, AWithheldForceReachesTheViewOnlyThroughItsEstimate) {
  // Two worlds that differ only in Castellan's withheld power projection.
  World modest = four_states();
  modest.states[kWithholder].power_projection = 500;
  refresh_derived(modest);
  World armed = four_states();
  armed.states[kWithholder].power_projection = 800;
  refresh_derived(armed);
  const pb::PlayerView a = make_view(modest, kViewer);
  const pb::PlayerView b = make_view(armed, kViewer);

  // The estimate follows the truth (the same draw), and so do the threats reckoned on it.
  EXPECT_NEAR(other(b, "CAS").power_projection() / other(a, "CAS").power_projection(),
              800.0 / 500.0, 1e-12);
  EXPECT_GT(threat_in(b.threats(), "CAS").total(), threat_in(a.threats(), "CAS").total());
  expect_threats_follow_the_estimate(modest, a, kViewer, kWithholder);
  expect_threats_follow_the_estimate(armed, b, kViewer, kWithholder);
  // The viewer's own security is the worst threat it sees, not the worst it truly faces,
  // measured against where it stood at the start.
  for (const auto& [world, v] : {std::pair{&modest, &a}, std::pair{&armed, &b}}) {
    double worst = 0;
    for (const auto& t : v->threats()) worst = std::max(worst, t.total());
    ASSERT_EQ(v->scores_size(), 1);
    const double start = world->scenario.start_security[kViewer];
    EXPECT_DOUBLE_EQ(v->scores(0).security(),
                     std::clamp(50.0 + world->ruleset.score_security_scale() *
                                           (100.0 - worst - start),
                                0.0, 100.0));
  }

  // Everything else is the same.
  const auto without_estimate = [](pb::PlayerView v) {
    for (auto& o : *v.mutable_others())
      if (o.id() == "CAS") o.clear_power_projection();
    for (auto* list : {v.mutable_threats(), v.mutable_threat_to_others()})
      list->erase(std::remove_if(list->begin(), list->end(),
                                 [](const pb::ThreatView& t) { return t.from() == "CAS"; }),
                  list->end());
    v.clear_scores();
    return v;
  };
  EXPECT_TRUE(MessageDifferencer::Equals(without_estimate(a), without_estimate(b)));
}

TEST(View, TheViewerIsToldOnlyItsOwnScore) {
  const World w = four_states();
  const pb::PlayerView v = make_view(w, kViewer);
  ASSERT_EQ(v.scores_size(), 1);
  EXPECT_EQ(v.scores(0).state(), "AUR");
  // What is the viewer's own to know is exact.
  EXPECT_DOUBLE_EQ(v.scores(0).prosperity(), w.scores[kViewer].prosperity);
  EXPECT_DOUBLE_EQ(v.scores(0).influence(), w.scores[kViewer].influence);
  EXPECT_DOUBLE_EQ(v.scores(0).sovereignty(), w.scores[kViewer].sovereignty);
}

TEST(View, OnceTheMatchIsOverEveryoneSeesTheFinalStandings) {
  World w = four_states();
  w.ended = true;
  w.end_reason = "the last turn was played";
  for (StateIndex viewer : {kViewer, kWithholder, kSpectator}) {
    const pb::PlayerView v = make_view(w, viewer);
    ASSERT_EQ(v.scores_size(), w.size());
    for (int s = 0; s < w.size(); ++s) {
      EXPECT_EQ(v.scores(s).state(), w.states[s].id);
      EXPECT_DOUBLE_EQ(v.scores(s).total(), w.scores[s].total);  // the true score, not a guess
    }
  }
  // A spectator sees no score while the match goes on.
  w.ended = false;
  EXPECT_EQ(make_view(w, kSpectator).scores_size(), 0);
}

// --- Proposals, spectators and reports -------------------------------------------------------

std::vector<int> proposal_ids(const pb::PlayerView& v) {
  std::vector<int> ids;
  for (const auto& p : v.proposals()) ids.push_back(p.id());
  return ids;
}

TEST(View, ProposalsReachOnlyTheirParties) {
  const World w = four_states();
  const int between_bor_and_dun = w.proposals[0].id;
  const int between_aur_and_cas = w.proposals[1].id;
  EXPECT_EQ(proposal_ids(make_view(w, kViewer)), std::vector<int>{between_aur_and_cas});
  EXPECT_EQ(proposal_ids(make_view(w, kWithholder)), std::vector<int>{between_aur_and_cas});
  EXPECT_EQ(proposal_ids(make_view(w, kPublisher)), std::vector<int>{between_bor_and_dun});
  EXPECT_EQ(proposal_ids(make_view(w, kAccommodating)), std::vector<int>{between_bor_and_dun});
  // Treaties in force are public.
  EXPECT_EQ(make_view(w, kWithholder).treaties_size(), 1);
}

TEST(View, ASpectatorSeesOnlyWhatIsPublic) {
  const World w = four_states();
  const pb::PlayerView v = make_view(w, kSpectator);
  EXPECT_FALSE(v.has_own());
  EXPECT_TRUE(v.viewer().empty());
  EXPECT_EQ(v.proposals_size(), 0);
  EXPECT_EQ(v.threats_size(), 0);
  EXPECT_EQ(v.threat_to_others_size(), 0);
  EXPECT_EQ(v.objectives_size(), 0);
  EXPECT_EQ(v.scores_size(), 0);
  ASSERT_EQ(v.others_size(), w.size());
  // With no intelligence of its own, it sees withheld budgets with the widest error.
  EXPECT_DOUBLE_EQ(other(v, "CAS").estimate_error(), w.ruleset.estimate_base_error());
  EXPECT_EQ(other(v, "AUR").estimate_error(), 0.0);
  EXPECT_EQ(v.treaties_size(), 1);
}

/// One turn in which Aurelia sends a good and a bad order and Castellan courts Dunmore in private.
TurnResult eventful_turn(const World& w) {
  Allocation budget;
  budget.bp = {1500, 500, 2000, 3000, 1000, 1000, 1000};
  return resolve_turn(
      w, {OrderSet{kViewer,
                   {SetBudget{budget, true},
                    ApplyPressure{kWithholder, PressureKind::Economic, 7}}},
          OrderSet{kWithholder,
                   {ProposeTreaty{TreatyType::NonAggression, {kAccommodating}, {}, "Quiet accord"},
                    ApplyPressure{kPublisher, PressureKind::Diplomatic, 1}}}});
}

TEST(View, TheReportCarriesTheViewersOrderResultsAndOnlyEntriesItMayRead) {
  const World w = four_states();
  const TurnResult r = eventful_turn(w);
  const pb::TurnReport report = make_report(r.world, r.journal, kViewer, &r.results[0]);
  EXPECT_EQ(report.viewer(), "AUR");
  EXPECT_EQ(report.turn(), w.turn + 1);
  ASSERT_EQ(report.order_results_size(), 2);
  EXPECT_TRUE(report.order_results(0).accepted());
  EXPECT_FALSE(report.order_results(1).accepted());
  EXPECT_EQ(report.order_results(1).index(), 1);
  EXPECT_NE(report.order_results(1).reason().find("intensity"), std::string::npos);

  const auto readable = r.journal.readable_by(kViewer);
  ASSERT_EQ(report.entries_size(), static_cast<int>(readable.size()));
  for (int i = 0; i < report.entries_size(); ++i)
    EXPECT_EQ(report.entries(i).text(), readable[i]->text);
  // Nothing told only to others is in it: Castellan's proposal, its budget, Dunmore's level.
  bool others_had_secrets = false;
  for (const auto& e : r.journal.entries()) {
    if (e.is_public || std::find(e.states.begin(), e.states.end(), kViewer) != e.states.end())
      continue;
    others_had_secrets = true;
    for (const auto& seen : report.entries()) EXPECT_NE(seen.text(), e.text);
  }
  EXPECT_TRUE(others_had_secrets);
  // Public acts are in it.
  EXPECT_TRUE(std::any_of(report.entries().begin(), report.entries().end(),
                          [](const pb::ReportEntry& e) {
                            return e.text().find("Castellan applied diplomatic pressure") !=
                                   std::string::npos;
                          }));
}

TEST(View, ASpectatorsReportHasNoOrderResultsAndOnlyPublicEntries) {
  const World w = four_states();
  const TurnResult r = eventful_turn(w);
  const pb::TurnReport report = make_report(r.world, r.journal, kSpectator, nullptr);
  EXPECT_TRUE(report.viewer().empty());
  EXPECT_EQ(report.order_results_size(), 0);
  std::vector<std::string> published;
  for (const auto& e : r.journal.entries())
    if (e.is_public) published.push_back(e.text);
  ASSERT_EQ(report.entries_size(), static_cast<int>(published.size()));
  for (int i = 0; i < report.entries_size(); ++i)
    EXPECT_EQ(report.entries(i).text(), published[i]);
}

TEST(View, ScoresOfOtherStatesAreNotInAnyonesReport) {
  const World w = four_states();
  const TurnResult r = eventful_turn(w);
  for (StateIndex reader : {kViewer, kPublisher, kWithholder, kAccommodating, kSpectator}) {
    for (const JournalEntry* e : r.journal.readable_by(reader)) {
      if (e->topic != Topic::ScoreTopic) continue;
      EXPECT_TRUE(reader >= 0 && e->states == std::vector<StateIndex>{reader})
          << "reader " << reader << " reads " << e->text;
    }
  }
}

/// The world as `viewer` believes it, built the long way: a copy of the whole world with every
/// other state's private values hidden and its withheld figures replaced by the estimates.
World believed_world(const World& truth, StateIndex viewer) {
  World seen = truth;
  for (StateIndex s = 0; s < seen.size(); ++s) {
    if (s == viewer) continue;
    hide_private(seen.states[s]);
    apply_estimate(seen.states[s], estimate_state(truth, viewer, s));
  }
  refresh_derived(seen);
  return seen;
}

TEST(View, ItsThreatsAreTheViewersRowAndColumnOfTheMatrixOfItsBeliefs) {
  World w = load_scenario_file("cold_war_1949", 3);
  for (int turn = 0; turn < 4; ++turn) {
    std::vector<OrderSet> orders;
    for (const BotDecision& d : play_seats(w, [&] {
           std::vector<StateIndex> all(w.size());
           for (StateIndex s = 0; s < w.size(); ++s) all[s] = s;
           return all;
         }()))
      orders.push_back(d.orders);
    w = resolve_turn(w, orders).world;
  }
  const WorldViews views(w);
  for (StateIndex viewer = 0; viewer < w.size(); ++viewer) {
    const pb::PlayerView v = views.of(viewer);
    EXPECT_TRUE(MessageDifferencer::Equals(v, make_view(w, viewer)));
    // The view holds its own row and column and nothing more; each figure is the matrix's, the
    // matrix reckoned on everything the viewer believes, others' private records hidden.
    const World seen = believed_world(w, viewer);
    ASSERT_EQ(v.threats_size(), w.size() - 1);
    ASSERT_EQ(v.threat_to_others_size(), w.size() - 1);
    for (int k = 0; k < v.threats_size(); ++k) {
      const StateIndex o = w.find(v.threats(k).from());
      ASSERT_EQ(v.threat_to_others(k).from(), v.threats(k).from());
      const ThreatFactors felt = threat_factors(seen, viewer, o);
      EXPECT_DOUBLE_EQ(v.threats(k).total(), seen.threat.at(viewer, o));
      EXPECT_DOUBLE_EQ(v.threats(k).offense(), felt.offense);
      EXPECT_DOUBLE_EQ(v.threats(k).intentions(), felt.intentions);
      EXPECT_DOUBLE_EQ(v.threat_to_others(k).total(), seen.threat.at(o, viewer));
      EXPECT_DOUBLE_EQ(v.threat_to_others(k).alliance_discount(),
                       threat_factors(seen, o, viewer).alliance_discount);
    }
    // Its score is the one the believed world gives it.
    ASSERT_EQ(v.scores_size(), 1);
    EXPECT_DOUBLE_EQ(v.scores(0).total(), seen.scores[viewer].total);
    EXPECT_DOUBLE_EQ(v.scores(0).security(), seen.scores[viewer].security);
  }
}

TEST(View, LeavesTheMapAndTheRulesToTheMatchsFactsSentOnce) {
  const World w = load_scenario_file("cold_war_1949", 3);
  const pb::MatchFacts facts = make_facts(w);
  const int n = w.size();
  ASSERT_EQ(facts.states_size(), n);
  for (StateIndex s = 0; s < n; ++s) EXPECT_EQ(facts.states(s), w.states[s].id);
  ASSERT_EQ(facts.distance_km_size(), n * (n - 1) / 2);
  int k = 0, borders = 0;
  for (StateIndex a = 0; a < n; ++a)
    for (StateIndex b = a + 1; b < n; ++b) {
      EXPECT_DOUBLE_EQ(facts.distance_km(k++), w.map().distance[a][b]);
      borders += w.map().borders[a][b] ? 1 : 0;
    }
  EXPECT_EQ(facts.borders_size(), borders);
  EXPECT_TRUE(MessageDifferencer::Equals(facts.ruleset(), w.ruleset));
  // A view carries none of it (the fields are gone from PlayerView), so the ruleset's name, which
  // is in the facts, is nowhere in a player's or a spectator's view.
  ASSERT_FALSE(w.ruleset.name().empty());
  EXPECT_NE(facts.SerializeAsString().find(w.ruleset.name()), std::string::npos);
  for (StateIndex viewer : {StateIndex{0}, kSpectator})
    EXPECT_EQ(make_view(w, viewer).SerializeAsString().find(w.ruleset.name()), std::string::npos)
        << "viewer " << viewer;
}

}  // namespace
}  // namespace hegemon
