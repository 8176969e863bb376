#!/usr/bin/env bash
# The only way out of kiosk mode, for real under Xvfb: a 3-second press in the bottom-left
# corner opens the PIN keypad; the PIN set with `openday set-pin` opens the dashboard; 退出程序
# and its confirmation end the process with exit code 0.
# Usage: staff_exit_test.sh OPENDAY TOOLS_DIR
source "$(dirname "$0")/lib.sh"
openday=$1
db="$E2E_WORK/booth.db"
log="$E2E_WORK/kiosk.log"

printf '258025\n' | "$openday" set-pin --db "$db" || fail "set-pin failed"
start_xvfb 1920x1080
"$openday" --db "$db" --log-targets >"$log" 2>&1 &
kiosk=$!
E2E_PIDS+=($kiosk)
wait_for_log "$log" "first frame"

# tap ID: presses a touch target of the current screen (held across frames, after the tap
# guard), then gives the kiosk a moment to act on it.
tap() {
  tap_target "$log" "$1"
  sleep 0.3
}

xdotool mousemove 20 1060 mousedown 1
sleep 3.6
xdotool mouseup 1
wait_for_log "$log" "screen staff/pin"
wait_for_log "$log" "target staff.pin.key.11"
# The keypad is 1-9, 删除, 0, 确定: the PIN 258025 is at indexes 1, 4, 7, 10, 1 and 4; 确定 at 11.
for key in 1 4 7 10 1 4 11; do tap "staff.pin.key.$key"; done
wait_for_log "$log" "screen staff/dashboard" 15
wait_for_log "$log" "target staff.exit "
tap "staff.exit"
wait_for_log "$log" "screen staff/exit"
wait_for_log "$log" "target staff.exit.confirm"
tap "staff.exit.confirm"
for _ in $(seq 50); do is_running "$kiosk" || break; sleep 0.1; done
is_running "$kiosk" && fail "the kiosk did not leave after 退出程序"
wait "$kiosk" || fail "the kiosk exited with an error"
grep -q "staff left the app" "$log" || fail "no log of staff leaving"
echo "PASS: staff can leave the kiosk, and only through the PIN"
