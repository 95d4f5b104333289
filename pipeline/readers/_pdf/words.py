"""The few language words the layout rules read a page by, from the vocabulary files.

The reader runs before the parser has chosen the document's language, so it takes the words of
every shipped vocabulary (pipeline/vocab/*.json): a Dutch conjunction in an English handbook
is no evidence of anything, and costs nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...vocab import builtin


@lru_cache(maxsize=1)
def conjunctions() -> frozenset[str]:
    """Words that follow or precede a hyphen standing for a left-out word part ("hoofd- en
    bijzaken", "teamdoelen en -werkwijzen"); '&' is one in every language."""
    return frozenset(w for v in builtin() for w in v.conjunctions) | {"&"}


@lru_cache(maxsize=1)
def page_number_pattern() -> re.Pattern:
    """A page number as a running line shows it: "3", "- 3 -", "Pagina 3 van 10", "Page 3 of 10"."""
    words = sorted({w for v in builtin() for w in v.page_words}, key=len, reverse=True)
    ofs = sorted({w for v in builtin() for w in v.page_of_words}, key=len, reverse=True)
    word = "|".join(re.escape(w) for w in words) or "(?!)"
    of = "|".join(re.escape(w) for w in ofs + ["/"])
    return re.compile(
        rf"^(?:(?:{word})\s*)?(\d{{1,4}})(?:\s*(?:{of})\s*\d{{1,4}})?$|^[-–—]\s*(\d{{1,4}})\s*[-–—]$",
        re.IGNORECASE,
    )
