// The decision log: every order each seat submitted, its parameters as the schema names them
// (protocol/orders.proto), why the bot chose it, and the verdict of resolve_turn.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <array>
#include <cctype>
#include <string_view>

#include "shared/schema_adapter.h"
#include "sim/csv_row.h"
#include "sim/tables.h"

namespace hegemon::sim {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// The parameter columns, between "kind" and "other". An order's fields land in the column of
// their name; a field no column names (a kind added to the schema later) lands in "other".
constexpr std::array<std::string_view, 21> kParameterColumns = {
    "target", "proposal", "treaty", "treaty_type", "members", "name",
    "spending_floor_bp", "contribution_bp", "duration", "review_period", "exit_notice",
    "bp_territorial_defense", "bp_power_projection", "bp_economy", "bp_welfare", "bp_research",
    "bp_diplomacy", "bp_intelligence", "publish_budget", "pressure", "intensity"};
constexpr int kAmountColumn = kParameterColumns.size();  // then "amount", then "other"

/// The column a field of an order fills, by the schema's name for it.
std::string_view column_of(std::string_view parent, std::string_view field) {
  if (parent == "allocation") return field;  // looked up with the "bp_" prefix below
  if (field == "protector" || field == "target") return "target";
  if (field == "proposal_id") return "proposal";
  if (field == "treaty_id") return "treaty";
  if (field == "type") return "treaty_type";
  if (field == "kind") return "pressure";
  return field;
}

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string value_text(const Message& m, const FieldDescriptor* f, int index) {
  const Reflection* r = m.GetReflection();
  const bool rep = f->is_repeated();
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      return rep ? r->GetRepeatedString(m, f, index) : r->GetString(m, f);
    case FieldDescriptor::CPPTYPE_ENUM:
      return lowercase(rep ? r->GetRepeatedEnum(m, f, index)->name() : r->GetEnum(m, f)->name());
    case FieldDescriptor::CPPTYPE_BOOL:
      return (rep ? r->GetRepeatedBool(m, f, index) : r->GetBool(m, f)) ? "1" : "0";
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return fmt(rep ? r->GetRepeatedDouble(m, f, index) : r->GetDouble(m, f), 3);
    case FieldDescriptor::CPPTYPE_FLOAT:
      return fmt(rep ? r->GetRepeatedFloat(m, f, index) : r->GetFloat(m, f), 3);
    case FieldDescriptor::CPPTYPE_INT32:
      return std::to_string(rep ? r->GetRepeatedInt32(m, f, index) : r->GetInt32(m, f));
    case FieldDescriptor::CPPTYPE_INT64:
      return std::to_string(rep ? r->GetRepeatedInt64(m, f, index) : r->GetInt64(m, f));
    case FieldDescriptor::CPPTYPE_UINT32:
      return std::to_string(rep ? r->GetRepeatedUInt32(m, f, index) : r->GetUInt32(m, f));
    case FieldDescriptor::CPPTYPE_UINT64:
      return std::to_string(rep ? r->GetRepeatedUInt64(m, f, index) : r->GetUInt64(m, f));
    case FieldDescriptor::CPPTYPE_MESSAGE:
      break;
  }
  return {};
}

struct Cells {
  std::array<std::string, kParameterColumns.size() + 2> values;  // parameters, amount, other

  void put(std::string_view column, std::string text) {
    for (size_t c = 0; c < kParameterColumns.size(); ++c)
      if (kParameterColumns[c] == column) {
        values[c] = std::move(text);
        return;
      }
    if (column == "amount") {
      values[kAmountColumn] = std::move(text);
      return;
    }
    std::string& other = values[kAmountColumn + 1];
    other += (other.empty() ? "" : ";") + std::string(column) + "=" + text;
  }
};

/// Spreads the fields of one order's message (set_budget, propose_treaty, ...) over the columns.
void spread(const Message& m, std::string_view parent, Cells& cells) {
  const Reflection* r = m.GetReflection();
  const auto* type = m.GetDescriptor();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* f = type->field(i);
    const std::string column(column_of(parent, f->name()));
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (!f->is_repeated()) spread(r->GetMessage(m, f), f->name(), cells);
      continue;
    }
    std::string text;
    if (f->is_repeated()) {
      for (int k = 0; k < r->FieldSize(m, f); ++k)
        text += (k ? ";" : "") + value_text(m, f, k);
    } else {
      text = value_text(m, f, -1);
    }
    cells.put(parent == "allocation" ? "bp_" + column : column, std::move(text));
  }
}

const OrderResult* verdict_of(const std::vector<OrderResult>& results, int index) {
  for (const OrderResult& r : results)
    if (r.index == index) return &r;
  return nullptr;
}

}  // namespace

const char* const kDecisionsHeader =
    "match,turn,state,doctrine,order,kind,target,proposal,treaty,treaty_type,members,name,"
    "spending_floor_bp,contribution_bp,duration,review_period,exit_notice,"
    "bp_territorial_defense,bp_power_projection,bp_economy,bp_welfare,bp_research,bp_diplomacy,"
    "bp_intelligence,publish_budget,pressure,intensity,amount,other,bot_reason,accepted,verdict\n";

void append_decision_rows(std::string& out, int match, const TurnPlay& play) {
  const World& w = play.before;
  for (size_t k = 0; k < play.orders.size(); ++k) {
    const OrderSet& set = play.orders[k];
    const BotDecision* decision = k < play.decisions.size() ? &play.decisions[k] : nullptr;
    static const std::vector<OrderResult> kNoResults;
    const auto& results = k < play.result.results.size() ? play.result.results[k] : kNoResults;
    for (int i = 0; i < static_cast<int>(set.orders.size()); ++i) {
      const pb::Order message = to_proto(w, set.orders[i]);
      std::string kind = "unreadable";
      Cells cells;
      const Reflection* reflection = message.GetReflection();
      if (const auto* oneof = message.GetDescriptor()->FindOneofByName("kind")) {
        if (const FieldDescriptor* f = reflection->GetOneofFieldDescriptor(message, oneof)) {
          kind = f->name();
          spread(reflection->GetMessage(message, f), kind, cells);
        }
      }
      const OrderResult* verdict = verdict_of(results, i);
      CsvRow row(out);
      row.whole(match).whole(w.turn + 1).text(w.states[set.state].id)
          .text(decision ? decision->doctrine : "").whole(i + 1).text(kind);
      for (const std::string& cell : cells.values) row.text(cell);
      row.text(decision && i < static_cast<int>(decision->reasons.size()) ? decision->reasons[i]
                                                                          : "")
          .flag(verdict && verdict->accepted)
          .text(verdict ? verdict->reason : "no verdict");
    }
  }
}

}  // namespace hegemon::sim
