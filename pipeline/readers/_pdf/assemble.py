"""The document: pages of lines and tables into one block stream, tables stitched over pages."""
from __future__ import annotations

from dataclasses import dataclass

from ...errors import ReadError
from ...blocks import Block, Cell, Note, Origin, PageBreak, PageHeader, Paragraph, Row, Span, Table
from .borderless import find_borderless_tables
from .centred import centres_cells, top_align_centred_cells
from .geometry import next_word_fits, reaches_bottom
from .tolerances import EDGE_SLACK, PARAGRAPH_SPACING, RULING_SNAP, SAME_LINE, SAME_SIZE, SAME_X
from .lexicon import Lexicon, cell_column
from .markers import join_lone_markers, lone_marker
from .metrics import Metrics, marks_paragraph_ends, measure
from .model import (
    COLUMN_GAP, COLUMN_TOLERANCE, MARKER, OUTER_MARGIN, Line, PageLayout, RawCell, RawTable, continues_sentence,
    ends_sentence,
    inside, line_numbers, marker_of, whole_lines,
)
from .paragraphs import ParaLines, group_paragraphs, joint, justified, make_paragraph
from .partial import widen_partial_rests
from .rules import on
from .running import find_running_lines, lowest_headers


def make_table(raw: RawTable, m: Metrics, before: RawTable | None = None) -> Table:
    """The table of a part found on one page; `before`: the part on the page before that this
    one goes on with, when it starts the page (its rows' spacing counts too)."""
    rows = []
    cells = [c for row in raw.rows for c in row if c is not None]
    numbers = m.line_numbers | line_numbers([ln for c in cells for ln in c.lines])
    padding = raw.padding(m.cell_padding)
    # where no cell of the document shows paragraphs without spacing, take them as spaced
    spaced = (not raw.ruled and _rows_spaced(raw, m, before)) or (raw.ruled and not m.tight_cells and on("pdf.tight-cells"))
    for row in raw.rows:
        tops = [c.lines[0].top for c in row if c is not None and c.lines]
        row_top = min(tops) if tops else min(c.top for c in row if c is not None)
        cells = [_make_cell(c, raw, row_top, m, numbers, padding, spaced) for c in row]
        rows.append(Row(tuple(cells), origin=Origin(page=raw.page, top=round(row_top, 1))))
    return Table(tuple(rows), origin=rows[0].origin if rows else Origin(page=raw.page))


def _make_cell(
    cell: RawCell | None, raw: RawTable, row_top: float, m: Metrics, numbers: set[int], padding: float,
    spaced: bool,
) -> Cell:
    if cell is None or not cell.lines:
        top = cell.top if cell is not None else row_top
        return Cell((), origin=Origin(page=raw.page, top=round(top, 1)))
    if raw.ruled:  # text runs up to the cell's right edge less the padding it has on the left
        right = cell.x1 - padding
    else:  # no edge to see: as far as the column's widest text goes
        right = raw.widest(cell)
    paras = group_paragraphs(cell.lines, m, right, cell=True, numbers=numbers, spaced=spaced)
    paragraphs = tuple(make_paragraph(p, m, body=False, right_edge=right) for p in paras)
    return Cell(paragraphs, origin=paragraphs[0].origin)


def _rows_spaced(raw: RawTable, m: Metrics, before: RawTable | None = None) -> bool:
    """Are the rows of a table without rulings spaced like paragraphs with spacing after them
    (rows start more than a line pitch, and not whole lines, below the row above)? Then its
    cells' paragraphs are taken to be spaced too: a line one pitch below another goes on with
    it. Not when a row starts one line pitch below the row above, or a cell shows a paragraph
    that surely ended (the next line's first word would have fitted) one pitch above the next:
    there paragraphs follow each other without spacing. The steps of the part on the page
    before (`before`: this part starts the page and goes on with it) count too
    (`pdf.spaced-across-page`): a part of a row or two at a page's top shows too few."""
    own = _row_steps(raw, m)
    if own is None:
        return False
    spaced, empty = own
    earlier = _row_steps(before, m) if before is not None and on("pdf.spaced-across-page") else None
    if earlier is not None:
        spaced, empty = spaced + earlier[0], empty + earlier[1]
    return spaced >= 2 and spaced > empty


def _row_steps(raw: RawTable, m: Metrics) -> tuple[int, int] | None:
    """How many row steps of a table without rulings are spaced like paragraphs, and how many
    are whole empty lines; None where it shows paragraphs without spacing (see `_rows_spaced`)."""
    for cell in (c for row in raw.rows for c in row if c is not None and len(c.lines) > 1):
        right = raw.widest(cell)
        for a, b in zip(cell.lines, cell.lines[1:]):
            close = b.top - a.top <= m.gap_limit(b.size, cell=True)
            if close and next_word_fits(a, b, right):
                return None
    spaced = empty = 0
    for above, row in zip(raw.rows, raw.rows[1:]):
        lasts = [c.lines[-1] for c in above if c is not None and c.lines]
        firsts = [c.lines[0] for c in row if c is not None and c.lines]
        if not lasts or not firsts:
            continue
        size = firsts[0].size
        step = m.cell_pitch * size
        gap = min(ln.top for ln in firsts) - max(ln.top for ln in lasts)
        if gap <= step + PARAGRAPH_SPACING * size:
            return None
        if whole_lines(gap, step):
            empty += 1
        else:
            spaced += 1
    return spaced, empty


# ---------------------------------------------------------------------------------------------
# The document


@dataclass
class _Placed:
    """A content block on its page, with what stitching needs to know about it."""

    block: Block
    raw: RawTable | None = None
    para: ParaLines | None = None


def _columns_sized_by_content(pages: list[PageLayout], borderless: dict) -> tuple[int, float] | None:
    """Where a table sets its inner column edges apart from those of an earlier table with as
    many columns, its place (page, top); else None. A word processor gives a document's tables
    of one shape the widths their author set, the same in each; a browser sizes each table's
    columns by the text they hold, so no two tables agree. Apart: by more than EDGE_SLACK
    between two ruled tables (rulings are drawn where the widths put them), by more than
    COLUMN_TOLERANCE where one has none (its columns are where its text starts)."""
    tables = [t for page in pages for t in page.tables]
    tables += [raw for found in borderless.values() for _, _, raw in found]
    seen: dict[int, list[tuple[list[float], bool]]] = {}
    for table in sorted(tables, key=lambda t: (t.page, t.top)):
        inner = table.columns[1:-1]
        if not inner:
            continue
        for other, ruled in seen.get(len(inner), []):
            slack = EDGE_SLACK if ruled and table.ruled else COLUMN_TOLERANCE
            if any(abs(a - b) > slack for a, b in zip(inner, other)):
                return table.page, table.top
        seen.setdefault(len(inner), []).append((inner, table.ruled))
    return None


def _no_items_side_by_side(lines: list[Line]) -> None:
    """Refuse lines outside any table that hold a bulleted list item after a column gap,
    beside other text: columns of lists side by side, a table the rules could not make out
    (its cells would be read as one paragraph)."""
    for line in lines:
        later = line.segments()[1:]
        if any((found := marker_of(seg)) and found[1].group(1) for seg in later):
            raise ReadError(f"page {line.page}: a line outside any table holds list items side by side "
                            f"('{line.text[:60]}'): a table whose columns could not be made out; it cannot be read "
                            "exactly")


