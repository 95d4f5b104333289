"""Read a PDF handbook into the neutral block stream, the same one the Word reader gives.

pdfplumber gives characters with their font and position, and the ruling lines. This module
turns each page into positioned text lines and ruled tables (cells found from the lines, text
assigned to the cell it sits in), closes the page, and hands the whole document to
the `_pdf` package, which finds paragraphs, running headers, tables without rulings and stitches
tables across page breaks. Only this module and `pdf_objects` (which reads a page's characters
and rulings straight from pdfminer's interpreter) import pdfplumber.

A tagged PDF is read from its structure tree instead (`_pdf.structure`, `_pdf.tagged`): the
characters of each piece of marked content become lines, and the tree says which paragraph,
heading, list item or table cell they make. Where the tree does not fit the page content, a
note says so and the layout rules read the file.
"""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSEOF, PSException, PSLiteral
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ..blocks import Block, Note, Properties, fold
from ..errors import ReadError
from ._pdf import Glyph, Line, PageLayout, RawCell, RawTable, assemble
from ._pdf.marked import nest_marked_content
from ._pdf.rules import on
from ._pdf.structure import Marked, TreeError, read_structure_tree
from ._pdf.tagged import MarkedContent, TreeDoesNotFit, tree_blocks
from ._pdf.unmapped import aligned_runs, char_text, unmapped_markers
from .pdf_objects import UnreadableText, read_objects
from ._pdf.tolerances import (
    BACKGROUND_BAND, BOX_SLACK, BULLET_AT_MOST, MARGIN_ZONE, OFF_PAGE, OVERPRINT, PAGE_BACKGROUND, RULING_SNAP, SAME_LINE,
    SLANT, SYNTHETIC_BOLD_SHIFT, TAB_REACH, WORD_GAP,
)

ENCRYPTED = "the PDF is encrypted: a password is needed to read it"
NO_TEXT = "the PDF has no text layer (probably a scan): it needs OCR before it can be converted"
UNREADABLE = ("the PDF draws text in font {} with an encoding the reader cannot decode: its words would be "
              "lost, so nothing is converted")
DAMAGED = "the PDF is damaged or not a PDF: {}"

_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}

nest_marked_content(pdfplumber.page.PDFPageAggregatorWithMarkedContent)


# A long PDF read with --jobs N is laid out page by page by this process and N - 1 worker
# processes (pdfplumber's extraction is most of the time); shorter ones are not worth starting
# workers for. One page at a time: where this process and the workers meet, this process waits
# for the pages a worker has taken (the one it lays out and the next, queued for it): with four
# pages a share that wait came to 0.4 s in a --jobs 2 conversion of the 121-page bench file, with
# one about 0.1 s.
MIN_PAGES_TO_SPLIT = 16
PAGES_PER_SHARE = 1


def read(path: Path, jobs: int = 1) -> list[Block | Note]:
    with open(path, "rb") as stream:
        if b"%PDF-" not in stream.read(1024):  # the header may follow a little junk, no more
            raise ReadError(DAMAGED.format("the file does not start like a PDF"))
    with _without_cycle_collection():
        return _read(path, jobs)  # which lets go of every page, line and glyph when it returns


def _read(path: Path, jobs: int) -> list[Block | Note]:
    try:
        with pdfplumber.open(path) as pdf:
            properties = _properties(pdf.metadata)
            tagged = _tagged(pdf)
            if tagged is not None and not isinstance(tagged, Note):
                return _with_properties(tagged, properties)
            count = len(pdf.pages)
            if jobs > 1 and count >= MIN_PAGES_TO_SPLIT:
                pages = _layouts_alongside(pdf, path, count, jobs)
            else:
                pages = _layouts(pdf, range(count))
    except (PdfminerException, MalformedPDFException, PSException) as error:
        raise _read_error(error) from error
    except UnreadableText as error:
        raise ReadError(UNREADABLE.format(error.font)) from error
    if not any(page.lines or page.tables for page in pages):
        raise ReadError(NO_TEXT)
    blocks = assemble(pages)
    return _with_properties(([tagged] if tagged is not None else []) + blocks, properties)


