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

from dataclasses import dataclass, field

from ...blocks import Block, Cell, Note, Origin, PageBreak, PageHeader, Paragraph, Row, Table
from .model import MARKER, Line, marker_of
from .rules import on
from .tolerances import EDGE_SLACK, REPEATED_GLYPHS
from .structure import Marked, Node
from .tagged_table import (
    GridError, Slot, TreeCell, column_lefts, column_reach, compact_spans, grid, own_columns, stacked_tables,
)
from .unmapped import unmapped_markers
from .wraps import LIGATURES, DocumentWords, join_lines, merge_same_lines

HEADINGS = {"H": 1, **{f"H{n}": n for n in range(1, 7)}}
PARAGRAPHS = {"P", "Title", "Caption", "Note", "TOCI", "BibEntry"} | set(HEADINGS)
LISTS = {"L"}
TABLES = {"Table"}
ROWS = {"TR"}
CELLS = {"TD", "TH"}
SKIPPED = {"Artifact"}
# Roles that make blocks. Any other role (Document, Sect, Div, NonStruct, Span, Link, …) is a
# container when one of these is below it, and inline text of the paragraph around it if not.
_BLOCK_ROLES = PARAGRAPHS | LISTS | TABLES | ROWS | CELLS | {"LI", "LBody"}


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
    notes: list = field(default_factory=list)  # judgements made while the pages were read


def tree_blocks(tree: list[Node], content: MarkedContent) -> list[Block]:
    """The block stream the tree describes, with notes; raises TreeDoesNotFit."""
    _check_fit(tree, content)
    survey = _Builder(content, DocumentWords())
    survey.run(tree)  # a first walk finds the paragraphs, whose lines show the document's words
    return _Builder(content, DocumentWords.of(survey.paragraph_lines)).run(tree) + content.notes


def _check_fit(tree: list[Node], content: MarkedContent) -> None:
    untagged = {page: n for page, n in content.untagged.items() if n}
    if untagged:
        page, count = min(untagged.items())
        raise TreeDoesNotFit(
            f"page {page} has {count} characters of text outside the structure tree and not marked "
            "as a page header or footer")
    referenced = {ref for node in tree for ref in _refs(node, artifacts=True)}
    missing = [ref for ref, lines in content.lines.items() if lines and ref not in referenced]
    if missing:
        ref = min(missing, key=lambda r: (r.page, r.mcid))
        raise TreeDoesNotFit(f"text on page {ref.page} (marked content {ref.mcid}) belongs to no structure element")
    if not any(content.lines.get(ref) for ref in referenced):
        raise TreeDoesNotFit("the structure tree points at no text")


def _refs(node: Node, artifacts: bool = False):
    """The marked content below a node, in order; artifacts in the tree only when asked."""
    for child in node.children:
        if isinstance(child, Marked):
            yield child
        elif artifacts or child.role not in SKIPPED:
            yield from _refs(child, artifacts)


def _holds_blocks(node: Node) -> bool:
    return any(isinstance(c, Node) and (c.role in _BLOCK_ROLES or _holds_blocks(c)) for c in node.children)


@dataclass
class _Text:
    """Lines gathered for one paragraph, and the style the tree gives it."""

    lines: list[Line]
    style: str | None = None
    level: int = 0
    label_inside: bool = False  # a list item without Lbl: its number or bullet is in the text
    notes: list = field(default_factory=list)  # on glyphs with no character taken for its bullet


