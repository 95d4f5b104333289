"""Running page headers and footers: which lines of a page are not content."""
from __future__ import annotations

import re

from .model import (
    COLUMN_TOLERANCE, MARGIN_ZONE, OUTER_MARGIN, SAME_HEIGHT, Line, PageLayout, continues_sentence, ends_sentence,
    marker_of,
)
from .rules import on
from .tolerances import EDGE_SLACK, RUNNING_GAP
from .words import page_number_pattern


def _zone(line: Line, page: PageLayout) -> str | None:
    if line.top < page.height * MARGIN_ZONE:
        return "header"
    if line.bottom > page.height * (1 - MARGIN_ZONE):
        return "footer"
    return None


def _is_page_number(text: str, page_number: int) -> bool:
    match = page_number_pattern().match(text)
    if not match:
        return False
    bare = re.fullmatch(r"\d+", text) is not None
    return not bare or int(text) == page_number


def find_running_lines(
    pages: list[PageLayout], lone: list[Line] | None = None, content: frozenset[int] = frozenset()
) -> dict[int, bool]:
    """id(line) -> True for a footer, False for a header (see the module docstring). `lone`
    collects the lines taken for a header or footer though they occur once (weak evidence).
    Lines in `content` (ids) are content whatever they repeat: no header, and no height a
    header is found at (the first row of a table, repeated at the top of each page)."""
    candidates = []  # (page, line, zone, key)
    for page in pages:
        for ln in page.lines:
            zone = _zone(ln, page)
            if zone and id(ln) not in content:
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
        if repeated and (_table_header_row(ln, key, pages) or _set_with_content(ln, zone, pages, candidates)
                         or _in_a_later_column(ln, zone, pages, candidates)):
            continue
        if repeated or _is_page_number(ln.text, number):
            found[id(ln)] = zone == "footer"
            bands[zone].append(ln.top)
    for _, ln, zone, _ in candidates:
        if id(ln) not in found and any(abs(ln.top - top) <= SAME_HEIGHT for top in bands[zone]):
            found[id(ln)] = zone == "footer"
    by_number = {page.number: page for page in pages}
    lone_lines = [
        (number, ln, zone) for number, ln, zone, _ in candidates
        if id(ln) not in found and _isolated_in_margin(ln, zone, by_number[number], found)
    ]
    for number, ln, zone in lone_lines:
        if not _margin_reached(ln, zone, pages, found):
            found[id(ln)] = zone == "footer"
            if lone is not None:
                lone.append(ln)
    return found


def _margin_reached(line: Line, zone: str, pages: list[PageLayout], found: dict[int, bool]) -> bool:
    """Does another page's content reach as far into the margin as this line: a line of it, not
    alone in the margin itself, that ends as low (a footer) or starts as high (a header), within
    the writer's rounding (EDGE_SLACK)? Then the line is in the text area, not in a margin (printers with narrow
    margins set a table's first row alone at a page's end there, its rest on the next page)."""
    if not on("pdf.margin-reached"):
        return False
    for page in pages:
        if page.number == line.page:
            continue
        for ln in page.lines:
            if id(ln) in found:
                continue
            deep = ln.bottom >= line.bottom - EDGE_SLACK if zone == "footer" else ln.top <= line.top + EDGE_SLACK
            if deep and not _isolated_in_margin(ln, zone, page, found):
                return True
    return False


def _isolated_in_margin(line: Line, zone: str, page: PageLayout, found: dict[int, bool]) -> bool:
    """A line in the outer 6 % of the page (Word puts headers half an inch from the edge, body
    text starts an inch in), with a gap of twice its height to everything else: a header or
    footer even when it occurs once (the name of a cluster that fills one page). A header has
    no content above it (printers with narrow margins put the line below a title there), a footer
    none below it (`pdf.margin-reached`: a name row whose table goes on below)."""
    height = line.bottom - line.top
    if zone == "header":
        if line.top > page.height * OUTER_MARGIN:
            return False
        if any(ln.bottom <= line.top and id(ln) not in found for ln in page.lines):
            return False
        below = [ln.top for ln in page.lines if ln.top > line.bottom] + [t.top for t in page.tables]
        return all(top - line.bottom >= 2 * height for top in below)
    if line.bottom < page.height * (1 - OUTER_MARGIN):
        return False
    if on("pdf.margin-reached") and any(ln.top >= line.bottom and id(ln) not in found for ln in page.lines):
        return False  # a footer has no content below it (a name row whose table goes on below)
    above = [ln.bottom for ln in page.lines if ln.bottom < line.top] + [t.bottom for t in page.tables]
    return all(line.top - bottom >= 2 * height for bottom in above)


