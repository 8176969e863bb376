#!/usr/bin/env python3
"""Issue 29: a tap that opens a screen puts that screen on the glass in the first frame the
kiosk presents after the finger lifts, and the kiosk never presents a frame that repeats the
picture already on screen.

Rendering a full-screen frame is most of a frame's cost without a GPU, so the runner does not
present the frame in which the tap navigated (the next one draws the new screen) nor the frames
that only confirm the picture. Without that, the old screen is presented once more after the
lift, and every settle confirms itself with a repeated frame: both fail here.

Drives the real kiosk under its own Xvfb (1920x1080) with xdotool, on the sample content, with
--log-frames (each presented frame's wall clock and signature) and --log-targets. Asserts
frame signatures only, never a duration, so a busy machine cannot make it fail.

Usage: present_once_check.py OPENDAY
"""
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from private_xvfb import start_private_xvfb, stop_children  # noqa: E402

OPENDAY = sys.argv[1]
WORK = tempfile.mkdtemp(prefix="openday-present.")
QUIET_SECONDS = 1.0
TAP_GUARD_SECONDS = 0.6
# Taps that open another screen, in a walk through every kind of visitor screen.
NAVIGATIONS = ["home\\.disclosure", "departments\\.card\\..*", "department\\.tab\\.items", "department\\.item\\..*",
               "topbar\\.back", "department\\.tab\\.fees", "topbar\\.back", "topbar\\.home", "home\\.topics", "topics\\..*",
               "topbar\\.home", "home\\.search", "topbar\\.back", "home\\.quiz", "topbar\\.home"]
children = []
failures = []


def start_xvfb():
    xvfb = start_private_xvfb("1920x1080")
    if not xvfb:
        sys.exit("FAIL: Xvfb did not start")
    children.append(xvfb)


def log_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read().splitlines()


def frames(path):
    return [(int(m.group(1)), m.group(2)) for m in (re.match(r"openday: frame (\d+) (\w+)$", l) for l in log_lines(path)) if m]


def targets(path):
    """The last logged block of targets: route and {id: (x, y)}."""
    route, found = None, {}
    for line in log_lines(path):
        m = re.match(r"openday: targets (\S+) \d+$", line)
        if m:
            route, found = m.group(1), {}
            continue
        m = re.match(r"openday: target (\S+) (-?\d+) (-?\d+)$", line)
        if m:
            found[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    return route, found


def wait_quiet(path, after_ms, limit=20.0):
    """Frames presented after after_ms, once none has come for QUIET_SECONDS."""
    deadline = time.time() + limit
    while time.time() < deadline:
        time.sleep(0.05)
        later = [f for f in frames(path) if f[0] >= after_ms]
        last = later[-1][0] if later else after_ms
        if time.time() * 1000 - last >= QUIET_SECONDS * 1000:
            return later
    return [f for f in frames(path) if f[0] >= after_ms]


def tap(path, pattern):
    """Taps the first logged target matching pattern; returns (from route, to route, frames after the lift)."""
    time.sleep(TAP_GUARD_SECONDS)
    route, found = targets(path)
    ids = [t for t in found if re.fullmatch(pattern, t)]
    if not ids:
        failures.append(f"no target {pattern} on {route}")
        return None
    x, y = found[ids[0]]
    pressed = int(time.time() * 1000)
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "mousedown", "1"], check=True)
    # The pressed state is a picture of its own: it must be on the glass before the lift, or a
    # busy machine would count it among the frames after the lift.
    wait_quiet(path, pressed)
    lifted = int(time.time() * 1000)
    subprocess.run(["xdotool", "mouseup", "1"], check=True)
    after = wait_quiet(path, lifted)
    deadline = time.time() + 20
    while targets(path)[0] == route and time.time() < deadline:
        time.sleep(0.05)
    return route, targets(path)[0], ids[0], after


def main():
    start_xvfb()
    log_path = os.path.join(WORK, "kiosk.log")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(WORK, "cache"), XDG_DATA_HOME=os.path.join(WORK, "data"))
    with open(log_path, "w") as log:
        kiosk = subprocess.Popen([OPENDAY, "--log-targets", "--log-frames"], env=env, stdout=log, stderr=subprocess.STDOUT)
        children.append(kiosk)
    deadline = time.time() + 120
    while targets(log_path)[0] is None and time.time() < deadline:
        time.sleep(0.1)
    if targets(log_path)[0] == "attract":
        tap(log_path, "attract\\.start")
    for pattern in NAVIGATIONS:
        result = tap(log_path, pattern)
        if not result:
            continue
        before, after_route, target, after = result
        signatures = [s for _, s in after]
        print(f"{target:<40} {before:>28} -> {after_route:<28} frames presented after the lift: {len(after)}")
        if after_route == before:
            failures.append(f"{target} on {before} did not open another screen")
        if not after:
            failures.append(f"{target} on {before}: no frame presented after the lift")
        elif len(set(signatures)) != 1:
            failures.append(f"{target} on {before}: {len(set(signatures))} different pictures presented after the lift "
                            "(the first is not the screen the tap opened)")
    everything = frames(log_path)
    repeats = sum(1 for previous, current in zip(everything, everything[1:]) if previous[1] == current[1])
    print(f"{len(everything)} frames presented in all, {repeats} of them repeating the picture before them")
    if repeats:
        failures.append(f"{repeats} presented frames repeat the picture already on screen")
    if kiosk.poll() is not None:
        failures.append(f"the kiosk exited with {kiosk.returncode}")


try:
    main()
finally:
    stop_children(children)

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("PASS: every tap put its screen on the glass in the first frame after the lift; no frame repeated the one before")