class _Builder:
    def __init__(self, content: MarkedContent, words: DocumentWords):
        self.content = content
        self.words = words
        self.paragraph_lines: list[list[Line]] = []
        self.pages: dict[int, tuple[int, int]] = {}  # id of a Table -> its first and last page
        self.blocks: list[Block] = []
        self.page = 0  # the page the stream has reached (its headers are out)
        self.in_force: dict[bool, list[str]] = {False: [], True: []}  # header and footer texts
        self.extent: dict[int, tuple[float, float]] = {}  # page -> top of its content, bottom
        for ref, lines in content.lines.items():
            for ln in lines:
                top, bottom = self.extent.get(ref.page, (ln.top, ln.bottom))
                self.extent[ref.page] = (min(top, ln.top), max(bottom, ln.bottom))
        self.tables = 0

    def run(self, tree: list[Node]) -> list[Block]:
        for node in tree:
            for item in self._items(node, None):
                self._emit(item)
        self._reach(max(self.content.page_count, self.page, 1), final=True)
        return self.blocks

    # -- the stream, page by page ---------------------------------------------------------------

    def _emit(self, item: "_Text | Table") -> None:
        """The block after the page boundaries before it; those it spans follow it (a table or a
        paragraph over a page break is one block)."""
        first, last = self.pages[id(item)] if isinstance(item, Table) else (item.lines[0].page, item.lines[-1].page)
        self._reach(first)
        self.blocks.extend(self._paragraph(item) if isinstance(item, _Text) else [item])
        self._reach(last)

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
        last its footers; artifacts among the content (a watermark, a stamp) are neither. Like
        Word's header of a section, a header goes into the stream where its text changes (a
        writer's own header, the same on every page from the title page on, goes in once)."""
        if page not in self.extent:
            return  # a page without content: nothing to tell its header from its footer by
        top, bottom = self.extent[page]
        running = [
            line for line in self.content.artifacts.get(page, [])
            if (line.top > bottom if footer else line.bottom < top)
        ]
        texts = [line.text.translate(LIGATURES) for line in running]
        if texts == self.in_force[footer]:
            return
        self.in_force[footer] = texts
        for line, text in zip(running, texts):
            self.blocks.append(PageHeader(text, footer=footer, origin=Origin(page=page, top=round(line.top, 1))))

    # -- the tree -------------------------------------------------------------------------------

    def _items(self, node: Node, style: str | None) -> list["_Text | Table"]:
        """The paragraphs and tables a node holds; `style` is 'list' inside a list item."""
        role = node.role
        if role in SKIPPED:
            return []
        if role in TABLES:
            return self._tables(node)
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
            elif child.role in _BLOCK_ROLES or _holds_blocks(child):
                items += self._text(inline, style)
                inline = []
                items += self._items(child, style)
            else:
                inline += list(_refs(child))
        return items + self._text(inline, style)

    def _text(self, refs: list[Marked], style: str | None, level: int = 0) -> list[_Text]:
        lines = [ln for ref in refs for ln in self.content.lines.get(ref, [])]
        named = [unmapped_markers(ln) for ln in merge_same_lines(lines)]  # a bullet is marked content of its own
        lines = [ln for ln, _ in named]
        notes = [n for _, found in named for n in found]
        if on("pdf.tagged.repeated-glyphs"):
            lines = _without_repeated_glyphs(lines, notes)
        if lines:
            self.paragraph_lines.append(lines)
        return [_Text(lines, style, level, notes=notes)] if lines else []

    def _paragraph(self, text: _Text, column_ends: list[float] | None = None) -> list[Block]:
        """The paragraph's blocks (notes first); `column_ends`: where the lines of its table
        column end."""
        lines = text.lines
        marker = marker_of(lines[0]) if text.label_inside or text.notes else None
        if marker:  # the label is no part of the item's text (Word keeps it in its numbering)
            lines = [lines[0].drop_prefix(marker[0]), *lines[1:]]
        elif (text.label_inside or text.notes) and len(lines) > 1 and MARKER.match(lines[0].text.strip()):
            lines = lines[1:]  # the label alone on the item's first line: its text did not fit beside it
        spans, notes = join_lines(lines, self.words, column_ends)
        first = text.lines[0]
        origin = Origin(page=first.page, top=round(first.top, 1))
        return [*text.notes, *notes, Paragraph(spans, style=text.style, level=text.level, origin=origin)]

    def _tables(self, node: Node) -> list[Table]:
        """The table, or the tables a writer joined into one element (see `stacked_tables`)."""
        pairs = _rows_of(node)
        rows, heads = [r for r, _ in pairs], [h for _, h in pairs]
        spans = [[(_span(c, "ColSpan"), _span(c, "RowSpan")) for c in tr.children
                  if isinstance(c, Node) and c.role in CELLS] for tr in rows]
        bounds = [0, *stacked_tables(spans), len(rows)]
        if len(bounds) == 2:
            return [self._table(rows, heads)]
        tables = [self._table(rows[a:b], heads[a:b], compact_spans(spans[a:b])) for a, b in zip(bounds, bounds[1:])]
        if len(tables) > 1:
            self.blocks.append(Note(
                "pdf.tagged.stacked-tables",
                f"one table of the structure tree is {len(tables)} tables stacked on each other (their rows "
                "share no column edge, as when a writer joins tables that touch): read as separate tables",
                tables[0].origin))
        return tables

    def _table(self, rows: list[Node], heads: list[bool], colspans: list[list[int]] | None = None) -> Table:
        """`heads`: which rows stand in a THead; `colspans`: each cell's colspan when not the
        tree's own (a table cut from stacked ones)."""
        self.tables += 1
        if not rows:
            raise TreeDoesNotFit(f"table {self.tables} of the structure tree has no rows (TR)")
        tree_rows = []
        for r, tr in enumerate(rows):
            cells = []
            for k, td in enumerate(c for c in tr.children if isinstance(c, Node) and c.role in CELLS):
                items = [self._once(item) for item in self._container(td.children, None)]
                if any(isinstance(item, Table) for item in items):
                    raise TreeDoesNotFit("a table inside a table cell")
                x0 = items[0].lines[0].x0 if items else None
                colspan = colspans[r][k] if colspans else _span(td, "ColSpan")
                cells.append(TreeCell(items, x0, colspan, _span(td, "RowSpan")))
            tree_rows.append(cells)
        try:
            slots, by_position = grid(tree_rows)
            contents = {(r, s.column): list(s.cell.content) for r, row in enumerate(slots) for s in row if s.cell}
            moved = own_columns(slots, column_lefts(tree_rows))
        except GridError as error:
            raise TreeDoesNotFit(f"table {self.tables}: {error}") from None
        contents.update(moved)
        texts = [t for items in contents.values() for t in items]
        if not texts:
            raise TreeDoesNotFit(f"table {self.tables} of the structure tree holds no text")
        reach = column_reach({k: v for k, v in contents.items() if _single(slots, k)})
        width = max(s.column + (s.cell.colspan if s.cell else 1) for row in slots for s in row)
        built = []
        for r, row in enumerate(slots):
            cells = []
            for slot in row:
                ends = reach.get(slot.column) if _single(slots, (r, slot.column)) else None
                made = [b for t in contents.get((r, slot.column), []) for b in self._paragraph(t, ends)]
                self.blocks += [b for b in made if isinstance(b, Note)]
                paragraphs = tuple(b for b in made if isinstance(b, Paragraph) and b.text)
                cells.append(Cell(paragraphs, origin=paragraphs[0].origin if paragraphs else Origin(),
                                  span=_grid_span(row, slot, width)))
            built.append(Row(tuple(cells), header=_header_row(rows[r], heads[r])))
        table = _placed(built, self.tables)
        self.pages[id(table)] = (min(t.lines[0].page for t in texts), max(t.lines[-1].page for t in texts))
        self._table_notes(table, by_position, sorted({r for r, _ in moved}))
        return table

    def _once(self, item: "_Text | Table") -> "_Text | Table":
        """A cell's paragraph drawn again, the same lines, on each following page is a table
        header the writer repeats where the table goes on (Chromium marks each repeat as the
        same cell's content): it is read once."""
        if not isinstance(item, _Text):
            return item
        pages = sorted({ln.page for ln in item.lines})
        per_page = [[ln.text for ln in item.lines if ln.page == page] for page in pages]
        if len(pages) < 2 or any(texts != per_page[0] for texts in per_page[1:]):
            return item
        first = [ln for ln in item.lines if ln.page == pages[0]]
        self.blocks.append(Note(
            "pdf.tagged.repeated-header-cell",
            f"the cell '{' '.join(per_page[0])[:60]}' is drawn again on page(s) {', '.join(map(str, pages[1:]))} "
            "where its table goes on: a repeated header row, read once",
            Origin(page=pages[0], top=round(first[0].top, 1))))
        return _Text(first, item.style, item.level, item.label_inside)

    def _table_notes(self, table: Table, by_position: list[int], moved: list[int]) -> None:
        for index in by_position:
            self.blocks.append(Note(
                "pdf.tagged.cells-by-position",
                f"row {index + 1} of table {self.tables} has fewer cells in the structure tree than the "
                "table has columns (empty cells left out): its cells were put in the columns their text starts in",
                table.rows[index].origin))
        for index in moved:
            self.blocks.append(Note(
                "pdf.tagged.paragraph-to-its-column",
                f"in row {index + 1} of table {self.tables} the structure tree puts paragraphs that stand in an "
                "empty cell of another column into one cell: they were moved to the cell they stand in",
                table.rows[index].origin))


