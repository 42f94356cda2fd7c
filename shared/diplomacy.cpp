// Treaties, aid, guarantees, sanctions, pressure and bandwagoning: the accepted diplomatic orders
// of every state, applied in a fixed order so that the outcome never depends on who sent first.
#include <algorithm>
#include <string>

#include "shared/finlandization.h"
#include "shared/format.h"
#include "shared/threat.h"
#include "shared/turn_context.h"

namespace hegemon {
namespace {

/// Calls fn(state, order) for every accepted order of type T, by state index then order position.
template <typename T, typename Fn>
void for_each_order(TurnContext& ctx, Fn fn) {
  for (int s = 0; s < ctx.world.size(); ++s)
    for (const Order* o : ctx.accepted[s])
      if (const T* order = std::get_if<T>(o)) fn(s, *order);
}

// Pieces of report sentences, written straight into the journal.
struct TreatyLabel { const Treaty& treaty; };
struct ProposalLabel { const Proposal& proposal; };
struct Names { const World& world; const std::vector<StateIndex>& states; };
struct Terms { const TreatyTerms& terms; };

void write(Journal::Sentence& out, const TreatyLabel& l) {
  if (!l.treaty.name.empty()) out << l.treaty.name;
  else out << "the " << treaty_type_name(l.treaty.type) << " " << l.treaty.id;
}

void write(Journal::Sentence& out, const ProposalLabel& l) {
  out << "proposal " << l.proposal.id << " ("
      << (l.proposal.name.empty() ? std::string_view(treaty_type_name(l.proposal.type))
                                  : std::string_view(l.proposal.name))
      << ")";
}

void write(Journal::Sentence& out, const Names& n) {
  for (size_t i = 0; i < n.states.size(); ++i) {
    if (i > 0) out << (i + 1 == n.states.size() ? " and " : ", ");
    out << n.world.states[n.states[i]].name;
  }
}

void write(Journal::Sentence& out, const Terms& t) {
  out << "floor " << Num{t.terms.spending_floor_bp / 100.0, 2} << " % of GDP, contribution "
      << Num{t.terms.contribution_bp / 100.0, 2} << " % of revenue";
  if (t.terms.duration > 0) out << ", " << t.terms.duration << " turns";
  else out << ", open-ended";
  if (t.terms.review_period > 0) out << ", reviewed every " << t.terms.review_period << " turns";
  out << ", " << t.terms.exit_notice << " turns' notice to leave";
}

/// True when a proposal can be settled: every party has accepted a new treaty, or every state
/// that is a member of the treaty now has accepted an accession (or the treaty is gone).
bool ready_to_settle(const World& w, const Proposal& p) {
  if (p.accession_to == 0) return p.accepted.size() == p.members.size();
  const Treaty* t = w.find_treaty(p.accession_to);
  if (!t) return true;
  return std::all_of(t->members.begin(), t->members.end(),
                     [&](const MemberStanding& m) { return p.has_accepted(m.state); });
}

/// An accession every member accepted: the applicant joins the treaty on its terms, provided the
/// treaty is still in force.
void accede(TurnContext& ctx, Proposal& p) {
  World& w = ctx.world;
  Treaty* t = w.find_treaty(p.accession_to);
  const StateIndex applicant = p.proposer;
  if (!t || t->has_member(applicant)) {
    p.status = ProposalStatus::Expired;
    ctx.journal.tell(Topic::Treaty, p.members)
        << ProposalLabel{p} << " lapsed: the treaty it would join is no longer in force.";
    return;
  }
  // The applicant may have come to accommodate a power the treaty is directed against since it
  // asked: it cannot join then, whatever the members said.
  std::vector<StateIndex> joined{applicant};
  for (const auto& m : t->members) joined.push_back(m.state);
  for (StateIndex power : powers_accommodated_by(w, applicant, FinlandStatus::Accommodating))
    if (directed_against(ctx.before, t->type, joined, power)) {  // the threats felt so far
      p.status = ProposalStatus::Expired;
      ctx.journal.tell(Topic::Treaty, p.members)
          << ProposalLabel{p} << " lapsed: " << w.states[applicant].name << " now accommodates "
          << w.states[power].name << " and cannot join an alliance directed against it.";
      return;
    }
  t->members.push_back({applicant, true, 0, 0});
  p.status = ProposalStatus::Signed;
  std::vector<StateIndex> members;
  for (const auto& m : t->members) members.push_back(m.state);
  ctx.journal.publish(Topic::Treaty, members)
      << w.states[applicant].name << " joined " << TreatyLabel{*t}
      << " with the consent of every member, on its terms (" << Terms{t->terms} << ").";
}

void sign(TurnContext& ctx, Proposal& p) {
  if (p.accession_to != 0) return accede(ctx, p);
  World& w = ctx.world;
  Treaty t;
  t.id = w.next_treaty_id++;
  t.type = p.type;
  t.name = p.name;
  t.terms = p.terms;
  t.signed_turn = ctx.turn();
  for (StateIndex m : p.members) t.members.push_back({m, true, 0, 0});
  p.status = ProposalStatus::Signed;
  ctx.journal.publish(Topic::Treaty, p.members)
      << Names{w, p.members} << " signed " << TreatyLabel{t} << ", a " << treaty_type_name(t.type)
      << " (" << Terms{t.terms} << ").";
  w.treaties.push_back(std::move(t));
}

void answer_proposals(TurnContext& ctx) {
  World& w = ctx.world;
  for_each_order<CancelProposal>(ctx, [&](StateIndex s, const CancelProposal& o) {
    Proposal* p = w.find_proposal(o.proposal_id);
    p->status = ProposalStatus::Withdrawn;
    ctx.journal.tell(Topic::Treaty, p->members)
        << w.states[s].name << " withdrew " << ProposalLabel{*p} << ".";
  });
  for_each_order<RejectProposal>(ctx, [&](StateIndex s, const RejectProposal& o) {
    Proposal* p = w.find_proposal(o.proposal_id);
    if (p->status != ProposalStatus::Open) return;  // already settled by an earlier answer
    p->status = ProposalStatus::Rejected;
    ctx.journal.tell(Topic::Treaty, p->members)
        << w.states[s].name << " rejected " << ProposalLabel{*p} << ".";
  });
  for_each_order<CounterProposal>(ctx, [&](StateIndex s, const CounterProposal& o) {
    Proposal* original = w.find_proposal(o.proposal_id);
    if (original->status != ProposalStatus::Open) return;
    original->status = ProposalStatus::Countered;
    Proposal counter = *original;
    counter.id = w.next_proposal_id++;
    counter.proposer = s;
    counter.terms = o.terms;
    counter.accepted = {s};
    counter.turn = ctx.turn();
    counter.counter_of = original->id;
    counter.status = ProposalStatus::Open;
    w.states[s].influence -= ctx.rules().proposal_influence_cost();
    ctx.journal.tell(Topic::Treaty, counter.members)
        << w.states[s].name << " countered " << ProposalLabel{*original}
        << " with new terms: " << Terms{o.terms} << " (proposal " << counter.id << ").";
    w.proposals.push_back(std::move(counter));
  });
  for_each_order<AcceptProposal>(ctx, [&](StateIndex s, const AcceptProposal& o) {
    Proposal* p = w.find_proposal(o.proposal_id);
    if (p->status != ProposalStatus::Open) {
      ctx.journal.tell(Topic::Treaty, {s})
          << w.states[s].name << "'s acceptance of " << ProposalLabel{*p}
          << " came too late: another member had already turned it down.";
      return;
    }
    p->accepted.push_back(s);
    ctx.journal.tell(Topic::Treaty, p->members)
        << w.states[s].name << " accepted " << ProposalLabel{*p} << ".";
    if (ready_to_settle(w, *p)) sign(ctx, *p);
  });
}

void make_proposals(TurnContext& ctx) {
  World& w = ctx.world;
  for_each_order<ProposeTreaty>(ctx, [&](StateIndex s, const ProposeTreaty& o) {
    Proposal p;
    p.id = w.next_proposal_id++;
    p.proposer = s;
    p.type = o.type;
    p.name = o.name;
    p.members = o.members;
    p.members.insert(p.members.begin(), s);
    p.terms = o.terms;
    p.accepted = {s};
    p.turn = ctx.turn();
    w.states[s].influence -= ctx.rules().proposal_influence_cost();
    ctx.journal.tell(Topic::Treaty, p.members)
        << w.states[s].name << " proposed " << ProposalLabel{p} << " to " << Names{w, o.members}
        << ": " << Terms{p.terms} << ".";
    w.proposals.push_back(std::move(p));
  });
  for_each_order<RequestAccession>(ctx, [&](StateIndex s, const RequestAccession& o) {
    const Treaty* t = w.find_treaty(o.treaty_id);
    if (!t) return;  // validated against the world before the turn; nothing removes one since
    Proposal p;
    p.id = w.next_proposal_id++;
    p.proposer = s;
    p.type = t->type;
    p.name = t->name;
    p.members = {s};
    for (const auto& m : t->members) p.members.push_back(m.state);
    p.terms = t->terms;
    p.accepted = {s};
    p.turn = ctx.turn();
    p.accession_to = t->id;
    w.states[s].influence -= ctx.rules().proposal_influence_cost();
    ctx.journal.tell(Topic::Treaty, p.members)
        << w.states[s].name << " asked to join " << TreatyLabel{*t} << " on its terms ("
        << ProposalLabel{p} << "): it joins once every member has accepted.";
    w.proposals.push_back(std::move(p));
  });
  // Unanswered proposals lapse; settled ones are kept one turn so every member sees the outcome
  // (conduct_diplomacy clears them at the start of the next turn).
  const int lifetime = ctx.rules().proposal_lifetime();
  for (auto& p : w.proposals) {
    if (p.status == ProposalStatus::Open && ctx.turn() - p.turn >= lifetime) {
      p.status = ProposalStatus::Expired;
      ctx.journal.tell(Topic::Treaty, p.members) << ProposalLabel{p} << " expired unanswered.";
    }
  }
}

void give_notice(TurnContext& ctx) {
  World& w = ctx.world;
  for_each_order<WithdrawFromTreaty>(ctx, [&](StateIndex s, const WithdrawFromTreaty& o) {
    Treaty* t = w.find_treaty(o.treaty_id);
    t->member(s)->notice_given_turn = ctx.turn();
    ctx.journal.publish(Topic::Treaty, {s})
        << w.states[s].name << " gave notice to leave " << TreatyLabel{*t} << "; it leaves on turn "
        << ctx.turn() + t->terms.exit_notice << ".";
  });
}

double coercion_weight(const Ruleset& r, PressureKind kind) {
  switch (kind) {
    case PressureKind::Diplomatic: return r.coercion_weight_diplomatic();
    case PressureKind::Economic: return r.coercion_weight_economic();
    case PressureKind::MilitaryPosture: return r.coercion_weight_military();
  }
  return 0;
}

void apply_pressure(TurnContext& ctx) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  for_each_order<ApplyPressure>(ctx, [&](StateIndex s, const ApplyPressure& o) {
    State& actor = w.states[s];
    State& target = w.states[o.target];
    actor.influence -= r.pressure_influence_cost() * o.intensity;
    target.relations[s].coercion += coercion_weight(r, o.kind) * o.intensity;
    std::string effect;
    if (o.kind == PressureKind::Diplomatic) {
      const double loss = r.pressure_stability_loss() * o.intensity;
      target.stability = std::max(0.0, target.stability - loss);
      effect = "its stability fell " + fmt(loss) + " points";
    } else if (o.kind == PressureKind::Economic) {
      // Economic pressure hurts in proportion to how much larger the pressing economy is.
      const double leverage = std::min(1.0, actor.gdp / std::max(1e-9, target.gdp) / 10.0);
      const double loss = r.pressure_economic_gdp_loss() * o.intensity * leverage;
      target.gdp *= 1.0 - loss;
      effect = "its GDP lost " + fmt(loss * 100, 2) + " %";
    } else {
      effect = "its neighbours watched forces massing on its border";
    }
    ctx.journal.publish(Topic::Pressure,
                        actor.name + " applied " + pressure_kind_name(o.kind) +
                            " pressure (intensity " + std::to_string(o.intensity) + ") on " +
                            target.name + ": " + effect + ".",
                        {s, o.target});
  });
}

void manage_guarantees(TurnContext& ctx) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  // Standing guarantees cost upkeep; a guarantor that cannot pay lets them lapse.
  std::erase_if(w.guarantees, [&](const Guarantee& g) {
    State& guarantor = w.states[g.guarantor];
    const std::string who = guarantor.name + "'s guarantee to " + w.states[g.protected_state].name;
    if (g.expires_turn < ctx.turn()) {
      ctx.journal.publish(Topic::Treaty, who + " expired.", {g.guarantor, g.protected_state});
      return true;
    }
    if (guarantor.influence < r.guarantee_influence_cost()) {
      ctx.journal.publish(Topic::Treaty, who + " lapsed: its guarantor ran out of influence.",
                          {g.guarantor, g.protected_state});
      return true;
    }
    guarantor.influence -= r.guarantee_influence_cost();
    return false;
  });
  for_each_order<OfferGuarantee>(ctx, [&](StateIndex s, const OfferGuarantee& o) {
    std::erase_if(w.guarantees, [&](const Guarantee& g) {
      return g.guarantor == s && g.protected_state == o.target;
    });
    w.states[s].influence -= r.guarantee_influence_cost();
    w.guarantees.push_back({s, o.target, ctx.turn() + r.guarantee_duration()});
    ctx.journal.publish(Topic::Treaty,
                        w.states[s].name + " guaranteed the security of " +
                            w.states[o.target].name + " until turn " +
                            std::to_string(ctx.turn() + r.guarantee_duration()) + ".",
                        {s, o.target});
  });
}

