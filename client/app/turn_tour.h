// What the match screen shows each turn of an unattended run, frame by frame. With --autoplay
// every tab is brought up in turn (so every panel is drawn on every turn's view), then one of
// them stays up while the turn is photographed (--screenshot-dir): match.png the first time a
// resolved turn is shown, match-turn-N.png for each turn N. Only then may autoplay send the
// next orders.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "client/app/match_tabs.h"

namespace hegemon::client {

class TurnTour {
 public:
  /// `visit_tabs`: bring up every tab each turn; `screenshot_dir`: "" for no screenshots.
  TurnTour(bool visit_tabs, std::string screenshot_dir)
      : visit_tabs_(visit_tabs), screenshot_dir_(std::move(screenshot_dir)) {}

  struct Step {
    std::optional<MatchTab> show;      // the tab to bring up on the next frame
    std::vector<std::string> shots;    // files to save from the frame just drawn
    // The closeup of the state the viewer fears most is photographed with turn 2; any closeup
    // is closed when a turn begins.
    bool open_closeup = false;
    bool close_closeup = false;
  };

  /// Called after each frame the match screen drew showing the view of turn `turn`.
  Step frame_drawn(int turn);
  /// True once turn `turn` has been toured (and photographed).
  bool done(int turn) const { return done_ && turn == turn_; }
  /// Starts again with the next frame (the match screen was left and entered again).
  void restart() { turn_ = -1; }

  static constexpr int kFramesPerTab = 2;
  static constexpr int kSettleFrames = 3;  // frames a screen is up before it is photographed

 private:
  bool visit_tabs_;
  std::string screenshot_dir_;
  int turn_ = -1;
  int frame_ = 0;
  bool done_ = false;
  bool first_shot_taken_ = false;
};

}  // namespace hegemon::client
