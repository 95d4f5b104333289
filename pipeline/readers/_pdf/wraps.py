"""The lines of one paragraph into its text: what the structure tree does not say.

A tagged PDF says which lines make a paragraph, not what stood where a line wraps. Most wraps
are a space (drawn by some writers, LibreOffice where it fits; dropped by others, Chromium).
Three are not settled by the picture alone, and for those the document's own words decide,
with a note:

* a hyphen or slash at the line end ("zij-" / "haar", "hoofd-" / "en", "en -" / "werkwijzen",
  "ë/" / "ï"): one word, or a space after the mark? The next word fitting on the line without
  the space (then there was one), the same text seen elsewhere on one line, or how the document
  writes a lone hyphen decide; without such evidence the mark is joined to the next word;
* a word wider than its column, cut at the edge without a hyphen ("Competentienive" / "au"):
  only when the line holds that one word, the rest goes on in lower case (or both parts are in
  capitals), and the whole word is seen elsewhere in the document (not at a line wrap) or, in a
  table, the line is as full as its column gets;
* a soft hyphen (U+00AD) at the line end: the writer broke a word there; it is no text.

Ligature glyphs (U+FB00–FB06) stand for their letters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...blocks import Note, Origin, Span
from .model import Glyph, Line, marker_of
from .words import conjunctions

# Two pieces of marked content are on one line when their baselines differ by less than this
# fraction of the font size (the same test that groups characters into lines).
SAME_BASELINE = 0.3
# A gap wider than this fraction of the font size between two pieces on one line is a space
# the PDF does not draw (the same test as between two characters).
WORD_GAP = 0.2

# A line is full when it ends within this many font sizes (one em: the widest letter) of its
# column's other widest line.
FULL_LINE = 1.0

SOFT_HYPHEN = "\xad"
HYPHENS = ("-", "\u2010")  # hyphen-minus and hyphen; a dash (– —) at a wrap is a plain space
BREAKS_AFTER = (*HYPHENS, "/")  # marks a line may break after without a space
LIGATURES = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
    "\ufb06": "st", SOFT_HYPHEN: "",
})
# Punctuation that does not start a line wrapped at a space: after a wrap without one it is
# the rest of a word cut at the column's edge ("samenwerking" / ";").
_CLOSING = set(".,;:!?)]}…")
APOSTROPHES = "'\u2019"
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}.,;:!?…"


def _key(token: str) -> str:
    return token.translate(LIGATURES).strip(_EDGE_PUNCTUATION).casefold()


@dataclass
class DocumentWords:
    """Tokens the document shows whole (not at a line wrap), and how it writes a lone hyphen."""

    words: set[str] = field(default_factory=set)
    dashes: int = 0  # " - " seen inside a line: a hyphen used as a dash
    prefixes: int = 0  # " -werkwijzen" seen inside a line: a hyphen standing for a word part
    spaced_wraps: int = 0  # lines of several words that wrap with the space drawn (LibreOffice)
    bare_wraps: int = 0  # … and without it (Chromium never draws it)

    @property
    def draws_wrap_spaces(self) -> bool:
        """Does the writer draw the space a line wraps at? Then a wrap without one is a cut."""
        return self.spaced_wraps > self.bare_wraps

    @classmethod
    def of(cls, paragraphs: list[list[Line]]) -> "DocumentWords":
        found = cls()
        for lines in paragraphs:
            for i, line in enumerate(lines):
                tokens = line.text.translate(LIGATURES).split()
                first = 0 if i == 0 or lines[i - 1].ends_in_space else 1
                last = len(tokens) if i == len(lines) - 1 or line.ends_in_space else len(tokens) - 1
                if i < len(lines) - 1 and len(tokens) > 1:
                    found.spaced_wraps += line.ends_in_space
                    found.bare_wraps += not line.ends_in_space
                for token in tokens[first:last]:
                    found.words.add(_key(token))
                    if token in HYPHENS:
                        found.dashes += 1
                    elif token[:1] in HYPHENS and token[1:2].isalpha():
                        found.prefixes += 1
        return found

    def knows(self, token: str) -> bool:
        return bool(_key(token)) and _key(token) in self.words


def merge_same_lines(lines: list[Line]) -> list[Line]:
    """Pieces of marked content that continue one visual line (a run in italics, a link) are
    one line: a space goes between them only where the PDF shows a gap."""
    merged: list[Line] = []
    for line in lines:
        last = merged[-1] if merged else None
        if last and last.page == line.page and line.x0 >= last.x1 - 1 and (
                abs(last.bottom - line.bottom) <= SAME_BASELINE * max(last.size, line.size, 1)):
            glyphs = list(last.glyphs)
            gap = line.visible[0].x0 - last.visible[-1].x1
            if gap > WORD_GAP * line.size and not glyphs[-1].blank and not line.glyphs[0].blank:
                glyphs.append(Glyph(" ", last.x1, line.x0, line.size, inserted=True))
            merged[-1] = Line(last.page, min(last.top, line.top), max(last.bottom, line.bottom), glyphs + line.glyphs)
        else:
            merged.append(line)
    return merged


def join_lines(
    lines: list[Line], words: DocumentWords, column_ends: list[float] | None = None
) -> tuple[tuple[Span, ...], list[Note]]:
    """One paragraph's lines into styled spans, and a note for each wrap settled on weak evidence.
    `column_ends`: where every line of the paragraph's table column ends, when it is in one (else
    the paragraph's own lines show how far its text reaches)."""
    ends = column_ends if column_ends is not None else [line.x1 for line in lines]
    # last wrap first: a word cut again on the next line is known whole only from there
    joints: list[tuple[str, tuple[str, str] | None]] = [("", None)] * len(lines)
    cut = [False] * (len(lines) + 1)  # the word at the end of line i-1 goes on on line i
    whole = ""
    for i in range(len(lines) - 1, 0, -1):
        first = lines[i].text.split()[0]
        whole = first + whole if cut[i + 1] and len(lines[i].text.split()) == 1 else first
        joints[i] = wrap_joint(lines[i - 1], lines[i], words, ends, whole)
        drawn = lines[i - 1].glyphs[-1].blank or lines[i].glyphs[0].blank
        cut[i] = joints[i][0] == "" and not drawn

    pieces: list[list] = []  # [text, italic, bold]
    notes: list[Note] = []

    def add(text: str, italic: bool, bold: bool) -> None:
        if pieces and ((pieces[-1][1], pieces[-1][2]) == (italic, bold) or not text.strip()):
            pieces[-1][0] += text
        else:
            pieces.append([text, italic, bold])

    for i, line in enumerate(lines):
        if i:
            joint, why = joints[i]
            add(joint, False, False)
            if why:
                notes.append(Note(why[0], why[1], Origin(page=line.page, top=round(line.top, 1))))
        for g in line.glyphs:
            add(" " if g.inserted else g.text.translate(LIGATURES), g.italic, g.bold)
    spans = tuple(Span(re.sub(r"[ \t]+", " ", t), italic=it, bold=b) for t, it, b in pieces)
    return spans, notes


