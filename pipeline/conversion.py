"""One file in, one validated handbook out: reader -> blocks -> parser -> model -> validation."""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import readers
from .blocks import Note
from .errors import ReadError, ValidationError
from .model import Handbook, Source, to_dict
from .parse import parse
from .parse.words import slug
from .vocab import Vocabulary


@dataclass
class Conversion:
    handbook: Handbook
    data: dict  # to_dict(handbook): what the exporters write
    warnings: list[str]
    vocabulary: Vocabulary
    notes: list[Note] = field(default_factory=list)  # judgements made on weak evidence, with places


def handbook_id(path: Path) -> str:
    """The id of a handbook is the slug of its file name ("Ambtelijk secretaris.docx" -> "ambtelijk-secretaris")."""
    return slug(unicodedata.normalize("NFC", path.stem)) or "handbook"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def convert(path: Path | str, vocabulary: Vocabulary | None = None) -> Conversion:
    """Read, parse and validate one handbook file. Raises HandbookError with a plain message."""
    from .validate import validate  # jsonschema is only needed once a handbook has been parsed

    path = Path(path)
    fmt = readers.format_of(path)
    if path.stat().st_size == 0:
        raise ReadError("the file is empty")
    source = Source(file=path.name, format=fmt, sha256=sha256_of(path))  # fails early if unreadable
    reading = readers.read(path)
    result = parse(reading.blocks, source=source, handbook_id=handbook_id(path), vocabulary=vocabulary,
                   properties=reading.properties)
    data = to_dict(result.handbook)
    problems = validate(data)
    if problems:
        raise ValidationError(problems)
    return Conversion(result.handbook, data, result.warnings, result.vocabulary, reading.notes + result.notes)
