#!/usr/bin/env bash
# A USB QR scanner at the desk is a keyboard: in kiosk mode the staff redeem screen takes its
# typing (the code, then Enter) and redeems the voucher, while Esc and Alt+F4 still do nothing.
# Usage: scanner_redeem_test.sh OPENDAY TOOLS_DIR
source "$(dirname "$0")/lib.sh"
openday=$1

start_xvfb 1920x1080
export XDG_DATA_HOME="$E2E_WORK/data"
db="$E2E_WORK/booth.db"

# A real voucher, issued the way a winner gets one.
"$openday" --windowed 1280x800 --db "$db" --screen quiz/result/pass --screenshot "$E2E_WORK/pass.png" \
  >"$E2E_WORK/issue.log" 2>&1 || fail "could not issue a voucher"
code=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT code FROM vouchers").fetchone()[0])' "$db")
[[ "$code" =~ ^[A-Z0-9]{4}-[A-Z0-9]{4}$ ]] || fail "unexpected voucher code '$code'"

redeemed() {
  python3 -c 'import sqlite3, sys; r = sqlite3.connect(sys.argv[1]).execute("SELECT redeemed_at_ms FROM vouchers WHERE code = ?", (sys.argv[2],)).fetchone(); print("yes" if r and r[0] is not None else "no")' "$db" "$code"
}

"$openday" --db "$db" --screen staff/redeem >"$E2E_WORK/kiosk.log" 2>&1 &
kiosk=$!
E2E_PIDS+=($kiosk)
window=$(kiosk_window) || true
[[ -n "$window" ]] || fail "no kiosk window appeared"
wait_for_log "$E2E_WORK/kiosk.log" "first frame"
xdotool windowfocus --sync "$window" || true

for keys in Escape alt+F4 ctrl+q; do
  xdotool key "$keys"
  sleep 0.3
  is_running "$kiosk" || fail "kiosk mode exited after the key $keys on the redeem screen"
done
[[ $(redeemed) == no ]] || fail "redeemed before anything was typed"

# xdotool can deliver ctrl+q's letter before its modifier, typing a stray Q into the field; the
# desk clears the field first (Backspace edits it), as staff would before a scan.
xdotool key --delay 30 BackSpace BackSpace BackSpace BackSpace BackSpace BackSpace BackSpace BackSpace BackSpace
sleep 0.2
# The scanner types the code in lower case (as some do) and presses Enter. The commit can take
# seconds on a loaded machine (each new letter also grows the font atlas once).
xdotool type --delay 40 "${code,,}"
xdotool key Return
for _ in $(seq 200); do [[ $(redeemed) == yes ]] && break; sleep 0.1; done
[[ $(redeemed) == yes ]] || fail "the typed code was not redeemed within 20 s"
is_running "$kiosk" || fail "the kiosk exited"
echo "PASS: scanner redeem in kiosk mode"
