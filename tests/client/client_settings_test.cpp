// What the client remembers between runs, and its command line.
#include <gtest/gtest.h>
#include <stb_image_write.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

#include "client/app/client_options.h"
#include "client/app/client_settings.h"
#include "client/app/image_check.h"

namespace hegemon::client {
namespace {

namespace fs = std::filesystem;

class Folder {
 public:
  Folder() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("hegemon-client-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// --- Settings ------------------------------------------------------------------------------------

TEST(ClientSettings, RoundTripThroughAFile) {
  Folder folder;
  const std::string path = folder.file("deep/er/client.txtpb");
  pb::ClientSettings settings;
  settings.set_server("127.0.0.1:7700");
  settings.set_player_name("Ada");
  remember_seat(settings, "127.0.0.1:7700", 3, "LIN", "token-3", "Northern Question");
  remember_owner(settings, "127.0.0.1:7700", 3, "owner-3");
  std::string error;
  ASSERT_TRUE(save_client_settings(settings, path, &error)) << error;

  const pb::ClientSettings loaded = load_client_settings(path, &error);
  EXPECT_TRUE(error.empty()) << error;
  EXPECT_EQ(loaded.server(), "127.0.0.1:7700");
  EXPECT_EQ(loaded.player_name(), "Ada");
  const pb::RememberedSeat* seat = find_seat(loaded, "127.0.0.1:7700", 3);
  ASSERT_NE(seat, nullptr);
  EXPECT_EQ(seat->state(), "LIN");
  EXPECT_EQ(seat->seat_token(), "token-3");
  EXPECT_EQ(seat->match_name(), "Northern Question");
  EXPECT_EQ(find_owner_token(loaded, "127.0.0.1:7700", 3), "owner-3");

  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0077, 0u) << "seat tokens are secrets: owner only";
}

TEST(ClientSettings, AMissingFileIsEmptyAndADamagedOneSaysWhy) {
  Folder folder;
  std::string error;
  const pb::ClientSettings none = load_client_settings(folder.file("absent.txtpb"), &error);
  EXPECT_TRUE(error.empty());
  EXPECT_TRUE(none.server().empty());

  const std::string damaged = folder.file("damaged.txtpb");
  std::ofstream(damaged) << "server: \"a\"\nseats { match_id: \"not a number\" }\n";
  const pb::ClientSettings loaded = load_client_settings(damaged, &error);
  EXPECT_NE(error.find("damaged"), std::string::npos) << error;
  EXPECT_TRUE(loaded.server().empty());
}

TEST(ClientSettings, SeatsAreKeptPerServerAndMatch) {
  pb::ClientSettings settings;
  remember_seat(settings, "a:1", 1, "LIN", "t1", "one");
  remember_seat(settings, "b:1", 1, "KAR", "t2", "other server");
  remember_seat(settings, "a:1", 1, "DRV", "t3", "one");  // replaces the first
  EXPECT_EQ(settings.seats_size(), 2);
  EXPECT_EQ(find_seat(settings, "a:1", 1)->state(), "DRV");
  EXPECT_EQ(find_seat(settings, "b:1", 1)->state(), "KAR");
  EXPECT_EQ(find_seat(settings, "a:1", 2), nullptr);
  forget_seat(settings, "a:1", 1);
  EXPECT_EQ(find_seat(settings, "a:1", 1), nullptr);
  EXPECT_NE(find_seat(settings, "b:1", 1), nullptr);
  EXPECT_EQ(find_owner_token(settings, "a:1", 1), "");
}

TEST(ClientSettings, TheOldestSeatsAreForgottenFirst) {
  pb::ClientSettings settings;
  for (int i = 1; i <= kMaxRememberedSeats + 5; ++i)
    remember_seat(settings, "a:1", static_cast<std::uint64_t>(i), "LIN", "t", "m");
  EXPECT_EQ(settings.seats_size(), kMaxRememberedSeats);
  EXPECT_EQ(find_seat(settings, "a:1", 1), nullptr);
  EXPECT_NE(find_seat(settings, "a:1", kMaxRememberedSeats + 5), nullptr);
}

// --- Options -------------------------------------------------------------------------------------

TEST(ClientOptions, ParsesTheSmokeTestsCommandLine) {
  const ClientOptions o = parse_client_options(
      {"--server", "127.0.0.1:41000", "--name", "Smoke", "--create", "tutorial", "--autoplay",
       "--quit-after-turn", "3", "--timeout=90", "--screenshot-dir", "/tmp/shots", "--settings",
       "/tmp/s.txtpb", "--width", "1280", "--height", "720"});
  ASSERT_TRUE(o.server);
  EXPECT_EQ(o.server->host, "127.0.0.1");
  EXPECT_EQ(o.server->port, 41000);
  EXPECT_EQ(o.server->text(), "127.0.0.1:41000");
  EXPECT_EQ(*o.name, "Smoke");
  EXPECT_EQ(*o.create, "tutorial");
  EXPECT_TRUE(o.autoplay);
  EXPECT_TRUE(o.unattended());
  EXPECT_EQ(o.quit_after_turn, 3);
  EXPECT_EQ(o.timeout_seconds, 90);
  EXPECT_EQ(o.screenshot_dir, "/tmp/shots");
  EXPECT_EQ(o.settings_path, "/tmp/s.txtpb");
  EXPECT_EQ(o.width, 1280);
  EXPECT_EQ(o.height, 720);
}

TEST(ClientOptions, TheUiScaleIsANumberFromHalfToFour) {
  EXPECT_EQ(parse_client_options({}).ui_scale, 0.0f);  // the remembered one, else the DPI's
  EXPECT_FLOAT_EQ(parse_client_options({"--ui-scale", "1.5"}).ui_scale, 1.5f);
  EXPECT_FLOAT_EQ(parse_client_options({"--ui-scale=2"}).ui_scale, 2.0f);
  for (const char* bad : {"0.2", "5", "big", "1.5x", ""}) {
    try {
      parse_client_options({"--ui-scale", bad});
      ADD_FAILURE() << "--ui-scale " << bad << " was taken";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("0.5 to 4"), std::string::npos) << e.what();
    }
  }
}

TEST(ClientOptions, JoinSeatsAndAddresses) {
  const ClientOptions o =
      parse_client_options({"--server", "[::1]:7700", "--join", "12:LIN", "--password", "pw"});
  EXPECT_EQ(o.server->host, "::1");
  EXPECT_EQ(o.server->text(), "[::1]:7700");
  ASSERT_TRUE(o.join);
  EXPECT_EQ(o.join->match_id, 12u);
  EXPECT_EQ(o.join->state, "LIN");
  EXPECT_EQ(o.password, "pw");
  EXPECT_FALSE(o.unattended());

  const ClientOptions seats =
      parse_client_options({"--server", "h:1", "--create", "tutorial", "--seats", "KAR, LIN"});
  EXPECT_EQ(seats.human_seats, (std::vector<std::string>{"KAR", "LIN"}));

  const ClientOptions watch = parse_client_options({"--server", "h:1", "--observe", "4"});
  EXPECT_EQ(watch.observe, 4u);

  const ClientOptions bare = parse_client_options(std::vector<std::string>{});
  EXPECT_FALSE(bare.server);
  EXPECT_EQ(bare.width, 1440);
  EXPECT_FALSE(bare.settings_path.empty());
}

TEST(ClientOptions, RejectsBadInputWithAReason) {
  const auto rejects = [](std::vector<std::string> args, const std::string& part) {
    try {
      parse_client_options(args);
      ADD_FAILURE() << "accepted: " << ::testing::PrintToString(args);
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    }
  };
  rejects({"--frobnicate"}, "unknown option");
  rejects({"--server"}, "needs a value");
  rejects({"--server", "localhost"}, "HOST:PORT");
  rejects({"--server", "localhost:0"}, "1 to 65535");
  rejects({"--server", "localhost:99999"}, "1 to 65535");
  rejects({"--server", ":7700"}, "HOST:PORT");
  rejects({"--name", ""}, "1 to 32");
  rejects({"--name", std::string(33, 'x')}, "1 to 32");
  rejects({"--width", "wide"}, "whole number");
  rejects({"--width", "10"}, "from 320");
  rejects({"--quit-after-turn", "0"}, "from 1");
  rejects({"--timeout", "-5"}, "from 1");
  rejects({"--server", "h:1", "--join", "LIN"}, "MATCH_ID:STATE");
  rejects({"--server", "h:1", "--join", "x:LIN"}, "whole number");
  rejects({"--create", "tutorial"}, "needs --server");
  rejects({"--server", "h:1", "--create", "tutorial", "--join", "1:LIN"}, "together");
  rejects({"--server", "h:1", "--observe", "2", "--join", "1:LIN"}, "together");
  rejects({"--observe", "2"}, "--observe needs --server");
  rejects({"--server", "h:1", "--observe", "0"}, "from 1");
  rejects({"--autoplay"}, "needs --create or --join");
  rejects({"--seats", "KAR"}, "goes with --create");
  rejects({"--autoplay=yes"}, "takes no value");
}

TEST(ClientOptions, TheSettingsFileFollowsXdgConfigHome) {
  const char* saved = std::getenv("XDG_CONFIG_HOME");
  const std::string old = saved ? saved : "";
  ::setenv("XDG_CONFIG_HOME", "/tmp/xdg", 1);
  EXPECT_EQ(default_settings_path(), "/tmp/xdg/hegemon/client.txtpb");
  ::unsetenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  if (home && *home) {
    EXPECT_EQ(default_settings_path(), std::string(home) + "/.config/hegemon/client.txtpb");
  }
  if (saved) ::setenv("XDG_CONFIG_HOME", old.c_str(), 1);
}

// --- Screenshot checks ---------------------------------------------------------------------------

TEST(ImageCheck, BlankMeansEveryPixelTheSame) {
  std::vector<unsigned char> pixels(4 * 3 * 2, 40);
  EXPECT_TRUE(image_is_blank(pixels.data(), 4, 2, 3));
  pixels[3 * 5 + 1] = 41;
  EXPECT_FALSE(image_is_blank(pixels.data(), 4, 2, 3));
  EXPECT_TRUE(image_is_blank(nullptr, 4, 2, 3));
  EXPECT_TRUE(image_is_blank(pixels.data(), 0, 2, 3));
}

TEST(ImageCheck, APngIsCheckedForContent) {
  Folder folder;
  std::vector<unsigned char> flat(16 * 8 * 3, 90);
  const std::string blank = folder.file("blank.png");
  ASSERT_TRUE(stbi_write_png(blank.c_str(), 16, 8, 3, flat.data(), 16 * 3));
  EXPECT_NE(check_png(blank).find("is blank"), std::string::npos);

  flat[100] = 200;
  const std::string drawn = folder.file("drawn.png");
  ASSERT_TRUE(stbi_write_png(drawn.c_str(), 16, 8, 3, flat.data(), 16 * 3));
  EXPECT_EQ(check_png(drawn), "");

  const std::string text = folder.file("not.png");
  std::ofstream(text) << "not a picture at all";
  EXPECT_NE(check_png(text).find("not a PNG"), std::string::npos);
  EXPECT_NE(check_png(folder.file("absent.png")).find("does not exist"), std::string::npos);
}

}  // namespace
}  // namespace hegemon::client
