// The world as one player's view shows it: what the client's preview resolves a turn on. Its own
// state is exact; every other state is what the view says of it (estimates included); what the
// view does not carry is filled with stated defaults. It is a belief, never the truth.
#pragma once

#include "protocol/view.pb.h"
#include "shared/world.h"

namespace hegemon {

/// Builds an engine world from `view` and the match's `facts`:
/// - the states in the server's order (the order of facts.states);
/// - the viewer's own state exactly as sent, relations included;
/// - every other state from its StateView (published or estimated values as they are); what a
///   view never shows is filled in: its growth and tax share are taken to be the viewer's own,
///   its intelligence zero, its influence just enough to pay for the guarantees it gives, and a
///   public Finlandization status is given the level at which that status begins;
/// - the map from the facts' borders and distances (facts without distances put each pair at
///   the straight line between their map positions, 12 km per map unit);
/// - treaties, guarantees and sanctions in force, the proposals the viewer is party to, the
///   viewer's objectives, and the facts' ruleset;
/// - each state's starting GDP from the view (its GDP now when the view carries none), the
///   viewer's other start measures from the view, and every other state taken to stand where it
///   began on the measures the view does not show;
/// then recomputes the derived parts (proximity, threat matrix, scores).
/// Throws SchemaError when the view has no own state (a spectator), the facts carry no ruleset,
/// or view and facts do not name the same states.
World world_from_view(const pb::PlayerView& view, const pb::MatchFacts& facts);

}  // namespace hegemon