void deliver_aid(TurnContext& ctx) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  // The money was set aside from the sender's projection budget; split it over its orders.
  std::vector<double> ordered(w.size(), 0.0);
  for_each_order<SendMilitaryAid>(ctx, [&](StateIndex s, const SendMilitaryAid& o) {
    ordered[s] += o.amount;
  });
  for_each_order<SendMilitaryAid>(ctx, [&](StateIndex s, const SendMilitaryAid& o) {
    const double money = ordered[s] > 0 ? o.amount * ctx.aid_sent[s] / ordered[s] : 0.0;
    const double forces = money * r.aid_forces_per_money() * w.states[s].technology;
    State& target = w.states[o.target];
    target.territorial_defense += forces;
    const std::string text = w.states[s].name + " sent military aid worth " + fmt(money) +
                             " to " + target.name + ", adding " + fmt(forces) +
                             " to its territorial defense.";
    // The delivery is public; its worth and the forces it added are public only with the
    // sender's budget, since together they give away its technology (and a capped delivery its
    // projection budget). The recipient counts what it received.
    if (w.states[s].publish_budget) {
      ctx.journal.publish(Topic::Aid, text, {s, o.target});
    } else {
      ctx.journal.publish(Topic::Aid,
                          w.states[s].name + " sent military aid to " + target.name + ".",
                          {s, o.target});
      ctx.journal.tell(Topic::Aid, text, {s, o.target});
    }
  });
}