@contextmanager
def _without_cycle_collection():
    """Python's cycle collector paused while a PDF is read. Reading makes hundreds of thousands
    of objects that all live until the blocks are made (characters, glyphs, lines), and each
    collection walks all of them again: on a long PDF that came to a sixth of the reading and
    half of taking in the pages a worker laid out. Reading leaves few cycles behind (a few
    thousand objects for 121 pages); the collector takes them once it runs again. It stays
    paused from the first page read until the pages, lines and glyphs are let go of, after the
    last block is made: the first objects made while they lived and it ran would make it walk
    all of them (an eighth of a second on a long PDF), for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _layouts(pdf, numbers: range) -> list[PageLayout]:
    layouts = []
    for index in numbers:
        page = pdf.pages[index]
        try:
            layouts.append(_layout(page))
        finally:
            page.close()
    return layouts


_OPENED: dict[Path, object] = {}  # in a worker process: the file it lays out pages of, opened once


def _layout_range(path: Path, numbers: range) -> list[PageLayout]:
    """The layouts of some pages of a file, in a worker process (which exits when the file is read)."""
    if path not in _OPENED:
        for other in _OPENED.values():
            other.close()
        _OPENED.clear()
        _OPENED[path] = pdfplumber.open(path)
    with _without_cycle_collection():
        return _layouts(_OPENED[path], numbers)


def _layouts_alongside(pdf, path: Path, count: int, jobs: int) -> list[PageLayout]:
    """Every page's layout, PAGES_PER_SHARE pages at a time, by this process from the first page
    on and by jobs - 1 worker processes from the last page back; joined in page order."""
    from functools import partial

    from ..workers import WorkerDied, alongside

    ranges = [range(start, min(start + PAGES_PER_SHARE, count)) for start in range(0, count, PAGES_PER_SHARE)]
    layouts = []
    for numbers, part in zip(ranges, alongside(partial(_layouts, pdf), partial(_layout_range, path), ranges, jobs - 1)):
        if isinstance(part, WorkerDied):
            pages = f"page {numbers.stop}" if len(numbers) == 1 else f"pages {numbers.start + 1}-{numbers.stop}"
            raise ReadError(f"the process reading {pages} ended without a result "
                            "(stopped by the system, perhaps for lack of memory)")
        layouts += part
    return layouts


def _with_properties(blocks: list[Block], properties: Properties) -> list[Block]:
    if properties != Properties():
        blocks.append(properties)  # at the end, where it disturbs no reader of the body's blocks
    return blocks


def _properties(metadata: dict) -> Properties:
    """The document information's /Title (and /Company, which Office writes); the parser judges them."""

    def text(name: str) -> str | None:
        value = metadata.get(name)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        return fold(value) or None if isinstance(value, str) else None

    return Properties(title=text("Title"), organisation=text("Company"))


def _read_error(error: Exception) -> ReadError:
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, PDFEncryptionError):
        return ReadError(ENCRYPTED)
    if isinstance(cause, PSEOF):
        return ReadError(DAMAGED.format("the file ends too early (truncated?)"))
    reason = str(cause).strip().rstrip(".!") or type(cause).__name__
    return ReadError(DAMAGED.format(reason.splitlines()[0]))


# ---------------------------------------------------------------------------------------------
# A tagged PDF: its structure tree over the marked content of its pages


def _tagged(pdf) -> list[Block] | Note | None:
    """The blocks the structure tree gives; a Note when there is a tree the layout rules must
    read instead; None for an untagged PDF."""
    try:
        tree = read_structure_tree(pdf.doc.catalog, {p.page_obj.pageid: p.page_number for p in pdf.pages})
    except TreeError as error:
        return Note("pdf.tagged.fallback", f"the structure tree cannot be read ({error}): read by layout")
    if tree is None:
        return None
    content = MarkedContent(page_count=len(pdf.pages))
    for page in pdf.pages:
        try:
            _marked(page, content)
        finally:
            page.close()
    try:
        return tree_blocks(tree, content)
    except TreeDoesNotFit as error:
        return Note("pdf.tagged.fallback", f"the structure tree does not fit the text ({error}): read by layout")


def _marked(page, content: MarkedContent) -> None:
    """The page's characters as lines per piece of marked content, artifacts apart."""
    read_objects(page)
    number, flags = page.page_number, _font_flags(page)
    by_mcid: dict[int, list[dict]] = {}
    artifacts, untagged = [], 0
    for c in page.chars:
        if not (c.get("upright", True) and c["text"]):
            continue
        if c.get("mcid") is not None:
            by_mcid.setdefault(c["mcid"], []).append(c)
        elif c.get("tag") == "Artifact":
            artifacts.append(c)
        elif c["text"].strip():
            untagged += 1
    for mcid, chars in by_mcid.items():
        content.lines[Marked(number, mcid)] = _lines(chars, number, flags)
    content.artifacts[number] = _named(_lines(artifacts, number, flags), content.notes)
    content.untagged[number] = untagged


