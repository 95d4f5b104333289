"""Tables without ruling lines: columns found from where the text of consecutive lines starts."""
from __future__ import annotations

from .geometry import next_word_fits
from .tolerances import (
    COLUMN_START_GAP, EDGE_SLACK, PARAGRAPH_SPACING, ROW_REACH, ROW_START, ROW_WAITED, SAME_LINE, SAME_SIZE, SAME_X,
    SPACE_WIDTH,
)
from ...blocks import Note, Origin
from .metrics import Metrics
from .model import (
    COLUMN_GAP, COLUMN_TOLERANCE, MARKER, Glyph, Line, RawCell, RawTable, continues_sentence, marker_of,
    spread_space, whole_lines,
)
from .paragraphs import group_paragraphs, justified
from .rules import on


def find_borderless_tables(
    lines: list[Line], m: Metrics, known: list[list[float]] = (), above: Line | None = None
) -> list[tuple[int, int, RawTable]]:
    """Runs of lines laid out in columns: (first index, end index, table) for each run.

    A run starts at a line with text in two or more columns (separated by a gap wider than
    `COLUMN_GAP` font sizes) when a later line confirms those columns, or, at the top of a page,
    at a line that sits in a column of a borderless table found earlier (the rest of a table
    cut by the page break; the latest such table first), or at lines in its first column alone
    that wrap at that column's width or go on from the first column's text that ended the page
    before (`above`) and lead to lines in its columns, or, as the last line of a page, at text
    in columns an earlier table has (the first row of a table cut by the page break), or at a
    line in the columns of a table earlier in the document, the latest first. It goes on while each
    line's text starts at the run's column positions (within 2 pt) without crossing a column
    boundary, and ends at a change of font size or a gap of more than two line pitches (Word
    leaves an empty paragraph between tables). Rows start where the first column has text (a
    new label) or where the gap above a line is larger than the normal line pitch.
    """
    runs: list[list] = []  # [start, start of the columns, end, columns]
    i = 0
    while i < len(lines):
        columns, continued = _run_columns(lines, i, known, [run[3] for run in runs], m, above)
        if not columns:
            i += 1
            continue
        end = i
        while end < len(lines) and _fits_columns(lines, end, columns, i, m):
            end += 1
        multi = sum(1 for ln in lines[i:end] if len(_cells_of(ln, columns) or ()) > 1)
        if end > i and (continued or (end - i >= 2 and multi >= 1)):
            first = start = i
            if not runs or runs[-1][2] != i:  # emphasised rows above the columns belong to them
                floor = runs[-1][2] if runs else 0
                first = _columned_lines_above(lines, i, floor, columns, m)
                start = _spanning_rows_above(lines, first, floor, m)
                if runs and start == floor < first and on("pdf.name-row-below-table"):
                    start = runs[-1][2] = _head_rows_ending(lines, runs[-1], floor, m)
            runs.append([start, first, end, columns])
            i = end
        else:
            i += 1
    merged: list[list] = []
    for run in runs:
        if merged and _widens(merged[-1], run, lines):
            merged[-1][2:] = run[2:]  # a first row in fewer, wider columns (cells merged across)
        else:
            merged.append(run)
    return [
        (start, end, _borderless_table(lines[first:end], columns, m, lines[start:first]))
        for start, first, end, columns in merged
    ]


def _run_columns(
    lines: list[Line], i: int, known: list[list[float]], on_page: list[list[float]], m: Metrics,
    above: Line | None,
) -> tuple[list[float] | None, bool]:
    """The columns a run starting at line i would have, and whether the run needs no second
    line to confirm them (the rest or the start of a table cut by a page break)."""
    columns = _columns_at(lines, i)
    at_end = None
    if columns is None and i == len(lines) - 1:  # nothing below to confirm it on this page
        at_end = columns = _page_end_columns(lines[i], list(known) + on_page)
    if columns is None:  # columns seen in an earlier table of the document, the latest first
        earlier = reversed(list(known) + on_page)
        columns = next((c for c in earlier if len(_cells_of(lines[i], c) or ()) > 1), None)
    on_top = _page_top_columns(lines, columns, known, m, above) if i == 0 else None
    if on_top is None and columns is not None and at_end is None:
        columns = _earlier_columns_at_indent(lines[i], columns, list(known) + on_page) or columns
    return on_top or columns, on_top is not None or at_end is not None


def _earlier_columns_at_indent(line: Line, found: list[float], earlier: list[list[float]]) -> list[float] | None:
    """The columns of an earlier table (the latest first) when those the line shows are its
    columns with the text indented into them, as a numbered list's text is (its markers start
    further left the longer the number, "10." left of "9."): the same table, further rows. Its
    own columns would leave the wider markers outside. Only where the line's text in each
    column that starts further in starts with a list marker: tables of a writer that sizes
    columns by their content start the same columns a little apart from table to table."""
    indent = 2 * line.size
    own = _cells_of(line, found) or {}
    for columns in reversed(earlier):
        if len(columns) != len(found) or found == columns:
            continue
        among = all(-COLUMN_TOLERANCE <= x - y <= indent for x, y in zip(found, columns))
        listed = all(
            k in own and marker_of(own[k]) for k, (x, y) in enumerate(zip(found, columns)) if x - y > COLUMN_TOLERANCE
        )
        if among and listed and _cells_of(line, columns) is not None:
            return columns
    return None