def _without_repeated_glyphs(lines: list[Line], notes: list[Note]) -> list[Line]:
    """The paragraph's lines without a line at the top of a page that only repeats glyphs of its
    last line on the page before, each the same character at the same x, above the paragraph's
    next line (Chromium draws a glyph whose descender crosses the page's end again on the next
    page: the "p" of "professionals"). Noted."""
    kept: list[Line] = []
    for i, line in enumerate(lines):
        before = kept[-1] if kept else None
        after = lines[i + 1] if i + 1 < len(lines) else None
        glyphs = line.visible
        if (before is not None and after is not None and line.page == before.page + 1 == after.page
                and line.top < after.top and 0 < len(glyphs) <= REPEATED_GLYPHS
                and all(any(g.text == b.text and abs(g.x0 - b.x0) <= EDGE_SLACK for b in before.visible) for g in glyphs)):
            notes.append(Note("pdf.tagged.repeated-glyphs", f"left out '{line.text.strip()}' at the top of the page: it "
                              "repeats, at the same place across, letters of the line before on the page before",
                              Origin(page=line.page, top=round(line.top, 1))))
            continue
        kept.append(line)
    return kept


def _grid_span(row: list[Slot], slot: Slot, width: int) -> int:
    """How many grid columns the slot covers, as Word's gridSpan says it (Cell.span): a cell's
    ColSpan, or up to the next slot of the row for a position covered from above."""
    if slot.cell is not None:
        return slot.cell.colspan
    later = [s.column for s in row if s.column > slot.column]
    return (min(later) if later else width) - slot.column