# ---------------------------------------------------------------------------------------------
# One page


def _layout(page) -> PageLayout:
    read_objects(page)
    number = page.page_number
    flags = _font_flags(page)
    chars = [c for c in page.chars if c.get("upright", True) and c["text"]]
    if on("pdf.drawn-bullet"):
        chars += _drawn_bullets(page.curves, chars)
    settings, cut = _rulings(page)
    tables, frames = [], []
    if settings is not None:
        finder = page.debug_tablefinder(settings)  # its tables are those of find_tables
        tables = [_raw_table(found, number, cut) for found in finder.tables]
        # pdfplumber makes no table of a lone cell: a framed paragraph, or a table's first row alone
        frames = [tuple(map(float, c)) for c in finder.cells if not any(_within(c, t.bbox) for t in finder.tables)]
    free = []
    for c in chars:
        cell = _cell_at(tables, c)
        if cell is None:
            free.append(c)
        else:
            cell.lines.append(c)  # collected as chars here, made into lines below
    notes: list = []
    for table in tables:
        for cell in (c for row in table.rows for c in row if c is not None):
            cell.lines = _named(_lines(cell.lines, number, flags), notes)
    lines = _named(_lines(free, number, flags), notes)
    for line in lines + [ln for table in tables for row in table.rows for c in row if c is not None for ln in c.lines]:
        line.prepare()  # in the process laying out the page: a worker's share of the layout rules' work
    return PageLayout(number, float(page.width), float(page.height), lines, tables, frames, notes)


def _drawn_bullets(curves: list[dict], chars: list[dict]) -> list[dict]:
    """A list bullet drawn as a shape (browsers paint a list's disc as a small path, filled or
    stroked): a curve no larger than BULLET_AT_MOST of the text's size, about as wide as high, whose
    middle is at the height of a line that starts right of it within TAB_REACH sizes, with no
    text between. Each becomes a bullet character before that line's text, so the line starts a
    list item as one with a bullet glyph does (`pdf.drawn-bullet`)."""
    bullets = []
    for curve in curves:
        if not (curve.get("fill") or curve.get("stroke")):
            continue
        width, height = curve["x1"] - curve["x0"], curve["bottom"] - curve["top"]
        middle = (curve["top"] + curve["bottom"]) / 2
        beside = [c for c in chars if c["text"].strip() and c["top"] <= middle <= c["bottom"] and c["x0"] >= curve["x1"]]
        first = min(beside, key=lambda c: c["x0"], default=None)
        if first is None or not 0 < height <= BULLET_AT_MOST * first["size"] or not 0.5 <= width / height <= 2:
            continue
        if first["x0"] - curve["x1"] > TAB_REACH * first["size"]:
            continue
        if any(c["text"].strip() and c["top"] <= middle <= c["bottom"] and -OVERPRINT <= curve["x0"] - c["x1"] < WORD_GAP * c["size"]
               for c in chars):
            continue  # text right before it: a shape inside a line, no bullet that starts one
        bullets.append({**first, "text": "\u2022", "x0": curve["x0"], "x1": curve["x1"], "matrix": None,
                        "overprinted": False})
    return bullets


def _named(lines: list[Line], notes: list) -> list[Line]:
    """The lines with glyphs the PDF names no character for made list bullets where they start
    a list item (a note each, added to `notes`); raises UnmappedText for any other."""
    out = []
    aligned = aligned_runs(lines)
    for line in lines:
        line, found = unmapped_markers(line, aligned)
        out.append(line)
        notes += found
    return out


def _within(box, outer) -> bool:
    s = BOX_SLACK
    return outer[0] - s <= box[0] and box[2] <= outer[2] + s and outer[1] - s <= box[1] and box[3] <= outer[3] + s


