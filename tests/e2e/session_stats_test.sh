#!/usr/bin/env bash
# A visitor under Xvfb: xdotool taps through a few screens, walks away, the idle timeout passes,
# and `openday stats` shows one session ended by timeout with its taps counted. Then SIGTERM
# stops the kiosk cleanly.
# Usage: session_stats_test.sh OPENDAY TOOLS_DIR
source "$(dirname "$0")/lib.sh"
openday=$1
db="$E2E_WORK/booth.db"

start_xvfb 1920x1080
"$openday" --db "$db" --log-targets --idle-timeout 10 --idle-warning 3 >"$E2E_WORK/kiosk.log" 2>&1 &
kiosk=$!
E2E_PIDS+=($kiosk)
wait_for_log "$E2E_WORK/kiosk.log" "first frame"

xdotool mousemove 960 900 click 1          # wake the attract screen
wait_for_log "$E2E_WORK/kiosk.log" "screen home"
sleep 0.5
tap_target "$E2E_WORK/kiosk.log" home.quiz      # 网上审批有奖竞猜
wait_for_log "$E2E_WORK/kiosk.log" "screen quiz"
sleep 0.5
tap_target "$E2E_WORK/kiosk.log" topbar.back    # 返回
sleep 0.5
tap_target "$E2E_WORK/kiosk.log" home.disclosure  # 政务公开查询
wait_for_log "$E2E_WORK/kiosk.log" "screen departments"
# The visitor walks away: 10 s to the question, 3 s of countdown.
wait_for_log_count "$E2E_WORK/kiosk.log" "screen attract" 2 30
sleep 0.5

stats=$("$openday" stats --db "$db" --json)
echo "$stats"
python3 - "$stats" <<'PY' || fail "stats do not show the session"
import json, sys
s = json.loads(sys.argv[1])
assert s["sessions"] == 1, s
assert s["sessions_ended_by_timeout"] == 1, s
assert s["engaged_sessions"] == 1, s
assert s["interactions"] == 3, s  # home.quiz, topbar.back, home.disclosure (the wake is the session's start)
PY

kill -TERM "$kiosk"
for _ in $(seq 50); do is_running "$kiosk" || break; sleep 0.1; done
is_running "$kiosk" && fail "the kiosk ignored SIGTERM"
wait "$kiosk" || fail "the kiosk exited with an error on SIGTERM"
grep -q "stopping on request" "$E2E_WORK/kiosk.log" || fail "no clean stop logged"
echo "PASS: session and stats"
