"""A page's characters, rectangles, lines and curves, read straight from pdfminer's interpreter.

pdfplumber builds each page's objects by letting pdfminer make an `LTChar` per character and
then turning every attribute of every object into a dict entry (resolving each value on the
way). For a text-heavy page that is a third of the reading time, and the reader uses a handful
of a character's attributes. `read_objects` runs the same interpreter with a device that turns
each character straight into the dict the reader uses: the same text, font name, matrix and
box, computed as `LTChar` and pdfplumber compute them (same arithmetic, so the same floats),
and the marked-content id and tag pdfplumber adds. Colours and colour spaces are left out:
nothing reads them. Rectangles, lines, curves and images are few; pdfminer makes them and
pdfplumber turns them into dicts as usual. The result is put where pdfplumber keeps a page's
objects, so `page.chars`, `page.rects`, `page.edges` and the table finder work from it.

A composite (Type0) font names the CMap that turns its string's bytes into glyph ids. pdfminer
knows the predefined CMaps only: for one embedded in the file as a stream (WeasyPrint writes
such, `WP-Encod-0`, where a subset's glyph ids are not its codes) it decodes nothing, and the
font's text is lost without a word. `read_embedded_cmaps` reads such a stream's `cidchar` and
`cidrange` entries, which is all a font's encoding CMap holds; a font whose encoding still
cannot be read stops the file (`UnreadableText`) rather than give a page without its words.
"""
from __future__ import annotations

import re

from pdfminer.cmapdb import CMap
from pdfminer.layout import LTChar
from pdfminer.pdffont import PDFCIDFont, PDFUnicodeNotDefined
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import apply_matrix_rect
from pdfplumber.page import PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils.exceptions import PdfminerException


class UnreadableText(Exception):
    """Text drawn in a font whose encoding pdfminer cannot read: its words would be lost."""

    def __init__(self, font: str):
        super().__init__(font)
        self.font = font


# A font has at most 65,536 glyphs: an encoding CMap maps no more codes than that (twice, for slack).
MAX_CMAP_CODES = 2 * 65536
_UNREADABLE = "_encoding_unreadable"  # set on a font whose encoding CMap decodes nothing
_CIDCHAR = re.compile(rb"begincidchar(.*?)endcidchar", re.S)
_CIDRANGE = re.compile(rb"begincidrange(.*?)endcidrange", re.S)
_CHAR_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*(\d+)")
_RANGE_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\d+)")


def embedded_cmap(data: bytes) -> CMap:
    """The CMap of an encoding CMap stream's text: each code (its bytes) to its glyph id."""
    cmap = CMap()

    def add(code: bytes, cid: int) -> None:
        d = cmap.code2cid
        for byte in code[:-1]:
            d = d.setdefault(byte, {})
            if not isinstance(d, dict):
                return  # a shorter code already ends here: a broken map, keep the first
        d[code[-1]] = cid

    room = MAX_CMAP_CODES  # a hostile file's ranges must not fill the memory
    for block in _CIDRANGE.findall(data):
        for start, end, cid in _RANGE_ENTRY.findall(block):
            low, high, width = int(start, 16), int(end, 16), len(start) // 2
            if len(start) != len(end) or not 0 < width <= 4 or not 0 <= high - low < room:
                continue
            room -= high - low + 1
            for k in range(high - low + 1):
                add((low + k).to_bytes(width, "big"), int(cid) + k)
    for block in _CIDCHAR.findall(data):
        for code, cid in _CHAR_ENTRY.findall(block):
            if 0 < len(code) // 2 <= 4 and len(code) % 2 == 0:
                add(bytes.fromhex(code.decode()), int(cid))
    return cmap


def read_embedded_cmaps() -> None:
    """Let pdfminer's composite fonts read an encoding CMap embedded as a stream (module
    docstring); a font whose encoding gives no code at all is marked unreadable."""
    if getattr(PDFCIDFont, "_reads_embedded_cmaps", False):
        return
    predefined = PDFCIDFont.get_cmap_from_spec

    def get_cmap_from_spec(self, spec, strict):
        cmap = predefined(self, spec, strict)
        if isinstance(cmap, CMap) and not cmap.code2cid:  # pdfminer found no CMap by that name
            encoding = resolve1(spec.get("Encoding"))
            if isinstance(encoding, PDFStream):
                cmap = embedded_cmap(encoding.get_data())
            setattr(self, _UNREADABLE, not cmap.code2cid)
        return cmap

    PDFCIDFont.get_cmap_from_spec = get_cmap_from_spec
    PDFCIDFont._reads_embedded_cmaps = True


