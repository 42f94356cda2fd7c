# Sourced by the client's Xvfb tests: start_server SERVER_BINARY WORK_DIR starts hegemon-server on
# 127.0.0.1 (port 0, its database in WORK_DIR/data), sets server_pid and port, and calls the
# sourcing script's fail() if the server does not come up. The caller stops it by its pid.

start_server() {
  local binary="$1" dir="$2"
  # The server prints "listening on HOST:PORT" as its first line.
  "$binary" --listen 127.0.0.1:0 --data "$dir/data" --log-level warn \
    >"$dir/server.out" 2>"$dir/server.log" &
  server_pid=$!
  local line=""
  for _ in $(seq 1 150); do
    line="$(head -n 1 "$dir/server.out" 2>/dev/null || true)"
    [ -n "$line" ] && break
    kill -0 "$server_pid" 2>/dev/null || fail "hegemon-server exited at start: $(cat "$dir/server.log")"
    sleep 0.1
  done
  case "$line" in
    "listening on "*:*) port="${line##*:}" ;;
    *) fail "hegemon-server did not say where it listens (first line: \"$line\")" ;;
  esac
}
