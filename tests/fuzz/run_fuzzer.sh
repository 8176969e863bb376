#!/usr/bin/env bash
# Runs one libFuzzer harness the way CTest's `fuzz` label does: first every saved reproducer of
# tests/fuzz/crashes/<name>/ (a fixed crash must stay fixed), then a fuzzing run of a fixed length
# seeded from the shipped assets. Any crash, leak, sanitizer report or broken reader contract
# fails the test, and the input is kept under ARTIFACTS/ and printed as hex.
# Usage: run_fuzzer.sh FUZZER NAME SECONDS DICT ARTIFACTS SEED...
#   OPENDAY_FUZZ_SECONDS   overrides SECONDS (run longer by hand)
#   OPENDAY_FUZZ_CORPUS    a folder that keeps the grown corpus between runs (default: thrown away)
#   OPENDAY_FUZZ_JOBS      parallel fuzzing processes (default 1)
set -euo pipefail
fuzzer=$(realpath "$1") name=$2 seconds=${OPENDAY_FUZZ_SECONDS:-$3} dict=$4 artifacts=$5
shift 5
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "/tmp/openday-fuzz-$name.XXXXXX")
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/seeds" "$artifacts"
for seed in "$@"; do
  if [[ -d "$seed" ]]; then cp "$seed"/* "$work/seeds/"; else cp "$seed" "$work/seeds/"; fi
done
corpus=${OPENDAY_FUZZ_CORPUS:-$work/corpus}
mkdir -p "$corpus"

report_artifacts() {
  local file
  for file in "$artifacts"/*; do
    [[ -f "$file" ]] || continue
    echo "fuzz $name: reproducer $file ($(stat -c %s "$file") bytes), as hex (first 1 KiB):" >&2
    head -c 1024 "$file" | od -An -tx1 | tr -d ' \n' >&2
    echo >&2
  done
}

# Known reproducers first: each must now pass through the reader without a crash.
shopt -s nullglob
known=("$here/crashes/$name"/*)
if ((${#known[@]})); then
  echo "fuzz $name: replaying ${#known[@]} saved reproducer(s)"
  if ! "$fuzzer" -runs=1 "${known[@]}" >"$work/replay.log" 2>&1; then
    cat "$work/replay.log" >&2
    echo "FAIL: fuzz $name: a saved reproducer in tests/fuzz/crashes/$name still crashes" >&2
    exit 1
  fi
fi

echo "fuzz $name: fuzzing for ${seconds}s from $(ls "$work/seeds" | wc -l) seed(s)"
rm -f "$artifacts"/*
parallel=()
# libFuzzer's -jobs mode writes each worker's log to fuzz-N.log in the current folder.
[[ -n "${OPENDAY_FUZZ_JOBS:-}" ]] && parallel=(-jobs="$OPENDAY_FUZZ_JOBS" -workers="$OPENDAY_FUZZ_JOBS")
status=0
(cd "$work" && "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -dict="$dict" -artifact_prefix="$artifacts/" -print_final_stats=1 "${parallel[@]}" \
  "$corpus" "$work/seeds" >"$work/fuzz.log" 2>&1) || status=$?
[[ -n "${OPENDAY_FUZZ_JOBS:-}" ]] && cat "$work"/fuzz-*.log >>"$work/fuzz.log" 2>/dev/null
grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs)' "$work/fuzz.log" || true
if ((status != 0)); then
  tail -n 80 "$work/fuzz.log" >&2
  report_artifacts
  echo "FAIL: fuzz $name: the harness failed (exit $status); reproducer kept in $artifacts" >&2
  exit 1
fi
echo "PASS: fuzz $name"
