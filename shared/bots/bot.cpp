#include "shared/bots/bot.h"

#include <stdexcept>

#include "shared/policy.h"

namespace hegemon {

const pb::Doctrine* find_doctrine(const Ruleset& rules, const std::string& name) {
  for (const auto& d : rules.doctrines())
    if (d.name() == name) return &d;
  return nullptr;
}

std::vector<std::string> doctrine_names(const Ruleset& rules) {
  std::vector<std::string> names;
  for (const auto& d : rules.doctrines()) names.push_back(d.name());
  return names;
}

BotDecision play_seat(const World& world, StateIndex seat, const std::string& doctrine) {
  std::string name = doctrine.empty() ? world.states[seat].doctrine : doctrine;
  if (name.empty() && world.ruleset.doctrines_size() > 0) name = world.ruleset.doctrines(0).name();
  if (!name.empty() && !find_doctrine(world.ruleset, name))
    throw std::invalid_argument("the ruleset \"" + world.ruleset.name() +
                                "\" has no doctrine \"" + name + "\"");
  BotDecision d;
  d.doctrine = name;
  d.orders = simple_policy(world, seat);
  d.reasons.assign(d.orders.orders.size(), "the built-in policy");
  return d;
}

}  // namespace hegemon
