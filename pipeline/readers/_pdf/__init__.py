"""Layout analysis for the PDF reader: positioned text lines in, neutral blocks out.

This package knows geometry, not pdfplumber: `pipeline.readers.pdf` turns each page into
`Line`s (glyphs with position, size and emphasis) and `RawTable`s (cells found from ruling
lines); everything here works on those plain objects, so it can be tested without a PDF.

The rules are named, in order, in `rules.RULES` (a test can switch one off with
`rules.switched_off(name)`); their tolerances are in `tolerances`, their language words in
pipeline/vocab/*.json (`words`). A rule that decides on weak evidence leaves a `Note` naming
it and the place; `assemble` returns the notes after the blocks.

* Rulings (`pipeline.readers.pdf._rulings`): a filled box that covers the page is its
  background; rulings that run off the page are cut at its edge, and the edge closes the cells
  it cuts (`RawTable.cut_above` / `cut_below`): the page break cut that row.
* Glyphs with no character (`unmapped.unmapped_markers`, both readers): a glyph the PDF names
  no character for ("(cid:N)") is never text. A run of them that starts a line (or a column's
  text, after a column gap) and leads to text is a list item's bullet, with a note (browsers
  draw Word's Symbol bullets that way); any other makes the file refused.
* Drawn bullets (`pipeline.readers.pdf._drawn_bullets`, rule pdf.drawn-bullet): browsers
  paint a list's disc as a small path; such a shape right before a line's text, at its height
  and within a list's indent, becomes a bullet glyph, so the line starts a list item.
* Lone markers (`markers.join_lone_markers`): a number or bullet alone in a table cell (a page
  break came between a numbered item's marker and its text) is the marker of the paragraph
  after it, or of the first paragraph of its column in the next row when that row has no
  label; with a note. With nothing after it, the file is refused.
* Partial rests (`partial.widen_partial_rests`): boxes in some columns only, at the top of a
  page, whose edges are column boundaries of the ruled table that ended the page before, are
  its rest with the other columns empty (writers that draw each cell as its own box draw none
  for a cell with no text left).
* Repeated header rows (`Assembler._repeated_head`): rows at the top of a page that repeat
  the first rows of the table cut by the page break, word for word, are dropped.
  In a table without rulings (`assemble._repeated_first_row`), the lines at the top of a page
  that repeat the first row of the borderless table that ended the page before, line for line
  at the same x, are dropped. Such a row stands where a running header would (the top tenth,
  the same height on each page): the lowest header line of a page that the tables found with
  it as content start at is that table's first row (`Assembler._table_heads`), and makes no
  height for other headers either. Both leave a note.
* Justified lines (`model._stretched_space`): a wide gap that holds a space the PDF draws,
  apart from the word before it (LibreOffice spreads a justified line's extra width on both
  sides of each space) or reaching the word after it, is a word space, not a column gap; a
  word that starts at another table's column edge after such a space (`model.spread_space`)
  starts no cell there (`borderless.split_at_columns`).
* Words cut at a narrow column's edge (`paragraphs._broke_in_word`): where the line is full
  and the picture cannot tell a cut word from two words, the document's own words decide,
  never a general word list: the joined word, the rest or the head shown elsewhere; a short
  rest shown as a word that no word of the document ends with ("ô"); the letters at the break
  (`Lexicon.break_shape`, rule pdf.word-shape): the runs of three and four letters that end
  the head and start the rest as the document's words end and start, against those across the
  break as they run inside its words ("combining" / "gentlemen" two words, "inaugurat" /
  "ion" one; both pieces of three letters at least). Each such judgement, joined or kept apart, leaves a note at the place.

* Centred cells (`centred.top_align_centred_cells`, rule pdf.centred-cells): HTML printers
  (WeasyPrint) centre a cell's text vertically, so a short label stands between the lines of
  the taller cell beside it. Where the document shows that (a block's first line between the
  lines of a block beside it, at the height of none; or a ruled cell's text in the middle of
  its box, below another's), each cell (a column's lines one pitch apart, or over paragraph
  spacing) centred on the band of the cells beside it (the widest run of their rows, its own
  column empty there: a label merged down) moves up to the band's top, with a note; a cell
  that starts where a row beside it starts stays (a matrix's value). Blocks between each
  other's lines are no evidence where the writer draws the space a line wraps at (a word
  processor's cell paragraphs with spacing between them). Such a document never
  cuts a word at a column's edge (`Metrics.whole_words`): a word that fills its line in a cell
  is kept apart from the next, with a note.
* Touching cells (`centred._cut_touching_cells`, rule pdf.touching-cells): a label as wide as
  its column (no cell padding) touches the next column's text. A segment is cut before a
  glyph that touches the one before it where lower case meets a capital or a digit at an x
  where a line of the same table starts a segment (a matrix row read as one line), and, in a
  document that centres cells, at a column start a line one pitch away starts at too; with a
  note. A label that ends right at the next column's start fills its column and does not run
  into it (`borderless._fills_column`).
* Body size (`metrics._body_size`): the size most text outside tables has, where table text is
  set a little smaller (at most 1.15 times: HTML printers set table text at 0.9 em), else the
  most common size; only larger sizes are headings.
* Wrapped headings (`paragraphs._breaks`): a line of a title's or heading's size right below
  one goes on with it (its box may be narrower than the body text), with a note.
* Closing punctuation (`paragraphs._closing_start`, rule pdf.closing-start): a line that starts
  with closing punctuation alone ("?" after "texas -", a browser broke after the hyphen) goes
  on without a space, unless the PDF draws a space at the end of the line before.
* Slash breaks (`paragraphs._broke_at_slash`): a line that ends in a slash inside a word
  ("en/" / "of") joins the next without a space, unless the PDF draws a space after it; a note.
* Rows beside a cell merged down (`borderless._beside_merged_down`, `Assembler._beside_merged_down`):
  without rulings, a row beside a first cell merged over several rows shows only in the other
  columns: each starts a new paragraph at one height, after pauses that differ (a column waited
  for the row's top), while the merged cell goes on mid-sentence, runs on beside it, or keeps its
  own paragraph rhythm; at a page break, the cells that go on are in columns empty in the rows
  below. Its text there goes to the merged cell; a note. Text at a page's top in a column the
  cut row leaves empty below a merged cell is more of that cell (`pdf.merged-cell-across-page`).
* Over a page break (`Assembler._cell_mode`): a word cut at its column's edge goes on
  (`pdf.cut-across-page`); so does a cell's last list item that does not end a sentence where
  all other items of the document's tables do (`pdf.unfinished-item`); a part at a page's top
  counts the row spacing of the part before (`pdf.spaced-across-page`). A word joined as cut
  at the column's edge over the break is noted (`pdf.cut-word`), and never joined where the
  document shows that no word is cut there (`Metrics.whole_words`).
* Rests of cells at pages' tops (`running._in_a_later_column`): a line repeated at the top of
  pages, indented, starting where a column of the line below starts, is content, not a header.
* Columns sized by their text (`assemble._columns_sized_by_content`, rule pdf.sized-columns):
  where tables with as many columns set their inner column edges apart, and no line wraps
  after a space the PDF draws, the document is an HTML printer's, which never cuts a word at a
  column's edge: `Metrics.whole_words`, as for centred cells; a note.
* Where no space is drawn at a wrap (`paragraphs.group_paragraphs`, `reach`): the next word
  surely fitted on a cell's line only within the cell's widest line (an HTML printer's CSS may
  pad a cell's right side more than its left).
* A numbered list going on (`borderless._list_goes_on`, rule pdf.list-goes-on): a column empty
  in the row above whose text is the next item of the numbered list it held in a row before
  ("2." after "1."), beside another column's sentence going on, starts no row. A line that is
  only the next number of the item above ("11." below item 10) starts a paragraph
  (`paragraphs._next_number_alone`, rule pdf.lone-marker).
* One title (`metrics._heading_sizes`): the largest size on page 1 is the title only in one run
  of lines; used again after other text (area headings) it is a heading.

The older rules, in the order a document goes through them (details in each function's docstring):

* Running headers and footers (`running.find_running_lines`): a line in the top or bottom
  tenth of the page, outside tables, that repeats on two or more pages with the same text
  (digits count as equal) within 2 pt of the same height, or that is a page number ("3" on
  page 3, "- 3 -", "Pagina 3 van 10", "Page 3 of 10"). Other lines at a height found that way
  are running lines too (a cluster name on one page only), and so is a line alone in the outer
  6 % of the page with twice its height of space to everything else. Body text of the
  reference starts at 72 pt, inside the top tenth: position alone never makes a header.
* Paragraphs (`paragraphs.group_paragraphs`): lines join into one paragraph unless the font
  size changes, the distance between them exceeds the document's line pitch (measured on
  wrapped lines, plus 2 pt), the line starts with a list marker, a list item ends (text left
  of its marker), or the line ended on purpose (the next line's first word would have fitted
  on it; in table cells also a capitalised word after a line that does not lead into it,
  unless the document writes that word capitalised mid-sentence too (a name), or the cell is
  in a borderless table whose rows are spaced like paragraphs: a capitalised line after a
  sentence's end that goes on there is noted, `pdf.tight-cells`). Where the PDF draws the space
  a line wraps at (LibreOffice does, where it fits), that space decides: a line with one goes
  on, a line without one where one and the next line's first character would fit has ended.
  Wrapped lines join with one space; a hyphen at a line end stays ("hoofd- en"), with no space
  only inside a hyphenated word ("zij-" / "haar"), after a conjunction ("en -" / "werkwijzen")
  or a word cut at a narrow column's edge. A hyphen the writer added to break a word goes: a
  soft hyphen (U+00AD) always, a plain one where the document shows the word whole elsewhere.
  Whether a one-word line is a cut word or a word that filled its line is asked of the
  document's own words first, then geometry (a cut needs a full line, and the word with its
  rest is wider than the column); a space the PDF draws at the line end rules a cut out, and
  room for the space the writer draws at wraps with none drawn rules it in; a word the lexicon
  learnt from the place's own pieces alone is no evidence for that place.
  Bullets and list numbers are stripped and the paragraph gets style 'list'.
* The document's own words (`lexicon.Lexicon`, built before any paragraph): tokens the layout
  shows whole (both ends at a sure break: a line of two words, a list marker, room for one
  more letter), words learnt from runs of pieces that no known word explains, and capitalised
  tokens written mid-sentence (names). Cells of tables with and without rulings count; body
  lines only within one column; bold text not at all.
* Tables without ruling lines (`borderless.find_borderless_tables`, all pages first): runs of
  lines whose text starts in the same columns (a gap wider than 1.2 font sizes, at the same x
  on several lines, or the columns of a table earlier in the document, the latest first; a
  column a label hides by running up to it shows in the lines below); a row starts at one
  height in all its cells, below the row above and not mid-sentence (nor mid-paragraph: a
  column's line above ends in the space the writer draws where a line wraps; nor one line pitch below
  a column's text where another column shows paragraph spacing); a row merged across does not
  widen its column; lines at the top of a page in the latest table's columns, or at a list's
  indent into them, or a sentence ending in its first column right above more rows, are its
  rest. Columns a line shows at a list's indent into an earlier table's columns are that
  table's (a numbered list's longer numbers start further left). A cell's part of a visual
  line keeps its own top and bottom: a label set a little higher beside it (browsers do) is
  on the same row and does not widen the line pitch of the cell's text.
* The document (`assemble.Assembler`): content of each page in reading order, `PageBreak`
  before each page from page 2, running headers first and footers last. A table that ends a
  page and one that starts the next with the same columns are one table; a row cut by the page
  break is joined again (without a space inside a cut or hyphenated word; also when its rest
  starts with a name, has no letters, stands where a list item's text starts, or is a
  sentence going on in one column of a borderless table alone; once one cell surely goes on,
  the others may start new paragraphs of their cells); so is a body paragraph cut by it; a
  page reaches its bottom only below 70 % of its height. Emphasised paragraphs that end a page
  (a name, its definition) are the first rows of a borderless table that starts the next page,
  and of a ruled one that goes on with a row merged across when they stood in a box as wide
  as it (a first row alone, which pdfplumber makes no table of) (`Assembler._continues`,
  `Assembler._split_row`, `Assembler._paragraph_continues`, `Assembler._cell_goes_on`,
  `Assembler._head_on_previous_page`).
"""
from .assemble import Assembler, assemble, make_table
from .borderless import find_borderless_tables
from .lexicon import Lexicon
from .metrics import Metrics
from .model import Glyph, Line, PageLayout, RawCell, RawTable
from .paragraphs import ParaLines, group_paragraphs, make_paragraph
from .running import find_running_lines

__all__ = [
    "Assembler", "Glyph", "Lexicon", "Line", "Metrics", "PageLayout", "ParaLines", "RawCell", "RawTable",
    "assemble", "find_borderless_tables", "find_running_lines", "group_paragraphs", "make_paragraph",
    "make_table",
]
