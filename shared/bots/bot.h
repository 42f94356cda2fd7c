// A bot seat: the orders a doctrine chooses for one state this turn, decided from that state's
// own view of the world (its estimates included), never from the truth.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "shared/orders.h"
#include "shared/world.h"

namespace hegemon {

/// What a bot chose for one seat and why: `reasons[i]` explains `orders.orders[i]`.
struct BotDecision {
  OrderSet orders;
  std::vector<std::string> reasons;
  std::string doctrine;  // the doctrine that chose them
};

/// The doctrine of this name in the ruleset, or nullptr.
const pb::Doctrine* find_doctrine(const Ruleset& rules, const std::string& name);

/// The names of every doctrine in the ruleset, in ruleset order.
std::vector<std::string> doctrine_names(const Ruleset& rules);

/// The name of the doctrine a bot plays `seat` by when none is asked for: the state's own (the
/// scenario's default or the match's choice), else the ruleset's first; empty when the ruleset
/// has none.
const std::string& doctrine_in_force(const World& world, StateIndex seat);

/// The orders the bot playing `seat` chooses this turn, under `doctrine` (empty: the state's own
/// doctrine, or the ruleset's first when the state names none). Deterministic for a given world:
/// its choices are drawn from the match seed, the turn and the seat. Every order it returns passes
/// validate_orders. Throws std::invalid_argument for a doctrine the ruleset does not have.
BotDecision play_seat(const World& world, StateIndex seat, const std::string& doctrine = {});

/// Whether the bots write a reason for each order (BotDecision::reasons). The orders are the same
/// either way; only a reader of the reasons needs the sentences.
enum class Reasons { Written, Skipped };

/// play_seat for several seats of one turn, each under its state's own doctrine, sharing the work
/// all their views have in common. The decisions come in the order of `seats`; their reasons are
/// written unless `reasons` says to skip them.
std::vector<BotDecision> play_seats(const World& world, const std::vector<StateIndex>& seats,
                                    Reasons reasons = Reasons::Written);

class SeatViews;
struct Assessment;

/// The bots of one match, turn after turn: play_seats with the views' and the assessments'
/// storage kept from one turn to the next, so that a batch of matches spends its time deciding
/// rather than allocating. Every world it plays must be of the same match.
class MatchBots {
 public:
  explicit MatchBots(Reasons reasons = Reasons::Written);
  ~MatchBots();
  MatchBots(const MatchBots&) = delete;
  MatchBots& operator=(const MatchBots&) = delete;

  /// The decisions for `seats` this turn, as play_seats gives them, written into `out` (resized
  /// to the number of seats, its storage reused).
  void play(const World& world, const std::vector<StateIndex>& seats,
            std::vector<BotDecision>& out);

 private:
  Reasons reasons_;
  std::unique_ptr<SeatViews> views_;
  std::unique_ptr<Assessment> assessment_;
};

}  // namespace hegemon
