"""A tagged PDF's structure tree into the neutral block stream.

The tree states what the layout rules otherwise infer: paragraphs (P), headings (H, H1–H6),
lists (L/LI/Lbl/LBody), tables (Table/TR/TH/TD with RowSpan and ColSpan), and which text is a
running header or page number (marked as an Artifact, outside the tree). A table continued on
the next page is one Table element, a paragraph split by a page break one P: no page-break
guessing. Geometry answers only what the tree does not say: where one line of a paragraph
wraps to the next (a space, or none after a hyphen inside a word), and emphasis (the font).

The content each element points at comes in as `Line`s per piece of marked content (see
`MarkedContent`), so everything here can be tested on trees and lines built in memory. When
the tree does not fit the page content (text outside it, a table without rows), `TreeDoesNotFit`
says why and the reader falls back to the layout rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...blocks import Block, Cell, Note, Origin, PageBreak, PageHeader, Paragraph, Row, Span, Table
from .model import Glyph, Line, marker_of
from .structure import Marked, Node

# Two pieces of marked content are on one line when their baselines differ by less than this
# fraction of the font size (the same test that groups characters into lines).
SAME_BASELINE = 0.3
# A gap wider than this fraction of the font size between two pieces on one line is a space
# the PDF does not draw (the same test as between two characters).
WORD_GAP = 0.2

HEADINGS = {"H": 1, **{f"H{n}": n for n in range(1, 7)}}
PARAGRAPHS = {"P", "Title", "Caption", "Note", "TOCI", "BibEntry"} | set(HEADINGS)
CONTAINERS = {
    "Document", "DocumentFragment", "Part", "Art", "Sect", "Div", "NonStruct", "Private", "Aside",
    "BlockQuote", "TOC", "Index", "Form", "Figure", "Formula", "THead", "TBody", "TFoot",
}
LISTS = {"L"}
TABLES = {"Table"}
ROWS = {"TR"}
CELLS = {"TD", "TH"}
SKIPPED = {"Artifact"}
# Roles that hold blocks: a node with one of them below it is walked as a container.
_BLOCK_ROLES = PARAGRAPHS | LISTS | TABLES | ROWS | CELLS | {"LI", "LBody"}

SOFT_HYPHEN = "\xad"
# Ligature glyphs (Chromium draws "fi" as U+FB01 and says "fi" only in an ActualText): the
# letters they stand for.
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st", SOFT_HYPHEN: ""})
HYPHENS = ("-", "\u2010")  # hyphen-minus, hyphen (not the dashes: a dash at a wrap is a space)


class TreeDoesNotFit(Exception):
    """The structure tree does not describe the page content well enough to read from it."""


@dataclass
class MarkedContent:
    """What the pages hold, as the tree's references find it.

    `lines`: the text lines of each piece of marked content; `artifacts`: per page, the lines
    marked as artifacts (running headers, footers, page numbers); `untagged`: per page, the
    number of visible characters in neither (content the tree cannot account for)."""

    lines: dict[Marked, list[Line]] = field(default_factory=dict)
    artifacts: dict[int, list[Line]] = field(default_factory=dict)
    untagged: dict[int, int] = field(default_factory=dict)
    page_count: int = 0


def tree_blocks(tree: list[Node], content: MarkedContent) -> list[Block]:
    """The block stream the tree describes, with notes; raises TreeDoesNotFit."""
    _check_fit(tree, content)
    return _Builder(content).run(tree)


def _check_fit(tree: list[Node], content: MarkedContent) -> None:
    untagged = {page: n for page, n in content.untagged.items() if n}
    if untagged:
        page, count = min(untagged.items())
        raise TreeDoesNotFit(
            f"page {page} has {count} characters of text outside the structure tree and not marked "
            "as a page header or footer")
    referenced = {ref for node in tree for ref in _refs(node)}
    missing = [ref for ref, lines in content.lines.items() if lines and ref not in referenced]
    if missing:
        ref = min(missing, key=lambda r: (r.page, r.mcid))
        raise TreeDoesNotFit(f"text on page {ref.page} (marked content {ref.mcid}) belongs to no structure element")
    if not any(content.lines.get(ref) for ref in referenced):
        raise TreeDoesNotFit("the structure tree points at no text")


def _refs(node: Node):
    for child in node.children:
        if isinstance(child, Marked):
            yield child
        elif child.role not in SKIPPED:
            yield from _refs(child)


def _holds_blocks(node: Node) -> bool:
    return any(isinstance(c, Node) and (c.role in _BLOCK_ROLES or _holds_blocks(c)) for c in node.children)


@dataclass
class _Text:
    """Lines gathered for one paragraph, and the style the tree gives it."""

    lines: list[Line]
    style: str | None = None
    level: int = 0
    label_inside: bool = False  # a list item without Lbl: its number or bullet is in the text


class _Builder:
    def __init__(self, content: MarkedContent):
        self.content = content
        self.blocks: list[Block] = []
        self.page = 0  # the page the stream has reached (its headers are out)
        self.tables = 0

    def run(self, tree: list[Node]) -> list[Block]:
        for node in tree:
            for item in self._items(node, None):
                self._emit(item)
        self._reach(max(self.content.page_count, self.page, 1), final=True)
        return self.blocks

    # -- the stream, page by page ---------------------------------------------------------------

    def _emit(self, item: "_Text | Table") -> None:
        if isinstance(item, _Text):
            first, last = item.lines[0].page, item.lines[-1].page
            self._reach(first)
            self.blocks.extend(self._paragraph(item))
        else:
            pages = [p.origin.page for row in item.rows for c in row.cells for p in c.paragraphs]
            self._reach(min(pages))
            first, last = min(pages), max(pages)
            self.blocks.append(item)
        self.page = max(self.page, last)

    def _reach(self, page: int, final: bool = False) -> None:
        """Page boundaries up to `page`: each page's footers, a PageBreak, the next one's headers."""
        if self.page == 0:
            self.page = 1
            self._running(1, footer=False)
        while self.page < page or (final and self.page <= page):
            self._running(self.page, footer=True)
            if self.page == page:
                break
            self.page += 1
            self.blocks.append(PageBreak(page=self.page, origin=Origin(page=self.page)))
            self._running(self.page, footer=False)

    def _running(self, page: int, footer: bool) -> None:
        """Artifact lines above the page's first content line are its headers, those below its
        last its footers; artifacts among the content (a watermark, a stamp) are neither."""
        tops = [ln.top for ref, lines in self.content.lines.items() if ref.page == page for ln in lines]
        for line in self.content.artifacts.get(page, []):
            if footer and (not tops or line.top > max(tops)) or not footer and tops and line.bottom < min(tops):
                origin = Origin(page=page, top=round(line.top, 1))
                self.blocks.append(PageHeader(line.text, footer=footer, origin=origin))

    # -- the tree -------------------------------------------------------------------------------

    def _items(self, node: Node, style: str | None) -> list["_Text | Table"]:
        """The paragraphs and tables a node holds; `style` is 'list' inside a list item."""
        role = node.role
        if role in SKIPPED:
            return []
        if role in TABLES:
            return [self._table(node)]
        if role in LISTS or role in ("LI", "LBody"):
            kids = [c for c in node.children if not (isinstance(c, Node) and c.role == "Lbl")]
            items = self._container(kids, "list")
            if role == "LI" and len(kids) == len(node.children) and items and isinstance(items[0], _Text):
                items[0].label_inside = True
            return items
        if role in PARAGRAPHS and not _holds_blocks(node):
            own = "heading" if role in HEADINGS else "title" if role == "Title" else style
            return self._text(list(_refs(node)), own, HEADINGS.get(role, 0))
        return self._container(node.children, style)

    def _container(self, children: list, style: str | None) -> list["_Text | Table"]:
        """Blocks of the children in order; marked content and inline elements between blocks
        make a paragraph of their own."""
        items: list[_Text | Table] = []
        inline: list[Marked] = []
        for child in children:
            if isinstance(child, Marked):
                inline.append(child)
            elif child.role in SKIPPED:
                continue
            elif child.role in _BLOCK_ROLES or child.role in CONTAINERS and _holds_blocks(child) or _holds_blocks(child):
                items += self._text(inline, style)
                inline = []
                items += self._items(child, style)
            else:
                inline += list(_refs(child))
        return items + self._text(inline, style)

    def _text(self, refs: list[Marked], style: str | None, level: int = 0) -> list[_Text]:
        lines = [ln for ref in refs for ln in self.content.lines.get(ref, [])]
        lines = _merge_same_lines(lines)
        return [_Text(lines, style, level)] if lines else []

    def _paragraph(self, text: _Text) -> list[Block]:
        lines = text.lines
        marker = marker_of(lines[0]) if text.label_inside else None
        if marker:  # the label is no part of the item's text (Word keeps it in its numbering)
            lines = [lines[0].drop_prefix(marker[0]), *lines[1:]]
        spans, notes = join_lines(lines)
        first = text.lines[0]
        origin = Origin(page=first.page, top=round(first.top, 1))
        return [*notes, Paragraph(spans, style=text.style, level=text.level, origin=origin)]

    def _table(self, node: Node) -> Table:
        self.tables += 1
        rows = _rows_of(node)
        if not rows:
            raise TreeDoesNotFit(f"table {self.tables} of the structure tree has no rows (TR)")
        built: list[Row] = []
        above: dict[int, tuple[int, int]] = {}  # column -> (rows it still covers, columns wide)
        for tr in rows:
            cells: list[Cell] = []
            started: dict[int, tuple[int, int]] = {}
            column = 0
            for td in (c for c in tr.children if isinstance(c, Node) and c.role in CELLS):
                column = self._covered(above, column, cells)
                paragraphs = self._cell(td)
                cells.append(Cell(paragraphs, origin=paragraphs[0].origin if paragraphs else Origin()))
                width = _span(td, "ColSpan")
                if _span(td, "RowSpan") > 1:
                    started[column] = (_span(td, "RowSpan") - 1, width)
                column += width
            self._covered(above, column, cells)  # cells merged down at the row's end
            built.append(Row(tuple(cells)))
            above = {k: (n - 1, w) for k, (n, w) in above.items() if n > 1} | started
        return _placed(built, self.tables)

    @staticmethod
    def _covered(above: dict[int, tuple[int, int]], column: int, cells: list[Cell]) -> int:
        """Word reports a cell merged down from above as an empty cell: so do we. Returns the
        next column no cell from above covers."""
        while column in above:
            cells.append(Cell(()))
            column += above[column][1]
        return column

    def _cell(self, td: Node) -> tuple[Paragraph, ...]:
        items = self._container(td.children, None)
        paragraphs: list[Paragraph] = []
        for item in items:
            if isinstance(item, Table):
                raise TreeDoesNotFit("a table inside a table cell")
            made = self._paragraph(item)
            paragraphs += [b for b in made if isinstance(b, Paragraph) and b.text]
            self.blocks += [b for b in made if isinstance(b, Note)]
        return tuple(paragraphs)


def _rows_of(table: Node) -> list[Node]:
    rows = []
    for child in table.children:
        if isinstance(child, Node):
            if child.role in ROWS:
                rows.append(child)
            elif child.role in ("THead", "TBody", "TFoot"):
                rows += _rows_of(child)
    return rows


def _span(node: Node, name: str) -> int:
    value = node.attributes.get(name, 1)
    return value if isinstance(value, int) and 1 <= value <= 1000 else 1


def _placed(rows: list[Row], number: int) -> Table:
    """Rows and cells with their place: page and height of their first text, table/row/cell."""
    placed = []
    for r, row in enumerate(rows, start=1):
        firsts = [c.origin for c in row.cells if c.paragraphs]
        top = min(firsts, key=lambda o: (o.page, o.top)) if firsts else Origin()
        cells = tuple(
            Cell(c.paragraphs, origin=Origin(page=c.origin.page or top.page, top=c.origin.top or top.top,
                                             table=number, row=r, cell=k))
            for k, c in enumerate(row.cells, start=1))
        placed.append(Row(cells, origin=Origin(page=top.page, top=top.top, table=number, row=r)))
    return Table(tuple(placed), origin=Origin(page=placed[0].origin.page, top=placed[0].origin.top, table=number))


# ---------------------------------------------------------------------------------------------
# Lines into text


def _same_line(a: Line, b: Line) -> bool:
    return a.page == b.page and abs(a.bottom - b.bottom) <= SAME_BASELINE * max(a.size, b.size, 1)


def _merge_same_lines(lines: list[Line]) -> list[Line]:
    """Pieces of marked content that continue one visual line (a run in italics, a link) are
    one line: a space goes between them only where the PDF shows a gap."""
    merged: list[Line] = []
    for line in lines:
        if merged and _same_line(merged[-1], line) and line.x0 >= merged[-1].x1 - 1:
            last = merged[-1]
            glyphs = list(last.glyphs)
            gap = line.visible[0].x0 - last.visible[-1].x1
            if gap > WORD_GAP * line.size and not glyphs[-1].blank and not line.glyphs[0].blank:
                glyphs.append(Glyph(" ", last.x1, line.x0, line.size, inserted=True))
            merged[-1] = Line(last.page, min(last.top, line.top), max(last.bottom, line.bottom), glyphs + line.glyphs)
        else:
            merged.append(line)
    return merged


def join_lines(lines: list[Line]) -> tuple[tuple[Span, ...], list[Note]]:
    """One paragraph's lines into styled spans. A line wrap is a space, unless the PDF draws
    one there already, or the line ends in a hyphen inside a word ("zij-" / "haar"): that
    hyphen stays and the word goes on without a space, with a note (a hyphen the writer added
    to break a word would be kept too; the tree does not tell them apart)."""
    pieces: list[list] = []  # [text, italic, bold]
    notes: list[Note] = []

    def add(text: str, italic: bool, bold: bool) -> None:
        if pieces and ((pieces[-1][1], pieces[-1][2]) == (italic, bold) or not text.strip()):
            pieces[-1][0] += text
        else:
            pieces.append([text, italic, bold])

    for i, line in enumerate(lines):
        if i:
            joint = _joint(lines[i - 1], line)
            if joint is None:
                notes.append(Note(
                    "pdf.tagged.hyphen-at-wrap",
                    f"a line ending in '{_last_word(lines[i - 1])}' goes on with '{_first_word(line)}' "
                    "without a space (taken as one hyphenated word)",
                    Origin(page=line.page, top=round(line.top, 1))))
            else:
                add(joint, False, False)
        for g in line.glyphs:
            add(" " if g.inserted else g.text.translate(LIGATURES), g.italic, g.bold)
    spans = tuple(Span(re.sub(r"[ \t]+", " ", t), italic=it, bold=b) for t, it, b in pieces)
    return spans, notes


def _joint(previous: Line, line: Line) -> str | None:
    """What a wrap adds: '' where a space is drawn or a soft hyphen breaks the word, None (join,
    noted) after a hyphen that a letter follows, else a space.

    A hyphen at a line end cannot say whether a space followed it in the text: writers that
    drop the space a line wraps at (Chromium) print "zij-" / "haar", "hoofd-" / "en" and
    "en -" / "werkwijzen" alike. Joined is the likelier reading ("zij-haar", "-werkwijzen":
    a dash between words is mostly an en dash), and the note points at the place."""
    before, after = previous.glyphs[-1].text, line.glyphs[0].text
    if not before.strip() or not after.strip():
        return ""
    if before.endswith(SOFT_HYPHEN):
        return ""
    if before.endswith(HYPHENS) and after[:1].isalpha():
        return None
    return " "


def _last_word(line: Line) -> str:
    return line.text.split()[-1] if line.text.split() else ""


def _first_word(line: Line) -> str:
    return line.text.split()[0] if line.text.split() else ""
