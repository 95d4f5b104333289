"""Word documents in the shapes of real competency frameworks of other organisations, built in memory.

The real frameworks are kept out of the repository (they are the honest hold-out); these builders
reproduce each shape they were seen to have, with invented words:

- `digital_framework`: one table per competence; a vertically merged first column with the area
  line, the name and a description; a level phrase down the second column ("At Basic level,
  individuals"), merged over its rows; coded statements in the third ("CS1.1.01: ...").
  No title page: the body opens with a section-number line that repeats every few tables.
- `capability_framework`: the name as a heading, the definition in quotes under it, then a table
  whose repeated header row names the levels as columns (FOUNDATION ... EXEMPLAR) with bulleted
  indicators below; "alignment statements" tables in between; a table of contents first.
- `definitions_only`: competences with definitions and no levels.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml import OxmlElement

LEVEL_PHRASES = {
    "en": ["At Basic level, individuals", "At Intermediate level, individuals",
           "At Advanced level, individuals", "At Highly advanced level, individuals"],
    "nl": ["Op basisniveau kunnen personen", "Op gemiddeld niveau kunnen personen",
           "Op gevorderd niveau kunnen personen", "Op zeer gevorderd niveau kunnen personen"],
}
COLUMN_LEVELS = {
    "en": ["FOUNDATION", "INTERMEDIATE", "ADVANCED", "EXEMPLAR"],
    "de": ["GRUNDLEGEND", "ENTWICKELT", "FORTGESCHRITTEN", "VORBILDLICH"],
}


@dataclass
class Competence:
    name: str
    definition: str
    levels: list[list[str]]  # statements per level, lowest first
    area: str | None = None
    codes: list[list[str]] = field(default_factory=list)  # per level, per statement (may be empty)


def set_properties(document, title: str | None = None, company: str | None = None) -> None:
    if title is not None:
        document.core_properties.title = title
    if company is not None:
        for part in document.part.package.iter_parts():
            if str(part.partname) == "/docProps/app.xml":
                part._blob = part.blob.replace(b"<Company/>", f"<Company>{company}</Company>".encode())


def mark_header_row(row) -> None:
    """w:tblHeader: Word repeats the row at the top of each page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def _cell_paragraphs(cell, texts, style=None) -> None:
    cell.text = ""
    first = cell.paragraphs[0]
    for i, text in enumerate(texts):
        paragraph = first if i == 0 else cell.add_paragraph()
        paragraph.add_run(text)
        if style:
            paragraph.style = style


def digital_framework(path: Path, competences: list[Competence], *, language="en", title_line="3.2 Testland digital framework",
                      every=2, title=None, company=None, header_row=False) -> Path:
    document = docx.Document()
    set_properties(document, title, company)
    phrases = LEVEL_PHRASES[language]
    for index, competence in enumerate(competences):
        if index % every == 0:
            document.add_paragraph(title_line)
        rows = [(level, position) for level, statements in enumerate(competence.levels)
                for position in range(len(statements))]
        table = document.add_table(rows=len(rows) + (1 if header_row else 0), cols=3)
        offset = 0
        if header_row:
            for cell, text in zip(table.rows[0].cells, ("Competence", "Proficiency", "Statements")):
                cell.text = text
            mark_header_row(table.rows[0])
            offset = 1
        head = [competence.area, competence.name, competence.definition] if competence.area else [competence.name, competence.definition]
        _cell_paragraphs(table.cell(offset, 0), head)
        for r, (level, position) in enumerate(rows, start=offset):
            if position == 0:
                table.cell(r, 1).text = phrases[level]
            code = competence.codes[level][position] if competence.codes else None
            statement = competence.levels[level][position]
            table.cell(r, 2).text = f"{code}: {statement}" if code else statement
        table.cell(offset, 0).merge(table.cell(len(table.rows) - 1, 0))
        start = offset
        for level, statements in enumerate(competence.levels):
            if len(statements) > 1:
                table.cell(start, 1).merge(table.cell(start + len(statements) - 1, 1))
            start += len(statements)
        document.add_paragraph("")
    document.save(str(path))
    return path


