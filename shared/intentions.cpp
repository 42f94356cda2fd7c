// Intentions: each state's record of the hostile acts of every other state toward it. It is what
// the threat model reads as intent, and it is slowly forgiven.
#include <algorithm>

#include "shared/format.h"
#include "shared/turn_context.h"

namespace hegemon {

void open_relations(TurnContext& ctx) {
  const double keep = 1.0 - ctx.rules().hostility_decay() * ctx.years();
  for (auto& st : ctx.world.states)
    for (auto& rel : st.relations) {
      rel.hostility *= keep;
      rel.coercion = 0;
      rel.bandwagoned = false;
    }
}

void record_intentions(TurnContext& ctx) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  const double y = ctx.years();

  // Old acts were already partly forgiven at the start of the turn (open_relations), so this
  // turn's acts count in full.

  for (int s = 0; s < w.size(); ++s) {
    for (const Order* o : ctx.accepted[s]) {
      if (const auto* p = std::get_if<ApplyPressure>(o)) {
        Relation& rel = w.states[p->target].relations[s];
        const double before = rel.hostility;
        rel.hostility = std::min(100.0, rel.hostility + r.hostility_per_pressure() * p->intensity);
        ctx.journal.tell(Topic::Intentions,
                         w.states[p->target].name + " now reads " + w.states[s].name +
                             "'s intentions as more hostile after its pressure.",
                         {p->target}, before, rel.hostility);
      }
    }
  }
  // Sanctions in force are a standing hostile act, felt every turn they last.
  for (const auto& sn : w.sanctions) {
    Relation& rel = w.states[sn.target].relations[sn.sanctioner];
    rel.hostility = std::min(100.0, rel.hostility + r.hostility_per_sanction() * y);
  }
}

}  // namespace hegemon
