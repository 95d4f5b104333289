"""A batch run: find the inputs, convert each on its own, write the exports, report.

One bad file never stops the run, and a failed file never touches the output of an earlier good
run. Every file is written atomically; the combined tables are rebuilt from the per-handbook JSON
exports at the end, so the output folder is consistent after a crash at any moment.
"""
from __future__ import annotations

import json
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_bytes_atomic
from .convert import convert, handbook_id
from .errors import HandbookError
from .readers import ADVICE, is_supported

EXPORT_FOLDERS = ("json", "xml")


@dataclass
class Outcome:
    """What happened to one input file."""

    path: Path
    id: str
    status: str  # 'converted' or 'failed'
    reason: str | None = None
    counts: dict | None = None
    warnings: list[str] = field(default_factory=list)
    vocabulary: str | None = None
    exports: dict[str, bytes] = field(default_factory=dict)  # folder -> file content
    milliseconds: int = 0
    detail: str | None = None  # traceback, for --debug

    def report_entry(self) -> dict:
        entry = {"input": str(self.path), "id": self.id, "status": self.status}
        if self.reason:
            entry["reason"] = self.reason
        if self.counts:
            entry["counts"] = self.counts
        if self.vocabulary:
            entry["vocabulary"] = self.vocabulary
        if self.warnings:
            entry["warnings"] = self.warnings
        return entry


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
        outcome.vocabulary = result.vocabulary.language
        outcome.exports = exports
    outcome.milliseconds = round((time.perf_counter() - started) * 1000)
    return outcome


def duplicate_ids(inputs: list[Path]) -> dict[Path, str]:
    """Inputs whose id another input also has: each gets a reason naming the others."""
    by_id: dict[str, list[Path]] = {}
    for path in inputs:
        by_id.setdefault(handbook_id(path), []).append(path)
    reasons = {}
    for hid, paths in by_id.items():
        if len(paths) > 1:
            for path in paths:
                others = ", ".join(str(p) for p in paths if p != path)
                reasons[path] = (
                    f"gives the same handbook id '{hid}' as {others}: rename one of them "
                    "(ids come from file names)"
                )
    return reasons


def write_exports(outcome: Outcome, output: Path) -> None:
    for folder, content in outcome.exports.items():
        write_bytes_atomic(output / folder / f"{outcome.id}.{folder}", content)


def rebuild_tables(output: Path) -> list[dict]:
    """The combined CSVs (and library view) from the per-handbook JSON exports in the folder."""
    from .export.csv import write_tables

    handbooks = []
    for path in sorted((output / "json").glob("*.json")):
        if path.stem in ("library",):
            continue
        try:
            handbooks.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue  # an export someone damaged by hand; `validate` reports it
    handbooks.sort(key=lambda h: h.get("id", ""))
    write_tables(handbooks, output / "csv")
    return handbooks


def write_report(outcomes: list[Outcome], output: Path) -> None:
    converted = sum(1 for o in outcomes if o.status == "converted")
    report = {
        "converted": converted,
        "failed": len(outcomes) - converted,
        "inputs": [o.report_entry() for o in outcomes],
    }
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    write_bytes_atomic(output / "report.json", text.encode("utf-8"))
