"""The title page: title, organisation and issue date, before the first page break or section."""
from __future__ import annotations

from dataclasses import dataclass

from ..blocks import Block, PageBreak, Paragraph, Table
from ..errors import ParseError
from ..vocab import Vocabulary
from .words import looks_like_heading, parse_issued

_MAX_TITLE_PAGE_PARAGRAPHS = 8


@dataclass
class TitlePage:
    title: str
    organisation: str | None
    issued: str | None
    end: int  # index of the first block after the title page


def read_title_page(blocks: list[Block], vocabulary: Vocabulary) -> TitlePage:
    paragraphs: list[tuple[int, Paragraph]] = []
    end = len(blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, (PageBreak, Table)):
            end = index
            break
        if isinstance(block, Paragraph) and block.text:
            if block.style == "heading" and paragraphs:
                end = index
                break
            paragraphs.append((index, block))
            if parse_issued(block.text, vocabulary) or len(paragraphs) >= _MAX_TITLE_PAGE_PARAGRAPHS:
                end = index + 1
                break
    if not paragraphs:
        raise ParseError("the document has no title: it starts without any text")
    titled = [p for _, p in paragraphs if p.style == "title"]
    title = (titled[0] if titled else paragraphs[0][1]).text
    issued = None
    organisation = None
    for _, paragraph in paragraphs:
        text = paragraph.text
        if text == title:
            continue
        date = parse_issued(text, vocabulary)
        if date and issued is None:
            issued = date
        elif organisation is None and not date and looks_like_heading(text):
            organisation = text
    return TitlePage(title=title, organisation=organisation, issued=issued, end=end)
