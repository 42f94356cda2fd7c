#include "shared/view.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "shared/rng.h"
#include "shared/schema_adapter.h"
#include "shared/scoring.h"

namespace hegemon {
namespace {

/// Estimated quantities of one target: the allocation's categories, then its forces, technology
/// and stability.
constexpr int kTerritorialDefense = kCategoryCount;
constexpr int kPowerProjection = kCategoryCount + 1;
constexpr int kTechnology = kCategoryCount + 2;
constexpr int kStability = kCategoryCount + 3;
constexpr int kEstimatedQuantities = kCategoryCount + 4;
using Deviations = std::array<double, kEstimatedQuantities>;

/// Keeps the estimates' draws apart from every other stream drawn from the match seed.
constexpr std::uint64_t kEstimateStream = 0x657374696D617465ULL;

/// The band the viewer's stated error lies in: bands are a factor (1 + estimate_redraw_step)
/// apart, counted from the error with no intelligence (band 0, the spectator's for good).
std::uint64_t error_band(const World& w, StateIndex viewer) {
  const Ruleset& r = w.ruleset;
  const double intel = viewer >= 0 ? std::max(0.0, w.states[viewer].intelligence) : 0.0;
  // base / error = 1 + intelligence / scale.
  return static_cast<std::uint64_t>(std::log1p(intel / r.estimate_intelligence_scale()) /
                                    std::log1p(r.estimate_redraw_step()));
}

/// Folds a position on the unit circle onto [-1, 1] and back (a triangle wave). A uniform
/// position gives a uniform result whatever is added to it, so wandering keeps the error's spread
/// exactly uniform within +-1; and the fold is continuous, so no jump gives the truth away.
double fold(double x) {
  // floor(x) without the library call the baseline x86-64 needs (it has no rounding
  // instruction): exact for any x this near zero, and the estimates take millions a batch.
  double whole = static_cast<double>(static_cast<std::int64_t>(x));
  if (whole > x) whole -= 1.0;
  return 1.0 - 4.0 * std::fabs(x - whole - 0.5);
}

/// Draws afresh what `draws` does not hold for this (viewer, target, band) and this turn's
/// stretch of the drift: a position fixed for the (viewer, target, band), and the two points the
/// wandering passes between in the stretch. All are drawn from the seed alone, so a view can be
/// made for any turn from the world as it is.
void update_draws(const World& w, StateIndex viewer, StateIndex target, std::uint64_t band,
                  int knot, EstimateDraws& d) {
  const auto pair =
      static_cast<std::uint64_t>(viewer + 1) * 100003u + static_cast<std::uint64_t>(target);
  const std::uint64_t key = mix_seed(w.seed ^ kEstimateStream, pair, band);
  if (key != d.key || d.knot < 0) {
    d.key = key;
    d.knot = -1;
    Rng fixed(key);
    for (double& f : d.fixed) f = fixed.uniform();
  }
  if (knot == d.knot) return;
  d.knot = knot;
  Rng from(mix_seed(key, static_cast<std::uint64_t>(knot) + 1));
  Rng to(mix_seed(key, static_cast<std::uint64_t>(knot) + 2));
  // The wandering points need little precision: four 16-bit draws from each 64-bit word.
  const auto point = [](std::uint64_t bits, int q4) {
    return static_cast<double>((bits >> (16 * q4)) & 0xFFFFu) / 32768.0 - 1.0;
  };
  std::uint64_t from_bits = 0, to_bits = 0;
  for (int q = 0; q < EstimateDraws::kQuantities; ++q) {
    if (q % 4 == 0) from_bits = from.next(), to_bits = to.next();
    d.from[q] = point(from_bits, q % 4);
    d.to[q] = point(to_bits, q % 4);
  }
}

/// The viewer's errors on each quantity of `target` this turn, as fractions of the stated error,
/// each uniform in [-1, 1]: the fixed position plus a small wandering that passes smoothly
/// through fresh points every estimate_drift_period turns.
Deviations estimate_deviations(const World& w, StateIndex viewer, StateIndex target,
                               std::uint64_t band, EstimateDraws& d) {
  static_assert(EstimateDraws::kQuantities == kEstimatedQuantities);
  const Ruleset& r = w.ruleset;
  const int period = std::max(1, r.estimate_drift_period());
  const int turn = std::max(0, w.turn);
  const int knot = turn / period;
  update_draws(w, viewer, target, band, knot, d);
  const double along = static_cast<double>(turn - knot * period) / period;
  const double blend = along * along * (3.0 - 2.0 * along);  // smooth through each point
  // Folding doubles distances and the fold's range is twice the unit's, hence the quarter.
  const double reach = 0.25 * r.estimate_drift_share();
  Deviations z{};
  for (int q = 0; q < kEstimatedQuantities; ++q) {
    const double wander = (1.0 - blend) * d.from[q] + blend * d.to[q];
    z[static_cast<size_t>(q)] = fold(d.fixed[q] + reach * wander);
  }
  return z;
}

Allocation estimate_allocation(const Allocation& truth, double error, const Deviations& z) {
  std::array<double, kCategoryCount> guess{};
  double total = 0;
  for (int c = 0; c < kCategoryCount; ++c) {
    guess[c] = std::max(0.0, truth.bp[c] * (1.0 + error * z[c]));
    total += guess[c];
  }
  Allocation a;
  if (total <= 0) {
    a.bp.fill(kBasisPoints / kCategoryCount);
    a[Category::Welfare] += kBasisPoints - a.total();
    return a;
  }
  for (int c = 0; c < kCategoryCount; ++c)
    // Truncation is the floor here: every share is non-negative.
    a.bp[c] = static_cast<int>(guess[c] / total * kBasisPoints);
  a[Category::Welfare] += kBasisPoints - a.total();  // rounding remainder, so it sums to 100 %
  return a;
}

pb::ThreatView threat_view(const World& w, StateIndex other, const ThreatFactors& f) {
  pb::ThreatView t;
  t.set_from(w.states[other].id);
  t.set_total(f.total);
  t.set_power(f.power);
  t.set_proximity(f.proximity);
  t.set_offense(f.offense);
  t.set_intentions(f.intentions);
  t.set_alliance_discount(f.alliance_discount);
  return t;
}

pb::ReportTopic topic_to_proto(Topic topic) {
  return static_cast<pb::ReportTopic>(static_cast<int>(topic));
}

}  // namespace

double estimate_error(const World& world, StateIndex viewer) {
  const Ruleset& r = world.ruleset;
  const double intel = viewer >= 0 ? world.states[viewer].intelligence : 0.0;
  return r.estimate_base_error() / (1.0 + intel / r.estimate_intelligence_scale());
}

ViewerAccuracy viewer_accuracy(const World& world, StateIndex viewer) {
  return {estimate_error(world, viewer), error_band(world, viewer)};
}

StateEstimate estimate_state(const World& world, StateIndex viewer, StateIndex target) {
  const State& truth = world.states[target];
  if (target == viewer || truth.publish_budget)
    return {truth.allocation, truth.territorial_defense, truth.power_projection, truth.technology,
            truth.stability};
  return estimate_state(world, viewer, target, viewer_accuracy(world, viewer));
}

StateEstimate estimate_state(const World& world, StateIndex viewer, StateIndex target,
                             const ViewerAccuracy& accuracy) {
  EstimateDraws draws;
  return estimate_state(world, viewer, target, accuracy, draws);
}

StateEstimate estimate_state(const World& world, StateIndex viewer, StateIndex target,
                             const ViewerAccuracy& accuracy, EstimateDraws& draws) {
  const State& truth = world.states[target];
  StateEstimate seen{truth.allocation, truth.territorial_defense, truth.power_projection,
                     truth.technology, truth.stability};
  if (target == viewer || truth.publish_budget) return seen;
  const double error = accuracy.error;
  const Deviations z = estimate_deviations(world, viewer, target, accuracy.band, draws);
  seen.allocation = estimate_allocation(truth.allocation, error, z);
  seen.territorial_defense *= 1.0 + error * z[kTerritorialDefense];
  seen.power_projection *= 1.0 + error * z[kPowerProjection];
  seen.technology *= 1.0 + 0.5 * error * z[kTechnology];
  // Stability answers to welfare and defense spending by public arithmetic, so shown exactly it
  // would give a withheld welfare share away to anyone who differences two turns.
  seen.stability = std::min(100.0, seen.stability * (1.0 + error * z[kStability]));
  return seen;
}

void hide_private(State& st) {
  st.influence = 0;
  st.intelligence = 0;
  st.last_spending = {};
  st.last_revenue = 0;
  st.last_contributions = 0;
  st.doctrine.clear();
  for (auto& rel : st.relations) {
    // Only the status toward each power is public; levels and records stay with the holder.
    const FinlandStatus status = rel.finland_status;
    rel = Relation{};
    rel.finland_status = status;
  }
}

void apply_estimate(State& st, const StateEstimate& e) {
  st.allocation = e.allocation;
  st.territorial_defense = e.territorial_defense;
  st.power_projection = e.power_projection;
  st.technology = e.technology;
  st.stability = e.stability;
}

pb::MatchFacts make_facts(const World& world) {
  pb::MatchFacts facts;
  const int n = world.size();
  for (const State& st : world.states) facts.add_states(st.id);
  const bool has_map = static_cast<int>(world.map().distance.size()) == n;
  if (has_map) facts.mutable_distance_km()->Reserve(n * (n - 1) / 2);
  for (int a = 0; a < n && has_map; ++a)
    for (int b = a + 1; b < n; ++b) {
      if (world.map().borders[a][b]) {
        pb::Border* border = facts.add_borders();
        border->set_a(world.states[a].id);
        border->set_b(world.states[b].id);
      }
      facts.add_distance_km(world.map().distance[a][b]);
    }
  *facts.mutable_ruleset() = world.ruleset;
  return facts;
}

WorldViews::WorldViews(const World& world) : world_(&world), ties_(world), truth_(world, ties_) {
  pb::PlayerView& v = common_;
  v.set_turn(world.turn);
  v.set_scenario(world.scenario.name);
  v.set_title(world.scenario.title);
  v.set_start_year(world.scenario.start_year);
  v.set_turn_length(world.scenario.quarterly ? pb::QUARTER : pb::YEAR);
  v.set_turns(world.scenario.turns);
  for (int s = 0; s < world.size(); ++s) {
    const State& st = world.states[s];
    pb::StateView* o = v.add_others();
    o->set_id(st.id);
    o->set_name(st.name);
    o->set_color(st.color);
    o->set_map_x(st.map_x);
    o->set_map_y(st.map_y);
    o->set_gdp(st.gdp);
    o->set_population(st.population);
    o->set_reputation(st.reputation);
    o->set_lean(to_proto(st.lean));
    o->set_government_changes(st.government_changes);
    o->set_budget_published(st.publish_budget);
    if (s < static_cast<int>(world.scenario.start_gdp.size()))
      o->set_start_gdp(world.scenario.start_gdp[s]);
    // Only the status toward each power is public; levels and records stay with the holder.
    for (int p = 0; p < world.size(); ++p) {
      if (p == s || st.relations[p].finland_status == FinlandStatus::Independent) continue;
      pb::Relation* rel = o->add_public_relations();
      rel->set_other(world.states[p].id);
      rel->set_finland_status(to_proto(st.relations[p].finland_status));
    }
  }
  // Treaties, guarantees and sanctions are public acts; proposals only reach their parties.
  for (const auto& t : world.treaties) *v.add_treaties() = to_proto(world, t);
  for (const auto& g : world.guarantees) *v.add_guarantees() = to_proto(world, g);
  for (const auto& s : world.sanctions) *v.add_sanctions() = to_proto(world, s);
  // Once the match is over nothing is left to hide: every view carries the final standings.
  if (world.ended)
    for (int s = 0; s < world.size() && s < static_cast<int>(world.scores.size()); ++s)
      *v.add_scores() = to_proto(world, s, world.scores[s]);
  v.set_ended(world.ended);
  v.set_end_reason(world.end_reason);
}

pb::PlayerView WorldViews::of(StateIndex viewer) const {
  const World& world = *world_;
  const int n = world.size();
  pb::PlayerView v = common_;
  if (viewer >= 0) {
    v.set_viewer(world.states[viewer].id);
    *v.mutable_own() = to_proto(world, viewer);
    v.mutable_others()->DeleteSubrange(viewer, 1);
  }

  // The viewer's estimates in place of what each other state withholds; the threats are
  // reckoned on them, so they cannot reveal what the estimates hide.
  const ViewerAccuracy accuracy = viewer_accuracy(world, viewer);
  ThreatInputs seen = truth_;
  for (int s = 0, shown = 0; s < n; ++s) {
    if (s == viewer) continue;
    const State& st = world.states[s];
    const StateEstimate e = estimate_state(world, viewer, s, accuracy);
    pb::StateView* o = v.mutable_others(shown++);
    o->set_stability(e.stability);
    *o->mutable_allocation() = to_proto(e.allocation);
    o->set_territorial_defense(e.territorial_defense);
    o->set_power_projection(e.power_projection);
    o->set_technology(e.technology);
    o->set_estimate_error(st.publish_budget ? 0.0 : accuracy.error);
    seen.believe_state(world.ruleset, s, st, e.territorial_defense, e.power_projection,
                       e.technology);
  }
  if (viewer < 0) return v;

  for (const auto& p : world.proposals)
    if (p.has_member(viewer)) *v.add_proposals() = to_proto(world, p);

  // The viewer's own row and column: what it feels from each state, and what each feels from
  // it. Another state's record of the viewer is private to it, so its fear is reckoned without.
  const Relation hidden_record{};
  double worst = 0;
  for (int o = 0; o < n; ++o) {
    if (o == viewer) continue;
    const ThreatFactors felt =
        threat_factors(world, seen, viewer, o, world.states[viewer].relations[o]);
    worst = std::max(worst, felt.total);
    *v.add_threats() = threat_view(world, o, felt);
    *v.add_threat_to_others() =
        threat_view(world, o, threat_factors(world, seen, o, viewer, hidden_record));
  }
  // Only the viewer's own score, reckoned on the threats it believes it feels: another state's
  // score would give away what the view hides (its influence, its Finlandization levels, the
  // threat it truly feels), and the viewer's security reckoned on the truth would give away the
  // forces it only estimates.
  if (!world.ended)
    *v.add_scores() = to_proto(world, viewer, score_of(world, viewer, 100.0 - worst));

  for (const auto& obj : world.scenario.objectives)
    if (obj.state == viewer) *v.add_objectives() = to_proto(world, obj);
  const ScenarioInfo& info = world.scenario;
  pb::StartingPosition* start = v.mutable_own_start();
  const auto at = [&](const std::vector<double>& starts) {
    return viewer < static_cast<int>(starts.size()) ? starts[viewer] : 0.0;
  };
  start->set_gdp(at(info.start_gdp));
  start->set_security(at(info.start_security));
  start->set_influence(at(info.start_influence));
  start->set_sovereignty(at(info.start_sovereignty));
  return v;
}

pb::PlayerView make_view(const World& world, StateIndex viewer) {
  return WorldViews(world).of(viewer);
}

pb::TurnReport make_report(const World& world, const Journal& journal, StateIndex viewer,
                           const std::vector<OrderResult>* own_results) {
  pb::TurnReport report;
  if (viewer >= 0) report.set_viewer(world.states[viewer].id);
  report.set_turn(world.turn);
  if (own_results)
    for (const auto& r : *own_results) {
      pb::OrderResult* out = report.add_order_results();
      out->set_index(r.index);
      out->set_accepted(r.accepted);
      out->set_reason(r.reason);
    }
  for (const JournalEntry* e : journal.readable_by(viewer)) {
    pb::ReportEntry* out = report.add_entries();
    out->set_topic(topic_to_proto(e->topic));
    out->set_text(e->text);
    for (StateIndex s : e->states) out->add_states(world.states[s].id);
    out->set_before(e->before);
    out->set_after(e->after);
  }
  return report;
}

}  // namespace hegemon
