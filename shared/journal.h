// The journal of a turn: every change a player could ask "why?" about, written as it happens,
// with who may read it. Turn reports are cut from it per player.
//
// A turn writes thousands of sentences, so they are appended into one buffer (no allocation per
// sentence) with their numbers kept aside as numbers; the text of an entry, numbers spelled out,
// is made only when someone reads it (once per journal).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "shared/format.h"
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

/// One entry as a reader sees it.
struct JournalEntry {
  Topic topic = Topic::Event;
  std::string text;
  std::vector<StateIndex> states;  // whom it concerns
  double before = 0;
  double after = 0;
  bool is_public = true;  // private entries are shown only to `states`
};

/// A number in a sentence, with its decimals.
struct Num {
  double value;
  int decimals = 1;
};

class Journal {
 public:
  /// Appends the words of the entry just started.
  class Sentence {
   public:
    Sentence& operator<<(std::string_view text) {
      journal_.text_.append(text);
      return *this;
    }
    Sentence& operator<<(Num n) {
      journal_.text_.push_back(kNumberMark);
      journal_.numbers_.push_back(n);
      return *this;
    }
    Sentence& operator<<(int n) { return *this << Num{static_cast<double>(n), 0}; }
    /// Anything with a `write(Sentence&, const T&)` found by argument-dependent lookup.
    template <typename T>
      requires requires(Sentence& s, const T& x) { write(s, x); }
    Sentence& operator<<(const T& x) {
      write(*this, x);
      return *this;
    }

   private:
    friend class Journal;
    explicit Sentence(Journal& journal) : journal_(journal) {}
    Journal& journal_;
  };

  /// Starts a fact every player may read; write its sentence with <<.
  Sentence publish(Topic topic, std::initializer_list<StateIndex> states, double before = 0,
                   double after = 0);
  /// Starts a fact only the listed states may read.
  Sentence tell(Topic topic, std::initializer_list<StateIndex> states, double before = 0,
                double after = 0);
  /// Starts a fact for a list of states (a treaty's members, say).
  Sentence publish(Topic topic, const std::vector<StateIndex>& states, double before = 0,
                   double after = 0);
  Sentence tell(Topic topic, const std::vector<StateIndex>& states, double before = 0,
                double after = 0);
  /// The same with the whole text at once and any list of states.
  void publish(Topic topic, std::string_view text, const std::vector<StateIndex>& states,
               double before = 0, double after = 0);
  void tell(Topic topic, std::string_view text, const std::vector<StateIndex>& states,
            double before = 0, double after = 0);

  size_t size() const { return records_.size(); }
  /// Empties the journal, keeping its storage for the next turn's text.
  void clear() {
    records_.clear();
    text_.clear();
    states_.clear();
    numbers_.clear();
    entries_.clear();
  }
  /// Room for about this many characters of text, to spare reallocations in a turn.
  void reserve(size_t characters) {
    text_.reserve(characters);
    records_.reserve(characters / 64);
    numbers_.reserve(characters / 16);
  }
  /// Every entry, in order. The reference stays valid until the journal is written again.
  const std::vector<JournalEntry>& entries() const;
  /// The entries `viewer` may read, in order (valid until the journal is written again).
  std::vector<const JournalEntry*> readable_by(StateIndex viewer) const;

 private:
  /// Stands in the text for the next number kept aside (a control character no name contains).
  static constexpr char kNumberMark = '\x1f';

  struct Record {
    Topic topic;
    bool is_public;
    std::uint32_t text_begin;
    std::uint32_t numbers_begin;
    std::uint32_t states_begin;
    std::uint32_t states_count;
    double before;
    double after;
  };
  template <typename States>
  void start(Topic topic, const States& states, double before, double after, bool is_public);

  std::vector<Record> records_;
  std::string text_;
  std::vector<StateIndex> states_;
  std::vector<Num> numbers_;
  // Readers' copies, built on first read; single-threaded like the rest of a turn.
  mutable std::vector<JournalEntry> entries_;
};

}  // namespace hegemon
