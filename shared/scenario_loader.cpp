#include "shared/scenario_loader.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "protocol/world.pb.h"
#include "shared/resolve.h"
#include "shared/schema_adapter.h"
#include "shared/scoring.h"

namespace hegemon {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using google::protobuf::TextFormat;
using ParseInfoTree = TextFormat::ParseInfoTree;

constexpr int kMaxTurns = 400;
// The map and the threat matrix grow with the square of this; a class exercise has a few dozen.
constexpr int kMaxStates = 100;
constexpr int kStateIdMaxLength = 12;
constexpr int kMapExtent = 1000;
constexpr double kDefaultKmPerMapUnit = 12;
constexpr int kMaxTermBasisPoints = 5000;
// Allies who start a scenario already bound by a defense pact or exercises have trained together
// a little; everyone else starts from nothing.
constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// A place in a text, counted from 1 as editors count.
struct TextPosition {
  int line = 1;
  int column = 1;
};

std::string number(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) return "?";
  return std::string(buffer, end);
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

/// Keeps protobuf's first syntax error and where it happened.
class SyntaxErrorCollector : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (found_) return;
    found_ = true;
    // protobuf counts from 0, and says -1 when it has no place to name.
    at_ = TextPosition{std::max(line, 0) + 1, std::max(column, 0) + 1};
    message_ = message;
  }

  bool found() const { return found_; }
  TextPosition at() const { return at_; }
  const std::string& message() const { return message_; }

 private:
  bool found_ = false;
  TextPosition at_;
  std::string message_;
};

/// The problems found in one text, each at its place, turned into one ScenarioError at the end
/// so that an author sees every mistake of a file at once rather than one per attempt.
class Problems {
 public:
  explicit Problems(std::string path) : path_(std::move(path)) {}

  void add(TextPosition at, const std::string& problem) {
    ++count_;
    if (count_ > kListed) return;
    if (!text_.empty()) text_ += '\n';
    text_ += path_ + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
             problem;
  }

  bool empty() const { return count_ == 0; }

  void throw_if_any() const {
    if (count_ == 0) return;
    std::string all = text_;
    if (count_ > kListed)
      all += "\n" + path_ + ": " + std::to_string(count_ - kListed) + " more problems not listed";
    throw ScenarioError(all);
  }

 private:
  static constexpr int kListed = 20;
  std::string path_;
  std::string text_;
  int count_ = 0;
};

/// Where the fields of one parsed message were written. A field the text left out is placed at
/// the message itself, which is the nearest thing an author can look at.
class Located {
 public:
  Located(const Descriptor* type, const ParseInfoTree* tree, TextPosition self)
      : type_(type), tree_(tree), self_(self) {}

  TextPosition self() const { return self_; }

  /// Where `field` (its `index`-th value, when repeated) was written.
  TextPosition at(const char* field, int index = 0) const {
    const FieldDescriptor* descriptor = type_->FindFieldByName(field);
    if (tree_ == nullptr || descriptor == nullptr) return self_;
    auto location = tree_->GetLocation(descriptor, descriptor->is_repeated() ? index : -1);
    // A list written as `members: ["A", "B"]` is recorded once, at its opening bracket.
    if (location.line < 0 && descriptor->is_repeated() && index > 0)
      location = tree_->GetLocation(descriptor, 0);
    if (location.line < 0) return self_;
    return TextPosition{location.line + 1, location.column + 1};
  }

  /// The places inside the message value of `field`.
  Located nested(const char* field, int index = 0) const {
    const FieldDescriptor* descriptor = type_->FindFieldByName(field);
    if (descriptor == nullptr || descriptor->message_type() == nullptr)
      return Located(type_, nullptr, self_);
    const ParseInfoTree* tree =
        tree_ == nullptr
            ? nullptr
            : tree_->GetTreeForNested(descriptor, descriptor->is_repeated() ? index : -1);
    return Located(descriptor->message_type(), tree, at(field, index));
  }

 private:
  const Descriptor* type_;
  const ParseInfoTree* tree_;
  TextPosition self_;
};

