#!/usr/bin/env python3
"""Stands in for systemd's notification socket: receives sd_notify datagrams on SOCKET_PATH
and appends each line as '<monotonic seconds> <message>' to LOG_PATH, flushed at once."""
import os
import socket
import sys
import time

socket_path, log_path = sys.argv[1], sys.argv[2]
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(socket_path)
with open(log_path, "a", buffering=1) as log:
    log.write("%.3f listening\n" % time.monotonic())
    while True:
        data = sock.recv(4096).decode("utf-8", "replace")
        for line in data.splitlines():
            log.write("%.3f %s\n" % (time.monotonic(), line))
