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
"""
from __future__ import annotations

from pdfminer.layout import LTChar
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import apply_matrix_rect
from pdfplumber.page import PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils.exceptions import PdfminerException


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

