"""The cells of a tagged table on their grid, the way Word reports them.

Word reports a cell merged down from above (`vMerge` continue) as an empty cell, and a cell
merged across (`gridSpan`) as one cell. A structure tree states the merges as RowSpan and
ColSpan on the first cell, and leaves the covered positions out; so here each row gets an
empty cell where a cell from above covers it.

Some writers also leave out cells that hold nothing at all (Chromium and LibreOffice omit an
empty TD), so a row can have fewer cells than the table has columns, and the tree no longer
says which columns they were. Then, and only then, geometry decides: each cell goes to the
column its text starts in, the columns being where the text of the full rows starts. That is
reported, so a note can say so; where it cannot be settled the tree does not fit.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Text starts this many points left of its column's first text and is still in that column
# (a cell's text is centred, indented or set as a list further right, never further left).
COLUMN_SLACK = 2.0


class GridError(ValueError):
    """The cells of a row cannot be put on the table's columns."""


@dataclass(frozen=True)
class TreeCell:
    """A TD or TH as the tree gives it: its content, spans, and where its text starts (x0)."""

    content: Any
    x0: float | None = None
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Slot:
    """A position of a row on the grid: the cell that starts there (None for an empty one: a
    cell left out, or one covered from above) and how many columns it spans."""

    column: int
    cell: TreeCell | None = None
    covered: bool = False


def grid(rows: list[list[TreeCell]]) -> tuple[list[list[Slot]], list[int]]:
    """Each row's slots, with an empty one wherever a cell from above covers a position, and
    the indexes (0-based) of the rows whose cells were placed by the position of their text."""
    rows = without_surplus_cells(rows)
    columns = column_lefts(rows)
    placed_rows: list[list[Slot]] = []
    by_position: list[int] = []
    above: dict[int, tuple[int, int]] = {}  # column -> (rows it still covers, columns wide)
    width = _width(rows)
    for index, row in enumerate(rows):
        short = _naive_width(row, above) < width
        if short:
            by_position.append(index)
        cells: list[Slot] = []
        started: dict[int, tuple[int, int]] = {}
        column = 0
        targets = _nearest_columns(row, columns, above, width) if short else None
        for number, tc in enumerate(row):
            column = _covered(above, column, cells)
            if short:
                target = targets[number] if targets else _column_of(tc, columns, column)
                while column < target:
                    cells.append(Slot(column))
                    column = _covered(above, column + 1, cells)
                if column != target:
                    raise GridError(f"a cell of row {index + 1} stands where a cell from above reaches down")
            cells.append(Slot(column, tc))
            if tc.rowspan > 1:
                started[column] = (tc.rowspan - 1, tc.colspan)
            column += tc.colspan
        column = _covered(above, column, cells)
        while short and column < width:  # the row's empty cells at its end
            cells.append(Slot(column))
            column = _covered(above, column + 1, cells)
        placed_rows.append(cells)
        above = {k: (n - 1, w) for k, (n, w) in above.items() if n > 1} | started
    return placed_rows, by_position


def _covered(above: dict[int, tuple[int, int]], column: int, cells: list[Slot]) -> int:
    """Empty cells for the positions cells from above cover from `column`; the next free one."""
    while column in above:
        cells.append(Slot(column, covered=True))
        column += above[column][1]
    return column


def _naive_width(row: list[TreeCell], above: dict[int, tuple[int, int]]) -> int:
    return sum(tc.colspan for tc in row) + sum(w for _, w in above.values())


def _width(rows: list[list[TreeCell]]) -> int:
    """The number of columns: the widest row, counting positions covered from above."""
    return max(_widths(rows), default=0)


def _widths(rows: list[list[TreeCell]]) -> list[int]:
    widths, above = [], {}
    for row in rows:
        widths.append(_naive_width(row, above))
        above = _after_row(row, above)
    return widths


def column_of(x0: float, lefts: dict[int, float]) -> int | None:
    """The column whose text starts at or left of `x0` (None left of the first)."""
    candidates = [k for k, left in sorted(lefts.items()) if left <= x0 + COLUMN_SLACK]
    return candidates[-1] if candidates else None


