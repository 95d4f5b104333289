"""Layout analysis for the PDF reader: positioned text lines in, neutral blocks out.

This module knows geometry, not pdfplumber: `pipeline.readers.pdf` turns each page into
`Line`s (glyphs with position, size and emphasis) and `RawTable`s (cells found from ruling
lines); everything here works on those plain objects, so it can be tested without a PDF.

The rules, in the order a page goes through them:

* Running headers and footers (`find_running_lines`): a line in the top or bottom tenth of the
  page, outside tables, that repeats on at least two pages with the same text (digits count as
  equal) at nearly the same height (2 pt), or that is just a page number ("3", "- 3 -",
  "Pagina 3 van 10", "Page 3 of 10"). Once such a line fixes a header (or footer) height, other
  lines of that zone at that height are running lines too (a cluster name seen on one page
  only). Body text in the reference starts at 72 pt, inside the top tenth, so position alone
  never makes a header: repetition or a page-number shape is always needed first.
* Paragraphs (`group_paragraphs`): consecutive lines form one paragraph unless the font size
  changes, the distance between the lines is larger than the document's normal line pitch
  (plus 2 pt), the line starts with a list marker, a hanging list item ends, or the first word of
  the line would have fitted on the previous line (the previous line ended on purpose).
* Tables without ruling lines (`find_borderless_tables`): runs of lines whose text sits in the
  same columns (a wide horizontal gap at the same x on several lines).
* Stitching (`Assembler`): see `Assembler._continues` and `Assembler._split_row`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..blocks import Block, Cell, Origin, PageBreak, PageHeader, Paragraph, Row, Span, Table, fold

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
        return [g for g in self.glyphs if not g.blank]

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
                marker = _MARKER.match("".join(x.text for x in parts[-1] if not x.blank))
                if g.x0 - last.x1 > gap and not marker:
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
    title_size: float | None = None

    def gap_limit(self, size: float, cell: bool) -> float:
        """Largest top-to-top distance between two lines of one paragraph."""
        pitch = self.cell_pitch if cell else self.body_pitch
        return pitch * size + max(2.0, 0.15 * size)


def _typical_pitch(pairs: list[tuple[Line, Line]]) -> float | None:
    """The usual top-to-top distance of two lines of one paragraph, per point of font size.

    Only pairs whose second line starts with a lower-case letter count: those are wrapped lines
    of one paragraph for sure. (A document of one-line paragraphs has no such pairs; then the
    caller falls back to a single-spacing guess rather than taking paragraph gaps as line pitch.)
    """
    ratios = []
    for a, b in pairs:
        if abs(a.size - b.size) <= 0.5 and a.size > 0 and b.visible[0].text[:1].islower():
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
    for page in pages:
        body = [ln for ln in page.lines if id(ln) not in running]
        all_lines += body
        body_pairs += list(zip(body, body[1:]))
        for ln in body:
            sizes.update(round(g.size, 1) for g in ln.visible)
            m.right_edge = max(m.right_edge, ln.x1)
            m.text_bottom = max(m.text_bottom, ln.bottom)
        for table in page.tables:
            m.text_bottom = max(m.text_bottom, table.bottom)
            for cell in (c for row in table.rows for c in row if c is not None):
                cell_pairs += list(zip(cell.lines, cell.lines[1:]))
                all_lines += cell.lines
                for ln in cell.lines:
                    sizes.update(round(g.size, 1) for g in ln.visible)
    m.line_numbers = _line_numbers(all_lines)
    if sizes:
        m.body_size = sizes.most_common(1)[0][0]
    m.body_pitch = _typical_pitch(body_pairs) or SINGLE_SPACING
    m.cell_pitch = _typical_pitch(cell_pairs) or m.body_pitch
    _heading_sizes(pages, running, m)
    return m


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
# Running headers and footers

_PAGE_NUMBER = re.compile(
    r"^(?:(?:pagina|page|blz\.?|p\.)\s*)?(\d{1,4})(?:\s*(?:van|of|/)\s*\d{1,4})?$"
    r"|^[-–—]\s*(\d{1,4})\s*[-–—]$",
    re.IGNORECASE,
)


def _zone(line: Line, page: PageLayout) -> str | None:
    if line.top < page.height * MARGIN_ZONE:
        return "header"
    if line.bottom > page.height * (1 - MARGIN_ZONE):
        return "footer"
    return None


def _is_page_number(text: str, page_number: int) -> bool:
    match = _PAGE_NUMBER.match(text)
    if not match:
        return False
    bare = re.fullmatch(r"\d+", text) is not None
    return not bare or int(text) == page_number


def find_running_lines(pages: list[PageLayout]) -> dict[int, bool]:
    """id(line) -> True for a footer, False for a header (see the module docstring)."""
    candidates = []  # (page, line, zone, key)
    for page in pages:
        for ln in page.lines:
            zone = _zone(ln, page)
            if zone:
                key = re.sub(r"\d+", "#", ln.text.lower())
                candidates.append((page.number, ln, zone, key))
    found: dict[int, bool] = {}
    bands: dict[str, list[float]] = {"header": [], "footer": []}
    for number, ln, zone, key in candidates:
        repeated = any(
            other_number != number and other_zone == zone and other_key == key
            and abs(other.top - ln.top) <= SAME_HEIGHT
            for other_number, other, other_zone, other_key in candidates
        )
        if repeated or _is_page_number(ln.text, number):
            found[id(ln)] = zone == "footer"
            bands[zone].append(ln.top)
    for _, ln, zone, _ in candidates:
        if id(ln) not in found and any(abs(ln.top - top) <= SAME_HEIGHT for top in bands[zone]):
            found[id(ln)] = zone == "footer"
    by_number = {page.number: page for page in pages}
    for number, ln, zone, _ in candidates:
        if id(ln) not in found and _isolated_in_margin(ln, zone, by_number[number]):
            found[id(ln)] = zone == "footer"
    return found


def _isolated_in_margin(line: Line, zone: str, page: PageLayout) -> bool:
    """A line in the outer 6 % of the page (Word puts headers half an inch from the edge, body
    text starts an inch in), with a gap of twice its height to everything else: a header or
    footer even when it occurs once (the name of a cluster that fills one page)."""
    height = line.bottom - line.top
    if zone == "header":
        if line.top > page.height * OUTER_MARGIN:
            return False
        below = [ln.top for ln in page.lines if ln.top > line.bottom] + [t.top for t in page.tables]
        return all(top - line.bottom >= 2 * height for top in below)
    if line.bottom < page.height * (1 - OUTER_MARGIN):
        return False
    above = [ln.bottom for ln in page.lines if ln.bottom < line.top] + [t.bottom for t in page.tables]
    return all(line.top - bottom >= 2 * height for bottom in above)


# ---------------------------------------------------------------------------------------------
# Paragraphs

# Bullet glyphs, including the private-use code points of the Symbol and Wingdings fonts that
# Word lists use (U+F0B7 is Symbol's bullet, U+F0A7 Wingdings' square, ...).
_BULLETS = "•◦▪▫‣●○■□►▸➢✓∙·\uf0b7\uf0a7\uf0a8\uf076\uf0d8\uf0fc\uf0e0\uf06e\uf071"
_MARKER = re.compile(r"^(?:([" + _BULLETS + r"])|([-–*])|(\d{1,3})[.)]|([a-z])[.)])$")


@dataclass
class ParaLines:
    lines: list[Line]
    listed: bool = False  # starts with a list marker (stripped from the first line)
    number: int | None = None  # the number of a numbered list item
    marker: str | None = None
    marker_x: float | None = None  # where the marker stood


def _marker(line: Line) -> tuple[int, re.Match, float] | None:
    """The list marker a line starts with: (glyph count, match, width of the gap after it)."""
    vis = line.visible
    text = ""
    for count, g in enumerate(vis[:4], start=1):
        text += g.text
        match = _MARKER.match(text)
        if match and count < len(vis):
            return count, match, vis[count].x0 - g.x1
    return None


def _list_item(line: Line, previous: ParaLines | None, numbers: set[int]) -> ParaLines | None:
    """A new list item, when the line starts with a list marker.

    Conservative: a bullet glyph always counts; a dash, star, number or letter needs a space
    after it, and counts when the gap after it is tab-like (Word and LibreOffice put a tab
    there), or when it continues the list of the previous paragraph (the same dash, the next
    number). A number also counts, even when it touches its text ("10.Tekst": a long number
    fills the tab), when the lines around it hold the number before or after it.
    """
    found = _marker(line)
    if not found:
        return None
    count, match, gap = found
    size = line.size
    bullet, dash, number, letter = match.groups()
    rest = line.drop_prefix(count)
    if bullet:
        return ParaLines([rest], True, None, bullet, line.x0)
    tab_like = gap >= 0.45 * size
    if number:
        value = int(number)
        in_sequence = value - 1 in numbers or value + 1 in numbers
        follows = rest.visible[0].text[:1].isalpha()
        if tab_like or (in_sequence and (gap >= 0.2 * size or follows)):
            return ParaLines([rest], True, value, "#", line.x0)
        return None
    if gap < 0.2 * size:  # "-werkwijzen": no space after the dash
        return None
    kind = dash or "a"
    continues = previous is not None and previous.listed and previous.marker == kind
    if tab_like or (dash and continues):
        return ParaLines([rest], True, None, kind, line.x0)
    return None


def _line_numbers(lines: list[Line]) -> set[int]:
    """The numbers that start lines as "12." or "12)": the evidence for a numbered list."""
    numbers = set()
    for line in lines:
        found = _marker(line)
        if found and found[1].group(3):
            numbers.add(int(found[1].group(3)))
    return numbers


def group_paragraphs(
    lines: list[Line], m: Metrics, right_edge: float, cell: bool, numbers: set[int] | None = None
) -> list[ParaLines]:
    """Split consecutive lines of one text column into paragraphs (rules in the module docstring).
    `numbers`: line-start numbers seen around these lines (a list may run on over table cells)."""
    paras: list[ParaLines] = []
    numbers = _line_numbers(lines) if numbers is None else numbers
    for line in lines:
        previous = paras[-1] if paras else None
        item = _list_item(line, previous, numbers)
        if item is not None:
            paras.append(item)
        elif previous is None or _breaks(previous, line, m, right_edge, cell):
            paras.append(ParaLines([line]))
        else:
            previous.lines.append(line)
    return paras


def _breaks(para: ParaLines, line: Line, m: Metrics, right_edge: float, cell: bool) -> bool:
    last = para.lines[-1]
    size = max(line.size, last.size)
    if abs(line.size - last.size) > 0.5 or line.page != last.page:
        return True
    pitch = line.top - last.top
    if pitch < 0 or pitch > m.gap_limit(size, cell):
        return True
    if para.listed and para.marker_x is not None and line.x0 < para.marker_x - 2:
        return True  # left of the marker: the list item has ended
    if _continues_sentence(line.text) or abs(line.x0 - last.x0) > 1:
        return False  # the fit test below only holds for left-aligned lines
    space = 0.3 * line.size
    if last.x1 + space + line.first_word_width() < right_edge - 1.5:
        return True
    # In a table cell, paragraphs often follow each other without any spacing (one indicator
    # per paragraph, usually without a full stop). Dutch and English do not capitalise words
    # inside a sentence, so a line that starts with a capitalised word ("Brengt", not "P&O")
    # after a line that does not lead into it (no ":" "," "/" "-" "(" "&" at its end) starts a
    # paragraph; a proper name that wraps to the start of a line is the price. Not in bold text
    # (headers such as "Competentieniveau" / "Ambtelijk Secretaris" wrap too), nor inside a list
    # item (the next item has its own marker).
    bold = all(g.bold for g in last.visible + line.visible)
    if not cell or bold or para.listed:
        return False
    return _capitalised(line) and last.visible[-1].text[-1:] not in ":,/-–(&+"


def _capitalised(line: Line) -> bool:
    word = ""
    for g in line.glyphs:
        if g.blank:
            break
        word += g.text
    return len(word) >= 2 and word[0].isupper() and word[1].islower()


def _join_spans(lines: list[Line], right_edge: float | None) -> tuple[Span, ...]:
    pieces: list[list] = []  # [text, italic, bold]

    def add(text: str, italic: bool, bold: bool) -> None:
        if pieces and (pieces[-1][1], pieces[-1][2]) == (italic, bold) or (pieces and not text.strip()):
            pieces[-1][0] += text
        else:
            pieces.append([text, italic, bold])

    for i, line in enumerate(lines):
        glyphs = list(line.glyphs)
        while glyphs and glyphs[0].blank:
            glyphs.pop(0)
        while glyphs and glyphs[-1].blank:
            glyphs.pop()
        cut = i and _broke_in_word(lines[i - 1], glyphs, right_edge)
        if i and not _broke_at_hyphen(lines[i - 1], glyphs) and not cut:
            add(" ", False, False)
        for g in glyphs:
            add(" " if g.inserted else g.text, g.italic, g.bold)
    return tuple(Span(re.sub(r"[ \t]+", " ", t), italic=it, bold=b) for t, it, b in pieces)


# Words that follow a hyphen that stands for a left-out word part ("hoofd- en bijzaken").
_AFTER_SUSPENDED_HYPHEN = {"en", "of", "tot", "noch", "als", "and", "or", "to", "nor", "&"}


def _broke_at_hyphen(previous: Line, glyphs: list[Glyph]) -> bool:
    """Did the line break inside a hyphenated word ("zij-" / "haar")? Then the lines join
    without a space. Not when the hyphen stands alone (a dash), when a space glyph follows it,
    or when the next word is a conjunction ("hoofd-" / "en bijzaken": the hyphen ends a word).
    Nothing is removed either way: the hyphen stays."""
    vis = previous.visible
    if not vis[-1].text.endswith("-") or previous.glyphs[-1].blank or len(vis) < 2:
        return False
    before = previous.glyphs[previous.glyphs.index(vis[-1]) - 1]
    if before.blank or not before.text[-1:].isalpha() or not glyphs or not glyphs[0].text[:1].isalpha():
        return False
    word = ""
    for g in glyphs:
        if g.blank:
            break
        word += g.text
    return word.lower() not in _AFTER_SUSPENDED_HYPHEN


def _broke_in_word(previous: Line, glyphs: list[Glyph], right_edge: float | None) -> bool:
    """A word wider than its column is cut where the column ends ("Competenti" / "eniveau"):
    the line is that one word, not even the next letter would have fitted after it, the rest
    starts with a lower-case letter, and the word with its rest is wider than the column.
    Geometry cannot tell this from a long word that happens to fill its line followed by a
    word that did not fit ("geëvalueerd" / "bewoners"): in very narrow columns either can go
    wrong."""
    if right_edge is None or not glyphs or previous.visible[-1].text.endswith("-"):
        return False
    if not glyphs[0].text[:1].islower():
        return False
    vis = previous.visible
    first = next(i for i, g in enumerate(previous.glyphs) if g is vis[0])
    last = next(i for i, g in enumerate(previous.glyphs) if g is vis[-1])
    if any(g.breaking_space for g in previous.glyphs[first:last]):
        return False
    rest = 0.0
    for g in glyphs:
        if g.breaking_space:
            break
        rest += g.x1 - g.x0
    next_letter = glyphs[0].x1 - glyphs[0].x0
    word = previous.x1 - previous.x0
    return previous.x1 + next_letter > right_edge and word + rest > right_edge - previous.x0


def make_paragraph(para: ParaLines, m: Metrics, body: bool, right_edge: float | None = None) -> Paragraph:
    first = para.lines[0]
    style, level = None, 0
    if para.listed:
        style = "list"
    elif body and m.title_size is not None and first.size == m.title_size and first.page == 1:
        style = "title"
    elif body and first.size in m.heading_levels:
        style, level = "heading", m.heading_levels[first.size]
    origin = Origin(page=first.page, top=round(first.top, 1))
    return Paragraph(_join_spans(para.lines, right_edge), style=style, level=level, origin=origin)


# ---------------------------------------------------------------------------------------------
# Tables without ruling lines


def find_borderless_tables(
    lines: list[Line], m: Metrics, known: list[list[float]] = ()
) -> list[tuple[int, int, RawTable]]:
    """Runs of lines laid out in columns: (first index, end index, table) for each run.

    A run starts at a line with text in two or more columns (separated by a gap wider than
    `COLUMN_GAP` font sizes) when a later line confirms those columns, or, at the top of a page,
    at a line that sits in a column of a borderless table found earlier (the rest of a table
    cut by the page break). It goes on while each line's text starts at the run's column
    positions (within 2 pt) without crossing a column boundary, and ends at a change of font
    size or a gap of more than two line pitches (Word leaves an empty paragraph between tables).
    Rows start where the first column has text (a new label) or where the gap above a line is
    larger than the normal line pitch.
    """
    runs: list[list] = []  # [start, start of the columns, end, columns]
    i = 0
    while i < len(lines):
        columns = _columns_at(lines, i)
        if columns is None:  # columns seen in an earlier table of the document
            columns = next((c for c in known if len(_cells_of(lines[i], c) or ()) > 1), None)
        continued = columns is None and i == 0
        if continued:
            columns = next((c for c in known if _continues_columns(lines[0], c)), None)
        if not columns:
            i += 1
            continue
        end = i
        while end < len(lines) and _fits_columns(lines, end, columns, i, m):
            end += 1
        multi = sum(1 for ln in lines[i:end] if len(_cells_of(ln, columns) or ()) > 1)
        if continued or (end - i >= 2 and multi >= 1):
            floor = runs[-1][2] if runs else 0
            start = i if runs and runs[-1][2] == i else _spanning_rows_above(lines, i, floor, m)
            runs.append([start, i, end, columns])
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
    while start > floor:
        above, below = lines[start - 1], lines[start]
        emphasised = all(g.bold for g in above.visible) or all(g.italic for g in above.visible)
        close = below.top - above.top <= 2 * m.gap_limit(below.size, cell=True) + 0.5 * below.size
        if not emphasised or not close or abs(above.size - lines[i].size) > 0.5 or above.page != below.page:
            break
        start -= 1
    return start


def _columns_at(lines: list[Line], i: int) -> list[float] | None:
    """Column starts suggested by line i and confirmed by a later line of the same run."""
    segs = lines[i].segments()
    if len(segs) < 2:
        return None
    starts = [s.x0 for s in segs]
    for ln in lines[i + 1 : i + 8]:
        others = [s.x0 for s in ln.segments()]
        if all(any(abs(o - s) <= COLUMN_TOLERANCE for s in starts) for o in others):
            if len(others) >= 2 or others[0] > starts[0] + COLUMN_TOLERANCE:
                return starts
    return None


def _continues_columns(line: Line, columns: list[float]) -> bool:
    cells = _cells_of(line, columns)
    return bool(cells) and (len(cells) > 1 or 0 not in cells)


def _cells_of(line: Line, columns: list[float], span: bool = False) -> dict[int, Line] | None:
    """The line's segments keyed by column index, or None when a segment fits no column.

    A segment belongs to the column it starts in (at the column's left edge or indented within
    it, as the text of a list item is) and may not run into the next column, unless `span`
    allows text that starts in a later column to run over the columns after it (a cell merged
    across). Text in the first column never spans: that is how body text looks."""
    cells: dict[int, Line] = {}
    covered = -1
    for seg in (part for whole in line.segments() for part in _split_at_columns(whole, columns)):
        index = None
        for k, x in enumerate(columns):
            if seg.x0 >= x - COLUMN_TOLERANCE:
                index = k
        if index is None or index <= covered:
            return None
        reach = _last_column(seg, columns, index)
        if reach > index and not (span and index > 0):
            return None
        covered = reach
        cells[index] = seg
    return cells


def _last_column(seg: Line, columns: list[float], index: int) -> int:
    """The last column a segment that starts in column `index` runs into."""
    last = index
    while last + 1 < len(columns) and seg.x1 > columns[last + 1] - COLUMN_TOLERANCE:
        last += 1
    return last


def _split_at_columns(seg: Line, columns: list[float]) -> list[Line]:
    """Cut a segment where a word starts right at a known column edge, after a space: a long
    label can end closer to the next column than the usual column gap."""
    parts: list[list[Glyph]] = [[]]
    previous: Glyph | None = None
    for g in seg.glyphs:
        if (
            previous is not None and previous.blank and not g.blank and parts[-1]
            and any(abs(g.x0 - x) <= COLUMN_TOLERANCE for x in columns)
        ):
            parts.append([])
        parts[-1].append(g)
        previous = g
    return [seg._with(p) for p in parts if any(not g.blank for g in p)]


def _fits_columns(lines: list[Line], k: int, columns: list[float], start: int, m: Metrics) -> bool:
    line = lines[k]
    if _cells_of(line, columns) is None:
        return False
    if k == start:
        return True
    prev = lines[k - 1]
    if line.page != prev.page or abs(line.size - lines[start].size) > 0.5:
        return False
    # an empty line or more between two lines ends the table (Word puts one between tables)
    return line.top - prev.top <= 2 * m.gap_limit(line.size, cell=True) + 0.5 * line.size


def _borderless_table(
    lines: list[Line], columns: list[float], m: Metrics, spanning: list[Line] = ()
) -> RawTable:
    right = max(ln.x1 for ln in list(lines) + list(spanning)) + 1
    edges = columns + [right]
    placed = [(line, _cells_of(line, columns, span=True) or {}) for line in lines]
    # how far each column's text runs, as far as the table shows it (rather too short than too
    # far: the fit test below then says "it would have fitted" only when it surely would)
    limits = [max((c[k].x1 for _, c in placed if k in c), default=edges[k + 1]) for k in range(len(columns))]
    rows: list[dict[int, RawCell]] = []
    covered: list[set[int]] = []  # per row, the columns a cell merged across runs over
    for para in group_paragraphs(list(spanning), m, right, cell=True):
        rows.append({0: RawCell(edges[0], para.lines[0].top, right, para.lines[-1].bottom, list(para.lines))})
        covered.append(set(range(1, len(columns))))
    prev: Line | None = None
    for line, cells in placed:
        gap = prev is not None and line.top - prev.top > m.gap_limit(line.size, cell=True)
        if prev is None or gap or not _continues_row(rows[-1], cells, prev, limits):
            rows.append({k: RawCell(edges[k], line.top, edges[k + 1], line.bottom) for k in range(len(columns))})
            covered.append(set())
        for k, seg in cells.items():
            cell = rows[-1][k]
            reach = _last_column(seg, columns, k)
            if reach > k:
                cell.x1 = max(cell.x1, edges[reach + 1])
                covered[-1].update(range(k + 1, reach + 1))
            cell.lines.append(seg)
            cell.bottom = max(cell.bottom, seg.bottom)
        prev = line
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


def _continues_row(row: dict[int, RawCell], cells: dict[int, Line], prev: Line, limits: list[float]) -> bool:
    """Does a line (no wider gap above it) go on with the current row of a borderless table?

    Yes when every column it has text in goes on from the previous line: that column's cell in
    the row ended on the previous line, and the text continues there (a lower-case start, a
    first word that would not have fitted on the previous line, or one more list item in a cell
    that holds a list). A label in a column that was empty on the previous line starts a row.
    """
    for k, seg in cells.items():
        cell = row.get(k)
        if cell is None or not cell.lines or cell.lines[-1].top != prev.top:
            return False
        last = cell.lines[-1]
        if _continues_sentence(seg.text):
            continue
        if _marker(seg) and _marker(cell.lines[0]):
            continue
        space = 0.3 * seg.size
        if last.x1 + space + seg.first_word_width() <= limits[k] + 0.5:
            return False  # it would have fitted: the previous line ended on purpose
    return True


# ---------------------------------------------------------------------------------------------
# From raw tables to blocks


def make_table(raw: RawTable, m: Metrics) -> Table:
    rows = []
    numbers = m.line_numbers | _line_numbers([ln for row in raw.rows for c in row if c is not None for ln in c.lines])
    widest: dict[tuple[float, float], float] = {}  # (x0, x1) of a cell -> widest text in that column
    for c in (c for row in raw.rows for c in row if c is not None and c.lines):
        widest[c.x0, c.x1] = max(widest.get((c.x0, c.x1), 0.0), max(ln.x1 for ln in c.lines))
    for row in raw.rows:
        tops = [c.lines[0].top for c in row if c is not None and c.lines]
        row_top = min(tops) if tops else min(c.top for c in row if c is not None)
        cells = [_make_cell(c, raw, row_top, m, numbers, widest) for c in row]
        rows.append(Row(tuple(cells), origin=Origin(page=raw.page, top=round(row_top, 1))))
    return Table(tuple(rows), origin=rows[0].origin if rows else Origin(page=raw.page))


def _make_cell(
    cell: RawCell | None, raw: RawTable, row_top: float, m: Metrics, numbers: set[int], widest: dict
) -> Cell:
    if cell is None or not cell.lines:
        top = cell.top if cell is not None else row_top
        return Cell((), origin=Origin(page=raw.page, top=round(top, 1)))
    if raw.ruled:  # text runs up to the cell's right edge less the padding it has on the left
        right = cell.x1 - (min(ln.x0 for ln in cell.lines) - cell.x0)
    else:  # no edge to see: as far as the column's widest text goes
        right = widest[cell.x0, cell.x1]
    paras = group_paragraphs(cell.lines, m, right, cell=True, numbers=numbers)
    paragraphs = tuple(make_paragraph(p, m, body=False, right_edge=right) for p in paras)
    return Cell(paragraphs, origin=paragraphs[0].origin)


# ---------------------------------------------------------------------------------------------
# The document


@dataclass
class _Placed:
    """A content block on its page, with what stitching needs to know about it."""

    block: Block
    raw: RawTable | None = None
    para: ParaLines | None = None


class Assembler:
    """Turns the laid-out pages into one block stream, stitching tables across page breaks."""

    def __init__(self, pages: list[PageLayout]):
        self.pages = pages
        self.running = find_running_lines(pages)
        self.m = measure(pages, set(self.running))
        self.blocks: list[Block] = []
        self.last_table: tuple[int, RawTable] | None = None  # index in blocks, raw of last part
        self.known_columns: list[list[float]] = []  # column starts of borderless tables so far
        self.last_para: tuple[int, ParaLines] | None = None  # the same for a paragraph

    def run(self) -> list[Block]:
        for page in self.pages:
            self._page(page)
        return self.blocks

    def _page(self, page: PageLayout) -> None:
        if page.number > 1:
            self.blocks.append(PageBreak(page=page.number, origin=Origin(page=page.number)))
        heads = [ln for ln in page.lines if id(ln) in self.running]
        body = [ln for ln in page.lines if id(ln) not in self.running]
        for ln in heads:
            if not self.running[id(ln)]:
                self.blocks.append(self._running(ln, footer=False))
        for index, placed in enumerate(self._content(page, body)):
            if index == 0 and placed.raw is not None and self._continues(placed.raw):
                self._stitch(placed)
                continue
            if index == 0 and placed.para is not None and self._paragraph_continues(placed.para):
                self._join_paragraph(placed.para)
                continue
            self.blocks.append(placed.block)
            at = len(self.blocks) - 1
            self.last_table = (at, placed.raw) if placed.raw is not None else None
            self.last_para = (at, placed.para) if placed.para is not None else None
        if self.last_table is not None and self.last_table[1].page != page.number:
            self.last_table = None
        if self.last_para is not None and self.last_para[1].lines[-1].page != page.number:
            self.last_para = None
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
        for start, end, raw in find_borderless_tables(body, self.m, self.known_columns):
            self.known_columns.append(raw.columns[:-1])
            free += body[i:start]
            placed.append((raw.top, _Placed(make_table(raw, self.m), raw)))
            i = end
        free += body[i:]
        # paragraphs never run across a table: split the free lines at each table's top
        tops = sorted(top for top, _ in placed)
        groups: dict[int, list[Line]] = {}
        for ln in free:
            groups.setdefault(sum(1 for top in tops if top <= ln.top), []).append(ln)
        for group in groups.values():
            for para in group_paragraphs(group, self.m, self.m.right_edge, cell=False):
                placed.append((para.lines[0].top, _Placed(make_paragraph(para, self.m, body=True), para=para)))
        placed.sort(key=lambda item: item[0])
        return [p for _, p in placed]

    # --- stitching -------------------------------------------------------------------------

    def _paragraph_continues(self, para: ParaLines) -> bool:
        """Is this paragraph, the first content of its page, the rest of the paragraph that ended
        the previous page? Yes when that paragraph is body text (not a heading) that reaches the
        bottom of the text area (within one line), and this one is in the same column and size, is not a new list
        item, and continues the sentence (a lower-case letter or continuation punctuation)."""
        if self.last_para is None or para.listed:
            return False
        index, prev = self.last_para
        last, first = prev.lines[-1], para.lines[0]
        if last.page != first.page - 1 or self.blocks[index].style not in (None, "list"):
            return False
        if abs(last.size - first.size) > 0.5 or abs(last.x0 - first.x0) > 2:
            return False
        # widow and orphan control may move one more line over, so allow one line of room
        reaches_bottom = last.bottom + 2 * self.m.body_pitch * last.size > self.m.text_bottom + 0.5
        return reaches_bottom and _continues_sentence(first.text)

    def _join_paragraph(self, para: ParaLines) -> None:
        index, prev = self.last_para
        joined = ParaLines(prev.lines + para.lines, prev.listed, prev.number, prev.marker, prev.marker_x)
        self.blocks[index] = make_paragraph(joined, self.m, body=True)
        self.last_para = (index, joined)

    def _continues(self, raw: RawTable) -> bool:
        """Is this table, the first content of its page, the rest of the table that ended the
        previous page?

        Yes when: the previous page's last content is a table; both have the same column
        boundaries (within 2 pt); the new part does not start like a new table (a first cell with
        the emphasis of the previous table's first row, e.g. a bold name, where the rows before
        it had another emphasis); and either the previous part reaches the bottom of the text
        area (one more line would not have fitted) or the new part's first cell is empty (a
        label cell merged down from the previous page).
        """
        if self.last_table is None:
            return False
        index, prev = self.last_table
        if prev.page != raw.page - 1:
            return False
        if not _same_columns(prev, raw):
            return False
        table = self.blocks[index]
        new = make_table(raw, self.m)
        if _starts_like_new_table(table, new):
            return False
        first_empty = bool(new.rows) and not new.rows[0].cells[0].text
        return self._reaches_bottom(prev) or first_empty

    def _reaches_bottom(self, raw: RawTable) -> bool:
        """Would not one more line have fitted below the table? One line of slack, as widow and
        orphan control may move a line of a cut paragraph over with the rest."""
        line = self.m.cell_pitch * self.m.body_size
        return raw.bottom + 2 * line > self.m.text_bottom + 0.5

    def _stitch(self, placed: _Placed) -> None:
        index, prev = self.last_table
        table: Table = self.blocks[index]
        new: Table = placed.block
        rows = list(new.rows)
        modes = self._split_row(prev, table.rows[-1], rows[0]) if rows else None
        if modes:
            merged = _merge_rows(table.rows[-1], rows.pop(0), modes)
            table = Table(table.rows[:-1] + (merged,), origin=table.origin)
        self.blocks[index] = Table(table.rows + tuple(rows), origin=table.origin)
        self.last_table = (index, placed.raw)

    def _split_row(self, prev: RawTable, last: Row, first: Row) -> dict[int, str] | None:
        """Is the new part's first row the rest of the previous part's last row? Then, for each
        cell with text: 'join' (its first paragraph continues the last one) or 'append' (more
        paragraphs of the same cell).

        A row cut by the page break leaves: the previous part running to the bottom of the text
        area; and in the first row on the new page, text only in cells where the last row has
        text too, each continuing it: a sentence that goes on (it starts with a lower-case letter
        or with punctuation that cannot start a sentence), or the next item of a list that cell
        holds, or the unmarked rest of its last list item followed
        by more items. An empty first cell alone is not enough: vertically
        merged level labels leave empty first cells at the top of a page too, and their rows
        start with a capital.
        """
        if not self._reaches_bottom(prev) or len(last.cells) != len(first.cells):
            return None
        modes: dict[int, str] = {}
        for k, (a, b) in enumerate(zip(last.cells, first.cells)):
            if not b.text:
                continue
            if not a.text:
                return None
            head = next(p for p in b.paragraphs if p.text)
            listed = [p for p in a.paragraphs if p.style == "list"]
            ends_in_list = a.paragraphs[-1].style == "list"
            if _continues_sentence(head.text):
                modes[k] = "join"
            elif head.style == "list" and listed and ends_in_list:
                modes[k] = "append"
            elif head.style != "list" and ends_in_list and any(p.style == "list" for p in b.paragraphs):
                modes[k] = "join"  # the rest of a list item (no marker), then more items
            else:
                return None
        return modes or None


def _same_columns(a: RawTable, b: RawTable) -> bool:
    """Column boundaries agree within 2 pt. A part made only of cells merged across shows fewer
    boundaries: then the outer edges must agree and its boundaries be among the other's. The
    right edge of a borderless table is only where its longest line ends: not compared."""
    if a.ruled and b.ruled:
        first, second = a.columns, b.columns
        if abs(first[0] - second[0]) > COLUMN_TOLERANCE or abs(first[-1] - second[-1]) > COLUMN_TOLERANCE:
            return False
    else:
        first, second = a.columns[:-1], b.columns[:-1]
    if len(first) > len(second):
        first, second = second, first
    if len(first) < len(second) and not (a.ruled and b.ruled):
        return False
    return all(any(abs(x - y) <= COLUMN_TOLERANCE for y in second) for x in first)


def _starts_like_new_table(table: Table, new: Table) -> bool:
    if not table.rows or not new.rows:
        return False
    head = _emphasis(table.rows[0].cells[0])
    start = _emphasis(new.rows[0].cells[0])
    if start is None or start != head:
        return False
    later = [e for e in (_emphasis(r.cells[0]) for r in table.rows[1:]) if e is not None]
    return not later or later[-1] != head


def _emphasis(cell: Cell) -> tuple[bool, bool] | None:
    paras = [p for p in cell.paragraphs if p.text]
    if not paras:
        return None
    return all(p.bold for p in paras), all(p.italic for p in paras)


def _continues_sentence(text: str) -> bool:
    """Text that goes on with a sentence: a lower-case word (also after an opening quote or
    bracket) or punctuation that cannot start one."""
    if text[:1] in ",;:)]}…-–":
        return True
    return text.lstrip("'\"‘’“”([").strip()[:1].islower()


def _merge_rows(last: Row, first: Row, modes: dict[int, str]) -> Row:
    cells = []
    for k, (a, b) in enumerate(zip(last.cells, first.cells)):
        rest = tuple(p for p in b.paragraphs if p.text)
        if k not in modes:
            cells.append(a)
        elif modes[k] == "append":
            cells.append(Cell(a.paragraphs + rest, origin=a.origin))
        else:
            head, tail = a.paragraphs[-1], rest[0]
            joined = Paragraph(head.spans + (Span(" "),) + tail.spans, head.style, head.level, head.origin)
            cells.append(Cell(a.paragraphs[:-1] + (joined,) + rest[1:], origin=a.origin))
    return Row(tuple(cells), origin=last.origin)


def assemble(pages: list[PageLayout]) -> list[Block]:
    return Assembler(pages).run()
