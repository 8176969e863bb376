#!/usr/bin/env python3
"""The booth-wide prize stock under random faults (issue 27): three kiosks issue vouchers at full
speed (`openday simulate --hub`) against a small booth stock while a fault script SIGKILLs and
restarts kiosks and the hub and cuts each kiosk's link for random periods (through a TCP proxy
per kiosk that closes every connection, or swallows every byte, and refuses new ones). A desk
redeems printed codes meanwhile (sometimes the same code twice, sometimes from two processes at
once); while its link is cut a kiosk redeems some of its own codes offline, and the desk then
redeems some of those too, so that double redemptions happen.

At the end (faults stopped, each kiosk run once more to settle its share, the booth's events
pulled into the desk's database) it asserts:
  - vouchers printed <= vouchers issued <= stocked ever - taken out, and the hub's `stocked`
    equals what the script's `hub stock set` calls added; no code printed twice;
  - the booth's stock adds up: what is still available + what the kiosks issued = stocked - taken out;
  - every printed code is in its kiosk's `vouchers` table and known to the hub (a redemption of
    every code is never answered 10);
  - the desk never redeemed one code successfully twice;
  - every successful redemption (desk or kiosk, online or offline) is one voucher_redeemed row in
    the desk's database: a double redemption shows as two rows, never hidden;
  - no command hung, and the kiosks exit only 0, 9 (hub away at the end) or by the script's kill.

Usage: booth_prize_faults.py OPENDAY [--minutes M] [--seed S] [--keep]
The duration defaults to 1.5 minutes, or $OPENDAY_FAULT_MINUTES. Exit 77 when nats-server is missing.
"""
import argparse
import concurrent.futures
import ctypes
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

KIOSKS = ["kiosk-1", "kiosk-2", "kiosk-3"]
RUN_HANG_S = 150      # a simulate run (at most 30 visitors) that takes longer has hung
COMMAND_HANG_S = 60   # any other command
SKIP = 77


