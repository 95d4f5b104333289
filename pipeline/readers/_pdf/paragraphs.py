"""Lines into paragraphs, and paragraphs into blocks: breaks, list markers, joining lines."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...blocks import Note, Origin, Paragraph, Span
from .lexicon import Lexicon, word_key
from .metrics import Metrics
from .model import MARKER, Glyph, Line, continues_sentence, ends_sentence, line_numbers, marker_of, stretched_after
from .geometry import next_word_fits
from .rules import on
from .tolerances import (
    CUT_WORD_AT_MOST, EDGE_SLACK, FIT_SLACK, JUSTIFIED_EVEN, JUSTIFIED_STRETCH, SAME_SIZE, SAME_X, SPACE_WIDTH, TAB_GAP, WORD_GAP,
)
from .words import conjunctions

@dataclass
class ParaLines:
    lines: list[Line]
    listed: bool = False  # starts with a list marker (stripped from the first line)
    number: int | None = None  # the number of a numbered list item
    marker: str | None = None
    marker_x: float | None = None  # where the marker stood


def _list_item(line: Line, previous: ParaLines | None, numbers: set[int]) -> ParaLines | None:
    """A new list item, when the line starts with a list marker.

    Conservative: a bullet glyph always counts; a dash, star, number or letter needs a space
    after it, and counts when the gap after it is tab-like (Word and LibreOffice put a tab
    there; not a space the PDF draws that justification stretched), or when it continues the list of the previous paragraph (the same dash, the next
    number). A number also counts, even when it touches its text ("10.Tekst": a long number
    fills the tab), when the lines around it hold the number before or after it.
    """
    found = marker_of(line)
    if not found:
        return None
    count, match, gap = found
    size = line.size
    bullet, dash, number, letter = match.groups()
    rest = line.drop_prefix(count)
    if bullet:
        return ParaLines([rest], True, None, bullet, line.x0)
    # justifying a wrapped line widens the space after a dash as it would a tab ("gc" / "–
    # machinery"); LibreOffice draws that space apart from the dash, and nothing in a tab
    tab_like = gap >= TAB_GAP * size and not stretched_after(line, count)
    if number:
        value = int(number)
        in_sequence = value - 1 in numbers or value + 1 in numbers
        follows = rest.visible[0].text[:1].isalpha()
        if tab_like or (in_sequence and (gap >= WORD_GAP * size or follows)):
            return ParaLines([rest], True, value, "#", line.x0)
        return None
    if gap < WORD_GAP * size:  # "-werkwijzen": no space after the dash
        return None
    kind = dash or "a"
    continues = previous is not None and previous.listed and previous.marker == kind
    if tab_like or (dash and continues):
        return ParaLines([rest], True, None, kind, line.x0)
    return None


def group_paragraphs(
    lines: list[Line], m: Metrics, right_edge: float, cell: bool, numbers: set[int] | None = None,
    spaced: bool = False,
) -> list[ParaLines]:
    """Split consecutive lines of one text column into paragraphs (rules in the module docstring).
    `numbers`: line-start numbers seen around these lines (a list may run on over table cells).
    `spaced`: the column's paragraphs are taken to have spacing between them."""
    paras: list[ParaLines] = []
    numbers = line_numbers(lines) if numbers is None else numbers
    # a writer that draws no space at a wrap (an HTML printer) may pad a cell's right side more
    # than its left (its CSS): a word surely fitted only as far as the cell's lines reach
    reach = max(ln.x1 for ln in lines) if cell and lines and not m.drawn_spaces else None
    for line in lines:
        previous = paras[-1] if paras else None
        if _after_justified(previous, line, m, right_edge, cell):
            # a justified line before it wrapped: this line goes on with it, even where it starts
            # like a list item (justifying widens "b) speelfilm" to a tab-like gap)
            previous.lines.append(line)
        elif (item := _list_item(line, previous, numbers)) is not None:
            paras.append(item)
        elif previous is None or _next_number_alone(previous, line) or (cell and _marker_alone(previous)) or _breaks(
                previous, line, m, right_edge, cell, spaced, reach):
            paras.append(ParaLines([line]))
        else:
            previous.lines.append(line)
    return paras


def _next_number_alone(para: ParaLines, line: Line) -> bool:
    """Is the line only a bullet, or only the next number of the numbered item it follows
    ("11." after item 10)? A page break can part a marker from its item's text
    (pdf.lone-marker): it starts a paragraph, never ends the item before it, as "11." ending a
    wrapped sentence would (a bullet never ends one)."""
    match = MARKER.match(line.text.strip()) if on("pdf.lone-marker") else None
    if match and match.group(1):
        return True
    return bool(match and match.group(3)) and para.number is not None and int(match.group(3)) == para.number + 1


