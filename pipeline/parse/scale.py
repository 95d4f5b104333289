"""The level scale of a framework, learned from its tables rather than from one template.

Level labels are the short texts that repeat, in the same order, in the same place of many
tables: down one grid column ("At Basic level, individuals", "At Intermediate level, ..."), or
across a header row ("FOUNDATION | INTERMEDIATE | ADVANCED | EXEMPLAR"). A vocabulary helps to
prefer the scale over other repeated texts (a repeated header row "Competence | Statements"), and
lets a framework of a single table be read, but no label has to be in it.
"""
from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from dataclasses import dataclass

from ..blocks import Cell, Origin, Row, Table, fold
from ..vocab import Vocabulary
from .words import LevelReader

MAX_LABEL_CHARS = 60  # a level label is short: "At Highly advanced level, individuals" is 37
MAX_LABEL_WORDS = 8
MAX_LEVELS = 10
MIN_TABLES = 2  # a text repeats when it stands in the same column of this many tables
_WORDS = re.compile(r"(?<![\w.])\w+(?![\w.])")  # whole words: "2" in "Level 2", not in "A1.2"
LABEL_VARIANT_RATIO = 0.85  # a label cell this similar to exactly one label of the scale is that label


def key(text: str) -> str:
    """A label's identity: case, spacing and a closing colon do not make another label."""
    return fold(text).rstrip(":").strip().casefold()


def is_short(text: str) -> bool:
    return 0 < len(text) <= MAX_LABEL_CHARS and len(text.split()) <= MAX_LABEL_WORDS


class Hints:
    """What the vocabularies know about level labels, in all languages at once."""

    def __init__(self, vocabularies: list[Vocabulary]):
        self.readers = [LevelReader(v) for v in vocabularies]
        words = {w.casefold() for v in vocabularies for w in (*v.level_words, *v.scale_words)}
        words |= {n.casefold() for v in vocabularies for scale in v.level_names for n in scale}
        self.numbers = {w: n for v in vocabularies for w, n in v.number_words.items()}
        # Column headings such as "Competence" or "Definition" head a list of competencies, not a level.
        self.competency_heads = {w.casefold() for v in vocabularies for w in v.competency_header_words}
        self.definition_heads = {w.casefold() for v in vocabularies for w in v.definition_words}
        self.not_labels = set(self.competency_heads)
        self.not_labels |= {w.casefold() for v in vocabularies for w in v.not_level_words}
        # Long words also inside a compound ("basisniveau"); short ones as whole words only.
        self._pattern = re.compile(
            "|".join(re.escape(w) if len(w) >= 5 else rf"\b{re.escape(w)}\b" for w in sorted(words, key=len, reverse=True))
        ) if words else None

    def exact(self, text: str) -> bool:
        """A vocabulary level label on its own ("Level 2", "Basis")."""
        return any(r.is_label(text) for r in self.readers)

    def recognised(self, text: str) -> bool:
        """The text has a level word or level name in it ("At Basic level, individuals")."""
        return self.exact(text) or bool(self._pattern and self._pattern.search(key(text)))

    def number(self, text: str) -> int | None:
        """The number a label carries as a word of its own ("Level 3", "Niveau drie"; not "A1.2"), if any."""
        for token in _WORDS.findall(key(text)):
            if token.isdigit():
                return int(token)
            if token in self.numbers:
                return self.numbers[token]
        return None


@dataclass(frozen=True)
class Scale:
    axis: str  # "column": labels down one grid column; "row": labels across a header row
    labels: tuple[str, ...]  # as the document first writes them, lowest level first
    keys: tuple[str, ...]
    column: int | None = None  # the grid column of the labels (axis "column")
    known: bool = True  # False: no label has a level word or a number; learned from repetition alone
    worded_row: Origin | None = None  # axis "row": where a first row not marked as a header, and repeated in no
    # other table, was read as the header of the levels because each of its labels has a level word

    def number(self, text: str) -> int | None:
        k = key(text)
        return self.keys.index(k) + 1 if k in self.keys else None

    def nearest(self, text: str) -> int | None:
        """The level of a label written a little differently ("At Basic level individuals"), if just one is that close."""
        ratios = [SequenceMatcher(None, key(text), k).ratio() for k in self.keys]
        close = [n for n, ratio in enumerate(ratios, start=1) if ratio >= LABEL_VARIANT_RATIO]
        return close[0] if len(close) == 1 else None


class Repeats:
    """Which (grid column, text) pairs recur across the tables of a document, or down one table
    beside different texts (tables that touch are one table to some writers: LibreOffice joins
    them, and its PDF shows one table of stacked competencies)."""

    def __init__(self, tables: list[Table], hints: Hints):
        self.hints = hints
        self.count: Counter = Counter()
        for table in tables:
            self.count.update(_stretches(table))

    def repeated(self, column: int, cell: Cell | None) -> bool:
        if not _short(cell):
            return False
        return self.count[(column, key(cell.text))] >= MIN_TABLES or self.hints.exact(cell.text)

    def header_like(self, row: Row) -> bool:
        """A header row: the document says so, or its texts (the first cell aside) all recur."""
        filled = [(c, cell) for c, cell in enumerate(row.grid()) if cell is not None and cell.text]
        if row.header:
            return True
        recurring = [self.repeated(c, cell) for c, cell in filled]
        return sum(recurring) >= 2 and all(recurring[1:])