def capability_framework(path: Path, competences: list[Competence], *, language="en", title=None, company=None,
                         alignment=True, contents=True, quotes=("“", "”"), bullets="style") -> Path:
    document = docx.Document()
    set_properties(document, title, company)
    labels = COLUMN_LEVELS[language]
    if contents:
        toc = document.add_table(rows=len(competences), cols=2)
        for row, competence in zip(toc.rows, competences):
            row.cells[0].text = competence.name
            row.cells[1].text = str(len(competence.name))
        document.add_page_break()
    area = None
    for competence in competences:
        if competence.area and competence.area != area:
            document.add_paragraph(competence.area, style="Heading 1")
            area = competence.area
        document.add_paragraph(competence.name, style="Heading 2")
        document.add_paragraph(f"{quotes[0]}{competence.definition}{quotes[1]}")
        table = document.add_table(rows=2, cols=len(labels) + 1)
        for cell, text in zip(table.rows[0].cells[1:], labels):
            cell.text = text
        mark_header_row(table.rows[0])
        table.cell(1, 0).text = "Indicators"
        for cell, statements in zip(table.rows[1].cells[1:], competence.levels):
            if bullets == "style":
                _cell_paragraphs(cell, statements, style="List Bullet")
            else:
                _cell_paragraphs(cell, [f"{bullets} {s}" for s in statements])
        if alignment:
            document.add_paragraph("Alignment statements", style="Heading 3")
            other = document.add_table(rows=2, cols=2)
            other.cell(0, 0).text = "Alignment statement"
            other.cell(0, 1).text = "Graduate attribute"
            other.cell(1, 0).text = f"Supports the strategy on {competence.name.lower()}."
            other.cell(1, 1).text = "Engaged citizen"
    document.save(str(path))
    return path


def merged_head_framework(path: Path, competences: list[Competence], *, title=None) -> Path:
    """Levels as columns under a first row whose one cell spans the table (gridSpan) with the name
    and the quoted definition; a first column merged down (vMerge) beside the level rows."""
    document = docx.Document()
    set_properties(document, title)
    labels = COLUMN_LEVELS["en"]
    for competence in competences:
        table = document.add_table(rows=3, cols=len(labels) + 1)
        top = table.cell(0, 0).merge(table.cell(0, len(labels)))
        _cell_paragraphs(top, [competence.name, f"“{competence.definition}”"])
        for cell, text in zip(table.rows[1].cells[1:], labels):
            cell.text = text
        table.cell(1, 0).text = "Behaviours"
        table.cell(1, 0).merge(table.cell(2, 0))
        for cell, statements in zip(table.rows[2].cells[1:], competence.levels):
            _cell_paragraphs(cell, statements)
        document.add_paragraph("")
    document.save(str(path))
    return path


def definitions_only(path: Path, pairs: list[tuple[str, str]], *, title="Data science competences") -> Path:
    document = docx.Document()
    set_properties(document, title)
    document.add_paragraph("Competences", style="Heading 1")
    table = document.add_table(rows=len(pairs) + 1, cols=2)
    table.cell(0, 0).text = "Competence"
    table.cell(0, 1).text = "Definition"
    for row, (name, definition) in zip(table.rows[1:], pairs):
        row.cells[0].text = name
        row.cells[1].text = definition
    document.save(str(path))
    return path


SAMPLE_WORDS = {
    "en": ("Competence {} handling", "Description of competence {}, in one sentence.",
           "Statement {} about working with the item {}."),
    "nl": ("Omgaan met onderdeel {}", "Beschrijving van de competentie {}, in een zin.",
           "Uitspraak {} over het werken met het onderdeel {} en de gegevens."),
    "de": ("Umgang mit Bereich {}", "Beschreibung der Kompetenz {}, in einem Satz.",
           "Aussage {} über die Arbeit mit dem Bereich {} und die Daten."),
}


def sample_competences(count=4, levels=4, per_level=2, coded=True, areas=("1. INFORMATION AND DATA", "2. COMMUNICATION"),
                       language="en"):
    """Invented competences: names with section numbers under numbered areas, coded statements."""
    name_form, definition_form, statement_form = SAMPLE_WORDS[language]
    out = []
    for i in range(count):
        area_number = 1 + i * len(areas) // count if areas else 1
        area = areas[area_number - 1] if areas else None
        letter = chr(65 + i)
        name = f"{area_number}.{i + 1} {name_form.format(letter)}"
        statements = [[statement_form.format(f"{i + 1}.{lv + 1}.{p + 1}", chr(97 + p)) for p in range(per_level)]
                      for lv in range(levels)]
        codes = [[f"CS{area_number}.{i + 1}.{lv * per_level + p + 1:02d}" for p in range(per_level)]
                 for lv in range(levels)] if coded else []
        out.append(Competence(name=name, definition=definition_form.format(letter), levels=statements, area=area,
                              codes=codes))
    return out


