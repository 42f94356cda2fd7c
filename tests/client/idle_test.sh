#!/usr/bin/env bash
# Idle means idle: hegemon-client under Xvfb with Mesa's software OpenGL, left alone in the lobby
# and then in a match waiting for its player, must use less than a twentieth of a core. The
# figure is the client's own CPU time (user + system, from /proc) over a stretch of wall-clock
# time, so a busy machine does not change it much. Fails above the bound; prints both figures.
#
#   idle_test.sh HEGEMON_SERVER HEGEMON_CLIENT
set -uo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 HEGEMON_SERVER HEGEMON_CLIENT" >&2
  exit 2
fi
server_bin="$1"
client_bin="$2"
settle=4    # seconds for the screen to come up and settle before measuring
measure=5   # seconds measured
bound=5     # percent of one core

fail() {
  echo "client idle test FAILED: $*" >&2
  exit 1
}

command -v xvfb-run >/dev/null || fail "xvfb-run is missing: install the xvfb package (./hegemon setup)"

work="$(mktemp -d "${TMPDIR:-/tmp}/hegemon-idle.XXXXXX")"
server_pid=""
client_pid=""
cleanup() {
  for pid in "$client_pid" "$server_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null
      wait "$pid" 2>/dev/null
    fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=local_server.sh
source "$(dirname "$0")/local_server.sh"
start_server "$server_bin" "$work"

# CPU time of the client's process in clock ticks (fields 14 and 15 of /proc/PID/stat).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Runs the client with the given arguments, waits for it to settle, and prints the percent of a
# core it used over the measured stretch.
idle_percent() {
  local what="$1"
  shift
  LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$client_bin" --server "127.0.0.1:$port" --settings "$work/$what.txtpb" \
    --width 1440 --height 900 --timeout $((settle + measure + 5)) "$@" \
    >"$work/$what.out" 2>&1 &
  client_pid=$!
  sleep "$settle"
  # xvfb-run starts Xvfb and the client: the client is the child running our binary.
  local pid
  pid="$(pgrep -P "$client_pid" -f "^$client_bin" | head -n 1)"
  [ -n "$pid" ] || fail "the client did not start ($what): $(cat "$work/$what.out")"
  local before after
  before="$(cpu_ticks "$pid")" || fail "the client ended early ($what): $(cat "$work/$what.out")"
  sleep "$measure"
  after="$(cpu_ticks "$pid")" || fail "the client ended early ($what): $(cat "$work/$what.out")"
  kill "$pid" 2>/dev/null
  wait "$client_pid" 2>/dev/null
  client_pid=""
  local hz
  hz="$(getconf CLK_TCK)"
  echo $(((after - before) * 100 * 100 / (hz * measure)))  # hundredths of a percent
}

lobby="$(idle_percent lobby --name IdleLobby)" || exit 1
match="$(idle_percent match --name IdleMatch --create tutorial)" || exit 1
show() { printf '%d.%02d %%' $(($1 / 100)) $(($1 % 100)); }
echo "idle client: $(show "$lobby") of a core in the lobby, $(show "$match") in a match waiting for its player"
[ "$lobby" -lt $((bound * 100)) ] || fail "the idle lobby used $(show "$lobby") of a core (bound $bound %)"
[ "$match" -lt $((bound * 100)) ] || fail "the idle match used $(show "$match") of a core (bound $bound %)"
kill -0 "$server_pid" 2>/dev/null || fail "hegemon-server died: $(cat "$work/server.log")"
echo "client idle test passed"
