"""Print a .docx as a tagged PDF, the way two writers do it (for fixtures and the hold-out sweep).

- LibreOffice with "Tagged PDF" switched on (`UseTaggedPDF`), straight from the .docx.
- Chromium: LibreOffice exports the .docx as HTML, headless Chromium prints that HTML to PDF
  (Chromium tags its PDFs; it also prints its own header and footer, marked as artifacts).

Each call runs in a private LibreOffice profile so parallel runs do not share one.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

TAGGED_EXPORT = {"UseTaggedPDF": {"type": "boolean", "value": "true"}}
WRITERS = ("libreoffice-tagged", "chromium")


class WriterMissing(RuntimeError):
    """A program that prints the PDF is not installed."""


def _program(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise WriterMissing(f"{names[0]} is needed (not on the PATH)")


def _soffice(source: Path, fmt: str, outdir: Path) -> Path:
    soffice = _program("soffice", "libreoffice")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--convert-to", fmt, "--outdir", str(outdir), str(source)],
            check=True, capture_output=True, timeout=180,
        )
    extension = fmt.split(":", 1)[0]
    return outdir / f"{source.stem}.{extension}"


def libreoffice_tagged(source: Path, target: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        made = _soffice(source, "pdf:writer_pdf_Export:" + json.dumps(TAGGED_EXPORT), Path(tmp))
        shutil.move(made, target)
    return target


def chromium(source: Path, target: Path) -> Path:
    browser = _program("chromium", "chromium-browser", "google-chrome")
    with tempfile.TemporaryDirectory() as tmp:
        html = _soffice(source, "html", Path(tmp))
        subprocess.run(
            [browser, "--headless", "--no-sandbox", f"--print-to-pdf={target}",
             "--generate-pdf-document-outline", html.as_uri()],
            check=True, capture_output=True, timeout=180,
        )
    if not target.exists():
        raise RuntimeError(f"chromium printed no PDF for {source.name}")
    return target


PRINT = {"libreoffice-tagged": libreoffice_tagged, "chromium": chromium}


def write_fixture(folder: Path, name: str, word: Path, data: dict, writers) -> None:
    """A committed tagged fixture: the .docx, the data it must give, and its print by each writer."""
    import sys

    from .generate_fixtures import stable_zip, write_if_changed

    write_if_changed(folder / f"{name}.docx", stable_zip(word.read_bytes()))
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_if_changed(folder / f"{name}.expected.json", text.encode("utf-8"))
    for writer in writers:
        try:
            PRINT[writer](word, folder / f"{name}.{writer}.pdf")
        except WriterMissing as error:
            sys.exit(str(error))
