#!/usr/bin/env python3
"""A monkey soak of the real kiosk: fullscreen under a private Xvfb at 1920x1080, with its own
database, driven by xdotool with presses held across frames (Dear ImGui 1.86 reads the pointer
once per frame, so a press and a move inside one frame are lost), long presses, drags and
flicks, biased toward the touch targets the kiosk logs with --log-targets, so that it really
navigates. It plays some quiz rounds as a visitor who knows the answers (it reads the bank and
the kiosk logs which option is which), so that rounds are won and vouchers issued, and a desk
beside it redeems each voucher with `openday voucher redeem` on the same database while the kiosk
runs. Afterwards it checks that the kiosk stayed up, that its memory stayed flat (least squares
slope of the floor of RssAnon after the warm-up: the lowest sample of each window of two
walk-aways (three minutes by default, so that every window holds a rest on the attract screen
and the floors compare like with like), because a department's atlas rebaked on navigation
makes short peaks that are freed again, while a leak raises the floor; within ±OPENDAY_SOAK_MAX_SLOPE_KIB_PER_MIN for a soak of 25 minutes or more,
since the floor moves about 2 MB with what is on screen and a shorter soak cannot resolve
10 KiB a minute; shorter ones only fail a clear rise), that it stops cleanly on SIGTERM,
that the database passes PRAGMA integrity_check, and that the stats are consistent (every started session ended, no
negative dwell), and it prints the figures.

Usage: soak.py OPENDAY | soak.py --self-test
Environment (all optional):
  OPENDAY_SOAK_SECONDS            how long to tap (default 180)
  OPENDAY_SOAK_SEED               random seed (default: from the clock; printed, to replay a run)
  OPENDAY_SOAK_MIN_SCREENS_PER_MIN  screen changes per minute that must be reached (default 20; a quiz
                                  round's answers change no route, and the soak plays many rounds:
                                  about 25-35 is what it reaches)
  OPENDAY_SOAK_MAX_SLOPE_KIB_PER_MIN  largest change of RssAnon's floor after the warm-up, either way, in a soak
                                  of 25 minutes or more (default 10)
  OPENDAY_SOAK_QUIZ               the quiz bank the kiosk uses (default: the shipped assets/quiz/questions.json)
  OPENDAY_SOAK_WALK_AWAY_EVERY    seconds between pauses long enough for the idle timeout (default 90; 0 = never)
  OPENDAY_SOAK_KEEP               keep the work folder (database, kiosk log, memory samples)
"""
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

SCREEN_W, SCREEN_H = 1920, 1080
IDLE_TIMEOUT_S, IDLE_WARNING_S = 10, 3  # the config's minimums: walk-away pauses stay short
STAFF_CORNER_PX, STAFF_HOLD_S = 120, 3.3  # bottom-left square (about 140 px at 1080p), held 3 s
TAP_GUARD_S = 0.35  # the kiosk ignores taps for 0.3 s after a screen change
PAUSE_S = (0.28, 0.4)  # between gestures: a second tap within 0.35 s of the last is a double tap
# How often each kind of target is chosen: the top bar (back, home, end of session, large text)
# sits on every screen, so it is tapped less often than what leads deeper.
# The quiz's doors are favoured so that rounds are played (and won) often enough to soak the prizes.
TARGET_WEIGHTS = {"topbar.end_session": 0.1, "topbar.large_text": 0.2, "topbar.back": 0.4, "topbar.home": 0.25,
                  "home.quiz": 2.0, "quiz.start": 3.0, "quiz.retry": 2.0}
MEMORY_SAMPLE_EVERY_S = 2.0
MAX_FLOOR_GROWTH_KIB_PER_MIN = 256  # what a soak too short to judge ±10 KiB/min still fails
LONG_SOAK_S = 1500  # from here on the floor's slope is judged against OPENDAY_SOAK_MAX_SLOPE_KIB_PER_MIN
KNOWS_ANSWER = 0.9  # on an unanswered question, how often the monkey taps the right option
GOES_ON = 0.8  # after an answer, how often it taps 下一题 rather than anything else
REDEEM_EVERY_S = 15.0
SHIPPED_QUIZ = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "quiz", "questions.json")


