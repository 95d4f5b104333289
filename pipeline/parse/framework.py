"""Competency frameworks of other organisations: one table per competency, read by a learned scale.

Where the role handbooks put a competency's name in the table's first row and level labels in
its first column, frameworks put them anywhere: the name in a heading above the table with the
definition (often in quotes) under it, or in a vertically merged first column that holds an area
line, the name and a description; the level labels down any column or across a header row. This
module reads all of those with the scale of pipeline/parse/scale.py:

- the *head* of a table (its cells before and beside the labels, that are not repeated in other
  tables) gives area, name and definition; an empty head takes them from the paragraphs above;
- a table with the scale's labels and neither head nor text above it continues the competency
  before it (a table split in two); a table may also hold several competencies, one per row under
  a header of level columns, or stacked, the labels starting again beside each new name;
- any other table (alignment statements, version history, glossary, contents) is passed over
  with a note.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..blocks import Block, Note, Origin, Paragraph, Table
from ..errors import ParseError
from .marks import (
    is_code,
    section_depth,
    split_code,
    strip_bullet,
    strip_enclosing_quotes,
    strip_numbering,
    strip_section_number,
)
from .scale import Hints, Scale, Repeats, key, learn_scale
from .tables import CompetencyDraft
from .words import looks_like_heading


@dataclass
class Head:
    """What a competency table (or the text above it) says about the competency."""

    texts: list[tuple[str, Origin]] = field(default_factory=list)


@dataclass
class FrameworkReading:
    scale: Scale
    drafts: list[tuple[CompetencyDraft, str | None]]
    notes: list[Note]


class NoScale(ParseError):
    """No level scale in the document; the message says what was found instead."""


def read_framework(blocks: list[Block], hints: Hints, title: str | None = None) -> FrameworkReading:
    """The framework's competency tables, read with the scale its tables repeat.

    `title` is the document's title: a heading with that text names no area.
    """
    tables = [b for b in blocks if isinstance(b, Table)]
    scale = learn_scale(tables, hints)
    if scale is None:
        raise NoScale(_no_scale_message(blocks))
    repeats = Repeats(tables, hints)
    running = _running_lines(blocks)
    notes: list[Note] = []
    if not scale.known:
        notes.append(Note("framework.unnamed-scale", "no level label has a level word or a number: the levels "
                          f"{', '.join(repr(t) for t in scale.labels)} were learned from their repetition alone"))
    drafts: list[tuple[CompetencyDraft, str | None]] = []
    above: list[Paragraph] = []  # paragraphs since the last table
    headings: list[tuple[int, str]] = []  # (rank, text) of every heading so far that could name an area
    for block in blocks:
        if isinstance(block, Paragraph) and block.text:
            above.append(block)
            rank = _rank(block)
            if rank and block.text not in running and block.text != title:
                headings.append((rank, block.text))
            continue
        if not isinstance(block, Table):
            continue
        reading = _read_table(block, scale, repeats, notes)
        if reading is None:
            notes.append(Note("framework.other-table", f"table passed over: it has no level labels of the scale "
                              f"({_first_text(block)})", block.origin))
            above = []
            continue
        context = [p for p in above if p.text not in running]
        above = []
        if isinstance(reading, list):  # several competencies in one table: the text above names their area
            area = _area_of_rows([p for p in context if p.text != title], headings)
            for head, levels in reading:
                draft, own_area, _ = _name_and_definition(head, [], block)
                area = own_area or area  # an area line in the table holds for the rows after it
                _extend(draft, levels)
                drafts.append((draft, area))
            continue
        head, levels = reading
        if not head.texts and not context and drafts:
            _extend(drafts[-1][0], levels)
            notes.append(Note("framework.continued-table", f"a table with level rows and no name of its own: "
                              f"read as the rest of '{drafts[-1][0].name}'", block.origin))
            continue
        draft, area, name_rank = _name_and_definition(head, context, block)
        if area is None:
            area = _area_above(headings, name_rank, draft.name)
        _extend(draft, levels)
        drafts.append((draft, area))
    if not drafts:
        raise NoScale(_no_scale_message(blocks))
    return FrameworkReading(scale=scale, drafts=drafts, notes=notes)


CODE_SHARE = 0.5  # codes are taken out of the texts when at least this share of indicators has one


def clean_indicators(drafts: list[tuple[CompetencyDraft, str | None]], notes: list[Note]) -> None:
    """Bullets and typed numbering off every indicator; codes out of the text into their own field.

    A text opening with something code-like ("CO2 emissions ...") is no proof of a code; a
    document whose indicators mostly open with one is. Indicators become (text, origin, code).
    """
    levels = [level for draft, _ in drafts for level in draft.levels.values()]
    entries = [(strip_bullet(text), origin) for level in levels for text, origin in level.indicators]
    coded = [split_code(text) for text, _ in entries]
    with_code = sum(1 for code, _ in coded if code)
    use_codes = bool(entries) and with_code >= CODE_SHARE * len(entries)
    if use_codes:
        example = next(code for code, _ in coded if code)
        notes.append(Note("framework.indicator-codes", f"{with_code} of {len(entries)} indicators open with a "
                          f"code (such as '{example}'): the codes are kept apart from the texts"))
    elif with_code:
        notes.append(Note("framework.codes-left-in-text", f"only {with_code} of {len(entries)} indicators open "
                          "with what looks like a code: kept as part of their texts"))
    for level in levels:
        cleaned = []
        for text, origin in level.indicators:
            text = strip_bullet(text)
            code, rest = split_code(text)
            if use_codes and code:
                cleaned.append((rest, origin, code))
            elif strip_numbering(text):
                cleaned.append((strip_numbering(text), origin, None))
        level.indicators[:] = cleaned


def _read_table(table: Table, scale: Scale, repeats: Repeats, notes: list[Note]):
    """(head, {level: (label, [(text, origin)])}) or None when the table has no label of the scale."""
    if scale.axis == "column":
        return _read_column_table(table, scale, repeats, notes)
    return _read_row_table(table, scale, repeats)


def _read_column_table(table: Table, scale: Scale, repeats: Repeats, notes: list[Note]):
    """Labels down one column: (head, levels); a list of them when the labels start again lower in
    the table beside a new name (competencies stacked in one table)."""
    column = scale.column
    grids = [(row, row.grid()) for row in table.rows]
    if not any(column < len(g) and g[column] is not None and scale.number(g[column].text) for _, g in grids):
        return None
    entries: list[tuple[Head, dict]] = [(Head(), {})]
    current: int | None = None
    for row, grid in grids:
        head, levels = entries[-1]
        label_cell = grid[column] if column < len(grid) else None
        number = scale.number(label_cell.text) if label_cell is not None and label_cell.text else None
        if number is None and label_cell is not None and label_cell.text and current is not None:
            number = scale.nearest(label_cell.text)
            if number is not None:
                notes.append(Note("framework.label-variant", f"'{label_cell.text}' read as level {number} "
                                  f"('{scale.labels[number - 1]}'): nearly the same text", label_cell.origin))
        if number is None and current is None:
            if not repeats.header_like(row):  # a repeated header row says nothing of this competency
                head.texts += [t for cell in grid if cell is not None for t in _texts(cell)]
            continue
        if number is None and label_cell is not None and label_cell.text:
            raise ParseError(f"table at {_where(row.origin)}: '{label_cell.text[:60]}' stands where the level "
                             f"labels of the scale ({', '.join(scale.labels)}) stand")
        beside = [t for cell in grid[:column] if cell is not None for t in _texts(cell)]
        if number is not None and number in levels and beside:  # the labels start again: the next competency
            entries.append((Head(), {}))
            head, levels = entries[-1]
        if number is not None:
            current = number
            levels.setdefault(number, (label_cell.text, []))
        head.texts += beside
        levels[current][1].extend(_statements([cell for cell in grid[column + 1 :] if cell is not None]))
    return entries if len(entries) > 1 else entries[0]


def _read_row_table(table: Table, scale: Scale, repeats: Repeats):
    """Levels as columns under a header row of labels: (head, levels), or a list of them when the
    table gives one competency per row (no name above the header, and several rows with their
    own name cell)."""
    head = Head()
    columns: dict[int, int] | None = None  # grid column -> level
    labels: dict[int, str] = {}
    rows: list[tuple[list, dict]] = []  # per row below the header: its own head texts, its level texts
    for row in table.rows:
        grid = row.grid()
        numbers = {c: scale.number(cell.text) for c, cell in enumerate(grid) if cell is not None and cell.text}
        labelled = {c: n for c, n in numbers.items() if n}
        if len(labelled) >= 2 and columns is None:
            columns = labelled
            labels = {n: grid[c].text for c, n in labelled.items()}
            head.texts += [t for c, cell in enumerate(grid) if c not in labelled and cell is not None
                           and not repeats.repeated(c, cell) and key(cell.text) not in repeats.hints.not_labels
                           for t in _texts(cell)]  # "Capability" over the names' column is no name
            continue
        if columns is None:
            if not repeats.header_like(row):
                head.texts += [t for cell in grid if cell is not None for t in _texts(cell)]
            continue
        if len(labelled) >= 2 and repeats.header_like(row):
            continue  # the header row again (a table that runs over pages)
        own = [t for c, cell in enumerate(grid) if cell is not None and c not in columns
               and not repeats.repeated(c, cell) for t in _texts(cell)]
        texts = {n: [t for c, cell in enumerate(grid) if cell is not None and columns.get(c) == n for t in _texts(cell)]
                 for n in labels}
        rows.append((own, texts))
    if columns is None:
        return None
    if not head.texts and sum(1 for own, _ in rows if own) >= 2:
        entries = []
        for own, texts in rows:
            if own or not entries:
                entries.append((Head(list(own)), {n: (labels[n], []) for n in sorted(labels)}))
            for n, found in texts.items():
                entries[-1][1][n][1].extend(found)
        return entries
    levels = {n: (labels[n], []) for n in sorted(labels)}
    for own, texts in rows:
        head.texts += own
        for n, found in texts.items():
            levels[n][1].extend(found)
    return head, levels


def _statements(cells) -> list[tuple[str, Origin]]:
    """The indicators of a row's cells; a cell of nothing but codes is paired with the cell after it,
    code by paragraph ("CS1.1.01" | "Acknowledges ..." gives "CS1.1.01 Acknowledges ...")."""
    texts = [_texts(cell) for cell in cells]
    out: list[tuple[str, Origin]] = []
    index = 0
    while index < len(texts):
        codes, following = texts[index], texts[index + 1] if index + 1 < len(texts) else []
        if codes and len(codes) == len(following) and all(is_code(t) for t, _ in codes):
            out += [(f"{code} {text}", origin) for (code, _), (text, origin) in zip(codes, following)]
            index += 2
            continue
        out += codes
        index += 1
    return out


def _texts(cell) -> list[tuple[str, Origin]]:
    return [(p.text, p.origin) for p in cell.paragraphs if p.text]


def _extend(draft: CompetencyDraft, levels: dict) -> None:
    for number, (label, indicators) in sorted(levels.items()):
        draft.level(number, label).indicators.extend(indicators)


def _name_and_definition(head: Head, context: list[Paragraph], table: Table):
    """(draft, area, rank of the name's heading) from the table's head, else from the text above it."""
    texts = [(t, o) for t, o in head.texts if t]
    area = None
    name_rank = 0
    if len(texts) >= 3 and _is_area(texts[0][0], texts[1][0]):
        area = strip_section_number(texts[0][0])
        texts = texts[1:]
    if not texts:
        name_at = _name_paragraph(context)
        if name_at is None:
            raise ParseError(f"a competency table (table at {_where(table.origin)}) has no name: neither in the "
                             "table nor in a heading above it")
        name_paragraph = context[name_at]
        name_rank = _rank(name_paragraph)
        texts = [(name_paragraph.text, name_paragraph.origin)] + [(p.text, p.origin) for p in context[name_at + 1 :]]
    elif len(texts) == 1:
        name_at = _name_paragraph(context)
        if name_at is not None and _reads_as_definition(texts[0][0]):  # the table holds only the definition
            name_paragraph = context[name_at]
            name_rank = _rank(name_paragraph)
            texts = [(p.text, p.origin) for p in context[name_at:]] + texts
        else:
            after = context[name_at + 1 :] if name_at is not None else [p for p in context if not _rank(p)]
            texts += [(p.text, p.origin) for p in after]
    name, origin = strip_section_number(texts[0][0]), texts[0][1]
    definition = strip_enclosing_quotes(" ".join(t for t, _ in texts[1:]).strip())
    if not definition:
        raise ParseError(f"competency '{name}' (table at {_where(table.origin)}) has no definition")
    return CompetencyDraft(name=name, definition=definition, origin=origin if origin.as_dict() else table.origin), area, name_rank


def _area_of_rows(context: list[Paragraph], headings: list[tuple[int, str]]) -> str | None:
    """The area of a table of one competency per row: the heading right above it, else the latest."""
    ranked = [p for p in context if _rank(p)]
    if ranked:
        return strip_section_number(ranked[-1].text)
    return strip_section_number(headings[-1][1]) if headings else None


def _area_above(headings: list[tuple[int, str]], name_rank: int, name: str) -> str | None:
    """The latest heading that ranks above the name's own heading (any heading, for a name in the table)."""
    for rank, text in reversed(headings):
        if strip_section_number(text) == name:
            continue
        if not name_rank or rank < name_rank:
            return strip_section_number(text)
    return None


def _reads_as_definition(text: str) -> bool:
    """A sentence, or a text in quotes: how a definition looks, and a name does not."""
    unquoted = strip_enclosing_quotes(text)
    return unquoted != text or not looks_like_heading(text)


def _is_area(first: str, second: str) -> bool:
    """An area line above the name: in capitals, or with a shorter section number than the name."""
    letters = [ch for ch in first if ch.isalpha()]
    capitals = bool(letters) and all(ch.isupper() for ch in letters) and looks_like_heading(first) and looks_like_heading(second)
    depth, next_depth = section_depth(first), section_depth(second)
    return capitals or (depth > 0 and next_depth > depth)


def _name_paragraph(context: list[Paragraph]) -> int | None:
    """The last heading above the table; without styled headings, the first short line."""
    ranked = [i for i, p in enumerate(context) if _rank(p)]
    if ranked:
        return ranked[-1]
    return next((i for i, p in enumerate(context) if looks_like_heading(p.text)), None)


def _rank(paragraph: Paragraph) -> int:
    """A heading's rank (1 = top), 0 for body text: the style's level, else the section number's depth."""
    if paragraph.style == "heading":
        return paragraph.level or 1
    if paragraph.style is None and looks_like_heading(paragraph.text):
        return section_depth(paragraph.text)
    return 0


def _running_lines(blocks: list[Block]) -> set[str]:
    """Headings the body repeats (a title line over every few tables): not a name, not an area."""
    seen: dict[str, int] = {}
    for block in blocks:
        if isinstance(block, Paragraph) and block.text and _rank(block):
            seen[block.text] = seen.get(block.text, 0) + 1
    return {text for text, count in seen.items() if count >= 2}


def _first_text(table: Table) -> str:
    for row in table.rows:
        for cell in row.cells:
            if cell.text:
                return f"it begins '{cell.text[:50]}'"
    return "it is empty"


DEFINITION_WORDS = 6  # a definition beside a name is a sentence of at least this many words


def _no_scale_message(blocks: list[Block]) -> str:
    """What a document without a level scale holds, in one line: competences with definitions, or nothing."""
    described = _described_competences(blocks)
    if described:
        return (f"{described} competences with definitions, but no level labels or levelled indicators: "
                "nothing converted (levels are never invented)")
    return ("no competencies found: no table with level labels (numbered such as 'Level 1', named, "
            "or repeated in the same place of every competency table)")


def _described_competences(blocks: list[Block]) -> int:
    """Competences a document describes without levels: name/definition table rows, else headings with text under them."""
    rows = 0
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                texts = [c.text for c in row.cells if c.text]
                name = next((i for i, t in enumerate(texts) if looks_like_heading(t)), None)
                if name is not None and any(len(t.split()) >= DEFINITION_WORDS for t in texts[name + 1 :]):
                    rows += 1
    if rows:
        return rows
    paragraphs = [b for b in blocks if isinstance(b, Paragraph) and b.text]
    return sum(
        1 for first, second in zip(paragraphs, paragraphs[1:])
        if first.style == "heading" and second.style != "heading" and len(second.text.split()) >= DEFINITION_WORDS
    )


def _where(origin: Origin) -> str:
    parts = [f"{k} {v}" for k, v in origin.as_dict().items() if k != "top"]
    return ", ".join(parts) or "unknown position"
