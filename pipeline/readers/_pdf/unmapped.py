"""Glyphs the PDF gives no character for.

A font without a ToUnicode map (or with a gap in it) leaves some glyphs unnamed: pdfminer
writes them as "(cid:N)". Such a glyph is never text. Browsers printing Word's list bullets
(U+F0B7 of the Symbol font) in a font that has no such glyph draw exactly that, at the start
of each list item: there, a run of unnamed glyphs is the item's marker and becomes a bullet
(rule `pdf.unmapped-marker`, with a note). Anywhere else the file holds text nobody can read
back: it is refused (`UnmappedText`), never guessed.
"""
from __future__ import annotations

import re

from ...blocks import Note, Origin
from ...errors import ReadError
from .model import Glyph, Line
from .rules import on
from .tolerances import COLUMN_GAP

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


def unmapped_markers(line: Line) -> tuple[Line, list[Note]]:
    """The line with each run of unnamed glyphs that starts its text (or a column of it, after
    a gap wider than a column gap) and leads to more text made one bullet, and a note for each;
    raises UnmappedText for any other unnamed glyph."""
    if not any(g.text == UNMAPPED for g in line.glyphs):
        return line, []
    glyphs = line.glyphs
    out: list[Glyph] = []
    notes: list[Note] = []
    i = 0
    while i < len(glyphs):
        g = glyphs[i]
        if g.text != UNMAPPED:
            out.append(g)
            i += 1
            continue
        j = i
        while j < len(glyphs) and (glyphs[j].text == UNMAPPED or (glyphs[j].blank and j + 1 < len(glyphs)
                                                                   and glyphs[j + 1].text == UNMAPPED)):
            j += 1
        run = glyphs[i:j]
        before = next((x for x in reversed(out) if not x.blank), None)
        starts = before is None or g.x0 - before.x1 > COLUMN_GAP * g.size
        leads = any(not x.blank and x.text != UNMAPPED for x in glyphs[j:])
        if not (on("pdf.unmapped-marker") and starts and leads):
            raise UnmappedText(
                f"page {line.page}: the line '{_shown(line)}' holds glyphs the PDF names no character "
                "for (a font without a Unicode map): its text cannot be read exactly")
        out.append(Glyph(BULLET, run[0].x0, run[-1].x1, g.size, top=g.top, bottom=g.bottom))
        notes.append(Note("pdf.unmapped-marker", f"took {len(run)} glyph(s) the PDF names no character for, "
                          f"before '{_after(glyphs[j:])}', for a list item's bullet",
                          Origin(page=line.page, top=round(line.top, 1))))
        i = j
    return Line(line.page, line.top, line.bottom, out), notes


def _shown(line: Line) -> str:
    return line.text.replace(UNMAPPED, "?")


def _after(glyphs: list[Glyph]) -> str:
    return "".join(g.text for g in glyphs).strip().replace(UNMAPPED, "?")[:40]
