"""The plain objects the PDF reader works with, and what the document says about itself.

`pipeline.readers.pdf` fills these from pdfplumber; everything else in this package works on
them alone, so the layout rules can be tested without a PDF.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...blocks import fold

# Horizontal gap (in units of the font size) that separates two columns of a borderless table.
COLUMN_GAP = 1.2
# Tolerance when comparing column boundaries of two table parts, in points.
COLUMN_TOLERANCE = 2.0
# Running headers live in the top / bottom tenth of the page.
MARGIN_ZONE = 0.10
# A line alone in the outer 6 % of the page is a header or footer even without repetition.
OUTER_MARGIN = 0.06
# Two running lines are "at the same height" within this many points.
SAME_HEIGHT = 2.0
# Line pitch per point of font size when the document shows none (single spacing is 1.15-1.2).
SINGLE_SPACING = 1.25


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    size: float
    italic: bool = False
    bold: bool = False
    inserted: bool = False  # a space the reader added for a visible gap (no space glyph in the PDF)

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
        return fold("".join(g.text for g in self.glyphs))

    @property
    def size(self) -> float:
        sizes = Counter(round(g.size, 1) for g in self.visible)
        return sizes.most_common(1)[0][0]

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
        marker ("•", "1.") stays with the text its tab leads to."""
        parts: list[list[Glyph]] = [[]]
        last: Glyph | None = None
        for g in self.glyphs:
            if not g.blank and last is not None:
                gap = min_gap if min_gap is not None else COLUMN_GAP * max(g.size, last.size)
                if g.x0 - last.x1 > gap and not MARKER.match("".join(x.text for x in parts[-1] if not x.blank)):
                    while parts[-1][-1].blank:  # the space a reader put in the gap is no part of the text
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
        return Line(self.page, self.top, self.bottom, glyphs)


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

    def padding(self, usual: float | None = None) -> float:
        """The space between a cell's edge and its text: the least indent of any line in any
        cell, or the document's `usual` padding when that is less (a part of a table that holds
        only list items or continuation lines is indented further)."""
        own = self.__dict__.get("_padding")
        if own is None:
            indents = [ln.x0 - c.x0 for row in self.rows for c in row if c is not None for ln in c.lines]
            own = self.__dict__["_padding"] = max(0.0, min(indents, default=0.0))
        return own if usual is None else min(own, usual)


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    lines: list[Line]  # text outside ruled tables, top to bottom
    tables: list[RawTable]


# ---------------------------------------------------------------------------------------------
# Document statistics


@dataclass
class Metrics:
    """What the whole document says about its own typography; used by every rule below."""

    body_size: float = 10.0
    body_pitch: float = 1.2  # normal distance between lines of one paragraph, per point of size
    cell_pitch: float = 1.2
    right_edge: float = 0.0  # right edge of the body text column
    text_bottom: float = 0.0  # lowest body content on any page
    heading_levels: dict[float, int] = field(default_factory=dict)
    line_numbers: set[int] = field(default_factory=set)  # "12." starting a line anywhere
    cell_padding: float | None = None  # the usual space between a ruled cell's edge and its text
    title_size: float | None = None
    lexicon: "Lexicon" = field(default_factory=lambda: Lexicon())

    def gap_limit(self, size: float, cell: bool) -> float:
        """Largest top-to-top distance between two lines of one paragraph."""
        pitch = self.cell_pitch if cell else self.body_pitch
        return pitch * size + max(2.0, 0.15 * size)


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
        same_column = abs(a.x0 - b.x0) <= 2
        if abs(a.size - b.size) <= 0.5 and a.size > 0 and b.visible[0].text[:1].islower() and same_column:
            r = (b.top - a.top) / a.size
            if 0.8 <= r <= 3.0:
                ratios.append(round(r, 2))
    if not ratios:
        return None
    mode = Counter(ratios).most_common(1)[0][0]
    near = [r for r in ratios if abs(r - mode) <= 0.03]
    return sum(near) / len(near)