def _marker_alone(para: ParaLines) -> bool:
    """Is the paragraph so far one line holding only a list number or bullet ("14.")? Its item's
    first word did not fit beside it: the text below is that item's, a paragraph of its own,
    which the marker then starts (`markers.join_lone_markers`, pdf.lone-marker, noted)."""
    if not on("pdf.lone-marker") or len(para.lines) != 1 or para.listed:
        return False
    match = MARKER.match(para.lines[0].text.strip())
    return bool(match) and bool(match.group(1) or match.group(3))


def _apart(last: Line, line: Line, m: Metrics, cell: bool) -> bool:
    """Can `line` not go on with `last` at all: another size or page, or too far below it?"""
    if abs(line.size - last.size) > SAME_SIZE or line.page != last.page:
        return True
    pitch = line.top - last.top
    return pitch < 0 or pitch > m.gap_limit(max(line.size, last.size), cell)


def _after_justified(para: ParaLines | None, line: Line, m: Metrics, right_edge: float, cell: bool) -> bool:
    if para is None or _apart(para.lines[-1], line, m, cell) or abs(line.x0 - para.lines[-1].x0) > SAME_X:
        return False
    return justified(para.lines[-1], right_edge)


def _breaks(
    para: ParaLines, line: Line, m: Metrics, right_edge: float, cell: bool, spaced: bool, reach: float | None = None,
) -> bool:
    """Does `line` start a new paragraph after `para`? `reach`: how far the lines around it
    surely run, where that is less sure than `right_edge` (`group_paragraphs`)."""
    last = para.lines[-1]
    size = max(line.size, last.size)
    if _apart(last, line, m, cell):
        return True
    if para.listed and para.marker_x is not None and line.x0 < para.marker_x - SAME_X:
        return True  # left of the marker: the list item has ended
    if continues_sentence(line.text) or abs(line.x0 - last.x0) > 1:
        return False  # the fit test below only holds for left-aligned lines
    if not cell and size > m.body_size + SAME_SIZE and on("pdf.wrapped-heading"):
        # a title or heading wraps inside a box of its own, narrower than the body text: the fit
        # test against the body's edge says nothing; lines of its size right below go on with it
        m.notes.append(Note("pdf.wrapped-heading", f"took '{line.text}' for the wrapped rest of the heading or title "
                            "above it: same size, right below it", Origin(page=line.page, top=round(line.top, 1))))
        return False
    if next_word_fits(last, line, right_edge if reach is None else min(right_edge, reach)):
        return True
    space, slack = SPACE_WIDTH * line.size, FIT_SLACK * line.size
    fits = last.x1 + space < right_edge - slack and last.x1 + line.visible[0].x1 - line.visible[0].x0 <= right_edge
    spaceless = last.visible[-1].text[-1:] in "-–—/"  # lines wrap after these without a space
    if m.drawn_spaces and not last.ends_in_space and fits and not spaceless:
        return True  # no space drawn where one fits (nor a word cut: its next letter fits too): it ended
    if m.wrapped(last):
        return False  # it wrapped: whatever the next line starts with goes on with it
    if cell and m.marked_ends:  # the writer draws a space at each paragraph's end, none at a wrap
        return last.ends_in_space
    # In a table cell, paragraphs often follow each other without any spacing (one indicator
    # per paragraph, usually without a full stop). Dutch and English do not capitalise words
    # inside a sentence, so a line that starts with a capitalised word ("Brengt", not "P&O")
    # after a line that does not lead into it (no "," "/" "(" "&" "+" or a word's hyphen at its
    # end) starts a paragraph, unless the document writes that word capitalised mid-sentence
    # too (a name). Not in bold text (headers such as "Competentieniveau" / "Ambtelijk
    # Secretaris" wrap too), nor inside a list item (the next item has its own marker), nor
    # where paragraphs are known to be spaced (a paragraph would start lower).
    bold = all(g.bold for g in last.visible + line.visible)
    if not cell or bold or para.listed:
        return False
    word = _first_word(line.glyphs)
    if spaced:
        if _capitalised(word) and ends_sentence(last.text) and not m.lexicon.is_name(word):
            # weak evidence the other way: only the spacing taken for the column says so
            m.notes.append(Note("pdf.tight-cells", f"went on with '{word}' in the paragraph before, in a table cell, "
                                "though that ends a sentence and the word is capitalised: the cell's paragraphs are "
                                "taken to have spacing between them", Origin(page=line.page, top=round(line.top, 1))))
        return False
    if not (_capitalised(word) and not m.lexicon.is_name(word) and not _leads_on(last)):
        return False
    # weak evidence: only the capital says so (a name the document shows nowhere else looks the same)
    m.notes.append(Note("pdf.tight-cells", f"started a new paragraph at '{word}' in a table cell: the line "
                        "before did not lead into it and the word is capitalised, with no spacing to tell",
                        Origin(page=line.page, top=round(line.top, 1))))
    return True


