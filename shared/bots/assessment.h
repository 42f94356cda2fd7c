// What a seat makes of its view: how much each state endangers it, and what a change of alliances
// would do to that. Every figure is reckoned on the seat's own view with the engine's own threat
// and Finlandization formulas, so a bot weighs what the rules will do, not a rule of thumb.
#pragma once

#include <vector>

#include "shared/bots/seat_view.h"
#include "shared/finlandization.h"
#include "shared/threat.h"

namespace hegemon {

struct Assessment {
  std::vector<double> threat;    // felt from each state, as the seat reckons it (0..100)
  std::vector<double> cover;     // credible allied and guaranteed force reaching the seat, per source
  std::vector<double> exposure;  // 0..1: how little the seat's own and allied forces cover a source
  std::vector<double> alone;     // 0..1: the same exposure with no allies or guarantors
  std::vector<double> danger;    // threat x exposure: what the seat's security loses to each state
  std::vector<double> power;     // aggregate power of every state, as the seat sees it
  std::vector<ThreatFactors> factors;  // the seat's threat from each state, factor by factor
  std::vector<FinlandForces> sway;     // what moves the seat's level toward each state
  std::vector<double> reach;     // force each state could bring to the seat's side (reach_of)
  std::vector<double> concern;   // threat from each state relative to the greatest, 0..1
  std::vector<double> projection;  // each state's projectable force, plus one
  // Each state's worst quarrel the seat is less concerned by: its threat from another state
  // times (1 - the seat's concern for that state), and that state (-1 when it has none), over
  // every state but itself and the seat. What entrapment reads for most partner sets; reckoned
  // the first time a state is weighed as a partner (kUnreckoned until then).
  static constexpr StateIndex kUnreckoned = -2;
  mutable std::vector<double> worst_quarrel;
  mutable std::vector<StateIndex> quarrel_with;
  FinlandModel sway_model;       // storage for the model behind `sway`, reused from seat to seat
  double own_defense = 0;        // the seat's territorial defense, technology included
  double spendable = 0;          // revenue the seat expects to spend this turn
  double total_danger = 0;
  StateIndex most_feared = -1;   // the state of greatest danger, or -1
};

/// The seat's reading of its view, written into `a` (whatever it held), reusing its storage from
/// seat to seat.
void assess(const SeatView& view, Assessment& a);

/// Force `helper` can bring to `helped`'s side: its forces times technology times proximity.
double reach_of(const World& world, StateIndex helper, StateIndex helped);

/// How little of `source`'s projectable force the seat's defense and `cover` would meet (0..1).
double exposure(const Assessment& a, StateIndex source, double cover);

/// Credibility the seat expects of a new treaty among `members` (no record yet: cohesion 1, no
/// interoperability beyond the ruleset's start, the members' reputations).
double expected_credibility(const World& world, const std::vector<StateIndex>& members);
/// The same from the members' mean reputation.
double expected_credibility(const World& world, double mean_reputation);

/// Danger an alliance with `partners` (mutual defense, credibility `credibility`) takes off the
/// seat: sources outside the pact are covered by the partners' force, sources inside it are
/// discounted as allies. For an alliance it is already in (`already_allied`), the danger it would
/// take on by leaving.
double danger_relief(const SeatView& view, const Assessment& a,
                     const std::vector<StateIndex>& partners, double credibility,
                     bool already_allied);

/// The quarrels the seat would take on (entrapment): each partner's worst threat from a state the
/// seat does not fear as much, summed over partners, in tenths of threat points.
double entrapment(const SeatView& view, const Assessment& a,
                  const std::vector<StateIndex>& partners);

/// Finlandization points a turn the seat expects toward `strong` if it adds `extra_push` to what
/// `strong` already exerts (push over resistance, as the rules reckon them on the view).
double expected_sway(const SeatView& view, const Assessment& a, StateIndex strong,
                     double extra_push);

}  // namespace hegemon