/// Parses `text` into `message`, recording where each field was written into `tree`.
void parse_text(std::string_view text, const std::string& path, Message& message,
                ParseInfoTree& tree) {
  SyntaxErrorCollector errors;
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&tree);
  if (parser.ParseFromString(std::string(text), &message)) return;
  Problems problems(path);
  problems.add(errors.at(), errors.found() ? errors.message() : "the text could not be read");
  problems.throw_if_any();
}

// --- Range checks -----------------------------------------------------------------------------

/// The lowest and highest value a number may take. NaN and infinities never pass.
struct Range {
  double lo = 0;
  double hi = kInfinity;
  bool lo_exclusive = false;  // the value must be above lo, not merely at it
  bool hi_exclusive = false;

  bool contains(double value) const {
    if (!std::isfinite(value)) return false;
    if (lo_exclusive ? !(value > lo) : !(value >= lo)) return false;
    if (hi_exclusive ? !(value < hi) : !(value <= hi)) return false;
    return true;
  }

  std::string rule() const {
    std::string low = (lo_exclusive ? "greater than " : "at least ") + number(lo);
    if (hi == kInfinity) return low;
    if (!lo_exclusive && !hi_exclusive) return "between " + number(lo) + " and " + number(hi);
    return low + " and " + (hi_exclusive ? "less than " : "at most ") + number(hi);
  }
};

constexpr Range kNonNegative{0, kInfinity, false, false};
constexpr Range kPositive{0, kInfinity, true, false};
constexpr Range kPercentScale{0, 100, false, false};

/// Adds a problem when `value` is outside `range`: "<who>: <field> is <value>; it must be ...".
void check_range(Problems& problems, TextPosition at, const std::string& who, const char* field,
                 double value, Range range) {
  if (range.contains(value)) return;
  problems.add(at, (who.empty() ? std::string() : who + ": ") + field + " is " + number(value) +
                       "; it must be " + range.rule());
}

// --- The ruleset ------------------------------------------------------------------------------

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// Fields that are fractions of something (a share of a stock lost per year, a multiplier that
/// only ever damps): above 1 they would turn a loss into a gain or a discount into a bonus.
bool is_fraction(const std::string& field) {
  return ends_with(field, "_depreciation") || ends_with(field, "_decay") ||
         ends_with(field, "_share") || ends_with(field, "_discount") ||
         ends_with(field, "_damping") || ends_with(field, "_forgiveness") ||
         field == "starting_interoperability" || field == "proximity_floor" ||
         field == "stability_reversion" || field == "government_change_defense_cut" ||
         field == "review_min_cohesion";
}

/// Fields on the 0..100 stability scale.
bool is_stability_level(const std::string& field) {
  return field == "stability_resting_level" || field == "government_change_threshold" ||
         field == "government_change_reset";
}

/// Every numeric field of the ruleset, generically: a field added to ruleset.proto is checked
/// without anyone remembering to add a line here.
void check_ruleset_numbers(const Ruleset& ruleset, const Located& where, Problems& problems) {
  const Descriptor* type = ruleset.GetDescriptor();
  const Reflection* reflection = ruleset.GetReflection();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (field->is_repeated()) continue;
    double value = 0;
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_DOUBLE: value = reflection->GetDouble(ruleset, field); break;
      case FieldDescriptor::CPPTYPE_FLOAT: value = reflection->GetFloat(ruleset, field); break;
      case FieldDescriptor::CPPTYPE_INT32: value = reflection->GetInt32(ruleset, field); break;
      case FieldDescriptor::CPPTYPE_INT64:
        value = static_cast<double>(reflection->GetInt64(ruleset, field));
        break;
      default: continue;
    }
    const std::string& name = field->name();
    Range range = kNonNegative;
    // The one signed constant: the lowest growth a turn may bring is a recession.
    if (name == "growth_floor") range = Range{-1, kInfinity, false, false};
    if (is_fraction(name)) range.hi = 1;
    if (is_stability_level(name)) range.hi = 100;
    check_range(problems, where.at(name.c_str()), "", name.c_str(), value, range);
  }
}