def justified(line: Line, right_edge: float) -> bool:
    """Was the line set justified: does it reach the edge with every word gap wider than its
    space glyph by about the same amount? Only a wrapped line is stretched so (the last line of
    a justified paragraph keeps natural gaps), whatever the next line starts with."""
    if not on("pdf.justified-line") or right_edge - line.x1 > FIT_SLACK * line.size:
        return False
    stretches = []
    glyphs = line.glyphs
    for i in range(1, len(glyphs) - 1):
        space, before, after = glyphs[i], glyphs[i - 1], glyphs[i + 1]
        if space.blank and not before.blank and not after.blank:
            if space.inserted:
                return False  # no space glyph: no natural width to compare the gap with
            stretches.append(after.x0 - before.x1 - (space.x1 - space.x0))
    return (bool(stretches) and min(stretches) >= JUSTIFIED_STRETCH * line.size
            and max(stretches) - min(stretches) <= JUSTIFIED_EVEN * line.size)


def _leads_on(line: Line) -> bool:
    """Does the line end in a way that leads into the next line ("en/", "(", "hoofd-")?"""
    vis = line.visible
    end = vis[-1].text[-1:]
    if end in ",/(&+":
        return True
    return end == "-" and len(vis) > 1 and not line.glyphs[line.glyphs.index(vis[-1]) - 1].blank


def _capitalised(word: str) -> bool:
    return len(word) >= 2 and word[0].isupper() and word[1].islower()


