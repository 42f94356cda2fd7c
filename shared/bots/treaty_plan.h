// Treaties as a doctrine weighs them: what each would do to the seat's danger, its quarrels, its
// budget and its sovereignty, reckoned on its own view.
#pragma once

#include <vector>

#include "shared/bots/assessment.h"
#include "shared/bots/draft.h"

namespace hegemon {

/// Whether a treaty being weighed is one the seat is already in (what leaving would cost) or one
/// it would enter (what joining would bring).
enum class Standing { Joining, InForce };

/// What a treaty of `type` with `partners` (the other members) and `terms` is worth to the seat.
/// `credibility` is the trust its support would carry (expected_credibility for a new treaty).
double treaty_value(const SeatView& view, const Assessment& a, const pb::Doctrine& d,
                    TreatyType type, const std::vector<StateIndex>& partners,
                    const TreatyTerms& terms, double credibility,
                    Standing standing = Standing::Joining);

/// Answers every open proposal addressed to the seat: accept, counter with terms it can keep, or
/// reject.
void answer_proposals(const SeatView& view, const Assessment& a, const pb::Doctrine& d, Rng& rng,
                      Draft& draft);

/// Cancels the seat's own open proposals that are no longer worth having (the danger they were
/// meant for has passed, or a partner can no longer sign them).
void cancel_stale_proposals(const SeatView& view, const Assessment& a, const pb::Doctrine& d,
                            Draft& draft);

/// Gives notice on treaties that have come to cost the seat more than they give.
void leave_treaties(const SeatView& view, const Assessment& a, const pb::Doctrine& d, Rng& rng,
                    Draft& draft);

/// Proposes the treaties most worth having, as many as the doctrine makes at a time (none while
/// one of its proposals awaits answers). Returns the value of the best mutual defense pact it
/// could seek: what balancing is worth to it now.
double propose_treaties(const SeatView& view, const Assessment& a, const pb::Doctrine& d, Rng& rng,
                      Draft& draft);

}  // namespace hegemon