/// A doctrine's numbers are weights, shares and thresholds: none negative, shares at most 1.
void check_doctrines(const Ruleset& r, const Located& where, Problems& problems) {
  std::set<std::string> names;
  for (int i = 0; i < r.doctrines_size(); ++i) {
    const pb::Doctrine& d = r.doctrines(i);
    const Located at = where.nested("doctrines", i);
    if (d.name().empty()) problems.add(at.at("name"), "a doctrine has no name");
    else if (!names.insert(d.name()).second)
      problems.add(at.at("name"), "two doctrines are called " + quoted(d.name()));
    const Descriptor* type = d.GetDescriptor();
    const Reflection* reflection = d.GetReflection();
    for (int f = 0; f < type->field_count(); ++f) {
      const FieldDescriptor* field = type->field(f);
      double value = 0;
      switch (field->cpp_type()) {
        case FieldDescriptor::CPPTYPE_DOUBLE: value = reflection->GetDouble(d, field); break;
        case FieldDescriptor::CPPTYPE_INT32: value = reflection->GetInt32(d, field); break;
        default: continue;
      }
      Range range = kNonNegative;
      const std::string& name = field->name();
      if (name.find("share") != std::string::npos || name == "ally_reliance" ||
          name == "publish_propensity" || name == "reconsider_publication" || name == "initiative" ||
          name == "budget_noise")
        range.hi = 1;
      check_range(problems, at.at(name.c_str()), "doctrine " + quoted(d.name()), name.c_str(),
                  value, range);
    }
  }
}

void check_ruleset(const Ruleset& r, const Located& where, Problems& problems) {
  if (r.name().empty()) problems.add(where.at("name"), "the ruleset has no name");
  check_ruleset_numbers(r, where, problems);
  check_doctrines(r, where, problems);

  const std::pair<const char*, double> must_be_positive[] = {
      {"proximity_distance_scale", r.proximity_distance_scale()},
      {"estimate_intelligence_scale", r.estimate_intelligence_scale()},
      {"estimate_drift_period", r.estimate_drift_period()},
      {"estimate_redraw_step", r.estimate_redraw_step()},
      {"tech_ceiling", r.tech_ceiling()},
      {"guarantee_duration", r.guarantee_duration()},
      {"proposal_lifetime", r.proposal_lifetime()},
  };
  for (const auto& [field, value] : must_be_positive)
    if (value == 0) check_range(problems, where.at(field), "", field, value, kPositive);
  if (r.finland_min_power_ratio() >= 0)
    check_range(problems, where.at("finland_min_power_ratio"), "", "finland_min_power_ratio",
                r.finland_min_power_ratio(), Range{1, kInfinity, true, false});
  if (r.growth_floor() > r.growth_ceiling())
    problems.add(where.at("growth_ceiling"), "growth_ceiling (" + number(r.growth_ceiling()) +
                                                 ") is below growth_floor (" +
                                                 number(r.growth_floor()) + ")");

  // Hysteresis: a state enters a status above one threshold and leaves it below a lower one.
  const double levels[] = {0,
                           r.accommodation_leave(),
                           r.accommodation_enter(),
                           r.finlandized_leave(),
                           r.finlandized_enter(),
                           100};
  const bool ordered = levels[0] < levels[1] && levels[1] < levels[2] && levels[2] <= levels[3] &&
                       levels[3] < levels[4] && levels[4] <= levels[5];
  if (!ordered)
    problems.add(where.at("accommodation_enter"),
                 "the Finlandization thresholds must be ordered 0 < accommodation_leave (" +
                     number(r.accommodation_leave()) + ") < accommodation_enter (" +
                     number(r.accommodation_enter()) + ") <= finlandized_leave (" +
                     number(r.finlandized_leave()) + ") < finlandized_enter (" +
                     number(r.finlandized_enter()) + ") <= 100");
}

// --- The scenario -----------------------------------------------------------------------------

