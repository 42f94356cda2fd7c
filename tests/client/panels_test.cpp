// The match panels drawn without a window: an ImGui context with a display but no backend, fed
// with real views and reports of a scenario played by bots. Every panel draws for
// a seat, for a spectator and for an empty model; the map selects the state clicked; and a
// "monkey" clicking at random all over the screen never breaks a panel or sends an order set the
// server would not read. The lobby's create dialog draws the same way, and random clicks on it
// only ever ask for doctrines the scenario's ruleset has.
#include "client/app/panels.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "assets_with_doctrines.h"
#include "client/app/create_match_dialog.h"
#include "client/app/match_screen.h"
#include "client/app/panels/labels.h"
#include "client/app/preview.h"
#include "shared/bots/bot.h"
#include "shared/io/scenario_files.h"
#include "shared/resolve.h"
#include "shared/schema_adapter.h"
#include "shared/view.h"

namespace hegemon::client {
namespace {

constexpr float kWidth = 1800, kHeight = 1200;

/// An ImGui context for the length of a test.
class HeadlessImGui {
 public:
  HeadlessImGui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(kWidth, kHeight);
    io.DeltaTime = 1.0f / 60.0f;
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

/// Every panel of the match screen in its own window, on a 3 x 3 grid.
struct Screen {
  MapPanel map;
  BudgetPanel budget;
  DiplomacyPanel diplomacy;
  ThreatPanel threat;
  FinlandPanel finland;
  HistoryPanel history;
  ReportPanel report;
  ChatPanel chat;
  GoalsPanel goals;
  std::string selected;

