"""A batch run: find the inputs, convert each on its own, write the exports, report.

One bad file never stops the run, and a failed file never touches the output of an earlier good
run. Every file is written atomically; the combined tables are rebuilt from the per-handbook JSON
exports at the end, so the output folder is consistent after a crash at any moment. Unchanged
inputs (same source and pipeline, see manifest.py) are not converted again.
"""
from __future__ import annotations

import gc
import json
import os
import time
import traceback
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from . import export, library, manifest
from .atomic import write_bytes_atomic
from .conversion import convert, handbook_id, sha256_of
from .errors import HandbookError
from .lock import output_lock
from .readers import ADVICE, is_supported

EXPORT_FOLDERS = ("json", "xml")
RESERVED_IDS = {library.LIBRARY_ID, *export.RESERVED_IDS}


@dataclass
class Outcome:
    """What happened to one input file."""

    path: Path
    id: str
    status: str  # 'converted', 'unchanged' or 'failed'
    reason: str | None = None
    counts: dict | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list = field(default_factory=list)  # pipeline.blocks.Note: judgements on weak evidence
    vocabulary: str | None = None
    source_sha256: str | None = None
    exports: dict[str, bytes] = field(default_factory=dict)  # folder -> file content
    milliseconds: int = 0
    detail: str | None = None  # traceback, for --debug

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


def convert_one(path: Path, vocabulary_path: str | None = None) -> Outcome:
    """Convert one file to its export bytes; never raises for a bad file. Runs in worker processes."""
    from .export import EXPORTERS
    from .validate import validate_xml
    from .vocab import load

    started = time.perf_counter()
    outcome = Outcome(path=path, id=handbook_id(path), status="failed")
    try:
        vocabulary = load(vocabulary_path) if vocabulary_path else None
        result = convert(path, vocabulary)
        exports = {name: EXPORTERS[name].render(result.data) for name in EXPORT_FOLDERS}
        problems = validate_xml(exports["xml"])
        if problems:
            raise HandbookError(f"the XML export does not match schemas/handbook.xsd: {problems[0]}")
    except HandbookError as error:
        outcome.reason = str(error)
    except PermissionError:
        outcome.reason = "permission denied: the file cannot be read"
    except FileNotFoundError:
        outcome.reason = "the file no longer exists"
    except IsADirectoryError:
        outcome.reason = "is a folder, not a file"
    except MemoryError:
        outcome.reason = "not enough memory to convert this file"
    except RecursionError:
        outcome.reason = "the document is nested too deeply to read"
    except Exception as error:  # a bug: this file fails, the batch goes on
        outcome.reason = f"internal error ({type(error).__name__}: {error}); run with --debug for details"
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
    """Inputs whose id another input also has, or that a run-level file uses: each with its reason."""
    by_id: dict[str, list[Path]] = {}
    for path in inputs:
        by_id.setdefault(handbook_id(path), []).append(path)
    reasons = {}
    for hid, paths in by_id.items():
        for path in paths:
            if hid in RESERVED_IDS:
                reasons[path] = f"the file name gives the id '{hid}', which the pipeline keeps for its own files: rename the file"
            elif len(paths) > 1:
                others = ", ".join(str(p) for p in paths if p != path)
                reasons[path] = f"gives the same handbook id '{hid}' as {others}: rename one of them (ids come from file names)"
    return reasons


def run(
    inputs: list[Path],
    output: Path,
    *,
    jobs: int = 1,
    force: bool = False,
    vocabulary: str | None = None,
    wait_seconds: float = 0.0,
    case_base_uri: str | None = None,
    on_event: Callable[[str, Outcome | None], None] = lambda kind, outcome: None,
) -> Run:
    """Convert `inputs` into `output`. on_event('started'|'done', outcome) follows progress."""
    with output_lock(output, wait_seconds):
        _remove_stale_temporaries(output)
        run_time = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        previous = manifest.load(output)
        entries = dict(previous)
        problems = id_problems(inputs)
        outcomes: dict[Path, Outcome] = {}
        todo: list[Path] = []
        checked: set[str] = set()  # ids whose JSON export this run wrote or found unchanged: valid
        for path in inputs:
            hid = handbook_id(path)
            if path in problems:
                outcomes[path] = Outcome(path=path, id=hid, status="failed", reason=problems[path])
                on_event("done", outcomes[path])
            elif not force and _unchanged(path, previous.get(hid), output, vocabulary):
                checked.add(hid)
                prior = previous[hid]
                outcomes[path] = Outcome(path=path, id=hid, status="unchanged", counts=prior.get("counts"),
                                         source_sha256=prior.get("source_sha256"))
                on_event("done", outcomes[path])
            else:
                todo.append(path)

        for outcome in _convert_all(todo, vocabulary, jobs, on_event):
            if outcome.status == "converted":
                for folder, content in outcome.exports.items():
                    write_bytes_atomic(output / folder / f"{outcome.id}.{folder}", content)
                entries[outcome.id] = manifest.entry(outcome, outcome.exports, run_time, vocabulary)
                outcome.exports = {}  # written: do not hold documents for the rest of the run
                checked.add(outcome.id)
            outcomes[outcome.path] = outcome
            on_event("done", outcome)

        ordered = [outcomes[p] for p in inputs]
        exported = _exported_handbooks(output, checked)
        _write_tables(exported, output)
        library_warnings = _write_library(exported, output)
        _write_derived(exported, entries, output, case_base_uri)
        manifest.write(output, {k: v for k, v in entries.items() if (output / "json" / f"{k}.json").exists()})
        _write_report(ordered, library_warnings, output)
    return Run(ordered, library_warnings)


