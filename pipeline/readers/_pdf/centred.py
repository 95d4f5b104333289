"""Cells set in the middle of their rows, moved to the top of the row (rule pdf.centred-cells).

HTML printers (WeasyPrint, wkhtmltopdf) centre a table cell's content vertically by default: a
short cell (a level label, a one-line indicator) stands in the middle of the row beside a taller
cell, its lines between the lines of the cell beside it. Read by line order, labels and text
interleave, and the table's columns do not even show on one line.

The structure is in the geometry all the same: a row's cells share one vertical band, from the
top to the bottom of its tallest cell; a centred cell lies inside that band with its middle at
the band's middle. A cell merged down over several rows (a level label beside its indicators,
one row each) is centred on the band of all those rows, whose cells in its column are empty.

The rule finds, per column, blocks of lines (one line pitch apart, in the same column), and for
each block the band of the other columns' blocks beside it it is centred on: the widest run of
the bands of those blocks (blocks that overlap each other make one band; each within an empty
line's reach of the next) that holds nothing else in the block's column. The block then moves
up to the band's top, where a writer that aligns cells at the top would have put it, and the
rules for tables without rulings read the table as they read such writers' tables.

It acts only in a document that shows it centres cells (`centres_cells`): somewhere a block
stands in the middle of the block beside it, its first line half a line pitch from the other's
lines, its own column empty from above the other's top (a writer that aligns cells at the top
sets a row's first lines side by side); or a ruled cell's text stands in the middle of its box,
below the text of another cell of its row; or three cells or more side by side, each in its own
column, share their middle while their tops lie a line apart or more (`_common_middle`: a
table written across, a list of items per column, where the lists differ in length). Without
that evidence nothing moves.

Labels as wide as their column touch the next column's text where the writer pads no cell
(rule pdf.touching-cells, `_cut_touching_cells`): such a segment is cut where the next column
starts, before the moves.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .borderless import split_at_columns
from .geometry import reaches_bottom
from .metrics import Metrics
from .model import MARKER, Glyph, Line, PageLayout, marker_of
from .rules import on
from .tolerances import CENTRED_COLUMNS, CENTRED_LEAST, CENTRED_SLACK, COLUMN_START_GAP, COLUMN_TOLERANCE, EDGE_SLACK, ROW_REACH, ROW_START, SAME_LINE, SAME_SIZE, WORD_GAP


@dataclass
class _Block:
    """Segments of consecutive lines in one column, one line pitch apart: a cell's text."""

    segs: list[Line] = field(default_factory=list)
    parts: int = 1  # paragraphs (or list items) apart by their spacing

    @property
    def top(self) -> float:
        return self.segs[0].top

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segs)

    @property
    def x0(self) -> float:
        return min(s.x0 for s in self.segs)

    @property
    def x1(self) -> float:
        return max(s.x1 for s in self.segs)

    @property
    def size(self) -> float:
        return self.segs[0].size


def centres_cells(pages: list[PageLayout], skip: set[int], m: Metrics) -> bool:
    """Does the document show that it centres cells vertically? Somewhere a block's first line
    stands between the lines of a block beside it (`_interleaved`), or a ruled cell's text
    stands in the middle of its box, lower than the text of another cell of its row
    (`_centred_in_box`), or three blocks in columns of their own share one middle while their
    tops lie apart (`_common_middle`). Interleaved blocks are no evidence where the writer draws the space a
    line wraps at (`Metrics.drawn_spaces`): a word processor, whose cells hold paragraphs with
    spacing between them, so that a later paragraph of one column stands between the lines of
    another's (LibreOffice); an HTML printer draws no such space."""
    if not on("pdf.centred-cells"):
        return False
    interleaving = not m.drawn_spaces
    return any(
        (interleaving and _interleaved(_blocks(page, skip, m))) or _centred_in_box(page)
        or _common_middle(_blocks(page, skip, m, True), m)
        for page in pages
    )


