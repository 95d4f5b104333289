"""`validate DIR`: is an output folder what a downstream job may rely on?

Checked in the current generation (generations.py, layout.py): run/manifest.json and
run/report.json are there; every export the manifest lists is on disk with the recorded sha256,
each handbook has its CASE package and review page, and no other file is in the per-handbook
folders; each handbook's JSON passes the schema and the integrity rules and its XML the XSD; the
CSV tables, the library (run/library.json also against schemas/library.schema.json,
run/library.csv) and the role profile are exactly what the JSON exports give. A folder with no published run, or a run with no handbook, is a
problem too. Problems of one kind in one file come as one line with a count.
"""
from __future__ import annotations

import csv
import hashlib
import importlib.resources
import io
import json
from collections import defaultdict
from functools import cache
from pathlib import Path

from . import generations, library
from .export import HANDBOOK_EXPORTS, role_profile
from .export.csv import HEADERS, tables
from .layout import LIBRARY_CSV, LIBRARY_JSON, MANIFEST, REPORT, RUN, handbook_file
from .validate import validate, validate_xml

# folder -> extension of every per-handbook export: those the manifest lists, and the derived ones
HANDBOOK_FOLDERS = {"json": "json", "xml": "xml", **{e.folder: e.extension for e in HANDBOOK_EXPORTS}}


class Problems:
    """Problems by file and kind; the same kind in one file many times becomes one line. Files
    are named relative to the folder validated: `current/json/x.json`."""

    def __init__(self, prefix: str = ""):
        self.prefix = prefix
        self._found: dict[tuple[str, str], list[str]] = defaultdict(list)

    def add(self, where: str, what: str, detail: str = "") -> None:
        self._found[(where, what)].append(detail)

    def lines(self) -> list[str]:
        out = []
        for (where, what), details in self._found.items():
            where = f"{self.prefix}{where}" if where else self.prefix.rstrip("/") or "."
            details = [d for d in details if d]
            if len(details) > 1:
                shown = ", ".join(details[:3]) + (", …" if len(details) > 3 else "")
                out.append(f"{where}: {what} ({len(details)} times: {shown})")
            else:
                out.append(f"{where}: {what}" + (f" ({details[0]})" if details else ""))
        return out


def validate_output_dir(folder: Path) -> list[str]:
    """Each problem of an output folder as one line that starts with the file it is about."""
    folder = Path(folder)
    if not folder.is_dir():
        return [f"{folder}: not a folder"]
    root = generations.current(folder) or (folder if (folder / RUN).is_dir() else None)
    if root is None:
        return [f"{folder}: no exports: no run of the pipeline has been published here "
                f"(no '{generations.CURRENT}' generation and no {MANIFEST})"]
    problems = Problems(prefix="" if root == folder else f"{generations.CURRENT}/")
    entries = _manifest_entries(root, problems)
    if not (root / REPORT).is_file():
        problems.add(REPORT, "missing")
    elif _json(root / REPORT) is None:
        problems.add(REPORT, "not valid UTF-8 JSON")
    if entries is not None:
        _check_files(root, entries, problems)
    handbooks = _check_handbooks(root, problems)
    if not handbooks and entries is not None:
        problems.add("", "no handbook exports: the run converted nothing")
    _check_run_wide(root, handbooks, problems)
    return problems.lines()


def _json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _manifest_entries(root: Path, problems: Problems) -> dict | None:
    if not (root / MANIFEST).is_file():
        problems.add(MANIFEST, "missing: the exports cannot be checked against it")
        return None
    data = _json(root / MANIFEST)
    if not isinstance(data, dict) or not isinstance(data.get("handbooks"), dict):
        problems.add(MANIFEST, "not a manifest the pipeline writes (no 'handbooks' object)")
        return None
    return data["handbooks"]


def _check_files(root: Path, entries: dict, problems: Problems) -> None:
    listed = set()
    for hid, entry in sorted(entries.items()):
        exports = entry.get("exports") if isinstance(entry, dict) else None
        if not isinstance(exports, dict) or not exports:
            problems.add(MANIFEST, "a handbook entry lists no exports", hid)
            continue
        for relative, sha in sorted(exports.items()):
            listed.add(relative)
            path = root / relative
            if not path.is_file():
                problems.add(relative, "missing, but manifest.json lists it")
            elif hashlib.sha256(path.read_bytes()).hexdigest() != sha:
                problems.add(relative, "changed since it was written (its sha256 is not the one in manifest.json)")
    for folder, extension in HANDBOOK_FOLDERS.items():
        expected = {handbook_file(folder, hid, extension) for hid in entries}
        for relative in sorted(expected - listed):
            if not (root / relative).is_file():
                problems.add(relative, "missing: every handbook has one")
        for path in sorted((root / folder).glob("*")):
            relative = path.relative_to(root).as_posix()
            if relative not in expected:
                problems.add(relative, "not listed in manifest.json: not an export of this run")