def _remove_stale_temporaries(output: Path) -> None:
    """Temporary files of a run that was killed mid-write (we hold the lock: nobody else is writing)."""
    from .export import DERIVED_FOLDERS

    for folder in (output, *(output / name for name in (*EXPORT_FOLDERS, "csv", *DERIVED_FOLDERS))):
        for path in folder.glob(".*.tmp"):
            path.unlink(missing_ok=True)


def _unchanged(path: Path, previous: dict | None, output: Path, vocabulary: str | None) -> bool:
    try:
        return manifest.is_current(previous, sha256_of(path), output, vocabulary)
    except OSError:
        return False  # unreadable now: convert_one says why


def _convert_all(paths: list[Path], vocabulary: str | None, jobs: int, on_event):
    """Outcomes as they finish; in worker processes when there is more than one file and job."""
    if jobs <= 1 or len(paths) <= 1:
        for i, path in enumerate(paths):
            on_event("started", Outcome(path=path, id=handbook_id(path), status="started"))
            yield (_convert_next if i else convert_one)(path, vocabulary)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        for path in paths:
            on_event("started", Outcome(path=path, id=handbook_id(path), status="started"))
        futures = [pool.submit(_convert_next, path, vocabulary) for path in sorted(paths, key=_work_order)]
        for future in as_completed(futures):
            yield future.result()


def _work_order(path: Path) -> tuple:
    """Longest work first, so that no worker is left with a long file while the others idle:
    PDFs take many times longer to read than Word or text files, and larger files longer."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # convert_one says what is wrong with it
    return (path.suffix.lower() != ".pdf", -size)


def _exported_handbooks(output: Path, checked: set[str] = frozenset()) -> list[Path]:
    """Every valid per-handbook JSON export in the folder, in handbook id order: the one source of
    the combined tables. Paths, not contents: the tables and the library read the handbooks one
    at a time, so memory does not grow with the number of handbooks.

    `checked` are ids whose export this run wrote, or found byte for byte as this pipeline made
    it (manifest.is_current): validated when made, and holding their own id, so not read here.
    """
    from .validate import validate

    valid = []
    for path in sorted((output / "json").glob("*.json")):
        if path.stem in RESERVED_IDS:
            continue
        if path.stem in checked:
            valid.append((path.stem, path))
            continue
        data = _load(path)
        if data is not None and not validate(data):
            valid.append((data.get("id", ""), path))
    return [path for _, path in sorted(valid, key=lambda item: item[0])]


def _load(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # an export someone damaged by hand; `validate` reports it


def _each_handbook(paths: list[Path]):
    for path in paths:
        data = _load(path)
        if data is not None:  # checked a moment ago, under the output lock
            yield data


def _write_tables(exported: list[Path], output: Path) -> None:
    from .export.csv import write_tables_in_order

    write_tables_in_order(_each_handbook(exported), output / "csv")


def _write_library(exported: list[Path], output: Path) -> list[str]:
    view, warnings = library.build_in_order(_each_handbook(exported))
    write_bytes_atomic(output / "json" / f"{library.LIBRARY_ID}.json", library.render_json(view))
    write_bytes_atomic(output / "csv" / f"{library.LIBRARY_ID}.csv", library.render_csv(view))
    return warnings


# --- derived exports (issue 14): one hook, kept apart from the run's own logic ----------------

def _write_derived(exported: list[Path], entries: dict, output: Path, case_base_uri: str | None) -> None:
    """CASE packages, review pages and their index, role profile, workbook (pipeline/export)."""
    from .export import ExportSettings, notes_of, write_derived

    settings = ExportSettings(case_base_uri) if case_base_uri else ExportSettings()
    write_derived(output, lambda: _each_handbook(exported), notes_of(entries), settings)


def _write_report(outcomes: list[Outcome], library_warnings: list[str], output: Path) -> None:
    report = {
        "converted": sum(1 for o in outcomes if o.status == "converted"),
        "unchanged": sum(1 for o in outcomes if o.status == "unchanged"),
        "failed": sum(1 for o in outcomes if o.status == "failed"),
        "inputs": [o.report_entry() for o in outcomes],
        "library_warnings": library_warnings,
    }
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    write_bytes_atomic(output / "report.json", text.encode("utf-8"))


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
