// Scripted events of the scenario, applied on their turn.
#include <algorithm>
#include <string>

#include "shared/format.h"
#include "shared/turn_context.h"

namespace hegemon {

void apply_events(TurnContext& ctx) {
  World& w = ctx.world;
  for (const ScenarioEvent& e : w.scenario.events) {
    if (e.turn != ctx.turn()) continue;
    State& st = w.states[e.state];
    std::string effects;
    auto note = [&](const std::string& what) { effects += (effects.empty() ? "" : "; ") + what; };
    if (e.gdp_change != 0) {
      st.gdp *= std::max(0.01, 1.0 + e.gdp_change);
      note("GDP " + std::string(e.gdp_change > 0 ? "+" : "") + fmt(e.gdp_change * 100) + " %");
    }
    if (e.stability_change != 0) {
      st.stability = std::clamp(st.stability + e.stability_change, 0.0, 100.0);
      note("stability " + std::string(e.stability_change > 0 ? "+" : "") +
           fmt(e.stability_change));
    }
    if (e.territorial_defense_change != 0) {
      st.territorial_defense *= std::max(0.0, 1.0 + e.territorial_defense_change);
      note("territorial defense " + fmt(e.territorial_defense_change * 100) + " %");
    }
    if (e.power_projection_change != 0) {
      st.power_projection *= std::max(0.0, 1.0 + e.power_projection_change);
      note("power projection " + fmt(e.power_projection_change * 100) + " %");
    }
    if (e.technology_change != 0) {
      st.technology = std::clamp(st.technology + e.technology_change, 0.1,
                                 w.ruleset.tech_ceiling());
      note("technology " + fmt(e.technology_change, 2));
    }
    std::vector<StateIndex> concerned{e.state};
    if (e.hostile_toward >= 0) {
      Relation& rel = w.states[e.hostile_toward].relations[e.state];
      rel.hostility = std::min(100.0, rel.hostility + e.hostility);
      note(w.states[e.hostile_toward].name + " reads it as hostile");
      concerned.push_back(e.hostile_toward);
    }
    ctx.journal.publish(Topic::Event,
                        e.headline + (effects.empty() ? "" : " (" + st.name + ": " + effects + ")"),
                        concerned);
  }
}

}  // namespace hegemon
