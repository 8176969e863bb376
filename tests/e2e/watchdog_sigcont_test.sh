#!/usr/bin/env bash
# Issue 33: after SIGSTOP and SIGCONT (a debugger, a suspended VM, `kill -STOP` by hand) the kiosk
# pings systemd's watchdog at once, on any screen. The loop sleeps up to a quarter of the
# watchdog interval when idle; a sleep cut by the stop used to be resumed for what was left of it,
# so on a screen without animation the first WATCHDOG=1 came up to WatchdogSec/4 late (7.5 s of
# the unit's 30 s), after systemd had waited through the whole stop already.
# Usage: watchdog_sigcont_test.sh OPENDAY TOOLS_DIR
source "$(dirname "$0")/lib.sh"
openday=$1
notify_log="$E2E_WORK/notify.log"
socket_path="$E2E_WORK/notify.sock"
interval_usec=8000000  # WatchdogSec=8: the idle loop sleeps up to 2 s

python3 "$(dirname "$0")/notify_listener.py" "$socket_path" "$notify_log" &
E2E_PIDS+=($!)
wait_for_log "$notify_log" "listening" 10

start_xvfb 1280x800
NOTIFY_SOCKET="$socket_path" WATCHDOG_USEC=$interval_usec "$openday" --db "$E2E_WORK/booth.db" --screen home \
  --idle-timeout 600 >"$E2E_WORK/kiosk.log" 2>&1 &
kiosk=$!
E2E_PIDS+=($kiosk)
wait_for_log "$E2E_WORK/kiosk.log" "first frame" 60
wait_for_log "$notify_log" "READY=1" 10
sleep 3  # settled: nothing left to draw, the loop sleeps its longest between pings

pings() { grep -c "WATCHDOG=1" "$notify_log" || true; }
for round in 1 2 3; do
  # Stopped just after a ping, when the loop has its whole sleep ahead of it.
  count=$(pings)
  wait_for_log_count "$notify_log" "WATCHDOG=1" $((count + 1)) 10
  sleep 0.1
  kill -STOP "$kiosk"
  sleep 9  # longer than the watchdog interval: systemd would be about to restart it
  before=$(pings)
  resumed=$(python3 -c 'import time; print("%.3f" % time.monotonic())')
  kill -CONT "$kiosk"
  wait_for_log_count "$notify_log" "WATCHDOG=1" $((before + 1)) 5
  first=$(awk -v after="$resumed" '$2 == "WATCHDOG=1" && $1 > after { print $1; exit }' "$notify_log")
  [[ -n $first ]] || fail "no WATCHDOG=1 after SIGCONT (round $round)"
  delay=$(awk -v a="$first" -v b="$resumed" 'BEGIN { printf "%.3f", a - b }')
  echo "round $round: first WATCHDOG=1 ${delay} s after SIGCONT"
  awk -v d="$delay" 'BEGIN { exit !(d < 0.5) }' || fail "the first WATCHDOG=1 came ${delay} s after SIGCONT (round $round)"
done
kill -TERM "$kiosk"
wait "$kiosk" || fail "the kiosk exited with $? on SIGTERM"
echo "PASS"
