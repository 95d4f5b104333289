"""The layout rules' tolerances, in one place, each with what it means.

Distances that depend on the type are in units of the font size (multiply by the size of the
text at hand), so a rule reads a 9 pt and a 14 pt document alike; the few in points are about
drawing precision, which does not grow with the type.
"""

# --- text and columns (font-size units) ----------------------------------------------------

# A justified line's word gaps are wider than its space glyphs by at least this much, and by
# amounts that differ less than JUSTIFIED_EVEN from each other (natural gaps: within 0.01).
JUSTIFIED_STRETCH = 0.05
JUSTIFIED_EVEN = 0.05
# A horizontal gap wider than this separates two columns of a table without rulings.
COLUMN_GAP = 1.2
# A list marker's tab reaches at most this far to its text (Word's widest default indent is
# 1.27 cm, 3.3 em at 11 pt); text further right is another column's.
LIST_TAB_AT_MOST = 4.0
# Line pitch (top to top, per point of size) assumed when the document shows none.
SINGLE_SPACING = 1.25
# The width of a space, at the least, in fonts the writers use.
SPACE_WIDTH = 0.3
# Room a word needs beyond its width to count as fitting on a line: writers round positions,
# and justify lines a little short of the edge (1.5 pt at 10 pt).
FIT_SLACK = 0.15
# Content reaches the bottom of the text area when this many lines of its size would not have
# fitted below it: the line itself, and one more that widow and orphan control may move over.
BOTTOM_ROOM_LINES = 2
# Slack on the bottom of the text area, for the writer's rounding (points).
BOTTOM_SLACK = 0.5

# Two characters are on one line when their baselines differ by less than this.
SAME_LINE = 0.3
# A visible gap wider than this between two glyphs, where the PDF draws no space, is a space.
WORD_GAP = 0.2
# A gap this wide after a list marker is a tab: the marker starts a list item.
TAB_GAP = 0.45
# A list bullet drawn as a shape is no taller than this (browsers paint a disc of about 0.4
# sizes), and stands at most TAB_REACH sizes left of its item's text (a list's indent).
BULLET_AT_MOST = 0.6
TAB_REACH = 3.0
# A text matrix that slants glyphs by more than this (shear per unit) makes a synthetic italic.
SLANT = 0.1

# A space the PDF draws in a wide gap further than this from the glyph before it stands where
# justification spread the line's extra width: the gap is a word space, not a column gap.
SPACE_APART = 0.3
# Body text outside tables set larger than table text by at most this factor is still body text
# (HTML printers set table text at 0.9 em or so: 9.2 pt against 8.6, 12 against 11); a larger
# step is a heading's (the smallest heading seen, h3 at 1.17 em, is 1.2 times the body).
BODY_OVER_TABLE_TEXT = 1.15
# Rows further apart than a line pitch and this much are spaced like paragraphs.
PARAGRAPH_SPACING = 0.3
# A gap this wide before a word at a column's x shows a column of a table without rulings.
COLUMN_START_GAP = 0.6
# A row of a table without rulings may run this far below the two-line reach of its cells.
ROW_REACH = 0.5
# A row starts at one height in all its cells, within this much.
ROW_START = 0.2
# Beside a cell merged down, columns whose new paragraphs start at one height after pauses that
# differ by more than this part of a line pitch waited for a row's top (in line pitches).
ROW_WAITED = 0.5
# A cell's text set in the middle of its row (HTML printers centre cells vertically) has its
# middle within this much of the middle of the row's tallest text (cells whose paragraphs end
# in different spacing, a list's against a paragraph's, differ by up to 0.21 at 12 pt).
CENTRED_SLACK = 0.3
# A cell centred beside a taller one stands half a line or more below the row's top (the taller
# has a line more at least); less than this is a difference in line height, not centring.
CENTRED_LEAST = 0.4
# Cells in this many columns or more that share their middle, their tops apart, show a writer
# that centres cells (a count, not a size: two could share a middle by chance).
CENTRED_COLUMNS = 3
# Line pitch: the extra room two lines of one paragraph may have beyond the document's pitch
# (at least LINE_SLACK_MIN points), and the range of pitches a document may show at all.
LINE_SLACK = 0.15
LINE_SLACK_MIN = 2.0
PITCH_RANGE = (0.8, 3.0)
PITCH_MODE = 0.03  # pitches this close to the most common one count to it
# A run of glyphs the PDF names no character for is a list bullet only up to this wide (Word's
# Symbol bullet, which browsers draw twice over, is about 1 em): wider, it is unreadable text.
UNMAPPED_MARKER_WIDTH = 1.5
# A word with its rest wider than the column, but less than this many times as wide, is one
# word cut at the column's edge (longer, it is two words).
CUT_WORD_AT_MOST = 1.75
# Where a word fills its line and the next line goes on in lower case, the letters across the
# break are two words (`pdf.word-shape`) when the document's own words show at least this many
# more of the runs that end and start a word there than of the runs across it inside a word
# (a count of letter runs, the same at any size).
WORD_SHAPE_MARGIN = 2

# A line repeated in a page's margin zone with a line of the page's content closer than this
# (top to top) on every page is content (a table's rows running over pages), not a running line.
RUNNING_GAP = 2.0

# --- page zones (fractions of the page) ------------------------------------------------------

# Running headers and footers live in the top and bottom tenth of the page.
MARGIN_ZONE = 0.10
# A line alone in the outer 6 % of the page is a header or footer even without repetition.
OUTER_MARGIN = 0.06
# A page broken by overflow is filled to beyond this part of its height.
BOTTOM_AT_LEAST = 0.7
# A filled box covering this much of the page's width, and at least BACKGROUND_BAND of its
# height, is its background (some writers paint the page white), not a ruling that bounds cells.
PAGE_BACKGROUND = 0.9
BACKGROUND_BAND = 0.1

# --- drawing precision (points) ---------------------------------------------------------------

# Two column boundaries of two parts of a table are the same within this distance.
COLUMN_TOLERANCE = 2.0
# Two running lines are "at the same height" within this distance.
SAME_HEIGHT = 2.0
# Two lines start at the same x (one column, one paragraph's left edge) within this distance.
SAME_X = 2.0
# Two font sizes are the same within this distance (writers round sizes differently).
SAME_SIZE = 0.5
# A box lies within another, or a cell reaches past a column boundary, by this much at least.
BOX_SLACK = 1.0
# A character printed again within this distance of itself is one character; moved by more
# than SYNTHETIC_BOLD_SHIFT it was printed twice to fake bold.
OVERPRINT = 1.0
SYNTHETIC_BOLD_SHIFT = 0.05
# Two rulings meet when their ends are this close (pdfplumber's own snap tolerance).
RULING_SNAP = 3.0
# A gap that is a whole number of line steps within this much is empty lines, not spacing.
WHOLE_LINES = 1.5
# Slack for the writer's rounding where a line ends or a row begins (points).
EDGE_SLACK = 0.5
# A line of at most this many glyphs at a page's top that repeats letters of the line before
# (same character, same x within EDGE_SLACK) is a glyph drawn again across the page break.
REPEATED_GLYPHS = 3
# A ruling that reaches this close to the page's edge, or beyond it, runs off the page: the
# table goes on over the page break there.
OFF_PAGE = 0.5
