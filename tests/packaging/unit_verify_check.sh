#!/usr/bin/env bash
# The kiosk's systemd unit passes `systemd-analyze verify` with no warning about it, and keeps the
# settings the deployment relies on. Skips (exit 77) where systemd-analyze is not installed.
# Usage: unit_verify_check.sh SOURCE_DIR
set -euo pipefail
source_dir=$1
source "$(dirname "$0")/unit_lib.sh"

sh -n "$session" || fail "$session is not valid sh"
for setting in Type=notify NotifyAccess=all 'WatchdogSec=[1-9]' Restart=always User=openday TTYPath=/dev/tty1 \
  StateDirectory=openday OPENDAY_DB=/var/lib/openday/ ExecStart=/usr/libexec/openday/openday-session; do
  grep -q "^[^#]*$setting" "$unit" || fail "$unit lacks $setting"
done
for flag in -dpms '-s 0' -nocursor vt1 'WATCHDOG_PID=\$\$'; do
  grep -q -- "$flag" "$session" || fail "$session lacks $flag"
done

# The booth hub's drop-in for Debian's nats-server unit (issue 32).
hub_dropin="$source_dir/assets/deploy/systemd/nats-server.service.d/openday-hub.conf"
for setting in '^ExecStart=$' 'ExecStart=/usr/sbin/nats-server -c /etc/openday/hub/nats-server.conf' \
  'ConditionPathExists=/etc/openday/hub/nats-server.conf' 'StateDirectory=openday-hub'; do
  grep -q -- "$setting" "$hub_dropin" || fail "$hub_dropin lacks $setting"
done

require_systemd_analyze "the unit was not verified"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! systemd-analyze verify "$(copy_unit "$work")" >"$work/verify.log" 2>&1; then
  cat "$work/verify.log" >&2
  fail "systemd-analyze verify failed"
fi
# A mistyped setting is only a warning ("ignoring"): any line about our unit fails the test.
if grep "openday-kiosk.service" "$work/verify.log" >&2; then fail "systemd-analyze verify warns about the unit"; fi
# The drop-in, on Debian's own nats-server unit where the package is installed.
if [[ -f /lib/systemd/system/nats-server.service ]]; then
  mkdir -p "$work/hub/nats-server.service.d"
  cp /lib/systemd/system/nats-server.service "$work/hub/"
  cp "$hub_dropin" "$work/hub/nats-server.service.d/"
  if ! systemd-analyze verify "$work/hub/nats-server.service" >"$work/hub-verify.log" 2>&1; then
    cat "$work/hub-verify.log" >&2
    fail "systemd-analyze verify failed on nats-server.service with the hub drop-in"
  fi
  if grep "openday-hub.conf" "$work/hub-verify.log" >&2; then fail "systemd-analyze verify warns about the hub drop-in"; fi
else
  echo "nats-server is not installed: the hub drop-in was checked by its settings only"
fi
echo "PASS: systemd-analyze verify $(systemd-analyze --version | head -n 1)"
