#include "client/app/preview.h"

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

#include "shared/resolve.h"
#include "shared/schema_adapter.h"
#include "shared/view_world.h"

namespace hegemon::client {
namespace {

double highest_threat(const World& world, StateIndex s) {
  double worst = 0;
  if (world.threat.n != world.size()) return worst;
  for (StateIndex o = 0; o < world.size(); ++o)
    if (o != s) worst = std::max(worst, world.threat.at(s, o));
  return worst;
}

double highest_level(const State& st) {
  double worst = 0;
  for (const auto& rel : st.relations) worst = std::max(worst, rel.finland_level);
  return worst;
}

std::string treaty_label(const Treaty& t) {
  return t.name.empty() ? std::string(treaty_type_name(t.type)) + " " + std::to_string(t.id)
                        : t.name;
}

}  // namespace

Preview preview_orders(const pb::PlayerView& view, const pb::MatchFacts& facts,
                       const pb::OrderSet& orders) {
  Preview p;
  try {
    World world = world_from_view(view, facts);
    // The expected turn: no random shock to the economy.
    world.ruleset.set_growth_volatility(0.0);
    const StateIndex me = world.find(view.own().id());

    pb::OrderSet set = orders;
    if (set.state().empty()) set.set_state(view.own().id());
    if (set.state() != view.own().id()) {
      p.problem = "these orders are for " + set.state() + ", not for " + view.own().name();
      return p;
    }
    const OrderSet engine_orders = orders_from_proto(world, set);
    const TurnResult result = resolve_turn(world, {engine_orders});
    const State& before = world.states[me];
    const State& after = result.world.states[me];

    p.revenue = after.last_revenue;
    p.contributions = after.last_contributions;
    p.spendable = after.last_revenue - after.last_contributions;
    p.gdp = {before.gdp, after.gdp};
    p.territorial_defense = {before.territorial_defense, after.territorial_defense};
    p.power_projection = {before.power_projection, after.power_projection};
    p.technology = {before.technology, after.technology};
    p.stability = {before.stability, after.stability};
    p.influence = {before.influence, after.influence};
    p.reputation = {before.reputation, after.reputation};
    p.highest_threat = {highest_threat(world, me), highest_threat(result.world, me)};
    p.highest_finland_level = {highest_level(before), highest_level(after)};

    // The floor is measured against the GDP the budget was drawn from, as the compliance check
    // measures it.
    const double years = world.scenario.years_per_turn();
    const double spent_bp =
        before.gdp > 0 ? after.last_spending.forces() / (before.gdp * years) * 10000.0 : 0.0;
    for (const auto& t : world.treaties) {
      if (!t.has_member(me) || t.terms.spending_floor_bp <= 0) continue;
      PreviewFloor f;
      f.treaty_id = t.id;
      f.treaty = treaty_label(t);
      f.floor_bp = t.terms.spending_floor_bp;
      f.spent_bp = spent_bp;
      f.met = spent_bp + 1e-9 >= t.terms.spending_floor_bp;
      p.floors.push_back(std::move(f));
    }

    if (!result.results.empty())
      for (const auto& r : result.results.front()) {
        pb::OrderResult out;
        out.set_index(r.index);
        out.set_accepted(r.accepted);
        out.set_reason(r.reason);
        p.verdicts.push_back(std::move(out));
      }
    for (const JournalEntry* e : result.journal.readable_by(me))
      if (std::find(e->states.begin(), e->states.end(), me) != e->states.end())
        p.report.push_back(e->text);
    p.available = true;
  } catch (const std::exception& e) {
    // A view or an order set the engine cannot read: say so rather than guess.
    p = Preview{};
    p.problem = e.what();
  }
  return p;
}

const Preview& PreviewCache::get(const pb::PlayerView& view, const pb::MatchFacts& facts,
                                 const pb::OrderSet& orders) {
  std::string key = view.viewer() + ":" + std::to_string(view.turn()) + ":" +
                    std::to_string(view.ByteSizeLong()) + ":";
  key += orders.SerializeAsString();
  if (key != key_) {
    preview_ = preview_orders(view, facts, orders);
    key_ = std::move(key);
  }
  return preview_;
}

pb::OrderSet draft_order_set(const MatchModel& model) {
  pb::OrderSet set;
  set.set_state(model.my_state);
  set.set_turn(model.draft.turn != 0 ? model.draft.turn : model.collecting_turn());
  pb::SetBudget* budget = set.add_orders()->mutable_set_budget();
  *budget->mutable_allocation() = model.draft.allocation;
  budget->set_publish_budget(model.draft.publish_budget);
  for (const auto& order : model.draft.orders) *set.add_orders() = order;
  return set;
}

}  // namespace hegemon::client
