#include "validate/match_findings.h"

#include "validate/guarantee_variant.h"

namespace hegemon::validate {

BlocGdp bloc_gdp(const World& world, StateIndex west, StateIndex east) {
  BlocGdp b;
  if (west < 0 || east < 0) return b;
  for (StateIndex s = 0; s < world.size(); ++s) {
    const bool in_west = s == west || world.share_treaty(s, west, TreatyType::MutualDefense);
    const bool in_east = s == east || world.share_treaty(s, east, TreatyType::MutualDefense);
    if (in_west && in_east) {
      ++b.in_both;
      continue;
    }
    if (in_west) b.west += world.states[s].gdp;
    if (in_east) b.east += world.states[s].gdp;
  }
  return b;
}

StateIndex match_winner(const World& world) {
  StateIndex best = -1;
  for (StateIndex s = 0; s < static_cast<int>(world.scores.size()); ++s)
    if (best < 0 || world.scores[s].total > world.scores[best].total) best = s;
  return best;
}

void FindingsRecorder::turn(const sim::TurnPlay& play) {
  count_responses(play, out_.responses);
  dilemma_.turn(play.before, play.result.world, out_.dilemma);
  guaranteed_turns_.resize(setup_.small_states.size(), 0);
  for (size_t k = 0; k < setup_.small_states.size(); ++k)
    if (guaranteed_in_turn(play.result.world, setup_.guarantor, setup_.small_states[k]))
      ++guaranteed_turns_[k];
}

void FindingsRecorder::end(const World& world) {
  guaranteed_turns_.resize(setup_.small_states.size(), 0);
  for (size_t k = 0; k < setup_.small_states.size(); ++k) {
    const Relation& rel = world.states[setup_.small_states[k]].relations[setup_.power];
    out_.baseline.push_back({rel.finland_status, rel.finland_level, guaranteed_turns_[k],
                             world.turn});
  }
  out_.blocs = bloc_gdp(world, setup_.west, setup_.east);
  out_.winner = match_winner(world);
}

void SmallStateWatch::turn(const sim::TurnPlay& play) {
  if (guaranteed_in_turn(play.result.world, guarantor_, small_)) ++end_.guaranteed_turns;
}

void SmallStateWatch::end(const World& world) {
  const Relation& rel = world.states[small_].relations[power_];
  end_.status = rel.finland_status;
  end_.level = rel.finland_level;
  end_.turns = world.turn;
}

}  // namespace hegemon::validate
