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

from ..blocks import Block, Note, Origin, Paragraph, Span, Table
from ..errors import ParseError
from .heads import (area_above, area_of_rows, name_and_definition, rank, reads_as_definition, repeated_areas,
                    running_lines, where)
from .marks import is_code
from .refusal import no_scale_message
from .scale import Hints, Repeats, Scale, key, learn_scale
from .tables import CompetencyDraft


@dataclass
class Head:
    """What a competency table (or the text above it) says about the competency."""

    texts: list[tuple[str, Origin]] = field(default_factory=list)
    below: bool = False  # the next competency's name, found in the last row of the table before its own


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
        raise NoScale(no_scale_message(blocks, hints))
    repeats = Repeats(tables, hints)
    running = running_lines(blocks)
    notes: list[Note] = []
    areas = repeated_areas(blocks)
    if running:  # one numbered heading over every few tables: a title line, or the one area of all
        notes.append(Note("framework.running-title", "headings repeated above several tables read as a running "
                          f"title line, not as an area: {', '.join(repr(t) for t in sorted(running))}"))
    if areas:
        notes.append(Note("framework.repeated-areas", "headings repeated above several tables, with section numbers "
                          f"of one depth, read as areas, not as a running title line: {', '.join(sorted(areas))}"))
    if not scale.known:
        notes.append(Note("framework.unnamed-scale", "no level label has a level word or a number: the levels "
                          f"{', '.join(repr(t) for t in scale.labels)} were learned from their repetition alone"))
    if scale.worded_row is not None:
        notes.append(Note("framework.worded-header", "a first row neither marked as a header row nor repeated in "
                          "another table read as the header of the levels, each of its labels having a level word: "
                          f"{', '.join(repr(t) for t in scale.labels)}", scale.worded_row))
    drafts: list[tuple[CompetencyDraft, str | None]] = []
    above: list[Paragraph] = []  # paragraphs since the last table
    carried: list[Paragraph] = []  # a name found at the end of the table before (`_name_below`)
    headings: list[tuple[int, str]] = []  # (rank, text) of every heading so far that could name an area
    for block in blocks:
        if isinstance(block, Paragraph) and block.text:
            above.append(block)
            heading_rank = rank(block)
            if heading_rank and block.text not in running and block.text != title:
                headings.append((heading_rank, block.text))
            continue
        if not isinstance(block, Table):
            continue
        reading = _read_table(block, scale, repeats, notes)
        if reading is None:
            notes.append(Note("framework.other-table", f"table passed over: it has no level labels of the scale "
                              f"({_first_text(block)})", block.origin))
            above = []
            continue
        if carried and _first_head(reading).texts:
            raise ParseError(f"table at {where(block.origin)}: it has a name of its own, so '{carried[0].text[:60]}' "
                             "at the end of the table before it has no place")
        context = [p for p in above if p.text not in running]
        reading, above = _name_below(reading, notes)
        carried = list(above)
        if isinstance(reading, list):  # several competencies in one table: the text above names their area
            area = area_of_rows([p for p in context if p.text != title], headings, block)
            for head, levels in reading:
                draft, own_area, _ = name_and_definition(head.texts, [], block)
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
        draft, area, name_rank = name_and_definition(head.texts, context, block)
        if area is None:
            area = area_above(headings, name_rank, draft.name)
        _extend(draft, levels)
        drafts.append((draft, area))
    if not drafts:
        raise NoScale(no_scale_message(blocks, hints))
    return FrameworkReading(scale=scale, drafts=drafts, notes=notes)