def die_with_parent():
    """Child processes end with this script, however it ends (a CTest timeout included). Linux
    ties this to the thread that started the child: a child must outlive its thread only when
    that thread lives as long as the script (the hub's keeper)."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def close_quietly(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in recv on it
    except OSError:
        pass
    sock.close()


class Record:
    """Everything the threads observed, under one lock; and a journal of it in the work folder."""

    def __init__(self, journal):
        self.lock = threading.Lock()
        self.journal = open(journal, "a", buffering=1)
        self.started = time.monotonic()
        self.printed = {}            # code -> kiosk
        self.printed_twice = []      # (code, kiosk)
        self.by_kiosk = {k: [] for k in KIOSKS}
        self.runs = 0
        self.run_exits = {}
        self.kills = 0
        self.hub_restarts = 0
        self.link_cuts = {"cut": 0, "stall": 0}
        self.redemptions = []        # (who, code, rc, offline, stderr)
        self.hangs = []
        self.stock_sets = []         # (wanted, before, after)
        self.problems = []

    def note(self, text):
        with self.lock:
            self.journal.write(f"{time.monotonic() - self.started:8.2f} {text}\n")

    def voucher(self, kiosk, code):
        with self.lock:
            if code in self.printed:
                self.printed_twice.append((code, kiosk))
                return
            self.printed[code] = kiosk
            self.by_kiosk[kiosk].append(code)

    def redeemed(self, who, code, rc, offline, err):
        self.note(f"redeem {code} at {who}: exit {rc}{' (offline)' if offline else ''} {err.strip()[-200:]}")
        with self.lock:
            self.redemptions.append((who, code, rc, offline, err.strip()[-300:]))

    def successes(self, code=None, who=None):
        with self.lock:
            return [r for r in self.redemptions
                    if r[2] == 0 and (code is None or r[1] == code) and (who is None or (r[0] == "desk") == (who == "desk"))]


class Booth:
    def __init__(self, openday, nats, work, rng, record):
        self.openday, self.nats, self.work, self.rng, self.rec = openday, nats, work, rng, record
        self.hub_dir = os.path.join(work, "hub")
        self.hub_port = free_port()
        self.hub_proc = None
        self.hub_lock = threading.Lock()   # a hub restart and a stock set never overlap
        # The hub is started only from this one long-lived thread (see die_with_parent).
        self.hub_keeper = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        self.children = set()
        self.children_lock = threading.Lock()

    def url(self, port=None):
        return f"nats://127.0.0.1:{port or self.hub_port}"

    def creds(self, device):
        return os.path.join(self.hub_dir, f"{device}.creds")

    def spawn(self, args, **kwargs):
        proc = subprocess.Popen([self.openday, *args], text=True, preexec_fn=die_with_parent, **kwargs)
        with self.children_lock:
            self.children.add(proc)
        return proc

    def forget(self, proc):
        with self.children_lock:
            self.children.discard(proc)

    def run(self, args, timeout=COMMAND_HANG_S):
        proc = self.spawn(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            self.rec.hangs.append(("openday " + " ".join(args), timeout))
            return -999, out, err
        finally:
            self.forget(proc)
        return proc.returncode, out, err

    def desk(self, *args):
        return [*args, "--hub", self.url(), "--hub-credentials", self.creds("desk")]

    # The hub -----------------------------------------------------------------------------
    def init_hub(self):
        rc, out, err = self.run(["hub", "init", "--booth", "B1", "--devices", ",".join(KIOSKS + ["desk"]),
                                 "--listen", f"127.0.0.1:{self.hub_port}", "--out", self.hub_dir])
        if rc != 0:
            raise SystemExit(f"hub init exited {rc}: {err}")

    def start_hub(self):
        log = open(os.path.join(self.work, "nats-server.log"), "a")
        self.hub_proc = subprocess.Popen([self.nats, "-c", os.path.join(self.hub_dir, "nats-server.conf")],
                                         stdout=log, stderr=subprocess.STDOUT, preexec_fn=die_with_parent)
        log.close()
        if not wait_for_port(self.hub_port, 15):
            raise SystemExit("nats-server did not start listening")

    def kill_hub(self):
        if self.hub_proc and self.hub_proc.poll() is None:
            self.hub_proc.send_signal(signal.SIGKILL)
            self.hub_proc.wait()

    def restart_hub(self, down_s):
        self.hub_keeper.submit(self.restart_hub_now, down_s)

    def restart_hub_now(self, down_s):
        with self.hub_lock:
            self.kill_hub()
            self.rec.note(f"hub killed for {down_s:.1f} s")
            self.rec.hub_restarts += 1
            time.sleep(down_s)
            self.start_hub()
            self.rec.note("hub restarted")

    def ensure_hub(self):
        self.hub_keeper.submit(self.ensure_hub_now).result()

    def ensure_hub_now(self):
        with self.hub_lock:
            if self.hub_proc is None or self.hub_proc.poll() is not None:
                self.start_hub()

    # The stock ---------------------------------------------------------------------------
    def stock(self):
        rc, out, err = self.run(self.desk("hub", "stock", "show", "--json"))
        if rc != 0:
            return None
        return json.loads(out)

    def set_stock(self, wanted):
        rc, out, err = self.run(self.desk("hub", "stock", "set", str(wanted)))
        found = re.search(r"booth stock: (-?\d+) -> (-?\d+)", out)
        self.rec.note(f"hub stock set {wanted}: exit {rc} {out.strip()} {err.strip()}")
        if rc == 0 and found:
            self.rec.stock_sets.append((wanted, int(found.group(1)), int(found.group(2))))
            return True
        # Not written, or written without the answer: the hub's record tells which (the script
        # only ever raises the stock, so a written set shows in `stocked`).
        stock = self.stock()
        added = sum(max(0, after - before) for _, before, after in self.rec.stock_sets)
        if stock is None:
            self.rec.problems.append(f"hub stock set {wanted} exited {rc} and the stock cannot be read: {err.strip()}")
        elif stock["stocked"] != added:
            self.rec.note(f"hub stock set {wanted} was written although it exited {rc}")
            self.rec.stock_sets.append((wanted, stock["available"] - (stock["stocked"] - added), stock["available"]))
            return True
        return False

    def raise_stock(self, extra):
        with self.hub_lock:
            if self.hub_proc.poll() is not None:
                return
            stock = self.stock()
            if stock is not None:
                self.set_stock(stock["available"] + extra)


class LinkProxy:
    """A kiosk's TCP link to the hub (TLS passes through untouched) that the fault script can cut:
    'cut' closes every connection and refuses new ones; 'stall' forwards nothing (the bytes are
    swallowed, as by a dead switch) and closes everything when it ends."""

    def __init__(self, upstream_port):
        self.upstream_port = upstream_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.lock = threading.Lock()
        self.sockets = set()
        self.down = None          # None, "cut" or "stall"
        self.generation = 0
        self.stopped = False
        threading.Thread(target=self.accept_loop, daemon=True).start()

    def accept_loop(self):
        while not self.stopped:
            try:
                client, _ = self.listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            with self.lock:
                down = self.down
            if down == "cut":
                close_quietly(client)
                continue
            upstream = None
            if down is None:
                try:
                    upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=2)
                    upstream.settimeout(None)
                except OSError:
                    close_quietly(client)
                    continue
            with self.lock:
                self.sockets.update(s for s in (client, upstream) if s)
            threading.Thread(target=self.pump, args=(client, upstream), daemon=True).start()
            if upstream:
                threading.Thread(target=self.pump, args=(upstream, client), daemon=True).start()

    def pump(self, src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                with self.lock:
                    stalled = self.down is not None
                if stalled or dst is None:
                    continue
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            if s:
                close_quietly(s)
        with self.lock:
            self.sockets.difference_update({src, dst})

    def close_all(self):
        with self.lock:
            sockets, self.sockets = list(self.sockets), set()
        for s in sockets:
            close_quietly(s)

    def cut(self, mode, seconds):
        with self.lock:
            self.down = mode
            self.generation += 1
            generation = self.generation
        if mode == "cut":
            self.close_all()
        threading.Timer(seconds, self.restore, args=(generation,)).start()

    def restore(self, generation=None):
        with self.lock:
            if generation is not None and generation != self.generation:
                return  # a later cut owns the link now
            self.down = None
        self.close_all()

    def stop(self):
        self.stopped = True
        self.restore()
        self.listener.close()


class KioskLoop(threading.Thread):
    """One kiosk: `openday simulate --hub` again and again with its own database, its VOUCHER
    lines read as they come (so a killed run's codes count too)."""

    def __init__(self, booth, kiosk, proxy):
        super().__init__(daemon=True)
        self.booth, self.kiosk, self.proxy = booth, kiosk, proxy
        self.db = os.path.join(booth.work, f"{kiosk}.db")
        self.log = os.path.join(booth.work, f"{kiosk}.log")
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.proc = None
        self.started_at = 0.0
        self.seed = 1000 * (KIOSKS.index(kiosk) + 1)
        # A kiosk's staff redeem in the kiosk's own process; the CLI beside a running simulate
        # would write the kiosk's event sequence from two processes. So the kiosk pauses.
        self.db_lock = threading.Lock()
        self.paused = threading.Event()

    def run_once(self, visitors):
        self.seed += 1
        args = ["simulate", "--visitors", str(visitors), "--seed", str(self.seed), "--db", self.db,
                "--hub", self.booth.url(self.proxy.port), "--hub-credentials", self.booth.creds(self.kiosk)]
        with open(self.log, "a") as log:
            log.write(f"--- seed {self.seed}, {visitors} visitors\n")
            log.flush()
            with self.lock:
                self.proc = self.booth.spawn(args, stdout=subprocess.PIPE, stderr=log)
                self.started_at = time.monotonic()
            for line in self.proc.stdout:
                if line.startswith("VOUCHER "):
                    self.booth.rec.voucher(self.kiosk, line.split()[1])
            rc = self.proc.wait()
            log.write(f"--- exit {rc}\n")
        self.booth.rec.note(f"{self.kiosk} run seed {self.seed} exited {rc}")
        with self.lock:
            self.booth.forget(self.proc)
            self.proc = None
        rec = self.booth.rec
        with rec.lock:
            rec.runs += 1
            rec.run_exits[rc] = rec.run_exits.get(rc, 0) + 1
        return rc

    def run(self):
        while not self.stopping.is_set():
            if self.paused.is_set():
                time.sleep(0.05)
                continue
            with self.db_lock:
                self.run_once(self.booth.rng.randint(5, 30))

    def redeem_here(self, args):
        """Staff redeem at this kiosk, between two of its runs."""
        self.paused.set()
        try:
            with self.db_lock:
                return self.booth.run(args)
        finally:
            self.paused.clear()

    def kill(self):
        with self.lock:
            if self.proc and self.proc.poll() is None:
                self.proc.send_signal(signal.SIGKILL)
                self.booth.rec.kills += 1
                self.booth.rec.note(f"{self.kiosk} killed")

    def hung(self):
        with self.lock:
            if self.proc and self.proc.poll() is None and time.monotonic() - self.started_at > RUN_HANG_S:
                self.booth.rec.hangs.append((f"{self.kiosk} simulate seed {self.seed}", RUN_HANG_S))
                self.proc.send_signal(signal.SIGKILL)


class Desk:
    """The prize desk: redeems printed codes through the hub, now and then one it already
    redeemed or one from two processes at once; first the codes a kiosk redeemed offline."""

    def __init__(self, booth):
        self.booth = booth
        self.db = os.path.join(booth.work, "desk.db")
        self.wanted = []              # codes a kiosk redeemed offline, for a double redemption
        self.lock = threading.Lock()

    def args(self, code):
        return self.booth.desk("voucher", "redeem", "--db", self.db, code)

    def redeem(self, code):
        rc, out, err = self.booth.run(self.args(code))
        self.booth.rec.redeemed("desk", code, rc, False, err)
        return rc

    def redeem_twice_at_once(self, code):
        procs = [self.booth.spawn(self.args(code), stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        for proc in procs:
            try:
                _, err = proc.communicate(timeout=COMMAND_HANG_S)
                self.booth.rec.redeemed("desk", code, proc.returncode, False, err)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                self.booth.rec.hangs.append((f"desk redeem {code}", COMMAND_HANG_S))
            self.booth.forget(proc)

    def step(self, rng):
        rec = self.booth.rec
        with self.lock:
            wanted = self.wanted.pop(0) if self.wanted else None
        if wanted:
            self.redeem(wanted)
            return
        with rec.lock:
            printed = list(rec.printed)
        if not printed:
            return
        done = {r[1] for r in self.booth.rec.successes(who="desk")}
        fresh = [c for c in printed if c not in done]
        roll = rng.random()
        if roll < 0.15 and done:
            self.redeem(rng.choice(sorted(done)))          # the same code again: 11
        elif roll < 0.30 and fresh:
            self.redeem_twice_at_once(rng.choice(fresh))   # exactly one of the two succeeds
        elif fresh:
            self.redeem(rng.choice(fresh))


class Faults(threading.Thread):
    def __init__(self, booth, loops, proxies, desk):
        super().__init__(daemon=True)
        self.booth, self.loops, self.proxies, self.desk = booth, loops, proxies, desk
        self.stopping = threading.Event()

    def run(self):
        rng = random.Random(self.booth.rng.random())
        while not self.stopping.wait(rng.uniform(0.5, 4.0)):
            for loop in self.loops:
                loop.hung()
            roll = rng.random()
            if roll < 0.40:
                rng.choice(self.loops).kill()
            elif roll < 0.60:
                self.booth.restart_hub(rng.uniform(0.2, 5.0))
            else:
                k = rng.randrange(len(self.loops))
                mode = "cut" if rng.random() < 0.7 else "stall"
                seconds = rng.uniform(1, 8)
                self.proxies[k].cut(mode, seconds)
                self.booth.rec.note(f"{KIOSKS[k]}'s link: {mode} for {seconds:.1f} s")
                with self.booth.rec.lock:
                    self.booth.rec.link_cuts[mode] += 1
                if rng.random() < 0.6:
                    threading.Thread(target=self.offline_redemption, args=(k, rng.random()), daemon=True).start()

    def offline_redemption(self, k, roll):
        """The kiosk, its link cut, redeems one of its own codes from its own database."""
        time.sleep(0.3)
        kiosk, rec = KIOSKS[k], self.booth.rec
        with rec.lock:
            codes = list(rec.by_kiosk[kiosk])
        if not codes:
            return
        code = codes[int(roll * 1000) % len(codes)]
        rc, out, err = self.loops[k].redeem_here(["voucher", "redeem", "--db", self.loops[k].db, "--hub", self.booth.url(self.proxies[k].port),
                                                  "--hub-credentials", self.booth.creds(kiosk), code])
        offline = "this device's own code" in out
        rec.redeemed(kiosk, code, rc, offline, err)
        if rc == 0 and offline and roll < 0.7:
            with self.desk.lock:
                self.desk.wanted.append(code)


def background(stop, action, low, high, rng):
    def loop():
        while not stop.wait(rng.uniform(low, high)):
            action()
    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return thread


def settle_at_the_end(booth, loops, proxies):
    booth.rec.note("faults stopped; settling")
    for proxy in proxies:
        proxy.restore()
    booth.ensure_hub()
    for loop in loops:
        loop.stopping.set()
    for loop in loops:
        deadline = time.monotonic() + RUN_HANG_S + 10
        while loop.is_alive() and time.monotonic() < deadline:
            loop.join(1)
            loop.hung()
        if loop.is_alive():
            raise SystemExit(f"{loop.kiosk}'s simulate loop did not stop")
    for loop in loops:
        for attempt in range(4):
            booth.rec.note(f"{loop.kiosk}: settling run {attempt + 1}")
            if loop.run_once(3) == 0:
                break
            time.sleep(2)
        else:
            booth.rec.problems.append(f"{loop.kiosk}: its settling run never exited 0 (see {loop.log})")
    for attempt in range(3):
        booth.rec.note("hub sync")
        rc, out, err = booth.run(booth.desk("hub", "sync", "--db", os.path.join(booth.work, "desk.db"), "--timeout", "240"), timeout=300)
        if rc == 0:
            break
        time.sleep(2)
    if rc != 0:
        booth.rec.problems.append(f"hub sync exited {rc}: {err.strip()}")


def kiosk_vouchers(loop):
    con = sqlite3.connect(f"file:{loop.db}?mode=ro", uri=True)
    try:
        return {code: kiosk for code, kiosk in con.execute("SELECT code, kiosk_id FROM vouchers")}
    finally:
        con.close()


def check(booth, loops, desk):
    rec, failures = booth.rec, []
    stock = booth.stock()
    if stock is None:
        return ["hub stock show failed at the end"], {}
    added = sum(max(0, after - before) for _, before, after in rec.stock_sets)
    taken_out = sum(max(0, before - after) for _, before, after in rec.stock_sets)
    printed = len(rec.printed)
    issued = {}
    for loop in loops:
        issued.update(kiosk_vouchers(loop))
    issued_on_hub = sum(d["issued"] for d in stock["devices"].values())

    if stock["stocked"] != added:
        failures.append(f"the hub says stocked {stock['stocked']}, the script's sets added {added}")
    if printed > stock["stocked"]:
        failures.append(f"INVARIANT BROKEN: {printed} vouchers printed, only {stock['stocked']} ever stocked")
    if len(issued) > stock["stocked"] - stock["withdrawn"]:
        failures.append(f"INVARIANT BROKEN: {len(issued)} vouchers issued by the kiosks, {stock['stocked']} stocked - {stock['withdrawn']} taken out")
    if rec.printed_twice:
        failures.append(f"codes printed twice: {rec.printed_twice[:5]}")
    if stock["available"] + issued_on_hub != stock["stocked"] - stock["withdrawn"]:
        failures.append(f"the booth's stock does not add up: available {stock['available']} + issued {issued_on_hub} "
                        f"!= stocked {stock['stocked']} - taken out {stock['withdrawn']}")
    if issued_on_hub != len(issued):
        failures.append(f"the hub counts {issued_on_hub} issued, the kiosks' databases hold {len(issued)} vouchers")
    held = {d: v["holds"] for d, v in stock["devices"].items() if v["holds"]}
    if held:
        failures.append(f"kiosks still hold a share after their last run: {held}")
    for code, kiosk in rec.printed.items():
        if issued.get(code) != kiosk:
            failures.append(f"{code} printed by {kiosk} is not in its database's vouchers table")

    # Every printed code redeemed once more: known to the hub, never 10.
    desk_ok = {}
    for _, code, rc, _, _ in rec.successes(who="desk"):
        desk_ok[code] = desk_ok.get(code, 0) + 1
    final = {}
    for code in sorted(rec.printed):
        if code not in desk_ok:
            final[code] = desk.redeem(code)
            for _ in range(3):  # the hub answered nothing (9, 13): ask again
                if final[code] not in (9, 13):
                    break
                time.sleep(1)
                final[code] = desk.redeem(code)
    unknown = [c for c, rc in final.items() if rc == 10]
    if unknown:
        failures.append(f"{len(unknown)} printed codes unknown to the hub: {unknown[:5]}")
    odd = {c: rc for c, rc in final.items() if rc not in (0, 11, 10)}
    if odd:
        failures.append(f"final redemptions exited other than 0/11: {dict(list(odd.items())[:5])}")
    desk_ok = {}
    for _, code, rc, _, _ in rec.successes(who="desk"):
        desk_ok[code] = desk_ok.get(code, 0) + 1
    offline = {r[1] for r in rec.successes() if r[3]}
    unreported = [c for c in offline if final.get(c) == 0]
    if unreported:
        failures.append(f"{len(unreported)} codes a kiosk redeemed offline were never reported to the hub: {unreported[:5]}")
    twice = [c for c, n in desk_ok.items() if n > 1]
    if twice:
        failures.append(f"the desk redeemed {len(twice)} codes successfully twice: {twice[:5]}")
    nobody = [c for c, rc in final.items() if rc == 11 and not any(r[1] == c and r[2] != 11 for r in rec.redemptions)]
    if nobody:
        failures.append(f"{len(nobody)} codes answered 'already redeemed' that nobody tried to redeem: {nobody[:5]}")

    # Every successful redemption is one row in the desk's database; a double one is two.
    con = sqlite3.connect(f"file:{desk.db}?mode=ro", uri=True)
    rows = {}
    for code, n in con.execute("SELECT item, count(*) FROM events WHERE type = 'voucher_redeemed' GROUP BY item"):
        rows[code] = n
    con.close()
    successes = {}
    for _, code, _, _, _ in rec.successes():
        successes[code] = successes.get(code, 0) + 1
    for code, n in successes.items():
        if rows.get(code, 0) != n:
            failures.append(f"{code}: {n} successful redemptions, {rows.get(code, 0)} voucher_redeemed rows in desk.db")
    doubles = [c for c, n in successes.items() if n > 1]
    if rec.hangs:
        failures.append(f"hung: {rec.hangs[:5]}")
    unexpected = {rc: n for rc, n in rec.run_exits.items() if rc not in (0, 9, -signal.SIGKILL)}
    if unexpected:
        failures.append(f"simulate exited unexpectedly: {unexpected}")
    failures.extend(rec.problems)
    facts = {"stock": stock, "added": added, "issued": len(issued), "doubles": doubles, "final": final}
    return failures, facts


def summary(booth, facts, seconds):
    rec = booth.rec
    by_rc = {}
    for who, _, rc, offline, _ in rec.redemptions:
        key = ("desk" if who == "desk" else "kiosk offline" if offline else "kiosk") + f" exit {rc}"
        by_rc[key] = by_rc.get(key, 0) + 1
    stock = facts.get("stock", {})
    print(f"booth prize faults: {seconds:.0f} s, {rec.runs} simulate runs (exits {dict(sorted(rec.run_exits.items()))}), "
          f"{rec.kills} kiosk kills, {rec.hub_restarts} hub restarts, {rec.link_cuts['cut']} link cuts + {rec.link_cuts['stall']} stalls")
    print(f"booth prize faults: {len(rec.printed)} vouchers printed, {facts.get('issued')} issued in the kiosks' databases, "
          f"stocked {stock.get('stocked')} (by {len(rec.stock_sets)} stock sets adding {facts.get('added')}), "
          f"taken out {stock.get('withdrawn')}, still available {stock.get('available')}")
    print(f"booth prize faults: redemptions by exit code: {dict(sorted(by_rc.items()))}")
    print(f"booth prize faults: double redemptions (desk and a kiosk offline), each two rows in desk.db: {len(facts.get('doubles', []))}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("openday")
    parser.add_argument("--minutes", type=float, default=float(os.environ.get("OPENDAY_FAULT_MINUTES", "1.5")))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    options = parser.parse_args()
    nats = shutil.which("nats-server") or ("/usr/sbin/nats-server" if os.access("/usr/sbin/nats-server", os.X_OK) else None)
    if not nats:
        print("nats-server not found; skipped")
        return SKIP
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the cleanup below runs
    print(f"booth prize faults: seed {options.seed}, {options.minutes} minutes", flush=True)
    work = tempfile.mkdtemp(prefix="prize_faults_")
    rng = random.Random(options.seed)
    booth = Booth(os.path.abspath(options.openday), nats, work, rng, Record(os.path.join(work, "journal.log")))
    proxies, loops = [], []
    stop = threading.Event()
    try:
        booth.init_hub()
        booth.ensure_hub()
        if not any(booth.set_stock(rng.randint(25, 40)) for _ in range(3)):
            raise SystemExit("could not set the first stock")
        proxies = [LinkProxy(booth.hub_port) for _ in KIOSKS]
        loops = [KioskLoop(booth, k, p) for k, p in zip(KIOSKS, proxies)]
        desk = Desk(booth)
        started = time.monotonic()
        for loop in loops:
            loop.start()
        faults = Faults(booth, loops, proxies, desk)
        faults.start()
        # The desk takes the booth's rows in as it goes, as a running desk does (a sync only at
        # the end of ten minutes has millions of rows to catch up with).
        def sync_desk():
            booth.run(booth.desk("hub", "sync", "--db", os.path.join(booth.work, "desk.db"), "--timeout", "60"), timeout=120)
        threads = [background(stop, lambda: desk.step(rng), 0.5, 1.5, random.Random(rng.random())),
                   background(stop, sync_desk, 15, 30, random.Random(rng.random())),
                   background(stop, lambda: booth.raise_stock(rng.randint(3, 10)), 5, 15, random.Random(rng.random()))]
        time.sleep(options.minutes * 60)
        faults.stopping.set()
        stop.set()
        faults.join()
        for thread in threads:
            thread.join()
        settle_at_the_end(booth, loops, proxies)
        failures, facts = check(booth, loops, desk)
        summary(booth, facts, time.monotonic() - started)
    finally:
        stop.set()
        for loop in loops:
            loop.stopping.set()
            loop.kill()
        with booth.children_lock:
            leftovers = list(booth.children)
        for proc in leftovers:
            if proc.poll() is None:
                proc.kill()
        for proxy in proxies:
            proxy.stop()
        booth.kill_hub()
        booth.hub_keeper.shutdown(cancel_futures=True)
        booth.kill_hub()  # one the keeper may have started meanwhile
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"booth prize faults: work folder kept: {work}")
    for failure in failures:
        print(f"FAIL: {failure}")
    if failures:
        print(f"booth prize faults: FAILED (seed {options.seed}; rerun with --seed {options.seed} --keep)")
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
