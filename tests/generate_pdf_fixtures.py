"""Generate the small PDFs the PDF reader is tested on: `python -m tests.generate_pdf_fixtures`.

Each realistic case is written as a Word document with python-docx and exported to PDF by
LibreOffice (headless), the way the reference handbook was made; the .docx is kept next to the
.pdf so a test can check that both readers give the same blocks. Needs `soffice` on the PATH
(Debian: apt-get install libreoffice-writer). The broken cases (encrypted, scanned, truncated)
are made from the reference PDF: LibreOffice encrypts, pypdfium2 and Pillow (both installed with
pdfplumber) render the scan. The results are committed, so the tests need none of this.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).parent
OUT = HERE / "fixtures" / "pdf"
REFERENCE_PDF = HERE / "fixtures" / "ambtelijk-secretaris.pdf"
REFERENCE_DOCX = HERE / "fixtures" / "ambtelijk-secretaris.docx"

LEVEL = "Competentieniveau {}"

ANALYSEREN = (
    "Analyseren",
    "Het ordenen en structureren van complexe informatie, het leggen van verbanden tussen "
    "gegevens en het onderkennen van oorzaak en gevolg.",
    {
        1: [
            "Brengt in kaart welke informatie beschikbaar is en welke informatie mist",
            "Structureert de verzamelde informatie en onderscheidt hoofd- en bijzaken",
        ],
        2: [
            "Ziet de kern en mogelijke oplossingen",
            "Herkent tegenstrijdigheden, onvolledigheden en oorzaak- en gevolgrelaties in vraagstukken",
        ],
        3: ["Beziet het vraagstuk vanuit meerdere invalshoeken en plaatst het in een brede context"],
    },
)
SAMENWERKEN = (
    "Samenwerken",
    "Creëren van verbinding met anderen (collega's, cliënten, vrijwilligers, naasten) zodat "
    "gezamenlijke doelstellingen bereikt worden.",
    {
        1: [
            "Deelt relevante informatie met collega's en houdt hen op de hoogte",
            "Ziet wanneer collega's of anderen hulp nodig hebben en biedt ook ongevraagd hulp aan",
        ],
        2: ["Wil van anderen leren en vraagt om feedback over eigen functioneren of gedrag"],
        3: ["Draagt actief bij en betrekt anderen bij het formuleren van teamdoelen en -werkwijzen"],
    },
)
INTEGRITEIT = (
    "Integriteit",
    "Handelt in overeenstemming met persoonlijke en sociale normen en opvattingen over "
    "professionele ethiek, ook als dat moeilijk is.",
    {
        1: [
            "Is transparant en eerlijk: is open over en bespreekt intenties, ideeën en gevoelens "
            "met collega's, leidinggevenden en anderen in en buiten de organisatie",
            "Respecteert anderen en de omgeving: gaat zorgvuldig om met vertrouwelijke informatie",
            "Geeft eventuele fouten openlijk toe, ook als het de relatie met anderen kan schaden",
        ],
        2: [
            "Gaat de dialoog met betrokkenen aan over ethische dilemma's die zich in het werkveld "
            "voordoen, bespreekt verwachtingen, problemen en eventuele irritaties",
            "Stelt duidelijke grenzen bij provocaties en tegenslag, vanuit heldere principes",
        ],
        3: ["Daagt invloedrijke anderen uit om volgens ethische waarden en normen te handelen"],
    },
)
ZORGVULDIGHEID = (
    "Zorgvuldigheid",
    "Vermogen om gedurende langere periode nauwkeurig en zorgvuldig te werken, met oog voor detail.",
    {
        1: ["Werkt zorgvuldig met oog voor detail", "Houdt eigen werk overzichtelijk en inzichtelijk"],
        2: ["Controleert eigen en andermans werk op juistheid en volledigheid"],
        3: ["Ontwikkelt een systeem om fouten te voorkomen"],
    },
)

FILLER = (
    "De competenties zijn zoveel mogelijk beschreven in termen van waarneembaar gedrag: de nadruk "
    "ligt op wat personen in de functie zichtbaar doen. Elke competentie kent drie niveaus."
)


# ---------------------------------------------------------------------------------------------
# Word documents


def _new_document(role: str) -> docx.Document:
    document = docx.Document()
    document.core_properties.title = f"Competenties {role}"
    document.core_properties.author = "inovum"
    document.add_paragraph(f"Competenties {role}", style="Title")
    document.add_paragraph("inovum")
    document.add_paragraph("April 2024")
    return document


def _matrix(document, role: str, rows, borders: bool = True) -> None:
    document.add_paragraph("Competentiematrix", style="Heading 1")
    table = document.add_table(rows=0, cols=2, style="Table Grid" if borders else None)
    cells = table.add_row().cells
    _text(cells[0], "Competentie", bold=True)
    _text(cells[1], f"Competentieniveau {role}", bold=True)
    for name, level in rows:
        cells = table.add_row().cells
        if level is None:
            _text(cells[0], name, italic=True)
        else:
            _text(cells[0], name)
            _text(cells[1], str(level))


def _text(cell, text: str, bold: bool = False, italic: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None


def _competency(document, competency, borders: bool = True, merge: bool = True, cell_style=None):
    """Name | definition, then one row per indicator with the level label merged down."""
    name, definition, levels = competency
    table = document.add_table(rows=0, cols=2, style="Table Grid" if borders else None)
    cells = table.add_row().cells
    _text(cells[0], name, bold=True)
    _text(cells[1], definition, italic=True)
    for level, indicators in levels.items():
        first = None
        for i, indicator in enumerate(indicators):
            cells = table.add_row().cells
            _text(cells[1], indicator)
            if i == 0:
                first = cells[0]
                _text(first, LEVEL.format(level))
            elif merge:
                first = first.merge(cells[0])
    return table


def _keep_rows_whole(table) -> None:
    """Mark every row 'cannot split' so a page break falls between rows."""
    for row in table.rows:
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))


def borderless_table(path: Path) -> None:
    """Tables without ruling lines: the columns are only visible as aligned text."""
    document = _new_document("Beleidsmedewerker")
    document.add_page_break()
    _matrix(document, "Beleidsmedewerker", [("Analyseren", 2), ("Samenwerken", 1)], borders=False)
    document.add_paragraph()
    document.add_paragraph("Realiseren van doelen", style="Heading 1")
    _competency(document, ANALYSEREN, borders=False)
    document.add_paragraph()
    document.add_paragraph("Mensen meekrijgen", style="Heading 1")
    _competency(document, SAMENWERKEN, borders=False)
    document.add_paragraph()
    document.add_paragraph("Deze tabellen hebben geen randen: de kolommen blijken alleen uit de uitlijning.")
    document.save(path)


def _field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def running_header(path: Path) -> None:
    """The cluster name in the page header, 'Pagina N van M' in the footer, tables over pages."""
    document = _new_document("Teamleider")
    section = document.sections[0]
    section.different_first_page_header_footer = True
    _footer(section)
    document.add_paragraph("Inleiding", style="Heading 1")
    for _ in range(3):
        document.add_paragraph(FILLER)
    _matrix(document, "Teamleider", [
        ("Generieke competenties", None), ("Samenwerken", 2), ("Integriteit", 1),
        ("Specifieke competenties", None), ("Analyseren", 2), ("Zorgvuldigheid", 1),
    ])
    clusters = [
        ("Realiseren van doelen", [ANALYSEREN, ZORGVULDIGHEID, INTEGRITEIT]),
        ("Mensen meekrijgen", [SAMENWERKEN]),
    ]
    for cluster, competencies in clusters:
        section = document.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = False
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = cluster
        section.footer.is_linked_to_previous = False
        _footer(section)
        for competency in competencies:
            _competency(document, competency)
            document.add_paragraph()
            document.add_paragraph()
    document.save(path)


def _footer(section) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    paragraph.add_run("Pagina ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" van ")
    _field(paragraph, "NUMPAGES")


def split_indicator(path: Path, filler_paragraphs: int) -> None:
    """A table whose indicator row is cut by the page break (a sentence continues on the next
    page), followed by a table that continues on a new page at a row boundary."""
    document = _new_document("Secretaris")
    document.add_page_break()
    _matrix(document, "Secretaris", [("Integriteit", 1), ("Analyseren", 2)])
    for _ in range(filler_paragraphs):
        document.add_paragraph(FILLER)
    _competency(document, INTEGRITEIT)
    document.add_page_break()
    document.add_paragraph("Realiseren van doelen", style="Heading 1")
    for _ in range(filler_paragraphs - 1):
        document.add_paragraph(FILLER)
    _keep_rows_whole(_competency(document, ANALYSEREN))
    document.save(path)


def paragraph_across_pages(path: Path) -> None:
    """A long introduction paragraph that runs on over the page break (its sentence continues
    with a lower-case word at the top of the next page), then a heading and a short paragraph."""
    document = _new_document("Coördinator")
    document.add_page_break()
    document.add_paragraph("Inleiding", style="Heading 1")
    clause = ("en de competenties worden zoveel mogelijk beschreven in termen van waarneembaar gedrag, "
              "met de nadruk op wat personen in de functie zichtbaar doen, ")
    document.add_paragraph("Dit handboek beschrijft de competenties voor de functie " + clause * 24 + "tot slot.")
    document.add_paragraph("Opbouw van de competenties", style="Heading 2")
    document.add_paragraph("Elke competentie kent drie niveaus.")
    document.save(path)


def cell_paragraphs(path: Path) -> None:
    """Several indicators in one cell: as paragraphs, as bullets and as a numbered list."""
    document = _new_document("Adviseur")
    document.add_page_break()
    _matrix(document, "Adviseur", [("Analyseren", 1), ("Samenwerken", 2), ("Integriteit", 1)])
    document.add_paragraph()
    styles = {"Analyseren": None, "Samenwerken": "List Bullet", "Integriteit": "List Number"}
    for competency in (ANALYSEREN, SAMENWERKEN, INTEGRITEIT):
        name, definition, levels = competency
        table = document.add_table(rows=0, cols=2, style="Table Grid")
        cells = table.add_row().cells
        _text(cells[0], name, bold=True)
        _text(cells[1], definition, italic=True)
        for level, indicators in levels.items():
            cells = table.add_row().cells
            _text(cells[0], LEVEL.format(level))
            for i, indicator in enumerate(indicators):
                paragraph = cells[1].paragraphs[0] if i == 0 else cells[1].add_paragraph()
                paragraph.add_run(indicator)
                if styles[name]:
                    paragraph.style = document.styles[styles[name]]
                else:
                    paragraph.paragraph_format.space_after = Pt(6)
        document.add_paragraph()
    document.save(path)


# ---------------------------------------------------------------------------------------------
# PDFs


def to_pdf(source: Path, target: Path, export_options: dict | None = None) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer")
    fmt = "pdf"
    if export_options:
        fmt = "pdf:writer_pdf_Export:" + json.dumps(export_options)
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
             "--convert-to", fmt, "--outdir", tmp, str(source)],
            check=True, capture_output=True, timeout=180,
        )
        shutil.move(Path(tmp) / (source.stem + ".pdf"), target)


def encrypted(target: Path) -> None:
    options = {
        "EncryptFile": {"type": "boolean", "value": "true"},
        "DocumentOpenPassword": {"type": "string", "value": "geheim"},
    }
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "encrypted.docx"
        shutil.copy(REFERENCE_DOCX, source)
        to_pdf(source, target, options)


def scanned(target: Path) -> None:
    """The first two pages of the reference as pictures only, like a scan without OCR."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(REFERENCE_PDF))
    images = []
    try:
        for index in range(2):
            page = pdf[index]
            images.append(page.render(scale=0.75).to_pil().convert("L"))
            page.close()
    finally:
        pdf.close()
    images[0].save(target, "PDF", resolution=54.0, save_all=True, append_images=images[1:])