def _widens(run: list, nxt: list, lines: list[Line]) -> bool:
    """Does the next run go on with the same table in more columns? (Word's cells merged across
    show as a row with fewer columns, each starting where one of the others does.)"""
    if run[2] != nxt[0] or lines[run[2] - 1].page != lines[nxt[0]].page or len(run[3]) >= len(nxt[3]):
        return False
    return all(any(abs(x - y) <= COLUMN_TOLERANCE for y in nxt[3]) for x in run[3])


def _spanning_rows_above(lines: list[Line], i: int, floor: int, m: Metrics) -> int:
    """Where the table really starts: emphasised lines right above the columns (a bold name, an
    italic definition written across the whole width, as Word's merged cells show without
    rulings) belong to it. Regular text, another size or an empty line's gap end it."""
    start = i
    while start > floor and _emphasised(lines[start - 1]) and _close_above(lines, start, i, m):
        start -= 1
    return start


def _head_rows_ending(lines: list[Line], run: list, floor: int, m: Metrics) -> int:
    """Where the run above really ends, when a table written across its columns (a definition
    merged across) starts right below it: emphasised lines in its first column alone that end
    it (a bold name), below a line of another emphasis (the rows of a matrix), are that table's
    first row. Writers that draw two tables touching leave no gap between them."""
    start, _, _, columns = run
    k = floor
    while k - 1 > start + 1 and _emphasised(lines[k - 1]) and set(_cells_of(lines[k - 1], columns) or ()) == {0}:
        if not _close_above(lines, k, floor, m):
            break
        k -= 1
    if k == floor or _emphasis(lines[k - 1]) == _emphasis(lines[k]) or not _close_above(lines, floor, floor, m):
        return floor
    return k


def _emphasis(line: Line) -> tuple[bool, bool]:
    return all(g.bold for g in line.visible), all(g.italic for g in line.visible)


def _columned_lines_above(lines: list[Line], i: int, floor: int, columns: list[float], m: Metrics) -> int:
    """Emphasised lines right above the columns with text in them beyond the first (a bold
    name beside an italic definition merged across the other columns) are rows of the table,
    even when the name ends too close to the next column to show a column gap. Below such a
    line, emphasised lines in the first column alone are the rest of a name that wrapped."""
    start = probe = i
    while probe > floor and _close_above(lines, probe, i, m):
        cells = _cells_of(lines[probe - 1], columns, span=True)
        if not cells or not all(_emphasised(c) for c in cells.values()):
            break
        probe -= 1
        if set(cells) != {0}:
            start = probe
    return start


def _emphasised(line: Line) -> bool:
    return all(g.bold for g in line.visible) or all(g.italic for g in line.visible)


def _close_above(lines: list[Line], start: int, i: int, m: Metrics) -> bool:
    """Is the line above `start` on the same page, in the size of the columns' first line, and
    no empty line away?"""
    above, below = lines[start - 1], lines[start]
    close = below.top - above.top <= 2 * m.gap_limit(below.size, cell=True) + ROW_REACH * below.size
    return close and abs(above.size - lines[i].size) <= SAME_SIZE and above.page == below.page


def _columns_at(lines: list[Line], i: int) -> list[float] | None:
    """Column starts suggested by line i and confirmed by a later line: one with text only in
    these columns, or one with these columns among more, or one with text in two or more of
    these columns, at their starts or a list's indent into them (a bullet next to the text of
    the column before it makes one segment with that text: only the columns cut them apart)."""
    segs = lines[i].segments()
    if len(segs) < 2:
        return None
    starts = [s.x0 for s in segs]
    if on("pdf.filled-label"):  # a label that fills its column hides the next column's start
        starts = _with_hidden_columns(lines, i, starts)
    for ln in lines[i + 1 : i + 8]:
        cells = _cells_of(ln, starts)
        if cells and len(cells) >= 2 and all(seg.x0 - starts[k] <= 2 * seg.size for k, seg in cells.items()):
            return _with_hidden_columns(lines, i, starts)
        others = [s.x0 for s in ln.segments()]
        if all(any(abs(o - s) <= COLUMN_TOLERANCE for s in starts) for o in others):
            if len(others) >= 2 or others[0] > starts[0] + COLUMN_TOLERANCE:
                return _with_hidden_columns(lines, i, starts)
        if len(others) > len(starts) and all(
            any(abs(o - s) <= COLUMN_TOLERANCE for o in others) for s in starts
        ):
            return _with_hidden_columns(lines, i, starts)  # or cells merged across: these columns and more
    return None


