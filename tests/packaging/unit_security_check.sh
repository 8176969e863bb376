#!/usr/bin/env bash
# Issue 33: the kiosk's systemd unit is hardened to an overall exposure of at most 3.0 in
# `systemd-analyze security --offline=yes`, and keeps what the kiosk needs to run under it: the
# state folder writable, the booth hub's TCP, X over a unix socket, udev over netlink, the GPU,
# touch input, sound and tty1, and writable-executable memory for Mesa's llvmpipe JIT.
# Skips (exit 77) where systemd-analyze is not installed or too old for --offline.
# Usage: unit_security_check.sh SOURCE_DIR
set -euo pipefail
source_dir=$1
source "$(dirname "$0")/unit_lib.sh"
max_exposure=3.0

# The value of the last uncommented assignment of a setting (later lines override earlier ones).
setting() { sed -n "s/^$1=//p" "$unit" | tail -n 1; }
has_word() { [[ " $(setting "$1") " == *" $2 "* ]] || fail "$1= lacks $2 (has '$(setting "$1")')"; }

# What the kiosk needs, asserted as settings because systemd is not PID 1 where the tests run.
[[ $(setting StateDirectory) == openday ]] || fail "StateDirectory= is not openday (the database's folder)"
[[ $(setting ProtectSystem) == strict ]] || fail "ProtectSystem= is not strict"
[[ $(setting UMask) == 0077 ]] || fail "UMask= is not 0077"
# The staff export screen writes to USB sticks where udisks mounts them.
for folder in /media /run/media; do has_word ReadWritePaths "-$folder"; done
for family in AF_UNIX AF_INET AF_INET6 AF_NETLINK; do has_word RestrictAddressFamilies "$family"; done
for device in char-drm char-input char-alsa /dev/tty1 /dev/tty0; do
  grep -Eq "^DeviceAllow=$device rw?" "$unit" || fail "no DeviceAllow= for $device"
done
[[ $(setting DevicePolicy) == closed ]] || fail "DevicePolicy= is not closed"
# llvmpipe (the software renderer of a booth PC without a GPU driver) compiles shaders at run time.
grep -q '^MemoryDenyWriteExecute=yes' "$unit" && fail "MemoryDenyWriteExecute=yes breaks Mesa's llvmpipe"
# The booth hub is on the network and X on the shared private /tmp: neither may be cut off.
grep -q '^PrivateNetwork=yes' "$unit" && fail "PrivateNetwork=yes cuts the kiosk off the booth hub"
# X's socket is in /tmp/.X11-unix: the server and the kiosk must share one /tmp, so both run in
# this unit (xinit starts both) and no part of the session runs outside it.
grep -q '^exec /usr/bin/xinit' "$session" || fail "$session no longer starts X inside the unit"

require_systemd_analyze "the exposure was not measured"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! systemd-analyze security --offline=yes --no-pager "$(copy_unit "$work")" >"$work/security.log" 2>&1; then
  if grep -q "unrecognized option" "$work/security.log"; then
    echo "SKIP: this systemd-analyze has no --offline"; exit 77
  fi
  # A non-zero exit with a report is the usual case (it exits 1 above a threshold of its own).
  grep -q "Overall exposure level" "$work/security.log" || { cat "$work/security.log" >&2; fail "systemd-analyze security failed"; }
fi
exposure=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$work/security.log")
[[ -n $exposure ]] || { cat "$work/security.log" >&2; fail "no overall exposure in the report"; }
if ! awk -v e="$exposure" -v m="$max_exposure" 'BEGIN { exit !(e <= m) }'; then
  grep '✗' "$work/security.log" >&2 || true
  fail "overall exposure $exposure > $max_exposure"
fi
echo "PASS: overall exposure $exposure <= $max_exposure"
