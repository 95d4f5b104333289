"""Reading the two kinds of table a handbook has: competency tables and the competentiematrix."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..blocks import Cell, Origin, Table
from ..errors import LevelsAgain, MatrixJoined, ParseError
from .words import LevelReader


@dataclass
class LevelDraft:
    number: int
    label: str
    indicators: list[tuple[str, Origin]] = field(default_factory=list)


@dataclass
class CompetencyDraft:
    name: str
    definition: str
    origin: Origin
    levels: dict[int, LevelDraft] = field(default_factory=dict)
    columns: list[int] | None = None  # level per column, when levels run across columns

    def level(self, number: int, label: str) -> LevelDraft:
        if number not in self.levels:
            self.levels[number] = LevelDraft(number, label)
        return self.levels[number]


def _texts(cell: Cell) -> list[tuple[str, Origin]]:
    return [(p.text, p.origin) for p in cell.paragraphs if p.text]


def level_header_columns(cells, levels: LevelReader) -> list[int] | None:
    """Level numbers per column when a row is a header of level labels (levels across columns)."""
    non_empty = [c for c in cells if c.text]
    if len(non_empty) < 2 or not all(levels.is_label(c.text) for c in non_empty):
        return None
    return [levels.number(c.text) if c.text else 0 for c in cells]


def is_competency_table(table: Table, levels: LevelReader) -> bool:
    for row in table.rows:
        if row.cells and levels.is_label(row.cells[0].text):
            return True
        if level_header_columns(row.cells, levels):
            return True
    return False


def starts_with_levels(table: Table, levels: LevelReader) -> bool:
    """A table that opens with level rows and no name: the rest of the previous competency."""
    first = next((r for r in table.rows if any(c.text for c in r.cells)), None)
    if first is None:
        return False
    return not first.cells[0].text or levels.is_label(first.cells[0].text) or bool(
        level_header_columns(first.cells, levels)
    )


def read_competency(table: Table, levels: LevelReader) -> CompetencyDraft:
    rows = list(table.rows)
    start = next(
        (i for i, r in enumerate(rows) if (r.cells and levels.is_label(r.cells[0].text)) or level_header_columns(r.cells, levels)),
        len(rows),
    )
    heading_cells = [c for r in rows[:start] for c in r.cells if c.text]
    if not heading_cells:
        raise ParseError(f"a competency table (table at {_where(table.origin)}) has no competency name above its levels")
    name_cell = heading_cells[0]
    name_paragraphs = _texts(name_cell)
    name = name_paragraphs[0][0]
    if name.casefold() in {w.casefold() for w in levels.vocabulary.competency_header_words}:
        raise MatrixJoined(f"the table at {_where(table.origin)} starts with '{name}', the head of a competency "
                           "matrix, where a competency's name should stand: the matrix and the competency's table "
                           "are probably drawn as one table, with no gap between them")
    rest = [t for t, _ in name_paragraphs[1:]] + [c.text for c in heading_cells[1:]]
    draft = CompetencyDraft(name=name, definition=" ".join(rest), origin=name_cell.origin)
    add_level_rows(draft, rows[start:], levels)
    return draft


def add_level_rows(draft: CompetencyDraft, rows, levels: LevelReader) -> None:
    """Level rows (label cell + indicator cells) or, across columns, a header row of labels.

    Rows are added to the levels they name. A labelled row never adds to a level that already
    holds indicators, but the one it goes on with: such rows belong to another competency whose
    name was lost (or a table the reader took apart), and adding them would be silently wrong.
    In a table that goes on with the competency before (`draft` has levels), even the level it
    goes on with may not be named again."""
    current: LevelDraft | None = max(draft.levels.values(), key=lambda lv: lv.number, default=None)
    filled = {n for n, lv in draft.levels.items() if lv.indicators}  # before this table
    for row in rows:
        if not row.cells:
            continue
        columns = level_header_columns(row.cells, levels)
        if columns:
            draft.columns = columns
            for cell, number in zip(row.cells, columns):
                if number:
                    draft.level(number, cell.text)
            continue
        if draft.columns:
            for cell, number in zip(row.cells, draft.columns):
                if number:
                    draft.levels[number].indicators.extend(_texts(cell))
            continue
        label = row.cells[0].text
        if label:
            number = levels.number(label)
            if number is None:
                raise ParseError(
                    f"competency '{draft.name}': row at {_where(row.origin)} starts with '{label[:60]}', "
                    "which is not a level label"
                )
            holds = number in draft.levels and draft.levels[number].indicators
            if holds and (number in filled or current is None or current.number != number):
                raise LevelsAgain(
                    f"competency '{draft.name}': the row at {_where(row.origin)} starts level {number} "
                    f"('{label[:60]}') again, which already holds indicators: are these the levels of "
                    "another competency whose name is missing? Refusing to add them"
                )
            if current is None or current.number != number:
                current = draft.level(number, label)
        for cell in row.cells[1:]:
            texts = _texts(cell)
            if texts and current is None:
                raise ParseError(f"competency '{draft.name}': indicators before the first level label")
            if texts:
                current.indicators.extend(texts)


@dataclass
class MatrixRow:
    name: str
    category: str | None
    level: int | None
    value: str
    origin: Origin


@dataclass
class Matrix:
    role: str | None
    rows: list[MatrixRow]


def is_matrix_table(table: Table, levels: LevelReader) -> bool:
    """Rows of [competency, required level]: at least one row ends in a level value."""
    hits = 0
    for row in table.rows:
        values = [c.text for c in row.cells[1:] if c.text]
        if row.cells and row.cells[0].text and values and (
            levels.value(values[-1]) is not None or levels.is_label(values[-1])
        ):
            hits += 1
    return hits >= 1


def read_matrix(table: Table, levels: LevelReader) -> Matrix:
    role = None
    category = None
    rows: list[MatrixRow] = []
    seen_value = False
    for row in table.rows:
        if not row.cells or not any(c.text for c in row.cells):
            continue
        name = row.cells[0].text
        values = [c.text for c in row.cells[1:] if c.text]
        level = levels.value(values[-1]) if values else None
        if not seen_value and level is None and values:
            if role is not None and not name:  # the header's text went on in a row of its own
                role = " ".join([role, *values])  # (a wrapped header cell of a table without rulings)
                continue
            # The header row: its level column may name the role ("Competentieniveau <role>").
            for text in values:
                stripped = levels.vocabulary.level_word.sub("", text, count=1).strip()
                if stripped and stripped != text:
                    role = stripped
            continue
        if not values:
            category = name
            continue
        seen_value = seen_value or level is not None
        rows.append(MatrixRow(name=name, category=category, level=level, value=values[-1], origin=row.origin))
    return Matrix(role=role, rows=rows)


def _where(origin: Origin) -> str:
    parts = [f"{k} {v}" for k, v in origin.as_dict().items() if k != "top"]
    return ", ".join(parts) or "unknown position"


def split_joined_matrix(table: Table, levels: LevelReader) -> tuple[Table, Table] | None:
    """A competency matrix and the first competency's table read as one table (a PDF writer drew
    them touching), split where the document's own shape shows the second one start; None
    where it does not, and the table stays whole (`read_competency` refuses it).

    The evidence, all of it needed: the table starts with a matrix head (its first cell a
    competency header word); every filled row up to the competency's is a matrix row (a name
    and a required level) or a category (a name alone), at least one a matrix row; the
    competency's own rows right above its first level row are its name alone and its italic
    definition alone, or its name alone, or its name beside its italic definition; the row
    above them is a matrix row."""
    rows = list(table.rows)
    heads = {w.casefold() for w in levels.vocabulary.competency_header_words}
    if len(rows) < 4 or not rows[0].cells or rows[0].cells[0].text.casefold() not in heads:
        return None
    first_level = next((i for i, r in enumerate(rows) if r.cells and (
        levels.is_label(r.cells[0].text) or level_header_columns(r.cells, levels))), None)
    if first_level is None:
        return None
    start = _own_rows_start(rows, first_level)
    if start is None:
        return None
    matrix_rows = [r for r in rows[1:start] if any(c.text for c in r.cells)]
    if not matrix_rows or not _matrix_row(matrix_rows[-1], levels):
        return None
    if not all(_matrix_row(r, levels) or _alone(r) for r in matrix_rows):
        return None
    return Table(tuple(rows[:start]), origin=table.origin), Table(tuple(rows[start:]), origin=rows[start].origin)


def _alone(row) -> bool:
    """A row with text in its first cell only."""
    return bool(row.cells) and bool(row.cells[0].text) and not any(c.text for c in row.cells[1:])


def _matrix_row(row, levels: LevelReader) -> bool:
    values = [c.text for c in row.cells[1:] if c.text]
    return bool(row.cells and row.cells[0].text and values) and (
        levels.value(values[-1]) is not None or levels.is_label(values[-1]))


def _own_rows_start(rows, first_level: int) -> int | None:
    """Where a competency's name (and definition) rows start above its first level row: a name
    alone (not italic) then its definition alone (italic), a name alone, or a name beside its
    italic definition. None for any other shape."""
    def name_alone(row) -> bool:
        return _alone(row) and not row.cells[0].italic

    def beside(row) -> bool:
        filled = [c for c in row.cells if c.text]
        return len(filled) == 2 and filled[0] is row.cells[0] and not filled[0].italic and filled[1].italic

    above = rows[first_level - 1] if first_level >= 2 else None
    if above is not None and _alone(above) and above.cells[0].italic and first_level >= 3 and name_alone(rows[first_level - 2]):
        return first_level - 2
    if above is not None and (name_alone(above) or beside(above)):
        return first_level - 1
    return None
