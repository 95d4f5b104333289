"""The role profile: for each role and required competency, every indicator the role needs.

Derived data, so it has its own table (`csv/role_profile.csv` and a workbook sheet) and the
handbook JSON gains nothing. A role that requires level L of a competency needs the indicators
of level L; where the handbook says its levels are cumulative (`levels.cumulative`), it also
needs those of every level below L. A handbook without a role matrix (no role, no
requirements) has no rows.

Columns: handbook_id, role, competency_id, competency, category, required_level, level,
position, indicator_id, text. Rows follow the handbook id, then the matrix's order, then level
and position. The CSV is written like the other tables (see csv.py).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..atomic import write_bytes_atomic
from .csv import encode_rows

FILE_NAME = "role_profile.csv"
HEADER = ["handbook_id", "role", "competency_id", "competency", "category", "required_level",
          "level", "position", "indicator_id", "text"]


def needed_levels(required: int, cumulative: bool) -> range:
    """The level numbers whose indicators a role requiring `required` needs."""
    return range(1, required + 1) if cumulative else range(required, required + 1)


def handbook_rows(handbook: dict) -> Iterator[list]:
    """The rows of one handbook, in the matrix's order."""
    competencies = {c["id"]: c for c in handbook["competencies"]}
    cumulative = bool(handbook["levels"]["cumulative"])
    for requirement in handbook.get("requirements") or ():
        competency = competencies.get(requirement["competency"])
        if competency is None:  # validation forbids it; a hand-edited export must not crash us
            continue
        levels = {lv["level"]: lv for lv in competency["levels"]}
        for number in needed_levels(requirement["level"], cumulative):
            for position, indicator in enumerate(levels.get(number, {}).get("indicators", ()), start=1):
                yield [handbook["id"], handbook.get("role"), competency["id"], competency["name"],
                       requirement.get("category"), requirement["level"], number, position,
                       indicator["id"], indicator["text"]]


def rows(handbooks: Iterable[dict]) -> list[list]:
    """All rows, handbooks in id order (sorted() is stable for equal ids)."""
    return [row for hb in sorted(handbooks, key=lambda h: h["id"]) for row in handbook_rows(hb)]


def render_csv(handbooks: Iterable[dict]) -> bytes:
    return encode_rows([HEADER]) + encode_rows(rows(handbooks))


def write_csv(handbooks: Iterable[dict], csv_dir: Path) -> Path:
    """Write csv_dir/role_profile.csv from handbooks already in id order (a generator will do)."""
    content = bytearray(encode_rows([HEADER]))
    for handbook in handbooks:
        content += encode_rows(list(handbook_rows(handbook)))
    path = Path(csv_dir) / FILE_NAME
    write_bytes_atomic(path, bytes(content))
    return path
