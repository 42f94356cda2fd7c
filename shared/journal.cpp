#include "shared/journal.h"

#include <algorithm>

namespace hegemon {

void Journal::publish(Topic topic, std::string text, std::vector<StateIndex> states, double before,
                      double after) {
  entries_.push_back({topic, std::move(text), std::move(states), before, after, true});
}

void Journal::tell(Topic topic, std::string text, std::vector<StateIndex> states, double before,
                   double after) {
  entries_.push_back({topic, std::move(text), std::move(states), before, after, false});
}

std::vector<const JournalEntry*> Journal::readable_by(StateIndex viewer) const {
  std::vector<const JournalEntry*> out;
  for (const auto& e : entries_) {
    if (e.is_public || std::find(e.states.begin(), e.states.end(), viewer) != e.states.end())
      out.push_back(&e);
  }
  return out;
}

}  // namespace hegemon
