// The CSV tables of a batch, row by row. Each table's header line ends in a newline; its rows are
// appended to a text. docs/EXPERIMENTS.md describes every column.
#pragma once

#include <string>
#include <vector>

#include "shared/world.h"
#include "sim/match_play.h"

namespace hegemon::sim {

/// The doctrine that played each state (doctrines[s] for states[s]): what play_seat reported,
/// which may be the ruleset's default where the state names none.
using Doctrines = std::vector<std::string>;

/// --matches-csv: one row per state at the end of a match.
extern const char* const kMatchesHeader;
void append_match_rows(std::string& out, int match, const World& final_world,
                       const Doctrines& doctrines);

/// --turns-csv: one row per state of a world (turn 0 and after every turn).
extern const char* const kTurnsHeader;
void append_turn_rows(std::string& out, int match, const World& world,
                      const Doctrines& doctrines);

/// --decisions-csv: one row per order of every seat in a turn, with its verdict.
extern const char* const kDecisionsHeader;
void append_decision_rows(std::string& out, int match, const TurnPlay& play);

/// --threats-csv: one row per ordered pair of states of a world, the threat factor by factor.
extern const char* const kThreatsHeader;
void append_threat_rows(std::string& out, int match, const World& world);

/// --treaties-csv: one row per treaty member of a world.
extern const char* const kTreatiesHeader;
void append_treaty_rows(std::string& out, int match, const World& world);

/// The state `s` leans toward most (highest Finlandization level, then push), or -1 when no
/// state presses on it at all.
StateIndex strongest_pull(const World& world, StateIndex s);

}  // namespace hegemon::sim
