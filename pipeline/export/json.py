"""The JSON export: the handbook dict as-is, in its key order, pretty printed as UTF-8."""
from __future__ import annotations

import json


def render(data: dict) -> bytes:
    """Deterministic bytes: same dict, same bytes (key order is the dict's, no timestamps)."""
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    # A lone surrogate cannot be UTF-8; backslashreplace writes it as the JSON escape \udXXX,
    # which reads back as the same string, so the data stays as given.
    return text.encode("utf-8", "backslashreplace")
