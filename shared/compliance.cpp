// Treaty compliance and credibility: members are checked against the spending floor; free riding
// is public, costs reputation and cohesion; exercises build interoperability; notices mature;
// treaties expire or lapse at review.
#include <algorithm>
#include <string>

#include "shared/format.h"
#include "shared/turn_context.h"

namespace hegemon {
namespace {

std::string label(const Treaty& t) {
  return t.name.empty() ? std::string("the ") + treaty_type_name(t.type) + " " + std::to_string(t.id)
                        : t.name;
}

void check_members(TurnContext& ctx, Treaty& t) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  const double y = ctx.years();
  bool any_breach = false;
  for (auto& m : t.members) {
    State& st = w.states[m.state];
    if (t.terms.spending_floor_bp <= 0) {
      m.compliant = true;
      continue;
    }
    // Measured against the GDP the budget was drawn from, not the GDP this turn's growth (or
    // pressure) left: a state that spends exactly its floor has kept it.
    const double spent_bp =
        gdp_percent(ctx.spending[m.state].forces(), ctx.turn_gdp[m.state], y) * 100.0;
    m.compliant = spent_bp + 1e-9 >= t.terms.spending_floor_bp;
    if (m.compliant) {
      st.reputation = std::min(100.0, st.reputation + r.reputation_gain_per_kept_turn() * y);
      continue;
    }
    any_breach = true;
    ++m.breaches;
    const double before = st.reputation;
    st.reputation = std::max(0.0, st.reputation - r.reputation_loss_per_breach());
    t.cohesion = std::max(0.0, t.cohesion - r.cohesion_loss_per_breach());
    // A breach is visible to all: the floor is a public commitment even when the budget is not.
    // What it spent is public only with its budget; a state that withholds its budget is known to
    // have fallen short, and is told the figure itself.
    const std::string floor = fmt(t.terms.spending_floor_bp / 100.0, 2) + " % floor of " + label(t);
    const std::string cost = ": a breach (reputation " + fmt(before) + " -> " +
                             fmt(st.reputation) + ", cohesion now " + fmt(t.cohesion, 2) + ").";
    const std::string spent =
        " spent " + fmt(spent_bp / 100.0, 2) + " % of GDP on forces, below the ";
    if (st.publish_budget) {
      ctx.journal.publish(Topic::Compliance, st.name + spent + floor + cost, {m.state}, before,
                          st.reputation);
    } else {
      ctx.journal.publish(Topic::Compliance,
                          st.name + " spent less on forces than the " + floor + cost, {m.state},
                          before, st.reputation);
      ctx.journal.tell(Topic::Compliance, st.name + spent + floor + ".", {m.state});
    }
  }
  if (!any_breach) t.cohesion = std::min(1.0, t.cohesion + r.cohesion_gain_per_kept_turn() * y);
}

void build_interoperability(TurnContext& ctx) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  const double y = ctx.years();
  for (auto& t : w.treaties) t.interoperability *= 1.0 - r.interoperability_decay() * y;
  // Exercises make the forces of every pair of participants work together, in whatever treaty
  // those two share.
  for (const auto& ex : w.treaties) {
    if (ex.type != TreatyType::JointExercises) continue;
    for (auto& t : w.treaties) {
      if (!is_military(t.type)) continue;
      int shared = 0;
      for (const auto& m : t.members) shared += ex.has_member(m.state) ? 1 : 0;
      if (shared < 2) continue;
      const double share = double(shared) / double(t.members.size());
      t.interoperability =
          std::min(1.0, t.interoperability + r.interoperability_gain_exercises() * share * y);
    }
  }
}

void mature_notices_and_terms(TurnContext& ctx) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  for (auto& t : w.treaties) {
    std::erase_if(t.members, [&](const MemberStanding& m) {
      if (m.notice_given_turn <= 0 || ctx.turn() < m.notice_given_turn + t.terms.exit_notice)
        return false;
      ctx.journal.publish(Topic::Treaty,
                          w.states[m.state].name + " left " + label(t) + " after its notice.",
                          {m.state});
      return true;
    });
    const int age = ctx.turn() - t.signed_turn;
    if (t.members.size() < 2) {
      ctx.journal.publish(Topic::Treaty, label(t) + " dissolved: fewer than two members remain.",
                          {});
      t.members.clear();
    } else if (t.terms.duration > 0 && age >= t.terms.duration) {
      ctx.journal.publish(Topic::Treaty, label(t) + " reached the end of its term.", {});
      t.members.clear();
    } else if (t.terms.review_period > 0 && age > 0 && age % t.terms.review_period == 0) {
      if (t.cohesion < r.review_min_cohesion()) {
        ctx.journal.publish(Topic::Treaty,
                            label(t) + " lapsed at its review: cohesion " + fmt(t.cohesion, 2) +
                                " is below " + fmt(r.review_min_cohesion(), 2) +
                                " after repeated free riding.",
                            {});
        t.members.clear();
      } else {
        ctx.journal.publish(Topic::Treaty,
                            label(t) + " passed its review (cohesion " + fmt(t.cohesion, 2) + ").",
                            {});
      }
    }
  }
  std::erase_if(w.treaties, [](const Treaty& t) { return t.members.empty(); });
}

}  // namespace

void check_compliance(TurnContext& ctx) {
  for (auto& t : ctx.world.treaties) check_members(ctx, t);
  build_interoperability(ctx);
  mature_notices_and_terms(ctx);
}

}  // namespace hegemon
