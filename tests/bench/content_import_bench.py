#!/usr/bin/env python3
"""Prints how long `openday content import` takes on a county's workbooks, and its peak memory
(issue 11): a generated county of 60 departments and 3,000 approval items is exported with
`openday content export` to 60 workbooks, which are then imported, each figure the median of
several runs (peak memory: the largest). Targets: under 3 s and under 200 MB.

Usage: content_import_bench.py OPENDAY GENERATE_COUNTY [RUNS]
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

openday, generate_county = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5


def run_timed(args):
    """Wall seconds of one child, its exit code and output."""
    start = time.monotonic()
    done = subprocess.run(args, capture_output=True, text=True)
    return time.monotonic() - start, done.returncode, done.stdout, done.stderr


def measured_import(workbooks, event, out_dir):
    """Wall seconds and peak resident memory (MB) of one import: wait4 gives this child's own rusage."""
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(openday, [openday, "content", "import", *map(str, workbooks), "--out", str(out_dir), "--event", str(event), "--replace"])
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"content import failed (exit {os.waitstatus_to_exitcode(status)})")
    return wall, usage.ru_maxrss / 1024.0  # ru_maxrss is in kB on Linux


with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    county = tmp / "county"
    subprocess.run([generate_county, "--departments", "60", "--items", "3000", "--seed", "1", "--out", str(county)], check=True,
                   stdout=subprocess.DEVNULL)
    wall, code, out, err = run_timed([openday, "content", "export", "--content", str(county), "--out", str(tmp / "workbooks")])
    if code != 0:
        sys.exit(f"content export failed (exit {code}):\n{out}{err}")
    workbooks = sorted((tmp / "workbooks").glob("*.xlsx"))
    size = sum(w.stat().st_size for w in workbooks)
    print(f"content export: {len(workbooks)} workbooks, {size / 1024:.0f} kB in all, in {wall:.2f} s")
    walls, peaks = [], []
    for _ in range(runs):
        wall, peak = measured_import(workbooks, county / "event.json", tmp / "imported")
        walls.append(wall)
        peaks.append(peak)
    # The import ran the content validator itself; its summary line says what it wrote.
    _, code, out, err = run_timed([openday, "content", "import", *map(str, workbooks), "--out", str(tmp / "imported"),
                                   "--event", str(county / "event.json"), "--replace"])
    print(f"imported content: {out.strip() if code == 0 else err}")
    print(f"content import of {len(workbooks)} workbooks: median {statistics.median(walls):.2f} s wall "
          f"(of {runs} runs; slowest {max(walls):.2f} s), peak memory {max(peaks):.0f} MB (target: under 3 s and under 200 MB)")