def _marker_above_text(pages: list[PageLayout], m: Metrics) -> tuple[int, float] | None:
    """The place (page, top) of a bullet alone on its line (in its column) with a line one line
    pitch below starting where it stands (rule pdf.marker-above-text), else None. A word
    processor sets a list item's first line beside its marker, whatever its length; an HTML
    printer floats the marker and sets a first word too wide beside it on the line below."""
    for page in pages:
        groups = [page.lines] + [c.lines for t in page.tables for row in t.rows for c in row if c is not None]
        for lines in groups:
            segs = [s for ln in lines for s in ln.segments()]
            for seg in segs:
                match = MARKER.match(seg.text.strip())
                if not (match and match.group(1)):
                    continue
                if any(abs(o.x0 - seg.x0) <= SAME_X and SAME_LINE * seg.size < o.top - seg.top <= m.gap_limit(seg.size, True)
                       and not MARKER.match(o.text.strip()) for o in segs):
                    return page.number, seg.top
    return None


def _column_as_wide_as_a_word(pages: list[PageLayout], m: Metrics) -> tuple[int, float] | None:
    """Where a ruled cell's line of one word, which wrapped, ends at the cell's text edge (its
    edge less its padding, within EDGE_SLACK), its place (page, top); else None. A browser
    makes a column at least as wide as its widest word: a word forced the column's width, and
    fills it exactly. A word processor keeps the width its author set and cuts a word wider than
    it where not one more letter fits, short of the edge by as much as a letter's width. A
    document that justifies its cells' lines (any wrapped line stretched to the edge) shows
    nothing so: its lines reach the edge anyway (LibreOffice, justified)."""
    found = None
    for table in (t for page in pages for t in page.tables if t.ruled):
        padding = table.padding(m.cell_padding)
        for cell in (c for row in table.rows for c in row if c is not None):
            for line in cell.lines[:-1]:
                if justified(line, cell.x1 - padding):
                    return None
                if found is None and _one_word(line) and abs(cell.x1 - padding - line.x1) <= EDGE_SLACK:
                    found = line.page, line.top
    return found


def _one_word(line: Line) -> bool:
    """Is the line one word (no blank between its first and last visible glyph)?"""
    vis = line.visible
    if not vis:
        return False
    first, last = line.glyphs.index(vis[0]), line.glyphs.index(vis[-1])
    return not any(g.blank for g in line.glyphs[first:last])


