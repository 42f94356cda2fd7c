// The journal of a turn: every change a player could ask "why?" about, written as it happens,
// with who may read it. Turn reports are cut from it per player.
#pragma once

#include <string>
#include <vector>

#include "shared/world.h"

namespace hegemon {

enum class Topic : int {
  Budget = 1,
  Economy,
  Treaty,
  Aid,
  SanctionTopic,
  Pressure,
  Intentions,
  Threat,
  Finlandization,
  Compliance,
  Domestic,
  Event,
  ScoreTopic,
  End,
  OrderTopic,
};

struct JournalEntry {
  Topic topic = Topic::Event;
  std::string text;
  std::vector<StateIndex> states;  // whom it concerns
  double before = 0;
  double after = 0;
  bool is_public = true;  // private entries are shown only to `states`
};

class Journal {
 public:
  /// A fact every player may read.
  void publish(Topic topic, std::string text, std::vector<StateIndex> states, double before = 0,
               double after = 0);
  /// A fact only the listed states may read.
  void tell(Topic topic, std::string text, std::vector<StateIndex> states, double before = 0,
            double after = 0);
  const std::vector<JournalEntry>& entries() const { return entries_; }
  /// The entries `viewer` may read, in order.
  std::vector<const JournalEntry*> readable_by(StateIndex viewer) const;

 private:
  std::vector<JournalEntry> entries_;
};

}  // namespace hegemon