def _common_middle(blocks: list[_Block], m: Metrics) -> bool:
    """Do three blocks or more, each in a column of its own (no two overlap across), have one
    middle (within CENTRED_SLACK) while their tops lie more than a line pitch apart? A writer
    that aligns cells at the top starts a row's cells at one height, and cells that start
    lower belong to later rows, which end lower too: only centring puts the middles of cells
    of different heights on one line, three times over."""
    for block in blocks:
        size, middle = block.size, (block.top + block.bottom) / 2
        group = [block]
        for other in blocks:
            if other is block or abs(other.size - size) > SAME_SIZE or any(_across(other, b) for b in group):
                continue
            if abs((other.top + other.bottom) / 2 - middle) <= CENTRED_SLACK * size:
                group.append(other)
        tops = [b.top for b in group]
        if len(group) >= CENTRED_COLUMNS and max(tops) - min(tops) > m.gap_limit(size, cell=True):
            return True
    return False


def _centred_in_box(page: PageLayout) -> bool:
    for table in page.tables:
        for row in table.rows:
            boxes = [(c, min(ln.top for ln in c.lines), max(ln.bottom for ln in c.lines)) for c in row if c and c.lines]
            if len(boxes) < 2:
                continue
            highest = min(top - c.top for c, top, _ in boxes)
            for c, top, bottom in boxes:
                size = c.lines[0].size
                middle = abs((top - c.top) - (c.bottom - bottom)) <= 2 * CENTRED_SLACK * size
                if middle and top - c.top > highest + CENTRED_LEAST * size:
                    return True
    return False


def top_align_centred_cells(
    pages: list[PageLayout], skip: set[int], m: Metrics, centred: bool, cut: list[tuple[int, float, str]] | None = None
) -> list[tuple[int, float, int]]:
    """Move cells set in the middle of their rows to the top of their rows, in place (lines in
    `skip`, by id, are left alone: running headers and footers), where the document `centred`
    its cells (`centres_cells`). Returns, per page where cells moved, (page, top of the first
    moved cell, how many moved). Cells that touch the text of the next column are cut first
    (`_cut_touching_cells`); where, goes to `cut` (page, top, the text of the cell cut off)."""
    if on("pdf.touching-cells"):
        for page in pages:
            found = _cut_touching_cells(page, skip, m, centred)
            if cut is not None:
                cut += found
    if not centred:
        return []
    moved = []
    for page in pages:
        count, first = 0, None
        for spaced in (True, False):  # cells of several paragraphs first, then of one
            blocks = _blocks(page, skip, m, spaced)
            # a cell of one paragraph beside cells of several (a label beside a list) is centred
            # on those cells whole: its line may stand level with a later item's first line
            whole = None if spaced else _blocks(page, skip, m, True)
            shifts = [
                (block, top) for block in blocks
                if (not spaced or block.parts > 1) and (top := _band_top(block, blocks, m, whole)) is not None
            ]
            if shifts:
                _move(page, shifts, skip)
                count += len(shifts)
                first = min([block.top for block, _ in shifts] + ([first] if first is not None else []))
        if count:
            moved.append((page.number, first, count))
    return moved


def _blocks(page: PageLayout, skip: set[int], m: Metrics, spaced: bool = False) -> list[_Block]:
    """The page's segments gathered into blocks: a segment goes on the latest block whose last
    segment it lies below, one line pitch away at most, overlapping it across, in its size.
    With `spaced`, a block goes on over the spacing between paragraphs or list items too (less
    than an empty line: a cell of several paragraphs), not from bold text to plain or back (a
    head row above its cells); `parts` counts its paragraphs.
    Segments are cut where a word starts at a column (an x where segments of two or more lines
    start) after a gap wider than a space: a label can end closer to the next column's text
    than a column gap."""
    lines = [ln for ln in page.lines if id(ln) not in skip]
    columns = _column_starts(lines)
    pieces = (p for ln in lines for s in ln.segments() for p in split_at_columns(s, columns))
    segs = sorted(pieces, key=lambda s: (s.top, s.x0))
    blocks: list[_Block] = []
    for seg in segs:
        home = None
        tight = m.gap_limit(seg.size, cell=True) + ROW_REACH * seg.size
        reach = 2 * m.gap_limit(seg.size, cell=True) + ROW_REACH * seg.size if spaced else tight
        for block in reversed(blocks):
            last = block.segs[-1]
            step = seg.top - last.top
            if step > reach:
                continue
            if step > SAME_LINE * seg.size and _across(last, seg) and abs(last.size - seg.size) <= SAME_SIZE:
                if step > tight and _bold(last) != _bold(seg):
                    break  # a bold row above the spacing (a table's head row) is no paragraph of the cell below
                home = block
                break
        if home is None:
            blocks.append(_Block([seg]))
        else:
            home.parts += seg.top - home.segs[-1].top > tight
            home.segs.append(seg)
    return blocks