def measure(pages: list[PageLayout], running: set[int]) -> Metrics:
    m = Metrics()
    sizes: Counter = Counter()
    body_pairs: list[tuple[Line, Line]] = []
    cell_pairs: list[tuple[Line, Line]] = []
    all_lines: list[Line] = []
    paddings: Counter = Counter()
    columns: list[tuple] = []  # lines of one text column, its right edge, whole at start and end
    for page in pages:
        body = [ln for ln in page.lines if id(ln) not in running]
        all_lines += body
        columns.append((body, None, True, True))
        body_pairs += list(zip(body, body[1:]))
        for ln in body:
            sizes.update(round(g.size, 1) for g in ln.visible)
            m.right_edge = max(m.right_edge, ln.x1)
            m.text_bottom = max(m.text_bottom, ln.bottom)
        for table in page.tables:
            m.text_bottom = max(m.text_bottom, table.bottom)
            if any(c is not None and c.lines for row in table.rows for c in row):
                paddings[round(table.padding(), 1)] += 1
            for r, row in enumerate(table.rows):
                for cell in (c for c in row if c is not None):
                    cell_pairs += list(zip(cell.lines, cell.lines[1:]))
                    all_lines += cell.lines
                    if cell.lines:
                        # a row cut by a page break goes on in the first row of the next page
                        cut_above = r == 0 and page.number > 1 and continues_sentence(cell.lines[0].text)
                        cut_below = r == len(table.rows) - 1
                        columns.append((cell.lines, (cell.x1, table), not cut_above, not cut_below))
                for ln in cell.lines:
                    sizes.update(round(g.size, 1) for g in ln.visible)
    m.line_numbers = line_numbers(all_lines)
    m.cell_padding = paddings.most_common(1)[0][0] if paddings else None
    m.lexicon = Lexicon.of([(lines, _text_edge(edge, m), *ends) for lines, edge, *ends in columns])
    if sizes:
        m.body_size = sizes.most_common(1)[0][0]
    m.body_pitch = _typical_pitch(body_pairs) or SINGLE_SPACING
    m.cell_pitch = _typical_pitch(cell_pairs) or m.body_pitch
    _heading_sizes(pages, running, m)
    return m


def _text_edge(edge: tuple[float, RawTable] | None, m: Metrics) -> float | None:
    """How far text can run in a cell: to its edge less the padding. (None for body text.)"""
    if edge is None:
        return None
    x1, table = edge
    return x1 - table.padding(m.cell_padding)


def _heading_sizes(pages: list[PageLayout], running: set[int], m: Metrics) -> None:
    """Sizes larger than body text are headings, largest first; the largest size used only on
    page 1 is the title."""
    pages_by_size: dict[float, set[int]] = {}
    for page in pages:
        for ln in page.lines:
            if id(ln) not in running and ln.size > m.body_size + 0.5:
                pages_by_size.setdefault(ln.size, set()).add(page.number)
    sizes = sorted(pages_by_size, reverse=True)
    if sizes and pages_by_size[sizes[0]] == {1}:
        m.title_size = sizes.pop(0)
    m.heading_levels = {size: level for level, size in enumerate(sizes, start=1)}


# ---------------------------------------------------------------------------------------------
# Text facts shared by the rules

# Bullet glyphs, including the private-use code points of the Symbol and Wingdings fonts that
# Word lists use (U+F0B7 is Symbol's bullet, U+F0A7 Wingdings' square, ...).
BULLETS = "•◦▪▫‣●○■□►▸➢✓∙·\uf0b7\uf0a7\uf0a8\uf076\uf0d8\uf0fc\uf0e0\uf06e\uf071"
MARKER = re.compile(r"^(?:([" + BULLETS + r"])|([-–*])|(\d{1,3})[.)]|([a-z])[.)])$")


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
    """The numbers that start lines as "12." or "12)": the evidence for a numbered list."""
    numbers = set()
    for line in lines:
        found = marker_of(line)
        if found and found[1].group(3):
            numbers.add(int(found[1].group(3)))
    return numbers


def continues_sentence(text: str) -> bool:
    """Text that goes on with a sentence: a lower-case word (also after an opening quote or
    bracket) or punctuation that cannot start one (also a quote with no word after it: a
    closing one)."""
    if text[:1] in ",;:)]}…-–":
        return True
    if text[:1] in "'\"’”" and not text[1:2].isalnum():
        return True
    return text.lstrip("'\"‘’“”([").strip()[:1].islower()


# ---------------------------------------------------------------------------------------------
# The document's own words

_EDGE_PUNCTUATION = "'\"‘’“”«»()[]{}.,;:!?…"
_SENTENCE_END = ".?!:;"


def word_key(token: str) -> str:
    """A token as the lexicon compares it: without the punctuation around it, in lower case."""
    return token.strip(_EDGE_PUNCTUATION).lower()


