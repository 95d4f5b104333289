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
