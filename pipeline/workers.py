"""Worker processes that never outlive their run, and signals that stop a run cleanly.

Workers are started with "spawn" (a fresh interpreter, not a fork): they hold no copy of the
parent's open files, so not the output folder's lock either. Each watches its parent's sentinel
and exits at once when the parent is gone (kill -9, OOM killer). Ctrl-C in a terminal reaches the
whole process group: workers ignore it and let the parent decide; the parent stops them.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from contextlib import contextmanager
from multiprocessing.connection import wait


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: stop converting, keep what is finished. Like KeyboardInterrupt,
    not an Exception, so that no `except Exception` in a conversion swallows it."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum  # the shell's convention: 130 for SIGINT, 143 for SIGTERM


def pool(processes: int):
    # multiprocessing's resource tracker outlives a parent killed with -9 just long enough to
    # clean up the pool's semaphores and warn about them on stderr; the clean-up is right, the
    # warning is noise in a scheduler's log. The tracker takes its warning options from ours.
    quiet = "ignore::UserWarning:multiprocessing.resource_tracker"
    if quiet not in sys.warnoptions:
        sys.warnoptions.append(quiet)
    context = multiprocessing.get_context("spawn")
    return context.Pool(processes, initializer=_start_worker)


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel) -> None:
    wait([sentinel])  # ready when the parent process has ended
    os._exit(1)


class Signals:
    """Within `catching()`, SIGINT and SIGTERM raise Interrupted; within `deferred()` they are
    only remembered in `pending`, so that writing a handbook or publishing a run is never cut in
    half: the caller checks `pending` afterwards."""

    WATCHED = (signal.SIGINT, signal.SIGTERM)

    def __init__(self):
        self.pending: int | None = None
        self._defer = False

    def _handle(self, signum, frame):
        if self._defer:
            self.pending = self.pending or signum
            return
        raise Interrupted(signum)

    @contextmanager
    def catching(self):
        if threading.current_thread() is not threading.main_thread():
            yield self  # signals can only be handled in the main thread
            return
        previous = {s: signal.signal(s, self._handle) for s in self.WATCHED}
        try:
            yield self
        finally:
            for s, handler in previous.items():
                signal.signal(s, handler)

    @contextmanager
    def deferred(self):
        self._defer = True
        try:
            yield
        finally:
            self._defer = False
