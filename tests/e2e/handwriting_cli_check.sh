#!/usr/bin/env bash
# Issue 31: `openday handwriting` on real stroke data (hanzi-writer-data, fetched by .ci/setup):
# 低 drawn from its medians comes first; bad input exits 16 naming where; a missing model exits 17.
# Usage: handwriting_cli_check.sh OPENDAY HANZI_DATA_DIR
set -euo pipefail
openday=$1 data=${OPENDAY_HANZI_DATA:-$2}
work=$(mktemp -d /tmp/openday-handwriting.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

[[ -f "$data/低.json" ]] || fail "hanzi-writer-data is missing at '$data': run .ci/setup (it fetches it) or set OPENDAY_HANZI_DATA"

# hanzi-writer's y grows upwards from -124 to 900; the command's grows downwards from 0 to 1024.
strokes_of() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps([[[x, 900 - y] for x, y in s] for s in d["medians"]]))' "$data/$1.json"
}

strokes_of 低 >"$work/di.json"
"$openday" handwriting --json <"$work/di.json" >"$work/di.out"
python3 - "$work/di.out" <<'PY' || fail "低: $(cat "$work/di.out")"
import json, sys
out = json.load(open(sys.argv[1]))
candidates = out["candidates"]
assert out["reranked"] is True
assert 5 <= len(candidates) <= 10, len(candidates)
assert candidates[0]["character"] == "低", candidates[0]
assert candidates[0]["in_content"] is True
PY
"$openday" handwriting <"$work/di.json" | head -1 | grep -q '^1\. 低 ' || fail "text output does not start with 1. 低"

# After 低 in the search box, 保 drawn from its medians comes first (低保).
strokes_of 保 >"$work/bao.json"
"$openday" handwriting --query 低 <"$work/bao.json" | head -1 | grep -q '^1\. 保 ' || fail "保 after 低 is not first"

expect_exit() {
  local want=$1 input=$2 pattern=$3
  shift 3
  set +e
  printf '%s' "$input" | "$openday" handwriting "$@" >"$work/out" 2>"$work/err"
  local got=$?
  set -e
  [[ $got -eq $want ]] || fail "input '$input' $*: exit $got, expected $want ($(cat "$work/err"))"
  grep -q -- "$pattern" "$work/err" || fail "input '$input': '$pattern' not in: $(cat "$work/err")"
}
expect_exit 16 '[[[1, 2]' 'malformed JSON'
expect_exit 16 '[[[1, 2000]]]' '\$\[0\]\[0\]: needs whole-number coordinates'
expect_exit 16 '[]' 'non-empty array of strokes'
head -c 300000 /dev/zero | tr '\0' ' ' >"$work/big"
set +e
"$openday" handwriting <"$work/big" 2>"$work/err"; got=$?
set -e
[[ $got -eq 16 ]] && grep -q 'larger than 256 kB' "$work/err" || fail "a 300 kB input: exit $got, $(cat "$work/err")"
expect_exit 17 '[[[1, 2], [500, 500]]]' 'tegaki-zinnia-simplified-chinese' --model "$work/no-such.model"
echo "handwriting CLI: OK"