def _rulings(page) -> tuple[dict | None, tuple[float | None, float | None]]:
    """Table settings for the page (None: no rulings), and where a page break cut a table at
    the page's top and bottom (None: nowhere).

    Writers draw a row that a page break cuts in several ways. LibreOffice closes it with a
    ruling on both pages: nothing to do. wkhtmltopdf draws the table whole on both pages and
    lets the page edge clip it (and paints the page white first); Chromium leaves the cut
    side of the row open. The table finder needs closed cells: rulings are cut at the page's
    edges, and where the rulings' lowest (highest) ends are open, with no text below (above)
    them but in the footer (header) zone, a ruling is added there that closes the cut cells.
    A box that fills the page is its background, no ruling."""
    width, height = float(page.width), float(page.height)
    rects = page.rects
    glyphs = [c for c in page.chars if c["text"].strip()]
    background = [r for r in rects if _is_background(r, width, height, glyphs)] if on("pdf.page-background") else []
    edges = page.edges
    beyond = on("pdf.page-edge") and any(e["top"] < -OFF_PAGE or e["bottom"] > height + OFF_PAGE for e in edges)
    if background:
        kept = [r for r in rects if not any(r is b for b in background)]
        edges = list(map(pdfplumber.utils.line_to_edge, page.lines)) + [
            e for r in kept for e in pdfplumber.utils.rect_to_edges(r)] + [
            e for c in page.curves for e in pdfplumber.utils.curve_to_edges(c)]
    vertical, horizontal = [], []
    for edge in edges:
        top, bottom = (max(edge["top"], 0.0), min(edge["bottom"], height)) if beyond else (edge["top"], edge["bottom"])
        if bottom < top or (edge["orientation"] == "v" and bottom - top <= OFF_PAGE):
            continue
        clipped = {**edge, "top": top, "bottom": bottom, "height": bottom - top}
        (vertical if edge["orientation"] == "v" else horizontal).append(clipped)
    closing = _closing_edges(vertical, horizontal, page) if on("pdf.open-row") else []
    if not background and not beyond and not closing:
        return _TABLE_SETTINGS, (None, None)
    horizontal += [edge for _, edge in closing]
    if len(vertical) < 2 or len(horizontal) < 2:
        return None, (None, None)  # nothing left that could bound a cell
    settings = {
        "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal,
    }
    at = {side: edge["top"] for side, edge in closing}
    return settings, (at.get("top"), at.get("bottom"))


def _closing_edges(vertical: list[dict], horizontal: list[dict], page) -> list[tuple[str, dict]]:
    """Rulings that close the rows a page break left open: at the lowest (highest) end of the
    vertical rulings, when two or more end there, no horizontal ruling joins them there, and
    no text but a footer (header) lies beyond it."""
    if len(vertical) < 2:
        return []
    height = float(page.height)
    tops = [c["top"] for c in page.chars if c["text"].strip()]
    closing = []
    for side, y in (("top", min(e["top"] for e in vertical)), ("bottom", max(e["bottom"] for e in vertical))):
        key = "top" if side == "top" else "bottom"
        ends = [e for e in vertical if abs(e[key] - y) <= RULING_SNAP]
        if len(ends) < 2:
            continue
        x0, x1 = min(e["x0"] for e in ends), max(e["x1"] for e in ends)
        if _covered(x0, x1, [(h["x0"], h["x1"]) for h in horizontal if abs(h["top"] - y) <= RULING_SNAP]):
            continue  # closed: the row ends here (one ruling, or one per cell)
        if side == "bottom" and any(y < t < height * (1 - MARGIN_ZONE) for t in tops):
            continue
        if side == "top" and any(height * MARGIN_ZONE < t < y for t in tops):
            continue
        closing.append((side, {
            "object_type": "rect_edge", "orientation": "h", "x0": x0, "x1": x1, "width": x1 - x0,
            "top": y, "bottom": y, "height": 0.0, "doctop": y,
        }))
    return closing


def _covered(x0: float, x1: float, spans: list[tuple[float, float]]) -> bool:
    """Do the spans, joined where they meet, run from x0 to x1?"""
    reach = x0
    for a, b in sorted(spans):
        if a > reach + RULING_SNAP:
            break
        reach = max(reach, b)
    return reach >= x1 - RULING_SNAP


