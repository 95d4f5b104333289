"""The workbook as openpyxl writes it: the reference the workbook writer of pipeline/export/xlsx.py
must match byte for byte (tests/test_export_xlsx.py). This was the pipeline's own writer until
the workbook was written directly (importing openpyxl cost about a tenth of a PDF conversion);
it takes the same sheets, widths, styles and zip entries."""
from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from pipeline.export import xlsx


def render_workbook(handbooks) -> bytes:
    styles = {"header": Font(bold=True), "wrap": Alignment(wrap_text=True, vertical="top")}
    workbook = Workbook(write_only=True)
    for name, (header, rows) in xlsx.sheets(xlsx.passes(handbooks)).items():
        _fill(workbook.create_sheet(name), header, rows, styles)
    workbook.properties.created = xlsx.FIXED_TIME
    workbook.properties.modified = xlsx.FIXED_TIME
    workbook.properties.creator = "handbook-pipeline"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _fixed_zip_times(buffer.getvalue())


def _fill(sheet, header, rows, styles) -> None:
    widths, count = xlsx.column_widths(header, rows)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, xlsx.MIN_WIDTH), xlsx.MAX_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"

    def header_cell(title):
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = styles["header"]
        return cell

    sheet.append([header_cell(title) for title in header])
    for row in rows():
        sheet.append([_cell(sheet, value, styles) for value in row])


def _cell(sheet, value, styles):
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value=xlsx._UNSTORABLE.sub("\ufffd", value) if isinstance(value, str) else value)
    if isinstance(value, str):
        cell.data_type = "s"  # after the value: openpyxl made "=..." a formula
        if len(value) > xlsx.MAX_WIDTH:
            cell.alignment = styles["wrap"]
    return cell


def _fixed_zip_times(content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=xlsx.FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
