"""Render a Handbook model into a Word document, in any of the layouts real handbooks use.

A `Layout` is a set of independent switches (where the level label sits, how indicators are laid
out, where the cluster name goes, borders, levels down rows or across columns, how the matrix
writes a required level, where the definition goes). `render(handbook, layout, path)` writes the
.docx with python-docx; the words it needs (level word, matrix heading, month names, cumulative
phrase) come from the vocabulary of the handbook's language, as the parser reads them.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, fields, replace
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.oxml.simpletypes import ST_Merge
from docx.table import _Cell

from pipeline.model import Competency, Handbook
from pipeline.vocab import Vocabulary

from .handbook_factory import vocabulary


@dataclass(frozen=True)
class Layout:
    label: str = "merged"  # merged (w:vMerge) | repeated (on every row) | first (other rows blank)
    indicators: str = "rows"  # rows (one per indicator) | paragraphs | bullets | numbers (in one cell)
    cluster: str = "heading"  # heading (Heading 1 above the tables) | header (section page header)
    borders: bool = True  # 'Table Grid' or no table style
    levels: str = "down"  # down (a row per level) | across (a column per level)
    matrix_values: str = "number"  # number ("2") | label ("Competentieniveau 2", "Gevorderd")
    definition: str = "beside"  # beside the name | below it, in a row across the table

    @property
    def name(self) -> str:
        return "-".join(
            f"{f.name}={getattr(self, f.name)}" for f in fields(self) if getattr(self, f.name) != f.default
        ) or "reference"

    def canonical(self) -> "Layout":
        """The same document with switches that cannot show set to their default."""
        if self.levels == "across" or self.indicators != "rows":
            return replace(self, label="merged")  # no level spans more than one row
        return self


CHOICES = {
    "label": ("merged", "repeated", "first"),
    "indicators": ("rows", "paragraphs", "bullets", "numbers"),
    "cluster": ("heading", "header"),
    "borders": (True, False),
    "levels": ("down", "across"),
    "matrix_values": ("number", "label"),
    "definition": ("beside", "below"),
}


def all_layouts() -> list[Layout]:
    """Every distinct combination of the switches."""
    seen = {}
    for values in itertools.product(*CHOICES.values()):
        layout = Layout(**dict(zip(CHOICES, values))).canonical()
        seen.setdefault(layout, None)
    return list(seen)


# Words only the renderer needs: the introduction is free text the parser reads for one phrase.
INTRO = {
    "nl": {
        "heading": "Inleiding",
        "text": "De competenties zijn beschreven in termen van waarneembaar gedrag.",
        "cumulative": "Bij elk niveau worden de gedragsvoorbeelden van de lagere niveaus {phrase}.",
        "separate": "Elk niveau staat op zichzelf en beschrijft eigen gedrag.",
    },
    "en": {
        "heading": "Introduction",
        "text": "The competencies are described as observable behaviour.",
        "cumulative": "Each level {phrase} levels.",
        "separate": "Each level stands on its own and describes its own behaviour.",
    },
}
LIST_STYLES = {"bullets": "List Bullet", "numbers": "List Number"}


def render(handbook: Handbook, layout: Layout, path: Path) -> Path:
    vocab = vocabulary(handbook.language)
    document = docx.Document()
    _title_page(document, handbook, vocab)
    _introduction(document, handbook, vocab)
    _matrix(document, handbook, vocab, layout)
    by_id = {c.id: c for c in handbook.competencies}
    for cluster in handbook.clusters or (None,):
        _new_page(document, cluster, layout)
        members = cluster.competencies if cluster else [c.id for c in handbook.competencies]
        for cid in members:
            _competency(document, by_id[cid], layout)
            document.add_paragraph()
    document.core_properties.title = handbook.title
    document.save(str(path))
    return path


def _new_page(document, cluster, layout: Layout) -> None:
    """A new page for the competency tables, and the cluster's name in a heading or page header."""
    if cluster is not None and layout.cluster == "header":
        section = document.add_section(WD_SECTION.NEW_PAGE)
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = cluster.name
        return
    document.add_page_break()
    if cluster is not None:
        _styled(document, cluster.name, "Heading 1")


def _month_names(vocab: Vocabulary) -> dict[int, str]:
    names: dict[int, str] = {}
    for name, number in vocab.months.items():
        if len(name) > len(names.get(number, "")):
            names[number] = name
    return names


def _title_page(document, handbook: Handbook, vocab: Vocabulary) -> None:
    _styled(document, handbook.title, "Title")
    if handbook.organisation:
        document.add_paragraph(handbook.organisation)
    if handbook.issued:
        year, month = handbook.issued.split("-")
        document.add_paragraph(f"{_month_names(vocab)[int(month)].capitalize()} {year}")
    document.add_page_break()


def _introduction(document, handbook: Handbook, vocab: Vocabulary) -> None:
    words = INTRO[handbook.language]
    _styled(document, words["heading"], "Heading 1")
    document.add_paragraph(words["text"])
    if handbook.levels.cumulative:
        document.add_paragraph(words["cumulative"].format(phrase=vocab.cumulative_phrases[0]))
    else:
        document.add_paragraph(words["separate"])
    document.add_page_break()


