"""Glyphs the PDF gives no character for.

A font without a ToUnicode map (or with a gap in it) leaves some glyphs unnamed: pdfminer
writes them as "(cid:N)". Such a glyph is never text. Browsers printing Word's list bullets
(U+F0B7 of the Symbol font) in a font that has no such glyph draw exactly that, at the start
of each list item: there, a run of unnamed glyphs is the item's marker and becomes a bullet
(rule `pdf.unmapped-marker`, with a note). A column of a table without rulings can start as
close after the text of the column before as a word space: there a run is a bullet where
another run of the page starts at the same x (the column's bullets stand one under another).
A run alone on its line (in its column) is a bullet
too: WeasyPrint can leave an item's bullet at a page's end and put its text on the next page,
and rule `pdf.lone-marker` then joins it to the item's text or refuses the file. Anywhere else
(a run after text on its line) the file holds text nobody can read back: it is refused
(`UnmappedText`), never guessed.
"""
from __future__ import annotations

import re

from ...blocks import Note, Origin
from ...errors import ReadError
from .model import Glyph, Line
from .rules import on
from .tolerances import COLUMN_GAP, COLUMN_TOLERANCE, UNMAPPED_MARKER_WIDTH, WORD_GAP

# The stand-in for a glyph with no character, while a line is made (U+FFFD REPLACEMENT CHARACTER).
UNMAPPED = "\ufffd"
# How pdfminer names a glyph with no character.
_CID = re.compile(r"^\(cid:\d+\)$")
# The bullet an unnamed list marker becomes (model.BULLETS has it).
BULLET = "•"


class UnmappedText(ReadError):
    """Text in glyphs the PDF does not name: the file cannot be read exactly."""


def char_text(text: str) -> str:
    """A character's text as the reader keeps it: an unnamed glyph becomes UNMAPPED."""
    return UNMAPPED if _CID.match(text) else text


def _runs(glyphs: list[Glyph]):
    """(start, end) of each run of unnamed glyphs (spaces between them included)."""
    i = 0
    while i < len(glyphs):
        if glyphs[i].text != UNMAPPED:
            i += 1
            continue
        j = i
        while j < len(glyphs) and (glyphs[j].text == UNMAPPED or (glyphs[j].blank and j + 1 < len(glyphs)
                                                                   and glyphs[j + 1].text == UNMAPPED)):
            j += 1
        yield i, j
        i = j


def aligned_runs(lines: list[Line]) -> list[float]:
    """Where two or more runs of unnamed glyphs of these lines (a page's) start: a column's
    bullets."""
    starts = [ln.glyphs[i].x0 for ln in lines for i, _ in _runs(ln.glyphs)]
    return [x for x in starts if sum(abs(x - y) <= COLUMN_TOLERANCE for y in starts) >= 2]


def unmapped_markers(line: Line, aligned: list[float] = ()) -> tuple[Line, list[Note]]:
    """The line with each run of unnamed glyphs that starts its text (or a column of it, after
    a gap wider than a column gap, or a word gap where the page's runs at its x are `aligned`)
    and is no wider than a bullet made one bullet, and a note for each: the marker of the text
    after it, or of the text a page break put on the next page where none follows it in its
    column; raises UnmappedText for any other unnamed glyph."""
    if not any(g.text == UNMAPPED for g in line.glyphs):
        return line, []
    glyphs = line.glyphs
    out: list[Glyph] = []
    notes: list[Note] = []
    done = 0
    for i, j in _runs(glyphs):
        out += glyphs[done:i]
        done = j
        g, run = glyphs[i], glyphs[i:j]
        before = next((x for x in reversed(out) if not x.blank), None)
        gap = None if before is None else g.x0 - before.x1
        starts = gap is None or gap > COLUMN_GAP * g.size or (
            gap > WORD_GAP * g.size and any(abs(g.x0 - x) <= COLUMN_TOLERANCE for x in aligned))
        narrow = run[-1].x1 - run[0].x0 <= UNMAPPED_MARKER_WIDTH * g.size
        if not (on("pdf.unmapped-marker") and starts and narrow):
            raise UnmappedText(
                f"page {line.page}: the line '{_shown(line)}' holds glyphs the PDF names no character "
                "for (a font without a Unicode map): its text cannot be read exactly")
        out.append(Glyph(BULLET, run[0].x0, run[-1].x1, g.size, top=g.top, bottom=g.bottom))
        follows = _after(glyphs[j:]) if _leads(run[-1].x1, glyphs[j:], g.size) else ""
        where = f"before '{follows}'" if follows else "alone in its column (its item's text after a page break?)"
        notes.append(Note("pdf.unmapped-marker", f"took {len(run)} glyph(s) the PDF names no character for, "
                          f"{where}, for a list item's bullet",
                          Origin(page=line.page, top=round(line.top, 1))))
    out += glyphs[done:]
    return Line(line.page, line.top, line.bottom, out), notes


def _leads(end: float, glyphs: list[Glyph], size: float) -> bool:
    """Does text follow a run that ends at `end` in its column (closer than a column gap)?"""
    first = next((x for x in glyphs if not x.blank), None)
    return first is not None and first.text != UNMAPPED and first.x0 - end <= COLUMN_GAP * size


def _shown(line: Line) -> str:
    return line.text.replace(UNMAPPED, "?")


def _after(glyphs: list[Glyph]) -> str:
    return "".join(g.text for g in glyphs).strip().replace(UNMAPPED, "?")[:40]