def _read_table(table: Table, scale: Scale, repeats: Repeats, notes: list[Note]):
    """(head, {level: (label, [(text, origin)])}) or None when the table has no label of the scale."""
    if scale.axis == "column":
        return _read_column_table(table, scale, repeats, notes)
    return _read_row_table(table, scale, repeats, notes)


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
                _no_text_at_labels(row, grid, scale)
                head.texts += [t for cell in grid if cell is not None for t in _texts(cell)]
            continue
        if number is None and current is not None and _across(row, grids):
            # a row of one cell across the table after the levels: the next competency's name
            # (tables that touch are one table to some writers: LibreOffice joins them)
            entries.append((Head(), {}))
            head, levels = entries[-1]
            current = None
            head.texts += [t for cell in grid if cell is not None for t in _texts(cell)]
            continue
        if number is None and label_cell is not None and label_cell.text and _name_at_end(row, grids, column):
            entries.append((Head(_texts(label_cell), below=True), {}))
            continue
        if number is None and label_cell is not None and label_cell.text:
            raise ParseError(f"table at {where(row.origin)}: '{label_cell.text[:60]}' stands where the level "
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


def _read_row_table(table: Table, scale: Scale, repeats: Repeats, notes: list[Note]):
    """Levels as columns under a header row of labels: (head, levels), or a list of them when the
    table gives one competency per row (no name above the header, and several rows with their
    own name cell)."""
    head = Head()
    columns: dict[int, int] | None = None  # grid column -> level
    labels: dict[int, str] = {}
    rows: list[tuple[list, dict]] = []  # per row below the header: its own head texts, its level texts
    origins: list[Origin] = []
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
        origins.append(row.origin)
    if columns is None:
        return None
    if not head.texts and sum(1 for own, _ in rows if own) >= 2:
        entries = []
        for (own, texts), origin in zip(rows, origins):
            if own and entries and _definition_below_name(entries[-1][0], own):
                entries[-1][0].texts.extend(own)
                notes.append(Note("framework.definition-in-next-row", f"'{own[0][0][:60]}' read as the definition of "
                                  f"'{entries[-1][0].texts[0][0][:60]}' in the row above, which has a name and nothing "
                                  "more (a page break may have cut the row)", origin))
            elif own or not entries:
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


def _definition_below_name(head: Head, own: list[tuple[str, Origin]]) -> bool:
    """Is a row's own text the definition of the competency named in the row above (rule
    `framework.definition-in-next-row`)? That row has a name and nothing more, so it cannot stand
    as a competency, and this row's text reads as a definition (a sentence or a quote), not as a
    name: a row cut by a page break, or a definition set in a row of its own."""
    return len(head.texts) == 1 and not reads_as_definition(head.texts[0][0]) and reads_as_definition(own[0][0])


def _no_text_at_labels(row, grid, scale: Scale) -> None:
    """A row before the first label with a name in a column before the labels' and text of
    its own in the labels' column or after it holds level text that is no label of the scale (two labels in one cell, a PDF reader
    having joined two rows): the levels cannot be told apart, and read as the competency's
    name and definition they would be wrong. Refuse."""
    named = any(cell is not None and cell.text for cell in grid[: scale.column])
    beside = next((cell for cell in grid[scale.column :] if cell is not None and cell.text), None)
    if named and beside is not None:
        raise ParseError(f"table at {where(row.origin)}: '{beside.text[:60]}' stands beside the competency's name, "
                         f"in or after the column of the level labels ({', '.join(scale.labels)}), but is not one "
                         "of them: the levels cannot be told apart")


def _name_at_end(row, grids, column: int) -> bool:
    """Is the row the table's last, with text in the first column alone, where the labels
    stand? The name of the next competency, whose own table follows with its definition
    above it: a PDF reader takes a line right below a table without rulings for one more row."""
    return column == 0 and row is grids[-1][0] and not any(c is not None and c.text for c in grids[-1][1][1:])


def _name_below(reading, notes: list[Note]):
    """(the table's reading, paragraphs for the next table's context): a trailing name entry
    (`_name_at_end`) goes on to the next table, with a note."""
    if not isinstance(reading, list) or not reading[-1][0].below:
        return reading, []
    head = reading[-1][0]
    text, origin = head.texts[0]
    notes.append(Note("framework.name-below-table", f"'{text[:60]}' in the last row of a table, where the level labels "
                      "stand, read as the name of the competency whose table follows", origin))
    rest = reading[:-1]
    return (rest if len(rest) > 1 else rest[0]), [Paragraph((Span(t),), origin=o) for t, o in head.texts]


def _first_head(reading) -> Head:
    return reading[0][0] if isinstance(reading, list) else reading[0]


def _across(row, grids) -> bool:
    """Is the row one cell spanning every grid column of the table?"""
    width = max(len(g) for _, g in grids)
    return len(row.cells) == 1 and row.cells[0].span >= width > 1 and bool(row.cells[0].text)


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


def _first_text(table: Table) -> str:
    for row in table.rows:
        for cell in row.cells:
            if cell.text:
                return f"it begins '{cell.text[:50]}'"
    return "it is empty"
