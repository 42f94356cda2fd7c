#include "invariants.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <variant>

#include "shared/rng.h"
#include "shared/view.h"

namespace hegemon::testing {

std::string deterministic_bytes(const google::protobuf::Message& message) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return out;
}

bool same_journal(const Journal& a, const Journal& b) {
  const auto& x = a.entries();
  const auto& y = b.entries();
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i) {
    if (x[i].topic != y[i].topic || x[i].text != y[i].text || x[i].states != y[i].states ||
        x[i].is_public != y[i].is_public)
      return false;
    // Bit for bit, so that a NaN or a last-digit difference shows.
    if (std::memcmp(&x[i].before, &y[i].before, sizeof(double)) != 0 ||
        std::memcmp(&x[i].after, &y[i].after, sizeof(double)) != 0)
      return false;
  }
  return true;
}

void expect_world_in_bounds(const World& w, const std::string& where) {
  const double ceiling = w.ruleset.tech_ceiling();
  for (int s = 0; s < w.size(); ++s) {
    const State& st = w.states[s];
    const std::string who = where + ", " + st.name;
    EXPECT_GT(st.gdp, 0.0) << who;
    EXPECT_GT(st.population, 0.0) << who;
    EXPECT_GE(st.territorial_defense, 0.0) << who;
    EXPECT_GE(st.power_projection, 0.0) << who;
    EXPECT_GE(st.influence, 0.0) << who;
    EXPECT_GE(st.intelligence, 0.0) << who;
    EXPECT_GE(st.stability, 0.0) << who;
    EXPECT_LE(st.stability, 100.0) << who;
    EXPECT_GE(st.reputation, 0.0) << who;
    EXPECT_LE(st.reputation, 100.0) << who;
    EXPECT_GT(st.technology, 0.0) << who;
    EXPECT_LE(st.technology, ceiling + 1e-12) << who;
    EXPECT_EQ(st.allocation.total(), kBasisPoints) << who;
    for (int c = 0; c < kCategoryCount; ++c) {
      EXPECT_GE(st.allocation.bp[c], 0) << who << ", category " << c;
      EXPECT_GE(st.last_spending.money[c], 0.0) << who << ", category " << c;
    }
    for (int o = 0; o < w.size(); ++o) {
      if (o == s) continue;
      const Relation& rel = st.relations[o];
      EXPECT_GE(rel.finland_level, 0.0) << who << " toward " << w.states[o].name;
      EXPECT_LE(rel.finland_level, 100.0) << who << " toward " << w.states[o].name;
      EXPECT_GE(rel.hostility, 0.0) << who << " toward " << w.states[o].name;
      EXPECT_LE(rel.hostility, 100.0) << who << " toward " << w.states[o].name;
    }
  }
  ASSERT_EQ(w.threat.n, w.size()) << where;
  for (double cell : w.threat.cells) {
    EXPECT_GE(cell, 0.0) << where;
    EXPECT_LE(cell, 100.0) << where;
  }
}

void expect_one_result_per_order(const std::vector<OrderSet>& orders, const TurnResult& result,
                                 const std::string& where) {
  ASSERT_EQ(result.results.size(), orders.size()) << where;
  for (size_t i = 0; i < orders.size(); ++i) {
    const auto& rs = result.results[i];
    ASSERT_EQ(rs.size(), orders[i].orders.size()) << where << ", order set " << i;
    for (size_t j = 0; j < rs.size(); ++j) {
      EXPECT_EQ(rs[j].index, static_cast<int>(j)) << where << ", order set " << i;
      EXPECT_EQ(rs[j].accepted, rs[j].reason.empty())
          << where << ", order set " << i << ", order " << j << ": " << rs[j].reason;
    }
  }
}

void expect_budgets_conserved(const std::vector<OrderSet>& orders, const TurnResult& result,
                              const std::string& where) {
  const World& w = result.world;
  std::vector<double> aid_ordered(w.size(), 0.0);
  for (size_t i = 0; i < orders.size() && i < result.results.size(); ++i)
    for (const auto& r : result.results[i])
      if (r.accepted)
        if (const auto* aid = std::get_if<SendMilitaryAid>(&orders[i].orders[r.index]))
          aid_ordered[orders[i].state] += aid->amount;
  for (int s = 0; s < w.size(); ++s) {
    const State& st = w.states[s];
    double spent = 0;
    for (double m : st.last_spending.money) spent += m;
    const double tolerance = 1e-9 * std::max(1.0, st.last_revenue);
    const double aid = st.last_revenue - spent - st.last_contributions;
    const std::string who = where + ", " + st.name;
    EXPECT_GE(st.last_contributions, -tolerance) << who;
    EXPECT_GE(aid, -tolerance) << who << ": more was spent than collected";
    EXPECT_LE(aid, aid_ordered[s] + tolerance) << who << ": revenue went missing";
    if (aid < aid_ordered[s] - tolerance) {
      EXPECT_NEAR(st.last_spending[Category::PowerProjection], 0.0, tolerance)
          << who << ": aid fell short while projection money was left";
    }
  }
}

namespace {

/// A level inside the band where `status` holds, so the status a viewer sees stays true.
double level_for(FinlandStatus status, Rng& rng) {
  switch (status) {
    case FinlandStatus::Independent: return 39.0 * rng.uniform();
    case FinlandStatus::Accommodating: return 30.0 + 39.0 * rng.uniform();
    case FinlandStatus::Finlandized: return 60.0 + 40.0 * rng.uniform();
  }
  return 0;
}

}  // namespace

World with_private_values_changed(const World& world, StateIndex viewer, std::uint64_t salt) {
  World w = world;
  Rng rng(mix_seed(world.seed, salt, 0x5EC2E7));
  for (int s = 0; s < w.size(); ++s) {
    if (s == viewer) continue;
    State& st = w.states[s];
    st.influence = 1.0 + 99.0 * rng.uniform();
    st.intelligence = 1.0 + 99.0 * rng.uniform();
    for (double& m : st.last_spending.money) m = 1.0 + 50.0 * rng.uniform();
    st.last_revenue = 500.0 * rng.uniform();
    st.last_contributions = 20.0 * rng.uniform();
    for (int o = 0; o < w.size(); ++o) {
      if (o == s) continue;
      Relation& rel = st.relations[o];
      rel.hostility = 100.0 * rng.uniform();
      rel.finland_level = level_for(rel.finland_status, rng);
      rel.finland_change = 10.0 * rng.symmetric();
      rel.finland_push = 5.0 * rng.uniform();
      rel.finland_resistance = 5.0 * rng.uniform();
      rel.coercion = 6.0 * rng.uniform();
      rel.bandwagoned = rng.uniform() < 0.5;
    }
  }
  refresh_derived(w);
  return w;
}

void expect_view_hides_private_values(const World& world, StateIndex viewer,
                                      const std::string& where) {
  // The changed world has its derived values (threat, scores) recomputed from the changed truth;
  // the view must not depend on those either.
  const World changed = with_private_values_changed(world, viewer, 1);
  EXPECT_EQ(deterministic_bytes(make_view(world, viewer)),
            deterministic_bytes(make_view(changed, viewer)))
      << where << ": the view of "
      << (viewer >= 0 ? world.states[viewer].name : std::string("a spectator"))
      << " changes with values other states keep private";
}

}  // namespace hegemon::testing
