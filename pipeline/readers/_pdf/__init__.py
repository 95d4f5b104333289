"""Layout analysis for the PDF reader: positioned text lines in, neutral blocks out.

This package knows geometry, not pdfplumber: `pipeline.readers.pdf` turns each page into
`Line`s (glyphs with position, size and emphasis) and `RawTable`s (cells found from ruling
lines); everything here works on those plain objects, so it can be tested without a PDF.

The rules, in the order a page goes through them:

* Running headers and footers (`find_running_lines`): a line in the top or bottom tenth of the
  page, outside tables, that repeats on at least two pages with the same text (digits count as
  equal) at nearly the same height (2 pt), or that is just a page number ("3", "- 3 -",
  "Pagina 3 van 10", "Page 3 of 10"). Once such a line fixes a header (or footer) height, other
  lines of that zone at that height are running lines too (a cluster name seen on one page
  only). Body text in the reference starts at 72 pt, inside the top tenth, so position alone
  never makes a header: repetition or a page-number shape is always needed first.
* Paragraphs (`group_paragraphs`): consecutive lines form one paragraph unless the font size
  changes, the distance between the lines is larger than the document's normal line pitch
  (plus 2 pt), the line starts with a list marker, a hanging list item ends, or the first word of
  the line would have fitted on the previous line (the previous line ended on purpose).
* Tables without ruling lines (`find_borderless_tables`): runs of lines whose text sits in the
  same columns (a wide horizontal gap at the same x on several lines).
* Stitching (`Assembler`): see `Assembler._continues` and `Assembler._split_row`.
"""
from .assemble import Assembler, assemble, make_table
from .borderless import find_borderless_tables
from .model import Glyph, Line, Metrics, PageLayout, RawCell, RawTable
from .paragraphs import ParaLines, group_paragraphs, make_paragraph
from .running import find_running_lines

__all__ = [
    "Assembler", "Glyph", "Line", "Metrics", "PageLayout", "ParaLines", "RawCell", "RawTable",
    "assemble", "find_borderless_tables", "find_running_lines", "group_paragraphs", "make_paragraph",
    "make_table",
]
