#!/usr/bin/env bash
# The QR code an approval item shows decodes (zbarimg, as a phone would) to the item's online
# address, in landscape and in portrait.
# Usage: qr_code_test.sh OPENDAY TOOLS_DIR
source "$(dirname "$0")/lib.sh"
openday=$1
content="$(dirname "$0")/../../assets/content"

# The first approval item that can be done online, and its address, straight from the JSON.
read -r item url < <(python3 - "$content" <<'PY'
import json, pathlib, sys
for path in sorted(pathlib.Path(sys.argv[1], "departments").glob("*.json")):
    for item in json.loads(path.read_text(encoding="utf-8"))["approval_items"]:
        if item["online"]["available"]:
            print(item["id"], item["online"]["url"]); sys.exit(0)
sys.exit("no online item in the sample content")
PY
)
[[ -n "$url" ]] || fail "no online approval item found"

for size in 1920x1080 1080x1920; do
  start_xvfb "$size"
  shot="$E2E_WORK/item-$size.png"
  "$openday" --content "$content" --db "$E2E_WORK/qr.db" --screen "item/$item" --screenshot "$shot" \
    >"$E2E_WORK/shot-$size.log" 2>&1 || fail "no screenshot at $size"
  decoded=$(zbarimg --quiet --raw "$shot" || true)
  [[ "$decoded" == "$url" ]] || fail "at $size the QR code decodes to '$decoded', expected '$url'"
  echo "ok $size: $decoded"
  kill "${E2E_PIDS[-1]}"; unset 'E2E_PIDS[-1]'
  rm -f "$E2E_WORK/displayfd"
done
echo "PASS: QR codes decode to the item's address"
