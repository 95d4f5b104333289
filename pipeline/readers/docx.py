"""Word (.docx) reader: the document body as neutral blocks.

It walks the WordprocessingML itself (through python-docx's parsed, entity-free XML) so that
Word's habits cannot change the data: a sentence split over many runs, tracked changes, content
controls, hyperlinks, non-breaking spaces, and vertically merged cells (`w:vMerge`) whose
continuation cells are reported as empty cells, exactly like a cell left blank.

Sections: a paragraph whose properties hold a `w:sectPr` ends a section, and the body's own
`w:sectPr` describes the last one. Each section's page header and footer are emitted where that
section starts (after a PageBreak unless the section break is continuous), so a handbook that
names its cluster only in the running header keeps that name next to the cluster's tables.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..blocks import Block, Cell, Origin, PageBreak, PageHeader, Paragraph, Properties, Row, Span, Table, fold
from ..errors import ReadError
from .safezip import check_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_APP_PROPERTIES = "/docProps/app.xml"
_COMPANY = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Company"
_ON_VALUES = {None, "1", "true", "on"}


def read(path: Path) -> list[Block]:
    check_zip(path)
    try:
        import docx  # imported here: only Word runs pay for it

        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReadError(f"the Word file is damaged or not a .docx file ({_short(error)})") from None
    except Exception as error:  # python-docx raises its own and lxml's errors for broken parts
        if type(error).__module__.split(".")[0] in {"docx", "lxml"}:
            raise ReadError(f"the Word file is damaged ({_short(error)})") from None
        raise
    blocks = _Walker(document).blocks()
    properties = _properties(document)
    if properties != Properties():  # at the end, where it disturbs no reader of the body's blocks
        blocks.append(properties)
    return blocks


def _properties(document) -> Properties:
    """The core title and the app properties' company; the parser decides whether to trust them."""
    title = fold(document.core_properties.title or "") or None
    company = None
    for part in document.part.package.iter_parts():
        if str(part.partname) == _APP_PROPERTIES:
            from lxml import etree

            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
            try:
                found = etree.fromstring(part.blob, parser).find(_COMPANY)
            except etree.XMLSyntaxError:  # a damaged app part says nothing
                break
            company = fold(found.text or "") or None if found is not None else None
            break
    return Properties(title=title, organisation=company)


def _short(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:120]


def _on(element, tag: str) -> bool | None:
    """A Word toggle property (w:i, w:b): True/False when set on `element` (an rPr), None when absent."""
    if element is None:
        return None
    found = element.find(tag)
    if found is None:
        return None
    return found.get(W + "val") in _ON_VALUES


class _Styles:
    """Italic/bold/heading facts from styles.xml, following each style's basedOn chain."""

    def __init__(self, document):
        self._by_id = {}
        try:
            root = document.styles.element
        except Exception:  # a document without a styles part
            root = None
        if root is not None:
            for style in root.iter(W + "style"):
                self._by_id[style.get(W + "styleId")] = style

    def _chain(self, style_id):
        seen = set()
        while style_id and style_id in self._by_id and style_id not in seen:
            seen.add(style_id)
            style = self._by_id[style_id]
            yield style
            based = style.find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None

    def toggle(self, style_id, tag: str) -> bool:
        for style in self._chain(style_id):
            value = _on(style.find(W + "rPr"), tag)
            if value is not None:
                return value
        return False

    def paragraph_kind(self, style_id) -> tuple[str | None, int]:
        """('title'|'heading'|'list'|None, heading level) for a paragraph style."""
        for style in self._chain(style_id):
            name_el = style.find(W + "name")
            name = (name_el.get(W + "val") if name_el is not None else "").lower()
            if name == "title":
                return "title", 0
            if name.startswith("heading"):
                digits = "".join(ch for ch in name if ch.isdigit())
                return "heading", int(digits) if digits else 1
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            if outline is not None and (outline.get(W + "val") or "").isdigit():
                return "heading", int(outline.get(W + "val")) + 1
            if name.startswith("list"):
                return "list", 0
        return None, 0


