"""A batch run: find the inputs, convert each on its own, write the exports, report.

One bad file never stops the run, and a failed file never touches the output of an earlier good
run. A run writes a new generation of the output folder and publishes it in one step
(generations.py), so readers see one whole run at every instant, also after a kill. Unchanged
inputs (same source and pipeline, see manifest.py) are not converted again.
"""
from __future__ import annotations

import gc
import json
import os
import secrets
import shutil
import time
import traceback
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from . import generations, layout, library, manifest
from .atomic import syncs_deferred, write_new
from .conversion import convert, handbook_id, sha256_of
from .errors import HandbookError
from .lock import output_lock
from .readers import ADVICE, is_supported
from .workers import Interrupted, Signals, WorkerDied, map_unordered

WORKER_DIED = ("the process converting this file ended without a result (stopped by the system, "
               "perhaps for lack of memory, or a crash in a library); the other files were converted")
EXPORT_FOLDERS = ("json", "xml")  # per-handbook exports in the manifest: <folder>/<id>.<folder>


@dataclass
class Outcome:
    """What happened to one input file."""

    path: Path
    id: str
    status: str  # 'converted', 'unchanged' or 'failed'
    reason: str | None = None
    internal: bool = False  # failed on a bug of the pipeline, not on the file
    counts: dict | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list = field(default_factory=list)  # pipeline.blocks.Note: judgements on weak evidence
    vocabulary: str | None = None
    source_sha256: str | None = None
    exports: dict[str, bytes] = field(default_factory=dict)  # path in the generation -> content
    milliseconds: int = 0
    detail: str | None = None  # traceback, for --debug

    def message(self, debug: bool = False) -> str:
        """The one line that tells a person why this file failed."""
        if self.internal:
            hint = "" if debug else " (run with --debug for the traceback)"
            return f"internal error in {self.path}: {self.reason}{hint}"
        return f"{self.path}: {self.reason}"

    def report_entry(self) -> dict:
        entry = {"input": str(self.path), "id": self.id, "status": self.status}
        for key in ("reason", "counts", "vocabulary", "warnings"):
            if getattr(self, key):
                entry[key] = getattr(self, key)
        if self.notes:
            entry["notes"] = [note.as_dict() for note in self.notes]
        return entry


