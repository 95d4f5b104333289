"""A list marker left alone in a table cell: its item's text went on to the next page.

WeasyPrint can end a page right after a numbered item's marker ("13.") and put the item's text
at the top of the next page; once the row cut by the page break is joined again, the marker is
a paragraph of its own in the cell, right before the item's text. A number or a bullet alone is
never an item of its own (rule `pdf.lone-marker`): it starts the paragraph after it in its
cell, or the first of the same column in the row below when that row has no label (the page
break made it a row of its own), with a note. A lone marker with no paragraph after it in its cell cannot be placed: the file is refused.
Outside tables likewise: a bullet alone in the body (its item's text at the next page's top) starts
the first paragraph of the page after it, with a note; with no such paragraph it is refused.
"""
from __future__ import annotations

from ...blocks import Block, Cell, Note, PageBreak, PageHeader, Paragraph, Row, Table
from ...errors import ReadError
from .model import MARKER
from .rules import on


def join_lone_markers(blocks: list[Block], notes: list[Note]) -> list[Block]:
    """The blocks with each numbered or bulleted marker alone in a table cell joined to the
    paragraph after it."""
    if not on("pdf.lone-marker"):
        return blocks
    return _body([_table(b, notes) if isinstance(b, Table) else b for b in blocks], notes)


def _body(blocks: list[Block], notes: list[Note]) -> list[Block]:
    """The body's lone markers joined to the paragraph that starts the next page."""
    out: list[Block] = []
    skip: set[int] = set()
    for i, block in enumerate(blocks):
        if i in skip:
            continue
        if not (isinstance(block, Paragraph) and lone_marker(block)):
            out.append(block)
            continue
        j = i + 1
        while j < len(blocks) and isinstance(blocks[j], (PageBreak, PageHeader, Note)):
            j += 1
        after = blocks[j] if j < len(blocks) else None
        if not (isinstance(after, Paragraph) and after.text and not lone_marker(after)
                and after.origin.page is not None and block.origin.page is not None
                and after.origin.page > block.origin.page):
            raise ReadError(f"page {block.origin.page}: the list marker '{block.text}' stands alone, with no "
                            "text after it on the next page to be its item's: the item cannot be read exactly")
        notes.append(Note("pdf.lone-marker", f"took the list marker '{block.text}' alone at a page's end for the "
                          f"marker of the paragraph that starts the next page ('{after.text[:40]}')", block.origin))
        out += blocks[i + 1:j]
        out.append(Paragraph(after.spans, "list", 0, after.origin))
        skip.add(j)
    return out


def lone_marker(paragraph: Paragraph) -> bool:
    """Is the paragraph only a bullet or a number (a list marker without its item's text)?"""
    match = MARKER.match(paragraph.text.strip())
    return bool(match) and bool(match.group(1) or match.group(3))  # a bullet or a number, not a dash or letter


def _table(table: Table, notes: list[Note]) -> Table:
    if not any(lone_marker(p) for row in table.rows for c in row.cells for p in c.paragraphs):
        return table
    grid = [[list(c.paragraphs) for c in row.cells] for row in table.rows]
    for r, cells in enumerate(grid):
        for k, paragraphs in enumerate(cells):
            if paragraphs and lone_marker(paragraphs[-1]):
                _to_next_row(grid, r, k)  # the item's text in the row below (the page break made it a row)
            grid[r][k] = _joined(grid[r][k], notes)
    rows = []
    for row, cells in zip(table.rows, grid):
        rows.append(Row(tuple(Cell(tuple(ps), c.origin, c.span) for c, ps in zip(row.cells, cells)), row.origin, row.header))
    return Table(tuple(rows), table.origin)


def _to_next_row(grid: list[list[list[Paragraph]]], r: int, k: int) -> None:
    """Move the first paragraph of the same column in the next row up after the marker, when
    that row is empty before that column (it goes on with this row: no new label)."""
    if r + 1 >= len(grid) or len(grid[r + 1]) != len(grid[r]):
        return
    below = grid[r + 1]
    if any(p.text for cell in below[:k] for p in cell) or not below[k] or not below[k][0].text:
        return
    grid[r][k] = grid[r][k] + [below[k][0]]
    below[k] = below[k][1:]


def _joined(paragraphs: list[Paragraph], notes: list[Note]) -> list[Paragraph]:
    out: list[Paragraph] = []
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        if not lone_marker(p):
            out.append(p)
            i += 1
            continue
        after = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if after is None or not after.text or lone_marker(after):
            raise ReadError(f"page {p.origin.page}: the list marker '{p.text}' stands alone in a table cell, with "
                            "no text after it to be its item's: the item cannot be read exactly")
        notes.append(Note("pdf.lone-marker", f"took the list marker '{p.text}' alone in a table cell for the "
                          f"marker of the paragraph after it ('{after.text[:40]}'): a page break came between them",
                          p.origin))
        out.append(Paragraph(after.spans, "list", 0, after.origin))
        i += 2
    return out
