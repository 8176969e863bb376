"""An Xvfb of a test's own, on a display number it picks itself (-displayfd), and stopping what a test started: tests that start
a kiosk under X never share or guess a display. Used by the e2e scripts."""
import os
import subprocess


def start_private_xvfb(size="1920x1080"):
    """Starts Xvfb at size (WxH) and sets DISPLAY to it; returns the process, or None (and no
    process left running) when it did not start."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", size + "x24", "-nolisten", "tcp", "-noreset"],
                            pass_fds=[write_fd], stderr=subprocess.DEVNULL)
    os.close(write_fd)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read_fd, 16)
        if not chunk:
            xvfb.kill()
            xvfb.wait()
            os.close(read_fd)
            return None
        number += chunk
    os.close(read_fd)
    os.environ["DISPLAY"] = ":" + number.decode().strip()
    return xvfb


def stop_children(children, timeout=20):
    """Stops what a test started (a kiosk, Xvfb, ...), the last started first: terminate, then
    kill what does not end within timeout seconds."""
    for child in reversed(children):
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                child.kill()
