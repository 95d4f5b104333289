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
a missing value is an empty cell. XML 1.0 cannot hold control characters, lone surrogates or
U+FFFE and U+FFFF, so those few characters become U+FFFD, the one place the workbook can differ
from the CSV.

Identical input gives identical bytes: the document properties carry a fixed date and every
zip entry a fixed time. The bytes are those openpyxl 3.1.5 writes in write-only mode (the
workbook was written with it until importing openpyxl alone came to a tenth of a PDF
conversion): the fixed parts are in xlsx_parts.py, the sheets are written here, and a test
checks the bytes against openpyxl's (tests/xlsx_openpyxl.py).

Memory does not grow with the run: each sheet is compressed into the zip as it is written, in
two passes over the handbooks (widths first, then the rows), which come one at a time.
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
from . import csv, role_profile, xlsx_parts as parts

FILE_NAME = "handbooks.xlsx"
FIXED_TIME = datetime.datetime(1980, 1, 1)  # the earliest time a zip entry can carry
MIN_WIDTH, MAX_WIDTH = 8, 60  # column widths, in characters
# What XML 1.0 cannot hold: C0 controls but tab, newline, carriage return; lone surrogates;
# the two non-characters U+FFFE and U+FFFF.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
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
    buffer, ranges, wrapped = io.BytesIO(), [], False
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        _add(archive, "docProps/app.xml", parts.APP)
        _add(archive, "docProps/core.xml", parts.CORE)
        _add(archive, "xl/theme/theme1.xml", parts.THEME)
        for number, (name, (header, rows)) in enumerate(sheets(passes(handbooks)).items(), start=1):
            with archive.open(_entry(f"xl/worksheets/sheet{number}.xml"), "w") as stream:
                cells, wraps = _write_sheet(stream, header, rows)
            ranges.append((name, cells))
            wrapped = wrapped or wraps
        _add(archive, "xl/styles.xml", parts.STYLES_HEAD + (_WRAP_XFS if wrapped else _XFS) + parts.STYLES_TAIL)
        _add(archive, "_rels/.rels", parts.RELS)
        _add(archive, "xl/workbook.xml", _workbook(ranges))
        _add(archive, "xl/_rels/workbook.xml.rels", parts.WORKBOOK_RELS)
        _add(archive, "[Content_Types].xml", parts.CONTENT_TYPES)
    return buffer.getvalue()


def write_workbook(handbooks: Handbooks | Iterable[dict], xlsx_dir: Path) -> Path:
    path = Path(xlsx_dir) / FILE_NAME
    write_bytes_atomic(path, render_workbook(handbooks))
    return path


# Styles (cellXfs): 0 plain, 1 the header's bold font, 2 a long text wrapped at the top of its
# cell; openpyxl lists the last only once a cell uses it.
_XF = '<xf numFmtId="0" fontId="{}" fillId="0" borderId="0"{} pivotButton="0" quotePrefix="0" xfId="0"'
_PLAIN, _BOLD = _XF.format(0, "") + "/>", _XF.format(1, "") + "/>"
_WRAPPED = _XF.format(0, ' applyAlignment="1"') + '><alignment vertical="top" wrapText="1"/></xf>'
_XFS = f'<cellXfs count="2">{_PLAIN}{_BOLD}</cellXfs>'
_WRAP_XFS = f'<cellXfs count="3">{_PLAIN}{_BOLD}{_WRAPPED}</cellXfs>'
_HEADER, _WRAP = ' s="1"', ' s="2"'
_FLUSH = 512  # pieces of a sheet's XML gathered before they go to the compressor together


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _add(archive: zipfile.ZipFile, name: str, text: str) -> None:
    archive.writestr(_entry(name), text.encode("ascii"))


def column_widths(header: list[str], rows: Callable[[], Iterator[list]]) -> tuple[list[int], int]:
    """The longest text of each column (its title included) and the number of rows: a first
    pass over the rows, before any is written."""
    widths, count = [len(title) for title in header], 0
    for row in rows():
        count += 1
        for column, value in enumerate(row):
            if value is not None:
                widths[column] = max(widths[column], len(str(value)))
    return widths, count


def _write_sheet(stream, header: list[str], rows: Callable[[], Iterator[list]]) -> tuple[str, bool]:
    """Widths from a first pass over the rows, then the header and the rows, written into
    `stream`; returns the sheet's cell range and whether a cell wraps its text."""
    widths, count = column_widths(header, rows)
    letters = [_column_letter(column) for column in range(1, len(header) + 1)]
    cells = f"A1:{letters[-1]}{count + 1}"
    out = [parts.SHEET_HEAD, "<cols>"]
    out += [f'<col width="{min(max(width + 2, MIN_WIDTH), MAX_WIDTH):.16g}" customWidth="1" min="{column}" max="{column}"/>'
            for column, width in enumerate(widths, start=1)]
    out.append('</cols><sheetData><row r="1">')
    out += [_cell(f"{letter}1", title, _HEADER) for letter, title in zip(letters, header)]
    out.append("</row>")
    wraps = False
    for number, row in enumerate(rows(), start=2):
        out.append(f'<row r="{number}">')
        for letter, value in zip(letters, row):
            if value is None:
                continue
            style = ""
            if isinstance(value, str) and len(value) > MAX_WIDTH:
                style, wraps = _WRAP, True
            out.append(_cell(f"{letter}{number}", value, style))
        out.append("</row>")
        if len(out) > _FLUSH:
            stream.write("".join(out).encode("ascii"))
            out = []
    out.append(f'</sheetData><autoFilter ref="{cells}"/>{parts.SHEET_MARGINS}')
    stream.write("".join(out).encode("ascii"))
    return cells, wraps


def _cell(ref: str, value, style: str) -> str:
    """One cell as openpyxl writes it: a text inline (kept as written, never a formula), a
    number as a number."""
    if isinstance(value, str):
        value = _storable(value)
        if not value:
            return f'<c r="{ref}"{style} t="inlineStr"></c>'
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_escape(value)}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b"><v>{value:d}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"{style} t="n"><v>{value:.16g}</v></c>'
    raise TypeError(f"the workbook holds texts and whole numbers, not {type(value).__name__}")


_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_TO_ESCAPE = re.compile("[&<>\r]|[^\x00-\x7f]")  # not [\x80-\U0010ffff]: slow to compile


def _escape(text: str) -> str:
    """XML text in ASCII, as libxml2 writes it: markup characters as entities, a carriage
    return and every character beyond ASCII as a character reference."""
    return _TO_ESCAPE.sub(lambda m: _ESCAPES.get(m.group()) or f"&#{ord(m.group())};", text)


def _column_letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _workbook(ranges: list[tuple[str, str]]) -> str:
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheets_xml = "".join(f'<sheet xmlns:r="{relationships}" name="{_attribute(name)}" sheetId="{number}" '
                         f'state="visible" r:id="rId{number}"/>' for number, (name, _) in enumerate(ranges, start=1))
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{number}" hidden="1">'
        f"{_escape(_quoted(name))}!{_absolute(cells)}</definedName>" for number, (name, cells) in enumerate(ranges))
    return (f"{parts.WORKBOOK_HEAD}<sheets>{sheets_xml}</sheets><definedNames>{filters}</definedNames>"
            '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')


def _attribute(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _absolute(cells: str) -> str:
    """A1:H79 -> $A$1:$H$79"""
    return ":".join(re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", ref) for ref in cells.split(":"))


def _storable(text: str) -> str:
    return _UNSTORABLE.sub("\ufffd", text)
