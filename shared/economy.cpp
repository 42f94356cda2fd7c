// Economy: trend growth, investment, the drag of heavy defense spending, and sanctions.
#include <algorithm>

#include "shared/format.h"
#include "shared/turn_context.h"

namespace hegemon {

void grow_economies(TurnContext& ctx) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  const double y = ctx.years();
  double world_gdp = 0;
  for (const auto& st : w.states) world_gdp += st.gdp;

  // Sanctions in force at the start of the turn bite now; those joined this turn bite next turn.
  std::fill(ctx.sanctioned_share.begin(), ctx.sanctioned_share.end(), 0.0);
  std::vector<double> sanctioning_cost(w.size(), 0.0);
  for (const auto& sn : w.sanctions) {
    ctx.sanctioned_share[sn.target] += w.states[sn.sanctioner].gdp / world_gdp;
    sanctioning_cost[sn.sanctioner] += w.states[sn.target].gdp / world_gdp;
  }

  for (int s = 0; s < w.size(); ++s) {
    State& st = w.states[s];
    const Spending& sp = ctx.spending[s];
    const double invest_pct = gdp_percent(sp[Category::Economy], st.gdp, y);
    const double defense_pct = gdp_percent(sp.forces(), st.gdp, y);
    const double investment = r.growth_per_investment_gdp_percent() * invest_pct;
    const double drag =
        r.defense_drag_per_gdp_percent() * std::max(0.0, defense_pct - r.defense_drag_free_gdp_percent());
    const double sanctions = r.sanction_gdp_loss() * std::min(1.0, ctx.sanctioned_share[s]);
    const double self_cost = r.sanction_self_cost() * std::min(1.0, sanctioning_cost[s]);
    const double shock = r.growth_volatility() * ctx.rng.symmetric();
    const double g = std::clamp(st.growth + investment - drag - sanctions - self_cost + shock,
                                r.growth_floor(), r.growth_ceiling());
    ctx.growth[s] = g;
    const double before = st.gdp;
    st.gdp *= 1.0 + g * y;
    st.population *= 1.0 + r.population_growth() * y;

    auto line = ctx.journal.tell(Topic::Economy, {s}, before, st.gdp);
    line << st.name << "'s economy grew " << Num{g * 100, 2} << " % a year (trend "
         << Num{st.growth * 100, 1} << " %, investment +" << Num{investment * 100, 2} << " %";
    if (drag > 0) line << ", defense burden -" << Num{drag * 100, 2} << " %";
    if (sanctions > 0) line << ", sanctions -" << Num{sanctions * 100, 2} << " %";
    if (shock != 0) line << ", shock " << Num{shock * 100, 2} << " %";
    if (self_cost > 0) line << ", cost of sanctioning others -" << Num{self_cost * 100, 2} << " %";
    line << "): GDP " << Num{before} << " -> " << Num{st.gdp} << ".";
  }
}

}  // namespace hegemon
