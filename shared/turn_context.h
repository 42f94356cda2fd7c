// The working state of one turn's resolution, handed from step to step. Internal to the engine.
#pragma once

#include <vector>

#include "shared/journal.h"
#include "shared/orders.h"
#include "shared/rng.h"
#include "shared/world.h"

namespace hegemon {

struct TurnContext {
  World& world;
  /// The world as the turn began: the orders were checked against it, and its threat matrix is
  /// the one the states feel until step 7 writes this turn's into `world`.
  const World& before;
  Journal& journal;
  Rng& rng;
  /// Accepted orders per state, in the order they were sent (pointing into the order sets,
  /// which outlive the turn's resolution).
  std::vector<std::vector<const Order*>> accepted;
  /// This turn's money per state.
  std::vector<double> revenue;
  std::vector<double> contributions;
  std::vector<Spending> spending;
  /// Military aid each state sends (taken from its projection budget) this turn.
  std::vector<double> aid_sent;
  /// Influence each state gained from its own diplomacy this turn.
  std::vector<double> influence_gained;
  /// Real growth each state had this turn (yearly rate).
  std::vector<double> growth;
  /// Share of world GDP sanctioning each state at the start of the turn.
  std::vector<double> sanctioned_share;
  /// GDP each state had when the turn began: what its revenue was drawn from, and what the
  /// turn's spending is measured against (set by collect_revenue).
  std::vector<double> turn_gdp = {};
  /// The worst threat each state feels (set with the threat matrix in step 7) and its highest
  /// Finlandization level (set by update_finlandization): the score's security and sovereignty
  /// measures, taken in the passes over the pairs rather than in passes of their own.
  std::vector<double> worst_threat = {};
  std::vector<double> worst_level = {};

  /// A context for one turn of `world`, every per-state table sized and zeroed.
  TurnContext(World& w, const World& b, Journal& j, Rng& r)
      : world(w),
        before(b),
        journal(j),
        rng(r),
        accepted(w.states.size()),
        revenue(w.states.size(), 0.0),
        contributions(w.states.size(), 0.0),
        spending(w.states.size()),
        aid_sent(w.states.size(), 0.0),
        influence_gained(w.states.size(), 0.0),
        growth(w.states.size(), 0.0),
        sanctioned_share(w.states.size(), 0.0) {}
  /// A context whose world is also the world as the turn began (for a step run on its own).
  TurnContext(World& w, Journal& j, Rng& r) : TurnContext(w, w, j, r) {}

  double years() const { return world.scenario.years_per_turn(); }
  const Ruleset& rules() const { return world.ruleset; }
  /// The new turn's number (world.turn is advanced at the start of resolution).
  int turn() const { return world.turn; }
};

// The steps of resolve_turn, each in its own file.
/// Last turn's coercion and bandwagoning are cleared and old hostile acts fade: one pass over
/// every pair, before any order is applied (the n^2 relations are the turn's largest data).
void open_relations(TurnContext& ctx);             // intentions.cpp
void collect_revenue(TurnContext& ctx);            // budget.cpp
void build_capabilities(TurnContext& ctx);         // budget.cpp
void grow_economies(TurnContext& ctx);             // economy.cpp
void conduct_diplomacy(TurnContext& ctx);          // diplomacy.cpp
void record_intentions(TurnContext& ctx);          // intentions.cpp
void update_finlandization(TurnContext& ctx);      // finlandization.cpp
void check_compliance(TurnContext& ctx);           // compliance.cpp
void update_domestic_politics(TurnContext& ctx);   // domestic.cpp
void apply_events(TurnContext& ctx);               // events.cpp
void update_scores_and_end(TurnContext& ctx);      // scoring.cpp

/// Share of a turn's GDP (annualised) that `money` spent in one turn represents, in percent.
inline double gdp_percent(double money, double gdp, double years) {
  return gdp > 0 ? money / (gdp * years) * 100.0 : 0.0;
}

}  // namespace hegemon
