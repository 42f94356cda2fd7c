#include "validate/security_dilemma.h"

#include "shared/threat.h"

namespace hegemon::validate {

void DilemmaFigures::merge(const DilemmaFigures& o) {
  fit.merge(o.fit);
  scaled_fit.merge(o.scaled_fit);
  after_buildup.merge(o.after_buildup);
  otherwise.merge(o.otherwise);
  turn_fit.merge(o.turn_fit);
  turn_scaled_fit.merge(o.turn_scaled_fit);
  turn_after_buildup.merge(o.turn_after_buildup);
  turn_otherwise.merge(o.turn_otherwise);
  lead_fit.merge(o.lead_fit);
}

namespace {

using Pair = DilemmaRecorder::Pair;

int forces_bp(const Allocation& a) {
  return a[Category::TerritorialDefense] + a[Category::PowerProjection];
}

/// The group of the pair, or -1 for pairs that are neither bordering nor distant.
int group_of(const World& w, StateIndex i, StateIndex j) {
  if (w.map().borders[i][j]) return static_cast<int>(PairGroup::Neighbours);
  if (w.map().distance[i][j] > kDistantKm) return static_cast<int>(PairGroup::Distant);
  return -1;
}

/// The means of x, x' and y over one group's pairs of one turn.
struct TurnMeans {
  double x = 0, scaled_x = 0, y = 0, scaled_y = 0;
};

std::array<TurnMeans, kPairGroupCount> turn_means(const std::vector<Pair>& pairs) {
  std::array<TurnMeans, kPairGroupCount> m{};
  std::array<long long, kPairGroupCount> n{}, scaled{};
  for (const Pair& p : pairs) {
    TurnMeans& g = m[p.group];
    ++n[p.group];
    g.x += p.x;
    g.y += p.y;
    if (!p.scaled) continue;
    ++scaled[p.group];
    g.scaled_x += p.scaled_x;
    g.scaled_y += p.y;
  }
  for (int g = 0; g < kPairGroupCount; ++g) {
    if (n[g] > 0) m[g].x /= static_cast<double>(n[g]), m[g].y /= static_cast<double>(n[g]);
    if (scaled[g] > 0)
      m[g].scaled_x /= static_cast<double>(scaled[g]),
          m[g].scaled_y /= static_cast<double>(scaled[g]);
  }
  return m;
}

}  // namespace

void DilemmaRecorder::turn(const World& before, const World& after, DilemmaGroups& groups) {
  const int n = after.size();
  std::vector<Pair> pairs;
  if (!last_change_.empty()) {
    // An ally's build-up is cover, not a threat (allies discount each other's threat and may
    // free-ride on it): the security dilemma is between states not bound to each other.
    const TreatyTies ties(before);
    for (StateIndex i = 0; i < n; ++i) {
      const double y =
          (forces_bp(after.states[i].allocation) - forces_bp(before.states[i].allocation)) /
          100.0;
      const double own_forces = before.states[i].forces();
      for (StateIndex j = 0; j < n; ++j) {
        if (j == i || !known_[j] || ties.share(i, j, TreatyType::MutualDefense)) continue;
        const int g = group_of(after, i, j);
        if (g < 0) continue;
        Pair p{j, g, last_change_[j], 0, y, own_forces > 0};
        if (p.scaled) p.scaled_x = last_delta_[j] / own_forces;
        pairs.push_back(p);
      }
    }
  }
  const auto means = turn_means(pairs);
  for (const Pair& p : pairs) {
    DilemmaFigures& f = groups[p.group];
    const TurnMeans& m = means[p.group];
    f.fit.add(p.x, p.y);
    f.turn_fit.add(p.x - m.x, p.y - m.y);
    if (p.scaled) {
      f.scaled_fit.add(p.scaled_x, p.y);
      f.turn_scaled_fit.add(p.scaled_x - m.scaled_x, p.y - m.scaled_y);
    }
    (p.x > kBuildUp ? f.after_buildup : f.otherwise).add(p.y);
    (p.x > kBuildUp ? f.turn_after_buildup : f.turn_otherwise).add(p.y - m.y);
  }

  last_change_.assign(n, 0);
  last_delta_.assign(n, 0);
  known_.assign(n, false);
  if (before.turn != 0) {  // the first turn: the bots' first budgets, not a build-up
    for (StateIndex j = 0; j < n; ++j) {
      const double was = before.states[j].power_projection;
      if (was <= 0) continue;
      known_[j] = true;
      last_delta_[j] = after.states[j].power_projection - was;
      last_change_[j] = last_delta_[j] / was;
    }
  }

  // The previous turn's y against j's change in this turn, which it came before.
  std::vector<Pair> lead;
  for (Pair p : last_pairs_) {
    if (!known_[p.j]) continue;
    p.x = last_change_[p.j];
    lead.push_back(p);
  }
  const auto lead_means = turn_means(lead);
  for (const Pair& p : lead) {
    const TurnMeans& m = lead_means[p.group];
    groups[p.group].lead_fit.add(p.x - m.x, p.y - m.y);
  }
  last_pairs_ = std::move(pairs);
}

}  // namespace hegemon::validate
