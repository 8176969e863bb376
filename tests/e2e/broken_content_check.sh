#!/usr/bin/env bash
# `openday validate` and the kiosk itself refuse a broken content folder: every problem is
# listed with its file and field, the exit code is 7, and content is what is reported even when no
# window can open (DISPLAY is unset: the kiosk opens its window while the content loads, and the
# content's problems come first). The database is never created for content that is refused.
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
[[ $kiosk_status -eq 7 ]] || { echo "the kiosk exited $kiosk_status, expected 7 (content reported before the display)"; cat "$dir/kiosk.out"; exit 1; }
[[ ! -e "$dir/k.db" ]] || { echo "the kiosk created its database for content it refused"; exit 1; }
for expected in "event.json: \$.title: is missing" "a.json:1:12: malformed JSON" "b.json: \$.name: must not be empty" "b.json: \$.phone: is missing"; do
  grep -qF -- "$expected" "$dir/validate.out" || { echo "missing problem: $expected"; exit 1; }
  grep -qF -- "$expected" "$dir/kiosk.out" || { echo "the kiosk did not report: $expected"; exit 1; }
done
echo "PASS"

# A number beyond what a double holds, in one department of the shipped content: every command
# that reads content lists it as a problem (exit 7), none aborts.
big="$dir/big"
cp -r "$(dirname "$0")/../../assets/content" "$big"
first=$(ls "$big/departments" | head -n1)
sed -i '0,/"statutory_days": [0-9]*/s//"statutory_days": 1e999/' "$big/departments/$first"
grep -q '1e999' "$big/departments/$first" || { echo "the fixture edit failed"; exit 1; }
for command in "validate --content $big" "simulate --content $big --db $dir/sim.db --visitors 1 --seed 1" \
               "export --content $big --db $dir/none.db --out $dir/out" "--content $big --db $dir/k2.db"; do
  set +e
  env -u DISPLAY "$openday" $command >"$dir/big.out" 2>&1
  status=$?
  set -e
  [[ $status -eq 7 ]] || { echo "openday $command exited $status, expected 7"; cat "$dir/big.out"; exit 1; }
  grep -qF -- "$first: \$.approval_items[" "$dir/big.out" || { echo "openday $command: no file and path"; cat "$dir/big.out"; exit 1; }
  grep -qF -- "1e999" "$dir/big.out" || { echo "openday $command: the number is not named"; cat "$dir/big.out"; exit 1; }
done
echo "PASS: out-of-range numbers"
