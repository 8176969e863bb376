#!/usr/bin/env bash
# A command that could not store what it was asked to says so in its exit code, and leaves no
# empty database behind (issue 33). A full disk without root: a file size limit (ulimit -f) with
# SIGXFSZ ignored, so that a write past it fails with EFBIG as on a full stick.
set -euo pipefail
openday=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

full_disk() {  # the command, with writes limited to 2 kB per file; its exit code in $rc
  set +e
  (trap '' XFSZ; ulimit -f 4; timeout 120 "$@") >"$dir/out" 2>&1 </dev/null; rc=$?
  set -e
}
expect() {  # what, expected exit code, text the output must hold
  [[ $rc -eq $2 ]] || { echo "$1: exit $rc, expected $2"; cat "$dir/out"; exit 1; }
  grep -qF -- "$3" "$dir/out" || { echo "$1: no '$3' in:"; cat "$dir/out"; exit 1; }
}
no_database_left() {  # what, file
  if compgen -G "$2*" >/dev/null; then echo "$1 left files behind:"; ls -la "$dir"; exit 1; fi
}

# simulate on a full disk: exit 6 (database), with the count.
full_disk "$openday" simulate --db "$dir/sim.db" --visitors 20 --seed 1 --date 2026-05-15
expect "simulate on a full disk" 6 "events could not be stored in $dir/sim.db"

# simulate on a database of a newer OpenDay build.
"$openday" simulate --db "$dir/newer.db" --visitors 1 --seed 1 --date 2026-05-15 >/dev/null 2>&1
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=99'); c.commit(); c.close()" "$dir/newer.db"
set +e
"$openday" simulate --db "$dir/newer.db" --visitors 5 --seed 1 --date 2026-05-15 >"$dir/out" 2>&1; rc=$?
set -e
expect "simulate on a newer schema" 6 "is newer than this build understands"

# set-pin and tally add on a full disk: an error, and the database they created is gone again.
full_disk bash -c "printf '25801234\n' | '$openday' set-pin --db '$dir/pin.db'"
expect "set-pin on a full disk" 6 "$dir/pin.db"
no_database_left "set-pin on a full disk" "$dir/pin.db"
full_disk "$openday" tally add --db "$dir/tally.db" --kind consultation
expect "tally add on a full disk" 6 "$dir/tally.db"
no_database_left "tally add on a full disk" "$dir/tally.db"

# A database that was there before a failed command stays.
"$openday" tally add --db "$dir/kept.db" --kind consultation >/dev/null
set +e
chmod 0400 "$dir/kept.db"
"$openday" tally add --db "$dir/kept.db" --kind consultation >"$dir/out" 2>&1; rc=$?
set -e
[[ -f "$dir/kept.db" ]] || { echo "a failed tally add removed a database that was there before"; exit 1; }
echo "PASS: exit 6 when nothing could be stored, and no empty database left behind"
