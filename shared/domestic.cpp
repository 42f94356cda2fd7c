// Stability and domestic politics: welfare raises support, defense that crowds out welfare and
// hard times lower it; a government that falls is replaced by one with other priorities.
#include <algorithm>
#include <string>

#include "shared/format.h"
#include "shared/turn_context.h"

namespace hegemon {
namespace {

/// The new government moves a share of the budget between defense and welfare, in the direction
/// of its lean, and the standing allocation carries the change until the player sends another.
void shift_priorities(const Ruleset& r, State& st) {
  Allocation& a = st.allocation;
  auto move = [](int& from, int& to, int amount) {
    amount = std::min(amount, from);
    from -= amount;
    to += amount;
  };
  const double cut = r.government_change_defense_cut();
  int& td = a[Category::TerritorialDefense];
  int& pp = a[Category::PowerProjection];
  int& welfare = a[Category::Welfare];
  if (st.lean == GovernmentLean::Dovish) {
    move(pp, welfare, static_cast<int>(pp * cut));
    move(td, welfare, static_cast<int>(td * cut / 2));
  } else {
    move(welfare, td, static_cast<int>(welfare * cut / 2));
  }
}

}  // namespace

void update_domestic_politics(TurnContext& ctx) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  const double y = ctx.years();
  for (int s = 0; s < w.size(); ++s) {
    State& st = w.states[s];
    const Spending& sp = ctx.spending[s];
    // Shares of the GDP the budget came from, as in the economy and compliance steps.
    const double welfare_pct = gdp_percent(sp[Category::Welfare], ctx.turn_gdp[s], y);
    const double defense_pct = gdp_percent(sp.forces(), ctx.turn_gdp[s], y);
    const double welfare = r.stability_per_welfare_gdp_percent() * welfare_pct;
    const double crowding = r.stability_loss_per_defense_gdp_percent() *
                            std::max(0.0, defense_pct - r.defense_tolerated_gdp_percent());
    const double recession = r.stability_loss_per_recession_percent() *
                             std::max(0.0, -ctx.growth[s] * 100.0);
    const double sanctions = r.stability_loss_sanctioned() * std::min(1.0, ctx.sanctioned_share[s]);
    const double reversion = r.stability_reversion() * (r.stability_resting_level() - st.stability);
    const double before = st.stability;
    st.stability = std::clamp(
        st.stability + (welfare - crowding - recession - sanctions + reversion) * y, 0.0, 100.0);
    auto line = ctx.journal.tell(Topic::Domestic, {s}, before, st.stability);
    line << st.name << "'s stability went from " << Num{before} << " to " << Num{st.stability}
         << " (welfare +" << Num{welfare, 2};
    if (crowding > 0) line << ", defense crowding out welfare -" << Num{crowding, 2};
    if (recession > 0) line << ", recession -" << Num{recession, 2};
    if (sanctions > 0) line << ", sanctions -" << Num{sanctions, 2};
    line << ", pull toward normal " << Num{reversion, 2} << ", per year).";

    if (st.stability < r.government_change_threshold()) {
      const GovernmentLean old_lean = st.lean;
      st.lean = old_lean == GovernmentLean::Dovish ? GovernmentLean::Hawkish
                : old_lean == GovernmentLean::Hawkish
                    ? GovernmentLean::Dovish
                    : (st.allocation[Category::TerritorialDefense] +
                                   st.allocation[Category::PowerProjection] >
                               st.allocation[Category::Welfare]
                           ? GovernmentLean::Dovish
                           : GovernmentLean::Hawkish);
      ++st.government_changes;
      const double fallen_at = st.stability;
      st.stability = r.government_change_reset();
      shift_priorities(r, st);
      ctx.journal.publish(Topic::Domestic,
                          "The government of " + st.name + " fell (stability " +
                              fmt(fallen_at) + " dropped below " +
                              fmt(r.government_change_threshold()) + "). A " + lean_name(st.lean) +
                              " government replaces a " + lean_name(old_lean) +
                              " one and shifts the budget " +
                              (st.lean == GovernmentLean::Dovish ? "from defense to welfare"
                                                                 : "from welfare to defense") +
                              ".",
                          {s}, fallen_at, st.stability);
    }
  }
}

}  // namespace hegemon
