#!/usr/bin/env python3
"""Prints how long `openday export` takes on a database of about a million events, and its peak
memory. Targets: under 3 s and under 200 MB. The database comes from `openday simulate`
(32,000 visitors on one kiosk, about 1,020,000 events).

Usage: export_bench.py OPENDAY
"""
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

openday = sys.argv[1]
with tempfile.TemporaryDirectory() as tmp:
    db = Path(tmp) / "big.db"
    subprocess.run([openday, "simulate", "--db", str(db), "--visitors", "32000", "--seed", "9", "--stock", "100000",
                    "--date", "2026-05-15"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    events = sqlite3.connect(db).execute("SELECT count(*) FROM events").fetchone()[0]
    out = Path(tmp) / "usb"
    out.mkdir()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    subprocess.run([openday, "export", "--db", str(db), "--out", str(out), "--format", "all"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    note = "" if peak > before else " (the simulation's peak was higher; the export's is at most this)"
    print(f"export of {events:,} events ({db.stat().st_size / 1e6:.0f} MB database): {seconds:.2f} s, "
          f"peak memory {peak / 1024:.1f} MiB{note}")
    print(f"files: {', '.join(sorted(p.name for p in out.iterdir()))}")