def _bold(seg: Line) -> bool:
    return all(g.bold for g in seg.visible)


def _column_starts(lines: list[Line]) -> list[float]:
    """Where segments of two or more lines start."""
    starts: list[list[float]] = []  # [x, how many segments start there]
    for seg in (s for ln in lines for s in ln.segments()):
        spot = next((x for x in starts if abs(x[0] - seg.x0) <= COLUMN_TOLERANCE), None)
        if spot is None:
            starts.append([seg.x0, 1])
        else:
            spot[1] += 1
    return sorted(x for x, count in starts if count >= 2)


def _cut_touching_cells(page: PageLayout, skip: set[int], m: Metrics, centred: bool) -> list[tuple[int, float, str]]:
    """In a document that centres cells (an HTML printer's, which pads no cell of a table
    without borders), a label as wide as its column touches the text of the next: the line
    shows one segment across both. It is cut before a glyph that touches the one before it (no
    space between them; in a document that centres cells also a gap the reader filled, narrower
    than a column's start gap: split_at_columns cuts at wider ones), in a segment that
    starts at a column start (an x where segments of two or more lines start), where
    - the glyph starts at a column start too and a line one line pitch above or below has a
      segment starting right there (the cell's text goes on there), or
    - a lower-case letter meets a capital or a digit (two words without a space) and a line of
      the same table has a segment starting right there (a matrix's values, one line each);
      this in any document, for a matrix shows no centred cell.
    The glyph is marked as a cell's first (`Glyph.cell_start`). Returns (page, top, text cut
    off) for each cut."""
    lines = [ln for ln in page.lines if id(ln) not in skip]
    columns = _column_starts(lines)
    done: list[tuple[int, float, str]] = []
    for n, ln in enumerate(page.lines):
        if id(ln) in skip:
            continue
        cuts: set[int] = set()
        for seg in ln.segments():
            if not any(abs(seg.x0 - c) <= COLUMN_TOLERANCE for c in columns):
                continue
            glyphs = seg.glyphs
            for k in range(1, len(glyphs)):
                g = glyphs[k]
                if g.blank or g.x0 < seg.x0 + COLUMN_TOLERANCE:
                    continue
                # the glyph before it, right before it (they touch), or after a gap the reader
                # filled (no space drawn) narrower than a column's start gap, in a document
                # that centres cells
                j = k - 1 if not glyphs[k - 1].blank else k - 2
                before = glyphs[j] if j >= 0 else None
                if before is None:
                    continue
                filled = j == k - 2 and glyphs[k - 1].inserted and g.x0 - before.x1 < COLUMN_START_GAP * g.size
                if before.blank or before.text in "-–/" or not (j == k - 1 or (centred and filled)):
                    continue
                # "gereedschappenBasis", "imaging2": two words, no space
                capital = before.text.islower() and (g.text.isupper() or g.text.isdigit())
                if not capital and not (centred and any(abs(g.x0 - c) <= EDGE_SLACK for c in columns)):
                    continue
                if MARKER.match("".join(v.text for v in glyphs[:k]).strip()):
                    continue  # a list item's text at its indent after the marker
                near = _same_table(lines, ln, m) if capital else [o for o in lines if o is not ln]
                if any(_goes_on_at(other, ln, g.x0, m, capital) for other in near):
                    cuts.add(id(g))
        if cuts:
            page.lines[n] = ln._with([replace(g, cell_start=True) if id(g) in cuts else g for g in ln.glyphs])
            done += [(page.number, ln.top, s.text) for s in page.lines[n].segments() if s.visible[0].cell_start]
    return done


def _same_table(lines: list[Line], line: Line, m: Metrics) -> list[Line]:
    """The other lines above and below `line` as far as each is a row's reach from the next
    (an empty line's gap ends a table), in its size."""
    k = next(i for i, ln in enumerate(lines) if ln is line)
    reach = 2 * m.gap_limit(line.size, cell=True) + ROW_REACH * line.size
    found = []
    for step in (-1, 1):
        j = k
        while 0 <= j + step < len(lines):
            a, b = lines[j], lines[j + step]
            if abs(a.bottom - b.bottom) > reach or abs(b.size - line.size) > SAME_SIZE:
                break
            found.append(b)
            j += step
    return found


