"""Validation of the output contract: JSON Schema, the integrity rules a schema cannot express, XSD.

Every problem is one string that starts with where it is, a path such as
`competencies[3].levels[1].indicators[2]: `, followed by plain words. Problems are values:
the caller decides what fails a run.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from .export.csv import HEADERS
from .fastschema import compile_check

if TYPE_CHECKING:
    import jsonschema

# schemas/ sits at the repository root, next to the package (the project is installed editable).
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
JSON_SCHEMA = SCHEMA_DIR / "handbook.schema.json"
XSD = SCHEMA_DIR / "handbook.xsd"

# Output files validate_output_dir leaves alone: run-level files written by other stages.
_NOT_HANDBOOKS = {"library.json", "manifest.json", "report.json"}
_NOT_HANDBOOK_TABLES = {"library.csv", "role_profile.csv"}  # derived: export/role_profile.py


@cache
def _json_schema() -> dict:
    return json.loads(JSON_SCHEMA.read_text(encoding="utf-8"))


@cache
def _json_validator() -> jsonschema.Draft202012Validator:
    import jsonschema  # slow to import: only needed when the quick check finds a problem

    return jsonschema.Draft202012Validator(_json_schema())


@cache
def _quick_check():
    """fastschema's compiled check of the JSON Schema: True means valid for sure."""
    return compile_check(_json_schema())


def _safe_parser() -> etree.XMLParser:
    # Never expand entities or fetch anything: the XML may come from anywhere.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@cache
def _xml_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD), _safe_parser()))


def validate(data: dict) -> list[str]:
    """Problems with one handbook dict (as `pipeline.model.to_dict` makes it); [] when it is valid.

    The integrity rules assume the shape the schema guarantees, so they run only when the
    schema passes.
    """
    quick = _quick_check()
    if quick is None or not quick(data):
        problems = [_schema_problem(e) for e in _json_validator().iter_errors(data)]
        if problems:
            return problems
    return integrity_problems(data)


# --- JSON Schema errors in plain words -------------------------------------------------------

_PATTERN_WORDS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "an id: lowercase letters and digits separated by single hyphens",
    "^[0-9a-f]{64}$": "a SHA-256: 64 lowercase hexadecimal digits",
    "^[0-9]{4}-(0[1-9]|1[0-2])$": "a year and month such as 2024-04",
    "^[^/\\\\]+$": "a file name without folders",
}
_JSON_TYPES = {dict: "an object", list: "a list", str: "a text", bool: "true or false",
               int: "a whole number", float: "a number", type(None): "null"}


def path_of(parts) -> str:
    """`competencies[3].levels[1]` for ['competencies', 3, 'levels', 1]; 'handbook' for []."""
    out, previous = "", None
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif previous == "locations" or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            out += f"[{json.dumps(part)}]"  # an id used as a key is data, not a field name
        else:
            out += f".{part}" if out else part
        previous = part
    return out or "handbook"


def _schema_problem(error: jsonschema.ValidationError) -> str:
    return f"{path_of(error.absolute_path)}: {_schema_words(error)}"


def _schema_words(error: jsonschema.ValidationError) -> str:
    kind, value, expected = error.validator, error.instance, error.validator_value
    if kind == "required":
        missing = [k for k in expected if isinstance(value, dict) and k not in value]
        return f"required field {', '.join(repr(k) for k in missing)} is missing"
    if kind == "additionalProperties" and isinstance(value, dict):
        known = error.schema.get("properties", {})
        extra = [k for k in value if k not in known]
        return f"unexpected field {', '.join(repr(k) for k in extra)}"
    if kind == "minLength":
        return "must not be empty"
    if kind == "minItems":
        return "must not be empty" if expected == 1 else f"needs at least {expected} items"
    if kind == "pattern":
        what = _PATTERN_WORDS.get(expected, f"text matching {expected}")
        return f"{value!r} is not {what}"
    if kind == "type":
        expected = [expected] if isinstance(expected, str) else expected
        return f"must be {' or '.join(expected)}, not {_JSON_TYPES.get(type(value), 'this')}"
    if kind == "minimum":
        return f"{value!r} is too small: the lowest allowed is {expected}"
    if kind == "uniqueItems":
        return "lists the same value twice"
    return error.message


# --- Integrity rules: what the schema cannot express -------------------------------------------

