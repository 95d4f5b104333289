"""What the whole document says about its own typography: sizes, line pitch, edges, words."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .geometry import next_word_fits
from .lexicon import Lexicon, cell_column
from .model import Line, PageLayout, RawTable, line_numbers, marker_of
from .rules import on
from .tolerances import (
    BODY_OVER_TABLE_TEXT, BOTTOM_AT_LEAST, LINE_SLACK, LINE_SLACK_MIN, PITCH_MODE, PITCH_RANGE, SAME_SIZE, SAME_X, SINGLE_SPACING,
)


@dataclass
class Metrics:
    """What the whole document says about its own typography; used by every layout rule."""

    body_size: float = 10.0
    body_pitch: float = 1.2  # normal distance between lines of one paragraph, per point of size
    cell_pitch: float = 1.2
    right_edge: float = 0.0  # right edge of the body text column
    text_bottom: float = 0.0  # lowest body content on any page
    heading_levels: dict[float, int] = field(default_factory=dict)
    line_numbers: set[int] = field(default_factory=set)  # "12." starting a line anywhere
    cell_padding: float | None = None  # the usual space between a ruled cell's edge and its text
    title_size: float | None = None
    lexicon: Lexicon = field(default_factory=Lexicon)
    # the PDF draws the space a line wraps at (LibreOffice does, where the space fits): then a
    # line without one, where one would fit, ended on purpose
    drawn_spaces: bool = False
    # the width of that space per point of size (the most common one; None where none is drawn):
    # a one-word line that leaves room for it and draws none was cut inside a word
    wrap_space: float | None = None
    # the judgements made on weak evidence so far (pipeline.blocks.Note): the rules that make
    # paragraphs and tables get the metrics everywhere, so they write their notes here
    notes: list = field(default_factory=list)
    # some ruled cell shows a paragraph that surely ended (the next line's first word would have
    # fitted) right above the next one, one line pitch below: paragraphs in cells go without
    # spacing, so a capital after a full line may start one. Where no cell shows that (one
    # paragraph per cell, as in HTML printed by browsers), a capital after a full line is a wrap.
    tight_cells: bool = False
    # every paragraph in a cell that surely ended (spacing below it, or a capital right below
    # whose first word would have fitted) ends in a space the PDF draws, and no line that surely wrapped does
    # (LibreOffice's XHTML ends each list item with a no-break space; browsers draw no space at
    # a wrap): then a cell's line without that space wrapped, and one with it ended
    marked_ends: bool = False
    # the document centres its cells vertically (pdf.centred-cells found it), as HTML printers
    # do: they break lines between words only and widen a column for its longest word, so a
    # word that fills its line in a cell is a whole word, not one cut at the column's edge
    whole_words: bool = False
    # the ruled cells as the lexicon took them (`Lexicon.of`), to learn again without the body
    # lines that turn out to be rows of tables without rulings (`Assembler`)
    cell_columns: list = field(default_factory=list)

    def wrapped(self, line: Line) -> bool:
        """Does the line end in the space this document's PDF writer draws where lines wrap?"""
        return self.drawn_spaces and line.ends_in_space

    def gap_limit(self, size: float, cell: bool) -> float:
        """Largest top-to-top distance between two lines of one paragraph."""
        pitch = self.cell_pitch if cell else self.body_pitch
        return pitch * size + max(LINE_SLACK_MIN, LINE_SLACK * size)


def _sure_wraps(pairs: list[tuple[Line, Line]]) -> list[Line]:
    """Lines that wrap for sure: the next line, right below, goes on in lower case."""
    return [a for a, b in pairs if a.page == b.page and 0 < b.top - a.top <= 2 * b.size and b.text[:1].islower()]


def _wrap_space(pairs: list[tuple[Line, Line]]) -> float | None:
    """The most common width, per point of size, of the space the PDF draws after the last
    word of a line that wraps for sure (`_sure_wraps`)."""
    widths: Counter = Counter()
    for line in _sure_wraps(pairs):
        if line.ends_in_space:
            space = next(g for g in reversed(line.glyphs) if g.breaking_space and not g.inserted)
            widths[round((space.x1 - space.x0) / space.size, 2)] += 1
    return widths.most_common(1)[0][0] if widths else None


def _draws_wrap_spaces(pairs: list[tuple[Line, Line]], finals: list[Line]) -> bool:
    """Do most lines that wrap for sure (`_sure_wraps`) end in a space the PDF draws (five
    such lines at least), and most lines that end a table cell (a paragraph's end) not (a
    writer that pads every line tells nothing)?"""
    wraps = _sure_wraps(pairs)
    padded = 2 * sum(line.ends_in_space for line in finals) >= len(finals) > 0
    return len(wraps) >= 5 and 2 * sum(a.ends_in_space for a in wraps) >= len(wraps) and not padded