def truncated(target: Path) -> None:
    data = REFERENCE_PDF.read_bytes()
    target.write_bytes(data[: len(data) // 2])


def _pdf_pages(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        texts = []
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            page.close()
        return texts


def _make_split_indicator(docx_path: Path, pdf_path: Path) -> None:
    """Find the amount of filler text that puts the long indicator across the page break."""
    for filler in range(2, 20):
        split_indicator(docx_path, filler)
        to_pdf(docx_path, pdf_path)
        pages = [" ".join(text.split()) for text in _pdf_pages(pdf_path)]
        starts = [i for i, text in enumerate(pages) if "Is transparant en eerlijk" in text]
        if starts and starts[0] + 1 < len(pages) and "buiten de organisatie" in pages[starts[0] + 1]:
            return
    sys.exit("could not place the split indicator across a page break")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in [
        ("borderless-table", borderless_table),
        ("running-header-page-numbers", running_header),
        ("indicators-in-one-cell", cell_paragraphs),
        ("paragraph-across-pages", paragraph_across_pages),
    ]:
        build(OUT / f"{name}.docx")
        to_pdf(OUT / f"{name}.docx", OUT / f"{name}.pdf")
    _make_split_indicator(OUT / "split-indicator-across-pages.docx", OUT / "split-indicator-across-pages.pdf")
    encrypted(OUT / "encrypted.pdf")
    scanned(OUT / "scanned-no-text.pdf")
    truncated(OUT / "truncated.pdf")
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(HERE.parent)}  {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
