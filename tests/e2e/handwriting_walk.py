#!/usr/bin/env python3
"""Issue 31 end to end: a visitor writes 低 then 保 on the search screen's 手写 pad of the running
kiosk under its own Xvfb, with xdotool drags (mousedown, mousemove steps, mouseup) along the
characters' stroke medians (hanzi-writer-data) scaled into the pad's rectangle as --log-targets
gives it, taps the candidate each time, then the result, and the kiosk opens 城乡居民最低生活保障审批
(item/minzheng-dibao).

Usage: handwriting_walk.py OPENDAY CONTENT_DIR HANZI_DATA [--size WxH] [--large] [--screenshot FILE.png X11_SCREENSHOT]
OPENDAY_HANZI_DATA in the environment overrides HANZI_DATA. With --screenshot, the screen is
photographed once both characters are in the search box (for a person to look at).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from private_xvfb import start_private_xvfb, stop_children  # noqa: E402

PRESS_SECONDS = 0.08      # a tap held across frames, as tests/e2e/lib.sh presses
TAP_GUARD_SECONDS = 0.45  # TouchFilter::kTapGuardSeconds after a screen change, and a frame
ITEM = "minzheng-dibao"
CHARACTERS = ["低", "保"]

parser = argparse.ArgumentParser()
parser.add_argument("openday")
parser.add_argument("content")
parser.add_argument("hanzi_data")
parser.add_argument("--size", default="1920x1080")
parser.add_argument("--large", action="store_true", help="turn 大字 on first")
parser.add_argument("--screenshot", nargs=2, metavar=("FILE", "X11_SCREENSHOT"))
args = parser.parse_args()
HANZI = os.environ.get("OPENDAY_HANZI_DATA") or args.hanzi_data
WORK = tempfile.mkdtemp(prefix="openday-hwwalk.")
children = []


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    log = os.path.join(WORK, "kiosk.log")
    if os.path.exists(log):
        with open(log, encoding="utf-8", errors="replace") as f:
            print("--- kiosk.log (last lines)\n" + "".join(f.readlines()[-30:]), file=sys.stderr)
    sys.exit(1)


def start_xvfb():
    xvfb = start_private_xvfb(args.size)
    if not xvfb:
        fail("Xvfb did not start")
    children.append(xvfb)


def log_lines():
    with open(os.path.join(WORK, "kiosk.log"), encoding="utf-8", errors="replace") as f:
        return f.read().splitlines()


def targets():
    """The last logged block: route, {id: (x, y)} and {id: (x0, y0, x1, y1)} of drawing areas."""
    route, centres, areas = None, {}, {}
    for line in log_lines():
        m = re.match(r"openday: targets (\S+) \d+$", line)
        if m:
            route, centres, areas = m.group(1), {}, {}
            continue
        m = re.match(r"openday: target (\S+) (-?\d+) (-?\d+)$", line)
        if m:
            centres[m.group(1)] = (int(m.group(2)), int(m.group(3)))
            continue
        m = re.match(r"openday: area (\S+) (-?\d+) (-?\d+) (-?\d+) (-?\d+)$", line)
        if m:
            areas[m.group(1)] = tuple(int(m.group(i)) for i in range(2, 6))
    return route, centres, areas


def wait_for(predicate, what, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = predicate(*targets())
        if found:
            return found
        time.sleep(0.05)
    route, centres, _ = targets()
    fail(f"timed out waiting for {what} (on {route}: {sorted(centres)})")


def wait_quiet(quiet_seconds=0.4, limit=10):
    """Until the kiosk has drawn no frame for quiet_seconds (--log-frames): the worker's last row
    has landed and the screen is final."""
    deadline = time.time() + limit
    while time.time() < deadline:
        time.sleep(0.05)
        frames = frame_times()
        if frames and time.time() * 1000 - frames[-1] >= quiet_seconds * 1000:
            return
    fail("the kiosk kept drawing")


def frame_times():
    return [int(m.group(1)) for m in (re.match(r"openday: frame (\d+) ", l) for l in log_lines()) if m]


def wait_frame_after(ms, limit=10):
    deadline = time.time() + limit
    while time.time() < deadline:
        time.sleep(0.02)
        if sum(1 for t in frame_times() if t > ms) >= 2:  # the first may have polled before the lift
            return
    fail("no frame after a stroke ended")


def xdotool(*words):
    subprocess.run(["xdotool", *[str(w) for w in words]], check=True)


def tap(target_id):
    _, centres, _ = targets()
    if target_id not in centres:
        fail(f"no target {target_id}")
    x, y = centres[target_id]
    xdotool("mousemove", x, y, "mousedown", 1)
    time.sleep(PRESS_SECONDS)
    xdotool("mouseup", 1)


def medians(character):
    """The character's strokes on a 1024 box with y down (hanzi-writer's y grows up from -124 to 900)."""
    path = os.path.join(HANZI, character + ".json")
    if not os.path.exists(path):
        fail(f"hanzi-writer-data is missing at '{HANZI}': run .ci/setup (it fetches it) or set OPENDAY_HANZI_DATA")
    with open(path, encoding="utf-8") as f:
        return [[(x, 900 - y) for x, y in stroke] for stroke in json.load(f)["medians"]]


def write(character, area):
    """Each stroke a drag: down at its start, through its points in small steps, up at its end."""
    x0, y0, x1, y1 = area
    scale = (x1 - x0) / 1024.0
    at = lambda p: (round(x0 + p[0] * scale), round(y0 + p[1] * scale))
    for stroke in medians(character):
        points = [at(p) for p in stroke]
        xdotool("mousemove", *points[0], "mousedown", 1)
        for (ax, ay), (bx, by) in zip(points, points[1:]):
            steps = max(1, int(max(abs(bx - ax), abs(by - ay)) / 12))
            for k in range(1, steps + 1):
                xdotool("mousemove", round(ax + (bx - ax) * k / steps), round(ay + (by - ay) * k / steps))
                time.sleep(0.008)
        lifted = time.time() * 1000
        xdotool("mouseup", 1)
        # The kiosk must draw a frame with the finger up, or the next stroke would join this one.
        wait_frame_after(lifted)


def main():
    start_xvfb()
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(WORK, "cache"), XDG_DATA_HOME=os.path.join(WORK, "data"))
    log = open(os.path.join(WORK, "kiosk.log"), "w")
    kiosk = subprocess.Popen([args.openday, "--content", args.content, "--screen", "search", "--log-targets", "--log-frames", "--db",
                              os.path.join(WORK, "openday.db")], env=env, stdout=log, stderr=subprocess.STDOUT)
    children.append(kiosk)
    wait_for(lambda r, c, a: r == "search" and "search.mode.handwriting" in c, "the 手写 toggle", 90)
    time.sleep(TAP_GUARD_SECONDS)
    if args.large:
        tap("topbar.large_text")
        time.sleep(1.0)
        wait_for(lambda r, c, a: "search.mode.handwriting" in c, "the 手写 toggle in 大字", 60)
    tap("search.mode.handwriting")
    area = wait_for(lambda r, c, a: a.get("search.hw.pad"), "the pad's area")
    typed = ""
    for character in CHARACTERS:
        write(character, area)
        wait_for(lambda r, c, a: "search.hw.candidate.0" in c, f"candidates for {character}")
        wait_quiet()  # the row of the last stroke, not of one before it
        time.sleep(0.3)  # the row may still move as the last stroke's result lands
        tap("search.hw.candidate.0")
        typed += character
        # The pick clears the pad: its candidates go.
        wait_for(lambda r, c, a: not any(t.startswith("search.hw.candidate.") for t in c), f"the pad cleared after {character}")
    result = "search.result." + ITEM
    wait_for(lambda r, c, a: result in c, f"{result} among the results of {typed}")
    if args.screenshot:
        out, shooter = args.screenshot
        subprocess.run([shooter, out], check=True)
        print("screenshot:", out)
    # A tap this soon after the last accepted one (the candidate) is a double tap: wait as a
    # visitor's hand does between two taps.
    time.sleep(TAP_GUARD_SECONDS)
    tap(result)
    wait_for(lambda r, c, a: r == "item/" + ITEM, "the item's page")
    print(f"OK: wrote {' '.join(CHARACTERS)} at {args.size}{' 大字' if args.large else ''}, picked the candidates, "
          f"opened item/{ITEM}")


try:
    main()
finally:
    stop_children(children)
    shutil.rmtree(WORK, ignore_errors=True)
