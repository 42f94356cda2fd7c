#!/usr/bin/env bash
# The client's smoke test: a real hegemon-server on 127.0.0.1, and hegemon-client under Xvfb with
# Mesa's software OpenGL creating a tutorial match (its own seat KAR, bots in the others) and
# playing three turns through its own controls (--autoplay). Fails if the client crashes or exits
# non-zero, never reaches turn 3, or a screenshot is missing or blank.
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

LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$client_bin" --server "127.0.0.1:$port" --name Smoke --create tutorial --autoplay \
  --quit-after-turn 3 --timeout 90 --screenshot-dir "$shots" --settings "$work/client.txtpb" \
  --width 1440 --height 900
status=$?
case "$status" in
  0) ;;
  3) fail "the client timed out before turn 3" ;;
  *) fail "the client exited with status $status (a crash is 128 + the signal)" ;;
esac

for picture in lobby.png match.png match-turn-1.png match-turn-2.png match-turn-3.png; do
  [ -f "$shots/$picture" ] || fail "the screenshot $shots/$picture is missing"
  "$client_bin" --check-png "$shots/$picture" || fail "the screenshot $shots/$picture is not right"
done
kill -0 "$server_pid" 2>/dev/null || fail "hegemon-server died during the match: $(cat "$work/server.log")"
echo "client smoke test passed; screenshots in $shots"
