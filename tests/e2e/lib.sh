# Helpers for end-to-end tests: each test starts its own Xvfb, so it needs no display from
# the caller and never collides with another test's.
set -euo pipefail

E2E_WORK=$(mktemp -d /tmp/openday-e2e.XXXXXX)
E2E_PIDS=()

e2e_cleanup() {
  local pid
  for pid in "${E2E_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${E2E_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$E2E_WORK"
}
trap e2e_cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  for log in "$E2E_WORK"/*.log; do [[ -f "$log" ]] && { echo "--- $log" >&2; tail -n 30 "$log" >&2; }; done
  exit 1
}

# start_xvfb WIDTHxHEIGHT: starts a private X server and exports DISPLAY.
start_xvfb() {
  local fifo="$E2E_WORK/displayfd"
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 "${1}x24" -nolisten tcp -noreset 3>"$fifo" 2>"$E2E_WORK/xvfb.log" &
  E2E_PIDS+=($!)
  local number
  read -r -t 20 number <"$fifo" || fail "Xvfb did not start"
  export DISPLAY=":$number"
}

# wait_for_log FILE PATTERN [SECONDS]: waits until a line of FILE matches PATTERN.
wait_for_log() {
  local file=$1 pattern=$2 seconds=${3:-20}
  local deadline=$((SECONDS + seconds))
  while ((SECONDS < deadline)); do
    grep -q -- "$pattern" "$file" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "timed out after ${seconds}s waiting for '$pattern' in $file"
}

# wait_for_log_count FILE PATTERN COUNT [SECONDS]: waits until COUNT lines of FILE match.
wait_for_log_count() {
  local file=$1 pattern=$2 count=$3 seconds=${4:-20}
  local deadline=$((SECONDS + seconds))
  while ((SECONDS < deadline)); do
    (( $(grep -c -- "$pattern" "$file" 2>/dev/null || true) >= count )) && return 0
    sleep 0.1
  done
  fail "timed out after ${seconds}s waiting for $count lines of '$pattern' in $file"
}

# kiosk_window: the X window id of the kiosk.
kiosk_window() {
  timeout 20 xdotool search --sync --onlyvisible --name "OpenDay Kiosk" | head -n 1
}

is_running() { kill -0 "$1" 2>/dev/null; }

# press_at X Y: a finger press at X Y, held across frames. Dear ImGui 1.86 reads the buttons
# once a frame, so a press and release in the same instant (xdotool click) may be seen by some
# frames as no press at all.
E2E_PRESS_SECONDS=0.08
press_at() {
  xdotool mousemove "$1" "$2" mousedown 1
  sleep "$E2E_PRESS_SECONDS"
  xdotool mouseup 1
}

# After a screen changes the kiosk ignores presses that begin within its tap guard
# (Kiosk::kTapGuardSeconds, 0.3 s); its targets may be logged sooner than that, so a script
# that taps a target as soon as it is logged waits this long first (the guard and a frame).
E2E_TAP_GUARD_WAIT=0.4

# tap_target LOG ID: once the tap guard of a new screen has passed, presses the centre of the
# touch target ID where the kiosk (run with --log-targets, writing to LOG) last logged it.
tap_target() {
  local log=$1 id=$2 line x y
  sleep "$E2E_TAP_GUARD_WAIT"
  line=$(grep "target $id " "$log" | tail -n 1 || true)
  [[ -n "$line" ]] || fail "no target $id on screen"
  read -r _ _ _ x y <<<"$line"
  press_at "$x" "$y"
}
