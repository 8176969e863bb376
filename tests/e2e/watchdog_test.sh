#!/usr/bin/env bash
# systemd's watchdog, for real under Xvfb: with NOTIFY_SOCKET and WATCHDOG_USEC set (as a
# Type=notify unit with WatchdogSec= sets them) the kiosk says READY=1 after its first frame and
# WATCHDOG=1 at least every WATCHDOG_USEC/2 while idle on the attract screen; stalled with
# SIGSTOP, the pings stop (so systemd would restart it); on SIGTERM it says STOPPING=1.
# Also: the status file the running kiosk writes beside its database, read by `openday status`.
# Usage: watchdog_test.sh OPENDAY TOOLS_DIR
source "$(dirname "$0")/lib.sh"
openday=$1
db="$E2E_WORK/booth.db"
log="$E2E_WORK/kiosk.log"
notify_log="$E2E_WORK/notify.log"
socket_path="$E2E_WORK/notify.sock"
interval_usec=2000000  # WatchdogSec=2: a ping is due at least every second

python3 "$(dirname "$0")/notify_listener.py" "$socket_path" "$notify_log" &
E2E_PIDS+=($!)
wait_for_log "$notify_log" "listening" 10

start_xvfb 1280x800
NOTIFY_SOCKET="$socket_path" WATCHDOG_USEC=$interval_usec "$openday" --db "$db" >"$log" 2>&1 &
kiosk=$!
E2E_PIDS+=($kiosk)
wait_for_log "$log" "first frame" 60
wait_for_log "$notify_log" "READY=1" 10

# Idle on the attract screen for 4 s: the loop sleeps, yet pings at least every half interval.
sleep 4
pings_idle() { awk -v ready="$(awk '/READY=1/ {print $1; exit}' "$notify_log")" '$2 == "WATCHDOG=1" && $1 > ready' "$notify_log" | wc -l; }
(( $(pings_idle) >= 4 )) || fail "expected at least 4 WATCHDOG=1 in 4 s of idle, got $(pings_idle)"
largest_gap=$(awk '$2 == "WATCHDOG=1" { if (last) { gap = $1 - last; if (gap > max) max = gap } last = $1 } END { printf "%.3f", max }' "$notify_log")
awk -v gap="$largest_gap" -v half="$((interval_usec / 2))" 'BEGIN { exit !(gap * 1e6 < half) }' ||
  fail "largest gap between WATCHDOG=1 was ${largest_gap} s, more than WATCHDOG_USEC/2"
echo "watchdog: $(pings_idle) pings after READY=1, largest gap ${largest_gap} s"

# The running kiosk keeps a status file beside its database; `openday status` prints it.
[[ -f "$E2E_WORK/status.json" ]] || fail "no status.json beside the database"
"$openday" status --db "$db" >"$E2E_WORK/status.out" 2>&1 || fail "openday status failed: $(cat "$E2E_WORK/status.out")"
grep -q "^kiosk           kiosk-1 (openday " "$E2E_WORK/status.out" || fail "status: $(cat "$E2E_WORK/status.out")"
grep -q "^today sessions  0" "$E2E_WORK/status.out" || fail "status: $(cat "$E2E_WORK/status.out")"

# A stalled main loop sends nothing.
kill -STOP "$kiosk"
sleep 0.3  # a datagram sent just before the stop may still be on its way
before=$(grep -c "WATCHDOG=1" "$notify_log")
sleep 2.5
after=$(grep -c "WATCHDOG=1" "$notify_log")
((after == before)) || fail "a stopped kiosk still sent $((after - before)) WATCHDOG=1"

# Resumed, it pings again; asked to stop, it says so.
kill -CONT "$kiosk"
wait_for_log_count "$notify_log" "WATCHDOG=1" $((after + 1)) 5
kill -TERM "$kiosk"
wait "$kiosk" || fail "the kiosk exited with $? on SIGTERM"
wait_for_log "$notify_log" "STOPPING=1" 5
grep -c "READY=1" "$notify_log" | grep -qx 1 || fail "READY=1 was sent more than once"
echo "PASS"
