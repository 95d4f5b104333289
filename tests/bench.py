"""The speed and memory benchmark of issue 6: `make bench` (or `python -m tests.bench`).

Every figure is a whole process, started with subprocess.run and timed with time.perf_counter
(start-up and imports included, as a user or a cron job pays them); each is the median of
several runs. Peak memory is the max RSS of the measured process, read with
getrusage(RUSAGE_CHILDREN) in a small wrapper process started fresh for each measurement.
Each figure is set against its floor or baseline, measured in the same run, and the ratio
against its target:

1. Word handbook, all exports        vs  python-docx reading every paragraph and cell     <= 1.5
2. PDF, all exports (issue 12)       vs  the floor: pdfplumber reading every page's chars,  <= 1.25
   rects and lines (pdfminer's interpreter underneath), for the reference (10 pages) and for
   the long handbook (tests/fixtures/bench, 198 competencies, 121 pages)
3. 24 handbooks, --jobs 2            vs  the same with --jobs 1 (both --force)           <= 0.65
   (with the cores the runs kept busy, and how much two bare PDF reads at once slow each other
   down on the machine at that moment: on a shared machine that, not the pipeline, may decide)
4. 24 handbooks, unchanged rerun     vs  the first run into an empty folder              <= 0.15
5. max RSS, 200 Word handbooks       vs  1 Word handbook (--jobs 1)                       <= 1.2
   max RSS, 200 handbooks, half PDF  vs  1 Word + 1 PDF (both readers' libraries loaded)  <= 1.2
6. long handbook against the reference: (t_long / pages_long) / (t_ref / pages_ref) <= 1.5 for
   the PDF, and the same per competency for Word. Whole-process times, so start-up counts once
   per file. And the long PDF converted alone with --jobs 2 against --jobs 1 (its pages read in
   two worker processes, issue 12): <= 0.6.
7. soak (issue 15): 2,000 handbooks (Word and text) in one run with --jobs 2: peak memory of the
   whole process tree (parent and workers, sampled from /proc), the parent's open file
   descriptors after the run against before it (equal), and the median seconds between two
   finished handbooks over the first and the last 200 (last / first <= 1.2: flat).

`--only pdf` measures the three PDF pairs of issue 12 alone (2 and the --jobs pair of 6), in a
few minutes. Each PDF row also prints the median CPU seconds of both sides (less disturbed by
other work than wall time) and the load average before and after it.

Byte-code caching is on, as after any normal install (even when PYTHONDONTWRITEBYTECODE is set;
the cache goes to the temporary folder through PYTHONPYCACHEPREFIX) and a warm-up run fills it.
The batches are copies of the reference handbook (half .docx, half .pdf) under distinct names in
a temporary folder. The code measured is a copy of pipeline/ and schemas/ taken at the start, so
that edits to the tree during the run cannot mix into it. Nothing is written into the repository.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
REF_DOCX = FIXTURES / "ambtelijk-secretaris.docx"
REF_PDF = FIXTURES / "ambtelijk-secretaris.pdf"
LONG_DOCX = FIXTURES / "bench" / "lang-handboek.docx"
LONG_PDF = FIXTURES / "bench" / "lang-handboek.pdf"
PY = sys.executable
# Byte-code caching on, as in a normal install, but kept out of the working tree.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CODE = ROOT  # the folder the measured processes start in (and import pipeline from): see snapshot()
CORES_BUSY: dict[tuple, list[float]] = {}  # command -> CPU seconds per second of each run
CPU: dict[tuple, list[float]] = {}  # command -> CPU seconds of each run (the process and its workers)

FLOOR_DOCX = """
import sys, docx
document = docx.Document(sys.argv[1])
texts = [p.text for p in document.paragraphs]
texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
"""
# The floor of issue 12: pdfplumber reading the characters, rects and lines of every page.
FLOOR_PDF = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.chars, page.rects, page.lines
        page.close()
"""
MAX_RSS = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
if done.returncode:
    sys.exit(done.stderr.decode(errors="replace"))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # KiB on Linux
"""
WORD_ONLY_IMPORTS = """
import sys, tempfile
from pipeline.cli import main
with tempfile.TemporaryDirectory() as out:
    code = main(["convert", sys.argv[1], "--output", out, "--force", "--quiet", "--jobs", "1"])