bool is_valid_state_id(const std::string& id) {
  if (id.empty() || id.size() > static_cast<std::size_t>(kStateIdMaxLength)) return false;
  for (char c : id)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

/// Checks what a scenario says against the rules of the format and the ruleset's bounds, adding
/// each problem at the line of the entry it concerns.
class ScenarioChecker {
 public:
  ScenarioChecker(const pb::Scenario& scenario, const Ruleset& ruleset, const Located& where,
                  Problems& problems)
      : scenario_(scenario), ruleset_(ruleset), where_(where), problems_(problems) {}

  void check() {
    check_header();
    for (int i = 0; i < scenario_.states_size(); ++i) check_state_id(i);
    for (int i = 0; i < scenario_.states_size(); ++i) check_state(i);
    check_borders();
    check_distances();
    for (int i = 0; i < scenario_.starting_treaties_size(); ++i) check_treaty(i);
    for (int i = 0; i < scenario_.events_size(); ++i) check_event(i);
    for (int i = 0; i < scenario_.objectives_size(); ++i) check_objective(i);
    for (int i = 0; i < scenario_.end_conditions_size(); ++i) check_end_condition(i);
  }

 private:
  void check_header() {
    if (scenario_.name().empty()) problems_.add(where_.at("name"), "the scenario has no name");
    if (scenario_.ruleset().empty())
      problems_.add(where_.at("ruleset"), "the scenario names no ruleset");
    check_range(problems_, where_.at("turns"), "", "turns", scenario_.turns(),
                Range{1, kMaxTurns, false, false});
    if (scenario_.turn_length() != pb::YEAR && scenario_.turn_length() != pb::QUARTER)
      problems_.add(where_.at("turn_length"), "turn_length must be YEAR or QUARTER");
    check_range(problems_, where_.at("km_per_map_unit"), "", "km_per_map_unit",
                scenario_.km_per_map_unit(), kNonNegative);
    const int n = scenario_.states_size();
    if (n < 2)
      problems_.add(where_.at("states"), "the scenario has " + std::to_string(n) +
                                             (n == 1 ? " state" : " states") +
                                             "; it needs at least 2");
    if (n > kMaxStates)
      problems_.add(where_.at("states", kMaxStates),
                    "the scenario has " + std::to_string(n) + " states; at most " +
                        std::to_string(kMaxStates) + " are supported");
  }

  void check_state_id(int i) {
    const pb::State& state = scenario_.states(i);
    const Located at = where_.nested("states", i);
    if (!is_valid_state_id(state.id())) {
      problems_.add(at.at("id"), "state " + std::to_string(i + 1) + ": id " +
                                     quoted(state.id()) +
                                     " must be 1 to 12 characters of A-Z, 0-9 or _");
      return;
    }
    auto [first, inserted] = ids_.emplace(state.id(), at.at("id"));
    if (!inserted)
      problems_.add(at.at("id"), "state id " + quoted(state.id()) +
                                     " is already used by the state at line " +
                                     std::to_string(first->second.line));
  }

  void check_state(int i) {
    const pb::State& s = scenario_.states(i);
    const Located at = where_.nested("states", i);
    const std::string who = "state " + quoted(s.id());
    if (s.name().empty()) problems_.add(at.at("name"), who + ": has no name");
    check_range(problems_, at.at("gdp"), who, "gdp", s.gdp(), kPositive);
    check_range(problems_, at.at("population"), who, "population", s.population(), kPositive);
    check_range(problems_, at.at("tax_share"), who, "tax_share", s.tax_share(),
                Range{0, 0.8, true, false});
    check_range(problems_, at.at("growth"), who, "growth", s.growth(),
                Range{-0.2, 0.3, false, false});
    check_range(problems_, at.at("territorial_defense"), who, "territorial_defense",
                s.territorial_defense(), kNonNegative);
    check_range(problems_, at.at("power_projection"), who, "power_projection",
                s.power_projection(), kNonNegative);
    check_range(problems_, at.at("technology"), who, "technology", s.technology(),
                Range{0, ruleset_.tech_ceiling(), true, false});
    check_range(problems_, at.at("stability"), who, "stability", s.stability(), kPercentScale);
    check_range(problems_, at.at("reputation"), who, "reputation", s.reputation(),
                kPercentScale);
    check_range(problems_, at.at("influence"), who, "influence", s.influence(), kNonNegative);
    check_range(problems_, at.at("intelligence"), who, "intelligence", s.intelligence(),
                kNonNegative);
    check_range(problems_, at.at("government_changes"), who, "government_changes",
                s.government_changes(), kNonNegative);
    if (!s.doctrine().empty()) {
      bool known = false;
      std::string names;
      for (const auto& d : ruleset_.doctrines()) {
        known = known || d.name() == s.doctrine();
        names += (names.empty() ? "" : ", ") + d.name();
      }
      if (!known)
        problems_.add(at.at("doctrine"), who + ": the ruleset " + quoted(ruleset_.name()) +
                                             " has no doctrine " + quoted(s.doctrine()) +
                                             " (it has: " + (names.empty() ? "none" : names) +
                                             ")");
    }
    if (!from_proto(s.lean()))
      problems_.add(at.at("lean"), who + ": lean must be LEAN_CENTRIST, LEAN_HAWKISH or "
                                         "LEAN_DOVISH");
    check_range(problems_, at.at("map_x"), who, "map_x", s.map_x(), Range{0, kMapExtent});
    check_range(problems_, at.at("map_y"), who, "map_y", s.map_y(), Range{0, kMapExtent});
    check_allocation(s, at, who);
    for (int r = 0; r < s.relations_size(); ++r) check_relation(s, r, at.nested("relations", r));
  }

  void check_allocation(const pb::State& s, const Located& state_at, const std::string& who) {
    const pb::Allocation& a = s.allocation();
    const Located at = state_at.nested("allocation");
    const std::pair<const char*, std::int32_t> shares[] = {
        {"territorial_defense", a.territorial_defense()},
        {"power_projection", a.power_projection()},
        {"economy", a.economy()},
        {"welfare", a.welfare()},
        {"research", a.research()},
        {"diplomacy", a.diplomacy()},
        {"intelligence", a.intelligence()},
    };
    std::int64_t total = 0;
    bool negative = false;
    for (const auto& [field, bp] : shares) {
      total += bp;
      if (bp < 0) {
        negative = true;
        problems_.add(at.at(field), who + ": allocation " + field + " is " + std::to_string(bp) +
                                        " basis points; a share cannot be negative");
      }
    }
    if (!negative && total != kBasisPoints)
      problems_.add(at.self(), who + ": allocation sums to " + std::to_string(total) +
                                   " basis points; it must sum to " +
                                   std::to_string(kBasisPoints));
  }

  void check_relation(const pb::State& holder, int r, const Located& at) {
    const pb::Relation& relation = holder.relations(r);
    const std::string who = "state " + quoted(holder.id()) + ", relation toward " +
                            quoted(relation.other());
    if (relation.other() == holder.id()) {
      problems_.add(at.at("other"), "state " + quoted(holder.id()) +
                                        ": a relation cannot be toward the state itself");
    } else if (require_state(relation.other(), at.at("other"),
                             "state " + quoted(holder.id()) + ": relation")) {
      for (int earlier = 0; earlier < r; ++earlier)
        if (holder.relations(earlier).other() == relation.other()) {
          problems_.add(at.at("other"), who + ": listed twice");
          break;
        }
    }
    check_range(problems_, at.at("hostility"), who, "hostility", relation.hostility(),
                kNonNegative);
    check_range(problems_, at.at("finland_level"), who, "finland_level", relation.finland_level(),
                kPercentScale);
    if (!from_proto(relation.finland_status()))
      problems_.add(at.at("finland_status"),
                    who + ": finland_status must be INDEPENDENT, ACCOMMODATING or FINLANDIZED");
  }

  /// True when `id` names a state of the scenario; otherwise adds "<who> names unknown ...".
  bool require_state(const std::string& id, TextPosition at, const std::string& who) {
    if (ids_.count(id) != 0) return true;
    if (id.empty())
      problems_.add(at, who + " names no state");
    else
      problems_.add(at, who + " names " + quoted(id) + ", which is not a state of this scenario");
    return false;
  }

  /// Both ends of a border or distance: known and different. True when the pair is usable.
  bool check_pair(const std::string& a, const std::string& b, const Located& at,
                  const std::string& what) {
    const bool a_known = require_state(a, at.at("a"), what);
    const bool b_known = require_state(b, at.at("b"), what);
    if (!a_known || !b_known) return false;
    if (a == b) {
      problems_.add(at.self(), what + " joins " + quoted(a) + " to itself");
      return false;
    }
    return true;
  }

  void check_borders() {
    std::map<std::pair<std::string, std::string>, TextPosition> seen;
    for (int i = 0; i < scenario_.borders_size(); ++i) {
      const pb::Border& border = scenario_.borders(i);
      const Located at = where_.nested("borders", i);
      if (!check_pair(border.a(), border.b(), at, "a border")) continue;
      auto key = std::minmax(border.a(), border.b());
      auto [first, inserted] = seen.emplace(std::pair(key.first, key.second), at.self());
      if (!inserted)
        problems_.add(at.self(), "the border between " + quoted(border.a()) + " and " +
                                     quoted(border.b()) + " is already listed at line " +
                                     std::to_string(first->second.line));
    }
  }

  void check_distances() {
    std::map<std::pair<std::string, std::string>, TextPosition> seen;
    for (int i = 0; i < scenario_.distances_size(); ++i) {
      const pb::Distance& distance = scenario_.distances(i);
      const Located at = where_.nested("distances", i);
      const std::string what = "a distance";
      check_range(problems_, at.at("km"), "the distance between " + quoted(distance.a()) +
                                              " and " + quoted(distance.b()),
                  "km", distance.km(), kPositive);
      if (!check_pair(distance.a(), distance.b(), at, what)) continue;
      auto key = std::minmax(distance.a(), distance.b());
      auto [first, inserted] = seen.emplace(std::pair(key.first, key.second), at.self());
      if (!inserted)
        problems_.add(at.self(), "the distance between " + quoted(distance.a()) + " and " +
                                     quoted(distance.b()) + " is already given at line " +
                                     std::to_string(first->second.line));
    }
  }

  void check_treaty(int i) {
    const pb::Proposal& treaty = scenario_.starting_treaties(i);
    const Located at = where_.nested("starting_treaties", i);
    const std::string who = "starting treaty " +
                            (treaty.name().empty() ? std::to_string(i + 1) : quoted(treaty.name()));
    if (treaty.type() == pb::TREATY_TYPE_UNSPECIFIED)
      problems_.add(at.at("type"), who + ": has no type");
    else if (!from_proto(treaty.type()))
      problems_.add(at.at("type"), who + ": type " +
                                       std::to_string(static_cast<int>(treaty.type())) +
                                       " does not exist");

    std::vector<std::string> distinct;
    for (int m = 0; m < treaty.members_size(); ++m) {
      const std::string& member = treaty.members(m);
      if (!require_state(member, at.at("members", m), who + ": a member")) continue;
      bool repeated = false;
      for (const auto& earlier : distinct) repeated = repeated || earlier == member;
      if (repeated)
        problems_.add(at.at("members", m), who + ": " + quoted(member) + " is listed twice");
      else
        distinct.push_back(member);
    }
    // Counted only when every member was usable, so one mistake is not reported twice.
    const int members = static_cast<int>(distinct.size());
    if (members == treaty.members_size()) {
      if (treaty.type() == pb::NEUTRALITY && members != 2)
        problems_.add(at.at("members"), who + ": a neutrality treaty binds exactly 2 states; "
                                              "this one lists " + std::to_string(members));
      else if (members < 2)
        problems_.add(at.at("members"), who + ": has " + std::to_string(members) +
                                            (members == 1 ? " member" : " members") +
                                            "; a treaty needs at least 2");
    }

    const pb::TreatyTerms& terms = treaty.terms();
    const Located terms_at = at.nested("terms");
    const Range basis_points{0, kMaxTermBasisPoints, false, false};
    check_range(problems_, terms_at.at("spending_floor_bp"), who, "spending_floor_bp",
                terms.spending_floor_bp(), basis_points);
    check_range(problems_, terms_at.at("contribution_bp"), who, "contribution_bp",
                terms.contribution_bp(), basis_points);
    check_range(problems_, terms_at.at("duration"), who, "duration", terms.duration(),
                kNonNegative);
    check_range(problems_, terms_at.at("review_period"), who, "review_period",
                terms.review_period(), kNonNegative);
    check_range(problems_, terms_at.at("exit_notice"), who, "exit_notice", terms.exit_notice(),
                kNonNegative);
  }

  void check_event(int i) {
    const pb::ScenarioEvent& event = scenario_.events(i);
    const Located at = where_.nested("events", i);
    const std::string who =
        "event " + (event.headline().empty() ? std::to_string(i + 1) : quoted(event.headline()));
    check_range(problems_, at.at("turn"), who, "turn", event.turn(),
                Range{1, static_cast<double>(std::max(scenario_.turns(), 1))});
    require_state(event.state(), at.at("state"), who);
    if (!event.hostile_toward().empty() &&
        require_state(event.hostile_toward(), at.at("hostile_toward"), who + ": hostile_toward") &&
        event.hostile_toward() == event.state())
      problems_.add(at.at("hostile_toward"), who + ": a state cannot be hostile toward itself");
    check_range(problems_, at.at("hostility"), who, "hostility", event.hostility(), kNonNegative);
    // A relative change of -1 or less would leave nothing (or less than nothing) behind.
    const Range relative_change{-1, kInfinity, true, false};
    check_range(problems_, at.at("gdp_change"), who, "gdp_change", event.gdp_change(),
                relative_change);
    check_range(problems_, at.at("territorial_defense_change"), who,
                "territorial_defense_change", event.territorial_defense_change(),
                relative_change);
    check_range(problems_, at.at("power_projection_change"), who, "power_projection_change",
                event.power_projection_change(), relative_change);
  }

  void check_objective(int i) {
    const pb::Objective& objective = scenario_.objectives(i);
    const Located at = where_.nested("objectives", i);
    const std::string who = "objective " + std::to_string(i + 1);
    require_state(objective.state(), at.at("state"), who);
    const std::optional<ObjectiveKind> kind = from_proto(objective.kind());
    if (!kind) {
      problems_.add(at.at("kind"), who + ": kind must be one of STAY_INDEPENDENT_OF, FINLANDIZE, "
                                         "GDP_GROWTH, IN_ALLIANCE_WITH, KEEP_STABILITY");
      return;
    }
    const bool needs_other = *kind == ObjectiveKind::StayIndependentOf ||
                             *kind == ObjectiveKind::Finlandize ||
                             *kind == ObjectiveKind::InAllianceWith;
    if (needs_other &&
        require_state(objective.other(), at.at("other"), who + ": other") &&
        objective.other() == objective.state())
      problems_.add(at.at("other"), who + ": other must be a state other than " +
                                        quoted(objective.state()));
  }

  void check_end_condition(int i) {
    const pb::EndCondition& condition = scenario_.end_conditions(i);
    const Located at = where_.nested("end_conditions", i);
    const std::string who = "end condition " + std::to_string(i + 1);
    if (!condition.state().empty()) require_state(condition.state(), at.at("state"), who);
    if (!condition.other().empty()) require_state(condition.other(), at.at("other"), who);
    if (condition.state().empty() != condition.other().empty())
      problems_.add(at.self(), who + ": names a state and its pressurer together (state and "
                                     "other), or neither");
    check_range(problems_, at.at("score_reached"), who, "score_reached",
                condition.score_reached(), kNonNegative);
    if (condition.state().empty() && condition.other().empty() && condition.score_reached() == 0)
      problems_.add(at.self(), who + ": names neither states nor a score, so it can never end "
                                     "the match");
  }

  const pb::Scenario& scenario_;
  const Ruleset& ruleset_;
  Located where_;
  Problems& problems_;
  std::map<std::string, TextPosition> ids_;  // valid state ids and where they were given
};

// --- Building the world ---------------------------------------------------------------------

/// The n x n distances, row-major: an explicit entry wins, then 0 for neighbours, then the
/// straight line between the map positions.
std::vector<double> distance_matrix(const pb::Scenario& scenario) {
  const std::size_t n = static_cast<std::size_t>(scenario.states_size());
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index.emplace(scenario.states(static_cast<int>(i)).id(), i);
  const double km_per_unit =
      scenario.km_per_map_unit() > 0 ? scenario.km_per_map_unit() : kDefaultKmPerMapUnit;

  std::vector<double> km(n * n, 0.0);
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = 0; b < n; ++b) {
      if (a == b) continue;
      const pb::State& sa = scenario.states(static_cast<int>(a));
      const pb::State& sb = scenario.states(static_cast<int>(b));
      km[a * n + b] = std::hypot(sa.map_x() - sb.map_x(), sa.map_y() - sb.map_y()) * km_per_unit;
    }
  for (const auto& border : scenario.borders()) {
    const std::size_t a = index.at(border.a()), b = index.at(border.b());
    km[a * n + b] = km[b * n + a] = 0.0;
  }
  for (const auto& distance : scenario.distances()) {
    const std::size_t a = index.at(distance.a()), b = index.at(distance.b());
    km[a * n + b] = km[b * n + a] = distance.km();
  }
  return km;
}

