#include "shared/journal.h"

#include <algorithm>

namespace hegemon {

template <typename States>
void Journal::start(Topic topic, const States& states, double before, double after,
                    bool is_public) {
  entries_.clear();
  records_.push_back({topic, is_public, static_cast<std::uint32_t>(text_.size()),
                      static_cast<std::uint32_t>(numbers_.size()),
                      static_cast<std::uint32_t>(states_.size()),
                      static_cast<std::uint32_t>(states.size()), before, after});
  states_.insert(states_.end(), states.begin(), states.end());
}

Journal::Sentence Journal::publish(Topic topic, std::initializer_list<StateIndex> states,
                                   double before, double after) {
  start(topic, states, before, after, true);
  return Sentence(*this);
}

Journal::Sentence Journal::tell(Topic topic, std::initializer_list<StateIndex> states,
                                double before, double after) {
  start(topic, states, before, after, false);
  return Sentence(*this);
}

Journal::Sentence Journal::publish(Topic topic, const std::vector<StateIndex>& states,
                                   double before, double after) {
  start(topic, states, before, after, true);
  return Sentence(*this);
}

Journal::Sentence Journal::tell(Topic topic, const std::vector<StateIndex>& states, double before,
                                double after) {
  start(topic, states, before, after, false);
  return Sentence(*this);
}

void Journal::publish(Topic topic, std::string_view text, const std::vector<StateIndex>& states,
                      double before, double after) {
  start(topic, states, before, after, true);
  text_.append(text);
}

void Journal::tell(Topic topic, std::string_view text, const std::vector<StateIndex>& states,
                   double before, double after) {
  start(topic, states, before, after, false);
  text_.append(text);
}

const std::vector<JournalEntry>& Journal::entries() const {
  if (entries_.size() == records_.size()) return entries_;
  entries_.clear();
  entries_.reserve(records_.size());
  for (size_t i = 0; i < records_.size(); ++i) {
    const Record& r = records_[i];
    const size_t end = i + 1 < records_.size() ? records_[i + 1].text_begin : text_.size();
    JournalEntry e;
    e.topic = r.topic;
    e.text.reserve(end - r.text_begin + 32);
    size_t number = r.numbers_begin;
    const size_t numbers_end =
        i + 1 < records_.size() ? records_[i + 1].numbers_begin : numbers_.size();
    for (size_t c = r.text_begin; c < end; ++c) {
      // A mark with no number left can only be a stray control character in a name.
      if (text_[c] == kNumberMark && number < numbers_end) {
        append_number(e.text, numbers_[number].value, numbers_[number].decimals);
        ++number;
      } else {
        e.text.push_back(text_[c]);
      }
    }
    e.states.assign(states_.begin() + r.states_begin,
                    states_.begin() + r.states_begin + r.states_count);
    e.before = r.before;
    e.after = r.after;
    e.is_public = r.is_public;
    entries_.push_back(std::move(e));
  }
  return entries_;
}

std::vector<const JournalEntry*> Journal::readable_by(StateIndex viewer) const {
  std::vector<const JournalEntry*> out;
  for (const auto& e : entries()) {
    if (e.is_public || std::find(e.states.begin(), e.states.end(), viewer) != e.states.end())
      out.push_back(&e);
  }
  return out;
}

}  // namespace hegemon
