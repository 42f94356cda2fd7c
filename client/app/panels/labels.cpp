#include "client/app/panels/labels.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace hegemon::client {

// --- Budget categories ------------------------------------------------------------------------

const char* category_name(int category) {
  static const char* const kNames[kBudgetCategories] = {
      "Territorial defense", "Power projection", "Economy", "Welfare", "Research",
      "Diplomacy",           "Intelligence"};
  return category >= 0 && category < kBudgetCategories ? kNames[category] : "?";
}

const char* category_effect(int category) {
  static const char* const kEffects[kBudgetCategories] = {
      "Defends the homeland and alarms no one. Resists Finlandization. Depreciates every turn.",
      "Force that can strike abroad: it deters, and every neighbour reads it as a threat (the "
      "security dilemma). Depreciates every turn.",
      "Investment: raises growth, and with it every future budget.",
      "Raises stability. Defense that crowds out welfare costs stability instead.",
      "Raises technology, which multiplies every force you have.",
      "Buys influence, which pays for proposals, pressure and guarantees.",
      "Sharpens your estimates of the budgets other states keep secret."};
  return category >= 0 && category < kBudgetCategories ? kEffects[category] : "";
}

int category_share(const pb::Allocation& a, int category) {
  switch (category) {
    case 0: return a.territorial_defense();
    case 1: return a.power_projection();
    case 2: return a.economy();
    case 3: return a.welfare();
    case 4: return a.research();
    case 5: return a.diplomacy();
    case 6: return a.intelligence();
    default: return 0;
  }
}

void set_category_share(pb::Allocation& a, int category, int bp) {
  switch (category) {
    case 0: a.set_territorial_defense(bp); break;
    case 1: a.set_power_projection(bp); break;
    case 2: a.set_economy(bp); break;
    case 3: a.set_welfare(bp); break;
    case 4: a.set_research(bp); break;
    case 5: a.set_diplomacy(bp); break;
    case 6: a.set_intelligence(bp); break;
    default: break;
  }
}

int allocation_total(const pb::Allocation& a) {
  int total = 0;
  for (int c = 0; c < kBudgetCategories; ++c) total += category_share(a, c);
  return total;
}

void rebalance(pb::Allocation& a, int category, int bp) {
  bp = std::clamp(bp, 0, kFullBudgetBp);
  const int rest_target = kFullBudgetBp - bp;
  int rest_now = 0;
  for (int c = 0; c < kBudgetCategories; ++c)
    if (c != category) rest_now += std::max(0, category_share(a, c));
  // Largest remainder: each other category gets its proportional part, rounded down, and the
  // basis points left over go to the largest fractions, so the total is exact.
  double exact[kBudgetCategories] = {};
  int given = 0;
  for (int c = 0; c < kBudgetCategories; ++c) {
    if (c == category) continue;
    const double weight = rest_now > 0 ? std::max(0, category_share(a, c)) / double(rest_now)
                                       : 1.0 / (kBudgetCategories - 1);
    exact[c] = weight * rest_target;
    const int floor_bp = static_cast<int>(std::floor(exact[c]));
    set_category_share(a, c, floor_bp);
    given += floor_bp;
  }
  int order[kBudgetCategories];
  std::iota(order, order + kBudgetCategories, 0);
  std::stable_sort(order, order + kBudgetCategories, [&](int x, int y) {
    return exact[x] - std::floor(exact[x]) > exact[y] - std::floor(exact[y]);
  });
  for (int i = 0; i < kBudgetCategories && given < rest_target; ++i) {
    const int c = order[i];
    if (c == category) continue;
    set_category_share(a, c, category_share(a, c) + 1);
    ++given;
  }
  set_category_share(a, category, bp);
}

// --- Terms of the game ----------------------------------------------------------------------

