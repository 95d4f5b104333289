"""Small text helpers the parser shares: slugs, level labels, dates."""
from __future__ import annotations

import re
import unicodedata

from ..vocab import Vocabulary

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_TERMINAL = (".", ":", ";", ",", "?", "!")


def slug(text: str) -> str:
    """A stable id: ascii letters and digits joined by single hyphens ("Plannen en organiseren" -> "plannen-en-organiseren")."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return _NON_ALNUM.sub("-", ascii_text).strip("-")


class LevelReader:
    """Recognises level labels and gives each its number.

    Numbered labels ("Competentieniveau 2", "Level 3") carry their number. Named labels ("Basis",
    "Gevorderd", "Expert") are numbered in the order the document first uses them.
    """

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self._names = {name.casefold() for scale in vocabulary.level_names for name in scale}
        self._named_order: list[str] = []

    def number(self, label: str, register: bool = True) -> int | None:
        """The level number of a label cell, or None when the text is not a level label.

        A named label seen for the first time takes the next number, unless `register` is off.
        """
        text = label.strip()
        if not text:
            return None
        match = self.vocabulary.level_label.match(text)
        if match:
            return self.vocabulary.number(match.group(1))
        key = text.rstrip(":").strip().casefold()
        if key in self._names:
            if key not in self._named_order:
                if not register:
                    return None
                self._named_order.append(key)
            return self._named_order.index(key) + 1
        return None

    def is_label(self, label: str) -> bool:
        text = label.strip()
        return bool(self.vocabulary.level_label.match(text)) or text.rstrip(":").strip().casefold() in self._names

    def value(self, text: str) -> int | None:
        """A required level as a matrix writes it: "2", "Competentieniveau 2", "Gevorderd"."""
        text = text.strip()
        if text.isdigit():
            return int(text)
        return self.number(text, register=False)


def parse_issued(text: str, vocabulary: Vocabulary) -> str | None:
    """ISO year-month from "April 2024", "april 2024", "04-2024" or "2024-04"; None otherwise."""
    text = text.strip()
    match = re.fullmatch(r"([^\W\d_]+)\.?\s+(\d{4})", text)
    if match:
        month = vocabulary.months.get(match.group(1).lower())
        return f"{match.group(2)}-{month:02d}" if month else None
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", text)
    if match and 1 <= int(match.group(1)) <= 12:
        return f"{match.group(2)}-{int(match.group(1)):02d}"
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if match and 1 <= int(match.group(2)) <= 12:
        return text
    return None


def looks_like_heading(text: str) -> bool:
    """A short line without closing punctuation: how a heading looks when no style says so."""
    return 0 < len(text) <= 80 and len(text.split()) <= 8 and not text.endswith(_TERMINAL)
