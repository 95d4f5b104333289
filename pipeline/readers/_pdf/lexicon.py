"""The document's own words: what the PDF reader asks where geometry cannot decide.

In a narrow column a word that fills its line followed by one that did not fit looks exactly
like one long word cut at the column edge; a capitalised word wrapped to the start of a line
looks like the start of a new paragraph. The document itself usually settles both: it shows
most words whole somewhere, and writes names capitalised mid-sentence.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from .model import MARKER, Line, continues_sentence, ends_sentence, marker_of
from .rules import on
from .tolerances import EDGE_SLACK, WORD_SHAPE_MARGIN

_EDGE_PUNCTUATION = "'\"‘’“”«»()[]{}.,;:!?…"


def cell_column(lines: list[Line], edge, first_row: bool, last_row: bool) -> tuple:
    """A table cell as `Lexicon.of` takes it. A row cut by a page break goes on in the first
    row of the next page: the start of a first row that goes on with a sentence, and the end
    of a last row, are no sure breaks."""
    cut_above = first_row and continues_sentence(lines[0].text)
    return lines, edge, not cut_above, not last_row


def word_key(token: str) -> str:
    """A token as the lexicon compares it: without the punctuation around it, in lower case."""
    return token.strip(_EDGE_PUNCTUATION).lower()


@dataclass(frozen=True)
class Lexicon:
    """`words`: tokens the layout shows whole, and words learnt from the pieces of cut words
    (see `of`). `names`: capitalised tokens seen after a word that does not end a sentence
    ("met Zoë", "de P&O"), which say nothing about where a paragraph starts. Bold text is left
    out (headings capitalise their words)."""

    words: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    # words learnt from one run of cut pieces alone, never seen whole: the place that taught
    # one is no evidence for itself (`shows_elsewhere`)
    once: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls, columns: list[tuple[list[Line], float | None, bool, bool]], wrap_space: float | None = None,
        known: frozenset[str] = frozenset(),
    ) -> "Lexicon":
        """`columns`: runs of lines in reading order within one column (a page's body, a cell),
        each with the right edge of its text (None for body text, whose lines may belong to the
        columns of a table without rulings) and whether its start and end are surely breaks at
        a space (not so in a table row that a page break may have cut). A token is a whole word
        when both its ends are sure breaks (`_breaks_at_space`); lines in several columns only
        give the words inside each part and the last word of a part of two or more. Runs of
        pieces that may be one cut word teach the words no known word explains (`_cut_words`),
        also none of the words `known` from elsewhere in the document. Where the writer draws
        the space a line wraps at (`wrap_space`, per point of size), a one-word line that leaves
        room for it and draws none was surely cut: the joined word is known (`_sure_cuts`),
        also in bold text (the geometry says so, not the words)."""
        words: set[str] = set()
        names: set[str] = set()
        runs: list[list[str]] = []
        for lines, edge, whole_start, whole_end in columns:
            parts = [line.segments() for line in lines]
            pairs = zip(lines, lines[1:], parts, parts[1:])
            sure = [whole_start] + [_breaks_at_space(a, b, pa, pb, edge) for a, b, pa, pb in pairs]
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
        if wrap_space is not None and on("pdf.cut-at-drawn-space"):
            for lines, edge, _, _ in columns:
                words.update(_sure_cuts(lines, edge, wrap_space))
        learnt, once = _cut_words(runs, words | known)
        once = once - words - known
        words |= learnt - known
        words.discard("")
        names.discard("")
        return cls(frozenset(words), frozenset(names), frozenset(once))

    def __or__(self, other: "Lexicon") -> "Lexicon":
        once = (self.once - other.words) | (other.once - self.words)
        return Lexicon(self.words | other.words, self.names | other.names, once)

    def knows(self, token: str) -> bool:
        return word_key(token) in self.words

    def shows_elsewhere(self, token: str) -> bool:
        """Does the document show the word whole, or cut at a column's edge in two places or
        more? (A word learnt from one place's cut pieces alone says nothing about that place.)"""
        key = word_key(token)
        return key in self.words and key not in self.once

    def is_name(self, token: str) -> bool:
        return word_key(token) in self.names

    @cached_property
    def letter_runs(self) -> frozenset[str]:
        """Runs of three and four letters in the words the document shows (`^` and `$` stand
        for a word's start and end; words learnt from one place's cut pieces alone are left
        out, as they say nothing about that place)."""
        runs: set[str] = set()
        for word in self.words - self.once:
            letters = _letters(word)
            if len(letters) < 2:
                continue
            marked = f"^{letters}$"
            runs.update(marked[i:i + n] for n in _RUN_LENGTHS for i in range(len(marked) - n + 1))
        return frozenset(runs)

    def ends_a_word(self, token: str) -> bool:
        """Does some longer word the document shows end with `token`'s letters? ("n" ends
        "werken"; "ô", shown as a word of its own, ends none.)"""
        letters = _letters(token)
        return bool(letters) and any(len(w) > len(letters) and w.endswith(letters)
                                     for w in map(_letters, self.words - self.once))

    def break_shape(self, head: str, rest: str) -> tuple[int, int]:
        """A line ending in `head`, the next going on with `rest`: how many of the letter runs
        across the break (as one word cut there has them) the document's words show, and how
        many of the runs that end `head` and start `rest` as words of their own (as two words
        have them)."""
        runs = self.letter_runs
        end, start = "^" + _letters(head), _letters(rest) + "$"
        across = [end[-k:] + start[:n - k] for n in _RUN_LENGTHS for k in range(1, n)
                  if len(end) >= k and len(start) >= n - k]
        apart = [end[-(n - 1):] + "$" for n in _RUN_LENGTHS] + ["^" + start[:n - 1] for n in _RUN_LENGTHS]
        return sum(run in runs for run in across), sum(run in runs for run in apart)

    def looks_two_words(self, head: str, rest: str) -> bool:
        """Do the document's words end and start as the letters at this break do, clearly more
        often than they run on through them (`break_shape`, `WORD_SHAPE_MARGIN`)? "combining" /
        "gentlemen": words end in "ing" and start with "gen", and no word holds "ngge"; a cut
        "inaugurat" / "ion" runs on as "tion" does inside words. Both pieces have three letters
        at least."""
        if min(len(_letters(head)), len(_letters(rest))) < max(_RUN_LENGTHS) - 1:
            return False  # a piece of a letter or two ("s", "en") is as often a word's end as a word
        across, apart = self.break_shape(head, rest)
        return apart - across >= WORD_SHAPE_MARGIN


def _breaks_at_space(before: Line, line: Line, before_parts: list[Line], parts: list[Line], edge: float | None) -> bool:
    """Is the break between two lines of one column surely at a space, not inside a word cut at
    the column edge? A cut word fills its line alone (a word that does not fit moves to a line
    of its own first) up to where not one more letter fits. So: the line before has two or more
    words, or the next letter would have fitted after it, or the new line starts a list item."""
    if len(before_parts) > 1 or len(parts) > 1:
        return False  # (`*_parts`: the lines' segments)
    if before.ends_in_space:
        return True  # the PDF draws the space the line broke at
    if edge is None:  # body text: the lines may be in two columns of a table without rulings
        return abs(line.x0 - before.x0) <= 2 and len(_words(before)) >= 2
    if len(_words(before)) >= 2 or marker_of(line) is not None or line.x0 < before.x0 - 2:
        return True
    first = line.visible[0]
    return before.x1 + (first.x1 - first.x0) <= edge - EDGE_SLACK


def _sure_cuts(lines: list[Line], edge: float | None, wrap_space: float) -> set[str]:
    """Words cut at the column's edge for sure: a line of one word that leaves room for the
    space the writer draws where a line wraps (and draws none), but not for the next line's
    first letter, followed by a line going on in lower case (or in capitals after capitals)."""
    found: set[str] = set()
    if edge is None:
        return found
    for before, line in zip(lines, lines[1:]):
        if before.page != line.page or before.ends_in_space or len(before.segments()) > 1 or len(line.segments()) > 1:
            continue
        head, rest = before.text.strip(), _words(line)[0]
        if " " in head or not head[-1:].isalpha() or not rest[:1].isalpha():
            continue
        if not (rest[:1].islower() or (head.isupper() and rest.isupper())):
            continue
        first = line.visible[0]
        if wrap_space * before.size + EDGE_SLACK <= edge - before.x1 < first.x1 - first.x0:
            found.add(word_key(head + rest))
    return found


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


def _cut_words(runs: list[list[str]], words: set[str]) -> tuple[set[str], set[str]]:
    """Whole words that runs show, and those of them only one run shows. A run of two pieces
    whose second is a known word was two words ("bewoners" / "doel: één"), so its first piece
    is a word too. A run that no known word explains, joined, was one word cut at the column
    edge; one that splits where a known or joined word starts or ends ("signaleert" /
    "samenwer" / "king") was two words."""
    runs = [[word_key(piece) for piece in run] for run in runs]
    heads = {run[0] for run in runs if len(run) == 2 and run[1] in words and len(run[1]) >= 3}
    words = words | heads
    runs = [run for run in runs if not any(piece in words for piece in run)]
    known = words | {"".join(run) for run in runs}

    def two_words(run: list[str], j: int) -> bool:  # the same test as for a line break in a cell
        head, rest = "".join(run[:j]), "".join(run[j:])
        return (rest in known and len(rest) >= 3) or (head in known and len(head) >= 4)

    joined = Counter("".join(run) for run in runs if not any(two_words(run, j) for j in range(1, len(run))))
    return heads | set(joined), {word for word, count in joined.items() if count == 1} - heads


_RUN_LENGTHS = (3, 4)


def _letters(token: str) -> str:
    return "".join(c for c in token.lower() if c.isalpha())


def _words(line: Line) -> list[str]:
    """The line's tokens, without a list marker it starts with."""
    marker = marker_of(line)
    return (line.drop_prefix(marker[0]) if marker else line).text.split(" ")


def _names(tokens: list[str]) -> set[str]:
    """Capitalised tokens after a word that does not end a sentence (nor is a number or a
    list marker)."""
    return {
        word_key(token) for before, token in zip(tokens, tokens[1:])
        if token[:1].isupper() and not ends_sentence(before)
        and not before.isdigit() and not MARKER.match(before)
    }
