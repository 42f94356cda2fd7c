#!/usr/bin/env bash
# The client's smoke test: a real hegemon-server on 127.0.0.1, and hegemon-client under Xvfb with
# Mesa's software OpenGL creating matches (its own seat the first, bots in the others) and playing
# them through its own controls (--autoplay): the tutorial at 1440 x 900 for three turns, the
# tutorial at 1024 x 640 to its end (20 turns) and the cold war at 1280 x 800 for five. Fails if the client crashes or
# exits non-zero, never reaches the last turn, or a screenshot is missing or blank.
#
#   smoke_test.sh HEGEMON_SERVER HEGEMON_CLIENT SCREENSHOT_DIR
set -uo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 HEGEMON_SERVER HEGEMON_CLIENT SCREENSHOT_DIR" >&2
  exit 2
fi
server_bin="$1"
client_bin="$2"
shots="$3"

fail() {
  echo "client smoke test FAILED: $*" >&2
  exit 1
}

command -v xvfb-run >/dev/null || fail "xvfb-run is missing: install the xvfb package (./hegemon setup)"

work="$(mktemp -d "${TMPDIR:-/tmp}/hegemon-smoke.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

rm -rf "$shots"
mkdir -p "$shots"

# shellcheck source=local_server.sh
source "$(dirname "$0")/local_server.sh"
start_server "$server_bin" "$work"
echo "hegemon-server listens on 127.0.0.1:$port"

# play_through SCENARIO WIDTH HEIGHT TURNS FOLDER: a match of SCENARIO played to turn TURNS in a
# window of WIDTH x HEIGHT, its screenshots in FOLDER.
play_through() {
  local scenario="$1" width="$2" height="$3" turns="$4" folder="$5"
  mkdir -p "$folder"
  LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 $((width + 160))x$((height + 100))x24" \
    "$client_bin" --server "127.0.0.1:$port" --name Smoke --create "$scenario" --autoplay \
    --quit-after-turn "$turns" --timeout 120 --screenshot-dir "$folder" \
    --settings "$work/client-$scenario-$width.txtpb" --width "$width" --height "$height"
  local status=$?
  case "$status" in
    0) ;;
    3) fail "$scenario at ${width}x$height: the client timed out before turn $turns" ;;
    *) fail "$scenario at ${width}x$height: the client exited with status $status (a crash is 128 + the signal)" ;;
  esac
  local picture
  for picture in lobby.png match.png $(seq -f "match-turn-%g.png" 1 "$turns"); do
    [ -f "$folder/$picture" ] || fail "the screenshot $folder/$picture is missing"
    "$client_bin" --check-png "$folder/$picture" || fail "the screenshot $folder/$picture is not right"
  done
}

# The tutorial at the default size; then the two smaller windows a class's laptops have, with the
# drawn maps of the tutorial and the cold war. Each turn's photograph shows another tab (turn 1
# Budget, 2 Diplomacy with the closeup of the state the player fears most, 3 Threats,
# 4 Finlandization, 5 Goals, ...); the tutorial's last turn (20) shows the debrief.
play_through tutorial 1440 900 3 "$shots"
play_through tutorial 1024 640 20 "$shots/tutorial-1024x640"
play_through cold_war_1949 1280 800 5 "$shots/cold_war_1949-1280x800"
kill -0 "$server_pid" 2>/dev/null || fail "hegemon-server died during the match: $(cat "$work/server.log")"
echo "client smoke test passed; screenshots in $shots"
