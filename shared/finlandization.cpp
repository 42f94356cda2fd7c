#include "shared/finlandization.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "shared/format.h"
#include "shared/threat.h"
#include "shared/turn_context.h"

namespace hegemon {

FinlandModel::FinlandModel(const World& world)
    : world_(&world),
      own_ties_(std::in_place, world),
      ties_(&*own_ties_),
      min_ratio_(world.ruleset.finland_min_power_ratio()),
      log_min_ratio_(std::log(min_ratio_)) {
  const int n = world.size();
  build(-1);
  // The levels of the allies and guarantors only: no one else's independence is ever asked.
  std::vector<int> holder_row(size_t(n), -1);
  int rows = 0;
  const auto keep = [&](StateIndex holder) {
    if (holder_row[holder] < 0) holder_row[holder] = rows++;
  };
  for (const Support& support : supports_) keep(support.ally);
  for (const auto& g : guarantees_) keep(g.first);
  // Left uninitialised and filled row by row: zeroing it first would cost as much again.
  start_levels_.reset(new double[size_t(rows) * n]);
  start_levels_of_.assign(size_t(n), nullptr);
  for (int a = 0; a < n; ++a) {
    if (holder_row[a] < 0) continue;
    double* row = &start_levels_[size_t(holder_row[a]) * n];
    start_levels_of_[a] = row;
    const Relation* rel = world.states[a].relations.data();
    for (int b = 0; b < n; ++b) row[b] = rel[b].finland_level;
  }
}

FinlandModel::FinlandModel(const World& world, const TreatyTies& ties, StateIndex small) {
  reset(world, ties, small);
}

void FinlandModel::reset(const World& world, const TreatyTies& ties, StateIndex small) {
  world_ = &world;
  own_ties_.reset();
  ties_ = &ties;
  min_ratio_ = world.ruleset.finland_min_power_ratio();
  log_min_ratio_ = std::log(min_ratio_);
  start_levels_.reset();
  build(small);
}

void FinlandModel::reset(const World& world, const ThreatInputs& inputs, StateIndex small) {
  world_ = &world;
  own_ties_.reset();
  ties_ = inputs.ties;
  min_ratio_ = world.ruleset.finland_min_power_ratio();
  log_min_ratio_ = std::log(min_ratio_);
  start_levels_.reset();
  build(small, &inputs);
}

double FinlandModel::log_of(StateIndex s) const {
  double& cached = log_power_[s];
  if (std::isnan(cached)) cached = std::log(std::max(1e-9, power_[s]));
  return cached;
}

void FinlandModel::build(StateIndex only, const ThreatInputs* inputs) {
  only_ = only;
  const World& world = *world_;
  const Ruleset& r = world.ruleset;
  const int n = world.size();
  n_ = n;
  proximity_ = world.map().proximity.size() == size_t(n) * n ? world.map().proximity.data() : nullptr;
  // Whether `small`'s supports, sways and guarantees are wanted.
  const auto wanted = [only](StateIndex small) { return only < 0 || small == only; };
  // Taken when first asked for (log_of): most pairs are far from the threshold ratio and need no
  // logarithm at all.
  log_power_.assign(size_t(n), std::numeric_limits<double>::quiet_NaN());
  if (inputs) {
    power_ = inputs->power;
    projection_ = inputs->projection;
    defense_ = inputs->defense;
  } else {
    power_.resize(size_t(n));
    projection_.resize(size_t(n));
    defense_.resize(size_t(n));
    for (int s = 0; s < n; ++s) {
      const State& st = world.states[s];
      power_[s] = aggregate_power(r, st);
      projection_[s] = projectable_force(st);
      defense_[s] = defensive_force(st);
    }
  }
  // Allies count by their force, how far it reaches the small state, and how much the alliance
  // can be trusted (Crawford's partner force weighted by trust), one entry per ally. Grouped by
  // small state: count, then fill.
  support_begin_.assign(n + 1, 0);
  for (const auto& treaty : world.treaties)
    if (treaty.type == TreatyType::MutualDefense)
      for (const auto& m : treaty.members)
        if (wanted(m.state))
          support_begin_[m.state + 1] += static_cast<int>(treaty.members.size()) - 1;
  for (int s = 0; s < n; ++s) support_begin_[s + 1] += support_begin_[s];
  supports_.resize(static_cast<size_t>(support_begin_[n]));
  words_per_treaty_ = (size_t(n) + 63) / 64;
  member_bits_.assign(world.treaties.size() * words_per_treaty_, 0);
  std::vector<int>& next = next_;
  next.assign(support_begin_.begin(), support_begin_.end() - 1);
  for (int t = 0; t < static_cast<int>(world.treaties.size()); ++t) {
    const Treaty& treaty = world.treaties[t];
    if (treaty.type != TreatyType::MutualDefense) continue;
    if (only >= 0 && !treaty.has_member(only)) continue;
    for (const auto& m : treaty.members)
      member_bits_[size_t(t) * words_per_treaty_ + size_t(m.state) / 64] |= std::uint64_t{1}
                                                                            << (m.state % 64);
    const double trust = credibility(world, treaty);
    for (const auto& small : treaty.members) {
      if (!wanted(small.state)) continue;
      for (const auto& m : treaty.members) {
        if (m.state == small.state) continue;
        const State& ally = world.states[m.state];
        supports_[next[small.state]++] = {
            t, m.state,
            trust * proximity(world, m.state, small.state) * ally.forces() * ally.technology};
      }
    }
  }
  // Satellite sway: in a mutual defense pact, a member much stronger than another dominates it
  // unless the other members together are a counterweight to it. The strongest hold is kept
  // when two states share several pacts.
  // Found pact by pact as (small, (patron, dominance)), then grouped by small state with each
  // patron's strongest hold folded in the order found.
  has_pacts_ = false;
  dominance_found_.clear();
  for (const auto& treaty : world.treaties) {
    if (treaty.type != TreatyType::MutualDefense) continue;
    if (only >= 0 && !treaty.has_member(only)) continue;
    has_pacts_ = true;
    double total = 0;
    for (const auto& m : treaty.members) total += power_[m.state];
    for (const auto& patron : treaty.members)
      for (const auto& small : treaty.members) {
        if (!wanted(small.state) || small.state == patron.state) continue;
        const double others = total - power_[patron.state] - power_[small.state];
        const double dominance =
            std::clamp(1.0 - r.finland_patron_counterweight() * others /
                                 std::max(1e-9, power_[patron.state]),
                       0.0, 1.0);
        dominance_found_.push_back({small.state, {patron.state, dominance}});
      }
  }
  dominance_begin_.assign(n + 1, 0);
  for (const auto& [small, held] : dominance_found_) ++dominance_begin_[small + 1];
  for (int s = 0; s < n; ++s) dominance_begin_[s + 1] += dominance_begin_[s];
  next.assign(dominance_begin_.begin(), dominance_begin_.end() - 1);
  dominance_.resize(dominance_found_.size());
  for (const auto& [small, held] : dominance_found_) {
    bool folded = false;
    for (int i = dominance_begin_[small]; i < next[small]; ++i)
      if (dominance_[i].first == held.first) {
        dominance_[i].second = std::max(dominance_[i].second, held.second);
        folded = true;
        break;
      }
    if (!folded) dominance_[next[small]++] = {held.first, std::max(0.0, held.second)};
  }
  // Close the gaps left by folded duplicates, keeping each group's order.
  int end = 0;
  for (int s = 0; s < n; ++s) {
    const int begin = end;
    for (int i = dominance_begin_[s]; i < next[s]; ++i) dominance_[end++] = dominance_[i];
    dominance_begin_[s] = begin;
  }
  dominance_begin_[n] = end;
  dominance_.resize(size_t(end));
  // Guarantees, likewise grouped by the protected state.
  guarantee_begin_.assign(n + 1, 0);
  for (const auto& g : world.guarantees)
    if (wanted(g.protected_state)) ++guarantee_begin_[g.protected_state + 1];
  for (int s = 0; s < n; ++s) guarantee_begin_[s + 1] += guarantee_begin_[s];
  guarantees_.resize(static_cast<size_t>(guarantee_begin_[n]));
  next.assign(guarantee_begin_.begin(), guarantee_begin_.end() - 1);
  for (const auto& g : world.guarantees) {
    if (!wanted(g.protected_state)) continue;
    const State& guarantor = world.states[g.guarantor];
    guarantees_[next[g.protected_state]++] = {
        g.guarantor, (guarantor.reputation / 100.0) * guarantor.forces() * guarantor.technology};
  }
}

double FinlandForces::drive(const Ruleset& rules) const {
  if (push <= 0) return 0;
  return push - rules.finland_resistance_pull() * resistance;
}

[[gnu::always_inline]] inline FinlandForces FinlandModel::pair_forces(StateIndex small,
                                                                      StateIndex strong,
                                                                      double coercion,
                                                                      bool bandwagoned) const {
  const Ruleset& r = world_->ruleset;
  FinlandForces f;
  // Courting a stronger state pushes the level whatever the gap; the other pushes need one.
  f.bandwagoning = bandwagoned ? r.finland_bandwagon_gain() : 0.0;
  // The power gap on a log scale from the threshold ratio (full at ten times it), from logs
  // taken once per state rather than once per pair. A pair well below the ratio (by a margin far
  // wider than any rounding of the logarithms) is told apart without them.
  const double weak = std::max(1e-9, power_[small]), great = std::max(1e-9, power_[strong]);
  const bool near_or_above = great > (1.0 - 1e-9) * min_ratio_ * weak;
  const double log_ratio = near_or_above ? log_of(strong) - log_of(small) - log_min_ratio_ : -1.0;
  if (log_ratio > 0) {
    const double gap = std::min(1.0, log_ratio / std::log(10.0));
    const double reach =
        gap * (proximity_ ? proximity_[size_t(small) * n_ + strong]
                          : proximity_from_map(*world_, small, strong));
    // Pressure: the structural weight of a great neighbour plus whatever coercion it applied.
    f.pressure = reach * (r.finland_gain() + r.finland_coercion_gain() * coercion);
    if (ties_->share(small, strong, TreatyType::Neutrality)) f.pressure *= r.neutrality_gain_factor();
    // Sway: an ally that dominates the pact keeps its weaker members under its hold, although
    // allies discount each other's threat and need not press each other at all.
    if (has_pacts_) f.sway = r.finland_patron_sway() * reach * dominance(small, strong);
  }
  f.push = f.pressure + f.sway + f.bandwagoning;
  if (f.push <= 0) return f;

  // Resistance, each term measured against the force the strong state can project.
  const double threat_force = projection_[strong] + 1.0;
  f.own_defense = r.finland_resist_own_defense() * std::min(2.0, defense_[small] / threat_force);
  // An ally or guarantor counts as far as it is itself free of the pressurer: satellites allied
  // with each other are no counterweight to their patron.
  const auto free_of_strong = [&](StateIndex s) { return independence(s, strong); };
  double allies = 0;
  for (int i = support_begin_[small]; i < support_begin_[small + 1]; ++i)
    if (!in_treaty(supports_[i].treaty, strong))
      allies += supports_[i].weight * free_of_strong(supports_[i].ally);
  f.allies = r.finland_resist_allies() * std::min(2.0, allies / threat_force);
  double guarantees = 0;
  for (int i = guarantee_begin_[small]; i < guarantee_begin_[small + 1]; ++i)
    if (guarantees_[i].first != strong)
      guarantees += guarantees_[i].second * free_of_strong(guarantees_[i].first);
  f.guarantees = r.finland_resist_guarantee() * std::min(2.0, guarantees / threat_force);
  f.stability = r.finland_resist_stability() * world_->states[small].stability / 100.0;
  f.resistance = f.own_defense + f.allies + f.guarantees + f.stability;
  return f;
}

FinlandForces FinlandModel::forces(StateIndex small, StateIndex strong, double coercion,
                                   bool bandwagoned) const {
  return pair_forces(small, strong, coercion, bandwagoned);
}

FinlandForces finland_forces(const World& world, StateIndex small, StateIndex strong,
                             double coercion, bool bandwagoned) {
  return FinlandModel(world).forces(small, strong, coercion, bandwagoned);
}

bool directed_against(const World& world, TreatyType type, const std::vector<StateIndex>& members,
                      StateIndex pressurer) {
  if (!is_military(type)) return false;
  if (std::find(members.begin(), members.end(), pressurer) != members.end()) return false;
  if (world.threat.n != world.size()) return false;
  for (StateIndex m : members)
    if (world.threat.at(m, pressurer) >= world.ruleset.hostile_alliance_threat()) return true;
  return false;
}

std::vector<StateIndex> powers_accommodated_by(const World& world, StateIndex s,
                                               FinlandStatus at_least) {
  std::vector<StateIndex> out;
  const auto& rel = world.states[s].relations;
  for (int p = 0; p < static_cast<int>(rel.size()); ++p)
    if (p != s && rel[p].finland_status >= at_least) out.push_back(p);
  return out;
}

namespace {

FinlandStatus next_status(const Ruleset& r, FinlandStatus now, double level) {
  switch (now) {
    case FinlandStatus::Independent:
      if (level >= r.finlandized_enter()) return FinlandStatus::Finlandized;
      if (level >= r.accommodation_enter()) return FinlandStatus::Accommodating;
      return now;
    case FinlandStatus::Accommodating:
      if (level >= r.finlandized_enter()) return FinlandStatus::Finlandized;
      if (level < r.accommodation_leave()) return FinlandStatus::Independent;
      return now;
    case FinlandStatus::Finlandized:
      if (level < r.accommodation_leave()) return FinlandStatus::Independent;
      if (level < r.finlandized_leave()) return FinlandStatus::Accommodating;
      return now;
  }
  return now;
}

/// A newly Finlandized state leaves every alliance directed against its pressurer at once (its
/// allies read it as a broken commitment) and signs a neutrality treaty if it has none.
void submit_to(TurnContext& ctx, StateIndex small, StateIndex strong) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  State& t = w.states[small];
  for (auto& treaty : w.treaties) {
    if (!treaty.has_member(small)) continue;
    std::vector<StateIndex> members;
    for (const auto& m : treaty.members) members.push_back(m.state);
    if (!directed_against(w, treaty.type, members, strong)) continue;
    std::erase_if(treaty.members, [&](const MemberStanding& m) { return m.state == small; });
    t.reputation = std::max(0.0, t.reputation - r.reputation_loss_per_early_exit());
    for (const auto& m : treaty.members) {
      Relation& rel = w.states[m.state].relations[small];
      rel.hostility = std::min(100.0, rel.hostility + r.hostility_per_broken_treaty());
    }
    ctx.journal.publish(Topic::Finlandization,
                        t.name + " left " +
                            (treaty.name.empty() ? std::string(treaty_type_name(treaty.type))
                                                 : treaty.name) +
                            " without notice under " + w.states[strong].name +
                            "'s pressure; its former allies count it as a broken commitment.",
                        {small});
  }
  std::erase_if(w.treaties, [](const Treaty& tr) { return tr.members.size() < 2; });
  if (!w.share_treaty(small, strong, TreatyType::Neutrality)) {
    Treaty n;
    n.id = w.next_treaty_id++;
    n.type = TreatyType::Neutrality;
    n.name = "Treaty of friendship between " + t.name + " and " + w.states[strong].name;
    n.members = {{small, true, 0, 0}, {strong, true, 0, 0}};
    n.signed_turn = ctx.turn();
    ctx.journal.publish(Topic::Finlandization,
                        t.name + " signed a neutrality treaty with " + w.states[strong].name + ".",
                        {small, strong});
    w.treaties.push_back(std::move(n));
  }
}

}  // namespace

