#!/usr/bin/env bash
# Issue 33: the kiosk still works under the hardened unit, as far as its sandbox can be built here
# without systemd as PID 1. In a mount namespace, as the unit has it: a private /tmp shared by X
# and the kiosk (PrivateTmp=), the whole file system read-only but the state folder
# (ProtectSystem=strict, StateDirectory=), an unprivileged user with no capabilities and no way to
# gain any (User=, CapabilityBoundingSet=, NoNewPrivileges=), umask 077 (UMask=). The kiosk opens
# its database, draws the home screen on llvmpipe and writes its photograph; the database is the
# user's own and nobody else's. Not built here (systemd sets them up): the syscall filter, the
# address families, the device policy, the kernel and clock protections.
# Skips (exit 77) without root or without mount namespaces.
# Usage: unit_sandbox_check.sh OPENDAY SOURCE_DIR
set -euo pipefail
openday=$(realpath "$1")
unit="$2/assets/deploy/systemd/openday-kiosk.service"
user_id=65534  # nobody: a user that owns nothing of the source tree, as openday owns nothing of /usr

fail() { echo "FAIL: $*" >&2; exit 1; }
# The settings this run stands for.
for setting in PrivateTmp=yes ProtectSystem=strict StateDirectory=openday NoNewPrivileges=yes 'CapabilityBoundingSet=$' UMask=0077; do
  grep -q "^$setting" "$unit" || fail "$unit lacks $setting, which this check reproduces"
done
if [[ $(id -u) != 0 ]] || ! unshare --mount --propagation private true 2>/dev/null; then
  echo "SKIP: building the sandbox needs root and mount namespaces"
  exit 77
fi
state=$(mktemp -d /var/tmp/openday-sandbox.XXXXXX)  # stands in for /var/lib/openday
trap 'rm -rf "$state"' EXIT
chown "$user_id:$user_id" "$state"
chmod 0750 "$state"

# The build and the sample content it reads may themselves live under /tmp (a CI checkout):
# the private /tmp gets them back at the same paths, as the unit's /usr would have them.
source_dir=$(realpath "$2")
unshare --mount --propagation private bash -s -- "$openday" "$state" "$user_id" "$source_dir" <<'INSIDE' || fail "the kiosk did not run in the sandbox"
set -euo pipefail
openday=$1 state=$2 user_id=$3 source_dir=$4
host_tmp="$state/.host-tmp"
mkdir -p "$host_tmp"
mount --bind /tmp "$host_tmp"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /tmp  # PrivateTmp=yes
for needed in "$source_dir" "$(dirname "$openday")"; do
  if [[ $needed == /tmp/* ]]; then
    mkdir -p "$needed"
    mount --bind "$host_tmp/${needed#/tmp/}" "$needed"
  fi
done
umount "$host_tmp"
mount --bind "$state" "$state"                       # StateDirectory=openday stays writable
mount -o remount,bind,ro /                           # ProtectSystem=strict
if touch /var/tmp/openday-sandbox-probe 2>/dev/null; then echo "FAIL: / is still writable" >&2; exit 1; fi
mkfifo /tmp/displayfd
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>/tmp/displayfd 2>/tmp/xvfb.log &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
read -r -t 20 number </tmp/displayfd || { echo "FAIL: Xvfb did not start" >&2; exit 1; }
# X's socket is in the private /tmp only: the kiosk finds it there, as under xinit in the unit.
[[ -S /tmp/.X11-unix/X$number ]] || { echo "FAIL: no X socket in the private /tmp" >&2; exit 1; }
setpriv --reuid "$user_id" --regid "$user_id" --clear-groups --no-new-privs --bounding-set -all --inh-caps -all \
  env -i HOME="$state" PATH=/usr/bin:/bin DISPLAY=":$number" \
  bash -c 'umask 077; exec "$0" --db "$1/openday.db" --screen home --screenshot "$1/home.png"' "$openday" "$state" \
  >/tmp/kiosk.log 2>&1 || { cat /tmp/kiosk.log >&2; exit 1; }
INSIDE
rmdir "$state/.host-tmp"

[[ -s "$state/home.png" ]] || fail "no screenshot from the kiosk in the sandbox"
[[ -f "$state/openday.db" ]] || fail "no database in the state folder"
[[ $(stat -c '%u %a' "$state/openday.db") == "$user_id 600" ]] || fail "the database is $(stat -c '%U %a' "$state/openday.db"), not the user's 600"
# Under umask 077 nothing the kiosk made (database, caches, status file) is readable by others.
shared=$(find "$state" -mindepth 1 -perm /077 ! -type l)
[[ -z $shared ]] || fail "readable by others under UMask=0077: $shared"
echo "PASS: the kiosk ran as uid $user_id with no capabilities, no new privileges, a read-only /, a private /tmp and umask 077"