class Assembler:
    """Turns the laid-out pages into one block stream, stitching tables across page breaks."""

    def __init__(self, pages: list[PageLayout]):
        self.pages = pages
        widened = widen_partial_rests(pages)
        lone: list[Line] = []
        self.running = find_running_lines(pages, lone) if on("pdf.running-lines") else {}
        heads = self._table_heads() if self.running and on("pdf.table-head-lines") else []
        if heads:
            lone = []
            self.running = find_running_lines(pages, lone, frozenset(id(ln) for ln in heads))
        self.m = measure(pages, set(self.running))
        self.before_centred = [list(page.lines) for page in pages]  # kept alive: ids of lines stay unique
        touching: list[tuple[int, float, str]] = []
        skip = set(self.running) | {id(ln) for ln in heads}
        evidence = centres_cells(pages, skip, self.m)
        centred = top_align_centred_cells(pages, skip, self.m, evidence, touching)
        if centred:  # the line pitch is measured again on the lines as they now stand
            self.m = measure(pages, set(self.running))
        # an HTML printer's cells; a writer that draws the space a line wraps at is a word
        # processor, which does cut a word wider than its column (a label: "INTERMEDIA" / "TE")
        self.m.whole_words = evidence and not self.m.drawn_spaces
        if self.m.whole_words:  # a box wider than the width its lines were set in says
            self.m.tight_cells = False  # nothing of paragraphs without spacing (one <p> after another is spaced)
        self.notes: list[Note] = self.m.notes  # the judgements made on weak evidence, where
        self.notes += [note for page in pages for note in page.notes]
        for number, top, text in touching:
            self.note("pdf.touching-cells", f"cut '{text}' from the text before it: it starts where a column of the "
                      "table starts, right after it, with no space between", number, top)
        for number, top, count in centred:
            self.note("pdf.centred-cells", f"took {count} cell(s) set in the middle of their rows, beside taller "
                      "cells, as starting at their rows' top (the document centres cells vertically)", number, top)
        for ln in lone:
            self.note("pdf.running-lines", f"took '{ln.text}' for a page {'footer' if self.running[id(ln)] else 'header'}: "
                      "it stands alone in the page's margin, though no other page repeats it", ln.page, ln.top)
        for number, top in widened:
            self.note("pdf.partial-rest", "took boxes in some columns only at the top of the page as the rest of "
                      "the table on the page before, its other columns empty", number, top)
        self.borderless, self.dropped = self._find_borderless(self.running, self.m)
        if not self.m.marked_ends:  # the cells of tables without rulings show it as well
            self.m.marked_ends = marks_paragraph_ends([
                (a, b, _text_right(cell, raw, self.m)) for found in self.borderless.values() for _, _, raw in found
                for row in raw.rows for cell in row if cell is not None for a, b in zip(cell.lines, cell.lines[1:])
            ], self.m)
        if not self.m.whole_words and not self.m.drawn_spaces and on("pdf.sized-columns"):
            sized = _columns_sized_by_content(pages, self.borderless)
            fitted = _column_as_wide_as_a_word(pages, self.m) if sized is None else None
            if sized is not None or fitted is not None:
                self.m.whole_words = True
                why = ("this table's columns stand apart from those of an earlier table with as many columns"
                       if sized is not None else "a word that wrapped fills its cell's line exactly, up to the "
                       "cell's edge less its padding (a column as wide as its widest word)")
                self.note("pdf.sized-columns", "took the document for one whose tables size each column by its text, "
                          f"as HTML printers do, which never cut a word at a column's edge: {why}, and no line wraps "
                          "after a space drawn", *(sized or fitted))
        if not self.m.whole_words and not self.m.drawn_spaces and on("pdf.marker-above-text"):
            floated = _marker_above_text(pages, self.m)
            if floated is not None:
                self.m.whole_words = True
                self.note("pdf.marker-above-text", "took the document for an HTML printer's, which never cuts a word at "
                          "a column's edge: a list bullet stands alone on its line with its item's text starting "
                          "below it (a floated marker; a word processor sets an item's text beside its marker)", *floated)
        for page, body in zip(pages, self._bodies(self.running)):
            repeated = [ln for ln in body if id(ln) in self.dropped]
            if repeated:
                self.note("pdf.repeated-header", f"dropped {len(repeated)} line(s) at the top of the page that repeat "
                          "the first row of the table without rulings before (a header row repeated on each page)",
                          page.number, repeated[0].top)
        for ln in (ln for ln in heads if id(ln) not in self.dropped):
            self.note("pdf.table-head-lines", f"took '{ln.text}', repeated at the top of pages, for the first row of "
                      "the table without rulings it stands on, not for a running header", ln.page, ln.top)
        if on("pdf.table-words"):
            self.m.lexicon = Lexicon.of(_body_outside_tables(pages, self._bodies(self.running, self.dropped), self.borderless)
                                        + self.m.cell_columns, self.m.wrap_space)
        # the cells of tables without rulings, with the words the rest of the document shows known
        # ("Proficiency" / "level 1" in a column as wide as its widest word is no cut word when
        # the body shows "level")
        self.m.lexicon = self.m.lexicon | Lexicon.of(
            _borderless_columns(self.borderless.values()), self.m.wrap_space, self.m.lexicon.words)
        self.blocks: list[Block] = []
        self.last_table: tuple[int, RawTable] | None = None  # index in blocks, raw of last part
        self.last_para: tuple[int, ParaLines] | None = None  # the same for a paragraph
        self.tail: list[tuple[int, ParaLines]] = []  # the body paragraphs that end the page so far
        self.stitching: Table | None = None  # the table a part is being stitched to

    def _table_heads(self) -> list[Line]:
        """Lines taken for running headers that are the first row of a table without rulings,
        repeated at the top of each page it goes on to (where a header would stand): the lowest
        header line of a page, below the page's outer margin, when with such lines taken for
        content a table starts at it and the next page repeats it, or it repeats the first row
        of the table that ended the page before. Where it is repeated, it is dropped again
        (`_repeated_first_row`)."""
        heights = {page.number: page.height for page in self.pages}
        candidates = [ln for ln in lowest_headers(self.pages, self.running) if ln.top > OUTER_MARGIN * heights[ln.page]]
        if not candidates or not on("pdf.borderless-tables"):
            return []
        ids = {id(ln) for ln in candidates}
        running = {k: v for k, v in self.running.items() if k not in ids}
        _, dropped = self._find_borderless(running, measure(self.pages, set(running)))
        repeated = {id(first) for first in dropped.values()} | set(dropped)
        return [ln for ln in candidates if id(ln) in repeated]

    def _bodies(self, running: dict[int, bool], dropped: dict[int, Line] | None = None):
        """Each page's content lines: not running headers or footers, nor a table's first row
        repeated at the top of the page (`dropped`)."""
        for page in self.pages:
            yield [ln for ln in page.lines if id(ln) not in running and id(ln) not in (dropped or {})]

    def _find_borderless(
        self, running: dict[int, bool], m: Metrics
    ) -> tuple[dict[int, list[tuple[int, int, RawTable]]], dict[int, Line]]:
        """Tables without rulings on each page, found before any paragraph is made: their cells
        tell the lexicon which words they show whole (their lines run over several columns).
        Also the lines that repeat a table's first row at the top of the page it goes on to
        (`_repeated_first_row`), which are no content: id -> the first line of that row."""
        found: dict[int, list[tuple[int, int, RawTable]]] = {}
        dropped: dict[int, Line] = {}
        known: list[list[float]] = []  # column starts of borderless tables so far
        above: Line | None = None  # the last line of the page before, when a borderless table ended it
        first_row: list[Line] = []  # the lines of that table's first row
        for page in self.pages:
            body = [ln for ln in page.lines if id(ln) not in running]
            repeat = _repeated_first_row(first_row, body) if above is not None and on("pdf.repeated-header") else []
            dropped.update((id(ln), first_row[0]) for ln in repeat)
            body = body[len(repeat):]
            found[page.number] = find_borderless_tables(body, m, known, above) if on("pdf.borderless-tables") else []
            known += [raw.columns[:-1] for _, _, raw in found[page.number]]
            runs = found[page.number]
            ends_in_run = bool(runs) and runs[-1][1] == len(body)
            ruled_below = body and any(t.top > body[-1].bottom for t in page.tables)
            above = body[-1] if ends_in_run and not ruled_below else None
            if above is not None and not (repeat and len(runs) == 1):  # (else the same table goes on)
                first_row = _first_row_lines(body, *runs[-1])
        return found, dropped

    def run(self) -> list[Block | Note]:
        for page in self.pages:
            self._page(page)
        blocks = join_lone_markers(self.blocks, self.notes)
        return blocks + list(dict.fromkeys(self.notes))  # a part may be made twice: each note once

    def note(self, rule: str, message: str, page: int, top: float | None = None) -> None:
        self.notes.append(Note(rule, message, Origin(page=page, top=None if top is None else round(top, 1))))

    def _page(self, page: PageLayout) -> None:
        if page.number > 1:
            self.blocks.append(PageBreak(page=page.number, origin=Origin(page=page.number)))
        heads = [ln for ln in page.lines if id(ln) in self.running]
        body = [ln for ln in page.lines if id(ln) not in self.running and id(ln) not in self.dropped]
        for ln in heads:
            if not self.running[id(ln)]:
                self.blocks.append(self._running(ln, footer=False))
        for index, placed in enumerate(self._content(page, body)):
            if index == 0 and placed.raw is not None:
                repeated = self._repeated_head(placed)
                if repeated is not None:
                    if repeated.block.rows:  # (a part that is only the header adds nothing)
                        self._stitch(repeated)
                    self.tail = []
                    continue
            if index == 0 and placed.raw is not None and self._continues(placed.raw):
                self._stitch(placed)
                self.tail = []
                continue
            head = self._head_on_previous_page(placed.raw) if index == 0 and placed.raw is not None else []
            if index == 0 and placed.raw is not None and not head:
                self._note_apart(placed)
            if head:
                self._prepend_head(head, placed)
                continue
            if index == 0 and placed.para is not None and self._paragraph_continues(placed.para):
                self._join_paragraph(placed.para)
                self.tail = []
                continue
            column = self._cell_goes_on(placed.para) if index == 0 and placed.para is not None else None
            if column is not None:
                self._join_cell(placed.para, column)
                continue
            self.blocks.append(placed.block)
            at = len(self.blocks) - 1
            self.last_table = (at, placed.raw) if placed.raw is not None else None
            self.last_para = (at, placed.para) if placed.para is not None else None
            self.tail = self.tail + [(at, placed.para)] if placed.para is not None else []
        if self.last_table is not None and self.last_table[1].page != page.number:
            self.last_table = None
        if self.last_para is not None and self.last_para[1].lines[-1].page != page.number:
            self.last_para = None
            self.tail = []
        for ln in heads:
            if self.running[id(ln)]:
                self.blocks.append(self._running(ln, footer=True))

    @staticmethod
    def _running(line: Line, footer: bool) -> PageHeader:
        return PageHeader(line.text, footer=footer, origin=Origin(page=line.page, top=round(line.top, 1)))

    def _content(self, page: PageLayout, body: list[Line]) -> list[_Placed]:
        placed: list[tuple[float, _Placed]] = []
        for raw in page.tables:
            placed.append((raw.top, _Placed(make_table(raw, self.m), raw)))
        free: list[Line] = []
        i = 0
        for start, end, raw in self.borderless[page.number]:
            free += body[i:start]
            before = self._part_before(raw, page) if start == 0 else None
            placed.append((raw.top, _Placed(make_table(raw, self.m, before), raw)))
            i = end
        free += body[i:]
        _no_items_side_by_side(free)
        # paragraphs never run across a table: split the free lines at each table's top
        tops = sorted(top for top, _ in placed)
        groups: dict[int, list[Line]] = {}
        for ln in free:
            groups.setdefault(sum(1 for top in tops if top <= ln.top), []).append(ln)
        for group in groups.values():
            for para in group_paragraphs(group, self.m, self.m.right_edge, cell=False):
                block = make_paragraph(para, self.m, body=True)
                placed.append((para.lines[0].top, _Placed(block, para=para)))
        placed.sort(key=lambda item: item[0])
        return [p for _, p in placed]

    def _part_before(self, raw: RawTable, page: PageLayout) -> RawTable | None:
        """The borderless part that ended the page before, when `raw` starts this page below no
        ruled table and has its columns: the same table going on."""
        if self.last_table is None or any(t.top < raw.top for t in page.tables):
            return None
        prev = self.last_table[1]
        if prev.ruled or prev.page != raw.page - 1 or not _same_columns(prev, raw):
            return None
        return prev

    # --- stitching -------------------------------------------------------------------------

    def _paragraph_continues(self, para: ParaLines) -> bool:
        """Is this paragraph, the first content of its page, the rest of the paragraph that ended
        the previous page? Yes when that paragraph is body text (not a heading) that reaches the
        bottom of the text area (within one line), and this one is in the same column and size,
        is not a new list item, and continues the sentence (a lower-case letter or continuation
        punctuation, or any start after a space the PDF draws where lines wrap)."""
        if self.last_para is None or para.listed or not on("pdf.paragraph-across-page"):
            return False
        index, prev = self.last_para
        last, first = prev.lines[-1], para.lines[0]
        if last.page != first.page - 1 or self.blocks[index].style not in (None, "list"):
            return False
        if abs(last.size - first.size) > SAME_SIZE or abs(last.x0 - first.x0) > SAME_X:
            return False
        at_bottom = reaches_bottom(last.bottom, last.size, self.m.body_pitch, self.m.text_bottom)
        wrapped = self.m.wrapped(last) and not next_word_fits(last, first, self.m.right_edge)
        return at_bottom and (continues_sentence(first.text) or wrapped)

    def _cell_goes_on(self, para: ParaLines) -> int | None:
        """The cell of the last row of a borderless table that ended the previous page, when the
        text at the top of this page is its rest: a sentence that goes on, in that cell's column
        only (the table's other columns are empty here, so it was not seen as a table)."""
        if self.last_table is None or para.listed or not on("pdf.cell-across-page"):
            return None
        _, prev = self.last_table
        first = para.lines[0]
        if prev.ruled or prev.page != first.page - 1 or not self._reaches_bottom(prev):
            return None
        if not continues_sentence(first.text):
            return None
        return next((
            k for k, cell in enumerate(prev.rows[-1])
            if cell is not None and cell.lines and abs(cell.lines[0].x0 - first.x0) <= COLUMN_TOLERANCE
        ), None)

    def _join_cell(self, para: ParaLines, k: int) -> None:
        index, prev = self.last_table
        table: Table = self.blocks[index]
        before = prev.rows[-1][k]
        edge = _text_right(before, prev, self.m)
        tail = make_paragraph(para, self.m, body=False, right_edge=edge)
        last = table.rows[-1]
        rest = Row(tuple(Cell((tail,) if i == k else ()) for i in range(len(last.cells))), origin=last.origin)
        glue = joint(before.lines[-1], para.lines[0], edge, self.m.lexicon, tail.text.split(" ")[0], self.m.wrap_space,
                     self.m.whole_words, self.notes)
        self.note("pdf.cell-across-page", "took the text at the top of the page, in one column of the table "
                  "before only, as the rest of its last row", para.lines[0].page, para.lines[0].top)
        merged = _merge_rows(last, rest, {k: "join"}, {k: glue})
        self.blocks[index] = Table(table.rows[:-1] + (merged,), origin=table.origin)

    def _join_paragraph(self, para: ParaLines) -> None:
        index, prev = self.last_para
        first = para.lines[0]
        self.note("pdf.paragraph-across-page", "took the first paragraph of the page as the rest of the one "
                  "that ended the page before (it goes on with the sentence)", first.page, first.top)
        joined = ParaLines(prev.lines + para.lines, prev.listed, prev.number, prev.marker, prev.marker_x)
        self.blocks[index] = make_paragraph(joined, self.m, body=True)
        self.last_para = (index, joined)

    def _continues(self, raw: RawTable) -> bool:
        """Is this table, the first content of its page, the rest of the table that ended the
        previous page?

        Yes when: the previous page's last content is a table; both have the same column
        boundaries (within 2 pt); the new part does not start like a new table (a first cell with
        the emphasis of the previous table's first row, e.g. a bold name, where the rows before
        it had another emphasis), unless its first row goes on with the sentences of the last
        row (`_split_row`); and either the previous part reaches the bottom of the text
        area (one more line would not have fitted) or the new part's first cell is empty (a
        label cell merged down from the previous page).
        """
        if self.last_table is None or not on("pdf.table-across-page"):
            return False
        index, prev = self.last_table
        if prev.page != raw.page - 1:
            return False
        if not _same_columns(prev, raw) and not self._resized_rest(prev, raw):
            return False
        table = self.stitching = self.blocks[index]
        new = make_table(raw, self.m, None if prev.ruled else prev)
        cut_row = bool(new.rows) and self._split_row(prev, raw, table.rows[-1], new.rows[0]) is not None
        if _starts_like_new_table(table, new) and not cut_row:  # a cut row's sentences go on
            return False
        first_empty = bool(new.rows) and not new.rows[0].cells[0].text
        if self._reaches_bottom(prev) or first_empty:
            return True
        if self._moved_over(prev, raw.rows):
            self.note("pdf.table-across-page", "took the table at the top of the page as the rest of the one that "
                      "ended the page before high up: its first row would not have fitted in the room left there",
                      raw.page, raw.top)
            return True
        return False

    def _resized_rest(self, prev: RawTable, raw: RawTable) -> bool:
        """Is `raw`, at the top of the page, the rest of `prev` though its inner column edges
        moved (rule pdf.resized-rest)? An HTML printer sizes a table's columns by the text they
        hold (`Metrics.whole_words`), and may size the part on the next page anew. The part has
        as many columns within the same outer edges, the part before ran down to the page's end,
        and its first cell is empty beside text (the rest of a cut row, or of a label merged
        down): no table starts so. Noted, as the columns do not say it."""
        if not (on("pdf.resized-rest") and self.m.whole_words and prev.ruled and raw.ruled and raw.rows):
            return False
        if len(prev.columns) != len(raw.columns) or any(
                abs(prev.columns[k] - raw.columns[k]) > COLUMN_TOLERANCE for k in (0, -1)):
            return False
        first = raw.rows[0]
        empty = first[0] is None or not first[0].lines
        if not (empty and any(c is not None and c.lines for c in first[1:]) and self._reaches_bottom(prev)):
            return False
        self.note("pdf.resized-rest", "took the table at the top of the page for the rest of the one that ended the "
                  "page before, though its inner column edges moved: its first cell is empty, as a cut row's rest, "
                  "and the document sizes its tables' columns by their text", raw.page, raw.top)
        return True

    def _repeated_head(self, placed: _Placed) -> _Placed | None:
        """The table at the top of this page without the rows it starts with that repeat the
        first rows of the table that ended the previous page, word for word (a header row the
        writer repeats on each page; Word's and LibreOffice's "repeat as header row"), when the
        previous part reaches the bottom of its page. None when it repeats nothing."""
        if self.last_table is None or not on("pdf.repeated-header"):
            return None
        index, prev = self.last_table
        raw = placed.raw
        if prev.page != raw.page - 1 or not _same_columns(prev, raw):
            return None
        table: Table = self.blocks[index]
        rows = placed.block.rows
        lead = next((k for k, row in enumerate(rows) if any(c.text for c in row.cells)), len(rows))
        count = 0  # (empty boxes above the header, the cut row's edge drawn there, go with it)
        for old, new in zip(table.rows, rows[lead:]):
            if not any(c.text for c in new.cells) or _row_texts(old) != _row_texts(new):
                break
            count += 1
        if not count or count >= len(table.rows):
            return None
        if not self._reaches_bottom(prev) and not self._moved_over(prev, raw.rows[lead + count:]):
            return None
        rest = RawTable(raw.page, raw.top, raw.bottom, raw.columns, raw.rows[lead + count:], raw.ruled,
                        raw.cut_above, raw.cut_below)
        if rest.rows:
            first = [c for c in rest.rows[0] if c is not None]
            rest.top = min((c.top for c in first), default=raw.top)
        self.note("pdf.repeated-header", f"dropped {count} row(s) at the top of the page that repeat the first "
                  "rows of the table before (a header row repeated on each page)"
                  + (f", and {lead} empty row(s) above them" if lead else ""), raw.page, raw.top)
        return _Placed(make_table(rest, self.m), rest)

    def _moved_over(self, prev: RawTable, rows: list[list[RawCell | None]]) -> bool:
        """Would the first of these rows not have fitted in the room left below the previous part
        (writers that keep a row whole move it to the next page, leaving that room empty)? The
        rows after it with an empty first cell count to it: in a table without rulings they may
        be paragraphs of one row beside its first cell (`_beside_first_cell`); and so does the
        space the part leaves between rows, which a row needs above it too."""
        cells = [c for c in rows[0] if c is not None] if rows else []
        if not cells:
            return False
        spacing = 0.0
        if on("pdf.merged-row-moved"):
            beside = _beside_first_cell(rows)
            cells += [c for row in beside for c in row if c is not None]
            spacing = _row_spacing(rows[: len(beside) + 2])
        height = max(c.bottom for c in cells) - min(c.top for c in cells)
        return height + spacing > self.m.text_bottom - prev.bottom

    def _head_on_previous_page(self, raw: RawTable) -> list[tuple[int, ParaLines]]:
        """The paragraphs that end the previous page when they are the first rows of this
        table: they are emphasised (a bold name, an italic definition), in the table's first
        column and size, the last of them at the bottom of the text area. Found on the page
        alone they were body text: nothing below them on that page showed columns. A ruled
        table's first row alone is a box of one cell, as wide as the table (a framed paragraph
        to the page it is on): a line of each paragraph must lie in such a box, and the table
        must go on with a row merged across (the definition)."""
        if not self.tail or not raw.rows or not on("pdf.head-on-previous-page"):
            return []
        first = [c for c in raw.rows[0] if c is not None and c.lines]
        across = len(first) == 1 and abs(first[0].x1 - raw.columns[-1]) <= COLUMN_TOLERANCE
        if not first or (raw.ruled and not across):
            return []
        size = first[0].lines[0].size
        before = next((page for page in self.pages if page.number == raw.page - 1), None)
        frames = [] if not raw.ruled or before is None else [
            (x0, top, x1, bottom) for x0, top, x1, bottom in before.frames
            if abs(x0 - raw.columns[0]) <= COLUMN_TOLERANCE and abs(x1 - raw.columns[-1]) <= COLUMN_TOLERANCE
        ]
        head: list[tuple[int, ParaLines]] = []
        for at, para in reversed(self.tail):
            glyphs = [g for ln in para.lines for g in ln.visible]
            emphasised = all(g.bold for g in glyphs) or all(g.italic for g in glyphs)
            if raw.ruled:
                in_column = any(inside(ln, f) for f in frames for ln in para.lines)
            else:
                in_column = abs(para.lines[0].x0 - raw.columns[0]) <= COLUMN_TOLERANCE
            same_size = all(abs(ln.size - size) <= SAME_SIZE for ln in para.lines)
            if not (emphasised and in_column and same_size) or self.blocks[at].style is not None:
                break
            head.insert(0, (at, para))
        if not head or head[-1][1].lines[-1].page != raw.page - 1:
            return []
        last = head[-1][1].lines[-1]
        return head if reaches_bottom(last.bottom, last.size, self.m.body_pitch, self.m.text_bottom) else []

    def _prepend_head(self, head: list[tuple[int, ParaLines]], placed: _Placed) -> None:
        """Make the paragraphs of `head` the first rows of the table, one cell each, where the
        first of them stood; a definition cut by the page break goes on in the table's first row
        when that row is one cell merged across."""
        rows = []
        for at, _ in head:
            paragraph = self.blocks[at]
            rows.append(Row((Cell((paragraph,), origin=paragraph.origin),), origin=paragraph.origin))
        rest = list(placed.block.rows)
        lead = rest[0].cells[0].paragraphs if len(rest[0].cells) == 1 else ()
        if lead and continues_sentence(lead[0].text):
            rows[-1] = _merge_rows(rows[-1], rest.pop(0), {0: "join"})
        index = head[0][0]
        for at, _ in reversed(head[1:]):
            del self.blocks[at]
        self.blocks[index] = Table(tuple(rows + rest), origin=rows[0].origin)
        self.last_table = (index, placed.raw)
        self.last_para, self.tail = None, []

    def _reaches_bottom(self, raw: RawTable) -> bool:
        """Would not one more line have fitted below the table? One line of slack, as widow and
        orphan control may move a line of a cut paragraph over with the rest. A table whose
        rulings run off the page does."""
        if raw.cut_below:
            return True
        return reaches_bottom(raw.bottom, self.m.body_size, self.m.cell_pitch, self.m.text_bottom)

    def _stitch(self, placed: _Placed) -> None:
        index, prev = self.last_table
        table: Table = self.blocks[index]
        new: Table = placed.block
        rows = list(new.rows)
        owners = _merged_owners(table) if on("pdf.merged-cell-across-page") else {}
        self.stitching = table
        modes = self._split_row(prev, placed.raw, table.rows[-1], rows[0], owners) if rows else None
        if modes and "owner" in modes.values():
            self.note("pdf.merged-cell-across-page", "took text at the top of the page in column(s) "
                      f"{', '.join(str(k + 1) for k, mode in modes.items() if mode == 'owner')} for more of the cell "
                      "merged down over the last rows of the page before: the other cells go on from there",
                      placed.raw.page, placed.raw.top)
            table = _to_owners(table, rows[0], {k: owners[k] for k, mode in modes.items() if mode == "owner"})
            modes = {k: mode for k, mode in modes.items() if mode != "owner"}
        if modes:
            joints = self._joints(prev, placed.raw, rows[0], modes)
            running = self._beside_merged_down(rows, modes)
            if running:
                self.note("pdf.rows-beside-merged", "took the first row of the page for a row of its own beside a "
                          f"cell merged down: only column(s) {', '.join(str(k + 1) for k in running)} go on from the "
                          "page before, and stay empty in the rows below; the others start new paragraphs",
                          placed.raw.page, placed.raw.top)
                first = rows[0]
                rows[0] = Row(tuple(Cell((), origin=c.origin) if k in running else c for k, c in enumerate(first.cells)),
                              origin=first.origin, header=first.header)
                merged = _merge_rows(table.rows[-1], first, {k: modes[k] for k in running}, joints)
            else:
                if prev.cut_below and placed.raw.cut_above:
                    self.note("pdf.open-row", "took the first row of the page as the rest of the last row of the "
                              "page before: the page break left their rulings open", placed.raw.page, placed.raw.top)
                else:
                    self.note("pdf.row-across-page", "took the first row of the page as the rest of the last row "
                              "of the page before: its text goes on (judged from the text, not from rulings)",
                              placed.raw.page, placed.raw.top)
                merged = _merge_rows(table.rows[-1], rows.pop(0), modes, joints)
            table = Table(table.rows[:-1] + (merged,), origin=table.origin)
        elif rows and self._maybe_cut(prev, rows[0]):
            self.note("pdf.row-across-page", "took the first row of the page, which has no text in its first "
                      "cell, for a row of its own: the row before ran down to the page's end, so the page break "
                      "may have cut it, and nothing in the text tells", placed.raw.page, placed.raw.top)
        self.blocks[index] = Table(table.rows + tuple(rows), origin=table.origin)
        self.last_table = (index, placed.raw)

    def _beside_merged_down(self, rows: list[Row], modes: dict[int, str]) -> list[int]:
        """The columns of a cell merged down that a page break cut beside the start of a new row
        (`pdf.rows-beside-merged`), or []: the cells that go on mid-sentence are in columns left
        empty in every row below on the new page (Word's continuation cells of a merged cell),
        and two or more other cells start new paragraphs of their own there."""
        if not on("pdf.rows-beside-merged") or len(rows) < 2:
            return []
        running = [k for k, mode in modes.items() if mode == "join"]
        starting = [k for k, mode in modes.items() if mode == "append"]
        if not running or len(starting) < 2 or len(modes) != len(running) + len(starting):
            return []
        empty_below = all(not row.cells[k].text for row in rows[1:] for k in running if k < len(row.cells))
        others_below = all(any(c.text for k, c in enumerate(row.cells) if k not in running) for row in rows[1:])
        return running if empty_below and others_below else []

    def _note_apart(self, placed: _Placed) -> None:
        """A table that starts a page, taken as a table of its own although the page before ended
        in a table that ran down to its end and its first row looks like the rest of a cut row
        (an empty first cell beside text): say so, as the parser may take it for more rows."""
        if self.last_table is None or not placed.block.rows:
            return
        _, prev = self.last_table
        if prev.page == placed.raw.page - 1 and self._maybe_cut(prev, placed.block.rows[0]):
            self.note("pdf.table-across-page", "took the table at the top of the page for a table of its own, "
                      "though the page before ended in a table that ran down to its end and this one starts "
                      "like the rest of a cut row (no text in its first cell)", placed.raw.page, placed.raw.top)

    def _maybe_cut(self, prev: RawTable, first: Row) -> bool:
        """Could the page break have cut the row before `first`, though its text did not show it?
        An empty first cell beside text is what the rest of a cut row looks like; a closed ruling
        at the page's end, or a page that did not run down to its end, rules it out."""
        if not on("pdf.row-across-page") or (prev.ruled and not prev.cut_below) or not self._reaches_bottom(prev):
            return False
        return not first.cells[0].text and any(c.text for c in first.cells[1:])

    def _joints(self, prev: RawTable, raw: RawTable, first: Row, modes: dict[int, str]) -> dict[int, str]:
        """For each cell whose paragraph goes on over the page break: a space, or nothing when
        the break fell inside a word (the same rules as a line break within a page)."""
        joints = {}
        for k, mode in modes.items():
            before, after = prev.rows[-1][k], raw.rows[0][k]
            head = next(p for p in first.cells[k].paragraphs if p.text)
            if mode != "join" or before is None or after is None or not before.lines or not after.lines:
                continue
            edge = _text_right(before, prev, self.m)
            joints[k] = joint(before.lines[-1], after.lines[0], edge, self.m.lexicon, head.text.split(" ")[0],
                              self.m.wrap_space, self.m.whole_words, self.notes)
        return joints

    def _split_row(
        self, prev: RawTable, raw: RawTable, last: Row, first: Row, owners: dict[int, int] | None = None
    ) -> dict[int, str] | None:
        """Is the new part's first row the rest of the previous part's last row? Then, for each
        cell with text: 'join' (its first paragraph continues the last one) or 'append' (more
        paragraphs of the same cell).

        A cell with text in a column that the last row leaves empty below a cell merged down
        (`owners`: column -> the row that cell is in) is 'owner': more paragraphs of that
        cell, as long as another cell surely goes on (`pdf.merged-cell-across-page`).

        A row cut by the page break leaves: the previous part running to the bottom of the text
        area; and in the first row on the new page, text only in cells where the last row has
        text too, each continuing it: a sentence that goes on (it starts with a lower-case
        letter or with punctuation that cannot start a sentence, or with a name the document
        writes mid-sentence too, after text that does not end a sentence, or the text before
        the break ends in a space drawn where a line wraps), or the next item of
        a list that cell holds, or the text of a list marker left alone at the page's end, or the unmarked rest of its last list item (followed by more
        items, or standing where the text of that item starts, right of its marker), or a
        paragraph without letters after a sentence that did not end, in a cell after the first.

        Once one cell surely goes on, more may: an unmarked start after a list is the rest of
        its last item, a paragraph without letters ends a sentence, and a cell whose text ran
        down to the page's end may start a new paragraph of its own (the row was cut), unless
        it is a first cell of one paragraph on both sides of the break: a level label beside a
        cut cell, where a new row starts. An empty first cell alone is not enough: vertically
        merged level labels leave empty first cells at the top of a page too, and their rows
        start with a capital.
        """
        if not self._reaches_bottom(prev) or len(last.cells) != len(first.cells) or not on("pdf.row-across-page"):
            return None
        modes: dict[int, str] = {}
        maybe: dict[int, str] = {}  # what a cell would take if the row was cut: not evidence of it
        for k, (a, b) in enumerate(zip(last.cells, first.cells)):
            if not b.text:
                continue
            if not a.text and k in (owners or {}):
                maybe[k] = "owner"
                continue
            found = self._cell_mode(prev, raw, k, a, b) if a.text else None
            if found is None:
                return None
            mode, sure = found
            (modes if sure else maybe)[k] = mode
        if maybe and "join" not in modes.values():
            return None
        return {**modes, **maybe} or None

    def _cell_mode(self, prev: RawTable, raw: RawTable, k: int, a: Cell, b: Cell) -> tuple[str, bool] | None:
        """How cell k goes on if the row was cut: its mode, and whether that alone shows the cut
        (see `_split_row`). None: the cell cannot go on."""
        before, after = prev.rows[-1][k], raw.rows[0][k]
        head = next(p for p in b.paragraphs if p.text)
        ended = ends_sentence(a.paragraphs[-1].text)
        ends_in_list = a.paragraphs[-1].style == "list"
        if head.style == "list":  # a marker starts a new item
            return ("append", True) if ends_in_list else None
        if lone_marker(a.paragraphs[-1]) and on("pdf.lone-marker"):  # its item's text went on to this page
            return "append", True
        if ends_in_list and _next_marker_alone(head, before):  # its text below it (pdf.lone-marker)
            return "append", True
        if _typed_item(a.paragraphs[-1], head):
            return "append", True
        goes_on = continues_sentence(head.text) or (not ended and continues_sentence(head.text, numbers_first=True))
        if goes_on or self._name_goes_on(a, head) or self._wraps_into(prev, before, after):
            return "join", True
        if self._cut_in_word(prev, before, after, head):
            return "join", True
        if ends_in_list and not _at_item_indent(before, after) and self._item_ended(prev, before, after):
            return "append", False
        if ends_in_list:  # the unmarked rest of its last item
            unfinished = not ended and on("pdf.unfinished-item") and self.stitching is not None and \
                _items_end_sentences([b for b in self.blocks if isinstance(b, Table)], self.stitching)
            return "join", any(p.style == "list" for p in b.paragraphs) or _at_item_indent(before, after) or unfinished
        if not any(c.isalpha() for c in head.text):  # "24/7": the last words of a sentence
            return ("append", False) if ended else ("join", k > 0)  # (a first cell may hold number labels)
        listed = any(p.style == "list" for p in a.paragraphs)
        if not listed and (k or _paragraphs(a, b)) and self._runs_down(prev, k):
            return "append", False
        if k == 0 and not listed and self._first_cells_hold_more(a):
            return "append", False
        return None

    def _first_cells_hold_more(self, last: Cell) -> bool:
        """Is the cut row's first cell shorter than every other row's of the table: one paragraph
        above the break, where each row before it holds several in its first cell (a name with
        its definition under it), the first row (a header) aside? Then a paragraph at the new page's top, once another cell surely
        goes on, is the next one of that cell, not a label that starts a row (rule
        `pdf.first-cell-goes-on`; a label cell holds one paragraph in every row)."""
        if not on("pdf.first-cell-goes-on") or self.stitching is None:
            return False
        if sum(1 for p in last.paragraphs if p.text) != 1:
            return False
        # the table's first row aside: a header row names the column in one paragraph
        firsts = [row.cells[0] for row in self.stitching.rows[1:-1] if row.cells and row.cells[0].text]
        return len(firsts) >= 2 and all(sum(1 for p in c.paragraphs if p.text) > 1 for c in firsts)

    def _item_ended(self, prev: RawTable, before: RawCell | None, after: RawCell | None) -> bool:
        """Did the cell's last list item end before the page break: the first word on the new
        page, which does not stand where the item's text starts, would have fitted on its last
        line? A line of a paragraph breaks only where the next word does not fit, so such text
        starts a paragraph of its own (an area line "2. COMMUNICATION" above the name that the
        break cut off)."""
        if not on("pdf.item-ended") or before is None or after is None or not before.lines or not after.lines:
            return False
        return next_word_fits(before.lines[-1], after.lines[0], _text_right(before, prev, self.m))

    def _wraps_into(self, prev: RawTable, before: RawCell | None, after: RawCell | None) -> bool:
        """Did the cell's last line before the break wrap into the next page: it ends in the space
        the PDF draws where lines wrap, and the next page's first word would not have fitted; or
        it was stretched to the edge as justified text is where it wraps?"""
        if before is None or after is None or not before.lines or not after.lines:
            return False
        last, first = before.lines[-1], after.lines[0]
        edge = _text_right(before, prev, self.m)
        return (self.m.wrapped(last) and not next_word_fits(last, first, edge)) or justified(last, edge)

    def _cut_in_word(self, prev: RawTable, before: RawCell | None, after: RawCell | None, head: Paragraph) -> bool:
        """Did the page break fall inside a word (`pdf.cut-word`, `pdf.cut-label`: a label in
        capitals cut at a narrow column's edge, "INTERMEDIA" / "TE"), or after a hyphen or slash
        inside one? The same test as for two lines of a cell on one page."""
        if not on("pdf.cut-across-page") or before is None or after is None or not before.lines or not after.lines:
            return False
        edge = _text_right(before, prev, self.m)
        return joint(before.lines[-1], after.lines[0], edge, self.m.lexicon, head.text.split(" ")[0],
                     whole_words=self.m.whole_words) == ""

    def _runs_down(self, prev: RawTable, k: int) -> bool:
        """Does the text of cell k of the previous part's last row end within two line pitches of
        the row's lowest line (room for no more than a paragraph's spacing and a line)? A level
        label at the top of a tall row does not, however short the cell's text."""
        cell, row = prev.rows[-1][k], prev.rows[-1]
        if cell is None or not cell.lines:
            return False
        bottom = max(ln.bottom for c in row if c is not None for ln in c.lines)
        return cell.lines[-1].bottom + 2 * self.m.gap_limit(cell.lines[-1].size, cell=True) > bottom

    def _name_goes_on(self, last: Cell, head: Paragraph) -> bool:
        """Does the new part start with a name the document also writes mid-sentence ("P&O"),
        after a cell whose last paragraph does not end a sentence? A capital says nothing then."""
        words = head.text.split(" ")
        return bool(words) and not ends_sentence(last.paragraphs[-1].text) and self.m.lexicon.is_name(words[0])


