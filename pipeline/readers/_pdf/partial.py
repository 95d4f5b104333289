"""The rest of a ruled table that shows only some of its columns at the top of a page.

Writers that draw each cell as a box of its own (WeasyPrint) draw no box for a cell that has no
text left on the next page: a level label merged down beside indicators that go on. What shows
at the top of the page is then one column of boxes, or one box alone (pdfplumber makes no table
of a lone cell, so the reader has it as a frame around free lines). Its edges are boundaries of
the table that ended the page before: it is that table's rest, with the other columns empty.
"""
from __future__ import annotations

from .model import PageLayout, RawCell, RawTable, inside
from .rules import on
from .tolerances import COLUMN_TOLERANCE, MARGIN_ZONE


def widen_partial_rests(pages: list[PageLayout]) -> list[tuple[int, float]]:
    """Give each partial rest the columns of the table it goes on (in place). Returns where it
    did so, (page, top): the rest was recognised by its edges alone."""
    done: list[tuple[int, float]] = []
    if not on("pdf.partial-rest"):
        return done
    for before, page in zip(pages, pages[1:]):
        last = _last_table(before)
        if last is None:
            continue
        _frames_to_tables(page, last)
        first = min(page.tables, key=lambda t: t.top, default=None)
        if first is None or not _first_content(page, first.top):
            continue
        span = _column_span(first, last)
        if span is not None and len(first.columns) < len(last.columns):
            page.tables[page.tables.index(first)] = _widen(first, last, span)
            done.append((page.number, first.top))
    return done


def _last_table(page: PageLayout) -> RawTable | None:
    """The ruled table that ends the page (nothing but the footer zone below it)."""
    last = max(page.tables, key=lambda t: t.bottom, default=None)
    if last is None or not last.ruled:
        return None
    footer = page.height * (1 - MARGIN_ZONE)
    if any(ln.top > last.bottom and ln.top < footer for ln in page.lines):
        return None
    return last


def _first_content(page: PageLayout, top: float) -> bool:
    """Is nothing but the header zone above `top` on the page?"""
    header = page.height * MARGIN_ZONE
    return all(ln.top >= top or ln.bottom <= header for ln in page.lines) and all(
        t.top >= top for t in page.tables)


def _frames_to_tables(page: PageLayout, last: RawTable) -> None:
    """A lone box at the top of the page, as wide as a column of `last`, becomes a table of
    one cell holding the free lines inside it."""
    for frame in sorted(page.frames, key=lambda f: f[1]):
        x0, top, x1, bottom = frame
        if not _first_content(page, top) or not _matches(x0, last.columns) or not _matches(x1, last.columns):
            return
        held = [ln for ln in page.lines if inside(ln, frame)]
        page.lines = [ln for ln in page.lines if not inside(ln, frame)]
        page.frames.remove(frame)
        page.tables.append(RawTable(page.number, top, bottom, [x0, x1], [[RawCell(x0, top, x1, bottom, held)]]))
        return


def _column_span(table: RawTable, last: RawTable) -> tuple[int, int] | None:
    """The run of `last`'s columns that `table`'s boundaries are, as (first, end) indices."""
    indices = []
    for x in table.columns:
        match = [k for k, y in enumerate(last.columns) if abs(x - y) <= COLUMN_TOLERANCE]
        if not match:
            return None
        indices.append(match[0])
    if indices != list(range(indices[0], indices[0] + len(indices))):
        return None
    return indices[0], indices[-1]


def _widen(table: RawTable, last: RawTable, span: tuple[int, int]) -> RawTable:
    start, end = span
    columns = last.columns
    rows = []
    for r, row in enumerate(table.rows):
        top = min((c.top for c in row if c is not None), default=table.top)
        bottom = max((c.bottom for c in row if c is not None), default=table.bottom)

        def empty(k: int) -> RawCell | None:  # merged down from the row above, but in the first row
            return RawCell(columns[k], top, columns[k + 1], bottom) if r == 0 else None

        rows.append([empty(k) for k in range(start)] + list(row)
                    + [empty(k) for k in range(end, len(columns) - 1)])
    return RawTable(table.page, table.top, table.bottom, list(columns), rows, table.ruled,
                    table.cut_above, table.cut_below)


def _matches(x: float, columns: list[float]) -> bool:
    return any(abs(x - y) <= COLUMN_TOLERANCE for y in columns)
