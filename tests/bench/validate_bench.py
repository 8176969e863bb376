#!/usr/bin/env python3
"""Prints how long `openday validate` takes on the shipped sample and on a generated county of
60 departments and 3,000 approval items beside the sample (issue 18), each the median of several
runs, wall clock and CPU. Target: under 1 s on the county.

Usage: validate_bench.py OPENDAY GENERATE_COUNTY SAMPLE_CONTENT_DIR [RUNS]
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

openday, generate_county, sample = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 7


def timed_validate(content):
    """Wall and CPU seconds of one `openday validate --content`, and its one-line summary."""
    before = os.times()
    start = time.monotonic()
    done = subprocess.run([openday, "validate", "--content", str(content)], capture_output=True, text=True)
    wall = time.monotonic() - start
    after = os.times()
    if done.returncode != 0:
        sys.exit(f"validate failed on {content} (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, done.stdout.splitlines()[0]


def measure(label, content):
    timed_validate(content)  # warms the page cache, as a kiosk restart would find it
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu, summary = timed_validate(content)
        walls.append(wall)
        cpus.append(cpu)
    print(f"validate {label:7s} median {statistics.median(walls) * 1000:7.0f} ms wall, "
          f"{statistics.median(cpus) * 1000:7.0f} ms CPU (of {runs} runs; slowest {max(walls) * 1000:.0f} ms)  {summary}")
    return statistics.median(walls)


with tempfile.TemporaryDirectory() as tmp:
    county = Path(tmp) / "county"
    subprocess.run([generate_county, "--departments", "60", "--items", "3000", "--seed", "1", "--out", str(county),
                    "--with-sample", sample], check=True)
    measure("sample", sample)
    seconds = measure("county", county)
    print(f"county validate: {seconds:.3f} s (target: under 1 s)")
