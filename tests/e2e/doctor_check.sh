#!/usr/bin/env bash
# `openday doctor` for real, under its own Xvfb: on a good setup every line is ✓ except touch
# (Xvfb has no touch device), then each check is made to fail in turn by breaking its one thing,
# and each time doctor prints ✗ for it with what to do, and exits 1.
# Usage: doctor_check.sh OPENDAY SOURCE_DIR
source "$(dirname "$0")/lib.sh"
openday=$1
source_dir=$2
export TZ=Asia/Shanghai
db="$E2E_WORK/booth.db"
config="$E2E_WORK/openday.toml"
tomorrow=$(date -d tomorrow +%F)
sed "s/^# date = .*/date = \"$tomorrow\"/" "$source_dir/assets/openday.toml" >"$config"
grep -q "^date = \"$tomorrow\"" "$config" || fail "could not set the event date in the test config"
printf '258025\n' | "$openday" set-pin --db "$db" >/dev/null || fail "set-pin failed"
start_xvfb 1920x1080

# doctor_run NAME [ENV=VALUE ...] -- [ARGS...]: runs doctor, keeps its output in $E2E_WORK/NAME.out.
doctor_run() {
  local name=$1
  shift
  local env_args=()
  while [[ $1 != -- ]]; do env_args+=("$1"); shift; done
  shift
  # The booth's database and config unless the case names its own (a path is given once).
  local defaults=()
  [[ " $* " == *" --db "* ]] || defaults+=(--db "$db")
  [[ " $* " == *" --config "* ]] || defaults+=(--config "$config")
  set +e
  env "${env_args[@]}" "$openday" doctor "${defaults[@]}" "$@" >"$E2E_WORK/$name.out" 2>&1
  echo $? >"$E2E_WORK/$name.rc"
  set -e
}
expect_line() {  # NAME MARK CHECK
  grep -q "^$2 $3: " "$E2E_WORK/$1.out" || { cat "$E2E_WORK/$1.out" >&2; fail "$1: expected '$2 $3'"; }
}
expect_exit() {  # NAME CODE
  [[ $(cat "$E2E_WORK/$1.rc") == "$2" ]] || { cat "$E2E_WORK/$1.out" >&2; fail "$1: exit $(cat "$E2E_WORK/$1.rc"), expected $2"; }
}

doctor_run good --
cat "$E2E_WORK/good.out"
for check in display font config content "quiz bank" database clock "staff PIN" "prize stock" "kiosk id"; do
  expect_line good ✓ "$check"
done
grep -q "^✓ display: 1920x1080 (landscape)" "$E2E_WORK/good.out" || fail "the display's resolution is not reported"
if grep -q "^✓ touch" "$E2E_WORK/good.out"; then expect_exit good 0; else expect_line good ✗ touch; expect_exit good 1; fi

# Each check failing in turn.
doctor_run no_display DISPLAY= --
expect_line no_display ✗ display
printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' >"$E2E_WORK/no-fonts.conf"
doctor_run no_font FONTCONFIG_FILE="$E2E_WORK/no-fonts.conf" --
expect_line no_font ✗ font
doctor_run no_content -- --content "$E2E_WORK/missing-content"
expect_line no_content ✗ content
printf '{ "questions": [' >"$E2E_WORK/broken-quiz.json"
doctor_run broken_quiz -- --quiz "$E2E_WORK/broken-quiz.json"
expect_line broken_quiz ✗ "quiz bank"
: >"$E2E_WORK/a-file"
doctor_run unwritable_db -- --db "$E2E_WORK/a-file/booth.db"
expect_line unwritable_db ✗ database
doctor_run wrong_zone TZ=UTC --
expect_line wrong_zone ✗ clock
sed "s/^date = .*/date = \"2020-01-01\"/" "$config" >"$E2E_WORK/past.toml"
doctor_run past_event -- --config "$E2E_WORK/past.toml"
expect_line past_event ✗ clock
doctor_run no_pin -- --db "$E2E_WORK/fresh.db"
expect_line no_pin ✗ "staff PIN"
sed "s/^initial_stock = .*/initial_stock = 0/" "$config" >"$E2E_WORK/no-stock.toml"
doctor_run no_stock -- --db "$E2E_WORK/fresh2.db" --config "$E2E_WORK/no-stock.toml"
expect_line no_stock ✗ "prize stock"
doctor_run shared_id -- --kiosks 2
expect_line shared_id ✗ "kiosk id"
for name in no_display no_font no_content broken_quiz unwritable_db wrong_zone past_event no_pin no_stock shared_id; do
  expect_exit "$name" 1
  grep -q " -> " "$E2E_WORK/$name.out" || fail "$name: the failed check does not say what to do"
done
# Issue 31: the 手写 model. Installed: ✓; missing: a "!" warning naming the package, and the exit
# code stays what it was on the good setup (the kiosk works without 手写).
expect_line good ✓ "handwriting model"
sed "s|^handwriting_model = .*|handwriting_model = \"$E2E_WORK/missing.model\"|" "$config" >"$E2E_WORK/no-model.toml"
doctor_run no_model -- --config "$E2E_WORK/no-model.toml"
expect_line no_model ! "handwriting model"
grep -q "tegaki-zinnia-simplified-chinese" "$E2E_WORK/no_model.out" || fail "no_model: the warning does not name the package"
expect_exit no_model "$(cat "$E2E_WORK/good.rc")"
echo "PASS"
