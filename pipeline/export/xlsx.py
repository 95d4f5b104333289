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

Memory does not grow with the run: the workbook is written in openpyxl's write-only mode, in two
passes over the handbooks (widths first, then the rows), which come one at a time.
"""
from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .. import library
from ..atomic import write_bytes_atomic
from . import csv, role_profile

FILE_NAME = "handbooks.xlsx"
FIXED_TIME = datetime.datetime(1980, 1, 1)  # the earliest time a zip entry can carry
MIN_WIDTH, MAX_WIDTH = 8, 60  # column widths, in characters
# What XML 1.0 cannot hold: C0 controls but tab, newline, carriage return; lone surrogates.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
Handbooks = Callable[[], Iterable[dict]]  # a fresh pass over a run's handbooks, in id order


def sheets(handbooks: Handbooks) -> dict[str, tuple[list[str], Callable[[], Iterator[list]]]]:
    """Sheet name -> (header, a fresh pass over its rows), in the order of the workbook."""
    def table(name: str) -> Callable[[], Iterator[list]]:
        return lambda: (row for hb in handbooks() for row in csv.rows([hb])[name])

    def library_rows() -> Iterator[list]:
        view, _warnings = library.build_in_order(handbooks())  # the first description of each: small
        return iter(library.csv_rows(view))

    return {
        "Indicators": (csv.HEADERS["indicators.csv"], table("indicators.csv")),
        "Competencies": (csv.HEADERS["competencies.csv"], table("competencies.csv")),
        "Requirements": (csv.HEADERS["requirements.csv"], table("requirements.csv")),
        "Role profile": (role_profile.HEADER, lambda: (row for hb in handbooks() for row in role_profile.rows([hb]))),
        "Library": (library.CSV_HEADER, library_rows),
    }


def passes(handbooks: Handbooks | Iterable[dict]) -> Handbooks:
    """A callable giving the handbooks in id order afresh: as given, or from a list sorted once."""
    if callable(handbooks):
        return handbooks
    ordered = sorted(handbooks, key=lambda h: h["id"])
    return lambda: iter(ordered)


def render_workbook(handbooks: Handbooks | Iterable[dict]) -> bytes:
    """The workbook's bytes for the handbooks of a run (a callable for a fresh pass, or a list)."""
    # openpyxl takes a third of a second to import: only a run that writes a workbook pays it.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.writer.excel import ExcelWriter

    styles = {"header": Font(bold=True), "wrap": Alignment(wrap_text=True, vertical="top")}
    workbook = Workbook(write_only=True)
    for name, (header, rows) in sheets(passes(handbooks)).items():
        _fill(workbook.create_sheet(name), header, rows, styles)
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.properties.creator = "handbook-pipeline"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _fixed_zip_times(buffer.getvalue())


def write_workbook(handbooks: Handbooks | Iterable[dict], xlsx_dir: Path) -> Path:
    path = Path(xlsx_dir) / FILE_NAME
    write_bytes_atomic(path, render_workbook(handbooks))
    return path


def _fill(sheet, header: list[str], rows: Callable[[], Iterator[list]], styles: dict) -> None:
    """Widths from a first pass over the rows (write-only sheets take them before any row),
    then the header and the rows."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    widths, count = [len(title) for title in header], 0
    for row in rows():
        count += 1
        for column, value in enumerate(row):
            if value is not None:
                widths[column] = max(widths[column], len(str(value)))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"

    def header_cell(title):
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = styles["header"]
        return cell

    sheet.append([header_cell(title) for title in header])
    for row in rows():
        sheet.append([_cell(sheet, value, styles, WriteOnlyCell) for value in row])


def _cell(sheet, value, styles: dict, make):
    if value is None:
        return None
    cell = make(sheet, value=_storable(value) if isinstance(value, str) else value)
    if isinstance(value, str):
        cell.data_type = "s"  # after the value: openpyxl made "=..." a formula
        if len(value) > MAX_WIDTH:
            cell.alignment = styles["wrap"]
    return cell


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