void change_sanctions(TurnContext& ctx) {
  World& w = ctx.world;
  for_each_order<JoinSanction>(ctx, [&](StateIndex s, const JoinSanction& o) {
    w.sanctions.push_back({s, o.target});
    ctx.journal.publish(Topic::SanctionTopic,
                        w.states[s].name + " joined sanctions on " + w.states[o.target].name +
                            "; they bite from next turn.",
                        {s, o.target});
  });
  for_each_order<LiftSanction>(ctx, [&](StateIndex s, const LiftSanction& o) {
    std::erase(w.sanctions, Sanction{s, o.target});
    ctx.journal.publish(Topic::SanctionTopic,
                        w.states[s].name + " lifted its sanctions on " + w.states[o.target].name +
                            ".",
                        {s, o.target});
  });
}

void bandwagon(TurnContext& ctx) {
  World& w = ctx.world;
  const Ruleset& r = ctx.rules();
  for_each_order<Bandwagon>(ctx, [&](StateIndex s, const Bandwagon& o) {
    State& weak = w.states[s];
    State& protector = w.states[o.protector];
    weak.relations[o.protector].bandwagoned = true;
    // Siding with the threat buys goodwill: its record of hostility is half forgiven.
    weak.relations[o.protector].hostility *= 1.0 - r.bandwagon_hostility_forgiveness();
    protector.influence += r.bandwagon_influence_gain() * ctx.years();
    ctx.journal.publish(Topic::Pressure,
                        weak.name + " sought the protection of " + protector.name +
                            " (bandwagoning): it fears it less, but leans toward it.",
                        {s, o.protector});
  });
}

}  // namespace

void conduct_diplomacy(TurnContext& ctx) {
  // Proposals settled last turn have been seen by every member; only open ones go on.
  std::erase_if(ctx.world.proposals,
                [](const Proposal& p) { return p.status != ProposalStatus::Open; });
  give_notice(ctx);
  answer_proposals(ctx);
  make_proposals(ctx);
  apply_pressure(ctx);
  manage_guarantees(ctx);
  deliver_aid(ctx);
  change_sanctions(ctx);
  bandwagon(ctx);
}

}  // namespace hegemon
