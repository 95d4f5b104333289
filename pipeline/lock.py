"""One run per output folder at a time: an advisory lock on DIR/.lock.

A cron job that overlaps a manual run waits (up to --wait seconds) and then gives up with a
clear message; the lock disappears with the process that held it, even after kill -9.
"""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

from .errors import HandbookError


class Busy(HandbookError):
    pass


@contextmanager
def output_lock(output: Path, wait_seconds: float = 0.0):
    output.mkdir(parents=True, exist_ok=True)
    fd = os.open(output / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(
                        f"{output}: another conversion is writing to this folder; "
                        "try again when it has finished (or use --wait SECONDS)"
                    ) from None
                time.sleep(0.2)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