def _join_spans(
    lines: list[Line], right_edge: float | None, lexicon: Lexicon, notes: list | None = None,
    wrap_space: float | None = None, whole_words: bool = False,
) -> tuple[Span, ...]:
    """The paragraph's text. With `whole_words` (a writer that never cuts a word at a column's
    edge, `Metrics.whole_words`), a line the cut-word test would join to the next stays a word
    of its own, with a note."""
    pieces: list[list] = []  # [text, italic, bold]

    def add(text: str, italic: bool, bold: bool) -> None:
        if pieces and (pieces[-1][1], pieces[-1][2]) == (italic, bold) or (pieces and not text.strip()):
            pieces[-1][0] += text
        else:
            pieces.append([text, italic, bold])

    trimmed = [_trimmed(line.glyphs) for line in lines]
    # last line first: whether a line's word goes on after it tells how long a word can be
    cuts = [False] * (len(lines) + 1)
    whole = [""] * (len(lines) + 1)  # a line's first word, with its rest on later lines when cut again
    for i in range(len(lines) - 1, 0, -1):
        whole[i] = _first_word(trimmed[i]) + (whole[i + 1] if cuts[i + 1] else "")
        why: list[str] = []
        cuts[i] = _broke_in_word(lines[i - 1], trimmed[i], right_edge, lexicon, whole[i], cuts[i + 1], wrap_space, why)
        if why and notes is not None:
            head, rest = _last_word(lines[i - 1].glyphs), _first_word(trimmed[i])
            notes.append(Note("pdf.word-shape" if why[0].startswith("the document's words") else "pdf.cut-word",
                              f"kept '{head}' and '{rest}' apart, though '{head}' fills its line and may be a word cut at "
                              f"the column's edge: {why[0]}", Origin(page=lines[i].page, top=round(lines[i].top, 1))))
        if cuts[i] and whole_words:
            cuts[i] = False
            if notes is not None:
                head, rest = _last_word(lines[i - 1].glyphs), _first_word(trimmed[i])
                notes.append(Note("pdf.cut-word", f"kept '{head}' and '{rest}' apart, though '{head}' fills its line: the "
                                  "document sets its tables as HTML printers do (cells centred, or columns sized by their "
                                  "text), which never cut a word at a column's edge", Origin(page=lines[i].page, top=round(lines[i].top, 1))))
        if cuts[i] and notes is not None:
            head, rest = _last_word(lines[i - 1].glyphs), _first_word(trimmed[i])
            rule = "pdf.cut-label" if _cut_label(lines[i - 1], _first_word(trimmed[i])) else "pdf.cut-word"
            notes.append(Note(rule, f"joined '{head}' and '{rest}' into one word: a word wider than "
                              "its column, cut at the column's edge", Origin(page=lines[i].page, top=round(lines[i].top, 1))))
    # a line ending in a hyphen the writer added to break a word (U+00AD, or a plain hyphen
    # where the document shows the word whole elsewhere and never with that hyphen)
    added = [False] + [_added_hyphen(lines[i - 1], trimmed[i], lexicon) for i in range(1, len(lines))] + [False]
    for i, glyphs in enumerate(trimmed):
        slash = i and _broke_at_slash(lines[i - 1], glyphs)
        if slash and notes is not None:
            notes.append(Note("pdf.slash-break", f"joined '{_last_word(lines[i - 1].glyphs)}' and '{_first_word(glyphs)}' "
                              "without a space: the line broke after a slash inside a word",
                              Origin(page=lines[i].page, top=round(lines[i].top, 1))))
        if i and not _broke_at_hyphen(lines[i - 1], glyphs) and not cuts[i] and not slash and not _closing_start(
                lines[i - 1], glyphs):
            add(" ", False, False)
        if added[i + 1] and notes is not None and glyphs[-1].text == "-":
            head, rest = _last_word(lines[i].glyphs), _first_word(trimmed[i + 1])
            notes.append(Note("pdf.hyphenation", f"joined '{head}' and '{rest}' without the hyphen: the document "
                              f"writes '{head[:-1]}{rest}' whole elsewhere", Origin(page=lines[i].page, top=round(lines[i].top, 1))))
        for k, g in enumerate(glyphs):
            if g.text == SOFT_HYPHEN or (added[i + 1] and k == len(glyphs) - 1):
                continue  # a soft hyphen shows only where it breaks a line, and is no part of the word
            add(" " if g.inserted else g.text, g.italic, g.bold)
    return tuple(Span(re.sub(r"[ \t]+", " ", t), italic=it, bold=b) for t, it, b in pieces)


def joint(
    previous: Line, line: Line, right_edge: float | None, lexicon: Lexicon, rest_word: str,
    wrap_space: float | None = None, whole_words: bool = False, notes: list[Note] | None = None,
) -> str:
    """What goes between two lines of one paragraph that a page break separates: nothing inside
    a hyphenated or cut word, else a space. `rest_word`: the whole first word after the break;
    `wrap_space`: as `Metrics.wrap_space`; `whole_words`: as `Metrics.whole_words` (no word is
    cut at a column's edge). A word joined as cut at the edge is noted in `notes`, when given."""
    glyphs = _trimmed(line.glyphs)
    marker = marker_of(previous)
    if marker:  # the first line of a list item: the marker is no part of the text
        previous = previous.drop_prefix(marker[0])
    if _broke_at_hyphen(previous, glyphs):
        return ""
    if not whole_words and _broke_in_word(previous, glyphs, right_edge, lexicon, rest_word, False, wrap_space):
        if notes is not None:
            head = previous.text.split()[-1] if previous.text.split() else ""
            notes.append(Note("pdf.cut-word", f"joined '{head}' and '{rest_word}' over the page break into one word: "
                              "a word wider than its column, cut at the column's edge",
                              Origin(page=line.page, top=round(line.top, 1))))
        return ""
    if _broke_at_slash(previous, glyphs) or _closing_start(previous, glyphs):
        return ""
    return " "


def _trimmed(glyphs: list[Glyph]) -> list[Glyph]:
    glyphs = list(glyphs)
    while glyphs and glyphs[0].blank:
        glyphs.pop(0)
    while glyphs and glyphs[-1].blank:
        glyphs.pop()
    return glyphs


SOFT_HYPHEN = "\xad"