def _goes_on_at(other: Line, line: Line, x: float, m: Metrics, row: bool = False) -> bool:
    """Is `other` one line pitch above or below `line` (baseline to baseline) with a segment
    that starts at x (also where a word starts there after a gap wider than a space)? With
    `row`, any line of the same table will do (`_same_table`)."""
    step = abs(other.bottom - line.bottom)
    if not row and not SAME_LINE * line.size < step <= m.gap_limit(line.size, cell=True):
        return False
    return any(abs(p.x0 - x) <= EDGE_SLACK for s in other.segments() for p in split_at_columns(s, [x]))


def _across(a, b) -> bool:
    """Do two boxes overlap across (share some x)?"""
    return a.x0 < b.x1 and b.x0 < a.x1


def _interleaved(blocks: list[_Block]) -> bool:
    """Does a block stand in the middle of a block beside it, its first line half a line pitch
    from the nearest of the other's lines (between two of them), with nothing in its own column
    from above the other block's top down to it? Only a writer that centres cells sets the
    first line of a cell there (a later paragraph of a cell may stand anywhere beside
    another's, a first line a little lower where the cells' spacing differs)."""
    for block in blocks:
        first = block.segs[0]
        column = [b for b in blocks if b is not block and _across(b, block) and b.top < block.top]
        for other in blocks:
            if other is block or _across(block, other) or len(other.segs) < 2:
                continue
            if not other.top + ROW_START * first.size < first.top < other.segs[-1].top:
                continue
            if any(b.bottom > other.top - EDGE_SLACK for b in column):
                continue  # its column has text beside the other block's start: a cell's later paragraph
            # half a line from the nearest of its lines at least (a centred cell that has a
            # line less than the one beside it stands half a line pitch off)
            pitch = (other.segs[-1].top - other.top) / (len(other.segs) - 1)
            apart = min(abs(first.top - s.top) for s in other.segs) >= pitch / 2 - ROW_START * first.size
            middle = abs((block.top + block.bottom) / 2 - (other.top + other.bottom) / 2) <= CENTRED_SLACK * first.size
            if apart and middle:
                return True
    return False


def _band_top(block: _Block, blocks: list[_Block], m: Metrics, whole: list[_Block] | None = None) -> float | None:
    """The top of the band the block is centred on, when that is above the block's own top:
    the widest run of bands of the blocks beside it, with nothing else in the block's column,
    whose middle is the block's middle. Where a band beside starts at the block's top (a
    row's cell, or a label that happens to stand level with an item of a list beside it),
    the cells of several paragraphs `whole` (blocks over paragraph spacing) are asked instead,
    when the block is one of them as it is: a list (each paragraph starts with a marker; a
    column of one-line names spaced apart is a matrix's rows) whose middle is the block's,
    with nothing else in its column, is the row the block is centred on."""
    top = _band_top_among(block, blocks, m)
    if top is not None or whole is None or not on("pdf.centred-cells"):
        return top
    same = next((w for w in whole if w.segs == block.segs), None)
    if same is None:
        return None
    lists = [w for w in whole if w is not same and w.parts > 1 and sum(1 for x in w.segs if marker_of(x)) == w.parts]
    return _band_top_among(same, [same] + lists + [w for w in whole if _across(w, same) and w is not same], m)


def _band_top_among(block: _Block, blocks: list[_Block], m: Metrics) -> float | None:
    size = block.size
    beside = sorted(
        (b for b in blocks if not _across(b, block) and abs(b.size - size) <= SAME_SIZE), key=lambda b: b.top
    )
    bands: list[list[float]] = []  # [top, bottom, top of its last line]
    for b in beside:
        if bands and b.top < bands[-1][1] - EDGE_SLACK:
            bands[-1][1] = max(bands[-1][1], b.bottom)
            bands[-1][2] = max(bands[-1][2], b.segs[-1].top)
        else:
            bands.append([b.top, b.bottom, b.segs[-1].top])
    column = [b for b in blocks if b is not block and _across(b, block)]
    reach = 2 * m.gap_limit(size, cell=True) + ROW_REACH * size  # an empty line or more ends a table
    middle = (block.top + block.bottom) / 2
    if any(abs(band[0] - block.top) <= ROW_START * size for band in bands):
        return None  # it starts where a row beside it starts: that row's cell (a matrix's value)
    best: tuple[int, float] | None = None
    for a in range(len(bands)):
        if bands[a][0] > block.top - CENTRED_LEAST * size:
            break
        for b in range(a, len(bands)):
            if b > a and bands[b][0] - bands[b - 1][2] > reach:
                break
            top, bottom = bands[a][0], max(band[1] for band in bands[a : b + 1])
            if any(o.top < bottom - EDGE_SLACK and o.bottom > top + EDGE_SLACK for o in column):
                break  # another cell of the block's column, or text across the table
            if bottom < block.bottom - EDGE_SLACK:
                continue
            # a row cut by the page break ends lower than its text: by a line that did not fit
            low = bottom + m.gap_limit(size, cell=True) if reaches_bottom(bottom, size, m.cell_pitch, m.text_bottom) else bottom
            slack = CENTRED_SLACK * size
            if (top + bottom) / 2 - slack <= middle <= (top + low) / 2 + slack and (best is None or b - a > best[0]):
                best = (b - a, top)
    return None if best is None else best[1]


