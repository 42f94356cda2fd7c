#include "sim/match_record.h"

#include "sim/tables.h"

namespace hegemon::sim {

void MatchRecorder::start(const World& w) {
  for (const State& st : w.states) doctrines_.push_back(st.doctrine);
  if (choice_.turns) append_turn_rows(text_.turns, match_, w, doctrines_);
  if (choice_.threats) append_threat_rows(text_.threats, match_, w);
  if (choice_.treaties) append_treaty_rows(text_.treaties, match_, w);
  if (choice_.history) history_ = std::make_unique<MatchHistoryLine>(match_, w);
}

void MatchRecorder::turn(const TurnPlay& play) {
  const World& after = play.result.world;
  for (size_t s = 0; s < play.decisions.size() && s < doctrines_.size(); ++s)
    doctrines_[s] = play.decisions[s].doctrine;
  if (choice_.decisions) append_decision_rows(text_.decisions, match_, play);
  if (choice_.turns) append_turn_rows(text_.turns, match_, after, doctrines_);
  if (choice_.threats) append_threat_rows(text_.threats, match_, after);
  if (choice_.treaties) append_treaty_rows(text_.treaties, match_, after);
  if (history_) history_->add_turn(after, play.result.journal);
}

void MatchRecorder::end(const World& w) {
  if (choice_.matches) append_match_rows(text_.matches, match_, w, doctrines_);
  if (history_) text_.history = history_->finish(w);
  double best = 0;
  for (size_t s = 0; s < w.scores.size(); ++s)
    if (s == 0 || w.scores[s].total > best) best = w.scores[s].total;
  for (size_t s = 0; s < w.scores.size(); ++s)
    if (w.scores[s].total == best) text_.winners.push_back(static_cast<StateIndex>(s));
}

}  // namespace hegemon::sim
