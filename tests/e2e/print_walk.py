#!/usr/bin/env python3
"""Issue 30 end to end: the running kiosk prints through CUPS and never waits on it.

A private cupsd on loopback (tests/support/private_cupsd.sh: the printer "slips" is a real
cups-pdf when we run as root, else a copying backend, and the script says which; either writes
each job as OUT/<title>-job_N.pdf), a kiosk under its own Xvfb (-displayfd) with
`[printer] name = "slips"` and CUPS_SERVER pointing at that cupsd, started with --log-targets
--log-frames. xdotool taps, at the coordinates the kiosk logged:
  1. 打印兑奖凭条 on a won voucher (--screen quiz/result/pass issues one): a job's PDF appears and,
     once CUPS has completed the job, its text (pdftotext) holds the voucher's code;
  2. 打印办事指南 on an approval item's page: a job whose text holds the item's name;
  3. the printer stopped (cupsdisable), 打印办事指南 again: the kiosk logs 打印机暂不可用 and a
     print_failed event, and its frames around that tap have no gap over 300 ms (the frame loop
     polls the job every 250 ms and never waits on CUPS).
Usage: print_walk.py OPENDAY PRIVATE_CUPSD_SH CONTENT_DIR
"""
import glob
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from private_xvfb import start_private_xvfb, stop_children  # noqa: E402

OPENDAY, CUPSD_SH, CONTENT = sys.argv[1:4]
ITEM, ITEM_NAME = "chengjian-shigong-xuke", "建筑工程施工许可证核发"
MAX_FRAME_GAP_MS = 300
TAP_GUARD_SECONDS = 0.5  # the kiosk ignores taps this soon after a screen change
WORK = tempfile.mkdtemp(prefix="openday-printwalk.")
CUPS_DIR = tempfile.mkdtemp(prefix="openday-printwalk-cups.")  # opened to CUPS's lp user by the script
OUT = os.path.join(CUPS_DIR, "out")
DB = os.path.join(WORK, "kiosk.db")
children = []


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def start_xvfb():
    xvfb = start_private_xvfb("1920x1080")
    if not xvfb:
        fail("Xvfb did not start")
    children.append(xvfb)


def start_cups():
    started = subprocess.run(["sh", CUPSD_SH, "start", CUPS_DIR], capture_output=True, text=True)
    if started.returncode != 0:
        fail("the private cupsd did not start: " + started.stdout + started.stderr)
    lines = started.stdout.splitlines()
    server = lines[0]
    print(f"private cupsd {server}, " + (lines[1] if len(lines) > 1 else "no printer"))
    os.environ["CUPS_SERVER"] = server
    return server