class _Walker:
    def __init__(self, document):
        self.document = document
        self.styles = _Styles(document)
        self.paragraph_count = 0
        self.table_count = 0
        self.page = 1
        self.out: list[Block] = []

    def blocks(self) -> list[Block]:
        body = self.document.element.body
        self.sections = _section_properties(body)
        self.section = 0
        self.running = {False: "", True: ""}  # the header and footer text in force
        self._section_start(first=True)
        self._container(body)
        return self.out

    def _section_start(self, first: bool = False) -> None:
        """A section begins: its page boundary (unless continuous) and its header and footer.

        A section without its own header or footer keeps the previous section's, as in Word.
        """
        if self.section >= len(self.sections):
            return
        sect_pr = self.sections[self.section]
        kind = sect_pr.find(W + "type")
        if not first and (kind is None or kind.get(W + "val") != "continuous"):
            self.page += 1
            self.out.append(PageBreak(page=self.page, origin=Origin(paragraph=self.paragraph_count)))
        for footer in (False, True):
            text = self._header_text(sect_pr, footer)
            if text is not None:
                self.running[footer] = text
            if self.running[footer]:
                self.out.append(PageHeader(text=self.running[footer], footer=footer))

    def _header_text(self, sect_pr, footer: bool) -> str | None:
        """The text of the section's own default header (or footer); None when it has none."""
        tag = W + ("footerReference" if footer else "headerReference")
        for reference in sect_pr.iterfind(tag):
            if reference.get(W + "type", "default") != "default":
                continue
            try:
                part = self.document.part.related_parts[reference.get(_R_ID)]
                element = part.element
            except Exception:  # a broken relationship or a part python-docx cannot load
                return None
            paragraphs = [p for p in element.iter(W + "p") if not _in_fallback(p)]  # a shape's copy
            return fold(" ".join(self._paragraph(p, Origin()).text for p in paragraphs))
        return None

    def _container(self, element) -> None:
        for child in element:
            if child.tag == W + "p":
                self.paragraph_count += 1
                paragraph = self._paragraph(child, Origin(paragraph=self.paragraph_count))
                if paragraph.spans:
                    self.out.append(paragraph)
                self._text_boxes(child)
                if self._breaks_page(child):
                    self.page += 1
                    self.out.append(PageBreak(page=self.page, origin=Origin(paragraph=self.paragraph_count)))
                if child.find(f"{W}pPr/{W}sectPr") is not None:  # this paragraph ends a section
                    self.section += 1
                    self._section_start()
            elif child.tag == W + "tbl":
                self.table_count += 1
                self.out.append(self._table(child, self.table_count))
            elif child.tag in (W + "sdt", W + "customXml"):
                content = child.find(W + "sdtContent")
                self._container(content if content is not None else child)

    def _text_boxes(self, p) -> None:
        """Text in text boxes and shapes anchored in the paragraph, as blocks after it.

        A shape comes twice (the DrawingML choice and its VML fallback): the fallback is skipped.
        """
        for box in p.iter(W + "txbxContent"):
            if any(a.tag == _MC_FALLBACK for a in box.iterancestors()) or any(
                a.tag == W + "txbxContent" for a in box.iterancestors()
            ):
                continue
            self._container(box)

    @staticmethod
    def _breaks_page(p) -> bool:
        return any(br.get(W + "type") == "page" for br in p.iter(W + "br"))

    def _paragraph(self, p, origin: Origin) -> Paragraph:
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style_el.get(W + "val") if style_el is not None else None
        kind, level = self.styles.paragraph_kind(style_id)
        outline = ppr.find(W + "outlineLvl") if ppr is not None else None
        if kind is None and outline is not None and (outline.get(W + "val") or "").isdigit() and int(outline.get(W + "val")) < 9:
            kind, level = "heading", int(outline.get(W + "val")) + 1  # 9 is Word's "body text"
        if kind is None and ppr is not None and ppr.find(W + "numPr") is not None:
            kind = "list"
        spans = []
        for run in p.iter(W + "r"):
            if _inside_deletion(run, p) or _inside_text_box(run, p):
                continue
            text = _run_text(run)
            if not text:
                continue
            rpr = run.find(W + "rPr")
            rstyle = rpr.find(W + "rStyle") if rpr is not None else None
            rstyle_id = rstyle.get(W + "val") if rstyle is not None else None
            spans.append(
                Span(
                    text=text,
                    italic=self._toggle(rpr, rstyle_id, style_id, W + "i"),
                    bold=self._toggle(rpr, rstyle_id, style_id, W + "b"),
                )
            )
        return Paragraph(spans=tuple(spans), style=kind, level=level, origin=origin)

    def _toggle(self, rpr, rstyle_id, pstyle_id, tag) -> bool:
        direct = _on(rpr, tag)
        if direct is not None:
            return direct
        if rstyle_id and self.styles.toggle(rstyle_id, tag):
            return True
        return self.styles.toggle(pstyle_id, tag)

    def _table(self, tbl, number: int) -> Table:
        rows = []
        for r, tr in enumerate(tbl.iterfind(W + "tr"), start=1):
            cells = []
            for c, tc in enumerate(_row_cells(tr), start=1):
                origin = Origin(table=number, row=r, cell=c)
                span = _grid_span(tc)
                if _continues_merge(tc):
                    cells.append(Cell(paragraphs=(), origin=origin, span=span))
                    continue
                paragraphs = []
                for p in tc.iter(W + "p"):
                    if any(a.tag == W + "txbxContent" for a in p.iterancestors()) and not _nested_in_cell_box(p, tc):
                        continue
                    paragraph = self._paragraph(p, origin)
                    if paragraph.text:
                        paragraphs.append(paragraph)
                cells.append(Cell(paragraphs=tuple(paragraphs), origin=origin, span=span))
            header = tr.find(f"{W}trPr/{W}tblHeader") is not None and _on(tr.find(W + "trPr"), W + "tblHeader")
            rows.append(Row(cells=tuple(cells), origin=Origin(table=number, row=r), header=bool(header)))
        return Table(rows=tuple(rows), origin=Origin(table=number))


