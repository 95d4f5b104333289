"""The writers a hold-out handbook is printed by: each turns a batch of files into the files to read.

A handbook reaches HR as whatever its author's program wrote: Word's own .docx, LibreOffice's PDF
(tagged or not, with "repeat heading row" switched on, on A4 in another font), or a browser's
print of an HTML export. Each `Writer` names the source it starts from (`docx`, or LibreOffice's
`html` or `xhtml` export of it, made once per run by `export_sources`), the programs it needs and
a function `make(sources, folder) -> files` that writes one file per source into `folder`, in
order. A writer whose program is missing is skipped, with the reason, by tests/holdout.py.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

# Seconds a program may take: soffice per document of a batch (plus its start-up), a browser per page.
SOFFICE_SECONDS = 30
SOFFICE_START_SECONDS = 60
PRINT_SECONDS = 120

TAGGED_PDF = {"UseTaggedPDF": {"type": "boolean", "value": "true"}}
# LibreOffice's export filters for the two HTML sources ("html" alone picks the same as "xhtml").
SOURCE_FILTERS = {"html": "html:HTML (StarWriter)", "xhtml": "xhtml:XHTML Writer File:UTF8"}
WEASYPRINT = "python module weasyprint"  # how the WeasyPrint "program" shows in a skip reason


class WriterFailed(Exception):
    """The writer's program did not produce a file (not the pipeline's fault)."""


@dataclass(frozen=True)
class Writer:
    name: str
    source: str  # docx | html | xhtml
    programs: tuple[str, ...]
    make: Callable[[list[Path], Path], list[Path]]
    what: str  # one line for the README and --list

    @property
    def keeps_page_headers(self) -> bool:
        """Whether the page header reaches the file (LibreOffice's HTML exports drop it)."""
        return self.source == "docx"

    def missing(self) -> list[str]:
        """The programs this writer needs that are not installed (the LibreOffice export included)."""
        needed = self.programs + (("soffice",) if self.source != "docx" else ())
        return [p for p in dict.fromkeys(needed) if not available(p)]


def available(program: str) -> bool:
    if program == WEASYPRINT:
        return importlib.util.find_spec("weasyprint") is not None
    return program_path(program) is not None


def program_path(program: str) -> str | None:
    if program == "soffice":
        return shutil.which("soffice") or shutil.which("libreoffice")
    if program == "chromium":
        return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    return shutil.which(program)


# --- LibreOffice ------------------------------------------------------------------------------


def soffice(sources: list[Path], folder: Path, target: str) -> list[Path]:
    """Convert `sources` in one LibreOffice call with a private profile; `target` is what
    `--convert-to` takes (e.g. `pdf`, `pdf:writer_pdf_Export:{...}`)."""
    folder.mkdir(parents=True, exist_ok=True)
    suffix = "." + target.split(":")[0]
    with tempfile.TemporaryDirectory() as profile:
        command = [
            program_path("soffice"), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
            "--convert-to", target, "--outdir", str(folder), *map(str, sources),
        ]
        timeout = SOFFICE_START_SECONDS + SOFFICE_SECONDS * len(sources)
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    outputs = [folder / (source.stem + suffix) for source in sources]
    if done.returncode:
        raise WriterFailed(f"soffice exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return outputs


def export_sources(docs: list[Path], folder: Path, source: str) -> list[Path]:
    """LibreOffice's HTML or XHTML export of each .docx (what a browser or HTML printer starts from)."""
    return soffice(docs, folder, SOURCE_FILTERS[source])


def edited(docs: list[Path], folder: Path, edit: Callable[[docx.Document], None]) -> list[Path]:
    """A copy of each .docx in `folder` with `edit` applied (what the author switched on in Word)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for path in docs:
        document = docx.Document(str(path))
        edit(document)
        document.save(str(folder / path.name))
        out.append(folder / path.name)
    return out


def repeat_header_rows(document) -> None:
    """Word's "Repeat as header row at the top of each page" on the first row of every table."""
    for table in document.tables:
        properties = table.rows[0]._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:tblHeader"))


def page_and_font(width_mm: float, height_mm: float, font: str, size: float, justify: bool = False):
    """An edit that sets every section's paper, and one font and size for all text."""

    def edit(document) -> None:
        for section in document.sections:
            section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
        _set_fonts(document, font)
        normal = document.styles["Normal"]
        normal.font.size = Pt(size)
        if justify:
            normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    return edit


def _set_fonts(document, font: str) -> None:
    """`font` in the document defaults and every style, replacing the theme fonts (which win over
    a named font in Word's rules, so they must go)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    holders = [*styles.iter(qn("w:rPr"))] + ([] if defaults is None else [*defaults.iter(qn("w:rPr"))])
    for rpr in holders:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for name in list(fonts.attrib):
            if name.endswith("Theme"):
                del fonts.attrib[name]
        for kind in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{kind}"), font)


def libreoffice(options: dict | None = None, edit: Callable | None = None):
    """A writer function: LibreOffice's PDF export, with export `options`, of each .docx after `edit`."""
    target = "pdf" if options is None else "pdf:writer_pdf_Export:" + json.dumps(options)

    def make(docs: list[Path], folder: Path) -> list[Path]:
        sources = edited(docs, folder / "edited", edit) if edit else docs
        return soffice(sources, folder, target)

    return make


# --- printers of HTML ----------------------------------------------------------------------------


def _run(command: list[str], output: Path) -> Path:
    done = subprocess.run(command, capture_output=True, text=True, timeout=PRINT_SECONDS)
    if done.returncode or not output.exists():
        raise WriterFailed(f"{Path(command[0]).name} exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return output


def chromium(headers: bool = False):
    """Headless Chromium's print to PDF; `headers` keeps the print dialog's default page header and
    footer (date, title, address, page number), which a user printing from a browser often does."""

    def make(pages: list[Path], folder: Path) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        out = []
        for page in pages:
            pdf = folder / f"{page.stem}.pdf"
            with tempfile.TemporaryDirectory() as profile:
                command = [program_path("chromium"), "--headless", "--no-sandbox", "--disable-gpu",
                           f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", page.resolve().as_uri()]
                if not headers:
                    command.insert(-1, "--no-pdf-header-footer")
                out.append(_run(command, pdf))
        return out

    return make


def _print_each(pages: list[Path], folder: Path, command) -> list[Path]:
    """Each page printed to <folder>/<stem>.pdf by the command `command(page, pdf)` gives."""
    folder.mkdir(parents=True, exist_ok=True)
    return [_run(command(page, folder / f"{page.stem}.pdf"), folder / f"{page.stem}.pdf") for page in pages]


def wkhtmltopdf(pages: list[Path], folder: Path) -> list[Path]:
    return _print_each(pages, folder, lambda page, pdf: [
        program_path("wkhtmltopdf"), "--quiet", "--enable-local-file-access", str(page), str(pdf)])


def weasyprint(pages: list[Path], folder: Path) -> list[Path]:
    return _print_each(pages, folder, lambda page, pdf: [
        sys.executable, "-m", "weasyprint", "--quiet", str(page), str(pdf)])


def word(docs: list[Path], folder: Path) -> list[Path]:
    """The .docx as Word saved it: the reader of the Word format, no PDF at all."""
    return list(docs)


WRITERS = {
    w.name: w
    for w in (
        Writer("word", "docx", (), word, "the .docx itself (Word's own format)"),
        Writer("libreoffice", "docx", ("soffice",), libreoffice(), "LibreOffice PDF export, untagged, Letter"),
        Writer("libreoffice-tagged", "docx", ("soffice",), libreoffice(TAGGED_PDF),
               "LibreOffice PDF export with Tagged PDF on"),
        Writer("libreoffice-header-rows", "docx", ("soffice",), libreoffice(edit=repeat_header_rows),
               "LibreOffice PDF, first row of every table repeated on each page (w:tblHeader)"),
        Writer("libreoffice-a4-serif", "docx", ("soffice",), libreoffice(edit=page_and_font(210, 297, "Liberation Serif", 11)),
               "LibreOffice PDF on A4, Liberation Serif 11 pt"),
        Writer("libreoffice-justified", "docx", ("soffice",),
               libreoffice(edit=page_and_font(215.9, 279.4, "DejaVu Sans", 9, justify=True)),
               "LibreOffice PDF on Letter, DejaVu Sans 9 pt, justified"),
        Writer("chromium", "html", ("chromium",), chromium(), "LibreOffice HTML printed by headless Chromium"),
        Writer("chromium-headers", "html", ("chromium",), chromium(headers=True),
               "the same with the browser's page header and footer (date, title, address, page)"),
        Writer("chromium-xhtml", "xhtml", ("chromium",), chromium(), "LibreOffice XHTML printed by headless Chromium"),
        Writer("wkhtmltopdf", "html", ("wkhtmltopdf",), wkhtmltopdf, "LibreOffice HTML printed by wkhtmltopdf"),
        Writer("wkhtmltopdf-xhtml", "xhtml", ("wkhtmltopdf",), wkhtmltopdf, "LibreOffice XHTML printed by wkhtmltopdf"),
        Writer("weasyprint", "html", (WEASYPRINT,), weasyprint, "LibreOffice HTML printed by WeasyPrint"),
        Writer("weasyprint-xhtml", "xhtml", (WEASYPRINT,), weasyprint, "LibreOffice XHTML printed by WeasyPrint"),
    )
}


def versions() -> dict[str, str]:
    """The version of each writer program found, for the record of a run."""
    found = {}
    for program, flag in (("soffice", "--version"), ("chromium", "--version"), ("wkhtmltopdf", "--version")):
        path = program_path(program)
        if path:
            done = subprocess.run([path, flag], capture_output=True, text=True, timeout=60)
            found[program] = (done.stdout.strip().splitlines() or ["?"])[0]
    if available(WEASYPRINT):
        from importlib.metadata import version

        found["weasyprint"] = version("weasyprint")
    return found