def correct_options(bank_path):
    """Question id -> the index of its correct option, from the quiz bank."""
    with open(bank_path, encoding="utf-8") as bank:
        questions = json.load(bank)["questions"]
    return {q["id"]: next(i for i, o in enumerate(q["options"]) if o.get("correct")) for q in questions}


def env_number(name, default):
    value = os.environ.get(name, "")
    return float(value) if value else default


class KioskLog:
    """Reads the kiosk's stderr as it comes: screen changes and the touch targets of the screen."""

    def __init__(self, stream, log_path):
        self.lock = threading.Lock()
        self.route = None
        self.targets = {}  # id -> (x, y), of the current screen
        self.question = None  # (id, shown order) of the unanswered question on screen
        self.screen_changes = 0
        self.routes_seen = {}
        self.last_change_at = 0.0
        self.first_frame = threading.Event()
        self.lines = 0
        self.thread = threading.Thread(target=self._read, args=(stream, log_path), daemon=True)
        self.thread.start()

    def _read(self, stream, log_path):
        with open(log_path, "w", encoding="utf-8") as log:
            for raw in stream:
                line = raw.decode("utf-8", "replace").rstrip("\n")
                log.write(line + "\n")
                log.flush()
                self._parse(line)

    def _parse(self, line):
        if not line.startswith("openday: "):
            return
        words = line[len("openday: "):].split(" ")
        with self.lock:
            self.lines += 1
            if words[0] == "first" and len(words) > 1 and words[1] == "frame":
                self.first_frame.set()
            elif words[0] == "screen" and len(words) == 2:
                self.route = words[1]
                self.targets = {}
                self.question = None
                self.screen_changes += 1
                self.routes_seen[self.route] = self.routes_seen.get(self.route, 0) + 1
                self.last_change_at = time.monotonic()
            elif words[0] == "targets" and len(words) == 3:
                self.targets = {}  # logged again: what moved or went is not there any more
                self.question = None
            elif words[0] == "question" and len(words) == 3:
                try:
                    self.question = (words[1], [int(i) for i in words[2].split(",")])
                except ValueError:
                    pass
            elif words[0] == "target" and len(words) == 4:
                try:
                    self.targets[words[1]] = (int(words[2]), int(words[3]))
                except ValueError:
                    pass

    def shown_question(self):
        with self.lock:
            return self.question

    def snapshot(self):
        with self.lock:
            return self.route, dict(self.targets), self.screen_changes, self.last_change_at


