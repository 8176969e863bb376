#!/usr/bin/env bash
# The kiosk's systemd unit passes `systemd-analyze verify` with no warning about it, and keeps the
# settings the deployment relies on. Skips (exit 77) where systemd-analyze is not installed.
# Usage: unit_verify_check.sh SOURCE_DIR
set -euo pipefail
source_dir=$1
unit="$source_dir/assets/deploy/systemd/openday-kiosk.service"
session="$source_dir/assets/deploy/openday-session"

fail() { echo "FAIL: $*" >&2; exit 1; }

sh -n "$session" || fail "$session is not valid sh"
for setting in Type=notify NotifyAccess=all 'WatchdogSec=[1-9]' Restart=always User=openday TTYPath=/dev/tty1 \
  StateDirectory=openday OPENDAY_DB=/var/lib/openday/ ExecStart=/usr/libexec/openday/openday-session; do
  grep -q "^[^#]*$setting" "$unit" || fail "$unit lacks $setting"
done
for flag in -dpms '-s 0' -nocursor vt1 'WATCHDOG_PID=\$\$'; do
  grep -q -- "$flag" "$session" || fail "$session lacks $flag"
done

if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "SKIP: systemd-analyze is not installed (Debian package systemd), the unit was not verified"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The unit runs the installed session script; here it is the source tree's.
sed "s#/usr/libexec/openday/openday-session#$session#" "$unit" >"$work/openday-kiosk.service"
if ! systemd-analyze verify "$work/openday-kiosk.service" >"$work/verify.log" 2>&1; then
  cat "$work/verify.log" >&2
  fail "systemd-analyze verify failed"
fi
# A mistyped setting is only a warning ("ignoring"): any line about our unit fails the test.
if grep "openday-kiosk.service" "$work/verify.log" >&2; then fail "systemd-analyze verify warns about the unit"; fi
echo "PASS: systemd-analyze verify $(systemd-analyze --version | head -n 1)"