def _with_hidden_columns(lines: list[Line], i: int, starts: list[float]) -> list[float]:
    """The columns line i shows, and those it hides: a column whose text follows the text of
    the column before so closely (a label filling its column) that the two make one segment.
    Such a column starts segments in two or more of the next lines, and in line i a word
    starts right there after a gap wider than a space (not the text after a list marker)."""
    seen: list[list] = []  # [x, how many lines start a segment there]
    for ln in lines[i + 1 : i + 8]:
        for seg in ln.segments():
            if all(abs(seg.x0 - x) > COLUMN_TOLERANCE for x in starts):
                spot = next((s for s in seen if abs(s[0] - seg.x0) <= COLUMN_TOLERANCE), None)
                if spot is None:
                    seen.append([seg.x0, 1])
                else:
                    spot[1] += 1
    hidden = [x for x, count in seen if count >= 2 and _word_starts_at(lines[i], x)]
    return sorted(starts + hidden) if hidden else starts


def _word_starts_at(line: Line, x: float) -> bool:
    for seg in line.segments():
        vis = seg.visible
        for k in range(1, len(vis)):
            if abs(vis[k].x0 - x) <= COLUMN_TOLERANCE and vis[k].x0 - vis[k - 1].x1 >= COLUMN_START_GAP * vis[k].size:
                return not MARKER.match("".join(v.text for v in vis[:k]))
    return False


def _continues_columns(line: Line, columns: list[float]) -> bool:
    cells = _cells_of(line, columns)
    return bool(cells) and (len(cells) > 1 or 0 not in cells)


def _page_top_columns(
    lines: list[Line], found: list[float] | None, known: list[list[float]], m: Metrics, above: Line | None
) -> list[float] | None:
    """The columns of a table cut by the page break, when the lines at the top of a page go on
    with it: lines in its columns (the latest table first: the one the previous page most
    likely ended with), also when they show only some of its columns (where the text of a
    list item starts, indented into them), or only its first: wrapped at its width, going on
    with a sentence right above more rows, or the rest of a list item at its text's indent."""
    if not known:
        return None
    latest = known[-1]
    if found is not None:  # columns of their own, in the latest table's (at a list's indent): its rest
        indent = 2 * lines[0].size
        among = all(any(-COLUMN_TOLERANCE <= x - y <= indent for y in latest) for x in found)
        fits = _cells_of(lines[0], latest) is not None
        return latest if among and fits and len(found) <= len(latest) else None
    columns = next((c for c in reversed(known) if _continues_columns(lines[0], c)), None)
    if columns is None and _wrapped_in_first_column(lines, latest, m):
        columns = latest
    if columns is None and _rows_below(lines, latest, m, above):
        columns = latest
    if columns is None and _list_item_rest(lines[0], latest):
        columns = latest
    return columns


def _page_end_columns(line: Line, known: list[list[float]]) -> list[float] | None:
    """The columns of the last line of a page when it has text in two or more columns that
    start where the columns of an earlier table do: the first row of a table that the next
    page goes on with (a name beside the start of its definition, a row of level labels)."""
    for columns in reversed(known):
        starts = [piece.x0 for piece in _pieces(line, columns)]
        if len(starts) >= 2 and all(any(abs(x - c) <= COLUMN_TOLERANCE for c in columns) for x in starts):
            return starts
    return None


def _wrapped_in_first_column(lines: list[Line], columns: list[float], m: Metrics) -> bool:
    """Are the lines at the top of a page the rest of a table whose other columns are empty
    here? Text in the first column alone looks like body text, but body text wraps at the
    page's right edge: a line that goes on with the sentence of the line above although its
    first word would have fitted there was wrapped at the column's width."""
    end = 0
    while end < len(lines) and _fits_columns(lines, end, columns, 0, m):
        if set(_cells_of(lines[end], columns)) != {0}:
            break
        end += 1
    for above, below in zip(lines[:end], lines[1:end]):
        close = below.top - above.top <= m.gap_limit(below.size, cell=True)
        room = next_word_fits(above, below, m.right_edge)
        if close and room and continues_sentence(below.text):
            return True
    return False


def _list_item_rest(line: Line, columns: list[float]) -> bool:
    """Is the first line of a page the rest of a list item in the first column: a sentence
    going on, indented into the column as an item's text is (body text starts at the margin)?"""
    indented = columns[0] + COLUMN_TOLERANCE < line.x0 <= columns[0] + 2 * line.size
    return indented and continues_sentence(line.text) and set(_cells_of(line, columns) or ()) == {0}


def _rows_below(lines: list[Line], columns: list[float], m: Metrics, above: Line | None) -> bool:
    """Are the lines at the top of a page the end of a sentence that the previous page ended
    with in the first column alone, right above lines with text in two or more of the columns?
    The rest of a cell, then more rows (not the rest of a text written across the table)."""
    if above is None or set(_cells_of(above, columns) or ()) != {0} or not continues_sentence(lines[0].text):
        return False
    def fits(k: int) -> bool:
        return k < len(lines) and _fits_columns(lines, k, columns, 0, m)

    end = 0
    while fits(end) and set(_cells_of(lines[end], columns)) == {0}:
        end += 1
    return fits(end) and len(_cells_of(lines[end], columns)) > 1


