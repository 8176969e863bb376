#!/usr/bin/env bash
# Hostile and unlucky paths on the command line (issue 33): what a command reads from outside is
# refused at once when it is a device, a FIFO or a folder, naming it; what a command writes never
# replaces something that is not a regular file it may overwrite. Every command runs under a time
# and memory limit, so a command that hangs or reads /dev/zero forever fails instead of stalling.
set -euo pipefail
openday=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/fifo" "$dir/fifo.xlsx"

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

# Writes: `speak --wav` and `content template --out` never replace a FIFO, a symlink (nor the file
# it points to) or a folder. exit 8: the file could not be written.
printf 'keep me\n' >"$dir/other.txt"
ln -s "$dir/other.txt" "$dir/link"
ln -s "$dir/other.txt" "$dir/link.xlsx"
mkdir "$dir/folder" "$dir/folder.xlsx"
check_kept() {
  [[ -p "$dir/fifo" && -L "$dir/link" && -d "$dir/folder" && -p "$dir/fifo.xlsx" && -L "$dir/link.xlsx" && -d "$dir/folder.xlsx" ]] || { echo "$1: replaced what was there"; ls -l "$dir"; exit 1; }
  [[ $(cat "$dir/other.txt") == "keep me" ]] || { echo "$1: changed the file the symlink points to"; exit 1; }
  if compgen -G "$dir/.*.tmp-*" >/dev/null; then echo "$1: left a temporary file"; ls -la "$dir"; exit 1; fi
}
for target in fifo link folder; do
  case $target in fifo) kind="a FIFO (named pipe)" ;; link) kind="a symbolic link" ;; folder) kind="a folder" ;; esac
  run "speak-$target" 8 "$openday" speak --wav "$dir/$target" "你好"
  expect_text "speak-$target" "$dir/$target: is $kind; only a regular file is replaced"
  check_kept "speak --wav $target"
  run "template-$target" 8 "$openday" content template --out "$dir/$target.xlsx"
  expect_text "template-$target" "$dir/$target.xlsx: is $kind; only a regular file is replaced"
  check_kept "content template --out $target"
done
echo "PASS: writes refused"

# Another program's SQLite file as simulate's --db: refused, byte-identical, nothing beside it.
foreign_db() {  # file, user_version
  python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE recipes (name TEXT)'); c.execute('INSERT INTO recipes VALUES (1)'); c.execute('PRAGMA user_version=' + sys.argv[2]); c.commit(); c.close()" "$1" "$2"
}
mkdir "$dir/dbs"
for version in 0 7; do
  db="$dir/dbs/foreign$version.db"
  foreign_db "$db" "$version"
  before=$(sha256sum "$db" | cut -d' ' -f1)
  set +e
  (ulimit -v 2000000; timeout 60 "$openday" simulate --db "$db" --visitors 3 --seed 1 --date 2026-05-15) >"$dir/sim$version.out" 2>&1; rc=$?
  set -e
  [[ $(sha256sum "$db" | cut -d' ' -f1) == "$before" ]] || { echo "simulate changed a foreign db (user_version $version)"; cat "$dir/sim$version.out"; exit 1; }
  [[ $(ls "$dir/dbs" | wc -l) -eq 1 ]] || { echo "simulate left files beside a foreign db:"; ls "$dir/dbs"; exit 1; }
  [[ $rc -eq 6 ]] || { echo "simulate on a foreign db (user_version $version): exit $rc, expected 6"; cat "$dir/sim$version.out"; exit 1; }
  expect_text "sim$version" "not an OpenDay database: $db"
  rm "$db"
done
echo "PASS: foreign databases refused"
