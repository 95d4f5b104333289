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


# Names Windows keeps for devices, with any extension ("con.json" cannot be created there).
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
MAX_ID_LENGTH = 120  # leaves room under the usual 255-byte file name limit for any export suffix


def handbook_id(path: Path | str) -> str:
    """The id of a handbook is the slug of its file name ("Ambtelijk secretaris.docx" ->
    "ambtelijk-secretaris"); it names the export files, so it is also a safe file name on every
    system: no folders, no trailing dots or spaces, no device name (con -> con-handbook)."""
    hid = slug(unicodedata.normalize("NFC", Path(path).stem))[:MAX_ID_LENGTH].strip("-") or "handbook"
    return f"{hid}-handbook" if hid in WINDOWS_RESERVED else hid


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _unreadable(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied: the file cannot be read"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    return f"the file cannot be read ({error.strerror or error})"


def convert(path: Path | str, vocabulary: Vocabulary | None = None, *, jobs: int = 1) -> Conversion:
    """Read, parse and validate one handbook file. Raises HandbookError with a plain message.
    `jobs` > 1 reads a long PDF's pages in that many worker processes."""
    from .validate import validate  # jsonschema is only needed once a handbook has been parsed

    path = Path(path)
    fmt = readers.format_of(path)
    try:
        if path.stat().st_size == 0:
            raise ReadError("the file is empty")
        source = Source(file=path.name, format=fmt, sha256=sha256_of(path))  # fails early if unreadable
    except OSError as error:
        raise ReadError(_unreadable(error)) from error
    reading = readers.read(path, jobs)
    result = parse(reading.blocks, source=source, handbook_id=handbook_id(path), vocabulary=vocabulary,
                   properties=reading.properties)
    data = to_dict(result.handbook)
    problems = validate(data)
    if problems:
        raise ValidationError(problems)
    return Conversion(result.handbook, data, result.warnings, result.vocabulary, reading.notes + result.notes)