def _cells_of(line: Line, columns: list[float], span: bool = False) -> dict[int, Line] | None:
    """The line's segments keyed by column index, or None when a segment fits no column.

    A segment belongs to the column it starts in (at the column's left edge or indented within
    it, as the text of a list item is) and may not run into the next column, unless `span`
    allows text that starts in a later column to run over the columns after it (a cell merged
    across). Text in the first column never spans: that is how body text looks."""
    cells: dict[int, Line] = {}
    covered = -1
    pieces = _pieces(line, columns)
    for n, seg in enumerate(pieces):
        index = None
        for k, x in enumerate(columns):
            if seg.x0 >= x - COLUMN_TOLERANCE:
                index = k
        if index is None or index <= covered:
            return None
        reach = _last_column(seg, columns, index, pieces[n + 1].x0 if n + 1 < len(pieces) else None)
        if reach > index and not (span and index > 0):
            return None
        covered = reach
        cells[index] = seg
    return cells


def _pieces(line: Line, columns: list[float]) -> list[Line]:
    """The line's segments, cut at the columns, with a list marker kept with its text: a
    marker that starts a column can follow the text of the column before it so closely that
    the two make one segment, cut from its own text only by the column edge."""
    pieces = [part for whole in line.segments() for part in split_at_columns(whole, columns)]
    out: list[Line] = []
    for piece in pieces:
        marker = out and MARKER.match(out[-1].text.strip())
        if marker and _column_of(out[-1].x0, columns) == _column_of(piece.x0, columns):
            out[-1] = out[-1]._with(out[-1].glyphs + piece.glyphs)
        else:
            out.append(piece)
    return out


def _column_of(x: float, columns: list[float]) -> int:
    """The column text starting at x is in (-1: left of the table)."""
    return max((k for k, edge in enumerate(columns) if x >= edge - COLUMN_TOLERANCE), default=-1)


def _last_column(seg: Line, columns: list[float], index: int, after: float | None = None) -> int:
    """The last column a segment that starts in column `index` runs into: not the one where the
    line's next segment starts (at `after`), however close the segment ends to it (a label that
    fills its column, in a writer that pads no cell)."""
    last = index
    while last + 1 < len(columns) and seg.x1 > columns[last + 1] - COLUMN_TOLERANCE:
        if after is not None and after <= columns[last + 1] + COLUMN_TOLERANCE:
            break
        if seg.x1 <= columns[last + 1] + EDGE_SLACK and _fills_column(seg, columns, index):
            break
        last += 1
    return last


def _fills_column(seg: Line, columns: list[float], index: int) -> bool:
    """Does a segment that ends right at the next column's start (not past it) fill its own
    column, as the widest label of a column does where the writer pads no cell (WeasyPrint
    sizes such a column by it)? When it starts at its column's edge."""
    return abs(seg.x0 - columns[index]) <= COLUMN_TOLERANCE


def split_at_columns(seg: Line, columns: list[float]) -> list[Line]:
    """Cut a segment where a word starts right at a known column edge after a gap wider than a
    space (two cell paddings): a long label can end closer to the next column than the usual
    column gap. Also cut at a column gap across a column edge: a segment keeps a list marker
    ("d.", the end of a cut word, looks like one) with the text after its gap, however wide.
    Never at a word space that justification spread (`spread_space`): a justified line's word
    may start at another table's column edge."""
    parts: list[list[Glyph]] = [[]]
    previous: Glyph | None = None  # the last visible glyph
    at = 0  # where it stands in the segment
    for k, g in enumerate(seg.glyphs):
        if previous is not None and not g.blank and parts[-1] and (
                g.cell_start or (_cell_edge_between(previous, g, columns) and not spread_space(seg.glyphs[at + 1:k], previous, g))
                or _hanging_marker(previous, g, seg.glyphs[k:], columns)):
            parts.append([])
        parts[-1].append(g)
        if not g.blank:
            previous, at = g, k
    return [seg._with(_without_gap(p)) for p in parts if any(not g.blank for g in p)]


def _cell_edge_between(previous: Glyph, g: Glyph, columns: list[float]) -> bool:
    gap = g.x0 - previous.x1
    at_edge = any(abs(g.x0 - x) <= COLUMN_TOLERANCE for x in columns)
    across = gap > COLUMN_GAP * g.size and any(previous.x1 < x < g.x0 for x in columns)
    return gap >= COLUMN_START_GAP * g.size and (at_edge or across)


def _hanging_marker(previous: Glyph, g: Glyph, rest: list[Glyph], columns: list[float]) -> bool:
    """Does a list marker ("20.") start the next column's cell here, hung left of its text as
    browsers set a list's numbers (the longer the number, the further left), so close to the
    text of the column before that the two make one segment? A column edge lies in the gap
    before it, which is wider than a space, and the marker starts within a list's indent of it."""
    if not on("pdf.hanging-marker") or g.x0 - previous.x1 < COLUMN_START_GAP * g.size:
        return False
    word = ""
    for glyph in rest:
        if glyph.blank:
            break
        word += glyph.text
    edge = any(previous.x1 < x < g.x0 and g.x0 - x <= 2 * g.size for x in columns)
    return edge and bool(MARKER.match(word)) and not word[:1] in "-–*"


