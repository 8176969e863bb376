#!/usr/bin/env bash
# The real kiosk under Xvfb: a click changes the screen; in kiosk mode Esc, Alt+F4, any key
# and the window manager's close request leave it running; in windowed mode Ctrl+Q and the
# close request quit (which also proves those inputs really reach the window).
# Usage: lockdown_test.sh OPENDAY TOOLS_DIR
source "$(dirname "$0")/lib.sh"
openday=$1
send_wm_delete=$2/send_wm_delete

start_xvfb 1920x1080
export XDG_DATA_HOME="$E2E_WORK/data"

# --- kiosk mode ---------------------------------------------------------------------------
"$openday" --log-targets >"$E2E_WORK/kiosk.log" 2>&1 &
kiosk=$!
E2E_PIDS+=($kiosk)
window=$(kiosk_window) || true
[[ -n "$window" ]] || fail "no kiosk window appeared"
wait_for_log "$E2E_WORK/kiosk.log" "first frame"
xdotool windowfocus --sync "$window" || true

xdotool mousemove 1700 950 click 1
wait_for_log "$E2E_WORK/kiosk.log" "screen home"

for keys in Escape alt+F4 ctrl+q ctrl+w alt+Tab super F11 q Return; do
  xdotool key "$keys"
  sleep 0.3
  is_running "$kiosk" || fail "kiosk mode exited after the key $keys"
done
"$send_wm_delete" "$window" || fail "could not send WM_DELETE_WINDOW"
wait_for_log "$E2E_WORK/kiosk.log" "close request ignored"
sleep 0.5
is_running "$kiosk" || fail "kiosk mode exited after a WM_DELETE_WINDOW close request"

# Still responsive after all that: the left entrance opens the disclosure section.
tap_target "$E2E_WORK/kiosk.log" home.disclosure
wait_for_log "$E2E_WORK/kiosk.log" "screen departments"
kill "$kiosk"
wait "$kiosk" 2>/dev/null || true

# --- windowed developer mode -----------------------------------------------------------------
"$openday" --windowed 1280x800 >"$E2E_WORK/windowed.log" 2>&1 &
windowed=$!
E2E_PIDS+=($windowed)
window=$(kiosk_window) || true
[[ -n "$window" ]] || fail "no windowed kiosk appeared"
wait_for_log "$E2E_WORK/windowed.log" "first frame"
xdotool windowfocus --sync "$window" || true
xdotool key Escape
sleep 0.3
is_running "$windowed" || fail "Esc quit the windowed kiosk (only Ctrl+Q should)"
xdotool key ctrl+q
for _ in $(seq 50); do is_running "$windowed" || break; sleep 0.1; done
is_running "$windowed" && fail "Ctrl+Q did not quit the windowed kiosk: keys do not reach the window, so the kiosk-mode checks prove nothing"
wait "$windowed" || fail "the windowed kiosk exited with an error after Ctrl+Q"

"$openday" --windowed 1280x800 >"$E2E_WORK/windowed2.log" 2>&1 &
windowed=$!
E2E_PIDS+=($windowed)
window=$(kiosk_window) || true
wait_for_log "$E2E_WORK/windowed2.log" "first frame"
"$send_wm_delete" "$window"
for _ in $(seq 50); do is_running "$windowed" || break; sleep 0.1; done
is_running "$windowed" && fail "WM_DELETE_WINDOW did not close the windowed kiosk: the close check above proves nothing"
echo "PASS: kiosk lockdown"