def _check_handbooks(root: Path, problems: Problems) -> list[dict]:
    """The valid handbook JSON exports, in id order; problems for the others and for the XML."""
    handbooks = []
    for path in sorted((root / "json").glob("*.json")):
        relative = path.relative_to(root).as_posix()
        data = _json(path)
        if data is None:
            problems.add(relative, "not valid UTF-8 JSON")
            continue
        found = validate(data) if isinstance(data, dict) else ["not a JSON object"]
        for problem in found:
            problems.add(relative, problem)
        if not found:
            handbooks.append(data)
    for path in sorted((root / "xml").glob("*.xml")):
        for problem in validate_xml(path.read_bytes()):
            problems.add(path.relative_to(root).as_posix(), problem)
    return sorted(handbooks, key=lambda h: h["id"])


def _check_run_wide(root: Path, handbooks: list[dict], problems: Problems) -> None:
    described = {h["id"]: {c["id"] for c in h["competencies"]} for h in handbooks}
    for name, expected in tables(handbooks).items():
        path = root / RUN / name
        if not path.is_file():
            problems.add(f"{RUN}/{name}", "missing")
        elif path.read_bytes() != expected:
            before = len(problems.lines())
            _table_problems(path, described, problems)
            if len(problems.lines()) == before:
                problems.add(f"{RUN}/{name}", "does not hold the rows the JSON exports give",
                             _first_difference(path.read_bytes(), expected))
    profile = root / RUN / role_profile.FILE_NAME
    if not profile.is_file():
        problems.add(f"{RUN}/{profile.name}", "missing")
    elif profile.read_bytes() != role_profile.render_csv(handbooks):
        problems.add(f"{RUN}/{profile.name}", "does not hold the rows the JSON exports give",
                     _first_difference(profile.read_bytes(), role_profile.render_csv(handbooks)))
    view, _ = library.build_in_order(handbooks)
    lib_json, lib_csv = LIBRARY_JSON, LIBRARY_CSV
    if not (root / lib_json).is_file():
        problems.add(lib_json, "missing")
    else:
        data = _json(root / lib_json)
        errors = ["not valid UTF-8 JSON"] if data is None else _library_problems(data)
        for error in errors:
            problems.add(lib_json, error)
        if not errors and (root / lib_json).read_bytes() != library.render_json(view):
            problems.add(lib_json, "does not match the handbook JSON exports")
    if not (root / lib_csv).is_file():
        problems.add(lib_csv, "missing")
    elif (root / lib_csv).read_bytes() != library.render_csv(view):
        problems.add(lib_csv, "does not hold the rows the handbook JSON exports give",
                     _first_difference((root / lib_csv).read_bytes(), library.render_csv(view)))


@cache
def _library_validator():
    import jsonschema

    schema = json.loads(importlib.resources.files("pipeline.schemas").joinpath("library.schema.json")
                        .read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _library_problems(data) -> list[str]:
    from .validate import path_of

    return [f"{path_of(e.absolute_path)}: {e.message}" for e in _library_validator().iter_errors(data)]


def _first_difference(actual: bytes, expected: bytes) -> str:
    got, want = actual.splitlines(), expected.splitlines()
    for number, (a, b) in enumerate(zip(got, want), start=1):
        if a != b:
            return f"first at line {number}"
    return f"{len(got)} lines where the JSON exports give {len(want)}"


def _table_problems(path: Path, described: dict[str, set[str]], problems: Problems) -> None:
    where = f"{RUN}/{path.name}"
    header = HEADERS[path.name]
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.add(where, "starts with a byte order mark; the tables are UTF-8 without one")
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.add(where, f"not valid UTF-8 ({e.reason} at byte {e.start})")
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    first = next(reader, None)
    if first != header:
        problems.add(where, f"line 1: header is {first!r}, expected {header!r}")
        return
    for row in reader:
        line = f"line {reader.line_num}"
        if len(row) != len(header):
            problems.add(where, f"rows with {len(row)} columns, expected {len(header)}", line)
            continue
        handbook, competency = row[0], row[header.index("competency_id")]
        if handbook not in described:
            problems.add(where, f"rows of handbook '{handbook}', which has no valid JSON export", line)
        elif competency not in described[handbook]:
            problems.add(where, f"rows of competency '{competency}', which handbook '{handbook}' "
                         f"does not describe", line)
