"""Name, definition and area of a framework's competency, from its table's head or the text above.

A table's *head* is what it says about the competency outside the level cells: a merged first
column with an area line, the name and a description, or a first row. When the head is empty,
the last heading above the table is the name and the paragraphs under it the definition.
"""
from __future__ import annotations

from ..blocks import Block, Paragraph, Table
from ..errors import ParseError
from .marks import section_depth, section_number, strip_enclosing_quotes, strip_section_number
from .tables import CompetencyDraft
from .words import looks_like_heading


def name_and_definition(texts: list, context: list[Paragraph], table: Table):
    """(draft, area, rank of the name's heading) from the table's head texts, else from the text above it."""
    texts = [(t, o) for t, o in texts if t]
    area = None
    name_rank = 0
    if len(texts) >= 3 and _is_area(texts[0][0], texts[1][0]):
        area = strip_section_number(texts[0][0])
        texts = texts[1:]
    if not texts:
        name_at = _name_paragraph(context)
        if name_at is None:
            raise ParseError(f"a competency table (table at {where(table.origin)}) has no name: neither in the "
                             "table nor in a heading above it")
        name_paragraph = context[name_at]
        name_rank = rank(name_paragraph)
        texts = [(name_paragraph.text, name_paragraph.origin)] + [(p.text, p.origin) for p in context[name_at + 1 :]]
    elif len(texts) == 1:
        name_at = _name_paragraph(context)
        if name_at is not None and reads_as_definition(texts[0][0]):  # the table holds only the definition
            name_paragraph = context[name_at]
            name_rank = rank(name_paragraph)
            texts = [(p.text, p.origin) for p in context[name_at:]] + texts
        else:
            after = context[name_at + 1 :] if name_at is not None else [p for p in context if not rank(p)]
            texts += [(p.text, p.origin) for p in after]
    name, origin = strip_section_number(texts[0][0]), texts[0][1]
    definition = strip_enclosing_quotes(" ".join(t for t, _ in texts[1:]).strip())
    if not definition:
        raise ParseError(f"competency '{name}' (table at {where(table.origin)}) has no definition")
    return CompetencyDraft(name=name, definition=definition, origin=origin if origin.as_dict() else table.origin), area, name_rank


def area_of_rows(context: list[Paragraph], headings: list[tuple[int, str]], table: Table) -> str | None:
    """The area of a table of one competency per row: the heading right above it, else the latest.
    A line above whose section number heads the numbers in the table's first column ("1. DATA"
    over "1.1 Competence A") is a heading there, whatever its style (a PDF reader may take the
    first line of a document without a title page for its title)."""
    ranked = [p for p in context if rank(p) or _numbers_below(p.text, table)]
    if ranked:
        return strip_section_number(ranked[-1].text)
    return strip_section_number(headings[-1][1]) if headings else None


def area_above(headings: list[tuple[int, str]], name_rank: int, name: str) -> str | None:
    """The latest heading that ranks above the name's own heading (any heading, for a name in the table)."""
    for rank, text in reversed(headings):
        if strip_section_number(text) == name:
            continue
        if not name_rank or rank < name_rank:
            return strip_section_number(text)
    return None


def reads_as_definition(text: str) -> bool:
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
    ranked = [i for i, p in enumerate(context) if rank(p)]
    if ranked:
        return ranked[-1]
    return next((i for i, p in enumerate(context) if looks_like_heading(p.text)), None)


def rank(paragraph: Paragraph) -> int:
    """A heading's rank (1 = top), 0 for body text: the style's level, else the section number's depth."""
    if paragraph.style == "heading":
        return paragraph.level or 1
    if paragraph.style is None and looks_like_heading(paragraph.text):
        return section_depth(paragraph.text)
    return 0


def running_lines(blocks: list[Block]) -> set[str]:
    """Headings the body repeats (a title line over every few tables): not a name, not an area."""
    return _repeated(blocks) - repeated_areas(blocks)


def repeated_areas(blocks: list[Block]) -> set[str]:
    """Repeated headings that are areas after all: among the headings right above a table,
    two or more different ones with section numbers of one depth ("1. DATA" over each of its
    tables, then "2. SAFETY"), as the area row of each table reads when a PDF reader finds it
    above the table. A title line repeats one text."""
    by_depth: dict[int, set[str]] = {}
    parents: set[str] = set()  # headings whose number heads the numbers in the table below them
    for before, block in zip(blocks, blocks[1:]):
        if isinstance(block, Table) and isinstance(before, Paragraph) and rank(before) and section_depth(before.text):
            by_depth.setdefault(section_depth(before.text), set()).add(before.text)
            if _numbers_below(before.text, block):
                parents.add(before.text)
    repeated = _repeated(blocks)
    return {text for texts in by_depth.values() if len(texts) >= 2 for text in texts & repeated} | (parents & repeated)


def _numbers_below(heading: str, table: Table) -> bool:
    """Does the table's first column number its texts under the heading's section number
    ("1.1 Competence A" below "1. SERVE")? Then the heading is their area, even as the only one
    (a running title line, "3.2 Framework", numbers nothing below it)."""
    number = section_number(heading)
    if number is None:
        return False
    prefix = number + "."
    firsts = (p.text for row in table.rows[:2] for cell in row.cells[:1] for p in cell.paragraphs)
    return any(text.startswith(prefix) and section_depth(text) == section_depth(heading) + 1 for text in firsts)


def _repeated(blocks: list[Block]) -> set[str]:
    seen: dict[str, int] = {}
    for block in blocks:
        if isinstance(block, Paragraph) and block.text and rank(block):
            seen[block.text] = seen.get(block.text, 0) + 1
    return {text for text, count in seen.items() if count >= 2}


def where(origin) -> str:
    """An origin in words for a message: "table 3, row 2"."""
    parts = [f"{k} {v}" for k, v in origin.as_dict().items() if k != "top"]
    return ", ".join(parts) or "unknown position"
