"""Block streams built in memory for parser tests: one line per paragraph, lists for tables."""
from __future__ import annotations

from pipeline.blocks import Cell, Origin, PageBreak, PageHeader, Paragraph, Row, Span, Table


def para(text, style=None, italic=False, level=1):
    return Paragraph(spans=(Span(text, italic=italic),), style=style, level=level if style == "heading" else 0)


def cell(value):
    """A cell from '' (empty), 'text', '_italic text_' or a list of paragraph texts."""
    if isinstance(value, list):
        return Cell(paragraphs=tuple(para(v) for v in value))
    if not value:
        return Cell(paragraphs=())
    if value.startswith("_") and value.endswith("_"):
        return Cell(paragraphs=(para(value[1:-1], italic=True),))
    return Cell(paragraphs=(para(value),))


def table(*rows):
    return Table(rows=tuple(Row(cells=tuple(cell(v) for v in row), origin=Origin(row=i + 1)) for i, row in enumerate(rows)))


def title_page(title="Competenties Testrol", organisation="Org", date="Mei 2025"):
    return [para(title, style="title"), para(organisation), para(date), PageBreak(page=2)]


def matrix(*rows, header=("Competentie", "Competentieniveau Testrol")):
    return table(header, *rows)


__all__ = ["para", "cell", "table", "title_page", "matrix", "PageBreak", "PageHeader"]