def _without_gap(glyphs: list[Glyph]) -> list[Glyph]:
    """A cell's glyphs without the space the reader added for the gap to the next column: the
    cell's text ends at its last glyph ("zij-" at a line end is a word broken at its hyphen)."""
    end = len(glyphs)
    while end and glyphs[end - 1].blank and glyphs[end - 1].inserted:
        end -= 1
    return glyphs[:end]


def _fits_columns(lines: list[Line], k: int, columns: list[float], start: int, m: Metrics) -> bool:
    line = lines[k]
    if _cells_of(line, columns) is None:
        return False
    if k == start:
        return True
    prev = lines[k - 1]
    if line.page != prev.page or abs(line.size - lines[start].size) > SAME_SIZE:
        return False
    # an empty line or more between two lines ends the table (Word puts one between tables)
    return line.top - prev.top <= 2 * m.gap_limit(line.size, cell=True) + ROW_REACH * line.size


def _borderless_table(
    lines: list[Line], columns: list[float], m: Metrics, spanning: list[Line] = ()
) -> RawTable:
    right = max(ln.x1 for ln in list(lines) + list(spanning)) + 1
    edges = columns + [right]
    placed = [(line, _cells_of(line, columns, span=True) or {}) for line in lines]
    limits = _column_limits(placed, columns, edges)
    rows: list[dict[int, RawCell]] = []
    covered: list[set[int]] = []  # per row, the columns a cell merged across runs over
    for para in group_paragraphs(list(spanning), m, right, cell=True):
        rows.append({0: RawCell(edges[0], para.lines[0].top, right, para.lines[-1].bottom, list(para.lines))})
        covered.append(set(range(1, len(columns))))
    first_row = len(rows)
    prev: Line | None = None
    for line, cells in placed:
        pitch = m.gap_limit(line.size, cell=True)
        gap = prev is not None and _step(prev, line) > pitch
        if prev is None or gap or not _continues_row(rows[-1], cells, line, limits, pitch, m):
            fresh = {k: RawCell(edges[k], line.top, edges[k + 1], line.bottom) for k in range(len(columns))}
            rows.append(fresh)
            covered.append(set())
        for k, seg in cells.items():
            cell = rows[-1][k]
            reach = _last_column(seg, columns, k, min((c.x0 for j, c in cells.items() if j > k), default=None))
            if reach > k:
                cell.x1 = max(cell.x1, edges[reach + 1])
                covered[-1].update(range(k + 1, reach + 1))
            cell.lines.append(seg)
            cell.bottom = max(cell.bottom, seg.bottom)
        prev = line
    pitch = m.gap_limit(lines[0].size, cell=True)
    spaced = _rows_spaced_apart(rows, first_row, pitch, lines[0].size)
    _join_misaligned_rows(rows, covered, first_row, pitch, m, edges[1:-1], spaced)
    table_rows: list[list[RawCell | None]] = []
    for row, skip in zip(rows, covered):
        if skip:  # a row with a merged cell: the empty cells after it are part of it, unseen
            last = max(k for k, c in row.items() if c.lines or k == 0)
            skip.update(k for k in row if k > last)
            row[max(k for k in row if k <= last and k not in skip)].x1 = edges[-1]
        bottom = max(c.bottom for c in row.values())
        for c in row.values():
            c.bottom = bottom
        table_rows.append([row[k] for k in sorted(row) if k not in skip or row[k].lines])
    first = spanning[0] if spanning else lines[0]
    return RawTable(first.page, first.top, lines[-1].bottom, edges, table_rows, ruled=False)