def wrap_joint(
    previous: Line, line: Line, words: DocumentWords, column_ends: list[float] | None = None,
    rest_word: str | None = None,
) -> tuple[str, tuple[str, str] | None]:
    """What stood where `previous` wraps to `line`: ('' or ' ', (rule, message) when it was a
    judgement). `rest_word`: the next line's first word, with its own rest when it is cut again."""
    before, after = previous.glyphs[-1].text, line.glyphs[0].text
    if not before.strip() or not after.strip() or before.endswith(SOFT_HYPHEN):
        return "", None
    head, rest = previous.text.split()[-1], line.text.split()[0]
    rest_word = rest_word or rest
    if before.endswith(BREAKS_AFTER) and after[:1].isalnum():
        return _after_break(previous, line, head, rest, words, column_ends)
    if after[:1] in _CLOSING:
        message = f"'{head}' / '{rest}' at a line wrap: punctuation no line starts with, read as '{head}{rest}'"
        return "", ("pdf.tagged.word-cut-at-edge", message)
    cut = _cut_at_edge(previous, line, head, rest_word, words, column_ends)
    if cut:
        message = f"'{head}' / '{rest}' at a line wrap read as the word '{head}{rest_word}' cut at the column's edge"
        return "", ("pdf.tagged.word-cut-at-edge", message)
    if cut is None:
        message = (f"'{head}' / '{rest}' at a line wrap read as two words, as one of them stands alone elsewhere, "
                   "though the line ends at the column's edge without the space this writer draws at a wrap")
        return " ", ("pdf.tagged.word-cut-at-edge", message)
    return " ", None


