#!/usr/bin/env bash
# `openday voucher redeem`: exit 0 the first time, 11 (saying when) the second, 10 for a code
# it never issued; any case and separators accepted. Codes come from `openday simulate`.
set -euo pipefail
openday=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/booth.db"
"$openday" simulate --db "$db" --visitors 40 --seed 3 --stock 50 --date 2026-05-15 >"$dir/sim.out" 2>"$dir/sim.err"
code=$(grep -m1 '^VOUCHER ' "$dir/sim.out" | cut -d' ' -f2)
[[ -n "$code" ]] || { echo "simulate printed no voucher"; cat "$dir/sim.err"; exit 1; }
typed=$(echo "$code" | tr 'A-Z' 'a-z' | tr -d '-' | sed 's/^\(....\)/\1 /')   # "abcd efgh"

set +e
"$openday" voucher redeem --db "$db" $typed >"$dir/first.out" 2>&1; first=$?
"$openday" voucher redeem --db "$db" "$code" >"$dir/second.out" 2>&1; second=$?
"$openday" voucher redeem --db "$db" ZZZZ-ZZZZ >"$dir/unknown.out" 2>&1; unknown=$?
set -e
cat "$dir/first.out" "$dir/second.out" "$dir/unknown.out"
[[ $first -eq 0 ]] || { echo "first redemption exited $first"; exit 1; }
grep -q "REDEEMED $code" "$dir/first.out" || { echo "no confirmation"; exit 1; }
[[ $second -eq 11 ]] || { echo "second redemption exited $second, expected 11"; exit 1; }
grep -q "already redeemed at 20" "$dir/second.out" || { echo "the second redemption does not say when"; exit 1; }
[[ $unknown -eq 10 ]] || { echo "unknown code exited $unknown, expected 10"; exit 1; }
echo "PASS"
