#include "shared/bots/budget_plan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "shared/format.h"

namespace hegemon {

int revenue_bp_for_gdp_bp(const SeatView& view, const Assessment& a, int gdp_bp) {
  const World& w = view.world();
  const double spendable = std::max(1e-9, a.spendable);
  const double money = view.own().gdp * w.scenario.years_per_turn() * gdp_bp / kBasisPoints;
  return static_cast<int>(std::ceil(money / spendable * kBasisPoints));
}

namespace {

/// Danger as the budget answers it: a self-reliant doctrine arms against the danger it would feel
/// alone; one that relies on its allies arms only against what they leave uncovered.
double danger_to_answer(const Assessment& a, double reliance) {
  double total = 0;
  for (size_t s = 0; s < a.threat.size(); ++s)
    total += a.threat[s] * (reliance * a.exposure[s] + (1.0 - reliance) * a.alone[s]);
  return total;
}

/// Power projection's share of forces: more the stronger the seat is than what it fears.
double projection_share(const Assessment& a, StateIndex me, const pb::Doctrine& d) {
  if (a.most_feared < 0) return d.projection_share_weak();
  const double ratio = a.power[me] / std::max(1e-9, a.power[a.most_feared]);
  const double x = std::clamp(std::log(std::max(1e-9, ratio)) / std::log(4.0), -1.0, 1.0);
  return d.projection_share_weak() +
         (d.projection_share_strong() - d.projection_share_weak()) * (x + 1.0) / 2.0;
}

/// Integer shares summing to 10 000 from non-negative weights.
Allocation to_basis_points(const std::array<double, kCategoryCount>& weight) {
  double total = 0;
  for (double x : weight) total += x;
  Allocation out;
  for (int c = 0; c < kCategoryCount; ++c)
    out.bp[c] = static_cast<int>(std::floor(weight[c] / std::max(1e-9, total) * kBasisPoints));
  out[Category::Welfare] += kBasisPoints - out.total();
  return out;
}

}  // namespace

SetBudget plan_budget(const SeatView& view, const Assessment& a, const pb::Doctrine& d, Rng& rng,
                      std::string* why) {
  const State& me = view.own();
  const double answered = danger_to_answer(a, d.ally_reliance());
  double defense = d.base_defense_bp() + d.defense_bp_per_danger() * answered;
  if (me.lean == GovernmentLean::Hawkish) defense *= 1.15;
  if (me.lean == GovernmentLean::Dovish) defense *= 0.85;
  const bool alarmed = me.stability < d.stability_alarm();
  if (alarmed) defense *= 0.7;
  defense *= 1.0 + d.budget_noise() * rng.symmetric();
  defense = std::min(defense, d.max_defense_bp());
  // Every spending floor the state has signed is kept, with a margin.
  int floor = 0;
  for (const auto& t : view.world().treaties)
    if (t.has_member(view.seat()) && t.terms.spending_floor_bp > 0)
      floor = std::max(floor, revenue_bp_for_gdp_bp(view, a, t.terms.spending_floor_bp + 20));
  defense = std::clamp(std::max(defense, double(floor)), 0.0, 9000.0);

  const double projection = projection_share(a, view.seat(), d);
  // What intelligence buys is sharper estimates of the states the seat fears and cannot see.
  double uncertainty = 0;
  for (int s = 0; s < view.size(); ++s)
    uncertainty += view.error_about(s) * a.threat[s] / 100.0;

  std::array<double, kCategoryCount> weight{};
  const double civil = kBasisPoints - defense;
  const double welfare = d.welfare_weight() * (alarmed ? 2.0 : 1.0);
  const double intelligence =
      d.intelligence_weight() + d.intelligence_per_uncertainty() * uncertainty;
  const double civil_total =
      d.economy_weight() + welfare + d.research_weight() + d.diplomacy_weight() + intelligence;
  auto civil_share = [&](double x) {
    return civil * x / std::max(1e-9, civil_total) * (1.0 + d.budget_noise() * rng.symmetric());
  };
  weight[static_cast<int>(Category::TerritorialDefense)] = defense * (1.0 - projection);
  weight[static_cast<int>(Category::PowerProjection)] = defense * projection;
  weight[static_cast<int>(Category::Economy)] = civil_share(d.economy_weight());
  weight[static_cast<int>(Category::Welfare)] = civil_share(welfare);
  weight[static_cast<int>(Category::Research)] = civil_share(d.research_weight());
  weight[static_cast<int>(Category::Diplomacy)] = civil_share(d.diplomacy_weight());
  weight[static_cast<int>(Category::Intelligence)] = civil_share(intelligence);
  for (double& x : weight) x = std::max(0.0, x);

  SetBudget out;
  out.allocation = to_basis_points(weight);
  // Floors are in GDP terms: rounding must not take forces below what was signed.
  const int forces = out.allocation[Category::TerritorialDefense] +
                     out.allocation[Category::PowerProjection];
  if (forces < floor) {
    out.allocation[Category::TerritorialDefense] += floor - forces;
    out.allocation[Category::Welfare] -= floor - forces;
    if (out.allocation[Category::Welfare] < 0) {
      out.allocation[Category::Economy] += out.allocation[Category::Welfare];
      out.allocation[Category::Welfare] = 0;
    }
  }
  out.publish_budget = me.publish_budget;
  if (rng.uniform() < d.reconsider_publication())
    out.publish_budget = rng.uniform() < d.publish_propensity();

  if (!why) return out;
  *why = "forces " + fmt(defense / 100.0) + " % of the budget against a danger of " +
         fmt(answered) +
         (a.most_feared >= 0 ? " (most from " + view.world().states[a.most_feared].name + ")"
                             : std::string()) +
         ", " + fmt(projection * 100.0) + " % of it projection" +
         (alarmed ? "; welfare first while stability is low" : "") +
         (out.publish_budget ? "; budget published" : "; budget withheld");
  return out;
}

}  // namespace hegemon