def _added_hyphen(previous: Line, glyphs: list[Glyph], lexicon: Lexicon) -> bool:
    """Did the writer hyphenate a word to break the line (automatic hyphenation)? A soft hyphen
    (U+00AD) says so; a plain hyphen only when the document shows the word whole elsewhere,
    and never with the hyphen in it ("organi-" / "satie", "organisatie" elsewhere)."""
    vis = previous.visible
    if not on("pdf.hyphenation"):
        return False
    if vis[-1].text == SOFT_HYPHEN:
        return True
    if not _broke_at_hyphen(previous, glyphs):
        return False
    head, rest = _last_word(previous.glyphs), _first_word(glyphs)
    if not head[:-1].isalpha():
        return False  # "en -" / "werkwijzen": the hyphen starts a word of its own
    return lexicon.knows(head[:-1] + rest) and not lexicon.knows(head + rest)


def _broke_at_hyphen(previous: Line, glyphs: list[Glyph]) -> bool:
    """Did the line break inside a hyphenated word ("zij-" / "haar")? Then the lines join
    without a space. Not when the hyphen stands alone (a dash), when a space glyph follows it,
    or when the next word is a conjunction ("hoofd-" / "en bijzaken": the hyphen ends a word).
    A hyphen alone after a conjunction starts a word whose first part is left out ("en" "-" /
    "werkwijzen": "teamdoelen en -werkwijzen"); writers break a line after it too.
    Nothing is removed either way: the hyphen stays."""
    vis = previous.visible
    if vis[-1].text == SOFT_HYPHEN and not previous.glyphs[-1].blank:
        return True
    if not vis[-1].text.endswith("-") or previous.glyphs[-1].blank or len(vis) < 2:
        return False
    before = previous.glyphs[previous.glyphs.index(vis[-1]) - 1]
    if before.blank and vis[-1].text == "-" and glyphs and glyphs[0].text[:1].islower() and on("pdf.suspended-hyphen"):
        return _last_word(previous.glyphs[: previous.glyphs.index(vis[-1])]).lower() in conjunctions()
    if before.blank or not before.text[-1:].isalpha() or not glyphs or not glyphs[0].text[:1].isalpha():
        return False
    return _first_word(glyphs).lower() not in conjunctions()


def _broke_at_slash(previous: Line, glyphs: list[Glyph]) -> bool:
    """Did the line break after a slash inside a word ("en/" / "of", "ë/" / "ï")? Browsers and
    word processors break lines there; a slash followed by a space is rare in running text, and
    a space the PDF draws after the slash rules it out."""
    vis = previous.visible
    if not on("pdf.slash-break") or len(vis) < 2 or previous.glyphs[-1].blank or not glyphs:
        return False
    before = previous.glyphs[previous.glyphs.index(vis[-1]) - 1]
    return vis[-1].text == "/" and before.text[-1:].isalnum() and glyphs[0].text[:1].isalnum()


# Punctuation that closes what stands before it: no line that wrapped at a space starts with
# it (quotes are left out: "'" and '"' open a quotation as well).
_CLOSES = set(".,;:!?)]}…’”")


def _closing_start(previous: Line, glyphs: list[Glyph]) -> bool:
    """Does the line start with a word of closing punctuation alone ("?" after "texas -")? A
    browser breaks a line after a hyphen before it; a line that wrapped at a space never starts
    so. Not where the PDF draws a space at the line's end (a wrap at a space, "texas ?")."""
    if not on("pdf.closing-start") or not glyphs or previous.ends_in_space:
        return False
    word = _first_word(glyphs)
    return bool(word) and set(word) <= _CLOSES


def _last_word(glyphs: list[Glyph]) -> str:
    """The text of the last word of a line's glyphs (blanks after it left out)."""
    word = ""
    for g in reversed(glyphs):
        if g.blank and word:
            break
        word = g.text.strip() + word
    return word


def _first_word(glyphs: list[Glyph]) -> str:
    """The text of a line's glyphs up to the first blank."""
    word = ""
    for g in glyphs:
        if g.blank:
            break
        word += g.text
    return word


# Punctuation that a line cannot start with after a break at a space: such a line start is the
# rest of a word cut at the column edge ("'zichtbaar" / "'", "signaleert" / ";").
_CLOSING = set(".,;:!?)]}'\"’”…")


