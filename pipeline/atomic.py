"""Atomic file writes: a reader of the output folder sees the old file or the new one, never half.

The data goes to a hidden temporary file in the target's own folder (os.replace is only atomic
within one file system), is flushed and fsynced, and then renamed over the target.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

# mkstemp creates files readable by the owner only; output files are meant to be shared.
_NEW_FILE_MODE = 0o644


def write_new(path: Path, data: bytes) -> None:
    """Write a file inside a generation nobody reads yet (see generations.py): no temporary file
    is needed, but the data must be on disk before the generation is published."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically, creating missing parent folders."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
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
    fsync_folder(path.parent)


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