def _join_misaligned_rows(
    rows: list[dict[int, RawCell]], covered: list[set[int]], first: int, pitch: float, m: Metrics,
    starts: list[float] = (), spaced: bool = False,
) -> None:
    """Join each row that cannot be one to the row above it, until all rows can be.

    The gap between two paragraphs of one cell looks just like the gap between two rows, but
    rows have a shape paragraphs need not have: every cell of a row starts at the row's top
    (Word aligns cells at the top), a row starts below all text of the row above, and not in
    the middle of a sentence. So a cell whose text starts lower than the others, text that
    starts beside the last line of the row above, a sentence that goes on from the line right
    above it (while the other columns start paragraphs after a cell's paragraph spacing), or a
    paragraph that surely wraps on from the line right above it (`_wraps_on`), is more
    paragraphs of the cells of the row above. Rows with cells merged
    across and the rows before `first` (written across the whole table) stay as they are.
    A row beside a cell merged down (`_beside_merged_down`) keeps its place; the merged cell's
    text in it goes to the row above.
    `starts`: where each column after the first starts (no text of the column before runs on
    beyond it); `spaced`: the table's rows are spaced apart (`_rows_spaced_apart`)."""
    split: list[tuple[dict[int, RawCell], list[int]]] = []  # rows kept beside a merged cell
    joined = True
    while joined:
        joined = False
        for r in range(len(rows) - 1, first, -1):
            if covered[r] or covered[r - 1] or _starts_a_row(rows[r], rows[r - 1], pitch, m, starts, spaced, rows[:r]):
                continue
            lasts = {k: c.lines[-1] for above in rows[:r] for k, c in above.items() if c.lines}
            running = _beside_merged_down(rows[r], rows[r - 1], lasts, pitch)
            if running:
                for k in running:
                    rows[r - 1][k].lines += rows[r][k].lines
                    rows[r - 1][k].bottom = max(rows[r - 1][k].bottom, rows[r][k].bottom)
                    rows[r][k].lines = []
                split.append((rows[r], running))
                continue
            for k, cell in rows[r].items():
                rows[r - 1][k].lines += cell.lines
                rows[r - 1][k].bottom = max(rows[r - 1][k].bottom, cell.bottom)
            del rows[r], covered[r]
            joined = True
    _note_split(m, [(row, running) for row, running in split if any(row is kept for kept in rows)])


def _note_split(m: Metrics, split: list[tuple[dict[int, RawCell], list[int]]]) -> None:
    """A note for each row kept beside a cell merged down (its merged columns `running`)."""
    for row, running in split:
        starting = [k for k, c in sorted(row.items()) if c.lines and k not in running]
        first = min((row[k].lines[0] for k in starting), key=lambda ln: ln.top)
        m.notes.append(Note("pdf.rows-beside-merged", "started a row where the text of column(s) "
                            f"{', '.join(str(k + 1) for k in starting)} starts at one height, each at its own distance "
                            f"below its text above, while column(s) {', '.join(str(k + 1) for k in running)} go on with "
                            "a sentence or run on beside it: a cell merged down over both rows",
                            Origin(page=first.page, top=round(first.top, 1))))


def _starts_a_row(
    row: dict[int, RawCell], above: dict[int, RawCell], pitch: float, m: Metrics, starts: list[float] = (),
    spaced: bool = False, earlier: list[dict[int, RawCell]] = (),
) -> bool:
    firsts = {k: c.lines[0] for k, c in row.items() if c.lines}
    if not firsts:
        return True
    top = min(ln.top for ln in firsts.values())
    if any(_starts_lower(ln, firsts.values(), top) for ln in firsts.values()):
        return False  # a cell starts lower than the others
    if any(ln.bottom > top + EDGE_SLACK for c in above.values() for ln in c.lines):
        return False  # it starts beside the row above
    if any(above[k].lines and _step(above[k].lines[-1], ln) <= pitch and _wraps_on(above[k], m)
           for k, ln in firsts.items() if k in above):
        return False  # a paragraph wraps on into it
    if any(above[k].lines and _step(above[k].lines[-1], ln) <= pitch and _at_item_text(above[k].lines, ln)
           for k, ln in firsts.items() if k in above):
        return False  # a list item goes on into it
    return not _mid_sentence(firsts, above, top, pitch, starts, spaced, earlier)


def _at_item_text(lines: list[Line], line: Line) -> bool:
    """Does `line`, with no list marker, start at the text indent of the list item the `lines`
    above it (a column of a row) end with, right of the marker (rule pdf.item-indent)? A
    cell's first line starts at its column's edge, where the column's markers stand, never at
    an item's text: such a line goes on with the item above, whatever it starts with."""
    if not on("pdf.item-indent") or marker_of(line):
        return False
    for above in reversed(lines):
        found = marker_of(above)
        if found:
            indent = above.visible[found[0]].x0
            return abs(line.x0 - indent) <= SAME_X and line.x0 > above.x0 + SAME_X
        if abs(above.x0 - line.x0) > SAME_X:
            return False  # a line of another indent before any marker: no item goes on here
    return False


