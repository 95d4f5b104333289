"""The reader's own page device (pipeline/readers/pdf_objects.py) gives the characters,
rectangles, lines and curves pdfplumber gives, field for field where the reader reads them."""
from __future__ import annotations

import pdfplumber
import pytest

import pipeline.readers.pdf  # noqa: F401  (as the reader runs: its marked-content stack on pdfplumber's device)
from pipeline.readers.pdf_objects import read_objects

# Every field of a character the reader or pdfplumber's table finder reads.
CHAR_FIELDS = ("text", "fontname", "size", "upright", "matrix", "x0", "x1", "y0", "y1", "top", "bottom", "doctop",
               "width", "height", "adv", "mcid", "tag", "object_type", "page_number")


@pytest.mark.parametrize("form", ["pdf", "tagged.pdf", "chromium.pdf", "wkhtmltopdf.pdf", "weasyprint.pdf"])
def test_read_objects_gives_what_pdfplumber_gives(reference, form):
    with pdfplumber.open(reference[form]) as theirs, pdfplumber.open(reference[form]) as ours:
        for their_page, our_page in zip(theirs.pages, ours.pages):
            read_objects(our_page)
            expected = [{k: c.get(k) for k in CHAR_FIELDS} for c in their_page.chars]
            assert [{k: c.get(k) for k in CHAR_FIELDS} for c in our_page.chars] == expected
            for kind in ("rects", "lines", "curves"):
                assert getattr(our_page, kind) == getattr(their_page, kind)
            assert our_page.edges == their_page.edges
            their_page.close()
            our_page.close()


def test_read_objects_reads_a_page_once_until_it_is_closed(reference):
    with pdfplumber.open(reference["pdf"]) as pdf:
        page = pdf.pages[1]
        read_objects(page)
        chars = page.chars
        read_objects(page)
        assert page.chars is chars and chars
        page.close()
        read_objects(page)
        assert page.chars is not chars and page.chars == chars


# An encoding CMap embedded as a stream, as WeasyPrint writes one (its codes are not glyph ids).
EMBEDDED = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /WP-Encod-0 def\n"
            b"1 begincodespacerange <0000> <ffff> endcodespacerange\n"
            b"2 begincidchar <0cb8> 0 <0025> 7 endcidchar\n"
            b"1 begincidrange <0041> <0043> 20 endcidrange\nendcmap\n")


def _font(encoding):
    from pdfminer.pdffont import PDFCIDFont
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.psparser import LIT

    descendant = {"Subtype": LIT("CIDFontType2"), "BaseFont": LIT("X"), "FontDescriptor": {"FontName": LIT("X")},
                  "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": b"Identity", "Supplement": 0}}
    return PDFCIDFont(PDFResourceManager(), {"Subtype": LIT("Type0"), "BaseFont": LIT("X"), "Encoding": encoding,
                                             "DescendantFonts": [descendant]})


def test_a_composite_font_reads_its_embedded_encoding_cmap():
    from pdfminer.pdftypes import PDFStream

    font = _font(PDFStream({"CMapName": "WP-Encod-0"}, EMBEDDED))
    assert list(font.decode(b"\x0c\xb8\x00\x25\x00\x42\x00\x99")) == [0, 7, 21]  # an unmapped code gives nothing
    assert not font._encoding_unreadable


def test_text_in_a_font_whose_encoding_gives_no_code_stops_the_page():
    from pdfminer.pdftypes import PDFStream
    from pdfminer.pdfinterp import PDFTextState
    from pipeline.readers.pdf_objects import _CharRecorder

    font = _font(PDFStream({"CMapName": "WP-Encod-0"}, b"begincmap endcmap"))
    assert font._encoding_unreadable

    class Page:  # what the device reads of a pdfplumber page
        pdf = type("Pdf", (), {"rsrcmgr": None})()
        page_number, height, mediabox, initial_doctop = 1, 792.0, (0, 0, 612, 792), 0.0

    device = _CharRecorder(Page())
    device.set_ctm((1, 0, 0, 1, 0, 0))
    state = PDFTextState()
    state.font, state.fontsize = font, 10.0
    device.render_string(state, [b"\x00\x25"], None, None)
    assert device.unreadable and device.unreadable == str(font.fontname)  # read_objects raises UnreadableText for it


def test_an_embedded_cmap_maps_no_more_codes_than_a_font_has_glyphs():
    from pipeline.readers.pdf_objects import MAX_CMAP_CODES, embedded_cmap

    ranges = b"".join(b"<%02x0000> <%02xffff> 0\n" % (k, k) for k in range(8))  # 8 x 65,536 three-byte codes
    cmap = embedded_cmap(b"begincidrange\n" + ranges + b"endcidrange")

    def leaves(tree) -> int:
        return sum(leaves(v) if isinstance(v, dict) else 1 for v in tree.values())

    assert leaves(cmap.code2cid) == MAX_CMAP_CODES
