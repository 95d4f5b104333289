"""The Excel workbook: every table of a run in one file, for HR staff (`DIR/xlsx/handbooks.xlsx`).

Sheets, each holding exactly the rows of its CSV table (same header, same order):

    Indicators     csv/indicators.csv
    Competencies   csv/competencies.csv
    Requirements   csv/requirements.csv
    Role profile   csv/role_profile.csv
    Library        csv/library.csv

Each sheet has a frozen header row, a filter on the header and column widths fitted to the
content (capped, long texts wrap). Texts are always text cells: a text starting with = + - @
is shown as written and never computed as a formula. Numbers (levels, positions) are numbers;
a missing value is an empty cell. XML 1.0 cannot hold control characters or lone surrogates,
so those few characters become U+FFFD, the one place the workbook can differ from the CSV.

Identical input gives identical bytes: the document properties carry a fixed date and every
zip entry a fixed time, in the order openpyxl writes them.
"""
from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path
from typing import Iterable

from .. import library
from ..atomic import write_bytes_atomic
from . import csv, role_profile

FILE_NAME = "handbooks.xlsx"
FIXED_TIME = datetime.datetime(1980, 1, 1)  # the earliest time a zip entry can carry
MIN_WIDTH, MAX_WIDTH = 8, 60  # column widths, in characters
# What XML 1.0 cannot hold: C0 controls but tab, newline, carriage return; lone surrogates.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def sheets(handbooks: Iterable[dict]) -> dict[str, tuple[list[str], list[list]]]:
    """Sheet name -> (header, rows), in the order of the workbook."""
    ordered = sorted(handbooks, key=lambda h: h["id"])
    tables = csv.rows(ordered)
    view, _warnings = library.build_in_order(ordered)
    return {
        "Indicators": (csv.HEADERS["indicators.csv"], tables["indicators.csv"]),
        "Competencies": (csv.HEADERS["competencies.csv"], tables["competencies.csv"]),
        "Requirements": (csv.HEADERS["requirements.csv"], tables["requirements.csv"]),
        "Role profile": (role_profile.HEADER, role_profile.rows(ordered)),
        "Library": (library.CSV_HEADER, library.csv_rows(view)),
    }


def render_workbook(handbooks: Iterable[dict]) -> bytes:
    """The workbook's bytes for the handbook dicts of a run."""
    # openpyxl takes a third of a second to import: only a run that writes a workbook pays it.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.writer.excel import ExcelWriter

    styles = {"header": Font(bold=True), "wrap": Alignment(wrap_text=True, vertical="top")}
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, (header, table) in sheets(handbooks).items():
        _fill(workbook.create_sheet(name), header, table, styles)
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.properties.creator = "handbook-pipeline"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _fixed_zip_times(buffer.getvalue())


def write_workbook(handbooks: Iterable[dict], xlsx_dir: Path) -> Path:
    path = Path(xlsx_dir) / FILE_NAME
    write_bytes_atomic(path, render_workbook(handbooks))
    return path


def _fill(sheet, header: list[str], table: list[list], styles: dict) -> None:
    from openpyxl.utils import get_column_letter

    sheet.append(header)
    for cell in sheet[1]:
        cell.font = styles["header"]
    widths = [len(title) for title in header]
    for row_number, row in enumerate(table, start=2):
        for column, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=row_number, column=column)
            if isinstance(value, str):
                cell.value = _storable(value)
                cell.data_type = "s"  # after the value: openpyxl made "=..." a formula
                if len(value) > MAX_WIDTH:
                    cell.alignment = styles["wrap"]
            else:
                cell.value = value
            widths[column - 1] = max(widths[column - 1], len(str(value)))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    last = f"{get_column_letter(len(header))}{max(len(table) + 1, 1)}"
    sheet.auto_filter.ref = f"A1:{last}"


def _storable(text: str) -> str:
    return _UNSTORABLE.sub("\ufffd", text)


def _fixed_zip_times(content: bytes) -> bytes:
    """The same zip with every entry dated FIXED_TIME (zipfile stamps entries with the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