print(code, "pdfplumber" in sys.modules)
"""


def snapshot(tmp: Path) -> Path:
    """A copy of the code and schemas to measure, taken once: the tree may change under a long run
    (and the manifest's pipeline version with it, which would turn a rerun into a conversion)."""
    src = tmp / "src"
    shutil.copytree(ROOT / "pipeline", src / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    # schemas/ is the package pipeline.schemas once installed (pyproject.toml): put it there
    shutil.copytree(ROOT / "schemas", src / "pipeline" / "schemas", ignore=shutil.ignore_patterns("__pycache__"))
    return src


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # includes pool workers, once waited for
    return usage.ru_utime + usage.ru_stime


def run(cmd: list, check_output: str | None = None) -> float:
    """Seconds one whole process takes; fails loudly if it does not succeed."""
    started, cpu = time.perf_counter(), cpu_seconds()
    done = subprocess.run([str(c) for c in cmd], cwd=CODE, env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    CORES_BUSY.setdefault(tuple(cmd), []).append((cpu_seconds() - cpu) / seconds)
    CPU.setdefault(tuple(cmd), []).append(cpu_seconds() - cpu)
    if done.returncode != 0 or (check_output and check_output not in done.stderr):
        sys.exit(f"benchmark command failed ({done.returncode}): {' '.join(map(str, cmd))}\n"
                 f"{done.stderr[-2000:]}")
    return seconds


def median_times(commands: list[list], runs: int) -> list[float]:
    """Median seconds of each command, the commands taking turns so that a change in the load of
    the machine weighs on all of them alike."""
    times = [[run(cmd) for cmd in commands] for _ in range(runs)]
    return [statistics.median(column) for column in zip(*times)]


def parallel_room(runs: int) -> float:
    """How much slower two bare PDF reads are when run at once than one alone (1.0: two free cores).
    --jobs 2 against --jobs 1 can at best come near half of it."""
    cmd = [PY, "-c", FLOOR_PDF, REF_PDF]
    ratios = []
    for _ in range(runs):
        one = run(cmd)
        started = time.perf_counter()
        pair = [subprocess.Popen(list(map(str, cmd)), cwd=CODE, env=ENV) for _ in range(2)]
        if any(p.wait() for p in pair):
            sys.exit("benchmark command failed: the bare PDF read")
        ratios.append((time.perf_counter() - started) / one)
    return statistics.median(ratios)


def max_rss_mib(cmd: list) -> float:
    done = subprocess.run([PY, "-c", MAX_RSS, *map(str, cmd)], cwd=CODE, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"benchmark command failed: {' '.join(map(str, cmd))}\n{done.stderr[-2000:]}")
    return int(done.stdout) / 1024


def convert(paths: list, output: Path, *options: str) -> list:
    return [PY, "-m", "pipeline", "convert", *paths, "--output", output, "--quiet", *options]


def convert_one(path: Path, tmp: Path) -> list:
    """One handbook, all exports, into an output folder of its own (the combined tables cover
    every handbook in the folder, so sharing one would time the others too)."""
    return convert([path], tmp / f"out-{path.name}", "--force", "--jobs", "1")


def batch_folder(parent: Path, count: int, kinds: str = "wp") -> Path:
    """`count` copies of the reference handbook, Word (w) and PDF (p) in turn, with distinct names."""
    folder = parent / f"batch-{count}-{kinds}"
    folder.mkdir()
    for i in range(count):
        source = REF_DOCX if kinds[i % len(kinds)] == "w" else REF_PDF
        shutil.copyfile(source, folder / f"handboek-{i:03d}{source.suffix}")
    return folder


def size(path: Path, tmp: Path) -> int:
    """Pages of a PDF, competencies of a Word handbook (from its JSON export)."""
    if path.suffix == ".pdf":
        return pages(path)
    run(convert([path], tmp / "size", "--force", "--jobs", "1"))
    return len(json.loads((tmp / "size" / "current" / "json" / f"{path.stem}.json").read_text())["competencies"])


class Table:
    def __init__(self):
        self.failed = 0
        print(f"{'measure':<46} {'this':>10} {'against':>10} {'ratio':>7} {'target':>8}")

    def row(self, label: str, this: float, base: float, target: float, unit: str = "s") -> None:
        ratio = this / base
        verdict = "PASS" if ratio <= target else "FAIL"
        self.failed += verdict == "FAIL"
        print(f"{label:<46} {this:>9.3f}{unit} {base:>9.3f}{unit} {ratio:>6.2f}x {'<= ' + str(target):>8}  {verdict}",
              flush=True)

    def note(self, text: str) -> None:
        print(f"  {text}", flush=True)


def load() -> str:
    return f"load average {os.getloadavg()[0]:.2f}"


def pdf_rows(table: "Table", tmp: Path, runs: int) -> None:
    """The pairs of issue 12: a PDF's whole conversion against the floor, for the reference and
    for the long handbook; the long one alone with --jobs 2 against --jobs 1."""
    for path in (REF_PDF, LONG_PDF):
        before = load()
        pair = [convert_one(path, tmp), [PY, "-c", FLOOR_PDF, path]]
        this, base = median_times(pair, runs)
        table.row(f"PDF, {pages(path)} pages, all exports vs floor", this, base, 1.25)
        cpu = [statistics.median(CPU[tuple(cmd)]) for cmd in pair]
        table.note(f"CPU seconds: conversion {cpu[0]:.3f}, floor {cpu[1]:.3f} ({cpu[0] / cpu[1]:.2f}x); "
                   f"{before} before, {load()} after")
    before = load()
    alone = [convert([LONG_PDF], tmp / f"out-long-{jobs}", "--force", "--jobs", str(jobs)) for jobs in (1, 2)]
    one_job, two_jobs = median_times(alone, runs)
    table.row(f"PDF, {pages(LONG_PDF)} pages alone: --jobs 2 vs --jobs 1", two_jobs, one_job, 0.6)
    cpu = [statistics.median(CPU[tuple(cmd)]) for cmd in alone]
    busy = [statistics.median(CORES_BUSY[tuple(cmd)]) for cmd in alone]
    table.note(f"CPU seconds: --jobs 1 {cpu[0]:.3f}, --jobs 2 {cpu[1]:.3f} (parent and workers); cores kept "
               f"busy {busy[0]:.2f} and {busy[1]:.2f}; {before} before, {load()} after")


def pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


SOAK = """
import json, os, sys
from pipeline.cli import main
before = len(os.listdir("/proc/self/fd"))
code = main(sys.argv[1:])
after = len(os.listdir("/proc/self/fd"))
print(json.dumps({"code": code, "fds_before": before, "fds_after": after}))
"""


def tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        child = int(stat.parent.name)
        children.setdefault(int(fields[1]), []).append(child)
        rss[child] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo += children.get(current, [])
    return total / 2**20


def soak(tmp: Path, count: int) -> dict:
    folder = tmp / f"soak-{count}"
    folder.mkdir()
    for i in range(count):
        source = (REF_DOCX, FIXTURES / "ambtelijk-secretaris.txt")[i % 2]
        shutil.copyfile(source, folder / f"rol-{i:04d}{source.suffix}")
    log = tmp / "soak.log"
    started = time.perf_counter()
    with open(log, "w") as stderr:
        process = subprocess.Popen([PY, "-c", SOAK, "convert", str(folder), "--output", str(tmp / "soak-out"),
                                    "--jobs", "2", "--log-format", "json"],
                                   cwd=CODE, env=ENV, stdout=subprocess.PIPE, stderr=stderr, text=True)
        peak = 0.0
        while process.poll() is None:
            peak = max(peak, tree_rss_mib(process.pid))
            time.sleep(0.5)
    seconds = time.perf_counter() - started
    result = json.loads(process.stdout.read().strip().splitlines()[-1])
    if result["code"] != 0:
        sys.exit(f"the soak run failed (exit {result['code']}); see {log}")
    finished = [datetime.fromisoformat(e["time"].replace("Z", "+00:00")).timestamp()
                for e in map(json.loads, log.read_text().splitlines()) if e["event"] == "converted"]
    gaps = [b - a for a, b in zip(finished, finished[1:])]
    window = min(200, len(gaps) // 2)
    return {"seconds": seconds, "peak_mib": peak, **result,
            "first": statistics.median(gaps[:window]), "last": statistics.median(gaps[-window:])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per single-file figure (median)")
    parser.add_argument("--batch-runs", type=int, default=3, help="runs per batch figure (median)")
    parser.add_argument("--memory-batch", type=int, default=200, help="handbooks in the memory batch")
    parser.add_argument("--soak", type=int, default=2000, help="handbooks in the soak run (0: leave it out)")
    parser.add_argument("--only", choices=["pdf"], help="only the PDF pairs of issue 12 (a few minutes)")
    args = parser.parse_args(argv)

    global CODE
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    ENV["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    try:
        CODE = snapshot(tmp)
        warm = (REF_PDF, LONG_PDF) if args.only == "pdf" else (REF_DOCX, REF_PDF, LONG_DOCX, LONG_PDF)
        for path in warm:  # warm-up: byte-code and file caches
            run(convert_one(path, tmp))
            if path.suffix == ".pdf":
                run([PY, "-c", FLOOR_PDF, path])
        start_load = os.getloadavg()[0]
        print(f"{os.cpu_count()} CPUs, load average {start_load:.2f} at the start"
              + ("  (other work is running: figures will be noisy)" if start_load > 0.5 else ""))
        table = Table()
        if args.only == "pdf":
            pdf_rows(table, tmp, args.runs)
            print(f"{table.failed} target(s) failed" if table.failed else "all targets met")
            return 1 if table.failed else 0

        # 1, 2: one handbook against reading the same file with the bare library.
        this, base = median_times([convert_one(REF_DOCX, tmp), [PY, "-c", FLOOR_DOCX, REF_DOCX]], args.runs)
        table.row("one Word handbook vs bare library read", this, base, 1.5)
        pdf_rows(table, tmp, args.runs)  # with the --jobs pair of 6

        # 3, 4: a batch of 24.
        batch = batch_folder(tmp, 24)
        by_jobs = [convert([batch], tmp / "out-batch", "--force", "--jobs", str(jobs)) for jobs in (1, 2)]
        jobs1, jobs2 = median_times(by_jobs, args.batch_runs)
        table.row("24 handbooks: --jobs 2 vs --jobs 1", jobs2, jobs1, 0.65)
        busy = [statistics.median(CORES_BUSY[tuple(cmd)]) for cmd in by_jobs]
        table.note(f"cores kept busy (CPU seconds per second): --jobs 1 {busy[0]:.2f}, --jobs 2 {busy[1]:.2f}")
        room = parallel_room(args.runs)
        table.note(f"the machine now: two bare PDF reads at once take {room:.2f}x one alone, so --jobs 2 "
                   f"can at best reach about {room / 2:.2f}x here")
        firsts, reruns = [], []
        for i in range(args.batch_runs):
            fresh = tmp / f"out-rerun-{i}"
            firsts.append(run(convert([batch], fresh, "--jobs", "2"), "converted 24"))
            reruns.append(run(convert([batch], fresh, "--jobs", "2"), "unchanged 24"))
        table.row("24 handbooks: unchanged rerun vs first run", statistics.median(reruns),
                  statistics.median(firsts), 0.15)

        # 5: peak memory does not grow with the batch. A mixed batch loads both readers' libraries,
        # so its baseline is one handbook of each format.
        n = args.memory_batch
        one_docx = max_rss_mib(convert([REF_DOCX], tmp / "mem-1w", "--jobs", "1"))
        many_docx = max_rss_mib(convert([batch_folder(tmp, n, "w")], tmp / "mem-nw", "--jobs", "1"))
        table.row(f"max RSS: {n} Word handbooks vs 1", many_docx, one_docx, 1.2, "M")
        one_each = max_rss_mib(convert([batch_folder(tmp, 2)], tmp / "mem-2", "--jobs", "1"))
        started = time.perf_counter()
        many = max_rss_mib(convert([batch_folder(tmp, n)], tmp / "mem-n", "--jobs", "1"))
        table.row(f"max RSS: {n} handbooks (half PDF) vs 1 of each", many, one_each, 1.2, "M")
        one_pdf = max_rss_mib(convert([REF_PDF], tmp / "mem-1p", "--jobs", "1"))
        table.note(f"1 PDF handbook alone {one_pdf:.1f} MiB; the mixed batch took {time.perf_counter() - started:.0f} s")

        # 6: time grows in proportion to the length of a handbook.
        for name, ref, long, unit in (("PDF", REF_PDF, LONG_PDF, "page"), ("Word", REF_DOCX, LONG_DOCX, "competency")):
            ref_size, long_size = size(ref, tmp), size(long, tmp)
            t_ref, t_long = median_times([convert_one(ref, tmp), convert_one(long, tmp)], args.runs)
            table.row(f"long {name}: s per {unit}, long vs reference", t_long / long_size, t_ref / ref_size, 1.5)
            table.note(f"reference {t_ref:.3f} s / {ref_size} = {t_ref / ref_size:.4f} s per {unit}; "
                       f"long {t_long:.3f} s / {long_size} = {t_long / long_size:.4f} s per {unit}")

        # 7: a long run stays flat.
        if args.soak:
            s = soak(tmp, args.soak)
            table.row(f"soak, {args.soak} handbooks --jobs 2: s between finished handbooks, last vs first 200",
                      s["last"], s["first"], 1.2)
            table.note(f"soak: {s['seconds']:.0f} s in all ({s['seconds'] / args.soak * 1000:.0f} ms per handbook), "
                       f"peak memory of parent and workers {s['peak_mib']:.0f} MiB, open file descriptors "
                       f"{s['fds_before']} before and {s['fds_after']} after the run")

        # Start-up and imports.
        help_time, bare = median_times([[PY, "-m", "pipeline", "--help"], [PY, "-c", "pass"]], args.runs)
        print(f"{'python -m pipeline --help':<46} {help_time:>9.3f}s  (bare python {bare:.3f} s)")
        done = subprocess.run([PY, "-c", WORD_ONLY_IMPORTS, REF_DOCX], cwd=CODE, env=ENV, capture_output=True, text=True)
        code, imported = done.stdout.split() if done.returncode == 0 else ("?", "?")
        print(f"{'Word-only run imports pdfplumber':<46} {imported:>10}  (exit code {code})")
        print(f"{table.failed} target(s) failed" if table.failed else "all targets met")
        return 1 if table.failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
