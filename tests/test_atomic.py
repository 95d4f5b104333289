"""pipeline.atomic: whole files or none, and on disk before a generation is published."""
from __future__ import annotations

import os

import pytest

from pipeline import atomic


@pytest.fixture
def fsynced(monkeypatch):
    """The paths fsynced, in order (a file's fd is traced back to its path)."""
    synced = []
    real = os.fsync

    def fsync(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else fd)
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    return synced


def test_a_file_is_fsynced_as_it_is_written(tmp_path, fsynced):
    atomic.write_new(tmp_path / "a" / "x.json", b"x")
    assert fsynced == [str(tmp_path / "a" / "x.json")]
    atomic.write_bytes_atomic(tmp_path / "y.csv", b"y")
    assert len(fsynced) == 3 and fsynced[-1] == str(tmp_path)  # the temporary file, then the folder


def test_deferred_syncs_come_all_at_the_end_of_the_block_once_each(tmp_path, fsynced):
    with atomic.syncs_deferred():
        atomic.write_new(tmp_path / "a" / "x.json", b"x")
        atomic.write_bytes_atomic(tmp_path / "b" / "y.csv", b"y")
        atomic.write_bytes_atomic(tmp_path / "b" / "z.csv", b"z")
        atomic.write_new(tmp_path / "a" / "x.json", b"x again")
        assert fsynced == []
    assert sorted(fsynced) == sorted(str(tmp_path / p) for p in ("a/x.json", "b/y.csv", "b/z.csv", "b"))
    assert (tmp_path / "a" / "x.json").read_bytes() == b"x again"
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["y.csv", "z.csv"]  # no temporary file left


def test_a_block_that_fails_syncs_nothing_and_the_next_write_syncs_at_once(tmp_path, fsynced):
    with pytest.raises(KeyError):
        with atomic.syncs_deferred():
            atomic.write_new(tmp_path / "x.json", b"x")
            raise KeyError("stop")
    assert fsynced == []
    atomic.write_new(tmp_path / "y.json", b"y")
    assert fsynced == [str(tmp_path / "y.json")]


def test_a_failing_deferred_sync_is_raised_at_the_end_of_the_block(tmp_path, monkeypatch):
    def full(item):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_fsync_path", full)
    with pytest.raises(OSError, match="No space"):
        with atomic.syncs_deferred():
            atomic.write_new(tmp_path / "x.json", b"x")


def test_deferred_syncs_run_within_the_given_context(tmp_path, fsynced):
    seen = []

    class Around:
        def __enter__(self):
            seen.append(("enter", len(fsynced)))

        def __exit__(self, *exc):
            seen.append(("exit", len(fsynced)))

    with atomic.syncs_deferred(around=Around):
        atomic.write_new(tmp_path / "x.json", b"x")
    assert seen == [("enter", 0), ("exit", 1)]


def test_a_file_that_cannot_be_opened_for_writing_is_fsynced_read_only(tmp_path, fsynced, monkeypatch):
    real = os.open

    def refuse_writing(path, flags, *args):
        if flags & os.O_RDWR:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args)

    with atomic.syncs_deferred():
        atomic.write_new(tmp_path / "x.json", b"x")
        monkeypatch.setattr(atomic.os, "open", refuse_writing)
    assert fsynced == [str(tmp_path / "x.json")]
