"""Why a document without a level scale is refused, in one line that says what it does hold."""
from __future__ import annotations

from ..blocks import Block, Paragraph, Table
from .words import looks_like_heading

DEFINITION_WORDS = 6  # a definition beside a name is a sentence of at least this many words


def no_scale_message(blocks: list[Block]) -> str:
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
