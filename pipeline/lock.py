"""One run per output folder at a time: a lock on DIR/.lock, through `filelock` (fcntl on POSIX,
msvcrt on Windows).

A cron job that overlaps a manual run waits (up to --wait seconds) and then gives up with a clear
message. The operating system releases the lock with the process that held it, even after kill -9;
worker processes are started fresh (not forked), so they never inherit it. The holder also leaves
its process id and run id in DIR/.lock.owner and removes it when done: finding that record on
taking the lock means the last run ended without releasing it, and the caller is told.
"""
from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from filelock import FileLock, Timeout

from .errors import HandbookError

LOCK_FILE = ".lock"
OWNER_FILE = ".lock.owner"


class Busy(HandbookError):
    pass


@contextmanager
def output_lock(output: Path, wait_seconds: float = 0.0, *, run_id: str = "",
                on_takeover: Callable[[str], None] = lambda message: None):
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    lock = FileLock(output / LOCK_FILE, timeout=max(wait_seconds, 0.0), preserve_lock_file=True)
    try:
        lock.acquire(poll_interval=0.2)
    except Timeout:
        raise Busy(f"{output}: another conversion is writing to this folder; "
                   "try again when it has finished (or use --wait SECONDS)") from None
    owner = output / OWNER_FILE
    try:
        stale = _read_owner(owner)
        if stale is not None:
            on_takeover(f"{output}: took over the lock of run {stale.get('run') or '?'} "
                        f"(process {stale.get('pid') or '?'}), which ended without releasing it")
        owner.write_text(json.dumps({"pid": os.getpid(), "run": run_id}) + "\n", encoding="utf-8")
        yield
    finally:
        owner.unlink(missing_ok=True)
        lock.release()


def _read_owner(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