def _broke_in_word(
    previous: Line, glyphs: list[Glyph], right_edge: float | None, lexicon: Lexicon, rest_word: str, goes_on: bool,
    wrap_space: float | None = None, why: list[str] | None = None,
) -> bool:
    """A word wider than its column is cut where the column ends ("Competenti" / "eniveau").

    Never when the PDF draws the space the line broke at. Only possible when the previous line
    is that one word, the rest is letters starting in lower case or closing punctuation, and
    not even its first letter would have fitted after it. Where the writer draws the space a
    line wraps at (`wrap_space`, per point of size) and the line leaves room for it but draws
    none, the line did not wrap at a space: a cut, whatever the words (`pdf.cut-at-drawn-space`:
    "Competentie" / "niveau 1", though "niveau" is a word). Else geometry cannot tell such a cut from
    a word that happens to fill its line followed by a word that did not fit ("financiële" /
    "draagt"), so a rest of closing punctuation alone is a cut (no line wrapped at a space starts
    with it), then the document's own words decide: the joined word seen elsewhere (whole, or
    cut in another place too: a word learnt from this place's pieces alone is no evidence for
    it, `Lexicon.shows_elsewhere`) means a cut; the rest seen as a word of its own
    (and the part before it too, or the rest being three letters or more), or the part before
    it seen as a word of four letters or more, or a short rest in lower case seen as a word that
    no word of the document ends with ("ô"; not "TE" of a label in capitals), means two words; so do letters at the break that
    the document's words end and start with, rather than run on through (`pdf.word-shape`).
    Otherwise: a cut when the word with its rest is wider than the column but less than 1.75
    times as wide (unless the rest is cut again: `goes_on`). `rest_word`: the rest's whole first
    word, over later lines if cut again. `why`: where the words were kept apart on such weak
    evidence (the line full, not one more letter fitting), the reason is added to it."""
    if right_edge is None or not glyphs or previous.visible[-1].text.endswith("-") or previous.ends_in_space:
        return False
    if not on("pdf.cut-word"):
        return False
    word = _first_word(glyphs)
    letters = word.rstrip("".join(_CLOSING))
    capitals = _cut_label(previous, letters)
    if not (letters[:1].islower() and _word_letters(letters)) and not (word and set(word) <= _CLOSING) and not capitals:
        return False  # "e.g.," or "zij-haar" is a word of its own, not the rest of one
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
    if previous.x1 + next_letter <= right_edge:
        return False  # a cut word fills its line: not one more letter would have fitted
    if wrap_space is not None and previous.x1 + wrap_space * previous.size + EDGE_SLACK <= right_edge:
        return True  # room for the space the writer draws where a line wraps, and none drawn
    if set(word) <= _CLOSING:
        return True  # no line wrapped at a space starts with closing punctuation
    head = _first_word(previous.glyphs[first:])
    if lexicon.shows_elsewhere(head + rest_word):
        return True
    reason = None
    if lexicon.knows(rest_word) and (lexicon.knows(head) or len(word_key(rest_word)) >= 3):
        reason = f"'{rest_word}' stands as a word of its own elsewhere"  # a rest of three letters or more
    elif lexicon.knows(rest_word) and rest_word[:1].islower() and not lexicon.ends_a_word(rest_word):
        reason = f"'{rest_word}' stands as a word of its own elsewhere, and no word there ends with it"
    elif lexicon.knows(head) and len(word_key(head)) >= 4:
        reason = f"'{head}' stands as a word of its own elsewhere"  # the cut falls at the end of a word seldom
    elif on("pdf.word-shape") and lexicon.looks_two_words(head, rest_word):
        reason = "the document's words end and start as the letters there do, and seldom run on through them"
    else:
        cut = previous.x1 - previous.x0
        width = right_edge - previous.x0
        if width >= cut + rest:
            return False  # one word would have fitted on a line of its own: never cut
        if goes_on or cut + rest < CUT_WORD_AT_MOST * width:
            return True
        reason = f"the two are over {CUT_WORD_AT_MOST} times as wide as the column"
    if why is not None:
        why.append(reason)
    return False


def _word_letters(token: str) -> bool:
    """Letters, with an apostrophe inside ("amma's", the rest of "programma's", cut)?"""
    return token[-1:].isalpha() and token.replace("'", "").replace("’", "").isalpha()


def _cut_label(previous: Line, rest: str) -> bool:
    """Could `rest` be the end of a label in capitals that the line before is the start of
    ("INTERMEDIA" / "TE": a level label cut at a narrow column's edge)? Both in capitals, the
    line before one word of letters; the rest of the cut-word test (geometry, the document's
    words) decides."""
    if not on("pdf.cut-label"):
        return False
    head = previous.text.strip()
    return head.isalpha() and head.isupper() and rest.isalpha() and rest.isupper() and len(head + rest) > 2


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
    spans = _join_spans(para.lines, right_edge, m.lexicon, m.notes, m.wrap_space, whole_words=m.whole_words and not body)
    return Paragraph(spans, style=style, level=level, origin=origin)
