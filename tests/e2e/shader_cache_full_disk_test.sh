#!/usr/bin/env bash
# A full disk under the cache folder must not stop the kiosk from starting (issue 33): Mesa's
# on-disk shader cache maps its index file and faults (SIGBUS) when the disk cannot back it,
# and under Restart=always that is an endless restart loop. The kiosk turns the cache off.
# Needs root for a tiny tmpfs (the container runs as root); skipped (77) without it.
source "$(dirname "$0")/lib.sh"
openday=$1

cache="$E2E_WORK/cache"
mkdir -p "$cache"
mount -t tmpfs -o size=64k,mode=0755 tmpfs "$cache" 2>/dev/null || { echo "SKIP: cannot mount a tmpfs"; exit 77; }
trap 'umount "$cache" 2>/dev/null || true; e2e_cleanup' EXIT
dd if=/dev/zero of="$cache/fill" bs=4k 2>/dev/null || true  # fills it: "No space left on device"

start_xvfb 1280x800
set +e
env -u MESA_SHADER_CACHE_DISABLE -u MESA_GLSL_CACHE_DISABLE XDG_CACHE_HOME="$cache" \
  timeout 120 "$openday" --windowed 1280x800 --db "$E2E_WORK/k.db" --screenshot "$E2E_WORK/shot.png" >"$E2E_WORK/kiosk.log" 2>&1
rc=$?
set -e
[[ $rc -eq 0 ]] || fail "--screenshot with a full cache disk exited $rc (135 is SIGBUS)"
[[ -s "$E2E_WORK/shot.png" ]] || fail "no screenshot written"
[[ ! -e "$cache/mesa_shader_cache" ]] || fail "Mesa's shader cache was created in the full cache folder"
echo "PASS: the kiosk starts with a full cache disk and writes no shader cache"