class Monkey:
    """Gestures through xdotool, each press held across several frames."""

    def __init__(self, rng, log, answers):
        self.rng = rng
        self.log = log
        self.answers = answers  # question id -> index of the correct option
        self.right_answers = 0
        self.counts = {}
        self.aimed = 0  # gestures aimed at a logged target
        self.aimed_at = None
        self.last_kind = None
        self.outcomes = {}  # target id -> (taps, screen changes that followed)

    def learn(self, changed):
        if self.aimed_at is None or self.last_kind not in ("tap", "double_tap"):
            return
        taps, changes = self.outcomes.get(self.aimed_at, (0, 0))
        self.outcomes[self.aimed_at] = (taps + 1, changes + (1 if changed else 0))

    def _xdotool(self, *args):
        subprocess.run(["xdotool", *[str(a) for a in args]], check=True, timeout=30)

    def _count(self, kind):
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.last_kind = kind

    def _on_screen(self, point):
        x, y = point
        return 0 <= x < SCREEN_W and 0 <= y < SCREEN_H

    def _weight(self, name):
        """Targets that led to another screen before are chosen more often (the monkey learns
        where the doors are), the top bar less often."""
        taps, changes = self.outcomes.get(name, (0, 0))
        return TARGET_WEIGHTS.get(name, 1.0) * (0.25 + 3.0 * (changes + 1) / (taps + 2))

    def quiz_move(self, route, targets):
        """On a quiz question: mostly the right option, then mostly 下一题 (None: anything)."""
        if route != "quiz/question":
            return None
        question = self.log.shown_question()
        if question is not None:
            question_id, order = question
            correct = self.answers.get(question_id)
            if correct is None or correct not in order or self.rng.random() >= KNOWS_ANSWER:
                return None
            name = f"quiz.option.{order.index(correct)}"
            if name in targets:
                self.right_answers += 1
                return name
            return None
        if "quiz.next" in targets and self.rng.random() < GOES_ON:
            return "quiz.next"
        return None

    def pick_point(self):
        """A logged target most of the time, else anywhere; remembers which target it aimed at."""
        self.aimed_at = None
        route, targets, _, _ = self.log.snapshot()
        known = self.quiz_move(route, targets)
        if known is not None:
            self.aimed += 1
            self.aimed_at = known
            x, y = targets[known]
            return x + self.rng.randint(-8, 8), y + self.rng.randint(-8, 8)
        visible = [(name, xy) for name, xy in targets.items() if self._on_screen(xy)]
        if visible and self.rng.random() < 0.85:
            weights = [self._weight(name) for name, _ in visible]
            name, (x, y) = self.rng.choices(visible, weights)[0]
            self.aimed += 1
            self.aimed_at = name
            return x + self.rng.randint(-8, 8), y + self.rng.randint(-8, 8)
        return self.rng.randrange(STAFF_CORNER_PX, SCREEN_W), self.rng.randrange(0, SCREEN_H)

    def tap(self, point):
        hold = self.rng.uniform(0.05, 0.08)
        self._xdotool("mousemove", *point, "mousedown", 1, "sleep", f"{hold:.3f}", "mouseup", 1)
        self._count("tap")

    def double_tap(self, point):
        self._xdotool("mousemove", *point, "mousedown", 1, "sleep", "0.06", "mouseup", 1, "sleep", "0.09",
                      "mousedown", 1, "sleep", "0.06", "mouseup", 1)
        self._count("double_tap")

    def long_press(self, point):
        hold = self.rng.uniform(0.6, 1.5)
        self._xdotool("mousemove", *point, "mousedown", 1, "sleep", f"{hold:.3f}", "mouseup", 1)
        self._count("long_press")

    def _stroke(self, start, dx, dy, steps, step_s, kind):
        args = ["mousemove", *start, "mousedown", 1, "sleep", "0.05"]
        for i in range(1, steps + 1):
            x = min(max(start[0] + dx * i // steps, 0), SCREEN_W - 1)
            y = min(max(start[1] + dy * i // steps, 0), SCREEN_H - 1)
            args += ["mousemove", x, y, "sleep", f"{step_s:.3f}"]
        args += ["mouseup", 1]
        self._xdotool(*args)
        self._count(kind)

    def drag(self, point):
        """A slow drag, mostly vertical (the lists scroll), sometimes sideways."""
        vertical = self.rng.random() < 0.8
        distance = self.rng.choice([-1, 1]) * self.rng.randint(60, 600)
        self._stroke(point, 0 if vertical else distance, distance if vertical else 0,
                     self.rng.randint(6, 12), self.rng.uniform(0.03, 0.06), "drag")

    def flick(self, point):
        """A fast short stroke released while moving: the scroll keeps its inertia."""
        distance = self.rng.choice([-1, 1]) * self.rng.randint(150, 500)
        self._stroke(point, 0, distance, 3, 0.02, "flick")

    def staff_corner_hold(self):
        point = (self.rng.randint(10, STAFF_CORNER_PX - 20), SCREEN_H - self.rng.randint(10, STAFF_CORNER_PX - 20))
        self._xdotool("mousemove", *point, "mousedown", 1, "sleep", f"{STAFF_HOLD_S:.2f}", "mouseup", 1)
        self._count("staff_corner_hold")

    def act(self):
        roll = self.rng.random()
        point = self.pick_point()
        if roll < 0.72:
            self.tap(point)
        elif roll < 0.77:
            self.double_tap(point)
        elif roll < 0.82:
            self.long_press(point)
        elif roll < 0.91:
            self.drag(point)
        elif roll < 0.995:
            self.flick(point)
        else:
            self.staff_corner_hold()


def read_memory_kib(pid):
    values = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "RssAnon"):
                values[key] = int(rest.split()[0])
    return values


def sample_at_rest(pid, log, samples=4, every_s=0.5):
    """RssAnon on the attract screen, the lowest of a few samples; None if not on it."""
    values = []
    for _ in range(samples):
        route, _, _, _ = log.snapshot()
        if route != "attract":
            return None
        try:
            values.append(read_memory_kib(pid)["RssAnon"])
        except (OSError, KeyError):
            return None
        time.sleep(every_s)
    return min(values)


def slope_per_minute(samples):
    """Least squares slope of (seconds, KiB) samples, in KiB per minute."""
    n = len(samples)
    if n < 3:
        return 0.0
    mean_t = sum(t for t, _ in samples) / n
    mean_v = sum(v for _, v in samples) / n
    var = sum((t - mean_t) ** 2 for t, _ in samples)
    if var == 0:
        return 0.0
    cov = sum((t - mean_t) * (v - mean_v) for t, v in samples)
    return cov / var * 60.0


def floor_per_window(samples, window_s=60.0, min_samples=5):
    """The lowest (seconds, KiB) sample of each window: what the process keeps, without the short
    peaks of work it frees again (a font atlas rebaked on navigation). A window with fewer than
    min_samples samples (the cut-off last one) has no floor to speak of and is left out."""
    windows = {}
    for t, v in samples:
        windows.setdefault(int(t // window_s), []).append((t, v))
    return [min(w, key=lambda s: s[1]) for _, w in sorted(windows.items()) if len(w) >= min_samples]


def start_xvfb(work):
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{SCREEN_W}x{SCREEN_H}x24",
                             "-nolisten", "tcp", "-noreset"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "xvfb.log"), "w"))
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        raise SystemExit("FAIL: Xvfb did not start")
    return xvfb, f":{number}"


class Desk:
    """Staff at the desk: every REDEEM_EVERY_S, redeems each voucher the kiosk has issued, with the
    command line on the kiosk's live database, as a visitor brings the code over."""

    def __init__(self, openday, db):
        self.openday = openday
        self.db = db
        self.redeemed = 0
        self.failures = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _waiting_codes(self):
        try:
            with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10) as conn:
                return [row[0] for row in conn.execute("SELECT code FROM vouchers WHERE redeemed_at_ms IS NULL")]
        except sqlite3.Error:
            return []  # not created yet, or busy: the next round

    def _run(self):
        while not self.stop.wait(REDEEM_EVERY_S):
            for code in self._waiting_codes():
                done = subprocess.run([self.openday, "voucher", "redeem", "--db", self.db, code],
                                      capture_output=True, text=True, timeout=60)
                if done.returncode == 0:
                    self.redeemed += 1
                else:
                    self.failures.append(f"voucher redeem {code} exited {done.returncode}: {done.stderr.strip()[:200]}")

    def finish(self):
        self.stop.set()
        self.thread.join(120)


def stats_for_days(openday, db, days):
    merged = []
    for day in sorted(days):
        out = subprocess.run([openday, "stats", "--db", db, "--json", "--date", day], check=True,
                             capture_output=True, text=True, timeout=60).stdout
        merged.append(json.loads(out))
    return merged


def check_database(db):
    """integrity_check, and the sessions straight from the events table."""
    problems = []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"PRAGMA integrity_check: {integrity[:5]}")
        started = {row[0] for row in conn.execute("SELECT session FROM events WHERE type = 'session_start'")}
        ended = {row[0] for row in conn.execute("SELECT session FROM events WHERE type = 'session_end'")}
        negative = conn.execute("SELECT count(*) FROM events WHERE type = 'session_end' AND value < 0").fetchone()[0]
        days = {row[0] for row in conn.execute(
            "SELECT DISTINCT date((at_ms / 1000) + utc_offset_min * 60, 'unixepoch') FROM events")}
        reasons = dict(conn.execute(
            "SELECT target, count(*) FROM events WHERE type = 'session_end' GROUP BY target").fetchall())
    return integrity, started, ended, negative, days, reasons, problems