def _next_marker_alone(head: Paragraph, before: RawCell | None) -> bool:
    """Is the first paragraph on the new page only the number after one that starts a line of
    the cell before the break ("34." after item 33)? The item's first word went below it: it
    starts the next item, and `markers.join_lone_markers` gives it the text below."""
    match = MARKER.match(head.text.strip()) if on("pdf.lone-marker") else None
    if not match or not match.group(3) or before is None:
        return False
    return int(match.group(3)) - 1 in line_numbers(before.lines)


def _typed_item(last: Paragraph, head: Paragraph) -> bool:
    """Do both paragraphs start with the same list marker typed as text ("- Statement ..."),
    a space after it rather than a list's tab? Then the new page starts the next item of the
    cell's list, not the rest of its last one (a dash alone would go on with a sentence)."""
    if not on("pdf.typed-item-across-page"):
        return False
    first, start = head.text.split(" ", 1)[0], last.text.split(" ", 1)[0]
    rest = head.text[len(first):].strip()
    return first == start and bool(MARKER.match(first)) and rest[:1].isupper() and " " in last.text


def _beside_first_cell(rows: list[list[RawCell | None]]) -> list[list[RawCell | None]]:
    """The rows right after the first whose first cell is empty, up to the next with text there."""
    out = []
    for row in rows[1:]:
        if row and row[0] is not None and row[0].lines:
            break
        out.append(row)
    return out


