"""Generate the long handbook of the benchmark: `python -m tests.bench_corpus`.

tests/fixtures/bench/lang-handboek.docx has the layout of the reference handbook (title page,
introduction, competency matrix, clusters under Heading 1, one table per competency: name | italic
definition, then "Competentieniveau N" in a vertically merged cell | one indicator per row), but
198 competencies instead of 7, about 120 pages as a PDF: long enough for the benchmark's 100+ page
row and for reading one file in page ranges with --jobs. The 60 names below are used in turn,
with " II", " III" and " IV" after them from the second time round. It is built from the
reference itself, so styles and page setup are the same; the texts are the reference's own
definitions and indicators, reused in turn. The PDF is made with LibreOffice (soffice) like the
reference PDF. Both files are committed, so `make bench`
needs neither this script nor LibreOffice.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REFERENCE = FIXTURES / "ambtelijk-secretaris.docx"
TARGET = FIXTURES / "bench" / "lang-handboek.docx"

ROLE = "Programmamanager"
CLUSTERS = ["Realiseren van doelen", "Mensen meekrijgen", "Richting geven", "Vakmanschap",
            "Samenwerking", "Zelfmanagement"]
NAMES = """Analyseren; Integriteit; Eigenaarschap; Plannen en organiseren; Zorgvuldigheid;
Inlevingsvermogen; Samenwerken; Klantgerichtheid; Communiceren; Overtuigen; Onderhandelen;
Resultaatgerichtheid; Flexibiliteit; Creativiteit; Leervermogen; Besluitvaardigheid; Initiatief;
Stressbestendigheid; Organisatiesensitiviteit; Omgevingsbewustzijn; Netwerken; Coachen; Delegeren;
Leidinggeven; Visie; Ondernemerschap; Kwaliteitsgerichtheid; Verantwoordelijkheid; Zelfreflectie;
Doorzettingsvermogen; Nauwkeurigheid; Schriftelijk communiceren; Mondeling communiceren;
Presenteren; Luisteren; Oordeelsvorming; Probleemoplossend vermogen; Conceptueel denken;
Innovatief vermogen; Politieke sensitiviteit; Adviseren; Verbinden; Aanpassingsvermogen;
Discipline; Voortgangscontrole; Informatievergaring; Omgaan met verandering; Sociabiliteit;
Assertiviteit; Energie; Ambitie; Tact; Kritisch denken; Verbeteren; Vakkennis; Digitale vaardigheid;
Financieel bewustzijn; Risicobewustzijn; Procesmatig werken; Strategisch handelen"""


COUNT = 198  # a multiple of the number of clusters


def names() -> list[str]:
    base = [n.strip() for n in NAMES.split(";")]
    assert len(base) == 60 and len(set(base)) == 60
    rounds = ["", " II", " III", " IV"]
    found = [name + rounds[i // len(base)] for i, name in zip(range(COUNT), base * len(rounds))]
    assert len(set(found)) == COUNT and COUNT % len(CLUSTERS) == 0
    return found


def reference_texts() -> tuple[list[str], list[str]]:
    """The definitions and indicators of the reference handbook, in document order."""
    ref = docx.Document(str(REFERENCE))
    definitions, indicators = [], []
    for table in ref.tables[1:]:
        rows = [[c.text for c in r.cells] for r in table.rows]
        definitions.append(rows[0][1])
        indicators += [r[1] for r in rows[1:]]
    return definitions, indicators


def cell_text(cell, text: str, *, bold: bool = False, italic: bool = False) -> None:
    run = cell.paragraphs[0].add_run(text)
    run.bold, run.italic = bold or None, italic or None


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def build() -> docx.Document:
    doc = docx.Document(str(REFERENCE))
    body = doc.element.body
    # Keep the title page and the introduction: everything before the matrix table.
    first_table = body.find(doc.tables[0]._tbl.tag)
    for element in list(body)[list(body).index(first_table):]:
        if not element.tag.endswith("}sectPr"):
            body.remove(element)
    doc.paragraphs[0].runs[0].text = f"Competenties {ROLE}"
    for run in doc.paragraphs[0].runs[1:]:
        run.text = ""
    doc.core_properties.title = f"Competenties {ROLE}"

    comps = names()
    definitions, indicators = reference_texts()
    matrix = doc.add_table(rows=0, cols=2, style="Table Grid")
    header = matrix.add_row().cells
    cell_text(header[0], "Competentie", bold=True)
    cell_text(header[1], f"Competentieniveau {ROLE}", bold=True)
    for category, part in (("Generieke competenties", comps[:20]), ("Specifieke competenties", comps[20:])):
        cell_text(matrix.add_row().cells[0], category, italic=True)
        for i, name in enumerate(part):
            row = matrix.add_row().cells
            cell_text(row[0], name)
            cell_text(row[1], str(i % 3 + 1))

    turn = 0
    per_cluster = len(comps) // len(CLUSTERS)
    for k, cluster in enumerate(CLUSTERS):
        page_break(doc)
        doc.add_paragraph(cluster, style="Heading 1")
        for j, name in enumerate(comps[k * per_cluster:(k + 1) * per_cluster]):
            table = doc.add_table(rows=1, cols=2, style="Table Grid")
            cell_text(table.rows[0].cells[0], name, bold=True)
            cell_text(table.rows[0].cells[1], definitions[(k + j) % len(definitions)], italic=True)
            for level in (1, 2, 3):
                first = len(table.rows)
                for _ in range(3):
                    row = table.add_row().cells
                    cell_text(row[1], indicators[turn % len(indicators)])
                    turn += 1
                label = table.cell(first, 0).merge(table.cell(len(table.rows) - 1, 0))
                cell_text(label, f"Competentieniveau {level}")
            doc.add_paragraph()
    return doc


def to_pdf(source: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed for the PDF: apt-get install libreoffice-writer")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=300)
        target = source.with_suffix(".pdf")
        shutil.move(Path(tmp) / (source.stem + ".pdf"), target)
    return target


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    build().save(str(TARGET))
    pdf = to_pdf(TARGET)
    print(f"wrote {TARGET.relative_to(FIXTURES.parent.parent)} and {pdf.relative_to(FIXTURES.parent.parent)}")


if __name__ == "__main__":
    main()
