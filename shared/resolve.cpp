#include "shared/resolve.h"

#include <string>

#include "shared/rng.h"
#include "shared/scoring.h"
#include "shared/threat.h"
#include "shared/turn_context.h"
#include "shared/validate.h"

namespace hegemon {
namespace {

void reject_all(TurnResult& result, const std::vector<OrderSet>& orders, const std::string& why) {
  for (const auto& set : orders) {
    std::vector<OrderResult> rs;
    for (int i = 0; i < static_cast<int>(set.orders.size()); ++i) rs.push_back({i, false, why});
    result.results.push_back(std::move(rs));
  }
}

/// Step 1: validation against the world as it stood, then the standing choices the orders change.
void accept_orders(TurnContext& ctx, const World& before, const std::vector<OrderSet>& orders,
                   TurnResult& result) {
  std::vector<bool> seen(ctx.world.size(), false);
  const StandingCommitments commitments(before);
  for (const auto& set : orders) {
    std::vector<OrderResult> rs;
    if (set.state < 0 || set.state >= ctx.world.size() || seen[set.state]) {
      const std::string why = set.state < 0 || set.state >= ctx.world.size()
                                  ? "these orders are for a state that is not in this match"
                                  : "a second order set for the same state this turn; only the "
                                    "first counts";
      for (int i = 0; i < static_cast<int>(set.orders.size()); ++i) rs.push_back({i, false, why});
      result.results.push_back(std::move(rs));
      continue;
    }
    seen[set.state] = true;
    rs = validate_orders(before, set, commitments);
    State& st = ctx.world.states[set.state];
    for (const auto& r : rs) {
      if (!r.accepted) {
        ctx.journal.tell(Topic::OrderTopic,
                         "Order " + std::to_string(r.index + 1) + " of " + st.name +
                             " was rejected: " + r.reason + ".",
                         {set.state});
        continue;
      }
      const Order& o = set.orders[r.index];
      ctx.accepted[set.state].push_back(&o);
      if (const auto* b = std::get_if<SetBudget>(&o)) {
        st.allocation = b->allocation;
        st.publish_budget = b->publish_budget;
      } else if (const auto* a = std::get_if<SendMilitaryAid>(&o)) {
        ctx.aid_sent[set.state] += a->amount;
      }
    }
    result.results.push_back(std::move(rs));
  }
}

}  // namespace

void refresh_derived(World& world) {
  build_proximity(world);
  world.threat = compute_threat_matrix(world);
  world.scores = compute_scores(world);
}

TurnResult resolve_turn(const World& world, const std::vector<OrderSet>& orders) {
  TurnResult result;
  resolve_turn(world, orders, result);
  return result;
}

void resolve_turn(const World& world, const std::vector<OrderSet>& orders, TurnResult& result) {
  result.results.clear();
  result.journal.clear();
  World& w = result.world;
  if (world.ended) {
    w = world;
    reject_all(result, orders, "the match has ended (" + w.end_reason + ")");
    return;
  }
  // Step 7 writes the whole threat matrix anew (the map is shared, not copied).
  copy_all_but_threat(world, w);
  if (w.map().proximity.size() != w.states.size() * w.states.size()) build_proximity(w);
  w.turn += 1;
  Rng rng(mix_seed(w.seed, static_cast<std::uint64_t>(w.turn)));
  const size_t n = w.states.size();
  TurnContext ctx(w, world, result.journal, rng);

  result.journal.reserve(n * 900);  // a turn writes about seven sentences per state
  accept_orders(ctx, world, orders, result);
  open_relations(ctx);
  collect_revenue(ctx);
  build_capabilities(ctx);
  grow_economies(ctx);
  conduct_diplomacy(ctx);
  record_intentions(ctx);
  compute_threat_matrix(w, w.threat, &ctx.worst_threat);
  update_finlandization(ctx);
  check_compliance(ctx);
  update_domestic_politics(ctx);
  apply_events(ctx);
  // The matrix stays as read in step 7: what the states perceived when they weighed pressure.
  // Later changes of this turn (events, breaches) are read at the next turn's step 7.
  update_scores_and_end(ctx);

  for (size_t s = 0; s < n; ++s) {
    w.states[s].last_spending = ctx.spending[s];
    w.states[s].last_revenue = ctx.revenue[s];
    w.states[s].last_contributions = ctx.contributions[s];
  }
}

}  // namespace hegemon
