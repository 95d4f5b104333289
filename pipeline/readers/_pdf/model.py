"""The plain objects the PDF reader works with, and the text facts its rules share.

`pipeline.readers.pdf` fills these from pdfplumber; everything else in this package works on
them alone, so the layout rules can be tested without a PDF.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...blocks import fold

from .tolerances import COLUMN_GAP, COLUMN_TOLERANCE, MARGIN_ZONE, OUTER_MARGIN, SAME_HEIGHT, SINGLE_SPACING  # noqa: F401
from .tolerances import EDGE_SLACK, LIST_TAB_AT_MOST, SPACE_APART, WHOLE_LINES
from . import rules


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    size: float
    italic: bool = False
    bold: bool = False
    inserted: bool = False  # a space the reader added for a visible gap (no space glyph in the PDF)
    # where the glyph itself stands (None: not known, the line's): a cell's text on one visual
    # line with a label set a little higher keeps its own top
    top: float | None = None
    bottom: float | None = None
    # the first glyph of a cell's text set beside another cell's with no gap to show it (a cell
    # the reader moved there: pdf.centred-cells): a segment starts here whatever the gap
    cell_start: bool = False

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def breaking_space(self) -> bool:
        """A space a line may break at (a no-break space keeps words together)."""
        return self.blank and "\xa0" not in self.text


@dataclass
class Line:
    """One visual line of text: glyphs in reading order with their position on a page."""

    page: int
    top: float
    bottom: float
    glyphs: list[Glyph]

    @property
    def visible(self) -> list[Glyph]:
        cached = self.__dict__.get("_visible")  # every rule asks for it: worked out once per glyph list
        if cached is None or cached[0] is not self.glyphs:
            cached = (self.glyphs, [g for g in self.glyphs if not g.blank])
            self.__dict__["_visible"] = cached
        return cached[1]

    @property
    def x0(self) -> float:
        return self.visible[0].x0

    @property
    def x1(self) -> float:
        return self.visible[-1].x1

    @property
    def text(self) -> str:
        cached = self.__dict__.get("_text")  # as visible: once per glyph list
        if cached is None or cached[0] is not self.glyphs:
            cached = (self.glyphs, fold("".join(g.text for g in self.glyphs)))
            self.__dict__["_text"] = cached
        return cached[1]

    @property
    def sizes(self) -> Counter:
        """How many visible glyphs have each size (rounded to 0.1 pt), in the order they come."""
        cached = self.__dict__.get("_sizes")  # as visible: once per glyph list
        if cached is None or cached[0] is not self.glyphs:
            cached = (self.glyphs, Counter(round(g.size, 1) for g in self.visible))
            self.__dict__["_sizes"] = cached
        return cached[1]

    @property
    def size(self) -> float:
        cached = self.__dict__.get("_size")  # asked for thousands of times: once per glyph list, as visible
        if cached is None or cached[0] is not self.glyphs:
            cached = (self.glyphs, self.sizes.most_common(1)[0][0])
            self.__dict__["_size"] = cached
        return cached[1]

    def prepare(self) -> None:
        """Work out now what every layout rule asks of the line and keeps (its visible glyphs,
        text, sizes and segments, and the same of each segment). None of it depends on the rest
        of the document, so the process that lays out a page does it (`--jobs`: a worker, for
        its pages), and the answers travel with the line."""
        for line in [self, *self.segments()]:
            line.visible, line.text, line.sizes, line.size

    @property
    def ends_in_space(self) -> bool:
        """Does the PDF draw a space after the line's last visible glyph? Some writers keep the
        space a line was broken at: then the line surely did not end inside a word."""
        for g in reversed(self.glyphs):
            if not g.blank:
                return False
            if g.breaking_space and not g.inserted:
                return True
        return False

    def first_word_width(self) -> float:
        """Width of the text up to the first place the line could have been broken."""
        vis = self.visible
        end = vis[0].x1
        started = False
        for g in self.glyphs:
            if not started:
                started = not g.blank
                if not started:
                    continue
            if g.breaking_space:
                break
            end = g.x1
            if g.text.endswith("-") and g is not vis[0]:
                break  # a line may also break after a hyphen
        return end - vis[0].x0

    def segments(self, min_gap: float | None = None) -> list["Line"]:
        """Split the line where the gap between two visible glyphs is a column gap; a list
        marker ("•", "1.") stays with the text its tab leads to (a tab's reach at most: further
        on, the marker stands alone in its column and the text is the next column's)."""
        if min_gap is None:  # the usual question, asked by several rules: answered once per glyph list
            cached = self.__dict__.get("_segmented")  # (not "_segments": that would hide the method)
            if cached is None or cached[0] is not self.glyphs:
                cached = (self.glyphs, self._segments(None))
                self.__dict__["_segmented"] = cached
            return list(cached[1])
        return self._segments(min_gap)

    def _segments(self, min_gap: float | None) -> list["Line"]:
        parts: list[list[Glyph]] = [[]]
        last: Glyph | None = None
        for g in self.glyphs:
            if not g.blank and last is not None:
                gap = min_gap if min_gap is not None else COLUMN_GAP * max(g.size, last.size)
                if g.cell_start or (
                    g.x0 - last.x1 > gap
                    and not (MARKER.match("".join(x.text for x in parts[-1] if not x.blank))
                             and g.x0 - last.x1 <= LIST_TAB_AT_MOST * g.size)
                    and not _stretched_space(parts[-1], g)
                ):
                    while parts[-1][-1].blank and parts[-1][-1].inserted:  # the reader's, for the gap
                        parts[-1].pop()
                    parts.append([])
            parts[-1].append(g)
            if not g.blank:
                last = g
        return [self._with(p) for p in parts if any(not g.blank for g in p)]

    def drop_prefix(self, count: int) -> "Line":
        """The line without its first `count` visible glyphs and the blanks after them."""
        seen, index = 0, 0
        for index, g in enumerate(self.glyphs):
            if not g.blank:
                if seen == count:
                    break
                seen += 1
        return self._with(self.glyphs[index:])

    def _with(self, glyphs: list[Glyph]) -> "Line":
        """A part of the line: its own top and bottom where its glyphs know theirs."""
        boxes = [(g.top, g.bottom) for g in glyphs if not g.blank]
        if not boxes or any(top is None or bottom is None for top, bottom in boxes):
            return Line(self.page, self.top, self.bottom, glyphs)
        return Line(self.page, min(t for t, _ in boxes), max(b for _, b in boxes), glyphs)


def _stretched_space(before: list[Glyph], after: Glyph) -> bool:
    """Is the wide gap before `after` a word space that justification stretched, not a column
    gap? The PDF draws a space in it, apart from the glyph before it (LibreOffice spreads a
    justified line's extra width on both sides of each space) or reaching the glyph after it
    (a space widened by word spacing). A space right after a word that stops short of the next
    text is the end of a cell's text: the gap after it may still be a column's."""
    if not rules.on("pdf.justified-spaces"):
        return False
    visible = [k for k, g in enumerate(before) if not g.blank]
    if not visible:
        return False
    last = before[visible[-1]]
    spaces = [g for g in before[visible[-1] + 1 :] if g.breaking_space and not g.inserted]
    return any(s.x0 - last.x1 > SPACE_APART * s.size or after.x0 - s.x1 <= EDGE_SLACK for s in spaces)


@dataclass
class RawCell:
    x0: float
    top: float
    x1: float
    bottom: float
    lines: list[Line] = field(default_factory=list)


@dataclass
class RawTable:
    """A table as found on one page: rows of cells (None where a cell above spans into the row)."""

    page: int
    top: float
    bottom: float
    columns: list[float]  # left edge of each column, then the right edge of the table
    rows: list[list[RawCell | None]]
    ruled: bool = True
    # its rulings run off the page above / below: the page break cut the table there
    cut_above: bool = False
    cut_below: bool = False

    def padding(self, usual: float | None = None) -> float:
        """The space between a cell's edge and its text: the least indent of any line in any
        cell, or the document's `usual` padding when that is less (a part of a table that holds
        only list items or continuation lines is indented further)."""
        own = self.__dict__.get("_padding")
        if own is None:
            indents = [ln.x0 - c.x0 for row in self.rows for c in row if c is not None for ln in c.lines]
            own = self.__dict__["_padding"] = max(0.0, min(indents, default=0.0))
        return own if usual is None else min(own, usual)

    def widest(self, cell: RawCell) -> float:
        """How far the text of the cell's column runs: the right end of its widest line (the
        edge of a column without rulings, as far as the table shows it)."""
        widest = self.__dict__.get("_widest")
        if widest is None:
            widest = self.__dict__["_widest"] = {}
            for c in (c for row in self.rows for c in row if c is not None and c.lines):
                widest[c.x0, c.x1] = max(widest.get((c.x0, c.x1), 0.0), max(ln.x1 for ln in c.lines))
        return widest[cell.x0, cell.x1]


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    lines: list[Line]  # text outside ruled tables, top to bottom
    tables: list[RawTable]
    # boxes of one cell, whose text is in `lines`: a framed paragraph, or the first row of a
    # table alone at the end of a page (x0, top, x1, bottom)
    frames: list[tuple[float, float, float, float]] = field(default_factory=list)
    # judgements made while the page was read (glyphs with no character taken for list bullets)
    notes: list = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Text facts shared by the rules

# Bullet glyphs, including the private-use code points of the Symbol and Wingdings fonts that
# Word lists use (U+F0B7 is Symbol's bullet, U+F0A7 Wingdings' square, ...).
BULLETS = "•◦▪▫‣●○■□►▸➢✓∙·\uf0b7\uf0a7\uf0a8\uf076\uf0d8\uf0fc\uf0e0\uf06e\uf071"
MARKER = re.compile(r"^(?:([" + BULLETS + r"])|([-–*])|(\d{1,3})[.)]|([a-z])[.)])$")


def stretched_after(line: Line, count: int) -> bool:
    """Is the gap after the line's first `count` visible glyphs a word space that justification
    stretched, not the tab after a list marker (which the PDF draws no space in)? The PDF
    draws a space in it that `_stretched_space` takes for a stretched one, or that stands
    apart from the glyphs on both sides (LibreOffice spreads a little extra width evenly
    around it: "b)" / " " / "ô", 1.2 pt either side)."""
    vis = line.visible
    if count >= len(vis):
        return False
    at = next(k for k, g in enumerate(line.glyphs) if g is vis[count])
    before, after = line.glyphs[:at], vis[count]
    if _stretched_space(before, after):
        return True
    return spread_space(before, vis[count - 1], after)


def spread_space(between: list[Glyph], last: Glyph, after: Glyph) -> bool:
    """Does the gap from `last` to `after` hold a space the PDF draws that stands apart from
    the glyphs on both sides? LibreOffice spreads a justified line's extra width evenly around
    each space ("hoofd-" / " " / "en", 2.3 pt either side); a cell's text ends in a space
    right after its last glyph, if at all."""
    spaces = [g for g in between if g.breaking_space and not g.inserted and g.x0 >= last.x1 - EDGE_SLACK]
    return rules.on("pdf.justified-spaces") and any(
        s.x0 - last.x1 > EDGE_SLACK and after.x0 - s.x1 > EDGE_SLACK for s in spaces)


def marker_of(line: Line) -> tuple[int, re.Match, float] | None:
    """The list marker a line starts with: (glyph count, match, width of the gap after it)."""
    vis = line.visible
    text = ""
    for count, g in enumerate(vis[:4], start=1):
        text += g.text
        match = MARKER.match(text)
        if match and count < len(vis):
            return count, match, vis[count].x0 - g.x1
    return None


def line_numbers(lines: list[Line]) -> set[int]:
    """The numbers that start lines as "12." or "12)", or stand alone on one (an item whose
    first word did not fit beside its number): the evidence for a numbered list."""
    numbers = set()
    for line in lines:
        found = marker_of(line)
        match = found[1] if found else MARKER.match(line.text.strip())
        if match and match.group(3):
            numbers.add(int(match.group(3)))
    return numbers


def continues_sentence(text: str, numbers_first: bool = False) -> bool:
    """Text that goes on with a sentence: a lower-case word (also after an opening quote or
    bracket) or punctuation that cannot start one (also a quote with no word after it: a
    closing one). With `numbers_first`, words without letters before it ("(1)", "2024",
    "50%") say nothing and the first word with a letter decides: for text after a page break,
    where no line above shows whether the number would have fitted."""
    if text[:1] in ",;:)]}…-–":
        return True
    if text[:1] in "'\"’”" and not text[1:2].isalnum():
        return True
    if numbers_first:
        text = next((w for w in text.split() if any(c.isalpha() for c in w)), "")
    return text.lstrip("'\"‘’“”([").strip()[:1].islower()


def inside(line: Line, box: tuple[float, float, float, float]) -> bool:
    """Does the line lie in the box (x0, top, x1, bottom): across within it, its middle between
    the box's top and bottom?"""
    x0, top, x1, bottom = box
    middle = (line.top + line.bottom) / 2
    return x0 <= line.x0 and line.x1 <= x1 and top <= middle <= bottom


def whole_lines(gap: float, step: float) -> bool:
    """Is a vertical gap a whole number of line steps (lines left empty, not paragraph spacing)?"""
    return abs(gap - step * round(gap / step)) <= WHOLE_LINES


def ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in ".?!;:"