def _beside_merged_down(
    row: dict[int, RawCell], above: dict[int, RawCell], lasts: dict[int, Line], pitch: float
) -> list[int]:
    """The columns of a cell merged down (Word's vMerge) that runs on beside a row that starts
    in the other columns, or [] where the evidence is not there.

    Without rulings, a row beside a merged cell is drawn only in the other columns: there,
    every column with text starts a new paragraph at the row's height, not going on with a
    sentence, after a pause longer than a line pitch; and the pauses differ from column to
    column (a column whose own text would have gone on sooner waited for the row's top, as
    two paragraphs of one cell would not), or a column starts that had no text in the table
    above it (on this page). The merged cell's text goes on a line pitch below its line above,
    mid-sentence, or its last line stands beside the row's first, or it starts a paragraph
    lower than the row's top, no further below its own line above than the columns that did
    not wait (it keeps its own rhythm). `lasts`: the last line of each column above the row
    (`above`, the row right above, may show only some)."""
    if not on("pdf.rows-beside-merged"):
        return []
    firsts = {k: c.lines[0] for k, c in row.items() if c.lines}
    running = [k for k, ln in firsts.items() if k in lasts and ln.top - lasts[k].top <= pitch
               and continues_sentence(ln.text)]
    top = min(firsts[k].top for k in firsts if k not in running) if len(firsts) > len(running) else None
    if top is None:
        return []
    # a column whose text starts lower than the others goes on in its own rhythm: a new paragraph
    # of the merged cell, as far below its line above as the columns that did not wait
    lower = [k for k in firsts if k not in running and firsts[k].top - top > ROW_START * firsts[k].size]
    starting = [k for k in firsts if k not in running and k not in lower]
    if len(starting) < 2:
        return []
    running += [k for k, c in above.items() if k not in firsts and any(ln.bottom > top + EDGE_SLACK for ln in c.lines)]
    if not running and not lower:
        return []
    if any(abs(firsts[k].top - top) > EDGE_SLACK or continues_sentence(firsts[k].text) for k in starting):
        return []
    if any(ln.bottom > top + EDGE_SLACK for k, c in above.items() if k not in running + lower for ln in c.lines):
        return []
    drops = [top - lasts[k].top for k in starting if k in lasts]
    if any(drop <= pitch for drop in drops):
        return []
    if any(k not in lasts or firsts[k].top - lasts[k].top > min(drops, default=0.0) + ROW_START * firsts[k].size
           for k in lower):
        return []
    waited = len(drops) < len(starting) or max(drops) - min(drops) > ROW_WAITED * pitch
    return running + lower if waited else []


def _starts_lower(line: Line, firsts, top: float) -> bool:
    """Does a cell's first line start lower than the row's highest one? Not when the two stood
    on one visual line (baselines within SAME_LINE): a label set a little higher than the text
    beside it (browsers do) starts the same row."""
    if line.top - top <= ROW_START * line.size:
        return False
    highest = [ln for ln in firsts if ln.top == top]
    return not any(abs(line.bottom - h.bottom) <= SAME_LINE * max(line.size, h.size) for h in highest)


def _mid_sentence(
    firsts: dict[int, Line], above: dict[int, RawCell], top: float, pitch: float, starts: list[float] = (),
    spaced: bool = False, earlier: list[dict[int, RawCell]] = (),
) -> bool:
    """Does a sentence go on here from the line right above it, while the other columns start
    new paragraphs after the spacing between paragraphs of a cell? A column whose text stopped
    for whole lines (or never started in the row above) starts a new label: a row after all.
    The sentence goes on when it starts in lower case, or whatever it starts with when another
    column shows that spacing: a row would start below it too. And whatever the other columns
    show, when it starts in lower case after a line its first word would have run past the next
    column's start on (`starts`): that line wrapped (`_wrapped_into`); or in a table whose rows
    are spaced apart (`spaced`), where a row never starts one line pitch below the row above.
    A column empty in the row above whose text is the next item of the numbered list it held
    in a row before (`earlier`, the rows above) did start there: its list goes on
    (pdf.list-goes-on), measured from its last line; so does one whose text is the next item
    of the list it held in the row above, after a pause of whole lines (the items' spacing)."""
    lasts = {k: above[k].lines[-1] for k in firsts if k in above and above[k].lines}
    listed = set()  # columns whose numbered list goes on: no pause of theirs is a label's
    for k in firsts:
        if k in lasts and _list_goes_on(firsts[k], k, [above]) is not None:
            listed.add(k)  # the next item of the list it held right above: the pause is the items' spacing
        if k not in lasts:
            last = _list_goes_on(firsts[k], k, earlier)
            if last is None:
                return False
            lasts[k] = last
            listed.add(k)
    drops = [top - lasts[k].top for k in firsts]
    close = [(drop, firsts[k]) for k, drop in zip(firsts, drops) if drop <= pitch]
    if not close:
        return False
    if any(drop <= pitch and _wrapped_into(lasts[k], firsts[k], k, starts) for k, drop in zip(firsts, drops)):
        return True
    if spaced and on("pdf.spaced-rows") and any(ln.visible[0].text[:1].islower() for _, ln in close):
        return True
    step = min(drop for drop, _ in close)
    empty = [drop > step + EDGE_SLACK and whole_lines(drop, step) and k not in listed for k, drop in zip(firsts, drops)]
    spaced = any(drop > step + EDGE_SLACK and not whole for drop, whole in zip(drops, empty))
    if not spaced and not any(continues_sentence(ln.text) for _, ln in close):
        return False
    return not any(empty)  # whole lines left empty in a column: a label after a pause