def _move(page: PageLayout, shifts: list[tuple[_Block, float]], skip: set[int]) -> None:
    """Move each block's glyphs up to its band's top and set them on the line they then stand
    on (the line whose baseline is theirs), or on a line of their own."""
    moving: dict[int, float] = {}  # id of a glyph -> how far it moves down (negative: up)
    for block, top in shifts:
        for seg in block.segs:
            for g in seg.glyphs:
                moving[id(g)] = top - block.top
    kept: list[Line] = []
    moved: list[tuple[Line, bool]] = []  # the moved cells' lines, and what stays of the lines they left
    for ln in page.lines:
        if id(ln) in skip or not any(id(g) in moving for g in ln.glyphs):
            kept.append(ln)
            continue
        stay = _trim([g for g in ln.glyphs if id(g) not in moving])
        if any(not g.blank for g in stay):  # on its baseline it may now make one line with another
            moved.append((ln._with(stay), False))
        for shift in dict.fromkeys(moving[id(g)] for g in ln.glyphs if id(g) in moving):  # one line per move
            go = [g for g in ln.glyphs if moving.get(id(g)) == shift and not (g.blank and g.inserted)]
            glyphs = [replace(g, top=_or(g.top, ln.top) + shift, bottom=_or(g.bottom, ln.bottom) + shift) for g in go]
            cell = (ln._with(_trim(glyphs)) if all(g.top is not None for g in go)
                    else Line(ln.page, ln.top + shift, ln.bottom + shift, _trim(glyphs)))
            moved.append((cell, True))
    for ln, cell in moved:
        target = next(
            (k for k, t in enumerate(kept) if id(t) not in skip and abs(t.bottom - ln.bottom) <= SAME_LINE * max(t.size, ln.size)
             and not any(_across(s, ln) for s in t.segments())),
            None,
        )
        if target is None:
            kept.append(ln)
        else:
            kept[target] = _joined(kept[target], ln, cell)
    page.lines[:] = sorted(kept, key=lambda ln: (round(ln.bottom, 1), ln.x0))


def _or(value: float | None, default: float) -> float:
    return default if value is None else value


def _trim(glyphs: list[Glyph]) -> list[Glyph]:
    """Without the reader's own spaces at either end (it adds them for gaps between glyphs)."""
    start, end = 0, len(glyphs)
    while start < end and glyphs[start].blank and glyphs[start].inserted:
        start += 1
    while end > start and glyphs[end - 1].blank and glyphs[end - 1].inserted:
        end -= 1
    return glyphs[start:end]


def _joined(a: Line, b: Line, cell: bool) -> Line:
    """One line of the segments of two lines side by side, in order across, with the reader's
    space in each gap between them; with `cell` (b is a moved cell), each segment after the
    first starts a segment however narrow the gap before it."""
    glyphs: list[Glyph] = []
    for seg in sorted(a.segments() + b.segments(), key=lambda s: s.x0):
        first = seg.visible[0]
        if glyphs and first.x0 - glyphs[-1].x1 > WORD_GAP * first.size:
            glyphs.append(Glyph(" ", glyphs[-1].x1, first.x0, first.size, inserted=True))
        own = list(seg.glyphs)
        if glyphs and cell:  # a segment of its own even where no gap shows it (a label that fills its column)
            k = own.index(first)
            own[k] = replace(first, cell_start=True)
        glyphs += own
    return Line(a.page, min(a.top, b.top), max(a.bottom, b.bottom), glyphs)