pb::Treaty starting_treaty(const pb::Proposal& entry, int id, const Ruleset& ruleset) {
  pb::Treaty treaty;
  treaty.set_id(id);
  treaty.set_type(entry.type());
  treaty.set_name(entry.name());
  for (const auto& member : entry.members()) {
    pb::MemberStanding* standing = treaty.add_members();
    standing->set_state(member);
    standing->set_compliant(true);
  }
  *treaty.mutable_terms() = entry.terms();
  treaty.set_signed_turn(0);
  treaty.set_cohesion(1.0);
  const bool trained = entry.type() == pb::MUTUAL_DEFENSE || entry.type() == pb::JOINT_EXERCISES;
  treaty.set_interoperability(trained ? ruleset.starting_interoperability() : 0.0);
  return treaty;
}

/// The checked scenario as a saved world at turn 0, so that the adapter does every conversion
/// from ids to positions in one place.
pb::World world_at_turn_zero(const pb::Scenario& scenario, const Ruleset& ruleset,
                             std::uint64_t seed) {
  pb::World saved;
  pb::Scenario* facts = saved.mutable_scenario();
  *facts = scenario;
  facts->clear_states();
  facts->clear_distances();
  facts->clear_starting_treaties();
  facts->clear_km_per_map_unit();
  for (const auto& state : scenario.states()) facts->add_start_gdp(state.gdp());

  *saved.mutable_ruleset() = ruleset;
  saved.set_turn(0);
  saved.set_seed(seed);
  *saved.mutable_states() = scenario.states();
  int next_treaty_id = 1;
  for (const auto& entry : scenario.starting_treaties())
    *saved.add_treaties() = starting_treaty(entry, next_treaty_id++, ruleset);
  saved.set_next_treaty_id(next_treaty_id);
  saved.set_next_proposal_id(1);
  for (double km : distance_matrix(scenario)) saved.add_distance_km(km);
  return saved;
}

}  // namespace

