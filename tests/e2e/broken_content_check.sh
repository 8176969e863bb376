#!/usr/bin/env bash
# `openday validate` and the kiosk itself refuse a broken content folder: every problem is
# listed with its file and field, the exit code is 7, and no window is ever opened (DISPLAY is
# unset, so trying to open one would fail differently).
set -euo pipefail
openday=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/departments"
printf '{"county": "x"}' >"$dir/event.json"
printf '{"id": "a",}' >"$dir/departments/a.json"
printf '{"id": "b", "name": ""}' >"$dir/departments/b.json"

set +e
"$openday" validate --content "$dir" >"$dir/validate.out" 2>&1
validate_status=$?
env -u DISPLAY "$openday" --content "$dir" --db "$dir/k.db" >"$dir/kiosk.out" 2>&1
kiosk_status=$?
set -e
cat "$dir/validate.out"
[[ $validate_status -eq 7 ]] || { echo "validate exited $validate_status, expected 7"; exit 1; }
[[ $kiosk_status -eq 7 ]] || { echo "the kiosk exited $kiosk_status, expected 7 (content refused before any window)"; cat "$dir/kiosk.out"; exit 1; }
for expected in "event.json: \$.title: is missing" "a.json:1:12: malformed JSON" "b.json: \$.name: must not be empty" "b.json: \$.phone: is missing"; do
  grep -qF -- "$expected" "$dir/validate.out" || { echo "missing problem: $expected"; exit 1; }
  grep -qF -- "$expected" "$dir/kiosk.out" || { echo "the kiosk did not report: $expected"; exit 1; }
done
echo "PASS"
