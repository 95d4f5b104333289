"""A killed, interrupted or starved run leaves nothing broken (generations.py, workers.py, lock.py).

The kill tests run the command line in a child process that pauses at a chosen point of the run
(a patched function writes a marker file and sleeps); the test then kills it with SIGKILL and
checks for orphans, the lock and `validate`.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline import atomic, batch
from pipeline.cli import main
from pipeline.export import csv as csv_export
from pipeline.validate_output import validate_output_dir

from .conftest import REFERENCE

# Run the CLI, pausing at a point of the run; argv: point, marker file, then the CLI arguments.
DRIVER = textwrap.dedent("""
    import pathlib, sys, time
    from pipeline import batch, cli, generations
    point, marker = sys.argv[1], pathlib.Path(sys.argv[2])
    def pause():
        marker.write_text("paused")
        time.sleep(120)
    def pausing(module, name, when):
        real = getattr(module, name)
        calls = []
        def wrapper(*args, **kwargs):
            calls.append(1)
            if when(len(calls)):
                pause()
            return real(*args, **kwargs)
        setattr(module, name, wrapper)
    if point == "before-first-export":
        pausing(batch, "write_new", lambda n: n == 1)
    elif point == "between-exports":
        pausing(batch, "write_new", lambda n: n == 5)  # two files per handbook: after the second
    elif point == "run-wide-tables":
        pausing(batch, "_write_library", lambda n: True)
    elif point == "switching":
        pausing(generations, "fsync_folder", lambda n: n == 1)  # renamed, not yet pointed to
    sys.exit(cli.main(sys.argv[3:]))