Ruleset parse_ruleset(std::string_view text, const std::string& path) {
  Ruleset ruleset;
  ParseInfoTree tree;
  parse_text(text, path, ruleset, tree);
  Problems problems(path);
  check_ruleset(ruleset, Located(ruleset.GetDescriptor(), &tree, TextPosition{}), problems);
  problems.throw_if_any();
  return ruleset;
}

std::string scenario_ruleset_name(std::string_view scenario_text, const std::string& path) {
  pb::Scenario scenario;
  ParseInfoTree tree;
  parse_text(scenario_text, path, scenario, tree);
  const Located where(scenario.GetDescriptor(), &tree, TextPosition{});
  Problems problems(path);
  const std::string& name = scenario.ruleset();
  if (name.empty()) problems.add(where.at("ruleset"), "the scenario names no ruleset");
  // The name becomes part of a file path: no separators, no way out of the rulesets folder.
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '_' || c == '-')) {
      problems.add(where.at("ruleset"), "ruleset " + quoted(name) +
                                            " must be letters, digits, _ or - only");
      break;
    }
  problems.throw_if_any();
  return name;
}

World load_world(std::string_view scenario_text, const std::string& path, const Ruleset& ruleset,
                 std::uint64_t seed) {
  pb::Scenario scenario;
  ParseInfoTree tree;
  parse_text(scenario_text, path, scenario, tree);
  Problems problems(path);
  ScenarioChecker(scenario, ruleset, Located(scenario.GetDescriptor(), &tree, TextPosition{}),
                  problems)
      .check();
  problems.throw_if_any();

  World world;
  try {
    world = world_from_proto(world_at_turn_zero(scenario, ruleset, seed));
  } catch (const SchemaError& error) {
    // The checks above should leave nothing for the adapter to refuse; if they missed
    // something, the author still gets a message rather than a crash.
    throw ScenarioError(path + ":1:1: " + error.what());
  }
  world.scores.assign(world.states.size(), Score{});
  refresh_derived(world);
  // The score measures each state against where it stands now, at turn 0.
  record_starting_position(world);
  world.scores = compute_scores(world);
  return world;
}

}  // namespace hegemon
