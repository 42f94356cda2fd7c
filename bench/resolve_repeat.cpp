// Resolves one turn of a warmed synthetic world again and again, for callgrind: the difference
// between two runs' instruction counts over the difference in repetitions is what one
// resolve_turn costs, whatever the setting up. Figures: docs/PERFORMANCE.md.
//
//   hegemon-resolve-repeat STATES REPETITIONS
#include <cstdlib>
#include <iostream>
#include <string>

#include "bench/synthetic_world.h"
#include "shared/resolve.h"

int main(int argc, char** argv) {
  using namespace hegemon;
  if (argc != 3) {
    std::cerr << "usage: hegemon-resolve-repeat STATES REPETITIONS\n"
                 "  resolves one turn of a synthetic world of STATES states, three turns in, "
                 "REPETITIONS times\n";
    return 2;
  }
  const int states = std::atoi(argv[1]), repetitions = std::atoi(argv[2]);
  if (states < 2 || states > 1000 || repetitions < 0) {
    std::cerr << "hegemon-resolve-repeat: STATES must be 2 to 1000 and REPETITIONS at least 0\n";
    return 2;
  }
  const World world = bench::warmed_world(states);
  const std::vector<OrderSet> orders = bench::bot_orders(world);
  long turns = 0;
  TurnResult result;
  for (int i = 0; i < repetitions; ++i) {
    result = resolve_turn(world, orders);
    turns += result.world.turn;
  }
  std::cout << "resolved " << repetitions << " turns of " << states << " states (" << turns
            << ")\n";
  return 0;
}