""")


def inputs(folder: Path, count: int) -> Path:
    folder.mkdir(exist_ok=True)
    for i in range(count):
        fmt = ("docx", "txt")[i % 2]
        shutil.copyfile(REFERENCE[fmt], folder / f"rol-{i:02d}.{fmt}")
    return folder


def children_of(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def current_tree(out: Path) -> dict[str, bytes]:
    root = out / "current"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds worker processes through /proc")
@pytest.mark.parametrize("point", ["before-first-export", "between-exports", "run-wide-tables", "switching"])
def test_kill_9_at_any_point_leaves_no_orphans_no_lock_and_a_valid_folder(tmp_path, point):
    inbox = inputs(tmp_path / "in", 6)
    out = tmp_path / "out"
    assert main(["convert", str(inbox / "rol-00.docx"), "-o", str(out), "-q", "--jobs", "1"]) == 0
    before = current_tree(out)
    marker = tmp_path / "paused"
    process = subprocess.Popen([sys.executable, "-c", DRIVER, point, str(marker), "convert", str(inbox),
                                "-o", str(out), "-q", "--jobs", "2"], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), process.stderr.read().decode()
    workers = children_of(process.pid)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 3
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if alive(pid)], "worker processes outlived their run"
    # between the kill and the next run: the previous run, whole
    assert validate_output_dir(out) == []
    assert current_tree(out) == before
    # the next run starts at once (no stale lock) and finishes the job
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "pipeline", "convert", str(inbox), "-o", str(out), "-q"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 60
    assert validate_output_dir(out) == []
    assert len(json.loads((out / "current" / "run" / "manifest.json").read_text())["handbooks"]) == 6
    assert [p.name for p in (out / "generations").iterdir() if p.name.endswith(".partial")] == []


@pytest.mark.parametrize("signum,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupt_keeps_what_finished_and_the_next_run_does_the_rest(tmp_path, signum, code):
    inbox = inputs(tmp_path / "in", 60)
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "convert", str(inbox), "-o", str(out),
                                "--jobs", "2"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("generations/*.partial/json/*.json"))) < 3:
        time.sleep(0.02)
    process.send_signal(signum)
    err = process.communicate(timeout=60)[1]
    assert process.returncode == code, err
    assert "Traceback" not in err
    manifest = json.loads((out / "current" / "run" / "manifest.json").read_text())["handbooks"]
    finished = [line.split(":")[0] for line in err.splitlines() if ": converted (" in line]
    assert 3 <= len(manifest) < 60, "the run was not interrupted mid-way"
    assert sorted(manifest) == sorted(Path(name).stem for name in finished)
    assert err.splitlines()[-1] == f"interrupted: converted {len(manifest)} of 60; run again to finish"
    assert validate_output_dir(out) == []
    assert main(["convert", str(inbox), "-o", str(out), "-q"]) == 0
    report = json.loads((out / "current" / "run" / "report.json").read_text())
    assert (report["converted"], report["unchanged"]) == (60 - len(manifest), len(manifest))


def fail_at(monkeypatch, module, name: str, nth: int, error: int):
    real = getattr(module, name)
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == nth:
            raise OSError(error, os.strerror(error), str(args[0]) if args else None)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, failing)
    return calls


# Every write of the second run below: the new handbook's exports, the library and the report
# (write_new), the CSV tables and the manifest (write_bytes_atomic), and each rename (os.replace:
# the tables', the manifest's, the generation's and the `current` link's), and the fsyncs of
# the new generation's files, which run together before it is published (atomic._fsync_path).
WRITES = ([(batch, "write_new", n) for n in range(1, 6)]
          + [(csv_export, "write_bytes_atomic", n) for n in range(1, 4)]
          + [(batch.manifest, "write_bytes_atomic", 1)]
          + [(os, "replace", n) for n in range(1, 7)]
          + [(atomic, "_fsync_path", n) for n in (1, 9)])


@pytest.mark.parametrize("module,name,nth", WRITES, ids=[f"{n}#{k}" for _, n, k in WRITES])
@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EACCES])
def test_a_write_failure_exits_3_and_keeps_the_previous_exports(tmp_path, capsys, monkeypatch, module, name, nth, error):
    inbox = inputs(tmp_path / "in", 2)
    out = tmp_path / "out"
    assert main(["convert", str(inbox), "-o", str(out), "-q", "--jobs", "1"]) == 0
    before = current_tree(out)
    shutil.copyfile(REFERENCE["txt"], inbox / "rol-02.txt")
    (inbox / "rol-00.docx").write_bytes(b"")  # fails: the previous export of rol-00 is carried over
    capsys.readouterr()
    with monkeypatch.context() as patch:
        calls = fail_at(patch, module, name, nth, error)
        code = main(["convert", str(inbox), "-o", str(out), "-q", "--jobs", "1"])
    err = capsys.readouterr().err
    assert len(calls) >= nth, f"the run no longer calls {name} {nth} times: update WRITES"
    assert code == 3, err
    assert err.splitlines()[-1].endswith(f"cannot write the output ({os.strerror(error)}); the previous exports are unchanged")
    assert "Traceback" not in err
    assert current_tree(out) == before
    assert validate_output_dir(out) == []
    assert [p.name for p in (out / "generations").iterdir()] == [(out / "current").resolve().name]
    assert not list(out.glob(".current.*"))
    # with the disk back, the next run finishes the job
    assert main(["convert", str(inbox), "-o", str(out), "-q", "--jobs", "1"]) == 1  # rol-00 is empty
    assert validate_output_dir(out) == []
    assert sorted(json.loads((out / "current" / "run" / "manifest.json").read_text())["handbooks"]) == ["rol-00", "rol-01", "rol-02"]


def test_two_runs_started_together_wait_for_each_other(tmp_path):
    inbox = inputs(tmp_path / "in", 6)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "convert", str(inbox), "-o", str(out), "-q", "--jobs", "1"]
    first = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    while not list(out.glob("generations/*.partial")) and first.poll() is None:
        time.sleep(0.01)
    second = subprocess.run([*command, "--wait", "120"], capture_output=True, text=True)
    assert first.wait() == 0 and second.returncode == 0, second.stderr
    assert "converted 0, failed 0, unchanged 6" in second.stderr
    assert validate_output_dir(out) == []


def test_a_lock_left_by_a_dead_run_is_taken_over_with_a_line(tmp_path, capsys):
    inbox = inputs(tmp_path / "in", 1)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".lock.owner").write_text('{"pid": 999999, "run": "20260101T000000Z-abcdef"}')
    assert main(["convert", str(inbox), "-o", str(out), "-q"]) == 0
    assert (f"{out}: took over the lock of run 20260101T000000Z-abcdef (process 999999), "
            "which ended without releasing it") in capsys.readouterr().err
    assert not (out / ".lock.owner").exists()


CRASHING_WORKER = textwrap.dedent("""
    # sitecustomize for the test below: every process, workers included, converts a file named
    # crash-* by dying on it, as a worker the OOM killer picks does
    import os
    import pipeline.conversion

    _real = pipeline.conversion.convert

    def convert(path, vocabulary=None, **options):
        if os.path.basename(str(path)).startswith("crash-"):
            os._exit(9)
        return _real(path, vocabulary, **options)

    pipeline.conversion.convert = convert
