#!/usr/bin/env bash
# `openday tally add|list` (issue 12): entries are counted and listed; bad input (an unknown
# kind or department, a negative, zero or absurd count, a category on the wrong kind) exits 2
# with a message naming what is wrong, and writes nothing.
set -euo pipefail
openday=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/desk.db"
today=$(date +%F)

"$openday" tally add --db "$db" --kind consultation
"$openday" tally add --db "$db" --kind answer --department minzheng
"$openday" tally add --db "$db" --kind problem --department minzheng --category fees
"$openday" tally add --db "$db" --kind leaflet --count 100
"$openday" tally add --db "$db" --kind handbook --count 10

# expect_usage NAME EXPECTED-TEXT ARGS...: exit 2 and the text on stderr.
expect_usage() {
  local name=$1 expected=$2
  shift 2
  set +e
  "$openday" tally add --db "$db" "$@" >"$dir/$name.out" 2>"$dir/$name.err"
  local code=$?
  set -e
  [[ $code -eq 2 ]] || { echo "$name: exit $code, expected 2"; cat "$dir/$name.err"; exit 1; }
  grep -qF -- "$expected" "$dir/$name.err" || { echo "$name: the message does not say '$expected':"; cat "$dir/$name.err"; exit 1; }
  echo "$name: $(cat "$dir/$name.err")"
}
expect_usage unknown-kind "unknown kind 'visitor'" --kind visitor
expect_usage no-kind "--kind is required"
expect_usage unknown-department "unknown department 'nosuch'" --kind answer --department nosuch
expect_usage negative-count "got '-5'" --kind leaflet --count -5
expect_usage zero-count "got '0'" --kind leaflet --count 0
expect_usage absurd-count "got '1000000'" --kind leaflet --count 1000000
expect_usage words-count "got 'ten'" --kind leaflet --count ten
expect_usage category-on-leaflet "a category goes only with --kind problem" --kind leaflet --category fees
expect_usage unknown-category "unknown problem category 'weather'" --kind problem --category weather

"$openday" tally list --db "$db" --date "$today" >"$dir/list.out"
cat "$dir/list.out"
[[ $(grep -c '^  [0-9][0-9]:' "$dir/list.out") -eq 5 ]] || { echo "expected 5 entries listed, nothing from the refused ones"; exit 1; }
grep -q 'Totals: consultation 1, answer 1, problem 1, handbook 10, leaflet 100' "$dir/list.out" || { echo "wrong totals"; exit 1; }

"$openday" stats --db "$db" --date "$today" --json >"$dir/stats.json"
python3 - "$dir/stats.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
expected = {"desk_consultations": 1, "policy_answers": 1, "problems_recorded": 1, "handbooks": 10, "leaflets": 100}
for key, value in expected.items():
    assert s[key] == value, (key, s[key], value)
assert s["tally_departments"] == {"minzheng": {"policy_answers": 1, "problems_recorded": 1}}, s["tally_departments"]
print("stats --json:", {k: s[k] for k in expected})
PY
echo "PASS"
