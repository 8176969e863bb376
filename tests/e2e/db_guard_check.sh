#!/usr/bin/env bash
# The command-line tools and a --db that is not theirs: a text file given by mistake is refused
# (exit 6, "not an OpenDay database: <path>") and left exactly as it was, never moved aside and
# replaced by a fresh database. And the desk's redemptions racing each other with no kiosk
# holding the file: every process waits its turn, exactly one wins each code, none fails.
set -euo pipefail
openday=$1
rounds=${OPENDAY_REDEEM_ROUNDS:-20}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

printf '[booth]\nkiosk_id = "kiosk-1"\n' >"$dir/booth.toml"
before=$(sha256sum "$dir/booth.toml" | cut -d' ' -f1)
check_refused() {  # name, then the command
  local name=$1; shift
  set +e
  "$@" >"$dir/$name.out" 2>&1; local rc=$?
  set -e
  [[ $rc -eq 6 ]] || { echo "$name: exit $rc, expected 6"; cat "$dir/$name.out"; exit 1; }
  grep -q "not an OpenDay database: $dir/booth.toml" "$dir/$name.out" || { echo "$name: no clear message"; cat "$dir/$name.out"; exit 1; }
  [[ $(sha256sum "$dir/booth.toml" | cut -d' ' -f1) == "$before" ]] || { echo "$name: changed the file"; exit 1; }
  if compgen -G "$dir/booth.toml?*" >/dev/null; then echo "$name: left files beside it:"; ls "$dir"; exit 1; fi
}
check_refused redeem "$openday" voucher redeem --db "$dir/booth.toml" ABCD-EF23
check_refused set-pin bash -c "printf '258025\n' | '$openday' set-pin --db '$dir/booth.toml'"
check_refused stats "$openday" stats --db "$dir/booth.toml"
check_refused export "$openday" export --db "$dir/booth.toml" --out "$dir/out"
echo "a text file given as --db is refused and untouched"

# Concurrent redemptions: codes from a simulated day, 20 desks at once for each.
db="$dir/booth.db"
"$openday" simulate --db "$db" --visitors 120 --seed 5 --stock 100 --date 2026-05-15 >"$dir/sim.out" 2>"$dir/sim.err"
mapfile -t codes < <(grep '^VOUCHER ' "$dir/sim.out" | cut -d' ' -f2 | head -n "$rounds")
[[ ${#codes[@]} -ge 3 ]] || { echo "simulate printed too few vouchers"; cat "$dir/sim.err"; exit 1; }
for code in "${codes[@]}"; do
  pids=()
  for i in $(seq 1 20); do
    "$openday" voucher redeem --db "$db" "$code" >"$dir/r$i.out" 2>&1 &
    pids+=($!)
  done
  won=0; already=0
  for i in $(seq 1 20); do
    set +e; wait "${pids[$((i - 1))]}"; rc=$?; set -e
    case $rc in
      0) won=$((won + 1)) ;;
      11) already=$((already + 1)) ;;
      *) echo "round $code: a redemption exited $rc"; cat "$dir/r$i.out"; exit 1 ;;
    esac
  done
  [[ $won -eq 1 && $already -eq 19 ]] || { echo "round $code: $won won, $already already redeemed"; exit 1; }
done
echo "PASS: ${#codes[@]} rounds of 20 concurrent redemptions, one winner each"