  void frame(MatchModel& model, const MatchActions& actions) {
    ImGui::NewFrame();
    int slot = 0;
    auto window = [&](const char* title, const std::function<void()>& body) {
      const float w = kWidth / 3, h = kHeight / 3;
      ImGui::SetNextWindowPos(
          ImVec2(w * static_cast<float>(slot % 3), h * static_cast<float>(slot / 3)),
          ImGuiCond_Always);
      ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Always);
      ++slot;
      if (ImGui::Begin(title)) body();
      ImGui::End();
    };
    window("Map", [&] { map.draw(model, selected); });
    window("Budget", [&] { budget.draw(model, actions); });
    window("Diplomacy", [&] { diplomacy.draw(model, actions, selected); });
    window("Threats", [&] { threat.draw(model, selected); });
    window("Finlandization", [&] { finland.draw(model); });
    window("History", [&] { history.draw(model, selected); });
    window("Report", [&] { report.draw(model); });
    window("Chat", [&] { chat.draw(model, actions); });
    window("Goals", [&] { goals.draw(model); });
    ImGui::Render();
  }
};

/// A match of the tutorial a few turns in, seen by `seat`: views, reports, a proposal waiting
/// for an answer, pressure on the seat, a sanction and a guarantee, and some chat.
MatchModel played_match(StateIndex seat, int turns) {
  World w = load_scenario_file("tutorial", 5);
  MatchModel model;
  model.match_id = 1;
  model.my_state = seat >= 0 ? w.states[seat].id : "";
  model.facts = make_facts(w);
  model.territories =
      load_territory_map(std::string(HEGEMON_ASSETS_DIR) + "/maps/tutorial.territories.pb");
  model.history.push_back(make_view(w, seat));
  for (int t = 0; t < turns; ++t) {
    std::vector<OrderSet> orders;
    for (StateIndex s = 0; s < w.size(); ++s) orders.push_back(play_seat(w, s).orders);
    TurnResult r = resolve_turn(w, orders);
    w = std::move(r.world);
    model.history.push_back(make_view(w, seat));
    const std::vector<OrderResult>* own = nullptr;
    for (size_t i = 0; i < orders.size(); ++i)
      if (orders[i].state == seat) own = &r.results[i];
    model.reports.push_back(make_report(w, r.journal, seat, own));
  }
  // What the panels have to show besides: a proposal to answer, coercion, sanction, guarantee.
  const StateIndex other = seat == 0 ? 1 : 0;
  Proposal p;
  p.id = w.next_proposal_id++;
  p.proposer = other;
  p.type = TreatyType::MutualDefense;
  p.name = "Test Pact";
  p.members = {other, seat >= 0 ? seat : 2};
  p.accepted = {other};
  p.terms = TreatyTerms{200, 100, 0, 0, 2};
  p.turn = w.turn;
  w.proposals.push_back(p);
  if (seat >= 0) w.states[seat].relations[other].coercion = 2;
  w.sanctions.push_back({other, 2});
  w.guarantees.push_back({other, 3, w.turn + 3});
  w.states[3].relations[2].finland_status = FinlandStatus::Accommodating;
  w.states[3].relations[2].finland_level = 40;
  model.view = make_view(w, seat);
  model.history.back() = model.view;
  model.draft.turn = model.collecting_turn();
  model.draft.allocation = model.view.own().allocation();
  model.draft.publish_budget = model.view.own().publish_budget();
  pb::ChatMessage hello;
  hello.set_from_player("Ada");
  hello.set_from_state(w.states[other].id);
  hello.set_text("Shall we stand together?");
  hello.set_sent_unix_ms(1700000000000);
  model.chat.push_back(hello);
  pb::ChatMessage secret = hello;
  secret.set_to_state(model.my_state);
  secret.set_text("Between us: I will not sign against them.");
  model.chat.push_back(secret);
  return model;
}

struct Recorder {
  std::vector<std::pair<pb::OrderSet, bool>> submitted;
  std::vector<std::pair<std::string, std::string>> said;
  MatchActions actions() {
    MatchActions a;
    a.submit = [this](const pb::OrderSet& o, bool ready) { submitted.emplace_back(o, ready); };
    a.set_ready = [](bool) {};
    a.chat = [this](const std::string& to, const std::string& text) {
      said.emplace_back(to, text);
    };
    a.leave = [] {};
    return a;
  }
};

TEST(Panels, DrawForASeatASpectatorAndAnEmptyModel) {
  HeadlessImGui imgui;
  Recorder recorder;
  const MatchActions actions = recorder.actions();
  for (StateIndex seat : {0, 3, kSpectator}) {
    MatchModel model = played_match(seat, 3);
    Screen screen;
    for (int frame = 0; frame < 3; ++frame) screen.frame(model, actions);
  }
  MatchModel empty;
  Screen screen;
  for (int frame = 0; frame < 3; ++frame) screen.frame(empty, actions);
  EXPECT_TRUE(recorder.submitted.empty());
}

TEST(Panels, TheBudgetPreviewIsReadyForTheDraft) {
  HeadlessImGui imgui;
  Recorder recorder;
  MatchModel model = played_match(0, 2);
  Screen screen;
  screen.frame(model, recorder.actions());
  const Preview& p = screen.budget.preview.get(model.view, model.facts, draft_order_set(model));
  ASSERT_TRUE(p.available) << p.problem;
  EXPECT_EQ(p.verdicts.size(), 1u);
  EXPECT_GT(p.gdp.after, 0.0);
}

TEST(Panels, AClickOnTheMapSelectsAState) {
  HeadlessImGui imgui;
  Recorder recorder;
  const MatchActions actions = recorder.actions();
  MatchModel model = played_match(0, 1);
  Screen screen;
  ImGuiIO& io = ImGui::GetIO();
  screen.frame(model, actions);
  // Sweep clicks over the map window until one lands on a state.
  for (float y = 60; y < kHeight / 3 && screen.selected.empty(); y += 6)
    for (float x = 10; x < kWidth / 3 && screen.selected.empty(); x += 6) {
      io.MousePos = ImVec2(x, y);
      io.MouseDown[0] = true;
      screen.frame(model, actions);
      io.MouseDown[0] = false;
      screen.frame(model, actions);
    }
  ASSERT_FALSE(screen.selected.empty());
  EXPECT_FALSE(name_of(model.view, screen.selected).empty());
  const std::vector<std::string> ids = state_ids(model.view);
  EXPECT_NE(std::find(ids.begin(), ids.end(), screen.selected), ids.end()) << screen.selected;
}

TEST(Panels, RandomClicksEverywhereNeverSendAnUnreadableOrderSet) {
  HeadlessImGui imgui;
  Recorder recorder;
  const MatchActions actions = recorder.actions();
  MatchModel model = played_match(0, 3);
  Screen screen;
  ImGuiIO& io = ImGui::GetIO();
  std::mt19937 rng(20240601);
  std::uniform_real_distribution<float> x(0, kWidth), y(0, kHeight);
  for (int click = 0; click < 3000; ++click) {
    io.MousePos = ImVec2(x(rng), y(rng));
    io.MouseDown[0] = true;
    screen.frame(model, actions);
    io.MouseDown[0] = false;
    screen.frame(model, actions);
    for (const auto& order : model.draft.orders)
      ASSERT_NE(order.kind_case(), pb::Order::KIND_NOT_SET) << "click " << click;
    if (!screen.selected.empty()) {
      const std::vector<std::string> ids = state_ids(model.view);
      ASSERT_NE(std::find(ids.begin(), ids.end(), screen.selected), ids.end());
    }
  }
  for (const auto& [orders, ready] : recorder.submitted) {
    EXPECT_EQ(orders.state(), model.my_state);
    EXPECT_EQ(orders.turn(), model.collecting_turn());
    ASSERT_GT(orders.orders_size(), 0);
    ASSERT_TRUE(orders.orders(0).has_set_budget());
    EXPECT_EQ(allocation_total(orders.orders(0).set_budget().allocation()), kFullBudgetBp);
    const Preview p = preview_orders(model.view, model.facts, orders);
    EXPECT_TRUE(p.available) << p.problem;
    EXPECT_EQ(p.verdicts.size(), static_cast<size_t>(orders.orders_size()));
  }
  std::cout << "random clicks: " << model.draft.orders.size() << " orders drafted, "
            << recorder.submitted.size() << " order sets sent\n";
}

/// A click on a state's territory selects that state; a drag moves the map and selects nothing;
/// a scenario without a drawn map is drawn by positions.
TEST(Panels, TheDrawnMapSelectsTheStateClickedAndPansOnADrag) {
  HeadlessImGui imgui;
  Recorder recorder;
  MatchModel model = played_match(0, 1);
  ASSERT_NE(model.territories, nullptr);
  Screen screen;
  screen.frame(model, recorder.actions());
  ImGuiIO& io = ImGui::GetIO();
  const auto at = [&](const std::string& state) {
    for (const auto& t : model.territories->territories())
      if (t.state() == state)
        return ImVec2(screen.map.camera.screen_x(t.label_x(), screen.map.canvas_x),
                      screen.map.camera.screen_y(t.label_y(), screen.map.canvas_y));
    return ImVec2(-1, -1);
  };
  for (const std::string state : {"LIN", "DRV", "KAR"}) {
    io.MousePos = at(state);
    screen.frame(model, recorder.actions());
    io.MouseDown[0] = true;
    screen.frame(model, recorder.actions());
    io.MouseDown[0] = false;
    screen.frame(model, recorder.actions());
    EXPECT_EQ(screen.selected, state);
    // Its closeup draws for it, whoever it is.
    ImGui::NewFrame();
    ImGui::Begin("Closeup");
    CloseupPanel().draw(model, state);
    ImGui::End();
    ImGui::Render();
  }
  // A drag: the camera moves by the drag, the selection stays.
  const float before = screen.map.camera.centre_x;
  io.MousePos = at("KAR");
  screen.frame(model, recorder.actions());
  io.MouseDown[0] = true;
  screen.frame(model, recorder.actions());
  for (int step = 0; step < 5; ++step) {
    io.MousePos.x += 8.0f;
    screen.frame(model, recorder.actions());
  }
  io.MouseDown[0] = false;
  screen.frame(model, recorder.actions());
  EXPECT_LT(screen.map.camera.centre_x, before);
  EXPECT_EQ(screen.selected, "KAR");
  // Without a drawn map the positions are drawn; nothing breaks.
  model.territories.reset();
  for (int frame = 0; frame < 3; ++frame) screen.frame(model, recorder.actions());
}

/// The Goals tab's figures: every objective of the seat with its progress, and a score whose
/// parts add up to the total the view gives; a spectator has neither.
TEST(Goals, ObjectivesAndTheScoreAddUp) {
  const World start = load_scenario_file("tutorial", 5);
  MatchModel model = played_match(0, 3);
  int asked = 0;
  for (const auto& o : start.scenario.objectives) asked += o.state == 0 ? 1 : 0;
  ASSERT_GT(asked, 0) << "the tutorial gives its first state objectives";
  const std::vector<GoalLine> lines = goal_lines(model.view, model.facts);
  ASSERT_EQ(static_cast<int>(lines.size()), asked);
  for (const auto& line : lines) {
    EXPECT_FALSE(line.description.empty());
    EXPECT_FALSE(
        line.progress.empty());  // a figure, or a public status (another's level is private)
  }
  const ScoreBreakdown score = score_breakdown(model.view, model.facts);
  ASSERT_TRUE(score.known);
  ASSERT_EQ(score.parts.size(), 5u);
  double sum = 0;
  for (const auto& part : score.parts) sum += part.contribution;
  EXPECT_NEAR(sum, score.total, 1e-9);
  EXPECT_EQ(score.parts[0].weight, model.facts.ruleset().score_weight_security());
  EXPECT_EQ(score.parts[4].weight, model.facts.ruleset().score_weight_objectives());

  const MatchModel watching = played_match(-1, 1);
  EXPECT_TRUE(goal_lines(watching.view, watching.facts).empty());
  EXPECT_FALSE(score_breakdown(watching.view, watching.facts).known);
}

/// Prose with figures breaks at spaces only, and a unit stays with its number.
TEST(Labels, WrappingNeverBreaksANumberOrItsUnit) {
  const std::string text = "Revenue was 1.120 bn and spending -0.06 % of GDP.\nNext line";
  const auto chars = [](std::size_t b, std::size_t e) { return static_cast<float>(e - b); };
  for (float width : {6.0f, 9.0f, 12.0f, 20.0f, 200.0f}) {
    std::vector<std::string> lines;
    for (const auto& [b, e] : wrap_lines(text, width, chars))
      lines.push_back(text.substr(b, e - b));
    std::string joined;
    for (const auto& l : lines) joined += (joined.empty() ? "" : "|") + l;
    bool revenue_whole = false, share_whole = false;
    for (const auto& l : lines) {
      EXPECT_NE(l.front(), '%') << joined;
      EXPECT_NE(l.rfind("bn", 0), 0u) << joined;
      revenue_whole = revenue_whole || l.find("1.120 bn") != std::string::npos;
      share_whole = share_whole || l.find("-0.06 %") != std::string::npos;
    }
    EXPECT_TRUE(revenue_whole) << joined;  // never "1." on one line and "120" on the next
    EXPECT_TRUE(share_whole) << joined;
    EXPECT_EQ(lines.front().rfind("Revenue", 0), 0u) << joined;
    EXPECT_TRUE(joined.size() >= 9 && joined.compare(joined.size() - 4, 4, "line") == 0) << joined;
  }
}

/// Money keeps enough precision for a small state's budget lines.
TEST(Labels, MoneyKeepsPrecisionForSmallSums) {
  EXPECT_EQ(money(1234.56), "1234.6 bn");
  EXPECT_EQ(money(1.0), "1.0 bn");
  EXPECT_EQ(money(0.0), "0.0 bn");
  EXPECT_EQ(money(0.34), "340 m");
  EXPECT_EQ(money(0.034), "34.0 m");
  EXPECT_EQ(money(0.0021), "2.1 m");
  EXPECT_EQ(money(-0.5), "-500 m");
}

/// One frame of the whole match screen in a window as large as the display.
void draw_frame(MatchScreen& screen, MatchModel& model, const MatchScreenActions& actions) {
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(kWidth, kHeight));
  ImGui::Begin("match");
  screen.draw(model, actions, LinkState::Online, UiFonts{});
  ImGui::End();
  ImGui::Render();
}

/// A whole match screen drawn headless, with actions that record what it sends.
struct ScreenUnderTest {
  HeadlessImGui imgui;
  Recorder recorder;
  MatchScreenActions actions;
  MatchScreen screen;
  ScreenUnderTest() {
    actions.match = recorder.actions();
    actions.to_lobby = [] {};
  }
  void frame(MatchModel& model) { draw_frame(screen, model, actions); }
};

/// What a match screen holds (the selection, the treaty being drafted, pressure and aid) is of
/// one match and seat: entering another starts it afresh, while the same match keeps it.
TEST(MatchScreen, EnteringAnotherMatchStartsEveryPanelAfresh) {
  ScreenUnderTest t;
  MatchScreen& screen = t.screen;
  auto frame = [&](MatchModel& model) { t.frame(model); };
  MatchModel first = played_match(0, 1);
  frame(first);
  const std::string other = first.view.others(0).id();
  screen.select(other);
  screen.open_closeup(other);
  screen.diplomacy().editor_type = static_cast<int>(pb::NON_AGGRESSION);
  screen.diplomacy().editor_members = {other};
  screen.diplomacy().pressure_kind = static_cast<int>(pb::ECONOMIC);
  screen.diplomacy().aid_amount = 3.5;
  frame(first);
  EXPECT_EQ(screen.selected(), other);  // the same match keeps what the player chose
  EXPECT_TRUE(screen.closeup_open());
  EXPECT_EQ(screen.diplomacy().editor_type, static_cast<int>(pb::NON_AGGRESSION));
  EXPECT_EQ(screen.diplomacy().aid_amount, 3.5);

  MatchModel second = played_match(1, 1);
  second.match_id = 2;
  frame(second);
  const DiplomacyPanel fresh;
  EXPECT_FALSE(screen.closeup_open());  // nor does the other match's closeup stay open
  EXPECT_TRUE(screen.selected().empty());
  EXPECT_EQ(screen.diplomacy().editor_type, fresh.editor_type);
  EXPECT_TRUE(screen.diplomacy().editor_members.empty());
  EXPECT_EQ(screen.diplomacy().pressure_kind, fresh.pressure_kind);
  EXPECT_EQ(screen.diplomacy().aid_amount, fresh.aid_amount);
  EXPECT_TRUE(screen.diplomacy().target.empty());

  // The same match as a spectator is another seat too.
  screen.select(other);
  MatchModel watching = second;
  watching.my_state.clear();
  frame(watching);
  EXPECT_TRUE(screen.selected().empty());
}

TEST(CreateMatchDialog, RandomClicksOnlyEverAskForDoctrinesTheRulesetHas) {
  const testing::AssetsWithDoctrines assets;
  ASSERT_EQ(::setenv("HEGEMON_ASSETS", assets.path().c_str(), 1), 0);
  HeadlessImGui imgui;
  CreateMatchDialog dialog;
  std::vector<pb::CreateMatch> created;
  const CreateMatchDialog::OnCreate on_create = [&](const pb::CreateMatch& request,
                                                    const std::string&) {
    created.push_back(request);
  };
  bool open = false;
  auto frame = [&] {
    ImGui::NewFrame();
    dialog.draw(on_create);
    open = ImGui::IsPopupOpen("Create a match");
    ImGui::Render();
  };
  const std::set<std::string> valid(assets.names().begin(), assets.names().end());
  ImGuiIO& io = ImGui::GetIO();
  std::mt19937 rng(20261201);
  // Clicks land around the dialog, centred on the screen, 640 wide.
  std::uniform_real_distribution<float> x(kWidth / 2 - 340, kWidth / 2 + 340),
      y(kHeight / 2 - 420, kHeight / 2 + 420);
  std::size_t chosen = 0;
  dialog.open("Karla");
  for (int click = 0; click < 20000; ++click) {
    io.MousePos = ImVec2(x(rng), y(rng));
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    if (!open) dialog.open("Karla");  // created or cancelled: again
  }
  ::unsetenv("HEGEMON_ASSETS");
  for (const auto& request : created)
    for (const auto& seat : request.seats()) {
      if (seat.doctrine().empty()) continue;
      ++chosen;
      EXPECT_EQ(valid.count(seat.doctrine()), 1u) << seat.doctrine();
      EXPECT_TRUE(seat.kind() == pb::SEAT_BOT || request.bot_plays_absent_seats());
    }
  std::cout << "random clicks: " << created.size() << " matches asked for, " << chosen
            << " seats with a chosen doctrine\n";
}

}  // namespace
}  // namespace hegemon::client

namespace hegemon::client {
namespace {

/// The debrief opens by itself once the match is over, and only then; it draws the standings,
/// the charts and the timeline of a whole match.
TEST(MatchScreen, TheDebriefOpensByItselfOnceTheMatchIsOver) {
  ScreenUnderTest t;
  MatchScreen& screen = t.screen;
  auto frame = [&](MatchModel& model) { t.frame(model); };
  MatchModel running = played_match(0, 3);
  frame(running);
  EXPECT_FALSE(screen.debrief_open());
  MatchModel over = played_match(0, 20);
  over.match_id = running.match_id;
  ASSERT_TRUE(over.view.ended());
  ASSERT_EQ(over.view.scores_size(), 4);  // every state's final score
  for (int i = 0; i < 3; ++i) frame(over);
  EXPECT_TRUE(screen.debrief_open());
}

}  // namespace
}  // namespace hegemon::client
