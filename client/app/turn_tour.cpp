#include "client/app/turn_tour.h"

#include <algorithm>
#include <iterator>

namespace hegemon::client {

TurnTour::Step TurnTour::frame_drawn(int turn) {
  Step step;
  if (turn != turn_) {
    turn_ = turn;
    frame_ = 0;
    done_ = false;
    step.close_closeup = true;
  }
  if (done_) return step;
  ++frame_;
  if (visit_tabs_) {
    constexpr int tabs = static_cast<int>(std::size(kMatchTabs));
    const int visiting = (frame_ - 1) / kFramesPerTab;
    if (visiting < tabs) {
      step.show = kMatchTabs[visiting];
      return step;
    }
    // The turn's own tab for its photograph: Budget for turn 1, Diplomacy for turn 2, ...
    const int shown = tabs * kFramesPerTab;
    if (frame_ == shown + 1) {
      step.show = kMatchTabs[(std::max(turn, 1) - 1) % tabs];
      step.open_closeup = turn == 2;
    }
    if (frame_ < shown + 1 + kSettleFrames) return step;
  } else if (frame_ < kSettleFrames) {
    return step;
  }
  done_ = true;
  if (turn >= 1 && !screenshot_dir_.empty()) {
    if (!first_shot_taken_) step.shots.push_back(screenshot_dir_ + "/match.png");
    first_shot_taken_ = true;
    step.shots.push_back(screenshot_dir_ + "/match-turn-" + std::to_string(turn) + ".png");
  }
  return step;
}

}  // namespace hegemon::client