def _section_properties(body) -> list:
    """Each section's w:sectPr in document order: those that end a paragraph, then the body's own.

    Old properties kept by tracked changes (inside w:sectPrChange) are not sections.
    """
    return [
        s for s in body.iter(W + "sectPr")
        if s.getparent().tag in (W + "pPr", W + "body") and s.getparent().getparent().tag != W + "pPrChange"
    ]


def _row_cells(tr):
    """The row's cells, looking through content controls and custom XML wrappers."""
    for child in tr:
        if child.tag == W + "tc":
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent")
            yield from _row_cells(content if content is not None else child)


def _grid_span(tc) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    value = span.get(W + "val") if span is not None else None
    return int(value) if value and value.isdigit() and int(value) > 0 else 1


def _in_fallback(element) -> bool:
    return any(a.tag == _MC_FALLBACK for a in element.iterancestors())


def _nested_in_cell_box(p, tc) -> bool:
    """A text box paragraph inside a cell: kept once (not its VML fallback copy)."""
    for ancestor in p.iterancestors():
        if ancestor is tc:
            return True
        if ancestor.tag == _MC_FALLBACK:
            return False
    return True


def _inside_text_box(run, paragraph) -> bool:
    parent = run.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag == W + "txbxContent":
            return True
        parent = parent.getparent()
    return False


def _continues_merge(tc) -> bool:
    merge = tc.find(f"{W}tcPr/{W}vMerge")
    return merge is not None and merge.get(W + "val") in (None, "continue")


def _inside_deletion(run, paragraph) -> bool:
    parent = run.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in (W + "del", W + "moveFrom"):
            return True
        parent = parent.getparent()
    return False


_CHARS = {W + "tab": " ", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-", W + "softHyphen": ""}


def _run_text(run) -> str:
    parts = []
    for child in run:
        if child.tag == W + "t":
            parts.append(child.text or "")
        elif child.tag in _CHARS:
            if child.tag == W + "br" and child.get(W + "type") == "page":
                continue
            parts.append(_CHARS[child.tag])
    return "".join(parts)
