#!/usr/bin/env bash
# The font atlas at county size: for the sample content and a generated county, side by side,
# the median of RUNS starts under Xvfb llvmpipe at 1920x1080 of: first frame with no atlas
# cache (cold) and with one (warm), atlas size, glyph count, bake time, peak memory (VmHWM)
# and anonymous memory (RssAnon, the process's own, the rest being mapped files and the GL
# driver's buffers), on the attract screen and on the county's heaviest department.
# With GL_FLOOR_PROBE it also prints the GL driver's own floor: the median first frame of a
# program that opens the same fullscreen window and presents one cleared frame, nothing else.
# Usage: atlas_bench.sh OPENDAY GENERATE_COUNTY SAMPLE_CONTENT_DIR [RUNS [GL_FLOOR_PROBE]]
# The county is the sample plus 60 generated departments of 3,000 items (seed 1).
source "$(dirname "$0")/../e2e/lib.sh"
openday=$1
generate_county=$2
sample=$3
runs=${4:-5}
gl_floor_probe=${5:-}
county="$E2E_WORK/county"
"$generate_county" --departments 60 --items 3000 --seed 1 --out "$county" --with-sample "$sample" >/dev/null

start_xvfb 1920x1080
export XDG_DATA_HOME="$E2E_WORK/data"

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
kib_field() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

# one_start LOG CACHE_DIR [ARGS...]: starts the kiosk, waits for its first frame, records
# first-frame seconds, atlas figures and memory one second later, then stops it.
one_start() {
  local log=$1 cache=$2
  shift 2
  XDG_CACHE_HOME="$cache" "$openday" "$@" >"$log" 2>&1 &
  local pid=$!
  wait_for_log "$log" "first frame" 60
  sleep 1
  # A file of its own: the kiosk keeps writing to its log at its own offset.
  echo "hwm $(kib_field "$pid" VmHWM) anon $(kib_field "$pid" RssAnon)" >"$log.memory"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# measure NAME [ARGS...]: prints one row of the table.
measure() {
  local name=$1
  shift
  local cold=() warm=() hwm=() anon=() bake=() size="" glyphs=""
  for run in $(seq "$runs"); do
    local cache="$E2E_WORK/cache-$name-$run"
    one_start "$E2E_WORK/$name-cold$run.log" "$cache" "$@"
    cold+=("$(grep -o 'first frame [0-9.]*' "$E2E_WORK/$name-cold$run.log" | awk '{print $3}')")
    bake+=("$(grep -o 'baked in [0-9]* ms' "$E2E_WORK/$name-cold$run.log" | head -n 1 | awk '{print $3}')")
    size=$(grep -o 'font atlas [0-9]*x[0-9]*' "$E2E_WORK/$name-cold$run.log" | head -n 1 | awk '{print $3}')
    glyphs=$(grep -o '[0-9]* glyphs' "$E2E_WORK/$name-cold$run.log" | head -n 1 | awk '{print $1}')
    one_start "$E2E_WORK/$name-warm$run.log" "$cache" "$@"
    grep -q "from the cache" "$E2E_WORK/$name-warm$run.log" || fail "$name: the second start did not use the atlas cache"
    warm+=("$(grep -o 'first frame [0-9.]*' "$E2E_WORK/$name-warm$run.log" | awk '{print $3}')")
    read -r _ h _ a <"$E2E_WORK/$name-warm$run.log.memory"
    hwm+=("$h")
    anon+=("$a")
    read -r _ h _ a <"$E2E_WORK/$name-cold$run.log.memory"
    hwm+=("$h")
    anon+=("$a")
  done
  printf '%-34s %8s %8s %11s %7s %8s %9s %9s\n' "$name" "$(median "${cold[@]}")" "$(median "${warm[@]}")" "$size" "$glyphs" \
    "$(median "${bake[@]}")" "$(awk -v k="$(median "${hwm[@]}")" 'BEGIN { printf "%.1f", k / 1024 }')" \
    "$(awk -v k="$(median "${anon[@]}")" 'BEGIN { printf "%.1f", k / 1024 }')"
}

echo "median of $runs starts each (cold: empty atlas cache; warm: the cache the cold start wrote)"
printf '%-34s %8s %8s %11s %7s %8s %9s %9s\n' "content / screen" "cold s" "warm s" "atlas" "glyphs" "bake ms" "peak MiB" "anon MiB"
measure sample-attract
measure sample-fees --screen department/canlian/fees
heaviest=$(python3 - "$county" <<'EOF'
import json, pathlib, sys
best = max(pathlib.Path(sys.argv[1], "departments").glob("*.json"),
           key=lambda p: len(json.loads(p.read_text(encoding="utf-8")).get("approval_items", [])))
print(json.loads(best.read_text(encoding="utf-8"))["id"])
EOF
)
measure county-attract --content "$county"
measure "county-$heaviest-items" --content "$county" --screen "department/$heaviest/items"

if [[ -n "$gl_floor_probe" ]]; then
  floors=()
  for run in $(seq "$runs"); do
    floor=$("$gl_floor_probe" | awk '/gl floor/ { print $3 }') || fail "the GL floor probe failed"
    [[ -n "$floor" ]] || fail "the GL floor probe printed no figure"
    floors+=("$floor")
  done
  printf '%-34s %8s %8s   (the driver alone: fullscreen window, one cleared frame, no kiosk work)\n' "gl-floor" "" "$(median "${floors[@]}")"
fi
