"""A framework's indicators made clean: bullets and typed numbering off, codes into their own field."""
from __future__ import annotations

from ..blocks import Note
from .marks import split_code, strip_bullet, strip_numbering
from .tables import CompetencyDraft


CODE_SHARE = 0.5  # codes are taken out of the texts when at least this share of indicators has one


def clean_indicators(drafts: list[tuple[CompetencyDraft, str | None]], notes: list[Note]) -> None:
    """Bullets and typed numbering off every indicator; codes out of the text into their own field.

    A text opening with something code-like ("CO2 emissions ...") is no proof of a code; a
    document whose indicators mostly open with one is. Indicators become (text, origin, code).
    """
    levels = [level for draft, _ in drafts for level in draft.levels.values()]
    entries = [(strip_bullet(text), origin) for level in levels for text, origin in level.indicators]
    coded = [split_code(text) for text, _ in entries]
    with_code = sum(1 for code, _ in coded if code)
    use_codes = bool(entries) and with_code >= CODE_SHARE * len(entries)
    if use_codes:
        example = next(code for code, _ in coded if code)
        notes.append(Note("framework.indicator-codes", f"{with_code} of {len(entries)} indicators open with a "
                          f"code (such as '{example}'): the codes are kept apart from the texts"))
    elif with_code:
        notes.append(Note("framework.codes-left-in-text", f"only {with_code} of {len(entries)} indicators open "
                          "with what looks like a code: kept as part of their texts"))
    for level in levels:
        cleaned = []
        for text, origin in level.indicators:
            text = strip_bullet(text)
            code, rest = split_code(text)
            if use_codes and code:
                cleaned.append((rest, origin, code))
            elif strip_numbering(text):
                cleaned.append((strip_numbering(text), origin, None))
        level.indicators[:] = cleaned
