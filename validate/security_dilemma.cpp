#include "validate/security_dilemma.h"

#include "shared/threat.h"

namespace hegemon::validate {

void DilemmaFigures::merge(const DilemmaFigures& o) {
  fit.merge(o.fit);
  scaled_fit.merge(o.scaled_fit);
  after_buildup.merge(o.after_buildup);
  otherwise.merge(o.otherwise);
}

namespace {

int forces_bp(const Allocation& a) {
  return a[Category::TerritorialDefense] + a[Category::PowerProjection];
}

/// The group of the pair, or -1 for pairs that are neither bordering nor distant.
int group_of(const World& w, StateIndex i, StateIndex j) {
  if (w.map.borders[i][j]) return static_cast<int>(PairGroup::Neighbours);
  if (w.map.distance[i][j] > kDistantKm) return static_cast<int>(PairGroup::Distant);
  return -1;
}

}  // namespace

void DilemmaRecorder::turn(const World& before, const World& after, DilemmaGroups& groups) {
  const int n = after.size();
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
        const double x = last_change_[j];
        DilemmaFigures& f = groups[g];
        f.fit.add(x, y);
        if (own_forces > 0) f.scaled_fit.add(last_delta_[j] / own_forces, y);
        (x > kBuildUp ? f.after_buildup : f.otherwise).add(y);
      }
    }
  }
  last_change_.assign(n, 0);
  last_delta_.assign(n, 0);
  known_.assign(n, false);
  if (before.turn == 0) return;  // the first turn: the bots' first budgets, not a build-up
  for (StateIndex j = 0; j < n; ++j) {
    const double was = before.states[j].power_projection;
    if (was <= 0) continue;
    known_[j] = true;
    last_delta_[j] = after.states[j].power_projection - was;
    last_change_[j] = last_delta_[j] / was;
  }
}

}  // namespace hegemon::validate
