"""Title, organisation and language of a document that has no title page (a framework).

The title comes from the file's own properties (Word core `title`, PDF /Title) unless that is a
template's placeholder ("DOCUMENT TITLE"), else from the first title or heading in the body, else
from a running page header, else from the file name. The organisation comes only from the properties (Word's "Company"): the body
of a framework does not say which line is its publisher.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath

from ..blocks import Block, Note, PageHeader, Paragraph, Properties, Table
from ..vocab import Vocabulary
from .marks import strip_section_number
from .words import looks_like_heading

_WORD = re.compile(r"[^\W\d_]+")
_SOFTWARE_TITLE = re.compile(r"^(?:Microsoft Word|Microsoft PowerPoint)\s*-\s*", re.IGNORECASE)


def is_placeholder(text: str, vocabularies: list[Vocabulary]) -> bool:
    """A template's title, a heading that is no title ("Contents"), or a file name the writing
    program put there ("Microsoft Word - x.docx"; Chromium gives an HTML file without a title
    its file name, "x.html")."""
    folded = text.strip().casefold()
    if any(folded == p.casefold() for v in vocabularies for p in v.title_placeholders):
        return True
    return bool(_SOFTWARE_TITLE.match(text)) or bool(re.fullmatch(r"[\w .-]+\.(docx?|pdf|dotx?|html?|odt|rtf)", folded))


def _has_a_word(text: str) -> bool:
    """Does the text hold a word (three letters or more)? A running header of a date and time
    ("12/2/26, 9:50 AM", which Chromium prints) holds none: it is no title."""
    return any(len(w) >= 3 for w in _WORD.findall(text))


def resolve_title(
    properties: Properties, blocks: list[Block], vocabularies: list[Vocabulary], file_name: str, notes: list[Note]
) -> str:
    if properties.title and not is_placeholder(properties.title, vocabularies):
        return properties.title
    if properties.title:
        notes.append(Note("framework.title-placeholder", f"the file's title property '{properties.title}' is a "
                          "template placeholder: the title is taken from the body"))
    paragraphs = [b for b in blocks if isinstance(b, Paragraph) and b.text]
    for style in ("title", "heading"):
        found = next((p for p in paragraphs if p.style == style and not is_placeholder(p.text, vocabularies)), None)
        if found is not None:
            notes.append(Note("framework.title-from-body", f"no title property: the title is the document's "
                              f"first {style} '{found.text[:60]}'", found.origin))
            return strip_section_number(found.text)
    first = next((b for b in blocks if isinstance(b, Table) or (isinstance(b, Paragraph) and b.text)), None)
    if isinstance(first, Paragraph) and looks_like_heading(first.text):
        notes.append(Note("framework.title-from-body", f"no title property or heading: the title is the "
                          f"first line '{first.text[:60]}'", first.origin))
        return strip_section_number(first.text)
    header = next((b for b in blocks if isinstance(b, PageHeader) and not b.footer and b.text
                   and looks_like_heading(b.text) and _has_a_word(b.text)
                   and not is_placeholder(b.text, vocabularies)), None)
    if header is not None:
        notes.append(Note("framework.title-from-page-header", f"no title in the file or as a heading: the title "
                          f"is the running page header '{header.text[:60]}'", header.origin))
        return strip_section_number(header.text)
    stem = PurePath(file_name).stem
    notes.append(Note("framework.title-from-file-name", f"no title in the file or its body: the title is "
                      f"the file name '{stem}'"))
    return stem


def choose_language(blocks: list[Block], vocabularies: list[Vocabulary], fallback: Vocabulary) -> Vocabulary:
    """The vocabulary whose common words the document's text uses most (the fallback on a tie at 0)."""
    words: Counter = Counter()
    for block in blocks:
        if isinstance(block, Paragraph):
            words.update(w.casefold() for w in _WORD.findall(block.text))
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    words.update(w.casefold() for w in _WORD.findall(cell.text))

    def score(vocabulary: Vocabulary) -> int:
        return sum(words[w] for w in set(vocabulary.common_words))

    best = max(vocabularies, key=score)
    return best if score(best) > 0 else fallback