def banner_framework(path: Path, competences: list[Competence], *, one_cell=False) -> Path:
    """The digital framework's table with the area as a first row spanning the table (gridSpan),
    labels with a colon, and typed bullets before codes without a colon; or (`one_cell`) all of a
    level's statements as paragraphs of one cell."""
    document = docx.Document()
    set_properties(document, "Banner framework")
    for competence in competences:
        count = len(competence.levels) if one_cell else sum(len(s) for s in competence.levels)
        table = document.add_table(rows=count + 1, cols=3)
        table.cell(0, 0).merge(table.cell(0, 2)).text = competence.area
        _cell_paragraphs(table.cell(1, 0), [competence.name, competence.definition, "More description."])
        row = 1
        for level, statements in enumerate(competence.levels):
            codes = competence.codes[level]
            if one_cell:
                table.cell(row, 1).text = LEVEL_PHRASES["en"][level]
                _cell_paragraphs(table.cell(row, 2), [f"{code}: {s}" for code, s in zip(codes, statements)])
                row += 1
                continue
            for position, (code, statement) in enumerate(zip(codes, statements)):
                if position == 0:
                    table.cell(row, 1).text = LEVEL_PHRASES["en"][level] + ":"
                table.cell(row, 2).text = f"• {code} {statement}"
                row += 1
        table.cell(1, 0).merge(table.cell(count, 0))
        document.add_paragraph("")
    document.save(str(path))
    return path


def name_in_header_framework(path: Path, competences: list[Competence]) -> Path:
    """Levels as columns; the name in the header row's first cell, the quoted definition under it,
    typed numbering before the indicators; short other tables in between."""
    document = docx.Document()
    set_properties(document, "Header framework")
    for competence in competences:
        table = document.add_table(rows=2, cols=len(COLUMN_LEVELS["en"]) + 1)
        table.cell(0, 0).text = competence.name
        for cell, label in zip(table.rows[0].cells[1:], COLUMN_LEVELS["en"]):
            cell.text = label
        table.cell(1, 0).text = f"“{competence.definition}”"
        for cell, statements in zip(table.rows[1].cells[1:], competence.levels):
            _cell_paragraphs(cell, [f"{i + 1}. {s}" for i, s in enumerate(statements)])
        document.add_paragraph("Alignment statements")
        other = document.add_table(rows=1, cols=2)
        other.cell(0, 0).text, other.cell(0, 1).text = "Alignment", "Strategy"
    document.save(str(path))
    return path


def numbered_named_levels_framework(path: Path, competences: list[Competence], labels) -> Path:
    """Labels such as "Level 1: Foundation" down the first column; name and definition in a first
    row spanning the table; indicators as Word bullet lists."""
    document = docx.Document()
    set_properties(document, "Levels framework")
    for competence in competences:
        table = document.add_table(rows=len(labels) + 1, cols=2)
        top = table.cell(0, 0).merge(table.cell(0, 1))
        _cell_paragraphs(top, [competence.name, competence.definition])
        for level, statements in enumerate(competence.levels):
            table.cell(level + 1, 0).text = labels[level]
            _cell_paragraphs(table.cell(level + 1, 1), statements, style="List Bullet")
    document.save(str(path))
    return path


def split_tables_framework(path: Path, competences: list[Competence]) -> Path:
    """Each competency's levels in two tables (one statement each), both opening with the header
    row of labels marked to repeat; the name as a heading and the definition under it."""
    document = docx.Document()
    set_properties(document, "Split framework")
    for competence in competences:
        document.add_paragraph(competence.name, style="Heading 2")
        document.add_paragraph(competence.definition)
        for half in range(len(competence.levels[0])):
            table = document.add_table(rows=2, cols=len(competence.levels))
            for cell, label in zip(table.rows[0].cells, COLUMN_LEVELS["en"]):
                cell.text = label
            mark_header_row(table.rows[0])
            for cell, statements in zip(table.rows[1].cells, competence.levels):
                cell.text = statements[half]
    document.save(str(path))
    return path


def one_per_row_framework(path: Path, competences: list[Competence], *, title="Capability framework") -> Path:
    """One table per area (its heading above it): a repeated header row of level columns, then one
    capability per row, its name and quoted definition in the first cell, bullets in the others."""
    document = docx.Document()
    set_properties(document, title)
    areas: dict = {}
    for competence in competences:
        areas.setdefault(competence.area, []).append(competence)
    for area, members in areas.items():
        document.add_paragraph(area, style="Heading 1")
        table = document.add_table(rows=len(members) + 1, cols=len(COLUMN_LEVELS["en"]) + 1)
        table.cell(0, 0).text = "Capability"
        for cell, label in zip(table.rows[0].cells[1:], COLUMN_LEVELS["en"]):
            cell.text = label
        mark_header_row(table.rows[0])
        for row, competence in zip(table.rows[1:], members):
            _cell_paragraphs(row.cells[0], [competence.name, f"“{competence.definition}”"])
            for cell, statements in zip(row.cells[1:], competence.levels):
                _cell_paragraphs(cell, statements, style="List Bullet")
    document.save(str(path))
    return path