def integrity_problems(data: dict) -> list[str]:
    """The cross-reference rules, on a dict that already passed the schema."""
    count = data["levels"]["count"]
    comps = data["competencies"]
    problems = []
    if len(data["levels"]["labels"]) != count:
        problems.append(f"levels.labels: {len(data['levels']['labels'])} labels "
                        f"for a scale of {count} levels")
    described: dict[str, int] = {}  # competency id -> index of its first description
    for i, c in enumerate(comps):
        if c["id"] in described:
            problems.append(f"competencies[{i}]: competency '{c['id']}' ({c['name']}) is described "
                            f"twice (first at competencies[{described[c['id']]}])")
        described.setdefault(c["id"], i)
    problems += _level_problems(comps, count)
    problems += _indicator_problems(comps, described)
    problems += _cluster_problems(data["clusters"], comps, described)
    for i, r in enumerate(data["requirements"]):
        if r["competency"] not in described:
            problems.append(f"requirements[{i}]: the competency matrix names competency "
                            f"'{r['competency']}', a competency the handbook does not describe")
        if r["level"] > count:
            problems.append(f"requirements[{i}].level: competency '{r['competency']}' is required "
                            f"at level {r['level']}, but the handbook has {count} levels")
    problems += _location_problems(data)
    problems += _blank_text_problems(data)
    return problems


def _level_problems(comps: list[dict], count: int) -> list[str]:
    problems = []
    for i, c in enumerate(comps):
        where, name = f"competencies[{i}]", f"'{c['name']}'"
        numbers = [lv["level"] for lv in c["levels"]]
        found = []
        for j, n in enumerate(numbers):
            if n > count:
                found.append(f"{where}.levels[{j}]: competency {name} has level {n}, "
                             f"but the handbook has {count} levels")
            elif n in numbers[:j]:
                found.append(f"{where}.levels[{j}]: competency {name} describes level {n} twice")
        for n in range(1, count + 1):
            if n not in numbers:
                found.append(f"{where}.levels: competency {name} is missing level {n} "
                             f"(the handbook has {count} levels)")
        if not found and numbers != sorted(numbers):
            found.append(f"{where}.levels: competency {name} lists its levels out of order "
                         f"({', '.join(map(str, numbers))})")
        problems += found
    return problems


def _indicator_problems(comps: list[dict], described: dict[str, int]) -> list[str]:
    problems = []
    seen: dict[str, str] = {}  # indicator id -> path of its first use
    for i, c in enumerate(comps):
        for j, lv in enumerate(c["levels"]):
            for k, ind in enumerate(lv["indicators"]):
                where, iid = f"competencies[{i}].levels[{j}].indicators[{k}]", ind["id"]
                if _blank(ind["text"]):
                    problems.append(f"{where}: indicator '{iid}' of competency '{c['name']}', "
                                    f"level {lv['level']}, is empty")
                expected = f"{c['id']}-{lv['level']}-{k + 1}"
                if iid != expected:
                    problems.append(f"{where}: indicator id '{iid}' should be '{expected}' "
                                    f"(competency id, level, position)")
                if iid in seen:
                    problems.append(f"{where}: indicator id '{iid}' is used twice "
                                    f"(first at {seen[iid]})")
                elif iid in described:
                    problems.append(f"{where}: indicator id '{iid}' is also a competency id")
                seen.setdefault(iid, where)
    return problems


def _cluster_problems(clusters: list[dict], comps: list[dict],
                      described: dict[str, int]) -> list[str]:
    problems = []
    listed: set[str] = set()
    member_of: dict[str, str] = {}  # competency id -> the cluster that first lists it
    for i, cl in enumerate(clusters):
        if cl["id"] in listed:
            problems.append(f"clusters[{i}]: cluster '{cl['id']}' ({cl['name']}) is described twice")
        listed.add(cl["id"])
        for k, cid in enumerate(cl["competencies"]):
            where = f"clusters[{i}].competencies[{k}]"
            if cid not in described:
                problems.append(f"{where}: cluster '{cl['name']}' lists competency '{cid}', "
                                f"which the handbook does not describe")
            elif member_of.get(cid, cl["id"]) != cl["id"]:
                problems.append(f"{where}: competency '{cid}' is listed in two clusters, "
                                f"'{member_of[cid]}' and '{cl['id']}'")
            member_of.setdefault(cid, cl["id"])
    for i, c in enumerate(comps):
        where, own, lister = f"competencies[{i}].cluster", c["cluster"], member_of.get(c["id"])
        if own is None:
            if lister is not None:
                problems.append(f"{where}: competency '{c['name']}' has no cluster, "
                                f"but cluster '{lister}' lists it")
        elif own not in listed:
            problems.append(f"{where}: competency '{c['name']}' belongs to cluster '{own}', "
                            f"which the handbook does not list")
        elif lister != own:
            problems.append(f"{where}: competency '{c['name']}' belongs to cluster '{own}', "
                            f"but that cluster does not list it")
    return problems