def _is_background(rect: dict, width: float, height: float, glyphs: list[dict] = ()) -> bool:
    """A filled box as wide as the page and taller than a band, or holding every glyph of the
    page (`glyphs`): the page painted (wkhtmltopdf paints as far down as the content goes on a
    page it does not fill, a band shorter than BACKGROUND_BAND where the page holds only the
    rest of a row cut by the page break). A rule across the page is thin and holds no text: it
    stays a ruling."""
    filled = rect.get("fill", True) and not rect.get("stroke", False)
    if not filled or rect["width"] < PAGE_BACKGROUND * width:
        return False
    if rect["height"] >= BACKGROUND_BAND * height:
        return True
    return bool(glyphs) and all(
        rect["x0"] <= g["x0"] and g["x1"] <= rect["x1"] and rect["top"] <= g["top"] and g["bottom"] <= rect["bottom"]
        for g in glyphs)


def _raw_table(found, page_number: int, cut: tuple[float | None, float | None] = (None, None)) -> RawTable:
    """Cells by row and column. A position no cell starts at is either covered by a cell above
    (merged down: kept as None, an empty cell like Word's continuation cells) or by a cell to
    its left (merged across: left out, as Word has one cell there)."""
    bboxes = [c for c in found.cells]
    rows = []
    for row in found.rows:
        cells = []
        for bbox, column in zip(row.cells, _column_lefts(found)):
            if bbox is not None:
                cells.append(RawCell(*bbox))
            elif not _covered_from_left(bboxes, column, row.bbox[1]):
                cells.append(None)
        rows.append(cells)
    x0, top, x1, bottom = found.bbox
    above = cut[0] is not None and abs(top - cut[0]) <= RULING_SNAP
    below = cut[1] is not None and abs(bottom - cut[1]) <= RULING_SNAP
    return RawTable(page_number, top, bottom, _column_lefts(found) + [x1], rows, cut_above=above, cut_below=below)


def _column_lefts(found) -> list[float]:
    return sorted({round(bbox[0], 1) for bbox in found.cells})


def _covered_from_left(bboxes, column: float, top: float) -> bool:
    for x0, y0, x1, y1 in bboxes:
        if x0 < column - BOX_SLACK and x1 > column + BOX_SLACK and y0 - BOX_SLACK <= top < y1 - BOX_SLACK:
            return True
    return False


def _cell_at(tables: list[RawTable], char: dict) -> RawCell | None:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    for table in tables:
        if not (table.top <= y <= table.bottom):
            continue
        for row in table.rows:
            for cell in row:
                if cell is not None and cell.x0 <= x <= cell.x1 and cell.top <= y <= cell.bottom:
                    return cell
    return None


def _lines(chars: list[dict], page_number: int, flags: dict) -> list[Line]:
    """Group characters into visual lines (same bottom, within a fraction of the font size)."""
    groups: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (round(c["bottom"], 1), c["x0"])):
        if groups:
            ref = groups[-1][0]
            if abs(c["bottom"] - ref["bottom"]) <= SAME_LINE * max(c["size"], ref["size"], 1):
                groups[-1].append(c)
                continue
        groups.append([c])
    lines = []
    for group in groups:
        glyphs = _glyphs(_dedupe(sorted(group, key=lambda c: c["x0"])), flags)
        visible = [c for c in group if c["text"].strip()]
        if not visible:
            continue
        top = min(c["top"] for c in visible)
        bottom = max(c["bottom"] for c in visible)
        lines.append(Line(page_number, top, bottom, glyphs))
    return lines


def _dedupe(chars: list[dict]) -> list[dict]:
    """Drop a character printed again on top of itself. Printed again a fraction of a point to
    the side, it is a synthetic bold (some producers fake bold that way): the kept one is bold."""
    kept: list[dict] = []
    for c in chars:
        text, x0, top = c["text"], c["x0"], c["top"]
        twin = None
        for k in kept[-3:]:
            if k["text"] == text and abs(k["x0"] - x0) < OVERPRINT and abs(k["top"] - top) < OVERPRINT:
                twin = k
                break
        if twin is None:
            kept.append(c)
        elif abs(twin["x0"] - x0) > SYNTHETIC_BOLD_SHIFT and text.strip():
            kept[kept.index(twin)] = {**twin, "overprinted": True}
    return kept


# Typographic ligatures some writers (Chromium, with fonts that have them) map to their own
# code points: the document's text has the letters.
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}