/// Half a point of level: the smallest movement the report explains.
constexpr double kReportedChange = 0.5;

void update_finlandization(TurnContext& ctx) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  const double y = ctx.years();
  const int n = w.size();

  // Levels move on the world as it stood after this turn's diplomacy; status changes are applied
  // afterwards so that one state's submission does not change another's arithmetic this turn.
  struct Transition { StateIndex small, strong; FinlandStatus from, to; };
  std::vector<Transition> transitions;
  const FinlandModel model(w);
  // Kept out of the ruleset for the pair loop, whose stores the compiler cannot tell from it.
  const double decay_flat = r.finland_decay_flat(), decay_share = r.finland_decay_share(),
               decay_coercion_divisor = r.finland_decay_coercion_divisor();
  // A level at zero with nothing pushing and no coercion (most pairs) relaxes to the same value
  // every time: taken once, with the arithmetic below. Such a pair is written up when that moves
  // it far enough or changes its status, and a Finlandized one is listed: those go the long way.
  const double quiet_level =
      std::clamp(0.0 + (0.0 - (decay_flat + decay_share * 0.0) /
                                  (1.0 + decay_coercion_divisor * 0.0)) * y,
                 0.0, 100.0);
  bool quiet[3] = {};
  for (FinlandStatus status : {FinlandStatus::Independent, FinlandStatus::Accommodating})
    quiet[static_cast<int>(status)] = std::fabs(quiet_level - 0.0) < kReportedChange &&
                                      next_status(r, status, quiet_level) == status;
  // The pairs that end the step Finlandized, in pair order, for the transfer of influence.
  std::vector<std::pair<StateIndex, StateIndex>> finlandized;
  // Each state's highest level as the step leaves it, for the score's sovereignty measure (no
  // later step of the turn moves a level). The state's own entry counts as sovereignty_measure
  // counts it.
  ctx.worst_level.assign(size_t(n), 0.0);
  for (int s = 0; s < n; ++s) {
    Relation* const relations = w.states[s].relations.data();
    double worst_level = std::max(0.0, relations[s].finland_level);
    // Most pairs are too even for the stronger to press: their forces are all zeros.
    const double pressing_power = model.pressing_power(s);
    for (int p = 0; p < n; ++p) {
      if (p == s) continue;
      Relation& rel = relations[p];
      const double before = rel.finland_level;
      if (!rel.bandwagoned && !model.may_press(p, pressing_power)) {
        // Nothing pushes: the level only relaxes, as below with every force zero. Written here
        // without the forces when it stays unreported and its status unchanged, as most do.
        if (before == 0.0 && rel.coercion == 0.0 && quiet[static_cast<int>(rel.finland_status)]) {
          rel.finland_level = quiet_level;
          rel.finland_change = quiet_level - before;
          rel.finland_push = 0.0;
          rel.finland_resistance = 0.0;
          worst_level = std::max(worst_level, quiet_level);
          continue;
        }
        const double relaxation =
            (decay_flat + decay_share * before) / (1.0 + decay_coercion_divisor * rel.coercion);
        const double level = std::clamp(before + (0.0 - relaxation) * y, 0.0, 100.0);
        if (std::fabs(level - before) < kReportedChange &&
            rel.finland_status != FinlandStatus::Finlandized &&
            next_status(r, rel.finland_status, level) == rel.finland_status) {
          rel.finland_level = level;
          rel.finland_change = level - before;
          rel.finland_push = 0.0;
          rel.finland_resistance = 0.0;
          worst_level = std::max(worst_level, level);
          continue;
        }
      }
      const FinlandForces f = rel.bandwagoned || model.may_press(p, pressing_power)
                                  ? model.pair_forces(s, p, rel.coercion, rel.bandwagoned)
                                  : FinlandForces{};
      // The balance: push against resistance, then relaxation toward zero, which coercion slows.
      const double drive = f.drive(r);
      const double relaxation = (r.finland_decay_flat() + r.finland_decay_share() * before) /
                                (1.0 + r.finland_decay_coercion_divisor() * rel.coercion);
      rel.finland_level = std::clamp(before + (drive - relaxation) * y, 0.0, 100.0);
      rel.finland_change = rel.finland_level - before;
      rel.finland_push = f.push;
      rel.finland_resistance = f.resistance;
      worst_level = std::max(worst_level, rel.finland_level);
      // Movements too small to change anything a player decides on are not written up.
      if (std::fabs(rel.finland_change) >= kReportedChange) {
        Journal::Sentence told = ctx.journal.tell(Topic::Finlandization, {s}, before,
                                                  rel.finland_level);
        told << w.states[s].name << "'s Finlandization level toward " << w.states[p].name
             << " went from " << Num{before} << " to " << Num{rel.finland_level} << " (push "
             << Num{f.push, 2} << ": " << Num{f.pressure, 2}
             << " from the power gap, proximity and coercion " << Num{rel.coercion};
        if (f.sway > 0) told << ", " << Num{f.sway, 2} << " from its sway as a dominant ally";
        if (f.bandwagoning > 0) told << ", " << Num{f.bandwagoning, 2} << " from bandwagoning";
        told << "; resistance " << Num{f.resistance, 2} << ": own defense "
             << Num{f.own_defense, 2} << ", allies " << Num{f.allies, 2} << ", guarantees "
             << Num{f.guarantees, 2} << ", stability " << Num{f.stability, 2}
             << ", holding back " << Num{r.finland_resistance_pull() * f.resistance, 2}
             << " of the push; relaxation " << Num{relaxation, 2} << ").";
        // The pressurer learns where the level stands, not the breakdown of the other's defenses.
        ctx.journal.tell(Topic::Finlandization, {p}, before, rel.finland_level)
            << w.states[s].name << "'s Finlandization level toward " << w.states[p].name
            << " went from " << Num{before} << " to " << Num{rel.finland_level} << ".";
      }
      const FinlandStatus next = next_status(r, rel.finland_status, rel.finland_level);
      if (next != rel.finland_status) transitions.push_back({s, p, rel.finland_status, next});
      if (next == FinlandStatus::Finlandized) finlandized.push_back({s, p});
    }
    ctx.worst_level[s] = worst_level;
  }

  for (const auto& tr : transitions) {
    Relation& rel = w.states[tr.small].relations[tr.strong];
    rel.finland_status = tr.to;
    const std::string& small = w.states[tr.small].name;
    const std::string& strong = w.states[tr.strong].name;
    std::string text;
    if (tr.to == FinlandStatus::Finlandized) {
      text = small + " is now Finlandized toward " + strong +
             ": it must leave alliances directed against " + strong +
             ", cannot oppose it diplomatically, and " + strong +
             " gains influence from it; it keeps its own government and budget.";
    } else if (tr.to == FinlandStatus::Accommodating && tr.from == FinlandStatus::Independent) {
      text = small + " now accommodates " + strong + ": it cannot join new alliances against " +
             strong + " or sanction it.";
    } else if (tr.to == FinlandStatus::Accommodating) {
      text = small + " has worked its way out of Finlandization toward " + strong +
             "; it still accommodates it.";
    } else {
      text = small + " is independent of " + strong + " again.";
    }
    // Published without the level, which only the two states are told: before and after are the
    // public statuses.
    ctx.journal.publish(Topic::Finlandization, text, {tr.small, tr.strong},
                        static_cast<double>(tr.from), static_cast<double>(tr.to));
    if (tr.to == FinlandStatus::Finlandized) submit_to(ctx, tr.small, tr.strong);
  }

  // A Finlandized state's diplomacy partly serves its pressurer.
  for (const auto& [s, p] : finlandized) {
    const double transfer = ctx.influence_gained[s] * r.finland_influence_share();
    w.states[s].influence = std::max(0.0, w.states[s].influence - transfer);
    w.states[p].influence += transfer;
    if (transfer > 0)
      ctx.journal.tell(Topic::Finlandization,
                       w.states[p].name + " gained " + fmt(transfer) + " influence from " +
                           w.states[s].name + "'s diplomacy.",
                       {s, p});
  }
}

}  // namespace hegemon