def _single(slots: list[list[Slot]], key: tuple[int, int]) -> bool:
    """Is the cell at (row, column) one column wide?"""
    r, column = key
    slot = next((s for s in slots[r] if s.column == column), None)
    return slot is not None and (slot.cell is None or slot.cell.colspan == 1)


def _header_row(tr: Node, in_head: bool) -> bool:
    """A header row, as Word's repeated header row (Row.header): the row in a THead, or every
    cell a TH (LibreOffice tags Word's header rows so)."""
    cells = [c for c in tr.children if isinstance(c, Node) and c.role in CELLS]
    return in_head or (bool(cells) and all(c.role == "TH" for c in cells))


def _rows_of(table: Node, in_head: bool = False) -> list[tuple[Node, bool]]:
    """The table's rows, each with whether it stands in a THead."""
    rows = []
    for child in table.children:
        if isinstance(child, Node):
            if child.role in ROWS:
                rows.append((child, in_head))
            elif child.role in ("THead", "TBody", "TFoot"):
                rows += _rows_of(child, in_head or child.role == "THead")
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
                                             table=number, row=r, cell=k), span=c.span)
            for k, c in enumerate(row.cells, start=1))
        placed.append(Row(cells, origin=Origin(page=top.page, top=top.top, table=number, row=r), header=row.header))
    return Table(tuple(placed), origin=Origin(page=placed[0].origin.page, top=placed[0].origin.top, table=number))
