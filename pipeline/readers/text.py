"""Plain-text export reader: one paragraph per line, tab-separated lines as table rows.

The export marks italics as <i>…</i> and bold as **…**; consecutive lines with a tab form one
table, and any other line (blank or not) ends it.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..blocks import Block, Cell, Origin, Paragraph, Row, Span, Table
from ..errors import ReadError

MAX_BYTES = 32 * 1024 * 1024
_MARKUP = re.compile(r"(<i>.*?</i>|\*\*.*?\*\*)", re.DOTALL)
_LIST_ITEM = re.compile(r"^\s*(\d+[.)]|[-*•])\s+")


def read(path: Path) -> list[Block]:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReadError(f"the text file is larger than {MAX_BYTES // 2**20} MiB")
        raw = path.read_bytes()
    except OSError as error:
        raise ReadError(f"cannot read the file ({error.strerror or error})") from None
    if b"\x00" in raw:
        raise ReadError("not a text file: it contains binary data")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReadError("the text file is not UTF-8 encoded") from None
    return parse_lines(text.splitlines())


def parse_lines(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    rows: list[Row] = []
    table_start = 0

    def close_table():
        nonlocal rows
        if rows:
            blocks.append(Table(rows=tuple(rows), origin=Origin(line=table_start)))
            rows = []

    for number, line in enumerate(lines, start=1):
        if "\t" in line:
            if not rows:
                table_start = number
            cells = tuple(
                Cell(paragraphs=_cell_paragraphs(part, number, c), origin=Origin(line=number, cell=c))
                for c, part in enumerate(line.split("\t"), start=1)
            )
            rows.append(Row(cells=cells, origin=Origin(line=number)))
            continue
        close_table()
        if line.strip():
            style = "list" if _LIST_ITEM.match(line) else None
            blocks.append(Paragraph(spans=_spans(line), style=style, origin=Origin(line=number)))
    close_table()
    return blocks


def _cell_paragraphs(text: str, line: int, cell: int) -> tuple[Paragraph, ...]:
    if not text.strip():
        return ()
    return (Paragraph(spans=_spans(text), origin=Origin(line=line, cell=cell)),)


def _spans(line: str) -> tuple[Span, ...]:
    spans = []
    for part in _MARKUP.split(line):
        if not part:
            continue
        if part.startswith("<i>") and part.endswith("</i>"):
            spans.append(Span(text=part[3:-4], italic=True))
        elif part.startswith("**") and part.endswith("**") and len(part) >= 4:
            spans.append(Span(text=part[2:-2], bold=True))
        else:
            spans.append(Span(text=part))
    return tuple(spans)