class Kiosk:
    def __init__(self, name, screen, config):
        self.log_path = os.path.join(WORK, name + ".log")
        self.log = open(self.log_path, "w")
        env = dict(os.environ, XDG_CACHE_HOME=os.path.join(WORK, "cache"), XDG_DATA_HOME=os.path.join(WORK, "data"))
        self.process = subprocess.Popen([OPENDAY, "--content", CONTENT, "--db", DB, "--config", config, "--screen", screen,
                                         "--log-targets", "--log-frames"], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        children.append(self.process)
        if not self.wait_for(r"first frame", 90):
            fail(f"the kiosk ({name}) showed no first frame; its log: {self.log_path}")

    def lines(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read().splitlines()

    def wait_for(self, pattern, seconds):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if any(re.search(pattern, line) for line in self.lines()):
                return True
            if self.process.poll() is not None:
                fail(f"the kiosk exited ({self.process.returncode}); its log: {self.log_path}")
            time.sleep(0.05)
        return False

    def target(self, target_id, seconds=20):
        """The centre the kiosk last logged for target_id."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            found = None
            for line in self.lines():
                m = re.match(r"openday: target (\S+) (-?\d+) (-?\d+)$", line)
                if m and m.group(1) == target_id:
                    found = (int(m.group(2)), int(m.group(3)))
            if found:
                return found
            time.sleep(0.1)
        fail(f"no target {target_id} logged; log: {self.log_path}")

    def logged(self, target_id):
        return any(re.match(r"openday: target " + re.escape(target_id) + " ", line) for line in self.lines())

    def scroll_to(self, target_id):
        """Drags the content up, as a visitor would, until the target is logged (on screen)."""
        for _ in range(4):
            if self.logged(target_id):
                return
            time.sleep(TAP_GUARD_SECONDS)
            subprocess.run(["xdotool", "mousemove", "960", "700", "mousedown", "1"], check=True)
            for y in range(660, 260, -40):
                subprocess.run(["xdotool", "mousemove", "960", str(y)], check=True)
                time.sleep(0.02)
            time.sleep(0.3)  # rest before lifting: no glide
            subprocess.run(["xdotool", "mouseup", "1"], check=True)
            time.sleep(0.5)

    def tap(self, target_id):
        """Taps the target; returns the wall clock (ms) when the finger lifted."""
        time.sleep(TAP_GUARD_SECONDS)
        x, y = self.target(target_id)
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "mousedown", "1"], check=True)
        time.sleep(0.08)
        lifted = int(time.time() * 1000)
        subprocess.run(["xdotool", "mouseup", "1"], check=True)
        return lifted

    def frames_ms(self):
        return [int(m.group(1)) for m in (re.match(r"openday: frame (\d+) ", line) for line in self.lines()) if m]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def job_completed(job_id):
    """Whether CUPS has completed job `job_id` of "slips": cups-pdf writes its PDF as Ghostscript
    makes it, so the file is whole only then."""
    listed = subprocess.run(["lpstat", "-h", os.environ["CUPS_SERVER"], "-W", "completed", "-o", "slips"],
                            capture_output=True, text=True).stdout
    return re.search(rf"^slips-{job_id}\s", listed, re.M) is not None


def wait_for_job(before, seconds=60):
    """The text (pdftotext) of the first job PDF that was not in `before`, once its job is completed."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        new = sorted(jobs() - before)
        if new:
            job_id = re.search(r"-job_(\d+)\.pdf$", new[0]).group(1)
            while not job_completed(job_id):
                if time.time() > deadline:
                    fail(f"CUPS did not complete job {job_id} ({new[0]}) within {seconds} s")
                time.sleep(0.1)
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", new[0], "-"], capture_output=True, text=True).stdout
            return re.sub(r"\s+", "", text)
        time.sleep(0.1)
    fail(f"no job PDF in {OUT} within {seconds} s")


def print_and_read(kiosk, target_id, expected):
    """Taps a print button; the job's PDF must come out and its text hold `expected`."""
    before = jobs()
    kiosk.tap(target_id)
    text = wait_for_job(before)
    if expected not in text:
        fail(f"the slip of {target_id} does not hold {expected}: {text[:300]}")
    print(f"ok: {target_id} printed a slip with {expected}")


def jobs():
    return set(glob.glob(os.path.join(OUT, "*-job_*.pdf")))


def events(kind):
    """(item, target, at_ms) of the kiosk's events of this kind, read as the reports read them."""
    with sqlite3.connect(DB) as db:
        return db.execute("SELECT item, target, at_ms FROM events WHERE type = ? ORDER BY at_ms", (kind,)).fetchall()


def wait_for_event(kind, count, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        rows = events(kind)
        if len(rows) >= count:
            return rows
        time.sleep(0.1)
    fail(f"fewer than {count} {kind} events after {seconds} s: {events(kind)}")


def largest_gap_ms(frames, start_ms, end_ms):
    """The longest time without a presented frame between start_ms and end_ms."""
    inside = [f for f in frames if start_ms <= f <= end_ms]
    points = [start_ms] + inside
    return max(b - a for a, b in zip(points, points[1:])) if len(points) > 1 else end_ms - start_ms


def main():
    start_xvfb()
    server = start_cups()
    config = os.path.join(WORK, "openday.toml")
    with open(config, "w", encoding="utf-8") as f:
        f.write('[printer]\nname = "slips"\npaper = "80mm"\n')

    # 1. A won voucher's 打印兑奖凭条.
    kiosk = Kiosk("voucher", "quiz/result/pass", config)
    with sqlite3.connect(DB) as db:
        code = db.execute("SELECT code FROM vouchers").fetchone()[0]
    # At 1920x1080 the button is under the code, its QR code and where to collect the prize.
    kiosk.scroll_to("print.voucher")
    print_and_read(kiosk, "print.voucher", code)
    wait_for_event("print_voucher", 1)
    kiosk.stop()

    # 2. An approval item's 打印办事指南.
    kiosk = Kiosk("guide", "item/" + ITEM, config)
    print_and_read(kiosk, "print.guide", ITEM_NAME)
    if not kiosk.wait_for(r"print guide " + ITEM + r": printed", 60):
        fail("the kiosk did not log the guide as printed")

    # 3. The printer stopped: 打印机暂不可用, logged, and the frame loop goes on.
    subprocess.run(["cupsdisable", "-h", server, "slips"], check=True)
    lifted = kiosk.tap("print.guide")
    failed = wait_for_event("print_failed", 1)
    if failed[-1][0] != ITEM or failed[-1][1] != "guide":
        fail(f"print_failed names {failed[-1]}")
    if not kiosk.wait_for("print guide " + ITEM + ": 打印机暂不可用", 10):
        fail("the kiosk did not log 打印机暂不可用")
    time.sleep(1.0)
    # From the finger lifting until the failure was logged and shown (the frame after it).
    shown_by = failed[-1][2] + 300
    gap = largest_gap_ms(kiosk.frames_ms(), lifted, shown_by)
    print(f"ok: a stopped printer says 打印机暂不可用; the largest gap between frames from the tap to it: {gap} ms")
    if gap > MAX_FRAME_GAP_MS:
        fail(f"the frame loop stalled: {gap} ms without a frame (limit {MAX_FRAME_GAP_MS} ms)")
    if len(jobs()) != 2:
        fail(f"a job was printed by a stopped printer: {sorted(jobs())}")
    kiosk.stop()
    print("PASS: print walk")


passed = False
try:
    main()
    passed = True
finally:
    stop_children(children, timeout=10)
    subprocess.run(["sh", CUPSD_SH, "stop", CUPS_DIR], capture_output=True)
    # The printed PDFs, the kiosk's logs and CUPS's are kept only when something failed.
    if passed:
        shutil.rmtree(WORK, ignore_errors=True)
        shutil.rmtree(CUPS_DIR, ignore_errors=True)
    else:
        print(f"kept for a look: {WORK} (the kiosk), {CUPS_DIR} (CUPS: out/, log/)")