const char* treaty_type_label(pb::TreatyType type) {
  switch (type) {
    case pb::MUTUAL_DEFENSE: return "Mutual defense pact";
    case pb::NON_AGGRESSION: return "Non-aggression pact";
    case pb::MILITARY_AID: return "Military aid agreement";
    case pb::JOINT_EXERCISES: return "Joint exercises";
    case pb::CONFIDENCE_BUILDING: return "Confidence-building agreement";
    case pb::NEUTRALITY: return "Neutrality treaty";
    default: return "Treaty";
  }
}

const char* treaty_type_description(pb::TreatyType type) {
  switch (type) {
    case pb::MUTUAL_DEFENSE:
      return "Collective defense: an attack on one is an attack on all. Allies fear each other "
             "far less, and their credible force resists Finlandization.";
    case pb::NON_AGGRESSION:
      return "A promise not to attack: discounts the threat the parties feel from each other.";
    case pb::MILITARY_AID:
      return "Members pool their contributions into each other's territorial defense.";
    case pb::JOINT_EXERCISES:
      return "Builds interoperability in every military treaty the members share, and with it "
             "their credibility.";
    case pb::CONFIDENCE_BUILDING:
      return "Transparency among members: their power projection reads as less offensive (the "
             "security dilemma damped).";
    case pb::NEUTRALITY:
      return "The 'friendship' treaty of a Finlandized state with its pressurer: it damps the "
             "pressure, and cannot be renounced while Finlandized.";
    default: return "";
  }
}

const char* pressure_kind_label(pb::PressureKind kind) {
  switch (kind) {
    case pb::DIPLOMATIC: return "Diplomatic";
    case pb::ECONOMIC: return "Economic";
    case pb::MILITARY_POSTURE: return "Military posture";
    default: return "Pressure";
  }
}

const char* pressure_kind_description(pb::PressureKind kind) {
  switch (kind) {
    case pb::DIPLOMATIC: return "Demarches and isolation: the target loses stability.";
    case pb::ECONOMIC: return "Trade restrictions: the target loses GDP.";
    case pb::MILITARY_POSTURE:
      return "Forces massed at the border: coercion that weighs on the target's resolve.";
    default: return "";
  }
}

const char* finland_status_label(pb::FinlandStatus status) {
  switch (status) {
    case pb::ACCOMMODATING: return "accommodating";
    case pb::FINLANDIZED: return "Finlandized";
    default: return "independent";
  }
}

const char* lean_label(pb::GovernmentLean lean) {
  switch (lean) {
    case pb::LEAN_HAWKISH: return "hawkish";
    case pb::LEAN_DOVISH: return "dovish";
    default: return "centrist";
  }
}

const char* topic_label(pb::ReportTopic topic) {
  switch (topic) {
    case pb::TOPIC_BUDGET: return "Budget";
    case pb::TOPIC_ECONOMY: return "Economy";
    case pb::TOPIC_TREATY: return "Treaties";
    case pb::TOPIC_AID: return "Military aid";
    case pb::TOPIC_SANCTION: return "Sanctions";
    case pb::TOPIC_PRESSURE: return "Pressure";
    case pb::TOPIC_INTENTIONS: return "Intentions";
    case pb::TOPIC_THREAT: return "Threat";
    case pb::TOPIC_FINLANDIZATION: return "Finlandization";
    case pb::TOPIC_COMPLIANCE: return "Compliance";
    case pb::TOPIC_DOMESTIC: return "Domestic politics";
    case pb::TOPIC_EVENT: return "Events";
    case pb::TOPIC_SCORE: return "Score";
    case pb::TOPIC_END: return "The end";
    case pb::TOPIC_ORDER: return "Orders";
    default: return "Other";
  }
}

// --- Numbers ----------------------------------------------------------------------------------

std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string signed_fixed(double value, int decimals) {
  const double shown = std::abs(value) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : value;
  char buf[64];
  std::snprintf(buf, sizeof buf, shown > 0 ? "+%.*f" : "%.*f", decimals, shown);
  return buf;
}

std::string percent_of_bp(double bp, int decimals) { return fixed(bp / 100.0, decimals) + " %"; }

