"""The geometric tests several layout rules share, each written once (tolerances in
`tolerances`)."""
from __future__ import annotations

from .model import Line
from .tolerances import BOTTOM_ROOM_LINES, BOTTOM_SLACK, FIT_SLACK, SPACE_WIDTH


def next_word_fits(last: Line, line: Line, edge: float) -> bool:
    """Would the first word of `line` have fitted at the end of `last`, after a space, before
    `edge` (less a little slack for the writer's rounding)? Then `last` did not wrap: it ended."""
    return last.x1 + SPACE_WIDTH * line.size + line.first_word_width() < edge - FIT_SLACK * line.size


def reaches_bottom(bottom: float, size: float, pitch: float, text_bottom: float) -> bool:
    """Does content ending at `bottom` reach the bottom of the text area (`text_bottom`): would not
    one more line of `size` at `pitch` (top to top, per point of size) have fitted below it? One
    line of slack, as widow and orphan control may move a line of a cut paragraph over with the rest."""
    return bottom + BOTTOM_ROOM_LINES * pitch * size > text_bottom + BOTTOM_SLACK