def _table_header_row(line: Line, key: str, pages: list[PageLayout]) -> bool:
    """Is a line repeated at the top of pages the header row of a table without rulings that
    the writer repeats on each page it runs over? It is in columns (two segments or more),
    and the same text in the same columns also stands in the middle of a page, where a table
    starts: a running header never does. (The table can start at the top of a page, its
    labels then in that line alone.)"""
    if not on("pdf.table-header-row"):
        return False
    starts = [seg.x0 for seg in line.segments()]
    if len(starts) < 2:
        return False
    for page in pages:
        for ln in page.lines:
            if _zone(ln, page) or re.sub(r"\d+", "#", ln.text.lower()) != key:
                continue
            others = [seg.x0 for seg in ln.segments()]
            if len(others) == len(starts) and all(abs(a - b) <= COLUMN_TOLERANCE for a, b in zip(starts, others)):
                return True
    return False


def _set_with_content(line: Line, zone: str, pages: list[PageLayout], candidates: list) -> bool:
    """Does a line repeated in the margin zone only as digits count equal (its texts differ)
    sit right against the page's content, on every page it stands on: a line below it (a
    header) or above it (a footer) less than `RUNNING_GAP` of its size away, as the next line
    of a paragraph or a table cell is? Writers set running lines apart from the text; coded
    statements ("CS1.1.11: ...", "CS1.2.05: ...") that a table runs over to the top of pages
    repeat so too, but go on right below."""
    if not on("pdf.running-apart"):
        return False
    key = next(c[3] for c in candidates if c[1] is line)
    tops = [(number, ln) for number, ln, z, k in candidates if z == zone and k == key]
    if len({ln.text for _, ln in tops}) < 2:
        return False  # the same text word for word: a header row the writer repeats, or a running line
    by_number = {page.number: page for page in pages}
    for number, ln in tops:
        near = RUNNING_GAP * ln.size
        others = [o for o in by_number[number].lines if o is not ln]
        if zone == "header":
            close = any(0 < o.top - ln.top <= near for o in others)
        else:
            close = any(0 < ln.top - o.top <= near for o in others)
        if not close:
            return False
    return True


def _in_a_later_column(line: Line, zone: str, pages: list[PageLayout], candidates: list) -> bool:
    """Is a line repeated at the top of pages the rest of a table cell that the page break
    carried over ("item b.", the end of a statement), on every page it stands on: one segment,
    indented from the document's left text edge, starting where a segment of the next line down
    starts (a column of the table that goes on below), or going on with the sentence that the
    page before ended with in that column? Running headers stand apart from the table's columns."""
    if not on("pdf.running-in-column") or zone != "header" or len(line.segments()) != 1:
        return False
    key = next(c[3] for c in candidates if c[1] is line)
    tops = [(number, ln) for number, ln, z, k in candidates if z == zone and k == key]
    by_number = {page.number: page for page in pages}
    left = min(o.x0 for page in pages for o in page.lines)
    for number, ln in tops:
        if len(ln.segments()) != 1 or ln.x0 <= left + COLUMN_TOLERANCE:
            return False
        below = [o for o in by_number[number].lines if o.top > ln.bottom]
        segs = min(below, key=lambda o: o.top).segments() if below else []
        if not any(_starts_at(seg, ln.x0) for seg in segs) and \
                not _goes_on_from_page_before(ln, by_number.get(number - 1)):
            return False
    return True


def _goes_on_from_page_before(line: Line, before: PageLayout | None) -> bool:
    """Does the line go on with a sentence that the page before ended with in the same column:
    it starts in lower case, and the last text of that page starting at the line's x (the
    column's last line) does not end a sentence?"""
    if before is None or not continues_sentence(line.text):
        return False
    column = [seg for o in before.lines for seg in o.segments() if _starts_at(seg, line.x0)]
    return bool(column) and not ends_sentence(max(column, key=lambda seg: seg.top).text)


def _starts_at(segment: Line, x: float) -> bool:
    """Does the segment, or its text after a list marker, start at x?"""
    found = marker_of(segment)
    starts = [segment.x0] + ([segment.visible[found[0]].x0] if found else [])
    return any(abs(start - x) <= COLUMN_TOLERANCE for start in starts)


def lowest_headers(pages: list[PageLayout], running: dict[int, bool]) -> list[Line]:
    """Per page, the lowest of the lines taken for a running header, unless it is a page
    number: where the first row of a table the writer repeats at the top of each page would
    stand, right above the rest of the table."""
    found = []
    for page in pages:
        heads = [ln for ln in page.lines if running.get(id(ln)) is False]
        if heads:
            low = max(heads, key=lambda ln: ln.top)
            if not _is_page_number(low.text, page.number):
                found.append(low)
    return found
