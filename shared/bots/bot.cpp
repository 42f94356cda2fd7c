#include "shared/bots/bot.h"

#include <stdexcept>

#include "shared/bots/assessment.h"
#include "shared/bots/budget_plan.h"
#include "shared/bots/draft.h"
#include "shared/bots/pressure_plan.h"
#include "shared/bots/seat_view.h"
#include "shared/bots/treaty_plan.h"
#include "shared/rng.h"
#include "shared/validate.h"

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

const std::string& doctrine_in_force(const World& world, StateIndex seat) {
  const std::string& own = world.states[seat].doctrine;
  if (!own.empty() || world.ruleset.doctrines_size() == 0) return own;
  return world.ruleset.doctrines(0).name();
}

namespace {

const pb::Doctrine& doctrine_for(const World& world, StateIndex seat, const std::string& asked) {
  const std::string& name = asked.empty() ? doctrine_in_force(world, seat) : asked;
  if (name.empty())
    throw std::invalid_argument("the ruleset \"" + world.ruleset.name() +
                                "\" defines no doctrines: a bot cannot play");
  if (const pb::Doctrine* d = find_doctrine(world.ruleset, name)) return *d;
  std::string known;
  for (const auto& n : doctrine_names(world.ruleset)) known += (known.empty() ? "" : ", ") + n;
  throw std::invalid_argument("the ruleset \"" + world.ruleset.name() + "\" has no doctrine \"" +
                              name + "\" (it has: " + known + ")");
}

/// A stream of its own per seat and turn, so that one bot's draws never shift another's.
constexpr std::uint64_t kBotStream = 0xB07u;

/// `a` is storage for the seat's assessment, reused from seat to seat; `out` receives the
/// decision (its storage reused).
void decide(const World& world, const SeatView& view, const pb::Doctrine& d, Assessment& a,
            Reasons reasons, BotDecision& out) {
  const StateIndex seat = view.seat();
  Rng rng(mix_seed(world.seed ^ kBotStream, static_cast<std::uint64_t>(world.turn),
                   static_cast<std::uint64_t>(seat)));
  assess(view, a);

  Draft draft;
  draft.orders.state = seat;
  draft.explains = reasons == Reasons::Written;
  std::string why;
  const SetBudget budget = plan_budget(view, a, d, rng, draft.explains ? &why : nullptr);
  draft.add(budget, [&] { return std::move(why); });
  answer_proposals(view, a, d, rng, draft);
  cancel_stale_proposals(view, a, d, draft);
  leave_treaties(view, a, d, rng, draft);
  // New initiatives (proposals, requests to join, seeking a protector) are taken only with the
  // doctrine's chance: a state's diplomacy does not start afresh every turn.
  if (rng.uniform() < d.initiative()) {
    const double best_balance = propose_treaties(view, a, d, rng, draft);
    bandwagon_if_better(view, a, d, best_balance, rng, draft);
  }
  press_neighbours(view, a, d, rng, draft);
  soft_balance(view, a, d, rng, draft);
  support_the_threatened(view, a, d, budget, rng, draft);

  // The verdicts are what the server would answer to the seat on submission (a human gets the
  // same answers and may resend); the bot keeps only the orders that would stand.
  out.doctrine = d.name();
  out.orders.state = seat;
  out.orders.orders.clear();
  out.reasons.clear();
  for (const auto& r : validate_orders(world, draft.orders))
    if (r.accepted) {
      out.orders.orders.push_back(std::move(draft.orders.orders[r.index]));
      if (draft.explains) out.reasons.push_back(std::move(draft.reasons[r.index]));
    }
}

}  // namespace

BotDecision play_seat(const World& world, StateIndex seat, const std::string& doctrine) {
  const pb::Doctrine& d = doctrine_for(world, seat, doctrine);
  SeatViews views(world);
  Assessment a;
  BotDecision out;
  decide(world, views.focus(seat), d, a, Reasons::Written, out);
  return out;
}

std::vector<BotDecision> play_seats(const World& world, const std::vector<StateIndex>& seats,
                                    Reasons reasons) {
  std::vector<BotDecision> out;
  MatchBots(reasons).play(world, seats, out);
  return out;
}

MatchBots::MatchBots(Reasons reasons)
    : reasons_(reasons),
      views_(std::make_unique<SeatViews>()),
      assessment_(std::make_unique<Assessment>()) {}

MatchBots::~MatchBots() = default;

void MatchBots::play(const World& world, const std::vector<StateIndex>& seats,
                     std::vector<BotDecision>& out) {
  out.resize(seats.size());
  if (seats.empty()) return;
  views_->refresh(world);
  for (size_t i = 0; i < seats.size(); ++i)
    decide(world, views_->focus(seats[i]), doctrine_for(world, seats[i], {}), *assessment_,
           reasons_, out[i]);
}

}  // namespace hegemon