std::string money(double billions) {
  // A small state's budget lines are a few millions: "0.0 bn" would say nothing.
  if (std::abs(billions) >= 1.0 || billions == 0.0) return fixed(billions, 1) + " bn";
  const double millions = billions * 1000.0;
  return fixed(millions, std::abs(millions) >= 100.0 ? 0 : 1) + " m";
}

// --- The view ---------------------------------------------------------------------------------

std::vector<std::string> state_ids(const pb::PlayerView& view) {
  std::vector<std::string> ids;
  if (!view.own().id().empty()) ids.push_back(view.own().id());
  for (const auto& other : view.others()) ids.push_back(other.id());
  return ids;
}

std::string name_of(const pb::PlayerView& view, const std::string& id) {
  if (view.own().id() == id && !view.own().name().empty()) return view.own().name();
  if (const pb::StateView* other = find_other(view, id); other && !other->name().empty())
    return other->name();
  return id;
}

const pb::StateView* find_other(const pb::PlayerView& view, const std::string& id) {
  for (const auto& other : view.others())
    if (other.id() == id) return &other;
  return nullptr;
}

const pb::Relation* own_relation(const pb::PlayerView& view, const std::string& other) {
  for (const auto& rel : view.own().relations())
    if (rel.other() == other) return &rel;
  return nullptr;
}

const pb::Treaty* find_treaty(const pb::PlayerView& view, int id) {
  for (const auto& t : view.treaties())
    if (t.id() == id) return &t;
  return nullptr;
}

bool is_member(const pb::Treaty& treaty, const std::string& state) {
  return std::any_of(treaty.members().begin(), treaty.members().end(),
                     [&](const pb::MemberStanding& m) { return m.state() == state; });
}

std::string treaty_title(const pb::Treaty& treaty) {
  std::string type = treaty_type_label(treaty.type());
  if (!treaty.name().empty()) return treaty.name() + " (" + type + ")";
  return type + " " + std::to_string(treaty.id());
}

std::string terms_summary(const pb::TreatyTerms& t) {
  std::string out;
  out += t.spending_floor_bp() > 0 ? "floor " + percent_of_bp(t.spending_floor_bp()) + " of GDP"
                                   : std::string("no spending floor");
  if (t.contribution_bp() > 0)
    out += ", contribution " + percent_of_bp(t.contribution_bp()) + " of revenue";
  out += t.duration() > 0 ? ", " + std::to_string(t.duration()) + " turns" : ", open-ended";
  if (t.review_period() > 0) out += ", review every " + std::to_string(t.review_period());
  out += ", exit notice " + std::to_string(t.exit_notice());
  return out;
}

std::string member_names(const pb::PlayerView& view, const pb::Treaty& treaty) {
  std::string out;
  for (const auto& m : treaty.members()) {
    if (!out.empty()) out += ", ";
    out += name_of(view, m.state());
  }
  return out;
}

std::string period_of(const pb::PlayerView& view, int turn) {
  const int index = std::max(turn, 1) - 1;
  if (view.turn_length() == pb::QUARTER)
    return "Q" + std::to_string(index % 4 + 1) + " " +
           std::to_string(view.start_year() + index / 4);
  return std::to_string(view.start_year() + index);
}

double years_per_turn(const pb::PlayerView& view) {
  return view.turn_length() == pb::QUARTER ? 0.25 : 1.0;
}

pb::FinlandStatus strongest_status(const pb::PlayerView& view, const std::string& id) {
  pb::FinlandStatus strongest = pb::INDEPENDENT;
  auto raise = [&](pb::FinlandStatus s) {
    if (s > strongest) strongest = s;
  };
  if (view.own().id() == id) {
    for (const auto& rel : view.own().relations()) raise(rel.finland_status());
  } else if (const pb::StateView* other = find_other(view, id)) {
    for (const auto& rel : other->public_relations()) raise(rel.finland_status());
  }
  return strongest;
}

