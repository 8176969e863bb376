#!/usr/bin/env bash
# Hostile and unlucky paths on the command line (issue 33): what a command reads from outside is
# refused at once when it is a device, a FIFO or a folder, naming it; what a command writes never
# replaces something that is not a regular file it may overwrite. Every command runs under a time
# and memory limit, so a command that hangs or reads /dev/zero forever fails instead of stalling.
set -euo pipefail
openday=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/fifo"

run() {  # name, expected exit code, then the command; output in $dir/<name>.out
  local name=$1 want=$2; shift 2
  set +e
  (ulimit -v 2000000; timeout 20 "$@") >"$dir/$name.out" 2>&1 </dev/null; local rc=$?
  set -e
  [[ $rc -eq $want ]] || { echo "$name: exit $rc, expected $want"; cat "$dir/$name.out"; exit 1; }
}
expect_text() {  # name, text the output must hold
  grep -qF -- "$2" "$dir/$1.out" || { echo "$1: no '$2' in:"; cat "$dir/$1.out"; exit 1; }
}

# Reads: `status --file` takes only a small regular file.
run status-zero 1 "$openday" status --file /dev/zero
expect_text status-zero "/dev/zero: is a character device, not a regular file"
run status-fifo 1 "$openday" status --file "$dir/fifo"
expect_text status-fifo "$dir/fifo: is a FIFO (named pipe), not a regular file"
run status-folder 1 "$openday" status --file "$dir"
expect_text status-folder "$dir: is a folder, not a regular file"

# set-pin reads one line from standard input: /dev/zero has no newline.
set +e
(ulimit -v 2000000; timeout 20 "$openday" set-pin --db "$dir/pin.db") </dev/zero >"$dir/pin-zero.out" 2>&1; rc=$?
set -e
[[ $rc -eq 2 ]] || { echo "set-pin </dev/zero: exit $rc, expected 2"; cat "$dir/pin-zero.out"; exit 1; }
expect_text pin-zero "longer than 256 bytes; nothing was changed"
[[ ! -e "$dir/pin.db" ]] || { echo "set-pin </dev/zero created the database"; exit 1; }
echo "PASS: reads refused"