def _row_spacing(rows: list[list[RawCell | None]]) -> float:
    """The least space between one row's text and the next row's, 0 when no two rows show it."""
    gaps = []
    for row, nxt in zip(rows, rows[1:]):
        bottoms = [c.lines[-1].bottom for c in row if c is not None and c.lines]
        tops = [c.lines[0].top for c in nxt if c is not None and c.lines]
        if bottoms and tops:
            gaps.append(max(0.0, min(tops) - max(bottoms)))
    return min(gaps, default=0.0)


def _first_row_lines(body: list[Line], start: int, end: int, raw: RawTable) -> list[Line]:
    """The lines of a borderless table's first row (body[start:end] is the table)."""
    second = [c.lines[0].top for c in raw.rows[1] if c is not None and c.lines] if len(raw.rows) > 1 else []
    below = min(second, default=float("inf"))
    return [ln for ln in body[start:end] if ln.top < below]


def _repeated_first_row(first_row: list[Line], body: list[Line]) -> list[Line]:
    """The lines at the top of a page that repeat the first row of the borderless table that
    ended the page before, line for line (the same text at the same x), when the page goes on
    below them: "repeat as header row" in a table without rulings. Nothing when any differs."""
    if not first_row or len(body) <= len(first_row):
        return []
    for old, new in zip(first_row, body):
        if old.text != new.text or abs(old.x0 - new.x0) > SAME_X or abs(old.size - new.size) > SAME_SIZE:
            return []
    return body[: len(first_row)]