std::string describe_order(const pb::PlayerView& view, const pb::Order& order) {
  auto proposal_text = [&](int id) {
    for (const auto& p : view.proposals())
      if (p.id() == id)
        return "proposal " + std::to_string(id) + " (" +
               (p.accession_to() != 0 ? "request to join a " : "") + treaty_type_label(p.type()) +
               " from " + name_of(view, p.proposer()) + ")";
    return "proposal " + std::to_string(id);
  };
  switch (order.kind_case()) {
    case pb::Order::kSetBudget: return "Budget";
    case pb::Order::kProposeTreaty: {
      const auto& o = order.propose_treaty();
      std::string members;
      for (const auto& m : o.members()) members += (members.empty() ? "" : ", ") + name_of(view, m);
      return std::string("Propose a ") + treaty_type_label(o.type()) +
             (o.name().empty() ? "" : " \"" + o.name() + "\"") + " with " + members + " (" +
             terms_summary(o.terms()) + ")";
    }
    case pb::Order::kAcceptProposal:
      return "Accept " + proposal_text(order.accept_proposal().proposal_id());
    case pb::Order::kRejectProposal:
      return "Reject " + proposal_text(order.reject_proposal().proposal_id());
    case pb::Order::kCounterProposal:
      return "Counter " + proposal_text(order.counter_proposal().proposal_id()) + " with " +
             terms_summary(order.counter_proposal().terms());
    case pb::Order::kWithdrawFromTreaty: {
      const int id = order.withdraw_from_treaty().treaty_id();
      const pb::Treaty* t = find_treaty(view, id);
      return "Give notice to leave " + (t ? treaty_title(*t) : "treaty " + std::to_string(id));
    }
    case pb::Order::kCancelProposal:
      return "Withdraw your " + proposal_text(order.cancel_proposal().proposal_id());
    case pb::Order::kApplyPressure: {
      const auto& o = order.apply_pressure();
      return "Pressure " + name_of(view, o.target()) + " (" + pressure_kind_label(o.kind()) +
             ", intensity " + std::to_string(o.intensity()) + ")";
    }
    case pb::Order::kOfferGuarantee:
      return "Guarantee the security of " + name_of(view, order.offer_guarantee().target());
    case pb::Order::kSendMilitaryAid:
      return "Send " + money(order.send_military_aid().amount()) + " of military aid to " +
             name_of(view, order.send_military_aid().target());
    case pb::Order::kJoinSanction:
      return "Sanction " + name_of(view, order.join_sanction().target());
    case pb::Order::kLiftSanction:
      return "Lift the sanction on " + name_of(view, order.lift_sanction().target());
    case pb::Order::kBandwagon:
      return "Seek the protection of " + name_of(view, order.bandwagon().protector());
    case pb::Order::kRequestAccession: {
      const int id = order.request_accession().treaty_id();
      const pb::Treaty* t = find_treaty(view, id);
      return "Ask to join " + (t ? treaty_title(*t) : "treaty " + std::to_string(id)) +
             " on its terms";
    }
    case pb::Order::KIND_NOT_SET: break;
  }
  return "An empty order";
}

TurnMoney turn_money(const pb::PlayerView& view) {
  TurnMoney m;
  const pb::State& own = view.own();
  m.revenue = own.gdp() * own.tax_share() * years_per_turn(view);
  for (const auto& t : view.treaties())
    if (is_member(t, own.id())) m.contribution_bp += t.terms().contribution_bp();
  // A state cannot pay more than it collects: contributions shrink together past 100 %.
  const double scale =
      m.contribution_bp > kFullBudgetBp ? double(kFullBudgetBp) / m.contribution_bp : 1.0;
  m.contributions = m.revenue * m.contribution_bp * scale / kFullBudgetBp;
  m.spendable = m.revenue - m.contributions;
  return m;
}

// --- Colours ----------------------------------------------------------------------------------

ImU32 parse_color(const std::string& hex, float alpha) {
  unsigned r = 0, g = 0, b = 0;
  const auto a = static_cast<unsigned>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
  if (hex.size() == 7 && hex[0] == '#' &&
      std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b) == 3)
    return IM_COL32(r, g, b, a);
  return IM_COL32(128, 128, 128, a);
}

