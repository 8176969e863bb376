#!/usr/bin/env bash
# Prints the foundation's figures under Xvfb at 1920x1080: time from process start to the
# first frame (5 starts), font atlas size and build time, peak memory, and the CPU the idle
# attract screen uses over 30 s. Usage: startup_idle_bench.sh OPENDAY [IDLE_SECONDS]
source "$(dirname "$0")/../e2e/lib.sh"
openday=$1
idle_seconds=${2:-30}

start_xvfb 1920x1080
export XDG_DATA_HOME="$E2E_WORK/data"

first_frames=()
for run in 1 2 3 4 5; do
  "$openday" >"$E2E_WORK/start$run.log" 2>&1 &
  pid=$!
  wait_for_log "$E2E_WORK/start$run.log" "first frame"
  first_frames+=("$(grep -o 'first frame [0-9.]*' "$E2E_WORK/start$run.log" | awk '{print $3}')")
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
echo "first frame after process start (s), 5 starts: ${first_frames[*]}"
grep -h "font atlas" "$E2E_WORK/start5.log" | head -n 1 | sed 's/^openday: /atlas: /'

"$openday" >"$E2E_WORK/idle.log" 2>&1 &
pid=$!
E2E_PIDS+=($pid)
wait_for_log "$E2E_WORK/idle.log" "first frame"
sleep 3
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks)
sleep "$idle_seconds"
after=$(ticks)
awk -v t=$((after - before)) -v hz="$hz" -v s="$idle_seconds" \
  'BEGIN { printf "idle attract screen CPU over %d s: %.2f%% of one core\n", s, 100 * t / hz / s }'
echo "peak memory (VmHWM): $(awk '/VmHWM/ {printf "%.1f MiB", $2 / 1024}' "/proc/$pid/status")"
