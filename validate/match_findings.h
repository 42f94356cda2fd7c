// What one validation match contributes to the experiments, recorded while it is played.
#pragma once

#include <string>
#include <vector>

#include "sim/match_play.h"
#include "validate/scenario_setup.h"
#include "validate/security_dilemma.h"
#include "validate/threat_response.h"

namespace hegemon::validate {

/// Where a small state ended toward the great power, and how long the guarantor's guarantee
/// protected it.
struct SmallStateEnd {
  FinlandStatus status = FinlandStatus::Independent;
  double level = 0;
  int guaranteed_turns = 0;
  int turns = 0;
};

/// The GDP of the states sharing a mutual defense pact with each bloc leader (the leader
/// included); a state allied with both leaders counts for neither and is counted in `in_both`.
struct BlocGdp {
  double west = 0;
  double east = 0;
  int in_both = 0;
};
BlocGdp bloc_gdp(const World& world, StateIndex west, StateIndex east);

/// The state with the highest final total; a tie goes to the first in scenario order.
StateIndex match_winner(const World& world);

struct MatchFindings {
  std::vector<std::string> doctrines;  // the doctrine each state played
  ResponseCounts responses{};          // (a)
  DilemmaGroups dilemma;               // (b)
  std::vector<SmallStateEnd> baseline;    // (c), per small state, without the variant
  std::vector<SmallStateEnd> guaranteed;  // (c), per small state, with its guarantee kept
  BlocGdp blocs;                       // (d), at the end
  StateIndex winner = -1;              // (e)
};

/// Records a baseline match: (a), (b), (d), (e), and (c)'s outcomes without the guarantee.
class FindingsRecorder : public sim::MatchObserver {
 public:
  FindingsRecorder(const ResolvedSetup& setup, MatchFindings& out) : setup_(setup), out_(out) {}
  void turn(const sim::TurnPlay& play) override;
  void end(const World& world) override;
  bool reads_reasons() const override { return false; }

 private:
  const ResolvedSetup& setup_;
  MatchFindings& out_;
  DilemmaRecorder dilemma_;
  std::vector<int> guaranteed_turns_;
};

/// Records where one small state ends toward the power, and the turns it was guaranteed.
class SmallStateWatch : public sim::MatchObserver {
 public:
  SmallStateWatch(StateIndex small, StateIndex power, StateIndex guarantor)
      : small_(small), power_(power), guarantor_(guarantor) {}
  void turn(const sim::TurnPlay& play) override;
  void end(const World& world) override;
  bool reads_reasons() const override { return false; }
  const SmallStateEnd& result() const { return end_; }

 private:
  StateIndex small_, power_, guarantor_;
  SmallStateEnd end_;
};

}  // namespace hegemon::validate