ImU32 treaty_type_color(pb::TreatyType type) {
  switch (type) {
    case pb::MUTUAL_DEFENSE: return IM_COL32(80, 160, 255, 255);
    case pb::NON_AGGRESSION: return IM_COL32(170, 170, 170, 255);
    case pb::MILITARY_AID: return IM_COL32(90, 210, 120, 255);
    case pb::JOINT_EXERCISES: return IM_COL32(60, 200, 200, 255);
    case pb::CONFIDENCE_BUILDING: return IM_COL32(200, 170, 255, 255);
    case pb::NEUTRALITY: return IM_COL32(240, 200, 80, 255);
    default: return IM_COL32(150, 150, 150, 255);
  }
}

ImVec4 status_color(pb::FinlandStatus status) {
  switch (status) {
    case pb::ACCOMMODATING: return kWarn;
    case pb::FINLANDIZED: return kBad;
    default: return kGood;
  }
}

ImVec4 danger_color(double value) {
  const float t = static_cast<float>(std::clamp(value, 0.0, 100.0) / 100.0);
  const ImVec4 green{0.35f, 0.75f, 0.35f, 1.0f}, amber{0.95f, 0.70f, 0.20f, 1.0f},
      red{0.90f, 0.25f, 0.25f, 1.0f};
  auto mix = [](ImVec4 a, ImVec4 b, float f) {
    return ImVec4(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, a.z + (b.z - a.z) * f, 1.0f);
  };
  return t < 0.5f ? mix(green, amber, t * 2.0f) : mix(amber, red, (t - 0.5f) * 2.0f);
}

std::map<std::string, ImU32> alliance_colors(const pb::PlayerView& view) {
  const std::vector<std::string> ids = state_ids(view);
  std::map<std::string, int> index;
  for (int i = 0; i < static_cast<int>(ids.size()); ++i) index[ids[i]] = i;
  std::vector<int> parent(ids.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const auto& t : view.treaties()) {
    if (t.type() != pb::MUTUAL_DEFENSE || t.members_size() < 2) continue;
    auto first = index.find(t.members(0).state());
    if (first == index.end()) continue;
    for (const auto& m : t.members()) {
      auto it = index.find(m.state());
      if (it != index.end()) parent[root(it->second)] = root(first->second);
    }
  }
  auto gdp_of = [&](const std::string& id) {
    if (id == view.own().id()) return view.own().gdp();
    const pb::StateView* other = find_other(view, id);
    return other ? other->gdp() : 0.0;
  };
  auto color_of = [&](const std::string& id) {
    if (id == view.own().id()) return view.own().color();
    const pb::StateView* other = find_other(view, id);
    return other ? other->color() : std::string();
  };
  // The bloc takes the colour of its largest economy.
  std::map<int, std::string> leader;
  for (const auto& id : ids) {
    const int r = root(index[id]);
    auto it = leader.find(r);
    if (it == leader.end() || gdp_of(id) > gdp_of(it->second)) leader[r] = id;
  }
  std::map<std::string, ImU32> out;
  for (const auto& id : ids) out[id] = parse_color(color_of(leader[root(index[id])]));
  return out;
}

// --- Widgets ----------------------------------------------------------------------------------

std::vector<std::pair<std::size_t, std::size_t>> wrap_lines(
    const std::string& text, float width,
    const std::function<float(std::size_t, std::size_t)>& measure) {
  std::vector<std::pair<std::size_t, std::size_t>> lines;
  // A space may break the line unless a unit follows it.
  const auto breaks_at = [&](std::size_t i) {
    if (text[i] != ' ') return false;
    const std::size_t next = i + 1;
    return !(next < text.size() && (text[next] == '%' || text.compare(next, 2, "bn") == 0));
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t newline = std::min(text.find('\n', start), text.size());
    // The longest run of whole words from `start` that fits, at least one word.
    std::size_t end = start, fits = std::string::npos;
    while (true) {
      std::size_t next = end;
      while (next < newline && !breaks_at(next)) ++next;
      if (fits != std::string::npos && measure(start, next) > width) break;
      fits = next;
      if (next >= newline) break;
      end = next + 1;
    }
    lines.emplace_back(start, fits);
    if (fits >= text.size()) break;
    start = fits + 1;  // past the space or the newline
  }
  return lines;
}

