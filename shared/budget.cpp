// Revenue, treaty contributions, and budgets turned into capabilities.
#include <algorithm>
#include <string>

#include "shared/format.h"
#include "shared/turn_context.h"

namespace hegemon {

void collect_revenue(TurnContext& ctx) {
  World& w = ctx.world;
  const int n = w.size();
  ctx.turn_gdp.assign(n, 0.0);
  for (int s = 0; s < n; ++s) {
    const State& st = w.states[s];
    ctx.turn_gdp[s] = st.gdp;
    ctx.revenue[s] = st.gdp * st.tax_share * ctx.years();
  }
  // Treaty contributions come off the top, before each state's own split. A state cannot pay
  // more than it collects: when its treaties ask for more, every contribution shrinks in
  // proportion.
  std::vector<int> owed_bp(n, 0);
  for (const auto& t : w.treaties)
    for (const auto& m : t.members) owed_bp[m.state] += t.terms.contribution_bp;
  for (auto& t : w.treaties) {
    t.fund = 0;
    if (t.terms.contribution_bp == 0) continue;
    for (const auto& m : t.members) {
      const double scale =
          owed_bp[m.state] > kBasisPoints ? double(kBasisPoints) / owed_bp[m.state] : 1.0;
      const double c = ctx.revenue[m.state] * t.terms.contribution_bp * scale / kBasisPoints;
      t.fund += c;
      ctx.contributions[m.state] += c;
    }
  }
  for (int s = 0; s < n; ++s) {
    const State& st = w.states[s];
    const double spendable = ctx.revenue[s] - ctx.contributions[s];
    Spending& sp = ctx.spending[s];
    for (int c = 0; c < kCategoryCount; ++c)
      sp.money[c] = spendable * st.allocation.bp[c] / kBasisPoints;
  }
}

void build_capabilities(TurnContext& ctx) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  const double y = ctx.years();
  for (int s = 0; s < w.size(); ++s) {
    State& st = w.states[s];
    Spending& sp = ctx.spending[s];
    // Military aid is paid out of the projection budget; what is not there cannot be sent.
    const double aid = std::min(ctx.aid_sent[s], sp[Category::PowerProjection]);
    if (aid + 1e-9 < ctx.aid_sent[s])
      ctx.journal.tell(Topic::Aid,
                       st.name + " could send only " + fmt(aid) + " of the " +
                           fmt(ctx.aid_sent[s]) + " in military aid it ordered: its projection "
                           "budget was smaller.",
                       {s});
    ctx.aid_sent[s] = aid;
    sp[Category::PowerProjection] -= aid;

    const double td_before = st.territorial_defense, pp_before = st.power_projection;
    st.territorial_defense =
        st.territorial_defense * (1.0 - r.territorial_defense_depreciation() * y) +
        sp[Category::TerritorialDefense] * r.territorial_defense_per_money() * st.technology;
    st.power_projection =
        st.power_projection * (1.0 - r.power_projection_depreciation() * y) +
        sp[Category::PowerProjection] * r.power_projection_per_money() * st.technology;

    const double research_pct = gdp_percent(sp[Category::Research], st.gdp, y);
    const double tech_before = st.technology;
    st.technology = std::min(r.tech_ceiling(),
                             st.technology + r.tech_gain_per_gdp_percent() * research_pct * y);

    const double influence_gain =
        sp[Category::Diplomacy] * r.influence_per_money() +
        r.influence_per_budget_percent() * st.allocation[Category::Diplomacy] / 100.0 * y;
    st.influence = st.influence * (1.0 - r.influence_decay() * y) + influence_gain;
    ctx.influence_gained[s] = influence_gain;

    st.intelligence =
        st.intelligence * (1.0 - r.intelligence_decay() * y) +
        sp[Category::Intelligence] * r.intelligence_per_money() +
        r.intelligence_per_budget_percent() * st.allocation[Category::Intelligence] / 100.0 * y;

    // One sentence for the whole budget: what came in, what treaties took, what it bought.
    ctx.journal.tell(Topic::Budget, {s}, td_before + pp_before, st.forces())
        << st.name << " collected " << Num{ctx.revenue[s]} << " in revenue; "
        << Num{ctx.contributions[s]} << " went to treaty contributions. Territorial defense went from "
        << Num{td_before} << " to " << Num{st.territorial_defense} << " and power projection from "
        << Num{pp_before} << " to " << Num{st.power_projection} << " (new spending times technology "
        << Num{tech_before, 2} << ", less wear).";
    if (st.technology > tech_before + 1e-9)
      ctx.journal.tell(Topic::Budget, {s}, tech_before, st.technology)
          << st.name << "'s research (" << Num{research_pct, 2}
          << " % of GDP) raised its technology from " << Num{tech_before, 3} << " to "
          << Num{st.technology, 3} << ".";
  }

  // Pooled contributions become territorial defense for every member, shared equally: the
  // burden is shared whether or not each member pulls its weight.
  for (auto& t : w.treaties) {
    if (t.fund <= 0 || t.members.empty()) continue;
    const double share = t.fund / static_cast<double>(t.members.size());
    for (const auto& m : t.members) {
      State& st = w.states[m.state];
      // Interoperable forces make pooled money go further.
      st.territorial_defense +=
          share * r.territorial_defense_per_money() * st.technology * (1.0 + t.interoperability);
    }
    std::vector<StateIndex> members;
    for (const auto& m : t.members) members.push_back(m.state);
    ctx.journal.tell(Topic::Treaty,
                     (t.name.empty() ? std::string(treaty_type_name(t.type)) : t.name) +
                         " pooled " + fmt(t.fund) + " in contributions into its members' defense.",
                     members);
  }
}

}  // namespace hegemon
