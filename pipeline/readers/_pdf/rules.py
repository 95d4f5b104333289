"""The layout rules by name, in the order a document goes through them.

Each rule checks `on(name)` where it decides, so a test (or a person chasing a wrong result) can
run the reader with one rule switched off and see what it did. A note a rule leaves names the
rule the same way. Details are in the docstrings of the functions named after each rule.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    what: str


RULES: tuple[Rule, ...] = (
    # one page at a time (pipeline.readers.pdf)
    Rule("pdf.page-background", "a filled box that covers the page is its background, not a ruling"),
    Rule("pdf.page-edge", "rulings that run off the page are cut at its edge"),
    Rule("pdf.unmapped-marker", "glyphs with no character that start a list item are its bullet (any other such glyph: refused)"),
    Rule("pdf.drawn-bullet", "a small filled shape right before a line's text, at its height, is a list bullet drawn as a path"),
    Rule("pdf.open-row", "rulings left open at the page's bottom or top are closed there: a page break cut the row"),
    Rule("pdf.justified-spaces", "a wide gap that holds a space the PDF draws, stretched to justify the line, is a word space, not a column gap nor a list marker's tab"),
    # the whole document (assemble.Assembler), before any paragraph is made
    Rule("pdf.partial-rest", "boxes in some columns only at the top of a page are the rest of the table before"),
    Rule("pdf.running-lines", "lines repeated in the top or bottom margin, and page numbers, are headers and footers"),
    Rule("pdf.margin-reached", "a line alone in a page's outer margin is content where content stands beyond it, or other pages' content reaches as far"),
    Rule("pdf.table-header-row", "a line repeated at pages' tops that also starts a table mid-page is the table's header row, not a running header"),
    Rule("pdf.running-apart", "a line repeated in the margin that every page sets right against its content is content"),
    Rule("pdf.running-in-column", "a line repeated at pages' tops, indented, where the line below it starts a column is the rest of a cell, not a running header"),
    Rule("pdf.pitch-in-columns", "the line pitch is measured on text wrapped in any column a line's segment starts, not only at its left"),
    Rule("pdf.table-head-lines", "a line repeated at the top of pages that starts the table without rulings below it is its first row, not a running header"),
    Rule("pdf.one-title", "the largest size on page 1 is the title only when it stands in one run of lines: used again after other text, it is a heading"),
    Rule("pdf.touching-cells", "a cell's text that touches the next column's (no cell padding) is cut where that column starts"),
    Rule("pdf.centred-cells", "a cell set in the middle of its row, beside a taller one, starts at the row's top (where the document shows it centres cells)"),
    Rule("pdf.sized-columns", "tables of one shape whose columns stand apart, in a document that draws no space at a wrap, are an HTML printer's: no word is cut at a column's edge"),
    Rule("pdf.marker-above-text", "a bullet alone on its line with its item's text starting below it shows an HTML printer's floated marker: no word is cut at a column's edge"),
    Rule("pdf.body-size", "body text is the size most text outside tables has, where table text is set a little smaller"),
    Rule("pdf.borderless-tables", "runs of lines whose text starts in the same columns are a table without rulings"),
    Rule("pdf.name-row-below-table", "a bold line ending a table without rulings, right above a table written across, is that table's first row"),
    Rule("pdf.wrapped-in-column", "a line in lower case whose first word would have run into the next column on the line above goes on with it"),
    Rule("pdf.hanging-marker", "a list number right of a column edge, hung left of its text, starts that column's cell"),
    Rule("pdf.spaced-rows", "where a borderless table's rows are spaced apart, a line in lower case one pitch below its column's text goes on with it"),
    Rule("pdf.list-goes-on", "the next item of a numbered list a column held in a row above, beside a sentence going on in another column, starts no row"),
    Rule("pdf.item-indent", "a line without a marker at a list item's text indent, one line pitch below the item, goes on with it: it starts no row"),
    Rule("pdf.row-mid-paragraph", "no row of a table without rulings starts where one of its columns wraps on after the space the PDF draws at a wrap"),
    Rule("pdf.rows-beside-merged", "columns starting paragraphs at one height after differing pauses, beside a sentence going on, start a row beside a cell merged down"),
    Rule("pdf.filled-label", "a label that fills its column hides where the next starts: the lines below show it"),
    Rule("pdf.table-words", "lines that are rows of a table without rulings teach the document's words as its cells, not as body text"),
    # paragraphs
    Rule("pdf.wrapped-heading", "a line of a title's or heading's size right below one goes on with it"),
    Rule("pdf.justified-line", "a line whose word gaps were stretched evenly to reach the edge wrapped: it is no paragraph's last"),
    Rule("pdf.marked-ends", "where every paragraph that surely ended in a cell ends in a drawn space and no wrap does, that space ends a paragraph"),
    Rule("pdf.tight-cells", "a capital after a full line in a cell starts a paragraph only where cells show unspaced paragraphs"),
    Rule("pdf.spaced-across-page", "the row steps of a table's part on the page before count where its rest starts a page"),
    Rule("pdf.cut-word", "a word wider than its column, cut at its edge, is joined without a space"),
    Rule("pdf.cut-at-drawn-space", "a one-word line with room for the space its writer draws at a wrap, and none drawn, was cut inside a word"),
    Rule("pdf.word-shape", "a word filling its line and one going on below stay apart where the document's words end and start as the letters there do, rather than run on through them"),
    Rule("pdf.cut-label", "a label in capitals cut at a narrow column's edge, its rest in capitals below, is one word"),
    Rule("pdf.hyphenation", "a hyphen the writer added to break a word is dropped"),
    Rule("pdf.slash-break", "a line that breaks after a slash inside a word joins the next without a space"),
    Rule("pdf.closing-start", "a line that starts with closing punctuation alone goes on with the line before without a space"),
    Rule("pdf.suspended-hyphen", "a hyphen alone after a conjunction starts the word on the next line"),
    # stitching over page breaks
    Rule("pdf.repeated-header", "rows at a page's top that repeat the table's first rows are dropped"),
    Rule("pdf.table-across-page", "a table that starts a page with the columns of the one that ended the page before goes on with it"),
    Rule("pdf.resized-rest", "in a document that sizes columns by their text, a ruled part at a page's top within the same outer edges, its first cell empty, is the rest of the table before even where its inner edges moved"),
    Rule("pdf.plain-head-row", "a first row alone at a page's end without emphasis gives no sign that the next page starts a new table"),
    Rule("pdf.merged-row-moved", "rows with an empty first cell count to the row above when asking whether it was moved whole to the next page"),
    Rule("pdf.row-across-page", "the first row of a page goes on with the last row of the page before"),
    Rule("pdf.merged-cell-across-page", "text at a page's top in a column the cut row leaves empty below a cell merged down is more of that cell"),
    Rule("pdf.first-cell-goes-on", "a cut row's first cell of one paragraph, where every row before holds more there, takes the next page's first paragraph in that column once another cell surely goes on"),
    Rule("pdf.unfinished-item", "a cell's last list item that does not end a sentence, where all other items of the table do, goes on over the page break"),
    Rule("pdf.cut-across-page", "a cell's text that a page break cut inside a word (a label cut at its column's edge) goes on"),
    Rule("pdf.typed-item-across-page", "a row at a page's top starting with the list marker typed before the last paragraph above starts a new item"),
    Rule("pdf.item-ended", "text at a page's top that would have fitted after a cell's last list item starts a paragraph of that cell"),
    Rule("pdf.head-on-previous-page", "emphasised paragraphs that end a page are the first rows of the table that starts the next"),
    Rule("pdf.paragraph-across-page", "a paragraph that starts a page goes on with the one that ended the page before"),
    Rule("pdf.cell-across-page", "text at a page's top in one column of a borderless table goes on with its last row"),
    # the whole document, once its tables are stitched
    Rule("pdf.tagged.repeated-glyphs", "tagged PDFs: a line at a page's top that only repeats letters of its paragraph's line on the page before, at the same x, is no text"),
    Rule("pdf.lone-marker", "a number or bullet alone in a table cell is the marker of the paragraph after it"),
)

_NAMES = {rule.name for rule in RULES}
_off: set[str] = set()


def on(name: str) -> bool:
    """Is the rule switched on? (All are, unless a test switched one off.)"""
    if name not in _NAMES:
        raise KeyError(f"no layout rule named {name!r}")
    return name not in _off


@contextmanager
def switched_off(*names: str):
    """Run the reader with these rules switched off: `with switched_off("pdf.cut-word"): ...`."""
    for name in names:
        on(name)  # an unknown name is a mistake, not a no-op
    before = set(_off)
    _off.update(names)
    try:
        yield
    finally:
        _off.clear()
        _off.update(before)