void text_wrapped(const std::string& text) {
  const float width = std::max(1.0f, ImGui::GetContentRegionAvail().x);
  const char* base = text.c_str();
  ImGui::BeginGroup();  // the lines after the first start where it did (after a bullet, say)
  for (const auto& [begin, end] : wrap_lines(text, width, [&](std::size_t b, std::size_t e) {
         return ImGui::CalcTextSize(base + b, base + e).x;
       }))
    ImGui::TextUnformatted(base + begin, base + end);
  ImGui::EndGroup();
}

void help_marker(const char* text) {
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void hint(const char* text) {
  if (ImGui::CalcTextSize(text).x <= ImGui::GetContentRegionAvail().x)
    ImGui::TextDisabled("%s", text);
  else
    help_marker(text);
}

bool state_combo(const char* label, const pb::PlayerView& view, std::string& id,
                 bool include_self) {
  bool changed = false;
  const std::string shown = id.empty() ? std::string("(choose a state)") : name_of(view, id);
  if (ImGui::BeginCombo(label, shown.c_str())) {
    for (const auto& candidate : state_ids(view)) {
      if (!include_self && candidate == view.own().id()) continue;
      const std::string item = name_of(view, candidate) + " (" + candidate + ")";
      const bool is_selected = candidate == id;
      if (ImGui::Selectable(item.c_str(), is_selected)) {
        changed = candidate != id;
        id = candidate;
      }
      if (is_selected) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
  }
  return changed;
}

void value_bar(double value, ImVec4 color, float width, const char* overlay) {
  const std::string text = overlay ? std::string(overlay) : fixed(value, 1);
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, color);
  ImGui::ProgressBar(static_cast<float>(std::clamp(value, 0.0, 100.0) / 100.0),
                     ImVec2(width > 0 ? width : -FLT_MIN, ImGui::GetTextLineHeight()),
                     text.c_str());
  ImGui::PopStyleColor();
}

void send_buttons(MatchModel& model, const MatchActions& actions, const pb::OrderSet& orders) {
  OrderDraft& draft = model.draft;
  const bool balanced = allocation_total(draft.allocation) == kFullBudgetBp;
  const bool can_send = balanced && !model.view.ended() && !model.spectator() && actions.submit;
  ImGui::BeginDisabled(!can_send);
  if (ImGui::Button("Send")) {
    actions.submit(orders, false);
    draft.dirty = false;
  }
  ImGui::SameLine();
  if (ImGui::Button("Send & ready")) {
    actions.submit(orders, true);
    draft.dirty = false;
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  const int others = static_cast<int>(draft.orders.size());
  if (!balanced)
    ImGui::TextColored(kBad, "The budget must sum to 100 %% before you can send.");
  else if (draft.dirty)
    ImGui::TextColored(kWarn, "Unsent changes (the budget and %d other order%s).", others,
                       others == 1 ? "" : "s");
  else if (model.last_accepted && model.last_accepted->turn() == draft.turn)
    ImGui::TextColored(kGood, "Sent%s.", model.ready ? "; you are ready" : "");
  else
    ImGui::TextDisabled("Nothing sent yet: without orders your standing budget holds.");
}

void change_text(double before, double after, int decimals, bool higher_is_better) {
  ImGui::Text("%s -> %s", fixed(before, decimals).c_str(), fixed(after, decimals).c_str());
  const double change = after - before;
  const bool flat = std::abs(change) < 0.5 * std::pow(10.0, -decimals);
  ImGui::SameLine();
  const ImVec4 color = flat ? kDim : ((change > 0) == higher_is_better ? kGood : kBad);
  ImGui::TextColored(color, "(%s)", signed_fixed(change, decimals).c_str());
}

}  // namespace hegemon::client
