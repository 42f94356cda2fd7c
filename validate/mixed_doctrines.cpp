#include "validate/mixed_doctrines.h"

#include <algorithm>

#include "shared/bots/bot.h"
#include "shared/rng.h"

namespace hegemon::validate {
namespace {

/// A stream of its own, so that the draw never coincides with the bots' or the rules' draws
/// from the same match seed.
constexpr std::uint64_t kDoctrineStream = 0xD0C7u;

}  // namespace

std::vector<std::string> mixed_doctrines(const World& start, std::uint64_t match_seed) {
  const std::vector<std::string> names = doctrine_names(start.ruleset);
  std::vector<std::string> out(start.size());
  if (names.empty()) return out;
  Rng rng(mix_seed(match_seed, kDoctrineStream));
  for (StateIndex s = 0; s < start.size(); ++s) {
    // Both draws are made for every state, so one state's outcome never shifts the next's.
    const double keep = rng.uniform();
    const double pick = rng.uniform();
    const size_t drawn =
        std::min(names.size() - 1, static_cast<size_t>(pick * static_cast<double>(names.size())));
    out[s] = keep < 0.5 ? doctrine_in_force(start, s) : names[drawn];
  }
  return out;
}

void assign_doctrines(World& world, const std::vector<std::string>& doctrines) {
  for (StateIndex s = 0; s < world.size() && s < static_cast<int>(doctrines.size()); ++s)
    world.states[s].doctrine = doctrines[s];
}

}  // namespace hegemon::validate