def _stretches(table: Table) -> Counter:
    """For each (grid column, short text): once per table, and once more each time it comes
    again in that column after some other short text stood there (labels starting again)."""
    count: Counter = Counter()
    last: dict[int, str] = {}  # column -> the last short text there
    seen: set = set()
    for row in table.rows:
        for c, cell in enumerate(row.grid()):
            if not _short(cell):
                continue
            pair = (c, key(cell.text))
            if pair not in seen or last.get(c) != pair[1]:
                count[pair] += 1
            seen.add(pair)
            last[c] = pair[1]
    return count


def _short(cell: Cell | None) -> bool:
    return cell is not None and is_short(cell.text)


def _collapse(texts: list[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        if not out or key(out[-1]) != key(text):
            out.append(text)
    return out


def _runs(labels: list[str]) -> list[list[str]]:
    """The label sequence cut where a label comes again: several competencies stacked in one table."""
    runs: list[list[str]] = [[]]
    for text in labels:
        if key(text) in {key(t) for t in runs[-1]}:
            runs.append([])
        runs[-1].append(text)
    return runs


def _column_candidates(table: Table, repeats: Repeats):
    """(column, labels) for each grid column whose recurring texts mark rows that hold more."""
    rows = [r.grid() for r in table.rows if not repeats.header_like(r)]
    width = max((len(g) for g in rows), default=0)
    for c in range(width):
        labels = []
        for grid in rows:
            cell = grid[c] if c < len(grid) else None
            if repeats.repeated(c, cell) and any(x is not None and x.text for x in grid[c + 1 :]):
                labels.append(cell.text)
        for run in _runs(_collapse(labels)):
            if 2 <= len(run) <= MAX_LEVELS:
                yield c, run


def _row_candidates(table: Table, repeats: Repeats):
    """(labels, worded) across each header-like row that has text below it in the labels' columns.

    `worded`: the table's first row, neither marked as a header (an HTML export drops the mark) nor
    repeated in another table (a framework of one table), taken because every label in it has a
    level word or name ("FOUNDATION | INTERMEDIATE | ..."): rule `framework.worded-header`."""
    hints = repeats.hints
    first_row = next((i for i, r in enumerate(table.rows) if any(c.text for c in r.cells)), None)
    for index, row in enumerate(table.rows):
        worded = False
        if not repeats.header_like(row):
            if index != first_row:
                continue
            worded = True
        filled = [(c, cell.text) for c, cell in enumerate(row.grid()) if cell is not None and cell.text]
        while filled and key(filled[0][1]) in hints.not_labels:  # "Competence | Level 1 | ..."
            filled = filled[1:]
        first = next((i for i, (_, t) in enumerate(filled) if hints.recognised(t)), None)
        if first is None:
            first = 1 if filled and not repeats.repeated(filled[0][0], row.grid()[filled[0][0]]) else 0
        labels = filled[first:]
        below = [r.grid() for r in table.rows[index + 1 :]]
        has_content = any(c < len(g) and g[c] is not None and g[c].text for g in below for c, _ in labels)
        if worded and not all(hints.recognised(t) for _, t in labels):
            continue
        if 2 <= len(labels) <= MAX_LEVELS and has_content and len({key(t) for _, t in labels}) == len(labels):
            yield [t for _, t in labels], (row.origin if worded else None)


def _known(hints: Hints, text: str) -> bool:
    return hints.recognised(text) or hints.number(text) is not None


def learn_scale(tables: list[Table], hints: Hints) -> Scale | None:
    """The best-supported scale: most labels a vocabulary recognises (or that carry a number), then
    most tables, then most labels."""
    repeats = Repeats(tables, hints)
    support: Counter = Counter()
    written: dict = {}
    plain: set = set()  # row candidates found at least once in a row marked or repeated as a header
    worded_at: dict = {}  # row candidates found by their level words alone -> where first
    for table in tables:
        found: dict = {}  # candidate -> labels as written, in the order met (a tie goes to the first)
        for column, labels in _column_candidates(table, repeats):
            found.setdefault(("column", column, tuple(key(t) for t in labels)), labels)
        for labels, worded in _row_candidates(table, repeats):
            candidate = ("row", None, tuple(key(t) for t in labels))
            found.setdefault(candidate, labels)
            if worded is None:
                plain.add(candidate)
            else:
                worded_at.setdefault(candidate, worded)
        for candidate, labels in found.items():
            written.setdefault(candidate, labels)
        support.update(found.keys())
    if not support:
        return None

    def score(candidate):
        labels = written[candidate]
        recognised = sum(1 for t in labels if _known(hints, t))
        return (recognised, support[candidate], len(labels))

    candidates = [c for c in written if not any(key(t) in hints.not_labels for t in written[c])]
    # Texts repeated across a header row name columns of many things (competence groups, roles);
    # only a level word or a number makes them levels. Down a column, repetition marks the rows.
    candidates = [c for c in candidates if c[0] == "column" or any(_known(hints, t) for t in written[c])]
    # A row taken for its level words alone is the last resort: any scale the document repeats comes first.
    candidates = [c for c in candidates if c in plain or c not in worded_at] or candidates
    if not candidates:
        return None
    best = max(candidates, key=score)
    labels = written[best]
    if support[best] < MIN_TABLES and not all(_known(hints, t) for t in labels):
        return None  # one table, and a label no vocabulary knows: too weak to call a scale
    numbers = [hints.number(t) for t in labels]
    if all(n is not None for n in numbers) and len(set(numbers)) == len(numbers):
        labels = [t for _, t in sorted(zip(numbers, labels))]  # the labels' own numbers order them
    axis, column, _ = best
    known = any(_known(hints, t) for t in labels)
    worded_row = worded_at.get(best) if best not in plain else None
    return Scale(axis=axis, labels=tuple(labels), keys=tuple(key(t) for t in labels), column=column, known=known,
                 worded_row=worded_row)