def marks_paragraph_ends(cell_edges: list[tuple[Line, Line, float]], m: Metrics) -> bool:
    """Does the writer mark the end of each paragraph in a cell with a space it draws, and draw
    none where a line wraps (three of each at least, without exception)? See `marked_ends`."""
    if not on("pdf.marked-ends"):
        return False
    ends: list[Line] = []
    wraps: list[Line] = []
    for a, b, edge in cell_edges:
        if a.page != b.page or b.top <= a.top:
            continue
        close = b.top - a.top <= m.gap_limit(b.size, cell=True)
        if close and b.visible[0].text[:1].islower():
            wraps.append(a)
        elif abs(a.x0 - b.x0) <= SAME_X and (not close or (b.visible[0].text[:1].isupper() and next_word_fits(a, b, edge))):
            ends.append(a)  # spacing, or a capital that would have fitted above: a paragraph ended
    if len(ends) < 3 or len(wraps) < 3:
        return False
    return all(a.ends_in_space for a in ends) and not any(a.ends_in_space for a in wraps)


def _typical_pitch(pairs: list[tuple[Line, Line]]) -> float | None:
    """The usual top-to-top distance of two lines of one paragraph, per point of font size.

    Only pairs whose second line starts with a lower-case letter, where the first does, count:
    those are wrapped lines of one paragraph for sure (the lines of a table without rulings
    interleave when its columns are out of step). (A document of one-line paragraphs has no
    such pairs; then the caller falls back to a single-spacing guess rather than taking
    paragraph gaps as line pitch.)
    """
    ratios = []
    for a, b in pairs:
        same_column = abs(a.x0 - b.x0) <= SAME_X or _wraps_in_a_column(a, b)
        if abs(a.size - b.size) <= SAME_SIZE and a.size > 0 and b.visible[0].text[:1].islower() and same_column:
            r = (b.top - a.top) / a.size
            if PITCH_RANGE[0] <= r <= PITCH_RANGE[1]:
                ratios.append(round(r, 2))
    if not ratios:
        return None
    mode = Counter(ratios).most_common(1)[0][0]
    near = [r for r in ratios if abs(r - mode) <= PITCH_MODE]
    return sum(near) / len(near)




def _wraps_in_a_column(a: Line, b: Line) -> bool:
    """Is `b` a line of text alone in a column that one of `a`'s segments starts (the wrapped
    text of a list item, its bullet a column gap away, in a table without rulings whose other
    columns are empty on that line), or text in several columns, each where one of `a`'s
    starts (the first column empty on that line)? A pair of wrapped lines too, where documents
    show no other."""
    if not on("pdf.pitch-in-columns"):
        return False
    below = b.segments()
    if len(below) != 1:  # text in several columns, each starting where a column of `a` does
        starts = [_text_start(seg) for seg in a.segments()] + [seg.x0 for seg in a.segments()]
        return all(any(abs(x - seg.x0) <= SAME_X for x in starts) for seg in below)
    return any(abs(_text_start(seg) - b.x0) <= SAME_X for seg in a.segments()[1:])


def _text_start(segment: Line) -> float:
    """Where a segment's text starts: after the list marker it may open with."""
    found = marker_of(segment)
    return segment.visible[found[0]].x0 if found else segment.x0


