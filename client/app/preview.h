// The preview of next turn: the player's own orders resolved by the shared rules engine on the
// world as the player's view shows it (estimates of others included, no one else's orders).
// An estimate for the player's eyes only: the server decides.
#pragma once

#include <string>
#include <vector>

#include "client/app/match_model.h"
#include "protocol/orders.pb.h"
#include "protocol/view.pb.h"

namespace hegemon::client {

/// One number of the player's own state, now and after the previewed turn.
struct PreviewNumber {
  double before = 0;
  double after = 0;
  double change() const { return after - before; }
};

/// Whether the budget keeps one treaty's defense spending floor.
struct PreviewFloor {
  int treaty_id = 0;
  std::string treaty;   // its name, or its type when unnamed
  int floor_bp = 0;     // the floor, basis points of GDP
  double spent_bp = 0;  // forces spending in the previewed turn, basis points of GDP
  bool met = true;
};

/// What the player's orders would do next turn if no one else did anything.
struct Preview {
  bool available = false;
  std::string problem;  // why there is no preview (a spectator, no ruleset, a bad order set)
  // This turn's money, as the engine reckons it: revenue, treaty contributions taken first, and
  // what is left for the player's own split.
  double revenue = 0;
  double contributions = 0;
  double spendable = 0;
  PreviewNumber gdp;
  PreviewNumber territorial_defense;
  PreviewNumber power_projection;
  PreviewNumber technology;
  PreviewNumber stability;
  PreviewNumber influence;
  PreviewNumber reputation;
  PreviewNumber highest_threat;         // the worst threat the player feels
  PreviewNumber highest_finland_level;  // the player's highest level toward any state
  std::vector<PreviewFloor> floors;     // one per treaty of the player's with a floor
  /// The verdict on each order, by position in the order set (as the server will number them).
  std::vector<pb::OrderResult> verdicts;
  /// What the engine would tell the player about the turn, sentence by sentence.
  std::vector<std::string> report;
};

/// Resolves one turn on world_from_view(view, facts) with `orders` as the only order set (its state
/// defaults to the viewer). Growth shocks are left out: the preview shows the expected turn.
/// Never throws: a view or an order set that cannot be previewed gives available = false and the
/// reason in `problem`.
Preview preview_orders(const pb::PlayerView& view, const pb::MatchFacts& facts,
                       const pb::OrderSet& orders);

/// The preview of the latest orders on the latest view, recomputed only when either changes (the
/// panels ask every frame; a turn takes about a millisecond to resolve).
class PreviewCache {
 public:
  const Preview& get(const pb::PlayerView& view, const pb::MatchFacts& facts,
                     const pb::OrderSet& orders);

 private:
  std::string key_;
  Preview preview_;
};

/// The order set a draft stands for: its budget (allocation and transparency) first, then its
/// other orders in the draft's order. Verdict i + 1 is about draft.orders[i].
pb::OrderSet draft_order_set(const MatchModel& model);

}  // namespace hegemon::client
