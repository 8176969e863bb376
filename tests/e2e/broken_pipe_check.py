#!/usr/bin/env python3
"""A kiosk whose standard error is a pipe nobody reads any more (a `| tee` or `| logger` that
died) keeps running: the write fails, SIGPIPE does not end the process (issue 33).

usage: broken_pipe_check.py OPENDAY  (needs DISPLAY)"""
import os
import subprocess
import sys
import tempfile


def main() -> int:
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        reader, writer = os.pipe()
        os.close(reader)  # every write to the pipe now fails: EPIPE, or SIGPIPE if not ignored
        shot = os.path.join(tmp, "home.png")
        env = dict(os.environ, XDG_CACHE_HOME=os.path.join(tmp, "cache"), XDG_DATA_HOME=os.path.join(tmp, "data"))
        # subprocess restores SIGPIPE to its default in the child, as a shell pipeline has it.
        result = subprocess.run([binary, "--windowed", "800x600", "--db", os.path.join(tmp, "kiosk.db"),
                                 "--screen", "home", "--screenshot", shot],
                                stdout=subprocess.DEVNULL, stderr=writer, env=env, timeout=120)
        os.close(writer)
        if result.returncode != 0:
            print(f"FAIL: the kiosk with a closed standard error exited {result.returncode}"
                  f"{' (killed by SIGPIPE)' if result.returncode == -13 else ''}")
            return 1
        if not os.path.getsize(shot):
            print("FAIL: the kiosk wrote no screenshot")
            return 1
    print("OK: a closed standard error does not stop the kiosk")
    return 0


if __name__ == "__main__":
    sys.exit(main())