def _list_goes_on(line: Line, k: int, earlier: list[dict[int, RawCell]]) -> Line | None:
    """The last line of column k in the rows `earlier`, where `line` starts the next item of the
    numbered list the column held there ("2." after "1."), or of the bulleted list whose last
    item there starts with the same bullet, else None."""
    if not on("pdf.list-goes-on"):
        return None
    found = marker_of(line)
    if not (found and (found[1].group(3) or found[1].group(1))):
        return None
    lines = [ln for row in earlier if k in row for ln in row[k].lines]
    markers = [f[1] for f in map(marker_of, lines) if f and (f[1].group(3) or f[1].group(1))]
    if not lines or not markers:
        return None
    if found[1].group(1):  # a bullet: the column's last item has the same
        return lines[-1] if markers[-1].group(1) == found[1].group(1) else None
    return lines[-1] if markers[-1].group(3) and int(markers[-1].group(3)) + 1 == int(found[1].group(3)) else None


def _rows_spaced_apart(rows: list[dict[int, RawCell]], first: int, pitch: float, size: float) -> bool:
    """Are the table's rows spaced apart: do the rows that start below the row above in every
    column it shares with it (more than a line pitch down in each) all start more than a pitch
    and a paragraph's spacing below it? (Rows that one column goes on into say nothing yet.)"""
    drops = []
    for above, row in zip(rows[first:], rows[first + 1:]):
        shared = [k for k, c in row.items() if c.lines and k in above and above[k].lines]
        steps = [row[k].lines[0].top - above[k].lines[-1].top for k in shared]
        if steps and min(steps) > pitch:
            drops.append(min(steps))
    return bool(drops) and min(drops) > pitch + PARAGRAPH_SPACING * size


def _wrapped_into(last: Line, line: Line, k: int, starts: list[float]) -> bool:
    """Does `line` go on with the sentence of `last` (the line right above it in column k) for
    sure: it starts in lower case, and its first word would have run past where the next column
    starts had it stood on `last`? (The last column's width is known only from its own lines.)"""
    if not on("pdf.wrapped-in-column") or k >= len(starts) or not line.visible[0].text[:1].islower():
        return False
    return last.x1 + SPACE_WIDTH * line.size + line.first_word_width() > starts[k]


def _step(above: Line, below: Line) -> float:
    """How far a line stands below the one above it: top to top, or baseline to baseline where
    that is less. A label set larger beside a cell's first line (a level label in bold) raises
    that line's top, not the baseline its cell's text stands on."""
    return min(below.top - above.top, below.bottom - above.bottom)


def _column_limits(
    placed: list[tuple[Line, dict[int, Line]]], columns: list[float], edges: list[float]
) -> list[float]:
    """How far each column's text runs, as far as the table shows it: rather too short than too
    far, so the fit test says "it would have fitted" only when it surely would. Text that runs
    over later columns (a cell merged across) says nothing about its own column's width."""
    limits = []
    for k in range(len(columns)):
        ends = [
            c[k].x1 for _, c in placed
            if k in c and _last_column(c[k], columns, k, min((s.x0 for j, s in c.items() if j > k), default=None)) == k
        ]
        limits.append(max(ends, default=edges[k + 1]))
    return limits


def _continues_row(
    row: dict[int, RawCell], cells: dict[int, Line], line: Line, limits: list[float], pitch: float, m: Metrics
) -> bool:
    """Does a line go on with the current row of a borderless table?

    Yes when every column it has text in goes on from the line right above it in that column
    (one line pitch up: the column's cell has not ended), and the text continues there (a
    lower-case start, a first word that would not have fitted on the line above, or one more
    list item in a cell that holds a list, or a line above that ends in the space the PDF draws
    where a line wraps). A label in a column that was empty on the line above starts a row.
    """
    for k, seg in cells.items():
        cell = row.get(k)
        if cell is None or not cell.lines or _step(cell.lines[-1], line) > pitch:
            return False
        if not (continues_sentence(seg.text) or m.wrapped(cell.lines[-1]) or _goes_on(cell, seg, limits[k])):
            return False
    return True


def _wraps_on(cell: RawCell, m: Metrics) -> bool:
    """Does the cell's paragraph surely wrap on to the next line: its last line ends in the
    space the PDF draws where a line wraps? Then the row that `_continues_row` started there
    is no row, whatever the other columns start with: a row cannot start in the middle of a
    paragraph (they start new paragraphs of their cells: "Sentence jen " / "Acceptable" beside
    "doel:" / "Marie socks"). (A sentence going on in lower case is weaker evidence: a label
    after whole empty lines starts a row beside it, `_mid_sentence`.) So does a line set
    justified, its word gaps stretched evenly to the cell's widest line (`justified`): only a
    line that wraps is stretched so."""
    last = cell.lines[-1]
    return on("pdf.row-mid-paragraph") and (m.wrapped(last) or justified(last, max(ln.x1 for ln in cell.lines)))


def _goes_on(cell: RawCell, seg: Line, limit: float) -> bool:
    """Does a line that does not continue a sentence still go on with the cell's text right
    above it: one more item of a list, or a first word too wide for the line above?"""
    if marker_of(seg) and marker_of(cell.lines[0]):
        return True
    last = cell.lines[-1]
    space = SPACE_WIDTH * seg.size
    return last.x1 + space + seg.first_word_width() > limit + EDGE_SLACK  # else it ended on purpose
