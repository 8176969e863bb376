# Shared by the unit checks: sourced with source_dir set to the source tree.
unit="$source_dir/assets/deploy/systemd/openday-kiosk.service"
session="$source_dir/assets/deploy/openday-session"

fail() { echo "FAIL: $*" >&2; exit 1; }

# require_systemd_analyze WHAT: skips the check (exit 77) where systemd-analyze is not installed.
require_systemd_analyze() {
  command -v systemd-analyze >/dev/null 2>&1 && return 0
  echo "SKIP: systemd-analyze is not installed (Debian package systemd), $1"
  exit 77
}

# copy_unit DIR: the unit into DIR, running the source tree's session script instead of the
# installed one; prints the copy's path.
copy_unit() {
  sed "s#/usr/libexec/openday/openday-session#$session#" "$unit" >"$1/openday-kiosk.service"
  echo "$1/openday-kiosk.service"
}
