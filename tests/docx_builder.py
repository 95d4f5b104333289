"""Tiny Word documents built in memory for reader and parser tests."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn


def handbook_docx(
    path: Path, *, merge_labels=True, split_runs=False, nbsp=False, competencies=None, matrix_rows=None
) -> Path:
    """A minimal handbook: title page, matrix and one competency table per entry.

    competencies: list of (name, definition, {level: [indicators]}); matrix_rows: (name, level) pairs,
    by default one per competency at its lowest level.
    """
    competencies = competencies or [
        ("Analyseren", "Het ordenen van informatie.", {1: ["Brengt in kaart", "Structureert"], 2: ["Ziet de kern"]}),
    ]
    document = docx.Document()
    document.add_paragraph("Competenties Testrol", style="Title")
    document.add_paragraph("Testorganisatie")
    document.add_paragraph("Maart 2025")
    document.add_page_break()
    document.add_paragraph("Competentiematrix", style="Heading 1")
    matrix = document.add_table(rows=1, cols=2)
    matrix.cell(0, 0).text = "Competentie"
    matrix.cell(0, 1).text = "Competentieniveau Testrol"
    if matrix_rows is None:
        matrix_rows = [(name, str(min(levels))) for name, _, levels in competencies]
    for name, level in matrix_rows:
        row = matrix.add_row()
        row.cells[0].text = name
        row.cells[1].text = level
    document.add_paragraph("Cluster een", style="Heading 1")
    for name, definition, levels in competencies:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = name
        table.cell(0, 1).paragraphs[0].add_run(definition).italic = True
        for number, indicators in levels.items():
            first = len(table.rows)
            for position, text in enumerate(indicators):
                row = table.add_row()
                if position == 0 or not merge_labels:
                    row.cells[0].text = f"Competentieniveau {number}"
                paragraph = row.cells[1].paragraphs[0]
                if nbsp:
                    text = text.replace(" ", "\u00a0", 1)
                if split_runs:
                    middle = len(text) // 2
                    paragraph.add_run(text[:middle])
                    paragraph.add_run(text[middle:]).bold = False
                else:
                    paragraph.add_run(text)
            if merge_labels and len(indicators) > 1:
                table.cell(first, 0).merge(table.cell(len(table.rows) - 1, 0))
    document.save(str(path))
    return path


def vmerge_values(path: Path) -> list[str | None]:
    """The w:vMerge values in the document, to check a test builds what it means to."""
    document = docx.Document(str(path))
    return [m.get(qn("w:val")) for m in document.element.body.iter(qn("w:vMerge"))]
