"""What is written around a text but is not the text: list bullets, typed numbering, indicator
codes, section numbers and enclosing quotes.

Word's own list numbering never reaches the text (it lives in numbering.xml); these rules are for
the marks an author typed, or a PDF shows, in front of the words.
"""
from __future__ import annotations

import re

# A typed bullet: a bullet glyph, or a dash or asterisk followed by a space.
_BULLET = re.compile(r"^(?:[•·▪▫‣◦●○■□►▸➢➤✓✔]|[-–—*](?=\s))\s*")
# Typed list numbering: "1.", "2)", "(a)", "b.", "iv)" followed by a space.
_NUMBERING = re.compile(r"^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+")
# An indicator code: letters and digits ("CS1.1.01", "A1", "K2.3") or a dotted number with an
# optional letter ("1.2a", "3b"), then a colon, dot, bracket or dash, or just a space.
_CODE = re.compile(
    r"^(?P<code>[A-Z]{1,4}\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)+[a-z]?|\d+[a-z])"
    r"(?:\s*[:.)–-]\s+|\s+)(?P<rest>\S.*)$"
)
# A section number in front of a heading or a name: "3.2 ", "1. ", "2.1.4 ".
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+(?=\S)")
_QUOTES = {"\"": "\"", "“": "”", "„": "”", "‘": "’", "'": "'", "«": "»", "‚": "’", "”": "”"}


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1)


def strip_numbering(text: str) -> str:
    return _NUMBERING.sub("", text, count=1)


def split_code(text: str) -> tuple[str | None, str]:
    """(code, rest) when the text opens with an indicator code, else (None, text)."""
    match = _CODE.match(text)
    if not match:
        return None, text
    return match.group("code"), match.group("rest")


def is_code(text: str) -> bool:
    """The whole text is a code ("CS1.1.01", "1.2a:"), as in a column of codes beside the texts."""
    code, rest = split_code(f"{text.rstrip(':').strip()} x")
    return code is not None and rest == "x"


def strip_section_number(text: str) -> str:
    """ "3.2 Digital competence" -> "Digital competence"; a text that is only a number stays."""
    return _SECTION_NUMBER.sub("", text, count=1) or text


def section_number(text: str) -> str | None:
    """ "1. SERVE" -> "1", "3.2 Framework" -> "3.2"; None without a section number."""
    match = _SECTION_NUMBER.match(text)
    return match.group(0).strip().rstrip(".") if match else None


def section_depth(text: str) -> int:
    """How many parts the section number in front of a text has: "1." -> 1, "1.2" -> 2, none -> 0."""
    number = section_number(text)
    return len([p for p in number.split(".") if p]) if number else 0


def strip_enclosing_quotes(text: str) -> str:
    """ '“Finds and uses data.”' -> 'Finds and uses data.'; quotes inside the text stay.

    Only a pair that encloses the whole text goes: the quotes inside must balance, so that
    '“A” and “B”' keeps its quotes.
    """
    if len(text) < 2 or text[0] not in _QUOTES or text[-1] != _QUOTES[text[0]]:
        return text
    opening, closing = text[0], _QUOTES[text[0]]
    inner = text[1:-1]
    if opening == closing:
        balanced = opening not in inner  # straight quotes cannot say which pair is which
    else:
        depth = 0
        for ch in inner:
            depth += (ch == opening) - (ch == closing)
            if depth < 0:
                return text
        balanced = depth == 0
    return inner.strip() or text if balanced else text