def _location_problems(data: dict) -> list[str]:
    known = {c["id"] for c in data["competencies"]}
    known |= {i["id"] for c in data["competencies"] for lv in c["levels"] for i in lv["indicators"]}
    return [f"{path_of(['source', 'locations', ref])}: location for '{ref}', which is neither "
            f"a competency nor an indicator of this handbook"
            for ref in data["source"]["locations"] if ref not in known]


def _blank_text_problems(data: dict) -> list[str]:
    """Texts the schema lets through (non-empty) that hold nothing a reader can see."""
    texts = [(["title"], data["title"]), (["role"], data["role"]),
             (["organisation"], data["organisation"])]
    texts += [(["levels", "labels", j], t) for j, t in enumerate(data["levels"]["labels"])]
    for i, cl in enumerate(data["clusters"]):
        texts.append((["clusters", i, "name"], cl["name"]))
    for i, c in enumerate(data["competencies"]):
        texts += [(["competencies", i, "name"], c["name"]),
                  (["competencies", i, "definition"], c["definition"])]
        texts += [(["competencies", i, "levels", j, "label"], lv["label"])
                  for j, lv in enumerate(c["levels"])]
    texts += [(["requirements", i, "category"], r["category"])
              for i, r in enumerate(data["requirements"])]
    return [f"{path_of(p)}: has no visible text" for p, t in texts if t is not None and _blank(t)]


def _blank(text: str) -> bool:
    """True when text holds only whitespace and invisible characters (controls, zero-width...)."""
    return all(ch.isspace() or unicodedata.category(ch)[0] in "CZ" for ch in text)


# --- XML ---------------------------------------------------------------------------------------

def validate_xml(xml_bytes: bytes) -> list[str]:
    """Problems with one XML export against schemas/handbook.xsd; each starts with `line N: `."""
    try:
        doc = etree.fromstring(xml_bytes, _safe_parser()).getroottree()
    except etree.XMLSyntaxError as e:
        return [f"line {e.lineno}: not well-formed XML: {e.msg}"]
    schema = _xml_schema()
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


# --- An output folder --------------------------------------------------------------------------

def validate_output_dir(folder: Path) -> list[str]:
    """Re-check a folder the pipeline wrote: json/, xml/ and csv/. Each problem starts with the
    file's path relative to the folder."""
    folder = Path(folder)
    if not folder.is_dir():
        return [f"{folder}: not a folder"]
    problems: list[str] = []
    described: dict[str, set[str]] = {}  # handbook id -> its competency ids
    for path in sorted((folder / "json").glob("*.json")):
        if path.name in _NOT_HANDBOOKS:
            continue
        rel = path.relative_to(folder).as_posix()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            problems.append(f"{rel}: not valid UTF-8 JSON: {e}")
            continue
        problems += [f"{rel}: {p}" for p in validate(data)]
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            comps = data.get("competencies")
            described[data["id"]] = {c.get("id") for c in comps if isinstance(c, dict)} \
                if isinstance(comps, list) else set()
    for path in sorted((folder / "xml").glob("*.xml")):
        rel = path.relative_to(folder).as_posix()
        problems += [f"{rel}: {p}" for p in validate_xml(path.read_bytes())]
    csv_dir = folder / "csv"
    if csv_dir.is_dir():
        for name in HEADERS:
            if not (csv_dir / name).exists():
                problems.append(f"csv/{name}: missing")
        for path in sorted(csv_dir.glob("*.csv")):
            if path.name in _NOT_HANDBOOK_TABLES:
                continue
            problems += [f"csv/{path.name}: {p}" for p in _table_problems(path, described)]
    return problems


def _table_problems(path: Path, described: dict[str, set[str]]) -> list[str]:
    header = HEADERS.get(path.name)
    if header is None:
        return ["not a table the pipeline writes"]
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return ["starts with a byte order mark; the tables are UTF-8 without one"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"not valid UTF-8 ({e.reason} at byte {e.start})"]
    reader = csv.reader(io.StringIO(text, newline=""))
    first = next(reader, None)
    if first != header:
        return [f"line 1: header is {first!r}, expected {header!r}"]
    problems = []
    for row in reader:
        where = f"line {reader.line_num}"
        if len(row) != len(header):
            problems.append(f"{where}: {len(row)} columns, expected {len(header)}")
            continue
        handbook = row[0]
        competency = row[header.index("competency_id")]
        if handbook not in described:
            problems.append(f"{where}: handbook '{handbook}' has no JSON in json/")
        elif competency not in described[handbook]:
            problems.append(f"{where}: handbook '{handbook}' does not describe "
                            f"competency '{competency}'")
    return problems
