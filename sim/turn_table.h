// The per-turn table hegemon-sim prints: one line per state, then the turn's public news.
#pragma once

#include <ostream>

#include "shared/journal.h"
#include "shared/world.h"

namespace hegemon::sim {

/// Prints the standing of every state after a turn.
void print_turn_table(std::ostream& out, const World& world);
/// Prints the public news of the turn that matter to a reader (treaties, pressure,
/// Finlandization, breaches, governments, events, the end).
void print_news(std::ostream& out, const World& world, const Journal& journal);
/// Prints the final ranking.
void print_standings(std::ostream& out, const World& world);

}  // namespace hegemon::sim