@dataclass
class Run:
    outcomes: list[Outcome]
    library_warnings: list[str]
    total: int = 0  # inputs given; more than outcomes when the run was interrupted
    interrupted: Interrupted | None = None
    run_id: str = ""
    generation: Path | None = None  # the generation this run published

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def find_inputs(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Input files (sorted, folders searched recursively) and the files skipped in folders.

    A file named explicitly is always an input (an unsupported one then fails with advice);
    in a folder, hidden files, Word's lock files (~$name.docx) and files of other kinds are skipped.
    """
    found: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = child.relative_to(path)
                if any(part.startswith((".", "~$")) for part in relative.parts):
                    continue
                if is_supported(child) or child.suffix.lower() in ADVICE:
                    found.append(child)
                else:
                    skipped.append(child)
        else:
            found.append(path)
    return list(dict.fromkeys(found)), skipped


def convert_one(path: Path, vocabulary_path: str | None = None, jobs: int = 1) -> Outcome:
    """Convert one file to its export bytes; never raises for a bad file. Runs in worker processes."""
    from .export import EXPORTERS
    from .validate import validate_xml
    from .vocab import load

    started = time.perf_counter()
    outcome = Outcome(path=path, id=handbook_id(path), status="failed")
    try:
        vocabulary = load(vocabulary_path) if vocabulary_path else None
        result = convert(path, vocabulary, jobs=jobs)
        exports = {layout.handbook_file(folder, outcome.id): EXPORTERS[folder].render(result.data)
                   for folder in EXPORT_FOLDERS}
        problems = validate_xml(exports[layout.handbook_file("xml", outcome.id)])
        if problems:
            raise HandbookError(f"the XML export does not match schemas/handbook.xsd: {problems[0]}")
    except HandbookError as error:
        outcome.reason = str(error)
    except MemoryError:
        outcome.reason = "not enough memory to convert this file"
    except RecursionError:
        outcome.reason = "the document is nested too deeply to read"
    except Exception as error:  # a bug: this file fails, the batch goes on
        outcome.internal = True
        outcome.reason = f"{type(error).__name__}: {error}"
        outcome.detail = traceback.format_exc()
    else:
        outcome.status = "converted"
        outcome.counts = result.handbook.counts()
        outcome.warnings = result.warnings
        outcome.notes = result.notes
        outcome.vocabulary = result.vocabulary.language
        outcome.source_sha256 = result.handbook.source.sha256
        outcome.exports = exports
    outcome.milliseconds = round((time.perf_counter() - started) * 1000)
    return outcome


def _convert_next(path: Path, vocabulary_path: str | None = None) -> Outcome:
    """convert_one, after freeing what the file before left behind (a process converts many).

    A python-docx Document is a web of reference cycles (package, parts, XML trees) that only a
    full garbage collection frees, and Python runs one only now and then: without this, memory
    in a batch grows by some megabytes a file before the collector catches up.
    """
    gc.collect()
    return convert_one(path, vocabulary_path)


def id_problems(inputs: list[Path]) -> dict[Path, str]:
    """Inputs whose id another input also has, each with its reason."""
    by_id: dict[str, list[Path]] = {}
    for path in inputs:
        by_id.setdefault(handbook_id(path), []).append(path)
    reasons = {}
    for hid, paths in by_id.items():
        for path in paths:
            if len(paths) > 1:
                others = ", ".join(str(p) for p in paths if p != path)
                reasons[path] = f"gives the same handbook id '{hid}' as {others}: rename one of them (ids come from file names)"
    return reasons


def new_run_id() -> str:
    """The time the run started and a random part: names the run's generation and its log events."""
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def run(
    inputs: list[Path],
    output: Path,
    *,
    jobs: int = 1,
    force: bool = False,
    vocabulary: str | None = None,
    wait_seconds: float = 0.0,
    run_id: str | None = None,
    case_base_uri: str | None = None,
    on_event: Callable[[str, Outcome | None], None] = lambda kind, outcome: None,
    on_notice: Callable[[str], None] = lambda message: None,
) -> Run:
    """Convert `inputs` into a new generation of `output` and publish it (generations.py).

    on_event('started'|'done', outcome) follows progress; on_notice(message) hears of things
    about the run as a whole. SIGINT or SIGTERM stops the conversions: what finished is published
    and the returned Run says `interrupted`. A failure to write raises OSError, and the previous
    generation stays current, untouched.
    """
    output = Path(output)
    run_id = run_id or new_run_id()
    signals = Signals()
    with signals.catching(), output_lock(output, wait_seconds, run_id=run_id, on_takeover=on_notice):
        previous_root = generations.current(output)
        generations.remove_all_but(output, {previous_root})
        staging = generations.start(output, run_id)
        try:
            with syncs_deferred(around=signals.deferred):  # all on disk before the generation is published
                result = _run_into(staging, previous_root, inputs, jobs=jobs, force=force, vocabulary=vocabulary,
                                   run_id=run_id, case_base_uri=case_base_uri, signals=signals, on_event=on_event)
            with signals.deferred():
                result.generation = generations.publish(output, staging)
                # keep the generation just replaced: a reader may have opened it a moment ago
                generations.remove_all_but(output, {result.generation, previous_root})
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    if result.interrupted is None and signals.pending:
        result.interrupted = Interrupted(signals.pending)
    return result


def _run_into(staging: Path, previous_root: Path | None, inputs: list[Path], *, jobs: int, force: bool,
              vocabulary: str | None, run_id: str, case_base_uri: str | None, signals: Signals,
              on_event) -> Run:
    run_time = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    previous = manifest.load(previous_root) if previous_root else {}
    entries: dict[str, dict] = {}  # id -> manifest entry, for every handbook in the new generation
    problems = id_problems(inputs)
    outcomes: dict[Path, Outcome] = {}
    todo: list[Path] = []
    for path in inputs:
        hid = handbook_id(path)
        if path in problems:
            outcomes[path] = Outcome(path=path, id=hid, status="failed", reason=problems[path])
            on_event("done", outcomes[path])
        elif not force and _unchanged(path, previous.get(hid), previous_root, vocabulary):
            prior = previous[hid]
            _carry_over(previous_root, staging, prior)
            entries[hid] = prior
            outcomes[path] = Outcome(path=path, id=hid, status="unchanged", counts=prior.get("counts"),
                                     vocabulary=prior.get("vocabulary"),
                                     source_sha256=prior.get("source_sha256"))
            on_event("done", outcomes[path])
        else:
            todo.append(path)

    interrupted = None
    results = _convert_all(todo, vocabulary, jobs, on_event)
    try:
        for outcome in results:
            with signals.deferred():  # a handbook's exports are written whole or not at all
                if outcome.status == "converted":
                    for relative, content in outcome.exports.items():
                        write_new(staging / relative, content)
                    entries[outcome.id] = manifest.entry(outcome, outcome.exports, run_time, vocabulary)
                    outcome.exports = {}  # written: do not hold documents for the rest of the run
                outcomes[outcome.path] = outcome
                on_event("done", outcome)
            if signals.pending:
                raise Interrupted(signals.pending)
    except Interrupted as stop:
        interrupted = stop
    finally:
        results.close()  # stops the worker processes of an interrupted run

    with signals.deferred():
        # Handbooks not converted this time (failed, not reached, or not among the inputs) keep
        # the exports of the previous generation, when those are still as it recorded them.
        for hid, prior in sorted(previous.items()):
            if hid not in entries and _intact(previous_root, prior):
                _carry_over(previous_root, staging, prior)
                entries[hid] = prior
        ordered = [outcomes[p] for p in inputs if p in outcomes]
        exported = [staging / layout.handbook_file("json", hid) for hid in sorted(entries)]
        _write_tables(exported, staging)
        library_warnings = _write_library(exported, staging)
        _write_derived(exported, entries, staging, case_base_uri)
        manifest.write(staging, entries)
        _write_report(ordered, library_warnings, staging, total=len(inputs),
                      interrupted=interrupted)
    return Run(ordered, library_warnings, total=len(inputs), interrupted=interrupted, run_id=run_id)


def _carry_over(previous_root: Path, staging: Path, prior: dict) -> None:
    for relative in prior.get("exports", {}):
        generations.carry_over(previous_root, staging, relative)


def _intact(root: Path | None, prior: dict) -> bool:
    """True when every export a manifest entry lists is on disk with the recorded sha256."""
    if root is None or not prior.get("exports"):
        return False
    for relative, sha in prior["exports"].items():
        try:
            if sha256_of(root / relative) != sha:
                return False
        except OSError:
            return False
    return True


def _unchanged(path: Path, previous: dict | None, root: Path | None, vocabulary: str | None) -> bool:
    if root is None or previous is None:
        return False
    try:
        return manifest.is_current(previous, sha256_of(path), root, vocabulary)
    except OSError:
        return False  # unreadable now: convert_one says why


def _convert_all(paths: list[Path], vocabulary: str | None, jobs: int, on_event):
    """Outcomes as they finish; in worker processes when there is more than one file and job.
    Closing the generator (or an exception in it) stops the workers at once."""
    if jobs <= 1 or len(paths) <= 1:
        for i, path in enumerate(paths):
            on_event("started", Outcome(path=path, id=handbook_id(path), status="started"))
            # one file and several jobs: a long PDF's pages are read side by side instead
            yield convert_one(path, vocabulary, jobs) if len(paths) == 1 else \
                (_convert_next if i else convert_one)(path, vocabulary)
        return
    from functools import partial

    for path in paths:
        on_event("started", Outcome(path=path, id=handbook_id(path), status="started"))
    ordered = sorted(paths, key=_work_order)
    results = map_unordered(partial(_convert_next, vocabulary_path=vocabulary), ordered, jobs)
    try:
        for path, result in results:
            if isinstance(result, WorkerDied):
                result = Outcome(path=path, id=handbook_id(path), status="failed", reason=WORKER_DIED)
            yield result
    finally:
        results.close()  # stops the workers


def _work_order(path: Path) -> tuple:
    """Longest work first, so that no worker is left with a long file while the others idle:
    PDFs take many times longer to read than Word or text files, and larger files longer."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # convert_one says what is wrong with it
    return (path.suffix.lower() != ".pdf", -size)


def _each_handbook(paths: list[Path]):
    """The handbooks of a generation one at a time: exports this run wrote or carried over after
    checking their sha256, so memory does not grow with the number of handbooks."""
    for path in paths:
        yield json.loads(path.read_text(encoding="utf-8"))


def _write_tables(exported: list[Path], output: Path) -> None:
    from .export.csv import write_tables_in_order

    write_tables_in_order(_each_handbook(exported), output / layout.RUN)


def _write_library(exported: list[Path], output: Path) -> list[str]:
    view, warnings = library.build_in_order(_each_handbook(exported))
    write_new(output / layout.LIBRARY_JSON, library.render_json(view))
    write_new(output / layout.LIBRARY_CSV, library.render_csv(view))
    return warnings


def _write_derived(exported: list[Path], entries: dict, output: Path, case_base_uri: str | None) -> None:
    """CASE packages, review pages and their index, role profile, workbook (pipeline/export).
    Made afresh in every generation from its JSON exports, so a new --case-base-uri applies to
    all handbooks; the review pages show the notes the manifest kept."""
    from .export import ExportSettings, notes_of, write_derived

    settings = ExportSettings(case_base_uri) if case_base_uri else ExportSettings()
    write_derived(output, lambda: _each_handbook(exported), notes_of(entries), settings)


def _write_report(outcomes: list[Outcome], library_warnings: list[str], output: Path, *, total: int,
                  interrupted: Interrupted | None) -> None:
    report = {
        "inputs_given": total,
        "interrupted": interrupted is not None,
        "converted": sum(1 for o in outcomes if o.status == "converted"),
        "unchanged": sum(1 for o in outcomes if o.status == "unchanged"),
        "failed": sum(1 for o in outcomes if o.status == "failed"),
        "inputs": [o.report_entry() for o in outcomes],
        "library_warnings": library_warnings,
    }
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    write_new(output / layout.REPORT, text.encode("utf-8"))


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
