"""Readers turn one file format into the neutral block stream (see pipeline.blocks).

Each reader module has `read(path) -> list[Block]` and is imported only when a file of its
format turns up, so a run over Word files never imports pdfplumber. A reader may put `Note`s
in its stream where it decided on weak evidence; `read` here hands them over apart.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from dataclasses import dataclass

from ..blocks import Block, Note, Properties
from ..errors import UnsupportedFormat

# suffix -> (format name, module)
READERS = {
    ".docx": ("docx", "pipeline.readers.docx"),
    ".pdf": ("pdf", "pipeline.readers.pdf"),
    ".txt": ("text", "pipeline.readers.text"),
}

# Formats people save handbooks in that we do not read, with what to do instead.
ADVICE = {
    ".doc": "old Word format (.doc) is not supported: save it as .docx",
    ".odt": "OpenDocument text (.odt) is not supported: save it as .docx",
    ".rtf": "rich text (.rtf) is not supported: save it as .docx",
    ".docm": "macro-enabled Word files (.docm) are not supported: save it as .docx",
}


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in READERS:
        return READERS[suffix][0]
    if suffix in ADVICE:
        raise UnsupportedFormat(ADVICE[suffix])
    supported = ", ".join(sorted(READERS))
    raise UnsupportedFormat(f"unsupported file type '{suffix or path.name}' (supported: {supported})")


@dataclass
class Reading:
    """What a reader made of a file: the blocks for the parser and the notes for the user."""

    blocks: list[Block]
    notes: list[Note]
    properties: Properties = Properties()  # title and organisation the file's metadata gives


def read(path: Path, jobs: int = 1) -> Reading:
    """Read a file into blocks with the reader its suffix selects; a long PDF's pages are read
    by `jobs` worker processes side by side."""
    format_of(path)
    module = importlib.import_module(READERS[path.suffix.lower()][1])
    stream = module.read(path, jobs) if path.suffix.lower() == ".pdf" else module.read(path)
    found = [b for b in stream if isinstance(b, Properties)]
    blocks = [b for b in stream if not isinstance(b, (Note, Properties))]
    return Reading(blocks, [b for b in stream if isinstance(b, Note)], found[0] if found else Properties())


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in READERS