def _after_break(
    previous: Line, line: Line, head: str, rest: str, words: DocumentWords, column_ends: list[float] | None
) -> tuple[str, tuple[str, str]]:
    """A line ending in a hyphen or a slash: was a space after it? Lines break after these
    without one, so the picture alone does not say (unless the writer draws wrap spaces, which
    `wrap_joint` has settled before). In order: the rest would have fitted on the line had it
    been joined to it (so a space must have stood there: lines break greedily); the text seen
    on one line elsewhere; a conjunction next to the hyphen (a word part left out: "hoofd-" /
    "en bijzaken", "en -" / "werkwijzen"; a lone hyphen after any other word is a dash:
    "prophecy -" / "worried", "2024 -" / "assumes"; after a comma it may start a word part:
    "teamdoelen, -" / "werkwijzen"); for a lone hyphen, how the document writes one ("-" as a dash,
    or before a word part); else joined."""
    alone = len(head) == 1  # "en -" / "werkwijzen": the mark stands alone before the wrap
    words_before = previous.text.split()
    before_mark = words_before[-2].lower() if alone and len(words_before) > 1 else None
    if _would_have_fitted(previous, line, column_ends):
        spaced, evidence = True, f"'{rest}' would have fitted on the line had no space stood before it"
    elif not alone and words.knows(head + rest):
        spaced, evidence = False, f"'{head}{rest}' stands on one line elsewhere"
    elif not alone and head[-1:] in HYPHENS and rest.lower() in conjunctions():
        spaced, evidence = True, f"a word part before the conjunction '{rest}'"
    elif alone and head in HYPHENS and before_mark is not None and (before_mark[-1:].isalnum() or before_mark[-1:] in ".)]'\""):
        spaced = before_mark not in conjunctions()
        evidence = (f"a lone hyphen after the word '{words_before[-2]}' is a dash" if spaced
                    else f"a lone hyphen after the conjunction '{words_before[-2]}' starts a word part")
    elif not alone and words.knows(head):
        spaced, evidence = True, f"'{head}' stands before a space elsewhere"
    elif alone and head in HYPHENS and (words.dashes or words.prefixes):
        spaced = words.dashes > 0 and words.prefixes == 0
        evidence = "the document writes a lone hyphen as a dash" if spaced else \
            "the document writes a lone hyphen before a word part"
    else:
        spaced, evidence = False, "no evidence either way"
    joined = f"'{head}{' ' if spaced else ''}{rest}'"
    message = f"a line ending in '{head}' goes on with '{rest}': read as {joined} ({evidence})"
    return (" " if spaced else ""), ("pdf.tagged.hyphen-at-wrap", message)


def _would_have_fitted(previous: Line, line: Line, column_ends: list[float] | None) -> bool:
    """Would the next line's first word have fitted after `previous` without a space? The
    farthest any other line of the column reaches is where the column ends at least."""
    others = list(column_ends or [])
    if previous.x1 in others:
        others.remove(previous.x1)
    return bool(others) and previous.x1 + _first_word_width(line) <= max(others)


def _cut_at_edge(
    previous: Line, line: Line, head: str, rest: str, words: DocumentWords, column_ends: list[float] | None
) -> bool | None:
    """A word too wide for its column, cut without a hyphen: the line is that one word and the
    rest starts in lower case (or both are in capitals). The document's words decide first: the whole word standing
    elsewhere means a cut (even when its two parts are words of their own, "Competentie" /
    "niveau"); the rest standing as a word of its own (three letters or more, or the head
    too), or the head as one of four letters or more, means two words: None (in doubt) when
    the picture says cut. Else, when the writer draws the spaces lines wrap at (so a wrap
    without one says something): geometry (`_at_edge`). `rest`: the rest's whole word, over
    further lines when it is cut again."""
    if len(_words_after_marker(previous)) != 1 or not (_goes_on(head, rest) and ends_inside_word(head)):
        return False
    if words.knows(head + rest):
        return True
    at_edge = _at_edge(previous, words, column_ends)
    if words.knows(rest) and (words.knows(head) or len(_key(rest)) >= 3) or words.knows(head) and len(_key(head)) >= 4:
        # a rest, or a head, that stands as a word of its own elsewhere: two words, in doubt
        # when the picture says the line was cut
        return None if at_edge else False
    return at_edge


def _at_edge(previous: Line, words: DocumentWords, column_ends: list[float] | None) -> bool:
    """Does a line of a writer that draws the space at a wrap end without one at its column's
    edge? A writer that never draws it shows nothing at a full line."""
    others = list(column_ends or [])
    if previous.x1 in others:
        others.remove(previous.x1)
    if not words.draws_wrap_spaces or not others:
        return False
    # short of the column's widest other line: not at the edge. Beyond it is no evidence against
    # a cut here (the writer cuts words; it does not let them overflow): the column's other
    # lines may all have wrapped earlier.
    return max(others) - previous.x1 <= previous.visible[-1].size * FULL_LINE


def _words_after_marker(line: Line) -> list[str]:
    """The line's words after a list item's number or bullet ("13." "Aanmoedi"): the marker is
    no word of the item's text."""
    marker = marker_of(line)
    return (line.drop_prefix(marker[0]) if marker else line).text.split()


def ends_inside_word(head: str) -> bool:
    """Could a word be cut right after `head`? It ends in a letter, or in an apostrophe after
    one: a word too wide for its column is cut at the edge wherever that falls, also just after
    the apostrophe of "mcdonald's" or "programma's"."""
    return head[-1:].isalpha() or (head[-1:] in APOSTROPHES and head[-2:-1].isalpha())


def _goes_on(head: str, rest: str) -> bool:
    """Could `rest` be the end of the word `head` begins? It starts in lower case, or both are
    in capitals ("INTERMEDIA" / "TE": a label in capitals cut in a narrow column)."""
    letters = [c for c in head + rest if c.isalpha()]
    return rest[:1].islower() or (rest[:1].isupper() and len(letters) > 2 and all(c.isupper() for c in letters))


def _first_word_width(line: Line) -> float:
    vis = line.visible
    end = vis[0].x1
    for g in line.glyphs[line.glyphs.index(vis[0]):]:
        if g.blank:
            break
        end = g.x1
    return end - vis[0].x0
