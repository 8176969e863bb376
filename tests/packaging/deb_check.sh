#!/usr/bin/env bash
# The Debian package, built for real with cpack: its name, control fields (computed Depends plus
# the CJK font; the X session recommended), file list, conffile and maintainer scripts; then the
# binary unpacked with dpkg -x into a temporary root finds the content in its own share folder
# and validates it. Prints lintian's report when lintian is installed.
# Usage: deb_check.sh BUILD_DIR VERSION
set -euo pipefail
build_dir=$1
version=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed (Debian package dpkg-dev)"; exit 77; }
done
work=$(mktemp -d /tmp/openday-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT

(cd "$work" && cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb="$work/out/openday_${version}_amd64.deb"
[[ -f "$deb" ]] || { ls -R "$work/out" >&2; fail "no $deb"; }
echo "built $(basename "$deb"), $(stat -c %s "$deb") bytes"

field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == openday ]] || fail "Package is '$(field Package)'"
[[ $(field Version) == "$version" ]] || fail "Version is '$(field Version)'"
[[ $(field Architecture) == amd64 ]] || fail "Architecture is '$(field Architecture)'"
depends=$(field Depends)
echo "Depends: $depends"
echo "Recommends: $(field Recommends)"
for package in fonts-noto-cjk libc6 libglfw3 libsqlite3-0 libsystemd0 libtomlplusplus3 adduser; do
  grep -qE "(^|, )$package( |,|$)" <<<"$depends" || fail "Depends lacks $package (dpkg-shlibdeps did not run?)"
done
for package in nats-server openssl; do
  grep -qE "(^|, )$package( |,|$)" <<<"$(field Suggests)" || fail "Suggests lacks $package (the booth hub)"
done
for package in xserver-xorg xinit; do
  grep -qE "(^|, )$package( |,|$)" <<<"$(field Recommends)" || fail "Recommends lacks $package"
done

dpkg-deb -c "$deb" | awk '{print $6}' >"$work/files"
for file in ./usr/bin/openday ./usr/share/openday/content/event.json ./usr/share/openday/quiz/questions.json \
  ./usr/share/openday/openday.toml ./usr/share/openday/fonts/README.md ./etc/openday/openday.toml \
  ./usr/lib/systemd/system/openday-kiosk.service ./usr/lib/systemd/system/nats-server.service.d/openday-hub.conf \
  ./usr/libexec/openday/openday-session ./usr/share/doc/openday/copyright; do
  grep -qx -- "$file" "$work/files" || fail "the package lacks $file"
done
if grep -E '^\./(home|root|tmp|work)/' "$work/files" >&2; then fail "the package ships files from the build machine"; fi

dpkg-deb -e "$deb" "$work/control"
grep -qx /etc/openday/openday.toml "$work/control/conffiles" || fail "/etc/openday/openday.toml is not a conffile"
grep -q "adduser --system" "$work/control/postinst" || fail "postinst does not create the system user"
grep -q "/var/lib/openday" "$work/control/postinst" || fail "postinst does not create /var/lib/openday"
# Data goes only on purge: every rm in postrm sits inside the purge branch.
awk '/"\$1" = "purge"/ {purge = 1} /^fi/ {purge = 0} /rm -rf/ && !purge {bad = 1} END {exit bad}' "$work/control/postrm" ||
  fail "postrm deletes data outside purge"
if grep -v '^[[:space:]]*#' "$work/control/postinst" | grep -q "systemctl enable"; then fail "postinst enables the unit (the administrator does)"; fi

root="$work/root"
dpkg -x "$deb" "$root"
"$root/usr/bin/openday" --version | grep -qx "openday $version" || fail "the unpacked binary does not run"
validate=$("$root/usr/bin/openday" validate 2>&1) || { echo "$validate" >&2; fail "the unpacked binary does not validate its shipped content"; }
echo "$validate"
grep -q "^OK: [0-9]* departments.*($root/usr/share/openday/content)" <<<"$validate" ||
  fail "the unpacked binary did not read the content from its own share folder"
grep -q "^OK: quiz bank.*($root/usr/share/openday/quiz/questions.json)" <<<"$validate" ||
  fail "the unpacked binary did not read the quiz bank from its own share folder"

if command -v lintian >/dev/null 2>&1; then
  echo "--- lintian report"
  lintian --tag-display-limit 0 "$deb" 2>&1 | tee "$work/lintian.log" || true
  echo "--- lintian: $(grep -c '^E:' "$work/lintian.log" || true) errors, $(grep -c '^W:' "$work/lintian.log" || true) warnings"
else
  echo "lintian is not installed: no lintian report"
fi
echo "PASS"