@dataclass(frozen=True)
class Lexicon:
    """Words the document itself shows whole, for the line-break questions geometry cannot
    answer: in a narrow column a word that fills its line followed by one that did not fit
    looks exactly like one long word cut at the column edge; a capitalised word wrapped to the
    start of a line looks like the start of a new paragraph.

    `words`: tokens the layout shows whole (see `of`).
    `names`: capitalised tokens seen after a word that does not end a sentence ("met Zoë",
    "de P&O"): names, which say nothing about where a paragraph starts. Bold text is left out
    (headings capitalise their words)."""

    words: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()

    @classmethod
    def of(cls, columns: list[tuple[list[Line], float | None, bool, bool]]) -> "Lexicon":
        """`columns`: runs of lines in reading order within one column (a page's body, a cell),
        each with the right edge of its text (None for body text, whose lines may belong to
        the columns of a table without rulings) and whether its start and end are surely breaks
        at a space (not so in a table row that a page break may have cut). A token is a whole word when both its ends are
        sure breaks (`_breaks_at_space`); lines in several columns (a table without rulings)
        only give the words inside each part and at the end of a part of two or more."""
        words: set[str] = set()
        names: set[str] = set()
        runs: list[list[str]] = []
        for lines, edge, whole_start, whole_end in columns:
            parts = [line.segments() for line in lines]
            sure = [whole_start] + [_breaks_at_space(a, b, pa, pb, edge) for a, b, pa, pb in zip(lines, lines[1:], parts, parts[1:])]
            sure.append(whole_end)
            runs += _cut_runs(lines, parts, sure)
            for i, (line, segments) in enumerate(zip(lines, parts)):
                if all(g.bold for g in line.visible):
                    continue  # headings capitalise their words
                for segment in segments:
                    found = _words(segment)
                    names.update(_names(found))
                    if len(segments) == 1:
                        first, last = (0 if sure[i] else 1), (len(found) if sure[i + 1] else len(found) - 1)
                    else:
                        first, last = 1, (len(found) if len(found) >= 2 else 0)
                    words.update(word_key(t) for t in found[first:last])
        words |= _cut_words(runs, words)
        words.discard("")
        names.discard("")
        return cls(frozenset(words), frozenset(names))

    def __or__(self, other: "Lexicon") -> "Lexicon":
        return Lexicon(self.words | other.words, self.names | other.names)

    def knows(self, token: str) -> bool:
        return word_key(token) in self.words

    def is_name(self, token: str) -> bool:
        return word_key(token) in self.names


def _breaks_at_space(before: Line, line: Line, before_parts: list[Line], parts: list[Line], edge: float | None) -> bool:
    """Is the break between two lines of one column surely at a space, not inside a word cut at
    the column edge? A cut word fills its line alone (a word that does not fit moves to a line
    of its own first) up to where not one more letter fits. So: the line before has two or more
    words, or the next letter would have fitted after it, or the new line starts a list item."""
    if len(before_parts) > 1 or len(parts) > 1:
        return False  # (`*_parts`: the lines' segments)
    if edge is None:  # body text: the lines may be in two columns of a table without rulings
        return abs(line.x0 - before.x0) <= 2 and len(_words(before)) >= 2
    if len(_words(before)) >= 2 or marker_of(line) is not None or line.x0 < before.x0 - 2:
        return True
    first = line.visible[0]
    return before.x1 + (first.x1 - first.x0) <= edge - 0.5


def _cut_runs(lines: list[Line], parts: list[list[Line]], sure: list[bool]) -> list[list[str]]:
    """Pieces that may be one word cut at the column edge, with sure breaks around them: a
    one-word line after a sure break, then lines whose break before may be a cut and that go on
    in lower case, up to the first piece followed by a sure break."""
    runs = []
    for i in range(len(lines) - 1):
        if not sure[i] or sure[i + 1] or len(parts[i]) > 1 or len(_words(lines[i])) != 1:
            continue
        if all(g.bold for g in lines[i].visible):
            continue  # a heading's words ("Proficiency" / "level 2") are no evidence
        run, k = [_words(lines[i])[0]], i + 1
        while k < len(lines) and not sure[k] and len(parts[k]) == 1:
            piece = _words(lines[k])
            if not piece[0][:1].islower():
                break
            run.append(piece[0])
            if len(piece) > 1 or sure[k + 1]:
                runs.append(run)
                break
            k += 1
    return runs


def _cut_words(runs: list[list[str]], words: set[str]) -> set[str]:
    """The runs that no known word explains, joined: each was one word cut at the column edge.
    A run that splits where a known or joined word starts or ends ("signaleert" / "samenwer" /
    "king") was two words; so was one in which a piece is a known word."""
    runs = [[word_key(piece) for piece in run] for run in runs]
    runs = [run for run in runs if not any(piece in words for piece in run)]
    known = words | {"".join(run) for run in runs}

    def two_words(run: list[str], j: int) -> bool:  # the same test as for a line break in a cell
        head, rest = "".join(run[:j]), "".join(run[j:])
        return (rest in known and len(rest) >= 3) or (head in known and len(head) >= 4)

    return {"".join(run) for run in runs if not any(two_words(run, j) for j in range(1, len(run)))}


def _words(line: Line) -> list[str]:
    """The line's tokens, without a list marker it starts with."""
    marker = marker_of(line)
    return (line.drop_prefix(marker[0]) if marker else line).text.split(" ")


def _names(tokens: list[str]) -> set[str]:
    """Capitalised tokens after a word that does not end a sentence (nor is a number or a
    list marker)."""
    return {
        word_key(token) for before, token in zip(tokens, tokens[1:])
        if token[:1].isupper() and before[-1:] not in _SENTENCE_END
        and not before.isdigit() and not MARKER.match(before)
    }