def self_test():
    """Checks the soak's own arithmetic and log reading, without a kiosk (CTest: soak_self_test)."""
    import io
    rising = [(0.0, 1000), (30.0, 1030), (60.0, 1060), (120.0, 1120)]
    assert abs(slope_per_minute(rising) - 60.0) < 1e-9, slope_per_minute(rising)
    falling = [(0.0, 500), (60.0, 440), (120.0, 380), (180.0, 320)]
    assert abs(slope_per_minute(falling) + 60.0) < 1e-9
    assert slope_per_minute([(0.0, 7), (10.0, 7), (20.0, 7)]) == 0.0
    assert slope_per_minute([(0.0, 1), (1.0, 99)]) == 0.0  # too few samples to judge
    # Peaks over a flat floor are not growth; a floor that rises is.
    spiky = [(t * 5.0, 35000 + (8000 if t % 7 == 6 and t > 60 else 0)) for t in range(120)]
    assert slope_per_minute(spiky) > 100, slope_per_minute(spiky)  # what the plain slope would call growth
    assert abs(slope_per_minute(floor_per_window(spiky))) < 1e-9, floor_per_window(spiky)
    assert len(floor_per_window(spiky + [(600.0, 99999)])) == 10  # a cut-off last window is left out
    leaking = [(t * 5.0, 35000 + t * 50 + (8000 if t % 7 == 6 else 0)) for t in range(120)]
    assert slope_per_minute(floor_per_window(leaking)) > 256, slope_per_minute(floor_per_window(leaking))
    stream = io.BytesIO("\n".join([
        "openday: first frame 3.0 s after process start",
        "openday: screen home",
        "openday: target home.quiz 1426 724",
        "openday: target home.disclosure 493 724",
        "openday: screen departments",
        "openday: target departments.card.caizheng 497 788",
        "openday: target departments.category.综合服务 348 400",
        "some other line: screen nothing",
        "openday: target broken x y",
        "openday: screen quiz/question",
        "openday: targets quiz/question 2",
        "openday: target quiz.option.0 960 500",
        "openday: question q007 2,0,1",
    ]).encode("utf-8") + b"\n")
    with tempfile.TemporaryDirectory() as work:
        log = KioskLog(stream, os.path.join(work, "kiosk.log"))
        log.thread.join(10)
    route, targets, changes, _ = log.snapshot()
    assert log.first_frame.is_set()
    assert route == "quiz/question" and changes == 3, (route, changes)
    assert targets == {"quiz.option.0": (960, 500)}, targets
    assert log.shown_question() == ("q007", [2, 0, 1]), log.shown_question()
    assert log.routes_seen == {"home": 1, "departments": 1, "quiz/question": 1}, log.routes_seen
    monkey = Monkey(random.Random(1), log, {"q007": 2})
    assert monkey.quiz_move("quiz/question", {"quiz.option.0": (1, 1), "quiz.option.1": (1, 2)}) in ("quiz.option.0", None)
    picks = [monkey.quiz_move("quiz/question", {"quiz.option.0": (1, 1), "quiz.option.1": (1, 2)}) for _ in range(200)]
    assert set(picks) == {"quiz.option.0", None} and picks.count("quiz.option.0") > 150, picks.count("quiz.option.0")
    bank = correct_options(SHIPPED_QUIZ)
    assert len(bank) >= 5 and all(isinstance(i, int) for i in bank.values()), bank
    print("PASS: soak self-test")
    return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    openday = os.path.abspath(sys.argv[1])
    seconds = env_number("OPENDAY_SOAK_SECONDS", 180)
    seed = int(env_number("OPENDAY_SOAK_SEED", time.time_ns() % 1_000_000))
    min_screens_per_min = env_number("OPENDAY_SOAK_MIN_SCREENS_PER_MIN", 20)
    max_slope = env_number("OPENDAY_SOAK_MAX_SLOPE_KIB_PER_MIN", 10)
    answers = correct_options(os.environ.get("OPENDAY_SOAK_QUIZ") or SHIPPED_QUIZ)
    walk_away_every = env_number("OPENDAY_SOAK_WALK_AWAY_EVERY", 90)
    rng = random.Random(seed)
    work = tempfile.mkdtemp(prefix="openday-soak.")
    db = os.path.join(work, "soak.db")
    print(f"soak: {seconds:.0f} s, seed {seed}, work folder {work}", flush=True)

    failures = []
    xvfb, display = start_xvfb(work)
    env = dict(os.environ, DISPLAY=display)
    kiosk = subprocess.Popen([openday, "--db", db, "--log-targets", "--idle-timeout", str(IDLE_TIMEOUT_S),
                              "--idle-warning", str(IDLE_WARNING_S)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    log = KioskLog(kiosk.stderr, os.path.join(work, "kiosk.log"))
    os.environ["DISPLAY"] = display  # for xdotool
    try:
        if not log.first_frame.wait(60):
            raise SystemExit("FAIL: the kiosk drew no first frame within 60 s")
        monkey = Monkey(rng, log, answers)
        desk = Desk(openday, db)
        memory = []  # (seconds since start, {VmRSS, RssAnon})
        started = time.monotonic()
        next_sample = started
        next_walk_away = started + walk_away_every if walk_away_every > 0 else float("inf")
        walk_aways = 0
        rest = []  # (seconds since start, RssAnon KiB) on the attract screen after a walk-away
        actions = 0
        while time.monotonic() - started < seconds:
            now = time.monotonic()
            if kiosk.poll() is not None:
                failures.append(f"the kiosk exited with {kiosk.returncode} after {now - started:.0f} s and {actions} actions")
                break
            if now >= next_sample:
                try:
                    memory.append((now - started, read_memory_kib(kiosk.pid)))
                except OSError:
                    continue  # it has just exited: the next turn of the loop says so
                next_sample = now + MEMORY_SAMPLE_EVERY_S
            if now >= next_walk_away:
                # The visitor walks away: the idle question, its countdown, back to the attract screen.
                time.sleep(IDLE_TIMEOUT_S + IDLE_WARNING_S + 1.5)
                walk_aways += 1
                at_rest = sample_at_rest(kiosk.pid, log)
                if at_rest is not None:
                    rest.append((time.monotonic() - started, at_rest))
                next_walk_away = time.monotonic() + walk_away_every
                continue
            _, _, changes_before, _ = log.snapshot()
            monkey.act()
            actions += 1
            time.sleep(rng.uniform(*PAUSE_S))
            _, _, changes_after, changed_at = log.snapshot()
            monkey.learn(changes_after != changes_before)
            if changes_after != changes_before:
                # A new screen: let the tap guard pass and its targets arrive.
                time.sleep(max(0.0, changed_at + TAP_GUARD_S - time.monotonic()))
        elapsed = time.monotonic() - started
        desk.finish()
        failures += desk.failures
        alive = kiosk.poll() is None
        if alive:
            memory.append((elapsed, read_memory_kib(kiosk.pid)))

        route, _, screen_changes, _ = log.snapshot()
        stop_started = time.monotonic()
        exit_code = None
        if alive:
            kiosk.send_signal(signal.SIGTERM)
            try:
                exit_code = kiosk.wait(20)
            except subprocess.TimeoutExpired:
                failures.append("the kiosk did not stop within 20 s of SIGTERM")
                kiosk.kill()
                kiosk.wait()
            if exit_code not in (None, 0):
                failures.append(f"the kiosk exited with {exit_code} on SIGTERM")
        log.thread.join(10)
        stop_seconds = time.monotonic() - stop_started

        # Figures.
        minutes = elapsed / 60.0
        rate = screen_changes / minutes if minutes > 0 else 0.0
        warm_up = max(30.0, elapsed * 0.2)
        # A minute spent on one heavy screen has no rest in it: its lowest sample is no floor.
        floor_window = max(60.0, 2 * walk_away_every)
        steady = [(t, m) for t, m in memory if t >= warm_up]
        print(f"soak: {actions} actions in {elapsed:.0f} s ({actions / max(elapsed, 1):.1f}/s): "
              + ", ".join(f"{k} {v}" for k, v in sorted(monkey.counts.items())) + f", walk-aways {walk_aways}; {monkey.aimed} aimed at a logged target")
        print(f"soak: screen changes {screen_changes} ({rate:.0f} per minute), {len(log.routes_seen)} distinct routes; "
              f"on screen at stop: {route}")
        top = sorted(log.routes_seen.items(), key=lambda kv: -kv[1])
        print("soak: routes " + ", ".join(f"{r} {n}" for r, n in top))
        for key in ("VmRSS", "RssAnon"):
            series_all = [(t, m[key]) for t, m in memory if key in m]
            series = [(t, m[key]) for t, m in steady if key in m]
            if not series_all:
                continue
            print(f"soak: {key} first {series_all[0][1]} KiB, last {series_all[-1][1]} KiB, max {max(v for _, v in series_all)} KiB; "
                  f"slope {slope_per_minute(series_all):+.1f} KiB/min over all {len(series_all)} samples, "
                  f"{slope_per_minute(series):+.1f} KiB/min after the {warm_up:.0f} s warm-up ({len(series)} samples), "
                  f"floor {slope_per_minute(floor_per_window(series, floor_window)):+.1f} KiB/min "
                  f"(lowest sample of each {floor_window:.0f} s)")
        with open(os.path.join(work, "memory.tsv"), "w") as out:
            out.write("seconds\tVmRSS_KiB\tRssAnon_KiB\n")
            for t, m in memory:
                out.write(f"{t:.1f}\t{m.get('VmRSS', '')}\t{m.get('RssAnon', '')}\n")
        print(f"soak: stopped {stop_seconds:.2f} s after SIGTERM, exit code {exit_code}")

        # Checks.
        if rate < min_screens_per_min:
            failures.append(f"only {screen_changes} screen changes in {minutes:.1f} min ({rate:.0f}/min, at least {min_screens_per_min:.0f}/min wanted)")
        anon_steady = [(t, m["RssAnon"]) for t, m in steady if "RssAnon" in m]
        anon_floor = floor_per_window(anon_steady, floor_window)
        floor_slope = slope_per_minute(anon_floor)
        if len(anon_steady) >= 10 and len(anon_floor) >= 3:
            if elapsed >= LONG_SOAK_S and abs(floor_slope) > max_slope:
                failures.append(f"RssAnon's floor moves {floor_slope:+.1f} KiB/min after the warm-up (at most ±{max_slope:.0f})")
            elif floor_slope > MAX_FLOOR_GROWTH_KIB_PER_MIN:
                failures.append(f"RssAnon's floor grows {floor_slope:+.1f} KiB/min after the warm-up (at most {MAX_FLOOR_GROWTH_KIB_PER_MIN})")
            if elapsed < LONG_SOAK_S:
                print(f"soak: the floor's slope is judged within ±{max_slope:.0f} KiB/min only in a soak of {LONG_SOAK_S // 60} minutes or more")
        if len(anon_steady) < 10:
            print("soak: too few samples after the warm-up to judge the memory slope (run longer)")
        # For reading, not judged: too few samples, each moving by up to a megabyte with the heap at that moment.
        rest_steady = [(t, v) for t, v in rest if t >= warm_up]
        print("soak: RssAnon at rest on the attract screen " + " ".join(f"{t:.0f}s:{v}" for t, v in rest)
              + f"; slope {slope_per_minute(rest_steady):+.1f} KiB/min after the warm-up ({len(rest_steady)} rests)")

        integrity, started_sessions, ended_sessions, negative, days, reasons, db_problems = check_database(db)
        failures += db_problems
        open_sessions = started_sessions - ended_sessions
        print(f"soak: integrity_check {integrity[0] if integrity else '?'}; sessions started {len(started_sessions)}, "
              f"ended {len(ended_sessions & started_sessions)} ({', '.join(f'{r} {n}' for r, n in sorted(reasons.items()))}), "
              f"open after the stop {len(open_sessions)}")
        # The session on screen at SIGTERM is ended by the stop only once that fix is in; until
        # then at most that one may stay open.
        if len(open_sessions) > 1:
            failures.append(f"{len(open_sessions)} sessions never ended: {sorted(open_sessions)[:10]}")
        if ended_sessions - started_sessions:
            failures.append(f"sessions ended without a start: {sorted(ended_sessions - started_sessions)[:10]}")
        if negative:
            failures.append(f"{negative} sessions ended with a negative dwell")

        stats = stats_for_days(openday, db, days)
        total = {k: sum(s[k] for s in stats) for k in ("sessions", "sessions_ended_by_timeout", "sessions_ended_by_done",
                                                         "engaged_sessions", "woke_and_left_sessions", "interactions",
                                                         "quiz_attempts", "quiz_passed", "vouchers_issued")}
        print("soak: stats " + ", ".join(f"{k} {v}" for k, v in total.items())
              + ", average_dwell_seconds " + ", ".join(str(s["average_dwell_seconds"]) for s in stats))
        print(f"soak: {monkey.right_answers} right answers tapped on purpose; vouchers issued {total['vouchers_issued']}, "
              f"redeemed at the desk while the kiosk ran {desk.redeemed}")
        if seconds >= 300 and total["vouchers_issued"] == 0:
            failures.append("no voucher was issued: the soak never won a round, so issuing and redeeming went untested")
        if seconds >= 300 and desk.redeemed == 0:
            failures.append("no voucher was redeemed at the desk during the soak")
        if total["sessions"] != len(started_sessions):
            failures.append(f"stats count {total['sessions']} sessions, the events table {len(started_sessions)}")
        unaccounted = total["sessions"] - total["sessions_ended_by_timeout"] - total["sessions_ended_by_done"]
        if unaccounted > 1 or unaccounted > len(open_sessions) + sum(n for r, n in reasons.items() if r not in ("timeout", "done")):
            failures.append(f"stats: {total['sessions']} sessions but only {total['sessions_ended_by_timeout']} ended by timeout "
                            f"and {total['sessions_ended_by_done']} by done")
        if total["engaged_sessions"] + total["woke_and_left_sessions"] != total["sessions"]:
            failures.append("stats: engaged + woke-and-left sessions do not add up to the sessions")
        if any(s["average_dwell_seconds"] < 0 for s in stats):
            failures.append("stats: a negative average dwell")
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
        xvfb.terminate()
        xvfb.wait()

    if failures:
        print(f"soak: kiosk log kept in {work}", file=sys.stderr)
        with open(os.path.join(work, "kiosk.log"), encoding="utf-8") as kiosk_log:
            tail = kiosk_log.readlines()[-30:]
        sys.stderr.write("".join(tail))
        for failure in failures:
            print(f"FAIL: soak: {failure}", file=sys.stderr)
        return 1
    if os.environ.get("OPENDAY_SOAK_KEEP"):
        print(f"soak: work folder kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    print("PASS: soak")
    return 0


if __name__ == "__main__":
    sys.exit(main())