read_embedded_cmaps()


def read_objects(page) -> None:
    """Fill a pdfplumber page's objects (once; `page.close()` lets go of them)."""
    if hasattr(page, "_objects"):
        return
    device = _CharRecorder(page)
    interpreter = PDFPageInterpreter(page.pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except Exception as error:  # as pdfplumber's Page.layout does
        raise PdfminerException(error) from error
    if device.unreadable:
        raise UnreadableText(device.unreadable)
    objects: dict[str, list[dict]] = {}
    for obj in page.iter_layout_objects(device.get_result()._objs):  # all but the characters
        if obj["object_type"] != "anno":
            objects.setdefault(obj["object_type"], []).append(obj)
    if device.chars:
        objects["char"] = device.chars
    page._objects = objects


class _CharRecorder(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's page device, with characters recorded as dicts instead of `LTChar`s."""

    def __init__(self, page) -> None:
        super().__init__(page.pdf.rsrcmgr, pageno=page.page_number, laparams=None)
        self.page = page
        self.page_number = page.page_number
        self.height = page.height
        self.mb_x0, self.mb_top = page.mediabox[:2]
        self.doctop = page.initial_doctop
        self.chars: list[dict] = []
        self.latest: tuple | None = None  # (character, its container, the container's length then)
        self.unreadable = ""  # the name of a font whose text could not be decoded

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:
        font = textstate.font
        if getattr(font, _UNREADABLE, False) and any(isinstance(part, bytes) and part for part in seq):
            self.unreadable = self.unreadable or str(fix_fontname_bytes(font.fontname) if isinstance(font.fontname, bytes) else font.fontname)
        super().render_string(textstate, seq, ncs, graphicstate)

    def tag_cur_item(self) -> None:
        """pdfplumber's device gives the current marked content to the latest object of the
        current container after drawing a path or image (even one that made no object): that
        object may be a character."""
        if self.latest is not None and self.latest[1] is self.cur_item and self.latest[2] == len(self.cur_item._objs):
            self.latest[0]["mcid"], self.latest[0]["tag"] = self.cur_mcid, self.cur_tag
        else:
            super().tag_cur_item()

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        if font.is_vertical():  # rare: pdfminer's own object, made into a dict by pdfplumber
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            item = LTChar(matrix, font, fontsize, scaling, rise, text, font.char_width(cid), font.char_disp(cid),
                          ncs, graphicstate)
            item.mcid, item.tag = self.cur_mcid, self.cur_tag
            self.chars.append(self.page.process_object(item))
            self.latest = (self.chars[-1], self.cur_item, len(self.cur_item._objs))
            return item.adv
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        # As LTChar.__init__ computes them, for a horizontal font.
        adv = font.char_width(cid) * fontsize * scaling
        descent = font.get_descent() * fontsize
        (x0, y0, x1, y1) = apply_matrix_rect(matrix, (0, descent + rise, adv, descent + rise + fontsize))
        if x1 < x0:
            (x0, x1) = (x1, x0)
        if y1 < y0:
            (y0, y1) = (y1, y0)
        (a, b, c, d, _e, _f) = matrix
        fontname = font.fontname
        if isinstance(fontname, bytes):
            fontname = fix_fontname_bytes(fontname)
        # As pdfplumber's Page.process_object turns them into page coordinates.
        top = (self.height - y1) + self.mb_top
        bottom = (self.height - y0) + self.mb_top
        height = y1 - y0
        char = {
            "text": text, "fontname": fontname, "size": height, "adv": adv, "upright": a * d * scaling > 0 and b * c <= 0,
            "matrix": matrix, "x0": x0, "y0": y0, "x1": x1, "y1": y1, "width": x1 - x0, "height": height,
            "mcid": self.cur_mcid, "tag": self.cur_tag, "object_type": "char", "page_number": self.page_number,
            "top": top, "bottom": bottom, "doctop": self.doctop + top,
        }
        if self.mb_x0 != 0:
            char["x0"], char["x1"] = x0 + self.mb_x0, x1 + self.mb_x0
        self.chars.append(char)
        self.latest = (char, self.cur_item, len(self.cur_item._objs))
        return adv