def _row_texts(row: Row) -> list[str]:
    return [c.text for c in row.cells]


def _at_item_indent(before: RawCell | None, after: RawCell | None) -> bool:
    """Does the cell's text on the new page start where the text of the last list item before
    the break starts, right of its marker (a new paragraph would start at the marker's left)?"""
    if before is None or after is None or not after.lines:
        return False
    for line in reversed(before.lines):
        found = marker_of(line)
        if found:
            indent = line.visible[found[0]].x0
            return indent > line.x0 + 1 and abs(after.lines[0].x0 - indent) <= 1
    return False


def _paragraphs(last: Cell, first: Cell) -> bool:
    """Does a cell cut by a page break hold several paragraphs, on either side of the break?"""
    return max(sum(1 for p in c.paragraphs if p.text) for c in (last, first)) > 1


def _same_columns(a: RawTable, b: RawTable) -> bool:
    """Column boundaries agree within 2 pt. A part made only of cells merged across shows fewer
    boundaries: then the outer edges must agree and its boundaries be among the other's. The
    right edge of a borderless table is only where its longest line ends: not compared; a
    borderless part with fewer columns is only the first row of a table (a name beside its
    definition merged across) at the end of a page, its columns the first of the next part's.
    Two ruled parts' boundaries agree within RULING_SNAP: the table finder snaps rulings that
    close together into one at their middle, so a double border (a browser draws each cell's
    own) lands up to that far from where the other page's rulings put it."""
    tolerance = RULING_SNAP if a.ruled and b.ruled else COLUMN_TOLERANCE
    if a.ruled and b.ruled:
        first, second = a.columns, b.columns
        if abs(first[0] - second[0]) > tolerance or abs(first[-1] - second[-1]) > tolerance:
            return False
    else:
        first, second = a.columns[:-1], b.columns[:-1]
        if len(first) < len(second) and len(a.rows) == 1:
            second = second[: len(first)]
    if len(first) > len(second):
        first, second = second, first
    if len(first) < len(second) and not (a.ruled and b.ruled):
        return False
    return all(any(abs(x - y) <= tolerance for y in second) for x in first)


