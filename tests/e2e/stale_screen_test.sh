#!/usr/bin/env bash
# Stale screens (issue 9), the way a tester found them: the fullscreen kiosk under Xvfb, real
# xdotool taps through a browse (home → departments → a department → each tab → an approval item
# → Back → Home) and a whole quiz round (intro → each question: answer, 下一题 → result →
# 再答一次), and the staff dashboard. After each tap, once the kiosk has stopped drawing, the
# screen must be final: moving the pointer by one pixel (no press) must not change a pixel. A
# kiosk that went to sleep on a half-settled frame (the previous scroll position, a scroll bar
# not yet there, 正在统计…… after the report arrived) fails here.
# Usage: stale_screen_test.sh OPENDAY TOOLS_DIR
source "$(dirname "$0")/lib.sh"
openday=$1
tools=$2
content="$(dirname "$0")/../../assets/content"
db="$E2E_WORK/booth.db"
log="$E2E_WORK/kiosk.log"
screens=0
taps=0
drags=0

# shot: saves the whole screen under a new name (it runs in a subshell: no counter), prints it.
shot() {
  local file
  file=$(mktemp "$E2E_WORK/shot-XXXXXX.png")
  "$tools/x11_screenshot" "$file" || fail "x11_screenshot failed"
  echo "$file"
}

# still_screen: waits until two screenshots 0.3 s apart agree (the kiosk has stopped drawing),
# prints the last one.
still_screen() {
  local before after
  before=$(shot)
  for _ in $(seq 40); do
    sleep 0.3
    after=$(shot)
    if cmp -s "$before" "$after"; then
      rm -f "$before"
      echo "$after"
      return 0
    fi
    rm -f "$before"
    before=$after
  done
  fail "the screen never stopped changing"
}

# expect_final WHAT: the picture the kiosk went to sleep on must be the final one.
expect_final() {
  local before after
  before=$(still_screen)
  xdotool mousemove_relative -- 1 0  # no press: like a finger that has not landed yet
  after=$(still_screen)
  screens=$((screens + 1))
  if ! cmp -s "$before" "$after"; then
    if [[ -n "${OPENDAY_E2E_KEEP:-}" ]]; then
      mkdir -p "$OPENDAY_E2E_KEEP" && cp "$before" "$OPENDAY_E2E_KEEP/stale-before.png" && cp "$after" "$OPENDAY_E2E_KEEP/stale-after.png"
    fi
    fail "after $1 the kiosk slept on a frame that was not final: a 1-pixel pointer move changed the screen"
  fi
  rm -f "$before" "$after"
  echo "ok final: $1"
}

# target_line ID: the last logged position of a touch target ("openday: target ID X Y").
target_line() { grep "target $1 " "$log" | tail -n 1 || true; }

# tap ID: a real click at the centre the kiosk logged for the target.
tap() {
  local line
  line=$(target_line "$1")
  [[ -n "$line" ]] || fail "no target $1 on screen"
  read -r _ _ _ x y <<<"$line"
  xdotool mousemove "$x" "$y" click 1
  taps=$((taps + 1))
}

# tap_to ID ROUTE: taps and waits for the screen ROUTE to be logged once more.
tap_to() {
  local count
  count=$(grep -c -- "screen $2\$" "$log" || true)
  tap "$1"
  wait_for_log_count "$log" "screen $2\$" $((count + 1))
  expect_final "$1 → $2"
}

# tap_here ID: a tap that changes the screen in place (a tab, an answer, the next question).
tap_here() {
  tap "$1"
  expect_final "$1"
}

# drag_up: a finger drags the screen up slowly enough for the kiosk to see it move, rests, lifts.
drag_up() {
  xdotool mousemove 960 850 mousedown 1
  local y
  for y in 820 780 740 700 660 620 580 540 500 460 420 400; do
    sleep 0.04
    xdotool mousemove 960 "$y"
  done
  sleep 0.5
  xdotool mouseup 1
  drags=$((drags + 1))
}

start_xvfb 1920x1080
"$openday" --db "$db" --content "$content" --log-targets --idle-timeout 900 --idle-warning 10 >"$log" 2>&1 &
kiosk=$!
E2E_PIDS+=($kiosk)
wait_for_log "$log" "first frame"

# The browse.
xdotool mousemove 960 900 click 1  # wake the attract screen
taps=$((taps + 1))
wait_for_log "$log" "screen home"
expect_final "waking the attract screen"
tap_to home.disclosure departments
# The first department on the list that has approval items.
with_items=$(python3 - "$content" <<'PY'
import json, pathlib, sys
for path in sorted(pathlib.Path(sys.argv[1], "departments").glob("*.json")):
    d = json.loads(path.read_text(encoding="utf-8"))
    if d["approval_items"]:
        print(d["id"])
PY
)
department=""
while read -r _ _ id _; do
  id=${id#departments.card.}
  grep -qx -- "$id" <<<"$with_items" && { department=$id; break; }
done < <(grep "target departments.card." "$log")
[[ -n "$department" ]] || fail "no department with approval items on the list"
tap_to "departments.card.$department" "department/$department/duties"
tap_here department.tab.items
tap_here department.tab.fees
tap_here department.tab.duties
tap_here department.tab.items
item=$(grep -o "target department\.item\.[^ ]*" "$log" | tail -n 1 | cut -d' ' -f2)
[[ -n "$item" ]] || fail "no approval item listed for $department"
tap_to "$item" "item/${item#department.item.}"
tap_to topbar.back "department/$department/items"
tap_to topbar.home home

# A whole quiz round, then 再答一次.
tap_to home.quiz quiz
tap_to quiz.start quiz/question
questions=0
while ((questions < 20)); do
  tap_here quiz.option.0
  questions=$((questions + 1))
  results=$(grep -c "screen quiz/result$" "$log" || true)
  tap "quiz.next"
  sleep 0.5
  if (($(grep -c "screen quiz/result$" "$log" || true) > results)); then
    expect_final "quiz.next → quiz/result"
    break
  fi
  expect_final "quiz.next (question $((questions + 1)))"
done
grep -q "screen quiz/result$" "$log" || fail "the round never reached its result"
# A failed round lists what was missed above the buttons: drag them into view like a visitor.
for drag in 1 2 3 4 5 6; do
  sed -n '/screen quiz\/result$/,$p' "$log" | grep -q "target quiz.retry " && break
  drag_up
  expect_final "drag $drag on the result"
done
tap_to quiz.retry quiz/question

kill -TERM "$kiosk"
wait "$kiosk" || fail "the kiosk exited with an error on SIGTERM"

# The staff dashboard: its report arrives from another thread.
"$openday" --db "$db" --content "$content" --screen staff/dashboard >"$E2E_WORK/dashboard.log" 2>&1 &
E2E_PIDS+=($!)
wait_for_log "$E2E_WORK/dashboard.log" "first frame"
expect_final "opening the staff dashboard"

echo "covered $screens screens, $taps taps and $drags drags ($questions quiz questions)"
echo "PASS: every screen was final when the kiosk went to sleep"
