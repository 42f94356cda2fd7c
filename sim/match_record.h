// What one match adds to each output of a batch, recorded while it is played.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sim/compact_history.h"
#include "sim/match_play.h"

namespace hegemon::sim {

/// Which outputs a run writes.
struct OutputChoice {
  bool matches = false;
  bool turns = false;
  bool decisions = false;
  bool threats = false;
  bool treaties = false;
  bool history = false;
};

/// One match's share of every output, plus its winners for the summary.
struct MatchText {
  std::string matches, turns, decisions, threats, treaties, history;
  std::vector<StateIndex> winners;  // every state with the top score (ties share the win)
};

/// Records a match into a MatchText as it is played.
class MatchRecorder : public MatchObserver {
 public:
  MatchRecorder(int match, const OutputChoice& choice) : match_(match), choice_(choice) {}
  void start(const World& world) override;
  void turn(const TurnPlay& play) override;
  void end(const World& world) override;
  bool reads_reasons() const override { return choice_.decisions; }
  MatchText take() { return std::move(text_); }

 private:
  int match_;
  OutputChoice choice_;
  MatchText text_;
  std::unique_ptr<MatchHistoryLine> history_;
  std::vector<std::string> doctrines_;  // per state: the doctrine its bot last played
};

}  // namespace hegemon::sim