""")


def test_a_worker_that_dies_fails_its_file_only_and_the_run_neither_hangs_nor_stops(tmp_path):
    inbox = inputs(tmp_path / "in", 7)
    shutil.copyfile(REFERENCE["txt"], inbox / "crash-me.txt")
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(CRASHING_WORKER)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(hook)}
    result = subprocess.run([sys.executable, "-m", "pipeline", "convert", str(inbox), "-o", str(out), "--jobs", "2"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 1, result.stderr
    assert f"{inbox / 'crash-me.txt'}: the process converting this file ended without a result" in result.stderr
    assert "converted 7, failed 1" in result.stderr
    assert validate_output_dir(out) == []


def _square_but_die_on_seven(number: int) -> int:
    if number == 7:
        os._exit(9)  # as a worker the OOM killer picks
    return number * number


def test_map_unordered_fails_only_the_item_that_kills_its_worker():
    from pipeline.workers import WorkerDied, map_unordered

    results = dict(map_unordered(_square_but_die_on_seven, list(range(12)), 2))
    assert isinstance(results.pop(7), WorkerDied)
    assert results == {n: n * n for n in range(12) if n != 7}


def _square(number: int) -> int:
    return number * number


def test_alongside_gives_every_result_in_order_whoever_works_it_out():
    """The items are shared between this process (from the front) and a worker (from the back)."""
    from pipeline.workers import alongside

    here = []

    def square_here(number: int) -> int:
        here.append(number)
        return number * number

    assert alongside(square_here, _square, list(range(40)), 1) == [n * n for n in range(40)]
    assert here[:1] == [0] and here == list(range(len(here)))  # a run from the front
    assert alongside(square_here, _square, [3], 1) == [9]


def test_alongside_gives_worker_died_for_what_a_dead_worker_held():
    from pipeline.workers import WorkerDied, alongside

    results = alongside(lambda n: n * n, _square_but_die_on_seven, list(range(8)), 1)
    assert isinstance(results[7], WorkerDied)  # the last item: the worker's first
    assert all(r == n * n or isinstance(r, WorkerDied) for n, r in enumerate(results))


def test_alongside_with_a_dead_worker_prints_no_traceback_on_stderr(monkeypatch):
    """Items this process takes back are cancelled in the pool; when a worker dies then, Python
    3.11's pool fails on them in its manager thread, which would print a traceback."""
    import threading

    from pipeline.workers import WorkerDied, alongside

    failures = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_type))
    for _ in range(10):  # a race: with Python 3.11's pool unguarded, most runs of ten show it
        results = alongside(lambda n: n * n, _square_but_die_on_seven, list(range(8)), 1)
        assert isinstance(results[7], WorkerDied)
    assert failures == []


def test_a_dead_worker_s_pool_is_stopped_without_a_traceback_on_stderr(monkeypatch):
    import threading

    from pipeline.workers import WorkerDied, map_unordered

    failures = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_type))
    for _ in range(3):
        results = dict(map_unordered(_square_but_die_on_seven, list(range(12)), 2))
        assert isinstance(results[7], WorkerDied)
    assert failures == []
