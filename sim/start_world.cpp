#include "sim/start_world.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <sstream>
#include <stdexcept>

#include "shared/bots/bot.h"
#include "shared/io/scenario_files.h"
#include "shared/scenario_loader.h"

namespace hegemon::sim {
namespace {

using google::protobuf::FieldDescriptor;

std::string joined(const std::vector<std::string>& names) {
  if (names.empty()) return "none";
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

bool is_scalar(const FieldDescriptor* field) {
  return !field->is_repeated() && field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE;
}

std::vector<std::string> scalar_fields(const Ruleset& ruleset) {
  std::vector<std::string> names;
  const auto* type = ruleset.GetDescriptor();
  for (int i = 0; i < type->field_count(); ++i)
    if (is_scalar(type->field(i))) names.push_back(type->field(i)->name());
  return names;
}

/// The ruleset's own checks (ranges, thresholds in order) run again on the changed ruleset. The
/// checker names places in a text; the text here is a reprint, so only the problems are kept.
Ruleset checked(const Ruleset& ruleset, const std::string& ruleset_path) {
  std::string text;
  google::protobuf::TextFormat::PrintToString(ruleset, &text);
  try {
    return parse_ruleset(text, "--set");
  } catch (const ScenarioError& error) {
    std::istringstream lines(error.what());
    std::string message = "with the --set values, the ruleset " + ruleset_path + " is not valid:";
    for (std::string line; std::getline(lines, line);) {
      // "--set:12:3: problem" -> "problem"
      size_t colon = line.find(':');
      for (int more = 0; more < 2 && colon != std::string::npos; ++more)
        colon = line.find(':', colon + 1);
      const bool located = colon != std::string::npos && colon + 2 <= line.size();
      message += "\n  " + (located ? line.substr(colon + 2) : line);
    }
    throw std::invalid_argument(message);
  }
}

}  // namespace

void set_ruleset_field(Ruleset& ruleset, const std::string& field, const std::string& value) {
  const FieldDescriptor* descriptor = ruleset.GetDescriptor()->FindFieldByName(field);
  if (!descriptor || !is_scalar(descriptor))
    throw std::invalid_argument(
        "--set " + field + "=" + value + ": the ruleset has no scalar field \"" + field +
        "\"; its fields (protocol/ruleset.proto) are: " + joined(scalar_fields(ruleset)));
  std::string text = value;
  if (descriptor->cpp_type() == FieldDescriptor::CPPTYPE_STRING &&
      !(text.size() >= 2 && text.front() == '"' && text.back() == '"'))
    text = "\"" + text + "\"";
  // The text parser would report a bad value on its own error stream; its verdict is enough.
  google::protobuf::TextFormat::Parser parser;
  struct Quiet : google::protobuf::io::ErrorCollector {
    void AddError(int, google::protobuf::io::ColumnNumber, const std::string&) override {}
  } quiet;
  parser.RecordErrorsTo(&quiet);
  Ruleset changed = ruleset;
  if (!parser.ParseFieldValueFromString(text, descriptor, &changed)) {
    const char* kind = descriptor->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE ||
                               descriptor->cpp_type() == FieldDescriptor::CPPTYPE_FLOAT
                           ? "a number"
                       : descriptor->cpp_type() == FieldDescriptor::CPPTYPE_BOOL ? "true or false"
                       : descriptor->cpp_type() == FieldDescriptor::CPPTYPE_STRING ? "a text"
                       : descriptor->cpp_type() == FieldDescriptor::CPPTYPE_ENUM ? "an enum name"
                                                                                 : "a whole number";
    throw std::invalid_argument("--set " + field + "=" + value + ": " + field + " expects " +
                                kind + ", not \"" + value + "\"");
  }
  ruleset = std::move(changed);
}

void set_doctrine(World& world, const std::string& state, const std::string& doctrine) {
  const StateIndex s = world.find(state);
  if (s < 0) {
    std::vector<std::string> ids;
    for (const auto& st : world.states) ids.push_back(st.id);
    throw std::invalid_argument("--doctrine " + state + "=" + doctrine + ": the scenario \"" +
                                world.scenario.name + "\" has no state \"" + state +
                                "\"; its states are: " + joined(ids));
  }
  if (!find_doctrine(world.ruleset, doctrine))
    throw std::invalid_argument("--doctrine " + state + "=" + doctrine + ": the ruleset \"" +
                                world.ruleset.name() + "\" has no doctrine \"" + doctrine +
                                "\"; its doctrines are: " + joined(doctrine_names(world.ruleset)));
  world.states[s].doctrine = doctrine;
}

World start_world(const SimOptions& options, const std::string& assets_dir) {
  const ScenarioTexts texts = read_scenario_texts(options.scenario, assets_dir);
  Ruleset ruleset = parse_ruleset(texts.ruleset_text, texts.ruleset_path);
  if (!options.ruleset_settings.empty()) {
    for (const auto& [field, value] : options.ruleset_settings)
      set_ruleset_field(ruleset, field, value);
    ruleset = checked(ruleset, texts.ruleset_path);
  }
  // Each match sets its own seed; the world at turn 0 does not depend on it.
  World world = load_world(texts.scenario_text, texts.scenario_path, ruleset, 0);
  for (const auto& [state, doctrine] : options.doctrines) set_doctrine(world, state, doctrine);
  // A doctrine the ruleset lacks would stop the run at the first turn; say so now.
  for (const State& st : world.states)
    if (!st.doctrine.empty() && !find_doctrine(world.ruleset, st.doctrine))
      throw std::invalid_argument(
          "the scenario \"" + world.scenario.name + "\" has " + st.id + " play the doctrine \"" +
          st.doctrine + "\", which the ruleset \"" + world.ruleset.name() +
          "\" does not have; its doctrines are: " + joined(doctrine_names(world.ruleset)));
  return world;
}

}  // namespace hegemon::sim