def without_surplus_cells(rows: list[list[TreeCell]]) -> list[list[TreeCell]]:
    """The rows without the empty cells that make a row wider than most rows of the table.

    LibreOffice gives a row under a cell merged down across a page break an empty TD of its
    own besides the covered position; counted, it would make that row wider than the table."""
    widths = _widths(rows)
    usual = max(set(widths), key=lambda w: (widths.count(w), w)) if widths else 0  # most rows' width
    trimmed, above = [], {}
    for row in rows:
        if _naive_width(row, above) > usual:
            row = [tc for tc in row if not _empty(tc)]
        trimmed.append(row)
        above = _after_row(row, above)
    return trimmed


def _empty(tc: TreeCell) -> bool:
    return not tc.content and tc.x0 is None


def _after_row(row: list[TreeCell], above: dict[int, tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """The cells from above that reach into the next row, after this one."""
    started, column = {}, 0
    for tc in row:
        while column in above:
            column += above[column][1]
        if tc.rowspan > 1:
            started[column] = (tc.rowspan - 1, tc.colspan)
        column += tc.colspan
    return {k: (n - 1, w) for k, (n, w) in above.items() if n > 1} | started


def column_lefts(rows: list[list[TreeCell]]) -> dict[int, float]:
    """Where each column's text starts, from the rows that have all their cells."""
    rows = without_surplus_cells(rows)
    width = _width(rows)
    lefts: dict[int, float] = {}
    above: dict[int, tuple[int, int]] = {}
    for row in rows:
        full = _naive_width(row, above) == width
        started, column = {}, 0
        for tc in row:
            while column in above:
                column += above[column][1]
            if full and tc.x0 is not None:
                lefts[column] = min(lefts.get(column, tc.x0), tc.x0)
            if tc.rowspan > 1:
                started[column] = (tc.rowspan - 1, tc.colspan)
            column += tc.colspan
        above = {k: (n - 1, w) for k, (n, w) in above.items() if n > 1} | started
    return lefts


def _column_of(tc: TreeCell, lefts: dict[int, float], at_least: int) -> int:
    """The last column whose text starts at or left of this cell's text."""
    if tc.x0 is None:
        return at_least  # an empty cell the tree does give: it stands where it stands
    if not lefts:
        raise GridError("no row of the table has all its cells, so their columns are unknown")
    column = column_of(tc.x0, lefts)
    if column is None:
        raise GridError("a cell's text starts left of the table's first column")
    if column < at_least:
        raise GridError("two cells of one row start in the same column")
    return column


def _nearest_columns(
    row: list[TreeCell], lefts: dict[int, float], above: dict[int, tuple[int, int]], width: int
) -> list[int] | None:
    """The columns of a short row's cells, in order, placed so that their texts start as near as
    they can to where their columns' texts start (the least summed distance), or None when
    some cell has no text or some column no known start (then each cell goes by itself).
    A text start is no cell edge: a column of indented list items starts its text right of its
    cell's edge, and a header over it (Chromium leaves the empty corner cell out of its tree)
    starts left of that text, nearer to it than to the column before."""
    if any(tc.x0 is None for tc in row) or any(k not in lefts for k in range(width)):
        return None
    free = [k for k in range(width) if not any(k in range(c, c + w) for c, (_, w) in above.items())]
    best: dict[tuple[int, int], tuple[float, list[int]]] = {}

    def place(cell: int, start: int) -> tuple[float, list[int]] | None:
        """The cheapest placing of cells `cell`.. at free columns from `start` on."""
        if cell == len(row):
            return 0.0, []
        if (cell, start) not in best:
            options = []
            for column in (k for k in free if k >= start):
                span = range(column, column + row[cell].colspan)
                if span.stop > width or any(k not in free for k in span):
                    continue
                rest = place(cell + 1, span.stop)
                if rest is not None:
                    options.append((abs(row[cell].x0 - lefts[column]) + rest[0], [column, *rest[1]]))
            best[(cell, start)] = min(options, default=None, key=lambda o: o[0])
        return best[(cell, start)]

    found = place(0, 0)
    return found[1] if found else None


def own_columns(slots: list[list[Slot]], lefts: dict[int, float]) -> dict[tuple[int, int], list]:
    """The paragraphs of each position (row index, column), each in the column it stands in.

    A slot's content is a list of paragraphs with `.lines`. LibreOffice puts a numbered list
    that goes on from cell to cell into the first cell's structure element, leaving the other
    cells empty: a paragraph whose text starts in a later column, where this row's cell is
    empty, moves there (one starting left of its column's text start stays: the text of an
    indented list starts right of its cell's edge). Any other paragraph outside its column is
    a GridError. Returns only the positions whose content changed."""
    moved: dict[tuple[int, int], list] = {}
    ordered = [left for _, left in sorted(lefts.items())]
    if not lefts or any(b <= a for a, b in zip(ordered, ordered[1:])):
        return moved  # columns that do not stand side by side say nothing
    for r, row in enumerate(slots):
        by_column = {slot.column: slot for slot in row}
        for slot in row:
            if slot.cell is None or slot.cell.colspan != 1:
                continue
            for paragraph in list(moved.get((r, slot.column), slot.cell.content)):
                column = column_of(paragraph.lines[0].x0, lefts)
                if column is None or column <= slot.column:
                    continue  # left of its column's text start: a cell's edge is left of its text
                target = by_column.get(column)
                if target is None or target.covered or (target.cell is not None and target.cell.content):
                    raise GridError(f"a paragraph of row {r + 1} stands in a column whose cell is not empty")
                moved.setdefault((r, slot.column), list(slot.cell.content)).remove(paragraph)
                moved.setdefault((r, column), []).append(paragraph)
    return moved


def column_reach(contents: dict[tuple[int, int], list]) -> dict[int, list[float]]:
    """Where each line of each column ends (x1): how far the column's text reaches."""
    reach: dict[int, list[float]] = {}
    for (_, column), paragraphs in contents.items():
        reach.setdefault(column, []).extend(line.x1 for paragraph in paragraphs for line in paragraph.lines)
    return reach


def stacked_tables(rows: list[list[tuple[int, int]]]) -> list[int]:
    """Where one table of the tree is tables stacked on each other: the indexes of the rows that
    start a new one. Each row is its cells' (colspan, rowspan). LibreOffice joins a Word
    document's tables that touch into one; their rows then share no column edge. A row starts
    a new table when it and the row above both fill the table's width, no cell reaches down
    across them, each has an edge between its columns, and no edge of one is an edge of the
    other (a row of one cell across the table, a banner, shares none yet starts nothing)."""
    starts, above, previous = [], {}, None
    width = _width([[TreeCell(None, None, c, r) for c, r in row] for row in rows])
    for index, row in enumerate(rows):
        edges, column = set(), 0
        for colspan, _ in row:
            column += colspan
            edges.add(column)
        edges.discard(column)
        whole = not above and column == width
        if whole and previous and edges and previous.isdisjoint(edges):
            starts.append(index)
        previous = edges if whole else None
        above = _after_row([TreeCell(None, None, c, r) for c, r in row], above)
    return starts


def compact_spans(rows: list[list[tuple[int, int]]]) -> list[list[int]]:
    """Each cell's colspan on the columns its own rows mark: a table cut from stacked tables
    keeps the joined grid's spans (a cell two columns wide where only the other table had an
    edge), one column wide again once no row of its own has an edge there."""
    places, above = [], {}
    for row in rows:
        placed, column = [], 0
        for colspan, _ in row:
            while column in above:
                column += above[column][1]
            placed.append((column, column + colspan))
            column += colspan
        places.append(placed)
        above = _after_row([TreeCell(None, None, c, r) for c, r in row], above)
    edges = sorted({edge for placed in places for start, end in placed for edge in (start, end)})
    return [[edges.index(end) - edges.index(start) for start, end in placed] for placed in places]