def _starts_like_new_table(table: Table, new: Table) -> bool:
    """Does the new part start like the table did: in no more cells than its first row (a
    name row is narrower than the level rows after it), the first emphasised like the table's
    first (a bold name), where the rows since had another emphasis? When the table so far is that one row (a name alone at the end of a page), the
    whole row must match, cell by cell (a bold name beside an italic definition, not a row of
    bold level labels)."""
    if not table.rows or not new.rows:
        return False
    head = _emphasis(table.rows[0].cells[0])
    start = _emphasis(new.rows[0].cells[0])
    if start is None or start != head or len(new.rows[0].cells) > len(table.rows[0].cells):
        return False
    later = [e for e in (_emphasis(r.cells[0]) for r in table.rows[1:]) if e is not None]
    if not later:
        shown = [_emphasis(c) for c in table.rows[0].cells]
        if on("pdf.plain-head-row") and not any(any(e) for e in shown if e is not None):
            return False  # a row without emphasis shows nothing a new table's first row would repeat
        return [_emphasis(c) for c in new.rows[0].cells] == shown
    return later[-1] != head


def _emphasis(cell: Cell) -> tuple[bool, bool] | None:
    paras = [p for p in cell.paragraphs if p.text]
    if not paras:
        return None
    return all(p.bold for p in paras), all(p.italic for p in paras)


