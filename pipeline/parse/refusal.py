"""Why a document without a level scale is refused, in one line that says what it does hold."""
from __future__ import annotations

from collections import Counter

from ..blocks import Block, Paragraph, Table
from .heads import where
from .scale import MIN_TABLES, Hints, is_short, key
from .words import looks_like_heading

DEFINITION_WORDS = 6  # a definition beside a name is a sentence of at least this many words


def no_scale_message(blocks: list[Block], hints: Hints | None = None) -> str:
    """What a document without a level scale holds, in one line: competences with definitions, or nothing;
    or level labels that stand together in one cell, where rows of several levels were read as one."""
    joined = _joined_labels(blocks, hints) if hints is not None else None
    if joined is not None:
        table, texts = joined
        return (f"level labels stand together in one cell ({' / '.join(repr(t) for t in texts)}, table at "
                f"{where(table.origin)}, and so in other tables): the rows of those levels were read as one, as a "
                "PDF without rulings can show them, so the levels cannot be told apart: nothing converted")
    described = _described_competences(blocks, hints)
    if described:
        return (f"{described} competences with definitions, but no level labels or levelled indicators: "
                "nothing converted (levels are never invented)")
    return ("no competencies found: no table with level labels (numbered such as 'Level 1', named, "
            "or repeated in the same place of every competency table)")


def _described_competences(blocks: list[Block], hints: Hints | None = None) -> int:
    """Competences a document describes without levels: the rows under a header row that names a
    competence column and a definition column ("Competence" | "Definition"), whatever their
    length; else name/definition table rows, else headings with text under them."""
    headed = sum(_rows_under_a_definition_header(block, hints) for block in blocks if isinstance(block, Table)) if hints else 0
    if headed:
        return headed
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


def _rows_under_a_definition_header(table: Table, hints: Hints) -> int:
    """Rows with a name and a definition under a header row such as "Competence" | "Definition"."""
    if not table.rows:
        return 0
    heads = [key(c.text) for c in table.rows[0].cells]
    names = [i for i, h in enumerate(heads) if h in hints.competency_heads]
    definitions = [i for i, h in enumerate(heads) if h in hints.definition_heads]
    if not names or not definitions:
        return 0
    return sum(
        1 for row in table.rows[1:]
        if len(row.cells) == len(heads) and row.cells[names[0]].text and row.cells[definitions[0]].text
    )


def _joined_labels(blocks: list[Block], hints: Hints):
    """(table, texts) of the first cell whose paragraphs are two or more short texts with a level word
    each ("At Basic level, individuals" / "At Intermediate level, individuals"), when the same texts
    stand together so in cells of other tables too; else None."""
    found: list = []
    count: Counter = Counter()
    for block in blocks:
        if not isinstance(block, Table):
            continue
        seen = set()
        for row in block.rows:
            for cell in row.cells:
                texts = [p.text for p in cell.paragraphs if p.text]
                if len(texts) >= 2 and all(is_short(t) and hints.recognised(t) for t in texts) and \
                        len({key(t) for t in texts}) == len(texts):
                    pair = tuple(key(t) for t in texts)
                    if pair not in seen:
                        seen.add(pair)
                        count[pair] += 1
                        found.append((pair, block, texts))
    return next(((table, texts) for pair, table, texts in found if count[pair] >= MIN_TABLES), None)
