"""Refuse zip bombs before any XML is parsed.

A .docx is a zip of XML parts, and python-docx loads every part into memory. The sizes a zip
declares can lie, so each part is decompressed as a stream and counted, in bounded memory, and the
file is refused as soon as a limit is passed. A real handbook is a few hundred KB unpacked; the
limits leave room for large embedded images.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import ReadError

MAX_ENTRIES = 2_000
MAX_PART_BYTES = 64 * 1024 * 1024  # one part, unpacked
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all parts together, unpacked
MAX_RATIO = 200  # unpacked / packed, for parts over 1 MiB unpacked
_CHUNK = 1024 * 1024


def check_zip(path: Path) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        if _starts_like_zip(path):
            raise ReadError(f"the Word file is damaged or truncated ({error})") from None
        raise ReadError("not a Word file: a .docx is a zip archive and this file is not one") from None
    except OSError as error:
        raise ReadError(f"cannot open the file ({error.strerror or error})") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise ReadError(f"refused: the Word file holds {len(entries)} parts (limit {MAX_ENTRIES})")
        if "word/document.xml" not in archive.namelist():
            raise ReadError("not a Word document: the archive has no word/document.xml")
        total = 0
        for entry in entries:
            if entry.flag_bits & 0x1:
                raise ReadError("the Word file is encrypted or password-protected")
            size = 0
            try:
                with archive.open(entry) as stream:
                    while chunk := stream.read(_CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
                            raise ReadError(
                                "refused: the Word file unpacks to more than "
                                f"{MAX_TOTAL_BYTES // 2**20} MiB (or one part to more than "
                                f"{MAX_PART_BYTES // 2**20} MiB): possibly a zip bomb"
                            )
            except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, ValueError) as error:
                raise ReadError(f"the Word file is damaged ({entry.filename}: {error})") from None
            except Exception as error:  # zlib.error and friends from a corrupt stream
                if type(error).__module__ in ("zlib", "bz2", "lzma"):
                    raise ReadError(f"the Word file is damaged ({entry.filename}: {error})") from None
                raise
            if size > _CHUNK and entry.compress_size and size / entry.compress_size > MAX_RATIO:
                raise ReadError(
                    f"refused: part {entry.filename} unpacks {size // entry.compress_size}x "
                    f"(limit {MAX_RATIO}x): possibly a zip bomb"
                )


def _starts_like_zip(path: Path) -> bool:
    with open(path, "rb") as stream:
        return stream.read(4) == b"PK\x03\x04"