def _text_right(cell: RawCell, raw: RawTable, m: Metrics) -> float:
    """Where the text of a cell can run to: its edge less the padding it has on the left, or
    in a table without rulings as far as the column's widest text goes, and at least up to a
    column gap before the next column (a column of short lines shows less than its width)."""
    if raw.ruled:
        return cell.x1 - raw.padding(m.cell_padding)
    widest = raw.widest(cell)
    later = [x for x in raw.columns[:-1] if x > cell.x0 + COLUMN_TOLERANCE]
    if not later:
        return widest
    return max(widest, later[0] - COLUMN_GAP * max(ln.size for ln in cell.lines))


def _borderless_columns(pages) -> list[tuple[list[Line], float, bool, bool]]:
    """The cells of tables without rulings as the lexicon takes them: lines, how far the
    column's text runs, and whether the cell's start and end are surely breaks at a space (not
    in a first row that goes on with a sentence, nor in a last row: a page break may cut them)."""
    columns = []
    for _, _, raw in (found for page in pages for found in page):
        for r, row in enumerate(raw.rows):
            for cell in (c for c in row if c is not None and c.lines):
                columns.append(cell_column(cell.lines, raw.widest(cell), r == 0, r == len(raw.rows) - 1))
    return columns


def _body_outside_tables(pages, bodies, borderless) -> list[tuple[list[Line], None, bool, bool]]:
    """Each page's body text as the lexicon takes it, without the lines of its tables without
    rulings: a row whose columns stand closer than a column gap reads as one line of words,
    each in the middle of it whole, though a label in it may be cut at its column's edge
    ("FOUNDATION INTERMEDIA ADVANCED" / "TE"); their cells teach the lexicon instead. The runs
    between two tables are columns of their own."""
    columns = []
    for page, body in zip(pages, bodies):
        cuts = sorted((start, end) for start, end, _ in borderless.get(page.number, []))
        at = 0
        for start, end in cuts + [(len(body), len(body))]:
            if body[at:start]:
                columns.append((body[at:start], None, True, True))
            at = max(at, end)
    return columns


def _items_end_sentences(tables: list[Table], table: Table) -> bool:
    """Does every list item in the document's tables so far end a sentence, but the last ones
    of `table`'s last row (which a page break may have cut), with two such items at least? Then
    a last item that does not is unfinished (`pdf.unfinished-item`): its rest on the next page
    goes on with it, whatever letter it starts with ("und die" / "Daten.")."""
    last = {id(p) for c in table.rows[-1].cells for p in c.paragraphs[-1:]}
    items = [p for t in tables for row in t.rows for c in row.cells for p in c.paragraphs
             if p.style == "list" and id(p) not in last]
    return len(items) >= 2 and all(ends_sentence(p.text) for p in items)


def _merged_owners(table: Table) -> dict[int, int]:
    """For each column the table's last row leaves empty: the row above with the text of the
    cell merged down over it (the rows between empty in that column too), when there is one."""
    owners = {}
    last = table.rows[-1].cells
    for k in range(len(last)):
        if last[k].text:
            continue
        for r in range(len(table.rows) - 2, -1, -1):
            cells = table.rows[r].cells
            if len(cells) != len(last):
                break
            if cells[k].text:
                owners[k] = r
                break
    return owners


def _to_owners(table: Table, first: Row, owners: dict[int, int]) -> Table:
    """The table with the paragraphs of `first` in columns `owners` added to the cells merged
    down there (column -> row)."""
    rows = list(table.rows)
    for k, r in owners.items():
        cells = list(rows[r].cells)
        cells[k] = Cell(cells[k].paragraphs + tuple(p for p in first.cells[k].paragraphs if p.text),
                        origin=cells[k].origin, span=cells[k].span)
        rows[r] = Row(tuple(cells), origin=rows[r].origin, header=rows[r].header)
    return Table(tuple(rows), origin=table.origin)


def _merge_rows(last: Row, first: Row, modes: dict[int, str], joints: dict[int, str] | None = None) -> Row:
    joints = joints or {}  # cell -> what joins its paragraph's two parts (a space unless said)
    cells = []
    for k, (a, b) in enumerate(zip(last.cells, first.cells)):
        rest = tuple(p for p in b.paragraphs if p.text)
        if k not in modes:
            cells.append(a)
        elif modes[k] == "append":
            cells.append(Cell(a.paragraphs + rest, origin=a.origin))
        else:
            head, tail = a.paragraphs[-1], rest[0]
            joined = Paragraph(_glue(head.spans, joints.get(k, " "), tail.spans), head.style, head.level, head.origin)
            cells.append(Cell(a.paragraphs[:-1] + (joined,) + rest[1:], origin=a.origin))
    return Row(tuple(cells), origin=last.origin)


def _glue(head: tuple[Span, ...], joint: str, tail: tuple[Span, ...]) -> tuple[Span, ...]:
    """Spans of two parts of a paragraph; a word cut by the page break becomes one span again."""
    if joint:
        return head + (Span(joint),) + tail
    last, first = head[-1], tail[0]
    if (last.italic, last.bold) != (first.italic, first.bold):
        return head + tail
    return head[:-1] + (Span(last.text + first.text, last.italic, last.bold),) + tail[1:]


def assemble(pages: list[PageLayout]) -> list[Block | Note]:
    """The document's blocks, then the notes on what was decided on weak evidence."""
    return Assembler(pages).run()