def _glyphs(chars: list[dict], flags: dict) -> list[Glyph]:
    glyphs: list[Glyph] = []
    styles: dict[str, tuple[bool, bool]] = {}  # font name -> (italic, bold), once per line
    last_blank, last_x1 = True, 0.0  # of glyphs[-1], if any
    for c in chars:
        fontname = c["fontname"]
        style = styles.get(fontname)
        if style is None:
            style = styles[fontname] = _style(fontname, flags)
        italic, bold = style
        bold = bold or c.get("overprinted", False)
        matrix = c.get("matrix") or (1, 0, 0, 1, 0, 0)
        if matrix[0] and abs(matrix[2] / matrix[0]) > SLANT:
            italic = True  # slanted by the text matrix: a synthetic italic
        size = float(c["size"])
        x0, visible = c["x0"], c["text"].strip()
        if glyphs and visible and not last_blank:
            if x0 - last_x1 > WORD_GAP * size:  # a visible gap without a space glyph
                glyphs.append(Glyph(" ", last_x1, x0, size, inserted=True))
        text = char_text(_LIGATURES.get(c["text"], c["text"]))  # a ligature glyph stands for its letters
        last_blank, last_x1 = not text.strip(), float(c["x1"])
        glyphs.append(Glyph(text, float(x0), last_x1, size, italic, bold,
                            top=_float(c.get("top")), bottom=_float(c.get("bottom"))))
    return glyphs


def _float(value) -> float | None:
    return None if value is None else float(value)


# ---------------------------------------------------------------------------------------------
# Emphasis from font names and font descriptors

_ITALIC_WORDS = re.compile(r"italic|oblique|kursiv|slanted|inclined", re.IGNORECASE)
_BOLD_WORDS = re.compile(r"bold|black|heavy|semibold|demibold|demi\b|extrabold|ultrabold", re.IGNORECASE)


def _style(fontname: str, flags: dict) -> tuple[bool, bool]:
    italic, bold = _style_from_name(fontname)
    flag_italic, flag_bold = flags.get(fontname, (False, False))
    return italic or flag_italic, bold or flag_bold


@lru_cache(maxsize=256)
def _style_from_name(fontname: str) -> tuple[bool, bool]:
    """'ABCDEF+Arial-BoldItalicMT' -> (True, True); also the short forms -It, -I, -BI, -Bd."""
    name = fontname.split("+", 1)[-1]
    suffix = re.split(r"[-,]", name)[-1].lower() if re.search(r"[-,]", name) else ""
    suffix = re.sub(r"mt$|ps$", "", suffix)
    italic = bool(_ITALIC_WORDS.search(name)) or suffix in {"i", "it", "bi", "ib"} or suffix.endswith("it")
    bold = bool(_BOLD_WORDS.search(name)) or suffix in {"b", "bd", "bi", "ib"} or suffix.startswith("bd")
    return italic, bold


def _font_flags(page) -> dict[str, tuple[bool, bool]]:
    """BaseFont name -> (italic, bold) from the font descriptors of the page's fonts: the Italic
    flag or a slanted ItalicAngle, the ForceBold flag or a FontWeight of 600 or more."""
    result: dict[str, tuple[bool, bool]] = {}
    try:
        resources = resolve1(page.page_obj.resources) or {}
        fonts = resolve1(resources.get("Font")) or {}
        for ref in fonts.values():
            spec = resolve1(ref)
            if not isinstance(spec, dict):
                continue
            descriptor = resolve1(spec.get("FontDescriptor"))
            if descriptor is None and spec.get("DescendantFonts"):
                descendant = resolve1(resolve1(spec["DescendantFonts"])[0])
                descriptor = resolve1(descendant.get("FontDescriptor"))
            base = spec.get("BaseFont")
            if not isinstance(descriptor, dict) or not isinstance(base, PSLiteral):
                continue
            flag_bits = int(resolve1(descriptor.get("Flags")) or 0)
            angle = float(resolve1(descriptor.get("ItalicAngle")) or 0)
            weight = float(resolve1(descriptor.get("FontWeight")) or 0)
            italic = bool(flag_bits & (1 << 6)) or abs(angle) >= 5
            bold = bool(flag_bits & (1 << 18)) or weight >= 600
            name = base.name.decode("latin-1") if isinstance(base.name, bytes) else str(base.name)
            result[name] = (italic, bold)
    except (PSException, KeyError, IndexError, TypeError, ValueError):
        return result  # a damaged font dictionary only costs us the flags; names still work
    return result
