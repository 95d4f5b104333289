"""The library view: each distinct competency once, with the handbooks (roles) that use it.

Many role handbooks of one organisation describe the same competency ("Samenwerken"). When two
of them describe it differently, that is usually a copy-paste error, so the first difference is
reported as a warning naming both files.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable

from .model import SCHEMA_VERSION

CSV_HEADER = ["competency_id", "name", "handbook_id", "role", "required_level"]


def build_in_order(handbooks: Iterable[dict]) -> tuple[dict, list[str]]:
    """The library dict and the warnings about competencies described differently, for handbooks
    already in id order, taken one at a time (a generator will do): only the first description
    of each competency is kept, not the handbooks."""
    entries: dict[str, dict] = {}
    first_seen: dict[str, tuple] = {}  # competency id -> (source file, competency) it was first seen in
    warnings: list[str] = []
    for handbook in handbooks:
        required = {r["competency"]: r["level"] for r in handbook["requirements"]}
        for competency in handbook["competencies"]:
            cid = competency["id"]
            if cid not in entries:
                entries[cid] = {
                    "id": cid,
                    "name": competency["name"],
                    "definition": competency["definition"],
                    "levels": competency["levels"],
                    "handbooks": [],
                }
                first_seen[cid] = (handbook["source"]["file"], competency)
            else:
                difference = first_difference(first_seen[cid][1], competency)
                if difference:
                    other_file = first_seen[cid][0]
                    warnings.append(
                        f"competency '{cid}' is described differently in {other_file} and "
                        f"{handbook['source']['file']}: {difference}"
                    )
            entries[cid]["handbooks"].append(
                {"id": handbook["id"], "role": handbook["role"], "required_level": required.get(cid)}
            )
    library = {"schema_version": SCHEMA_VERSION, "competencies": [entries[k] for k in sorted(entries)]}
    return library, warnings


def first_difference(a: dict, b: dict) -> str | None:
    """The first place two descriptions of a competency differ, in plain words."""
    if a["name"] != b["name"]:
        return f"name '{a['name']}' against '{b['name']}'"
    if a["definition"] != b["definition"]:
        return f"definition '{_short(a['definition'])}' against '{_short(b['definition'])}'"
    levels_a = {lv["level"]: lv["indicators"] for lv in a["levels"]}
    levels_b = {lv["level"]: lv["indicators"] for lv in b["levels"]}
    for number in sorted(set(levels_a) | set(levels_b)):
        texts_a = [i["text"] for i in levels_a.get(number, [])]
        texts_b = [i["text"] for i in levels_b.get(number, [])]
        for position in range(max(len(texts_a), len(texts_b))):
            left = texts_a[position] if position < len(texts_a) else None
            right = texts_b[position] if position < len(texts_b) else None
            if left != right:
                where = f"level {number}, indicator {position + 1}"
                if left is None or right is None:
                    return f"{where} is present in only one of them ('{_short(left or right)}')"
                return f"{where}: '{_short(left)}' against '{_short(right)}'"
    return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_json(library: dict) -> bytes:
    return (json.dumps(library, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def csv_rows(library: dict) -> list[list]:
    """The rows of library.csv (without header); a missing role or level is None."""
    return [[competency["id"], competency["name"], use["id"], use["role"], use["required_level"]]
            for competency in library["competencies"] for use in competency["handbooks"]]


def render_csv(library: dict) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_rows(library))  # the csv module writes None as an empty field
    return buffer.getvalue().encode("utf-8")