def measure(pages: list[PageLayout], running: set[int]) -> Metrics:
    m = Metrics()
    sizes: Counter = Counter()
    outside: Counter = Counter()  # sizes of the text outside ruled tables
    body_pairs: list[tuple[Line, Line]] = []
    cell_pairs: list[tuple[Line, Line]] = []
    cell_edges: list[tuple[Line, Line, float]] = []  # two lines of a ruled cell, where its text ends
    cell_finals: list[Line] = []  # the last line of each table cell: a paragraph's end
    all_lines: list[Line] = []
    paddings: Counter = Counter()
    columns: list[tuple] = []  # lines of one text column, its right edge, whole at start and end
    for page in pages:
        body = [ln for ln in page.lines if id(ln) not in running]
        all_lines += body
        columns.append((body, None, True, True))
        body_pairs += list(zip(body, body[1:]))
        for ln in body:
            sizes.update(ln.sizes)
            outside.update(ln.sizes)
            m.right_edge = max(m.right_edge, ln.x1)
            m.text_bottom = max(m.text_bottom, ln.bottom)
        for table in page.tables:
            # a table the page edge cut ends where its text does, not at the page's edge
            bottom = max((ln.bottom for row in table.rows for c in row if c is not None for ln in c.lines),
                         default=table.top) if table.cut_below else table.bottom
            m.text_bottom = max(m.text_bottom, bottom)
            if any(c is not None and c.lines for row in table.rows for c in row):
                paddings[round(table.padding(), 1)] += 1
            for r, row in enumerate(table.rows):
                for cell in (c for c in row if c is not None):
                    cell_pairs += list(zip(cell.lines, cell.lines[1:]))
                    cell_edges += [(a, b, cell.x1 - table.padding()) for a, b in zip(cell.lines, cell.lines[1:])]
                    cell_finals += cell.lines[-1:]
                    all_lines += cell.lines
                    for ln in cell.lines:
                        sizes.update(ln.sizes)
                    if cell.lines:
                        first, last = r == 0 and page.number > 1, r == len(table.rows) - 1
                        columns.append(cell_column(cell.lines, (cell.x1, table), first, last))
    # a document that never fills a page shows no bottom margin: a page broken by overflow is
    # filled to beyond 70% of its height, so content ending higher reaches no bottom
    m.text_bottom = max(m.text_bottom, BOTTOM_AT_LEAST * max((page.height for page in pages), default=0.0))
    # segments, not lines: in a table without rulings each column's text starts a segment
    m.line_numbers = line_numbers([seg for ln in all_lines for seg in ln.segments()])
    m.cell_padding = paddings.most_common(1)[0][0] if paddings else None
    m.cell_columns = [(lines, _text_edge(edge, m), *ends) for lines, edge, *ends in columns if edge is not None]
    if sizes:
        m.body_size = _body_size(sizes, outside)
    m.body_pitch = _typical_pitch(body_pairs) or SINGLE_SPACING
    m.cell_pitch = _typical_pitch(cell_pairs) or m.body_pitch
    m.drawn_spaces = _draws_wrap_spaces(body_pairs + cell_pairs, cell_finals)
    m.wrap_space = _wrap_space(body_pairs + cell_pairs) if m.drawn_spaces and on("pdf.cut-at-drawn-space") else None
    m.lexicon = Lexicon.of([(lines, _text_edge(edge, m), *ends) for lines, edge, *ends in columns], m.wrap_space)
    m.marked_ends = marks_paragraph_ends(cell_edges, m)
    m.tight_cells = any(
        a.page == b.page and 0 < b.top - a.top <= m.gap_limit(b.size, cell=True) and abs(a.x0 - b.x0) <= SAME_X
        and next_word_fits(a, b, edge) for a, b, edge in cell_edges)
    _heading_sizes(pages, running, m)
    return m


_SECTION = re.compile(r"(\d+(?:\.\d+)*)\.?\s")


def _numbered_section(pages: list[PageLayout], running: set[int], size: float, m: Metrics) -> bool:
    """Does the text in `size` start with a section number ("1. PLAN") that a later heading's
    number extends ("1.1 Competence A")? Then it is the first heading of a numbered outline,
    not a title (`pdf.one-title`)."""
    if not on("pdf.one-title"):
        return False
    lines = [ln for page in pages for ln in page.lines if id(ln) not in running]
    first = next((ln for ln in lines if ln.size == size), None)
    found = _SECTION.match(first.text) if first is not None else None
    if found is None:
        return False
    deeper = re.compile(re.escape(found.group(1)) + r"\.\d")
    return any(ln.size > m.body_size + SAME_SIZE and ln.size != size and deeper.match(ln.text) for ln in lines)


def _body_size(sizes: Counter, outside: Counter) -> float:
    """The size of body text: the most common size, unless the text outside tables is mostly set
    a little larger (HTML printed from a word processor sets table text at 0.9 em or so): then
    that size, so that ordinary paragraphs between tables are not taken for headings. A size
    more than BODY_OVER_TABLE_TEXT times the table text is a heading's, not body text."""
    common = sizes.most_common(1)[0][0]
    if not outside or not on("pdf.body-size"):
        return common
    own = outside.most_common(1)[0][0]
    return own if common < own <= BODY_OVER_TABLE_TEXT * common else common


def _text_edge(edge: tuple[float, RawTable] | None, m: Metrics) -> float | None:
    """How far text can run in a cell: to its edge less the padding. (None for body text.)"""
    if edge is None:
        return None
    x1, table = edge
    return x1 - table.padding(m.cell_padding)


def _heading_sizes(pages: list[PageLayout], running: set[int], m: Metrics) -> None:
    """Sizes larger than body text are headings, largest first; the largest size used only on
    page 1, in one run of lines (`pdf.one-title`: a title stands once; the same size again
    after other text, as "1. SHARE" and "2. PLAN" are, is a heading), is the title."""
    pages_by_size: dict[float, set[int]] = {}
    runs_on_first: dict[float, int] = {}  # runs of lines of each size on page 1
    for page in pages:
        previous = None
        for ln in page.lines:
            if id(ln) in running:
                continue
            if ln.size > m.body_size + SAME_SIZE:
                pages_by_size.setdefault(ln.size, set()).add(page.number)
                if page.number == 1 and previous != ln.size:
                    runs_on_first[ln.size] = runs_on_first.get(ln.size, 0) + 1
            previous = ln.size
    sizes = sorted(pages_by_size, reverse=True)
    once = not on("pdf.one-title") or (bool(sizes) and runs_on_first.get(sizes[0], 0) == 1)
    if sizes and pages_by_size[sizes[0]] == {1} and once and not _numbered_section(pages, running, sizes[0], m):
        m.title_size = sizes.pop(0)
    m.heading_levels = {size: level for level, size in enumerate(sizes, start=1)}