def _matrix(document, handbook: Handbook, vocab: Vocabulary, layout: Layout) -> None:
    _styled(document, vocab.matrix_headings[0], "Heading 1")
    table = _table(document, 2, layout)
    header = _row(table)
    _write(header[0], [vocab.competency_header_words[0]], bold=True)
    _write(header[1], [f"{vocab.level_words[0]} {handbook.role}"], bold=True)
    names = {c.id: c.name for c in handbook.competencies}
    category = None
    for requirement in handbook.requirements:
        if requirement.category and requirement.category != category:
            category = requirement.category
            _write(_row(table)[0], [category], italic=True)
        row = _row(table)
        _write(row[0], [names[requirement.competency]])
        value = requirement.level
        if layout.matrix_values == "label":
            value = handbook.levels.labels[value - 1]
        _write(row[1], [str(value)])


def _competency(document, competency: Competency, layout: Layout) -> None:
    if layout.levels == "across":
        _across(document, competency, layout)
    else:
        _down(document, competency, layout)


def _down(document, competency: Competency, layout: Layout) -> None:
    """Name and definition, then for each level a label cell and its indicators beside it."""
    table = _table(document, 2, layout)
    _heading_rows(table, competency, layout)
    for level in competency.levels:
        texts = [i.text for i in level.indicators]
        if layout.indicators != "rows":
            row = _row(table)
            _write(row[0], [level.label])
            _write(row[1], texts, style=_list_style(document, layout))
            continue
        for position, text in enumerate(texts):
            row = _row(table)
            if position == 0 or layout.label == "repeated":
                _write(row[0], [level.label])
            if layout.label == "merged" and len(texts) > 1:
                row[0]._tc.vMerge = ST_Merge.CONTINUE if position else ST_Merge.RESTART
            _write(row[1], [text])


def _across(document, competency: Competency, layout: Layout) -> None:
    """Name and definition, a header row of level labels, indicators under each."""
    table = _table(document, len(competency.levels), layout)
    _heading_rows(table, competency, layout)
    header = _row(table)
    for cell, level in zip(header, competency.levels):
        _write(cell, [level.label], bold=True)
    columns = [[i.text for i in level.indicators] for level in competency.levels]
    if layout.indicators != "rows":
        row = _row(table)
        for cell, texts in zip(row, columns):
            _write(cell, texts, style=_list_style(document, layout))
        return
    for position in range(max(len(texts) for texts in columns)):
        row = _row(table)
        for cell, texts in zip(row, columns):
            if position < len(texts):
                _write(cell, [texts[position]])


def _heading_rows(table, competency: Competency, layout: Layout) -> None:
    """Name | definition (spanning the other columns), or the name and below it the definition."""
    row = _row(table)
    _write(row[0], [competency.name], bold=True)
    if layout.definition == "below":
        if len(row) > 1:
            row[0].merge(row[-1])
        row = _row(table)
        cell = row[0].merge(row[-1]) if len(row) > 1 else row[0]
    else:
        cell = row[1].merge(row[-1]) if len(row) > 2 else row[1]
    _write(cell, [competency.definition], italic=True)


def _table(document, columns: int, layout: Layout):
    table = document.add_table(rows=0, cols=columns)
    if layout.borders:
        table._tbl.tblStyle_val = _style_id(document, "Table Grid")
    return table


def _styled(document, text: str, style: str) -> None:
    document.add_paragraph(text)._p.style = _style_id(document, style)


def _list_style(document, layout: Layout) -> str | None:
    name = LIST_STYLES.get(layout.indicators)
    return _style_id(document, name) if name else None


def _style_id(document, name: str) -> str:
    """The style id for a style name (python-docx looks it up on every assignment, slowly)."""
    cache = document.__dict__.setdefault("_style_ids", {})
    if name not in cache:
        cache[name] = document.styles[name].style_id
    return cache[name]


def _row(table) -> list[_Cell]:
    """A new bottom row's cells (python-docx's `row.cells` re-reads the whole table each time)."""
    tr = table.add_row()._tr
    return [_Cell(tc, table) for tc in tr.tc_lst]


def _write(cell, texts: list[str], *, style: str | None = None, italic=False, bold=False) -> None:
    """Each text as its own paragraph of `cell` (the first one reuses the cell's empty paragraph).

    `style` is a paragraph style id. Runs are built as oxml elements: python-docx's Run API costs
    a millisecond a run, which hundreds of documents feel.
    """
    tc = cell._tc
    for index, text in enumerate(texts):
        p = tc.p_lst[0] if index == 0 else tc.add_p()
        if style:
            p.style = style
        p.append(_run(text, italic=italic, bold=bold))


def _run(text: str, *, italic: bool, bold: bool):
    run = OxmlElement("w:r")
    if italic or bold:
        properties = OxmlElement("w:rPr")
        for on, tag in ((bold, "w:b"), (italic, "w:i")):
            if on:
                properties.append(OxmlElement(tag))
        run.append(properties)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    return run
