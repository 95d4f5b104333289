"""The CSV export: three tables over all handbooks of a run, for spreadsheets and databases.

- indicators.csv   handbook_id, competency_id, competency, level, position, indicator_id, text, code
- competencies.csv handbook_id, competency_id, name, definition, cluster
- requirements.csv handbook_id, role, competency_id, competency, category, level

`competency` is the competency's name and `cluster` the cluster's NAME (not its id): the tables
are read by people; the ids are there for joins. Files are RFC 4180: UTF-8 without a byte order
mark, CRLF line endings, fields quoted only when needed, a header row even when empty. Rows are
ordered by handbook id, then document order. Texts are written exactly as given, also those that
start with = + - @: prefixing them against spreadsheet formulas would change the data, so
whoever opens the files in a spreadsheet must import them as text. A missing value (None) is an
empty field (`code` is empty for an indicator the document gives no code; it was added last in
schema 1.1 so that readers of the older columns by position keep working). Lone surrogates, which UTF-8 cannot hold, become U+FFFD.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Iterable

from ..atomic import write_bytes_atomic

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

HEADERS = {
    "indicators.csv": ["handbook_id", "competency_id", "competency", "level", "position",
                       "indicator_id", "text", "code"],
    "competencies.csv": ["handbook_id", "competency_id", "name", "definition", "cluster"],
    "requirements.csv": ["handbook_id", "role", "competency_id", "competency", "category",
                         "level"],
}


def rows(handbooks: list[dict]) -> dict[str, list[list]]:
    """The rows of each table (without header), ordered by handbook id then document order."""
    tables: dict[str, list[list]] = {name: [] for name in HEADERS}
    # sorted() is stable: two handbooks with the same id keep the order they were given in.
    for hb in sorted(handbooks, key=lambda h: h["id"]):
        cluster_names = {cl["id"]: cl["name"] for cl in hb["clusters"]}
        names = {c["id"]: c["name"] for c in hb["competencies"]}
        for c in hb["competencies"]:
            tables["competencies.csv"].append(
                [hb["id"], c["id"], c["name"], c["definition"], cluster_names.get(c["cluster"])])
            for lv in c["levels"]:
                for position, ind in enumerate(lv["indicators"], start=1):
                    tables["indicators.csv"].append(
                        [hb["id"], c["id"], c["name"], lv["level"], position, ind["id"],
                         ind["text"], ind.get("code")])
        for r in hb["requirements"]:
            tables["requirements.csv"].append(
                [hb["id"], hb["role"], r["competency"], names.get(r["competency"]),
                 r["category"], r["level"]])
    return tables


def _encode(table: list[list]) -> bytes:
    """CSV lines of the rows; rows encode alone, so tables can be rendered a handbook at a time."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(table)  # the csv module writes None as an empty field
    return _LONE_SURROGATE.sub("\ufffd", buffer.getvalue()).encode("utf-8")


encode_rows = _encode  # for the other run-wide tables (role_profile.py), written the same way


def tables(handbooks: Iterable[dict]) -> dict[str, bytes]:
    """Each table's bytes, header included, for handbooks already in id order, taken one at a
    time (a generator will do): memory holds the tables' bytes, not the handbooks."""
    out = {name: bytearray(_encode([header])) for name, header in HEADERS.items()}
    for handbook in handbooks:
        for name, table in rows([handbook]).items():
            out[name] += _encode(table)
    return {name: bytes(content) for name, content in out.items()}


def write_tables_in_order(handbooks: Iterable[dict], csv_dir: Path) -> list[Path]:
    """Write the tables of handbooks already in id order into csv_dir; returns their paths."""
    written = []
    for name, content in tables(handbooks).items():
        path = Path(csv_dir) / name
        write_bytes_atomic(path, content)
        written.append(path)
    return written
