"""A handbook's words per language, as data: one JSON file per language in this folder.

A new language or an organisation's own wording is a new JSON file with the same keys (see
nl.json); `load(path)` reads one from anywhere, `builtin()` lists the shipped ones.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..errors import HandbookError

_HERE = Path(__file__).parent
REQUIRED_KEYS = ("language", "level_words", "matrix_headings", "months")


@dataclass(frozen=True)
class Vocabulary:
    language: str
    name: str
    level_words: tuple[str, ...]
    level_names: tuple[tuple[str, ...], ...]
    number_words: dict
    matrix_headings: tuple[str, ...]
    competency_header_words: tuple[str, ...]
    title_prefixes: tuple[str, ...]
    cumulative_phrases: tuple[str, ...]
    months: dict
    # words the PDF reader reads the layout by: conjunctions ("hoofd- en bijzaken", "en
    # -werkwijzen"), and the words of a page number ("Pagina 3 van 10")
    conjunctions: tuple[str, ...] = ()
    page_words: tuple[str, ...] = ()
    page_of_words: tuple[str, ...] = ()
    path: str = ""
    # Optional, for frameworks of other organisations (level scales learned from the document):
    scale_words: tuple[str, ...] = ()  # words that make a repeated label look like a level label
    title_placeholders: tuple[str, ...] = ()  # template titles that are no title ("Document title")
    common_words: tuple[str, ...] = ()  # frequent words that tell the language of a document
    not_level_words: tuple[str, ...] = ()  # headings that are never a level: "Definition", "Knowledge"
    definition_words: tuple[str, ...] = ()  # a column heading over definitions: "Definition", "Omschrijving"

    @cached_property
    def level_label(self) -> re.Pattern:
        """Matches a numbered level label: "Competentieniveau 2", "Niveau twee", "Level 3"."""
        words = "|".join(re.escape(w) for w in sorted(self.level_words, key=len, reverse=True))
        numbers = "|".join(re.escape(w) for w in sorted(self.number_words, key=len, reverse=True))
        return re.compile(rf"^(?:{words})\s*:?\s*(\d+|{numbers})\s*:?$", re.IGNORECASE)

    @cached_property
    def level_word(self) -> re.Pattern:
        """Matches a level word at the start of a text ("Competentieniveau Ambtelijk secretaris")."""
        words = "|".join(re.escape(w) for w in sorted(self.level_words, key=len, reverse=True))
        return re.compile(rf"^(?:{words})\b\s*", re.IGNORECASE)

    def number(self, token: str) -> int | None:
        token = token.strip().lower()
        if token.isdigit():
            return int(token)
        return self.number_words.get(token)


def load(path: str | Path) -> Vocabulary:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise HandbookError(f"cannot read vocabulary {path}: {error}") from None
    missing = [k for k in REQUIRED_KEYS if k not in data]
    if missing:
        raise HandbookError(f"vocabulary {path} lacks {', '.join(missing)}")
    return Vocabulary(
        language=data["language"],
        name=data.get("name", data["language"]),
        level_words=tuple(data["level_words"]),
        level_names=tuple(tuple(names) for names in data.get("level_names", [])),
        number_words={k.lower(): v for k, v in data.get("number_words", {}).items()},
        matrix_headings=tuple(data["matrix_headings"]),
        competency_header_words=tuple(data.get("competency_header_words", [])),
        title_prefixes=tuple(data.get("title_prefixes", [])),
        cumulative_phrases=tuple(data.get("cumulative_phrases", [])),
        months={k.lower(): v for k, v in data["months"].items()},
        conjunctions=tuple(w.lower() for w in data.get("conjunctions", [])),
        page_words=tuple(w.lower() for w in data.get("page_words", [])),
        page_of_words=tuple(w.lower() for w in data.get("page_of_words", [])),
        path=str(path),
        scale_words=tuple(w.casefold() for w in data.get("scale_words", [])),
        title_placeholders=tuple(data.get("title_placeholders", [])),
        common_words=tuple(w.casefold() for w in data.get("common_words", [])),
        not_level_words=tuple(data.get("not_level_words", [])),
        definition_words=tuple(data.get("definition_words", [])),
    )


def builtin() -> list[Vocabulary]:
    """The shipped vocabularies, Dutch first."""
    paths = sorted(_HERE.glob("*.json"), key=lambda p: (p.stem != "nl", p.stem))
    return [load(p) for p in paths]
