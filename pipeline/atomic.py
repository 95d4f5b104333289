"""Atomic file writes: a reader of the output folder sees the old file or the new one, never half.

The data goes to a hidden temporary file in the target's own folder (os.replace is only atomic
within one file system), is flushed and fsynced, and then renamed over the target.

Within `syncs_deferred()` (a generation being written, which nobody reads until it is
published) the fsyncs wait for the end of the block and then run all at once, in threads: the
file system commits them together instead of one journal commit each (25 fsyncs took a fifth
of the time of converting one PDF handbook). The block ends before the generation is
published, so what is published is on disk as before.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager, nullcontext
from pathlib import Path

# mkstemp creates files readable by the owner only; output files are meant to be shared.
_NEW_FILE_MODE = 0o644


_SYNC_THREADS = 8  # fsyncs running at once at the end of syncs_deferred()
_deferred: list[tuple[Path, bool]] | None = None  # within syncs_deferred(): (path, is a folder) to fsync


@contextmanager
def syncs_deferred(around=nullcontext):
    """The fsyncs of the files written within the block (and of their folders), all at once at
    its end, within `around()` (the batch defers signals there, as around every write); none
    when the block ends with an exception (what was written is thrown away)."""
    global _deferred
    outer, _deferred = _deferred, []
    try:
        yield
        pending = list(dict.fromkeys(_deferred))
    finally:
        _deferred = outer
    if pending:
        from concurrent.futures import ThreadPoolExecutor

        with around(), ThreadPoolExecutor(min(_SYNC_THREADS, len(pending))) as pool:
            for _ in pool.map(_fsync_path, pending):
                pass  # the first OSError is raised here


def _fsync_path(item: tuple[Path, bool]) -> None:
    path, folder = item
    if folder:
        fsync_folder(path)
        return
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # writable: Windows syncs only those
    except PermissionError:  # a file made read-only (it kept the mode of the one it replaced)
        fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync(f, path: Path) -> None:
    f.flush()
    if _deferred is None:
        os.fsync(f.fileno())
    else:
        _deferred.append((path, False))


def write_new(path: Path, data: bytes) -> None:
    """Write a file inside a generation nobody reads yet (see generations.py): no temporary file
    is needed, but the data must be on disk before the generation is published."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
        _sync(f, path)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically, creating missing parent folders."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            _sync(f, path)  # deferred: the file under its final name, after the rename
        try:
            mode = path.stat().st_mode & 0o777  # keep the mode of the file we replace
        except FileNotFoundError:
            mode = _NEW_FILE_MODE
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        # BaseException too: a Ctrl-C mid-write must not leave a stray temp file behind.
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if _deferred is None:
        fsync_folder(path.parent)
    else:
        _deferred.append((path.parent, True))


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on every platform."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
