"""Worker processes that never outlive their run, and signals that stop a run cleanly.

Workers are started with "spawn" (a fresh interpreter, not a fork): they hold no copy of the
parent's open files, so not the output folder's lock either. Each watches its parent's sentinel
and exits at once when the parent is gone (kill -9, OOM killer). Ctrl-C in a terminal reaches the
whole process group: workers ignore it and let the parent decide; the parent stops them. A worker
that dies itself (the OOM killer picks it, a C library crashes) fails the one item it was on and
the run goes on (map_unordered).
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterator


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: stop converting, keep what is finished. Like KeyboardInterrupt,
    not an Exception, so that no `except Exception` in a conversion swallows it."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum  # the shell's convention: 130 for SIGINT, 143 for SIGTERM


class WorkerDied(Exception):
    """The worker process working on an item ended without giving its result."""


def map_unordered(function: Callable, items: list, processes: int) -> Iterator[tuple[object, object]]:
    """(item, function(item)) in worker processes, as they finish; (item, WorkerDied()) for an
    item whose worker process died on it. Closing the iterator stops the workers at once.

    A dead worker breaks the whole pool, and which of the items then in the workers killed it is
    not known: the unfinished items are tried again in a new pool; an item in a worker when a pool
    broke twice is tried alone, so that only the item that kills its worker is failed."""
    strikes: dict[object, int] = {}
    pending = list(items)
    while pending:
        together = [item for item in pending if strikes.get(item, 0) < 2]
        alone = [item for item in pending if strikes.get(item, 0) >= 2]
        groups = ([together] if together else []) + [[item] for item in alone]
        pending = []
        for group in groups:
            unfinished = yield from _run_group(function, group, processes)
            if unfinished and len(group) == 1 and strikes.get(group[0], 0) >= 2:
                yield group[0], WorkerDied()
                continue
            # The pool feeds its workers in order, one item ahead: only the first unfinished items
            # can have been in a worker when it died; the rest waited in the queue.
            for item in unfinished[:processes + 1]:
                strikes[item] = strikes.get(item, 0) + 1
            pending += unfinished


def alongside(here: Callable, there: Callable, items: list, workers: int) -> list:
    """The results of each item in order, worked out by `here` in this process and by `there` (the
    same work, picklable) in `workers` worker processes at once: the workers take items from the
    back while this process takes them from the front, until the two meet. So this process does
    not sit idle while the workers start, and no process waits while items are left. The result
    for an item whose worker process died on it is WorkerDied(); an exception an item raises is
    raised here, as in a loop."""
    if len(items) < 2 or workers < 1:
        return [here(item) for item in items]
    with _quiet_pool_bug():
        return _alongside(here, there, items, workers)


def _alongside(here: Callable, there: Callable, items: list, workers: int) -> list:
    from concurrent.futures.process import BrokenProcessPool

    executor = _executor(min(workers, len(items) - 1))
    try:
        # submitted last item first: the pool starts at the back
        futures = [executor.submit(there, item) for item in reversed(items[1:])][::-1]
        results = [here(items[0])]
        for item, future in zip(items[1:], futures):
            if not future.cancel():
                break  # a worker has it, and all the items after it
            results.append(here(item))
        for future in futures[len(results) - 1:]:
            try:
                results.append(future.result())
            except BrokenProcessPool:
                results.append(WorkerDied())
    except BaseException:
        _stop(executor)
        raise
    # Every item is done or was taken back: the idle workers end on their own, and the pool
    # never breaks (see `_stop`).
    executor.shutdown(wait=True, cancel_futures=True)
    return results


def _run_group(function, group: list, processes: int):
    """Run one pool over `group`; yields finished results, returns the items left when it broke."""
    with _quiet_pool_bug():
        return (yield from _run_pool(function, group, processes))


def _run_pool(function, group: list, processes: int):
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    executor = _executor(min(processes, len(group)))
    try:
        futures = {executor.submit(function, item): item for item in group}
        done = set()
        try:
            for future in as_completed(futures):
                result = future.result()
                done.add(futures[future])
                yield futures[future], result
        except BrokenProcessPool:
            return [item for item in group if item not in done]
        return []
    finally:
        _stop(executor)


def _executor(processes: int):
    import multiprocessing  # here, not at the top: a run in one process never needs it
    from concurrent.futures import ProcessPoolExecutor

    # multiprocessing's resource tracker outlives a parent killed with -9 just long enough to
    # clean up the pool's semaphores and warn about them on stderr; the clean-up is right, the
    # warning is noise in a scheduler's log. The tracker takes its warning options from ours.
    quiet = "ignore::UserWarning:multiprocessing.resource_tracker"
    if quiet not in sys.warnoptions:
        sys.warnoptions.append(quiet)
    return ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker)


def _stop(executor) -> None:
    """Stop at once: drop the queued items and end the workers busy with one."""
    processes = list(getattr(executor, "_processes", {}).values())  # no public way before 3.14
    # A pool broken by a dead worker fails its pending futures in its manager thread; cancelling
    # them at the same time makes Python 3.11's thread fail on them, with a traceback on stderr.
    broken = bool(getattr(executor, "_broken", False))
    executor.shutdown(wait=False, cancel_futures=not broken)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
    executor.shutdown(wait=True)  # its manager thread has ended too (within _quiet_pool_bug)


@contextmanager
def _quiet_pool_bug() -> Iterator[None]:
    """Python 3.11's pool fails in its manager thread on a future this process took back
    (cancelled) when a worker dies at the same time (InvalidStateError; later versions skip
    such futures): no error of the run, so its traceback is not printed on stderr. Any other
    exception of any thread goes to the hook as before."""
    from concurrent.futures import InvalidStateError

    previous = threading.excepthook

    def hook(args) -> None:
        if args.exc_type is InvalidStateError and type(args.thread).__module__ == "concurrent.futures.process":
            return
        previous(args)

    threading.excepthook = hook
    try:
        yield
    finally:
        threading.excepthook = previous


def _start_worker() -> None:
    import multiprocessing

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel) -> None:
    from multiprocessing.connection import wait

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
