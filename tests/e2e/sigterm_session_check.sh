#!/usr/bin/env bash
# A visitor is mid-session when the kiosk is stopped. SIGTERM (what systemd sends) ends the
# session as "shutdown" with its taps; SIGKILL leaves it open, and the next start closes it at
# its last event ("interrupted"), so stats and exports never show a session with no end.
# Usage: sigterm_session_check.sh OPENDAY
source "$(dirname "$0")/lib.sh"
openday=$1
db="$E2E_WORK/booth.db"

start_xvfb 1920x1080
visit() {  # log name: starts the kiosk, wakes it and taps twice
  "$openday" --db "$db" --log-targets >"$E2E_WORK/$1.log" 2>&1 &
  kiosk=$!
  E2E_PIDS+=($kiosk)
  wait_for_log "$E2E_WORK/$1.log" "first frame"
  xdotool mousemove 960 900 click 1          # wake the attract screen
  wait_for_log "$E2E_WORK/$1.log" "screen home"
  sleep 0.5
  tap_target "$E2E_WORK/$1.log" home.disclosure  # 政务公开查询
  wait_for_log "$E2E_WORK/$1.log" "screen departments"
  sleep 0.5
}
session_ends() {
  python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for row in db.execute("SELECT target, value, count FROM events WHERE type = 'session_end' ORDER BY id"):
    print(*row)
PY
}

visit term
kill -TERM "$kiosk"
for _ in $(seq 50); do is_running "$kiosk" || break; sleep 0.1; done
is_running "$kiosk" && fail "the kiosk ignored SIGTERM"
ends=$(session_ends)
echo "after SIGTERM: $ends"
[[ $(echo "$ends" | grep -c '^shutdown ') -eq 1 ]] || fail "no session_end (shutdown) after SIGTERM: $ends"

visit kill
sleep 0.3   # the taps are committed within 25 ms
kill -KILL "$kiosk"
wait "$kiosk" 2>/dev/null || true
"$openday" --db "$db" >"$E2E_WORK/restart.log" 2>&1 &
kiosk=$!
E2E_PIDS+=($kiosk)
wait_for_log "$E2E_WORK/restart.log" "first frame"
kill -TERM "$kiosk"
wait "$kiosk" || fail "the restarted kiosk exited with an error"
ends=$(session_ends)
echo "after SIGKILL and a restart: $ends"
line=$(echo "$ends" | grep '^interrupted ' || true)
[[ -n "$line" ]] || fail "the killed session was not closed at the next start: $ends"
read -r _ dwell touches <<<"$line"
(( dwell > 0 )) || fail "the interrupted session has no dwell: $line"
(( touches >= 1 )) || fail "the interrupted session has no touches though it tapped: $line"
stats=$("$openday" stats --db "$db" --json)
python3 - "$stats" <<'PY' || fail "stats do not add up: $stats"
import json, sys
s = json.loads(sys.argv[1])
assert s["sessions"] == 2, s
assert s["sessions_ended_by_shutdown"] == 2, s
assert s["sessions"] == s["sessions_ended_by_timeout"] + s["sessions_ended_by_done"] + s["sessions_ended_by_shutdown"], s
PY
echo "PASS: sessions cut by SIGTERM and SIGKILL are closed"
