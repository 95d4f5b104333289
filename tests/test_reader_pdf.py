"""The PDF reader gives the block stream the Word reader gives for the same document.

Real files: the reference handbook (exported by LibreOffice from the .docx) and the small PDFs
that `python -m tests.generate_pdf_fixtures` made from Word documents kept beside them. The layout
rules themselves are also tested on lines built in memory (see `line()` below).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.blocks import Cell, Note, PageBreak, PageHeader, Paragraph, Row, Table, fold
from pipeline.errors import ReadError
from pipeline.readers import _pdf as layout
from pipeline.readers import pdf
from pipeline.readers._pdf.rules import RULES, on, switched_off

from .conftest import FIXTURES, REFERENCE

GENERATED = FIXTURES / "pdf"
SPLIT_INDICATOR = "Is transparant en eerlijk: Is open over en bespreekt intenties, ideeën en gevoelens"


@pytest.fixture(scope="module")
def reference_blocks():
    return pdf.read(REFERENCE["pdf"])


def tables(blocks):
    return [b for b in blocks if isinstance(b, Table)]


def paragraphs(blocks):
    return [b for b in blocks if isinstance(b, Paragraph)]


# ---------------------------------------------------------------------------------------------
# The reference handbook


def expected_tables_from_txt(path: Path) -> list[list[tuple[tuple[str, bool], ...]]]:
    """The .txt writes each table row as a tab-separated line, italics as <i>...</i>:
    a table is a run of such lines. Returns rows of (folded text, italic) per cell."""
    result, current = [], []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if "\t" in raw:
            cells = []
            for text in raw.split("\t"):
                italic = text.startswith("<i>") and text.endswith("</i>")
                cells.append((fold(re.sub(r"</?i>", "", text)), italic))
            current.append(tuple(cells))
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def actual_rows(table: Table) -> list[tuple[tuple[str, bool], ...]]:
    return [tuple((fold(c.text), c.italic) for c in row.cells) for row in table.rows]


def test_reference_tables_match_the_text_version(reference_blocks):
    expected = expected_tables_from_txt(REFERENCE["txt"])
    actual = [actual_rows(t) for t in tables(reference_blocks)]
    assert len(actual) == len(expected) == 8  # the matrix and 7 competencies, each stitched whole
    for got, want in zip(actual, expected):
        assert got == want


def test_reference_split_indicator_is_one_paragraph(reference_blocks):
    integriteit = next(t for t in tables(reference_blocks) if t.rows[0].cells[0].text == "Integriteit")
    cell = integriteit.rows[1].cells[1]
    assert [p.text for p in cell.paragraphs] == [SPLIT_INDICATOR]
    assert cell.paragraphs[0].origin.page == 4
    assert integriteit.rows[2].origin.page == 5
    assert integriteit.rows[2].cells[0].text == ""  # merged level label: empty continuation cell


def test_reference_definitions_italic_names_bold(reference_blocks):
    competencies = tables(reference_blocks)[1:]
    for table in competencies:
        name, definition = table.rows[0].cells
        assert name.paragraphs[0].bold and not name.italic
        assert definition.italic and len(definition.paragraphs) == 1
        assert all(not row.cells[1].italic for row in table.rows[1:])


def test_reference_matrix(reference_blocks):
    matrix = tables(reference_blocks)[0]
    assert [c.text for c in matrix.rows[0].cells] == ["Competentie", "Competentieniveau Ambtelijk secretaris"]
    assert matrix.rows[1].cells[0].italic and matrix.rows[1].cells[1].text == ""
    assert [c.text for c in matrix.rows[2].cells] == ["Eigenaarschap", "1"]


def test_reference_paragraphs(reference_blocks):
    paras = paragraphs(reference_blocks)
    assert (paras[0].text, paras[0].style) == ("Competenties Ambtelijk secretaris", "title")
    assert [p.text for p in paras[1:3]] == ["inovum", "April 2024"]
    headings = [(p.text, p.level) for p in paras if p.style == "heading"]
    assert headings[:3] == [("Inleiding", 1), ("Hoe zijn de competenties beschreven?", 2), ("Nota Bene", 2)]
    assert [t for t, level in headings if level == 1][1:] == [
        "Competentiematrix", "Realiseren van doelen", "Realiseren van doelen", "Mensen meekrijgen"]
    items = [p.text for p in paras if p.style == "list"]
    assert [t.split(":")[0] for t in items] == ["Label", "Definitie", "Operationalisering"]
    assert items[2].endswith("Het eerste niveau is dus eenvoudiger in te laten zien gedrag dan het tweede niveau.")
    assert not any(isinstance(b, PageHeader) for b in reference_blocks)


def test_reference_page_breaks_and_origins(reference_blocks):
    assert [b.page for b in reference_blocks if isinstance(b, PageBreak)] == list(range(2, 11))
    for block in reference_blocks:
        if isinstance(block, Paragraph):
            assert block.origin.page and block.origin.top is not None
        elif isinstance(block, Table):
            for row in block.rows:
                assert row.origin.page and row.origin.top is not None
                for cell in row.cells:
                    assert cell.origin.page and cell.origin.top is not None
                    for p in cell.paragraphs:
                        assert p.origin.page and p.origin.top == round(p.origin.top, 1)
    title = paragraphs(reference_blocks)[0]
    assert (title.origin.page, title.origin.top) == (1, 70.2)


# ---------------------------------------------------------------------------------------------
# Same blocks as the Word reader, for the reference and every generated document


def comparable(blocks):
    """Content blocks as plain tuples; page breaks and running headers are where the formats differ."""

    def para(p: Paragraph):
        return (p.style, p.level, p.italic, p.bold, p.text)

    out = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.text:
            out.append(("P",) + para(block))
        elif isinstance(block, Table):
            out.append(tuple(
                tuple(tuple(para(p) for p in cell.paragraphs if p.text) for cell in row.cells)
                for row in block.rows
            ))
    return out


@pytest.mark.parametrize("stem", [
    "../ambtelijk-secretaris",
    "borderless-table",
    "running-header-page-numbers",
    "split-indicator-across-pages",
    "indicators-in-one-cell",
    "paragraph-across-pages",
])
def test_same_blocks_as_word_reader(stem):
    from pipeline.readers import docx as word

    source = GENERATED / f"{stem}.docx"
    assert comparable(pdf.read(source.with_suffix(".pdf"))) == comparable(word.read(source))


def test_reference_gives_the_same_handbook_as_word():
    from pipeline import convert

    def data(path):
        result = convert(path).data
        result.pop("source")
        return result

    word, from_pdf = data(REFERENCE["docx"]), data(REFERENCE["pdf"])
    assert from_pdf == word
    assert len(from_pdf["competencies"]) == 7
    assert sum(len(level["indicators"]) for c in from_pdf["competencies"] for level in c["levels"]) == 78


# ---------------------------------------------------------------------------------------------
# Generated documents


def test_borderless_tables():
    blocks = pdf.read(GENERATED / "borderless-table.pdf")
    matrix, analyseren, samenwerken = tables(blocks)
    assert [[c.text for c in r.cells] for r in matrix.rows] == [
        ["Competentie", "Competentieniveau Beleidsmedewerker"], ["Analyseren", "2"], ["Samenwerken", "1"]]
    assert [r.cells[0].text for r in analyseren.rows] == [
        "Analyseren", "Competentieniveau 1", "", "Competentieniveau 2", "", "Competentieniveau 3"]
    assert analyseren.rows[4].cells[1].text == (
        "Herkent tegenstrijdigheden, onvolledigheden en oorzaak- en gevolgrelaties in vraagstukken")
    # the definition row is cut by the page break: its last word is on the next page
    assert samenwerken.rows[0].cells[1].text.endswith("gezamenlijke doelstellingen bereikt worden.")
    assert samenwerken.rows[0].cells[1].italic
    assert len(samenwerken.rows) == 5
    assert paragraphs(blocks)[-1].text.startswith("Deze tabellen hebben geen randen")


def test_running_header_and_page_numbers():
    blocks = pdf.read(GENERATED / "running-header-page-numbers.pdf")
    headers = [(b.origin.page, b.text, b.footer) for b in blocks if isinstance(b, PageHeader)]
    assert [h for h in headers if not h[2]] == [
        (2, "Realiseren van doelen", False), (3, "Realiseren van doelen", False), (4, "Mensen meekrijgen", False)]
    assert [h for h in headers if h[2]] == [(n, f"Pagina {n} van 4", True) for n in (2, 3, 4)]
    texts = [p.text for p in paragraphs(blocks)] + [
        c.text for t in tables(blocks) for r in t.rows for c in r.cells]
    assert not any("Pagina" in t or t in ("Realiseren van doelen", "Mensen meekrijgen") for t in texts)
    names = [t.rows[0].cells[0].text for t in tables(blocks)]
    assert names == ["Competentie", "Analyseren", "Zorgvuldigheid", "Integriteit", "Samenwerken"]


def test_split_indicator_and_continued_table():
    blocks = pdf.read(GENERATED / "split-indicator-across-pages.pdf")
    integriteit, analyseren = tables(blocks)[1:]
    first = integriteit.rows[1].cells[1]
    assert [p.text for p in first.paragraphs] == [
        "Is transparant en eerlijk: is open over en bespreekt intenties, ideeën en gevoelens "
        "met collega's, leidinggevenden en anderen in en buiten de organisatie"]
    assert len(integriteit.rows) == 7
    # a table continued at a row boundary: stitched, rows kept apart
    assert len(analyseren.rows) == 6
    pages = [r.origin.page for r in analyseren.rows]
    assert pages[0] < pages[-1]
    assert analyseren.rows[4].cells[1].text.startswith("Herkent tegenstrijdigheden")
    # the page break comes after the stitched table, never inside it
    index = blocks.index(analyseren)
    assert isinstance(blocks[index + 1], PageBreak)


def test_several_indicators_in_one_cell():
    blocks = pdf.read(GENERATED / "indicators-in-one-cell.pdf")
    analyseren, samenwerken, integriteit = tables(blocks)[1:]
    level_2 = analyseren.rows[2].cells[1].paragraphs
    assert [p.text for p in level_2] == [
        "Ziet de kern en mogelijke oplossingen",
        "Herkent tegenstrijdigheden, onvolledigheden en oorzaak- en gevolgrelaties in vraagstukken"]
    bullets = samenwerken.rows[1].cells[1].paragraphs
    assert [(p.style, p.text[:10]) for p in bullets] == [("list", "Deelt rele"), ("list", "Ziet wanne")]
    numbered = integriteit.rows[1].cells[1].paragraphs
    assert [p.text[:15] for p in numbered] == ["Is transparant ", "Respecteert and", "Geeft eventuele"]
    assert all(p.style == "list" for p in numbered)


def test_paragraph_across_pages_is_one_paragraph():
    blocks = pdf.read(GENERATED / "paragraph-across-pages.pdf")
    long = next(b for b in blocks if isinstance(b, Paragraph) and b.text.startswith("Dit handboek"))
    assert long.text.endswith("met de nadruk op wat personen in de functie zichtbaar doen, tot slot.")
    assert long.origin.page == 2
    after = blocks[blocks.index(long) + 1]
    assert after == PageBreak(page=3, origin=after.origin)


# ---------------------------------------------------------------------------------------------
# Errors


@pytest.mark.parametrize("name, message", [
    ("encrypted.pdf", "the PDF is encrypted: a password is needed to read it"),
    ("scanned-no-text.pdf",
     "the PDF has no text layer (probably a scan): it needs OCR before it can be converted"),
    ("truncated.pdf", "the PDF is damaged or not a PDF: the file ends too early (truncated?)"),
])
def test_unreadable_pdfs(name, message):
    with pytest.raises(ReadError) as error:
        pdf.read(GENERATED / name)
    assert str(error.value) == message


def test_not_a_pdf(tmp_path):
    path = tmp_path / "brief.pdf"
    path.write_text("Beste collega, dit is geen PDF.\n")
    with pytest.raises(ReadError, match=r"^the PDF is damaged or not a PDF: the file does not start like a PDF$"):
        pdf.read(path)


def test_damaged_body(tmp_path):
    data = REFERENCE["pdf"].read_bytes()
    path = tmp_path / "kapot.pdf"
    path.write_bytes(data[:200] + b"\x00garbage" * 50)
    with pytest.raises(ReadError) as error:
        pdf.read(path)
    message = str(error.value)
    assert message.startswith("the PDF is damaged or not a PDF: ") and "\n" not in message
    assert str(path) not in message


# ---------------------------------------------------------------------------------------------
# Layout rules on lines built in memory

CHAR, SPACE = 5.0, 3.0  # glyph widths in the lines below (a space is narrower, as in real fonts)


def glyphs_at(x, text, size, italic, bold):
    out = []
    for ch in text:
        width = SPACE if ch == " " else CHAR
        out.append(layout.Glyph(ch, x, x + width, size, italic, bold))
        x += width
    return out


def line(text, top, page=1, x0=90.0, size=10.0, italic=False, bold=False, columns=()):
    """A line of text; `columns` adds (x0, text) pieces further right on the same line."""
    glyphs = glyphs_at(x0, text, size, italic, bold)
    for x, piece in columns:
        glyphs += glyphs_at(x, piece, size, italic, bold)
    return layout.Line(page, top, top + size, glyphs)


def page(number, lines, tables=(), height=792.0):
    return layout.PageLayout(number, 612.0, height, list(lines), list(tables))


def test_a_prepared_line_answers_as_one_asked_later_and_a_new_glyph_list_is_asked_again():
    """`Line.prepare` works out where a page is laid out (with --jobs, in a worker) what the
    rules ask of a line later: its visible glyphs, text, sizes and segments, the segments' own
    too. The answers are those of a line asked later, also after a trip to another process;
    a line given other glyphs answers for those."""
    import pickle

    def answers(ln):
        segments = ln.segments()
        return (ln.visible, ln.text, ln.sizes, ln.size, segments,
                [(s.visible, s.text, s.sizes, s.size) for s in segments])

    def made():
        big = glyphs_at(90.0, "Integriteit", 12.0, False, True)
        return layout.Line(1, 100.0, 112.0, big + glyphs_at(160.0, "1. Is open en eerlijk", 10.0, False, False)
                           + glyphs_at(320.0, "Niveau 2", 10.0, False, False))

    prepared = made()
    prepared.prepare()
    assert {"_visible", "_text", "_sizes", "_size", "_segmented"} <= set(prepared.__dict__)
    assert answers(prepared) == answers(made()) == answers(pickle.loads(pickle.dumps(prepared)))
    assert [s.text for s in prepared.segments()] == ["Integriteit", "1. Is open en eerlijk", "Niveau 2"]
    assert prepared.sizes == {12.0: 11, 10.0: 24} and prepared.size == 10.0
    prepared.glyphs = prepared.glyphs[:11]  # (rules make new lists; a cache holds its own list)
    assert (prepared.text, prepared.size, len(prepared.segments())) == ("Integriteit", 12.0, 1)


def test_running_lines_need_repetition_or_a_page_number():
    pages = [
        page(1, [line("Handboek competenties", 36), line("Eerste alinea", 72), line("1", 750, x0=300)]),
        page(2, [line("Handboek competenties", 36.5), line("Andere tekst bovenaan", 72), line("- 2 -", 750)]),
        page(3, [line("Cluster alleen hier", 36), line("Nog een tekst", 72), line("Pagina 3 van 3", 751)]),
        page(4, [line("Realiseren van doelen", 95), line("17", 750)]),
        page(5, [line("Realiseren van doelen", 95), line("Slot", 706)]),
    ]
    found = layout.find_running_lines(pages)
    texts = {(ln.text, found[id(ln)]) for p in pages for ln in p.lines if id(ln) in found}
    assert texts == {
        ("Handboek competenties", False), ("Cluster alleen hier", False),  # same height as a header
        ("1", True), ("- 2 -", True), ("Pagina 3 van 3", True),
        ("17", True),  # not its page number, but digits count as equal: "#" repeats at 750
    }


def test_a_lone_line_in_the_outer_margin_is_a_header():
    pages = [
        page(1, [line("Mensen meekrijgen", 35.2), line("Tekst", 72), line("meer tekst", 84)]),
        page(2, [line("Tekst", 40), line("meer tekst", 52)]),  # body text close below: not a header
    ]
    found = layout.find_running_lines(pages)
    assert [(ln.text, found[id(ln)]) for p in pages for ln in p.lines if id(ln) in found] == [
        ("Mensen meekrijgen", False)]


def test_a_lone_line_in_the_outer_margin_is_content_where_other_pages_reach_as_far():
    # narrow margins: page 2's text runs down to 782; page 1 ends with a name row alone at 770
    # (its table goes on on the next page), a gap above it as a footer would have
    pages = [
        page(1, [line("Tekst", 600), line("meer tekst", 612), line("Samenwerken", 770, bold=True)]),
        page(2, [line(f"Regel {n}", 698 + 12 * n) for n in range(8)]),
    ]
    assert layout.find_running_lines(pages) == {}
    with switched_off("pdf.margin-reached"):
        assert [ln.text for ln in pages[0].lines if id(ln) in layout.find_running_lines(pages)] == ["Samenwerken"]
    # a footer has no content below it: a name row in the margin whose definition follows on its page
    alone = [page(1, [line("Tekst", 600), line("Samenwerken", 752, bold=True), line("Werkt met anderen.", 768)])]
    assert layout.find_running_lines(alone) == {}
    with switched_off("pdf.margin-reached"):
        assert [ln.text for ln in alone[0].lines if id(ln) in layout.find_running_lines(alone)] == ["Samenwerken"]


def test_a_lone_line_at_a_pages_top_is_content_where_another_page_starts_as_high_give_or_take_rounding():
    # wkhtmltopdf starts every page's text at 13.435...: the rest of a cell alone at the top of
    # one page stands no higher than the next page's first line, but for the last decimals
    pages = [
        page(1, [line("Titel", 68.1), line("Tekst", 101.6)], height=842.0),
        page(2, [line("en bijzaken;", 13.43536809224247)] + [line(f"Regel {n} tekst", 47.4 + 9.2 * n) for n in range(6)],
             height=842.0),
        page(3, [line("'wat...als' alta", 13.435368851242401)] + [line(f"Andere {n} regel", 22.7 + 9.2 * n) for n in range(6)],
             height=842.0),
    ]
    assert layout.find_running_lines(pages) == {}


def test_body_text_at_the_top_is_not_a_header():
    pages = [page(n, [line(f"Tekst van pagina {chr(64 + n)}", 71.8), line("meer", 85)]) for n in (1, 2, 3)]
    assert layout.find_running_lines(pages) == {}


def metrics(**changes):
    m = layout.Metrics(body_size=10.0, body_pitch=1.2, cell_pitch=1.2, right_edge=500.0, text_bottom=720.0)
    for key, value in changes.items():
        setattr(m, key, value)
    return m


def test_paragraph_breaks():
    lines = [
        line("Een lange regel die tot de rechterkant loopt en daar ophoudt op de pagina.", 100),
        line("verder met de zin.", 112),  # wrapped: same paragraph
        line("Nieuwe alinea na een witregel.", 136),  # gap: new paragraph
        line("Korte regel.", 148),  # "Korte" would have fitted after the previous line
        line("Past op de vorige regel.", 160),  # would have fitted after "Korte regel.": new paragraph
    ]
    paras = layout.group_paragraphs(lines, metrics(), right_edge=470.0, cell=False)
    assert [[ln.text for ln in p.lines] for p in paras] == [
        [lines[0].text, lines[1].text], [lines[2].text], [lines[3].text], [lines[4].text]]


def test_list_markers_are_conservative():
    m = metrics()
    tab = [line("1.", 100, columns=[(108.1 + 12, "Label: de titel")])]
    assert layout.group_paragraphs(tab, m, 470, cell=True)[0].listed
    for text in ("-werkwijzen en meer", "1.5 liter water", "- niet na een gewone spatie"):
        assert not layout.group_paragraphs([line(text, 100)], m, 470, cell=True)[0].listed
    bullets = [line("• Eerste punt", 100), line("• Tweede punt", 112)]
    paras = layout.group_paragraphs(bullets, m, 470, cell=True)
    assert [(p.listed, layout.make_paragraph(p, m, body=False).text) for p in paras] == [
        (True, "Eerste punt"), (True, "Tweede punt")]


def test_a_dash_whose_space_justification_stretched_starts_no_list_item():
    """A justified line "– machinery" wrapped below a full line that justification hardly
    stretched: the gap after the dash is as wide as a tab, but holds the space the PDF draws,
    set apart from the dash (LibreOffice spreads the extra width on both sides of it)."""
    m = metrics()
    full = line("Flow snatch yi gc", 100)
    x = 90.0 + CHAR
    stretched = layout.Line(1, 112, 122, glyphs_at(90.0, "–", 10.0, False, False)
                            + [layout.Glyph(" ", x + 10.0, x + 10.0 + SPACE, 10.0)]
                            + glyphs_at(x + 20.0 + SPACE, "machinery", 10.0, False, False))
    paras = layout.group_paragraphs([full, stretched], m, full.x1 + 1.0, cell=True)
    assert [layout.make_paragraph(p, m, False).text for p in paras] == ["Flow snatch yi gc – machinery"]
    tab = line("–", 112, columns=[(x + 20.0 + SPACE, "machinery")])  # a tab: no space drawn in the gap
    assert [p.listed for p in layout.group_paragraphs([full, tab], m, full.x1 + 1.0, cell=True)] == [False, True]
    with switched_off("pdf.justified-spaces"):
        assert len(layout.group_paragraphs([full, stretched], m, full.x1 + 1.0, cell=True)) == 2
    # "(a," / "b) ô": a little extra width spread evenly on both sides of the space after "b)"
    x = 90.0 + 2 * CHAR
    letter = layout.Line(1, 112, 122, glyphs_at(90.0, "b)", 10.0, False, False)
                         + [layout.Glyph(" ", x + 1.2, x + 1.2 + SPACE, 10.0)]
                         + glyphs_at(x + 2.4 + SPACE, "ô en verder", 10.0, False, False))
    paras = layout.group_paragraphs([line("Regeringen keizer (a,", 100), letter], m, 500.0, cell=True)
    assert [layout.make_paragraph(p, m, False).text for p in paras] == ["Regeringen keizer (a, b) ô en verder"]
    flush = layout.Line(1, 112, 122, glyphs_at(90.0, "b)", 10.0, False, False)  # a space, then a tab
                        + [layout.Glyph(" ", x, x + SPACE, 10.0)] + glyphs_at(x + 2.4 + SPACE, "ô en verder", 10.0, False, False))
    assert [p.listed for p in layout.group_paragraphs([line("Regeringen keizer (a,", 100), flush], m, 500.0, cell=True)] == [
        False, True]


def test_hyphen_at_a_line_end_is_kept_and_joined_with_a_space():
    m = metrics()
    for first in (line("onderscheidt hoofd-", 100), line("onderscheidt hoofd- ", 100)):
        joined = layout.make_paragraph(layout.ParaLines([first, line("en bijzaken", 112)]), m, body=False)
        assert joined.text == "onderscheidt hoofd- en bijzaken"
    dash_start = layout.make_paragraph(layout.ParaLines([line("teamdoelen en", 100), line("-werkwijzen", 112)]), m, False)
    assert dash_start.text == "teamdoelen en -werkwijzen"


def test_a_hyphen_alone_after_a_conjunction_starts_the_word_on_the_next_line():
    """Writers break "en -werkwijzen" after its hyphen (a word part left out: the conjunction
    before it, from the vocabulary files, says so); a dash after another word stays spaced."""
    m = metrics()
    for ends, want in (("teamdoelen en -", "teamdoelen en -werkwijzen"), ("hoofd- of -", "hoofd- of -werkwijzen"),
                       ("teamdoelen -", "teamdoelen - werkwijzen")):
        joined = layout.make_paragraph(layout.ParaLines([line(ends, 100), line("werkwijzen", 112)]), m, body=False)
        assert joined.text == want
    with switched_off("pdf.suspended-hyphen"):
        joined = layout.make_paragraph(layout.ParaLines([line("en -", 100), line("werkwijzen", 112)]), m, body=False)
        assert joined.text == "en - werkwijzen"


def test_hyphens_the_writer_added_to_break_a_word_are_dropped():
    known = metrics(lexicon=layout.Lexicon(frozenset({"organisatie"})))
    for m, first, want in (
        (metrics(), "binnen de organi\xad", "binnen de organisatie werkt"),  # a soft hyphen: always
        (known, "binnen de organi-", "binnen de organisatie werkt"),  # the word seen whole elsewhere
        (metrics(), "binnen de organi-", "binnen de organi-satie werkt"),  # no evidence: the hyphen stays
    ):
        joined = layout.make_paragraph(layout.ParaLines([line(first, 100), line("satie werkt", 112)]), m, body=False)
        assert joined.text == want
    assert [n.rule for n in known.notes] == ["pdf.hyphenation"]
    with switched_off("pdf.hyphenation"):
        joined = layout.make_paragraph(layout.ParaLines([line("de organi-", 100), line("satie", 112)]), known, False)
        assert joined.text == "de organi-satie"
    words = metrics(lexicon=layout.Lexicon(frozenset({"werkwijzen"})))
    kept = layout.make_paragraph(layout.ParaLines([line("doelen en -", 100), line("werkwijzen", 112)]), words, False)
    assert kept.text == "doelen en -werkwijzen"
    inside = layout.make_paragraph(layout.ParaLines([line("zorg\xadvuldig", 100)]), metrics(), body=False)
    assert inside.text == "zorgvuldig"


def test_page_number_words_come_from_the_vocabularies():
    from pipeline.readers._pdf.words import conjunctions, page_number_pattern

    assert {"en", "of", "and", "&"} <= conjunctions()
    for text in ("Pagina 3 van 10", "Page 3 of 10", "blz. 3", "- 3 -", "3/10"):
        assert page_number_pattern().match(text), text
    assert not page_number_pattern().match("Hoofdstuk 3")


def test_numbered_items_touching_their_text():
    m = metrics()
    lines = [line("9.", 100, columns=[(108, "Negen")]), line("10.Tien", 112), line("11.Elf", 124)]
    paras = layout.group_paragraphs(lines, m, 470, cell=True)
    assert [(p.listed, p.number, layout.make_paragraph(p, m, False).text) for p in paras] == [
        (True, 9, "Negen"), (True, 10, "Tien"), (True, 11, "Elf")]


def cell(x0, x1, top, bottom, *lines_):
    return layout.RawCell(x0, top, x1, bottom, list(lines_))


def two_column_table(number, top, rows, bottom):
    """rows: (label, text, top) with label None for a merged continuation cell."""
    raw_rows = []
    for label, text, row_top in rows:
        left = cell(84.6, 300.6, row_top, row_top + 12, line(label, row_top + 0.5, number, 90.1)) if label else None
        right = cell(300.6, 516.6, row_top, row_top + 12, line(text, row_top + 0.5, number, 306.1))
        if label == "":
            left = cell(84.6, 300.6, row_top, row_top + 12)
        raw_rows.append([left, right])
    return layout.RawTable(number, top, bottom, [84.6, 300.6, 516.6], raw_rows)


def test_new_table_at_the_top_of_a_page_is_not_stitched():
    bold_name = two_column_table(2, 72, [("Plannen", "Structuur aanbrengen", 72)], 84)
    for ln in bold_name.rows[0][0].lines:
        ln.glyphs = [layout.Glyph(g.text, g.x0, g.x1, g.size, bold=True) for g in ln.glyphs]
    first = two_column_table(1, 600, [("Eigenaarschap", "Verantwoordelijkheid", 600),
                                      ("Niveau 1", "Ziet het grotere", 612), (None, "Voelt zich", 624)], 718)
    for ln in first.rows[0][0].lines:
        ln.glyphs = [layout.Glyph(g.text, g.x0, g.x1, g.size, bold=True) for g in ln.glyphs]
    blocks = layout.assemble([page(1, [], [first]), page(2, [], [bold_name])])
    assert len(tables(blocks)) == 2


def test_continued_table_with_a_level_label_is_stitched_without_merging_rows():
    first = two_column_table(1, 600, [("Naam", "Definitie", 600), ("Niveau 1", "Ziet het grotere", 612)], 718)
    rest = two_column_table(2, 72, [("Niveau 2", "toont leiderschap", 72), (None, "Maakt keuzes", 84)], 96)
    blocks = layout.assemble([page(1, [], [first]), page(2, [], [rest])])
    (table,) = tables(blocks)
    # the label cell is not empty, so the lower-case start is not a split row
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Naam", "Definitie"], ["Niveau 1", "Ziet het grotere"], ["Niveau 2", "toont leiderschap"],
        ["", "Maakt keuzes"]]
    assert isinstance(blocks[1], PageBreak)


def test_in_a_document_that_never_fills_a_page_no_table_reaches_the_bottom():
    matrix = two_column_table(1, 100, [("Competentie", "Niveau", 100), ("Samenwerken", "2", 112)], 124)
    competency = two_column_table(2, 72, [("Samenwerken", "Werkt met anderen.", 72), ("Niveau 1", "Werkt samen", 84)], 96)
    assert len(tables(layout.assemble([page(1, [], [matrix]), page(2, [], [competency])]))) == 2


def test_a_narrower_bold_first_row_after_a_page_break_starts_a_new_table():
    matrix = two_column_table(1, 600, [("Competentie", "Niveau", 600), ("Samenwerken", "2", 612)], 718)
    for cell_ in matrix.rows[0]:
        cell_.lines = [layout.Line(ln.page, ln.top, ln.bottom, [layout.Glyph(g.text, g.x0, g.x1, g.size, bold=True)
                                                                 for g in ln.glyphs]) for ln in cell_.lines]
    name = cell(84.6, 516.6, 72, 84, line("Samenwerken", 72.5, 2, 90.1, bold=True))  # merged across
    levels = [cell(84.6, 300.6, 84, 96, line("Niveau 1", 84.5, 2, 90.1)),
              cell(300.6, 516.6, 84, 96, line("Werkt samen.", 84.5, 2, 306.1))]
    competency = layout.RawTable(2, 72, 96, [84.6, 300.6, 516.6], [[name], levels])
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    assert len(tables(layout.assemble([page(1, [], [matrix]), page(2, [], [competency]), filler]))) == 2


def test_joins_across_a_page_break_and_cut_words_leave_notes():
    rest = [(None, "bespreekt intenties", 72), (None, "Respecteert anderen", 84)]
    at_bottom = two_column_table(1, 600, [("Naam", "Definitie", 600), ("Niveau 1", "Is open over en", 700)], 718)
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    blocks = layout.assemble([page(1, [], [at_bottom]), page(2, [], [two_column_table(2, 72, rest, 96)]), filler])
    (note,) = [b for b in blocks if isinstance(b, Note)]
    assert (note.rule, note.origin.page, note.origin.top) == ("pdf.row-across-page", 2, 72)
    body = [line("Een alinea die doorloopt tot aan de onderkant van de bladzijde", 700),
            line("en hier verder gaat.", 72, page=2)]
    blocks = layout.assemble([page(1, body[:1]), page(2, body[1:]), filler])
    assert [b.rule for b in blocks if isinstance(b, Note)] == ["pdf.paragraph-across-page"]
    m = metrics()
    cut = layout.make_paragraph(layout.ParaLines([line("Competenti", 100), line("eniveau 1", 112)]), m, False, 140.0)
    assert cut.text == "Competentieniveau 1"
    assert [(n.rule, n.origin.top) for n in m.notes] == [("pdf.cut-word", 112)]


def test_a_one_word_line_with_room_for_the_drawn_wrap_space_but_none_was_cut_inside_a_word():
    """LibreOffice draws the space a line wraps at where it fits: "Competentie" leaves room for
    it (4 pt, the space 3 pt) and draws none, so the line did not wrap at a space, though the
    document shows "niveau" as a word of its own."""
    lexicon = layout.Lexicon(words=frozenset({"niveau"}))
    lines = [line("Competentie", 100), line("niveau 1", 112)]
    edge = lines[0].x1 + 4.0  # not one more letter (5 pt) fits; a space (3 pt) does

    def text(wrap_space):
        m = metrics(lexicon=lexicon, wrap_space=wrap_space)
        return layout.make_paragraph(layout.ParaLines(lines), m, False, edge).text

    assert text(None) == "Competentie niveau 1"  # no drawn spaces: the document's words decide
    assert text(SPACE / 10.0) == "Competentieniveau 1"
    assert text(0.36) == "Competentie niveau 1"  # a wider space would not have fitted: no evidence


def test_a_word_surely_cut_in_one_column_is_known_for_the_others():
    """Five level labels "Competentie" / "niveau N" in columns of slightly different widths:
    where one leaves room for the drawn wrap space, it was surely cut, and the lexicon knows
    "competentieniveau" for the columns where the room is too small to tell."""
    wide, narrow = [line("Competentie", 100), line("niveau 1", 112)], [line("Competentie", 100), line("niveau 2", 112)]
    columns = [(wide, wide[0].x1 + 4.0, True, True), (narrow, narrow[0].x1 + 2.0, True, True),
               ([line("Het niveau is hoog", 200)], 400.0, True, True)]  # "niveau" a word of its own
    lexicon = layout.Lexicon.of(columns, wrap_space=SPACE / 10.0)
    assert lexicon.shows_elsewhere("competentieniveau") and lexicon.knows("niveau")
    m = metrics(lexicon=lexicon, wrap_space=SPACE / 10.0)
    assert layout.make_paragraph(layout.ParaLines(narrow), m, False, narrow[0].x1 + 2.0).text == "Competentieniveau 2"
    assert not layout.Lexicon.of(columns).knows("competentieniveau")  # no drawn wrap spaces: nothing sure
    with switched_off("pdf.cut-at-drawn-space"):
        assert not layout.Lexicon.of(columns, wrap_space=SPACE / 10.0).knows("competentieniveau")


def test_the_wrap_space_is_measured_where_the_writer_draws_it():
    from pipeline.readers._pdf.metrics import measure

    wrapped = [line("een regel die " if k % 2 == 0 else "verder gaat", 100 + 12 * k) for k in range(12)]
    assert measure([page(1, wrapped)], set()).wrap_space == SPACE / 10.0
    with switched_off("pdf.cut-at-drawn-space"):
        assert measure([page(1, wrapped)], set()).wrap_space is None
    bare = [line("een regel die" if k % 2 == 0 else "verder gaat", 100 + 12 * k) for k in range(12)]
    assert measure([page(1, bare)], set()).wrap_space is None


def test_a_cut_word_learnt_from_one_place_is_no_evidence_for_that_place():
    """"ondersteun" fills its line and "geholpen" follows: one cut word or two words? The run
    of pieces teaches the lexicon "ondersteungeholpen"; learnt there alone, it says nothing
    about that very place. Shown cut in a second place, it is evidence."""
    edge = 90 + 10 * CHAR  # "ondersteun" fills the column: not one more letter fits

    lines = [line("Het werk", 100), line("ondersteun", 112), line("geholpen ook", 124)]
    once, twice = (layout.Lexicon.of([(lines, edge, True, True)] * places) for places in (1, 2))
    assert once.knows("ondersteungeholpen") and not once.shows_elsewhere("ondersteungeholpen")
    assert twice.shows_elsewhere("ondersteungeholpen")
    assert (once | layout.Lexicon(words=frozenset({"ondersteungeholpen"}))).shows_elsewhere("ondersteungeholpen")
    # the joined word would be 1.8 columns wide: too wide for a cut, unless shown elsewhere
    assert layout.make_paragraph(layout.ParaLines(lines), metrics(lexicon=once), False, edge).text == (
        "Het werk ondersteun geholpen ook")
    assert layout.make_paragraph(layout.ParaLines(lines), metrics(lexicon=twice), False, edge).text == (
        "Het werk ondersteungeholpen ook")
    closing = [line("Het werk", 100), line("signaleert", 112), line("; meer", 124)]  # no line starts with ";"
    learnt = frozenset({"signaleert"})  # learnt from this place alone ("signaleert" / ";"), a word of its own
    known = metrics(lexicon=layout.Lexicon(words=learnt, once=learnt))
    assert layout.make_paragraph(layout.ParaLines(closing), known, False, edge).text == "Het werk signaleert; meer"


def test_letters_at_a_full_line_that_end_and_start_the_documents_words_are_two_words():
    """"combining" fills its line, "gentle" goes on below: cut or two words? The joined word
    would be 1.7 columns wide (a cut, by width), but the document's words end in "ing" and start
    with "gen", and none runs on through "ngge" or "nge": two words, with a note. A cut
    "inaugurat" / "ion" runs on as the document's words do ("station"); a rest of two letters
    says nothing ("en" ends words as often as it is one)."""
    words = frozenset({"nothing", "general", "genie", "during", "station", "nation", "ionic", "tiony"})
    m = metrics(lexicon=layout.Lexicon(words=words))

    def text(head, rest, lexicon_metrics=m):
        lines = [line(head, 100), line(f"{rest} ook", 112)]
        return layout.make_paragraph(layout.ParaLines(lines), lexicon_metrics, False, 90 + len(head) * CHAR).text

    assert layout.Lexicon(words=words).break_shape("combining", "gentle") == (0, 4)
    assert text("combining", "gentle") == "combining gentle ook"
    assert [(n.rule, n.origin.top) for n in m.notes] == [("pdf.word-shape", 112)]
    assert text("inaugurat", "ion") == "inaugurat" + "ion ook"
    assert text("stationaire", "en") == "stationaireen ook"
    with switched_off("pdf.word-shape"):
        assert text("combining", "gentle", metrics(lexicon=layout.Lexicon(words=words))) == "combininggentle ook"


def test_a_short_rest_no_word_ends_with_is_a_word_of_its_own():
    """"proprietor" fills its line, "ô" goes on below: the document shows "ô" as a word of its
    own and none of its words ends in "ô", so it is no cut word's end (with a note); "n", which
    ends "werken", may be."""
    lexicon = layout.Lexicon(words=frozenset({"ô", "n", "werken", "proprietors"}))
    assert not lexicon.ends_a_word("ô") and lexicon.ends_a_word("n")

    def text(rest):
        m = metrics(lexicon=lexicon)
        lines = [line("proprietor", 100), line(f"{rest} ook", 112)]
        return layout.make_paragraph(layout.ParaLines(lines), m, False, 90 + 10 * CHAR).text, [n.rule for n in m.notes]

    assert text("ô") == ("proprietor ô ook", ["pdf.cut-word"])
    assert text("n") == ("proprietorn ook", ["pdf.cut-word"])


def test_a_justified_word_space_at_another_tables_column_edge_cuts_no_cell():
    """A justified definition row of a table without rulings, merged across the level columns:
    "en" starts 2 pt right of a level column's edge, after a gap of 7.6 pt that holds a space
    LibreOffice spread evenly (2.3 pt either side). That is a word space, not a cell's edge; a
    space drawn right after the text before the gap (a cell's end) leaves the cut."""
    from pipeline.readers._pdf.borderless import split_at_columns

    def seg(space_x0):
        glyphs = glyphs_at(250.0, "hoofd-", 11.0, False, False)  # ends at 280
        glyphs.append(layout.Glyph(" ", space_x0, space_x0 + 2.9, 11.0))
        glyphs += glyphs_at(287.6, "en", 11.0, False, False)
        return layout.Line(1, 71.0, 82.0, glyphs)

    columns = [90.0, 198.0, 285.6, 414.0]
    assert [p.text for p in split_at_columns(seg(282.3), columns)] == ["hoofd- en"]
    assert [p.text.strip() for p in split_at_columns(seg(280.0), columns)] == ["hoofd-", "en"]
    with switched_off("pdf.justified-spaces"):
        assert len(split_at_columns(seg(282.3), columns)) == 2


def test_a_rest_with_an_apostrophe_inside_goes_on_a_cut_word():
    """"Televisieprogr" / "amma's": the rest of a word cut at the column's edge may hold an
    apostrophe (a Dutch plural, an English possessive); "'s" alone or "e.g.," may not."""
    m = metrics()
    lines = [line("Televisieprogr", 100), line("amma's ook", 112)]
    assert layout.make_paragraph(layout.ParaLines(lines), m, False, 90 + 14 * CHAR).text == "Televisieprogramma's ook"


def test_split_row_needs_the_bottom_of_the_page():
    rest = [(None, "bespreekt intenties", 72), (None, "Respecteert anderen", 84)]
    at_bottom = two_column_table(1, 600, [("Naam", "Definitie", 600), ("Niveau 1", "Is open over en", 700)], 718)
    higher_up = two_column_table(1, 500, [("Naam", "Definitie", 500), ("Niveau 1", "Is open over en", 600)], 612)
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])  # sets the bottom of the text area
    merged = tables(layout.assemble([page(1, [], [at_bottom]), page(2, [], [two_column_table(2, 72, rest, 96)]), filler]))
    assert [c.text for c in merged[0].rows[1].cells] == ["Niveau 1", "Is open over en bespreekt intenties"]
    apart = tables(layout.assemble([page(1, [], [higher_up]), page(2, [], [two_column_table(2, 72, rest, 96)]), filler]))
    assert len(apart[0].rows) == 4 and apart[0].rows[2].cells[1].text == "bespreekt intenties"


def test_font_styles_from_names():
    style = pdf._style_from_name
    assert style("BAAAAA+DejaVuSans-Oblique") == (True, False)
    assert style("CAAAAA+DejaVuSans-Bold") == (False, True)
    assert style("Arial-BoldItalicMT") == (True, True)
    assert style("MinionPro-It") == (True, False)
    assert style("MyriadPro-SemiboldIt") == (True, True)
    assert style("TimesNewRomanPS-BI") == (True, True)
    assert style("Calibri") == (False, False)
    assert style("ABCDEF+Calibri,Bold") == (False, True)
    assert style("Helvetica-Light") == (False, False)


def test_empty_cells_have_no_paragraphs(reference_blocks):
    matrix = tables(reference_blocks)[0]
    assert matrix.rows[1].cells[1] == Cell((), origin=matrix.rows[1].cells[1].origin)
    assert isinstance(matrix.rows[1], Row)


# ---------------------------------------------------------------------------------------------
# The document's own words: the line-break questions geometry cannot answer


def test_lexicon_keeps_only_words_the_layout_shows_whole():
    cell_lines = [
        line("• Overleg met Zoë over", 100),  # a marker, then a capitalised name mid-sentence
        line("financiële", 112),  # alone on a full line: it may be the start of a cut word
        line("draagt bij.", 124),  # after a one-word line: "draagt" may be the rest of a cut
        line("Plant het werk", 136),  # after a line of two words: a break at a space
        line("vraagstuk", 148),  # "k" would not have fitted after it: maybe cut
        line("ken", 160),  # the end of the column: "ken" ends here, but may start mid-word
    ]
    body = [line("Het P&O team. Samen met de financiële afdeling", 300), line("Competentieniveau 2 Basis", 312, bold=True)]
    lexicon = layout.Lexicon.of([(cell_lines, 90 + 10 * CHAR, True, True), (body, None, True, True)])
    assert {"overleg", "zoë", "bij", "plant", "werk", "financiële", "team", "samen", "afdeling"} <= lexicon.words
    assert not {"draagt", "vraagstuk", "ken", "•", "competentieniveau"} & lexicon.words
    assert lexicon.names == {"zoë", "p&o"}  # not "Samen" after a full stop, nor bold "Basis"


def paragraph_text(lines, right_edge, **lexicon):
    m = metrics(lexicon=layout.Lexicon(**{k: frozenset(v) for k, v in lexicon.items()}))
    return layout.make_paragraph(layout.ParaLines(lines), m, body=False, right_edge=right_edge).text


def test_a_word_filling_a_narrow_line_or_a_word_cut_at_the_edge():
    edge = 90 + 10 * CHAR  # room for ten characters
    filled = [line("financiële", 100), line("draagt bij", 112)]
    # geometry alone cannot tell: a cut is the guess, the document's words decide
    assert paragraph_text(filled, edge) == "financiëledraagt bij"
    assert paragraph_text(filled, edge, words={"financiële", "draagt"}) == "financiële draagt bij"
    assert paragraph_text(filled, edge, words={"draagt"}) == "financiële draagt bij"  # a rest of 3+ letters
    assert paragraph_text(filled, edge, words={"financiële"}) == "financiële draagt bij"  # a whole word
    # a word over three lines: the rest is cut again, and the whole of it is what the words know
    three = [line("verantwoor", 100), line("delijkheid", 112), line("sgevoel en", 124)]
    assert paragraph_text(three, edge) == "verantwoordelijkheidsgevoel en"
    assert paragraph_text(three, edge, words={"delijkheidsgevoel"}) == "verantwoor delijkheidsgevoel en"
    # a one-letter line is no cut word: the next letter would have fitted after it
    assert paragraph_text([line("'", 100), line("prioriteit", 112)], edge, words={"prioriteit"}) == "' prioriteit"
    cut = [line("vraagstuk", 100), line("ken en meer", 112)]
    assert paragraph_text(cut, 90 + 9 * CHAR) == "vraagstukken en meer"
    assert paragraph_text(cut, 90 + 9 * CHAR, words={"vraagstuk", "ken", "vraagstukken"}) == "vraagstukken en meer"
    assert paragraph_text(cut, 90 + 9 * CHAR, words={"vraagstuk", "ken"}) == "vraagstuk ken en meer"
    # closing punctuation cannot start a line after a break at a space: the rest of the word
    assert paragraph_text([line("'zichtbaar", 100), line("' en meer", 112)], 90 + 10 * CHAR) == "'zichtbaar' en meer"
    # the rest would have fitted on the line: never a cut, whatever the words
    assert paragraph_text([line("een", 100), line("ken", 112)], edge, words={"eenken"}) == "een ken"


def test_a_space_the_pdf_draws_at_a_line_end_is_a_break_between_words():
    edge = 90 + 10 * CHAR
    filled = line("financiële", 100)
    filled.glyphs = filled.glyphs + [layout.Glyph(" ", filled.x1, filled.x1 + SPACE, 10.0)]  # drawn, not added
    assert paragraph_text([filled, line("draagt bij", 112)], edge) == "financiële draagt bij"
    assert paragraph_text([filled, line("draagt bij", 112)], edge, words={"financiëledraagt"}) == "financiële draagt bij"
    # the lexicon takes it as a sure break: the word before it is whole
    lexicon = layout.Lexicon.of([([line("één", 88), filled, line("draagt bij", 112)], edge, True, True)])
    assert lexicon.knows("financiële")


def test_a_capitalised_name_at_a_line_start_does_not_start_a_paragraph():
    edge = 90 + 20 * CHAR
    lines = [line("Werkt samen met een", 100), line("Zoë en de anderen", 112)]
    m = metrics()
    assert len(layout.group_paragraphs(lines, m, edge, cell=True)) == 2
    m = metrics(lexicon=layout.Lexicon(names=frozenset({"zoë"})))
    assert len(layout.group_paragraphs(lines, m, edge, cell=True)) == 1


def test_a_word_cut_by_the_page_break_is_joined_without_a_space():
    def narrow(number, rows, top, bottom):  # a right column with room for nine characters
        raw_rows = [[cell(84.6, 300.6, t, t + 12, line(label, t + 0.5, number, 90.1)) if label else None,
                     cell(300.6, 356.6, t, t + 12, line(text, t + 0.5, number, 306.1))] for label, text, t in rows]
        return layout.RawTable(number, top, bottom, [84.6, 300.6, 356.6], raw_rows)

    first = narrow(1, [("Naam", "Definitie", 600), ("Niveau 1", "Signaleer", 700)], 600, 718)
    for rest, filler, expected in (
        ("t tijdig", "Tekst tot onderaan de pagina", "Signaleert tijdig"),
        ("tijdig", "Tekst tot onderaan de pagina", "Signaleertijdig"),  # geometry alone: a cut
        ("tijdig", "De tekst met signaleer en tijdig erin", "Signaleer tijdig"),  # the document's words
    ):
        parts = [page(1, [], [first]), page(2, [], [narrow(2, [(None, rest, 72)], 72, 84)]), page(3, [line(filler, 708)])]
        assert tables(layout.assemble(parts))[0].rows[1].cells[1].text == expected


def test_lexicon_learns_a_cut_word_that_no_known_word_explains():
    edge = 90 + 8 * CHAR  # room for eight characters
    cell_lines = [
        line("één rol", 100),
        line("samenwer", 112),  # a sure start (after two words), a full line: a cut or two words
        line("king mee", 124),
        line("en verder", 136),
        line("signaleer", 148),  # the same again, with a piece that splits off a joined word
        line("samenwer", 160),
        line("king", 172),
    ]
    lexicon = layout.Lexicon.of([(cell_lines, edge, True, True)])
    assert lexicon.knows("samenwerking")  # from the first run: no known word explains its pieces
    assert not lexicon.knows("signaleersamenwerking")  # its rest is the word learnt above


def test_a_column_ends_without_the_space_put_in_the_gap():
    gap = layout.Glyph(" ", 90 + 13 * CHAR, 300.0, 10.0, inserted=True)  # the reader's space for a gap
    first = layout.Line(1, 100, 110, glyphs_at(90, "Analyses zij-", 10.0, False, False) + [gap] + glyphs_at(300, "Timely", 10.0, False, False))
    left, right = first.segments()
    assert (left.text, right.text) == ("Analyses zij-", "Timely") and not left.glyphs[-1].blank
    joined = layout.make_paragraph(layout.ParaLines([left, line("haar werk", 112)]), metrics(), body=False)
    assert joined.text == "Analyses zij-haar werk"


# ---------------------------------------------------------------------------------------------
# Tables without rulings: where a column's text ends, and tables cut by a page break


def borderless_rows(lines, known=(), above=None):
    ((start, end, raw),) = layout.find_borderless_tables(lines, metrics(), list(known), above)
    return [[" / ".join(ln.text for ln in c.lines) for c in row if c is not None] for row in raw.rows]


def test_text_merged_across_columns_does_not_widen_a_column():
    lines = [
        line("Naam", 100, columns=[(200, "Een lange definitie over alle kolommen")]),  # runs over column 3
        line("verder.", 112, x0=200),
        line("Basis", 136, columns=[(200, "Midden"), (310, "Hoog"), (420, "Top")]),
        line("Eerste", 160, columns=[(200, "Kort woord"), (310, "Iets")]),
        # "Langerwoorden" fits in the merged definition's width, not in column 2: a wrapped line
        line("regel", 172, columns=[(200, "Langerwoorden")]),
        line("Tweede", 196, columns=[(200, "Midden kolom tekst")]),
    ]
    rows = borderless_rows(lines)
    assert len(rows) == 4
    assert rows[2][:2] == ["Eerste / regel", "Kort woord / Langerwoorden"]


def test_a_bold_name_ending_a_borderless_table_heads_the_table_written_across_below_it():
    # XHTML printers draw the matrix and the competency's table touching: the name, in the first
    # column alone, fits the matrix's columns; the definition below it runs across them
    lines = [
        line("Competentie", 100, bold=True, columns=[(310, "Niveau")]),
        line("Analyseren", 116, columns=[(310, "2")]),
        line("Plannen", 132, columns=[(310, "3")]),
        line("Samenwerken", 148, bold=True),
        line("Werkt met anderen aan een gezamenlijk doel en deelt", 164, italic=True),
        line("Niveau 1", 180, columns=[(310, "Ziet kansen.")]),
        line("Niveau 2", 196, columns=[(310, "Plant zijn werk.")]),
    ]

    def tables_of(found):
        return [[" / ".join(ln.text for ln in c.lines) for row in raw.rows for c in row if c is not None]
                for _, _, raw in found]

    matrix, levels = tables_of(layout.find_borderless_tables(lines, metrics()))
    assert matrix == ["Competentie", "Niveau", "Analyseren", "2", "Plannen", "3"]
    assert levels[:2] == ["Samenwerken", "Werkt met anderen aan een gezamenlijk doel en deelt"]
    with switched_off("pdf.name-row-below-table"):
        matrix, levels = tables_of(layout.find_borderless_tables(lines, metrics()))
    assert matrix[-2:] == ["Samenwerken", ""] and levels[0] == "Werkt met anderen aan een gezamenlijk doel en deelt"


def test_a_list_number_hung_left_of_its_column_starts_that_column_s_cell():
    # browsers hang a list's numbers left of its text: "20." stands 4 pt right of column 2's
    # edge (where its label starts), 11 pt from column 1's text: less than a column gap
    first = line("19. Doet iets heel goed", 124, x0=96)
    first.glyphs.append(layout.Glyph(" ", 203, 214, 10.0, inserted=True))  # the gap, as the reader fills it
    first.glyphs += glyphs_at(214, "20. ", 10.0, False, False) + glyphs_at(236, "Doet meer", 10.0, False, False)
    lines = [
        line("Basis", 100, x0=96, columns=[(210, "Gevorderd")]),
        first,
        line("en verder", 136, x0=114, columns=[(236, "en nog")]),
    ]
    assert len(first.segments()) == 1
    assert borderless_rows(lines) == [
        ["Basis", "Gevorderd"], ["19. Doet iets heel goed / en verder", "20. Doet meer / en nog"]]
    with switched_off("pdf.hanging-marker"):
        assert layout.find_borderless_tables(lines, metrics()) == []  # the joined line ends the columns


def test_a_table_continued_at_the_top_of_a_page_takes_the_latest_columns():
    known = [[90.0, 310.0], [90.0, 200.0, 310.0, 420.0]]  # a matrix, then a levels table
    ((_, _, raw),) = layout.find_borderless_tables([line("Overzicht", 72, page=2, x0=310)], metrics(), known)
    assert raw.columns[:-1] == known[-1]


def test_first_column_alone_at_the_top_of_a_page_continues_a_table_when_wrapped_narrow():
    known = [[90.0, 200.0, 310.0, 420.0]]
    rest = [line("Kaart visie.", 72, page=2), line("Informatie drie", 96, page=2), line("detail en meer", 108, page=2)]
    # "detail" would have fitted on the line above in body text: these lines wrap at the column
    assert [row[0] for row in borderless_rows(rest, known)] == ["Kaart visie.", "Informatie drie / detail en meer"]
    body = [line("Korte alinea.", 72, page=2), line("Nog een alinea.", 84, page=2)]
    assert layout.find_borderless_tables(body, metrics(), known) == []


def test_a_cell_paragraph_beside_a_running_sentence_is_not_a_row():
    lines = [
        line("Eerste punt", 100, columns=[(200, "Ander punt")]),
        line("loopt door", 112, columns=[(200, "met meer.")]),
        line("en nog", 124),
        line("Tweede alinea", 130, x0=200),  # paragraph spacing in column 2 only: lines out of step
        line("verder.", 136),
        line("Nieuw", 160, columns=[(200, "Rij")]),
    ]
    assert borderless_rows(lines) == [
        ["Eerste punt / loopt door / en nog / verder.", "Ander punt / met meer. / Tweede alinea"], ["Nieuw", "Rij"]]


def test_paragraphs_in_step_join_their_row_when_a_sentence_runs_on():
    lines = [
        line("Eerste.", 100, columns=[(200, "Kort")]),
        line("en klein.", 112, x0=200),
        line("Tweede punt", 118),  # after paragraph spacing, as in every cell below
        line("loopt", 130, columns=[(200, "Nieuw punt")]),  # "loopt" goes on: no row starts here
        line("verder", 142),
    ]
    assert borderless_rows(lines) == [["Eerste. / Tweede punt / loopt / verder", "Kort / en klein. / Nieuw punt"]]


def test_a_label_after_whole_empty_lines_starts_a_row_beside_a_running_sentence():
    lines = [
        line("Niveau 1", 100, columns=[(200, "Doet iets en")]),
        line("meer dingen", 112, x0=200),
        line("Niveau 2", 124, columns=[(200, "en verder")]),  # no spacing anywhere: a new row
    ]
    assert borderless_rows(lines) == [["Niveau 1", "Doet iets en / meer dingen"], ["Niveau 2", "en verder"]]


def test_a_wrapped_line_goes_on_beside_a_paragraph_spaced_by_whole_lines():
    # the next column's paragraphs are spaced by exactly one empty line: its new paragraph looks
    # like a label after a pause, but column 1's "doorloopt" would have run into column 2
    lines = [
        line("Basis", 112, columns=[(230, "Gevorderd")]),  # rows not spaced apart (see the next test)
        line("Een lange zin die", 124, columns=[(230, "Kort punt.")]),
        line("verder gaat en nog wat", 136),  # ends at 192: "doorloopt" (45 pt) runs past 230
        line("doorloopt tot hier", 148, columns=[(230, "Tweede punt.")]),
    ]
    assert borderless_rows(lines) == [
        ["Basis", "Gevorderd"],
        ["Een lange zin die / verder gaat en nog wat / doorloopt tot hier", "Kort punt. / Tweede punt."]]
    with switched_off("pdf.wrapped-in-column"):
        assert len(borderless_rows(lines)) == 3


def test_in_a_table_with_spaced_rows_the_last_column_goes_on_one_pitch_below():
    # rows stand 12 pt apart beyond a line; paragraphs of a cell one empty line (whole lines):
    # the last column's "oekraine" goes on one pitch below its text, beside a new paragraph
    lines = [
        line("Basis", 100, columns=[(230, "Gevorderd")]),
        line("Minimaal doel.", 124, columns=[(230, "Bronzen wapens en")]),
        line("verder gaan met", 136, x0=230),
        line("Klaas werkt.", 148, columns=[(230, "oekraine hebben?")]),
    ]
    assert borderless_rows(lines) == [
        ["Basis", "Gevorderd"],
        ["Minimaal doel. / Klaas werkt.", "Bronzen wapens en / verder gaan met / oekraine hebben?"]]
    with switched_off("pdf.spaced-rows"):
        assert len(borderless_rows(lines)) == 3
    # rows without spacing: a label beside a lower-case start is a new row (see above)
    close = [line("Basis", 100, columns=[(230, "Gevorderd")])] + [replace(ln, top=ln.top - 12, bottom=ln.bottom - 12) for ln in lines[1:]]
    assert len(borderless_rows(close)) == 3


def test_a_name_close_to_the_next_column_beside_its_definition_is_a_row():
    name_and_definition = line("Verantwoordelijkheid", 100, bold=True)  # ends 10 pt before column 2
    name_and_definition.glyphs += glyphs_at(200, "Een definitie over twee kolommen", 10.0, True, False)
    lines = [
        name_and_definition,
        line("en verder.", 112, x0=200, italic=True),
        line("Basis", 136, columns=[(200, "Midden"), (310, "Hoog")]),
        line("Doet iets", 160, columns=[(200, "Doet meer"), (310, "Doet alles")]),
    ]
    assert borderless_rows(lines) == [
        ["Verantwoordelijkheid", "Een definitie over twee kolommen / en verder."],
        ["Basis", "Midden", "Hoog"], ["Doet iets", "Doet meer", "Doet alles"]]


def justified(x0, words, gap, size=10.0, apart=True):
    """Words set apart by `gap` with the space the PDF draws in each gap: in its middle
    (LibreOffice spreads a justified line's extra width on both sides) or, with `apart` off,
    right after the word (a space the text ends with)."""
    glyphs, x = [], x0
    for k, word in enumerate(words):
        if k:
            at = x + (gap - SPACE) / 2 if apart else x
            glyphs.append(layout.Glyph(" ", at, at + SPACE, size))
            x += gap
        glyphs += glyphs_at(x, word, size, False, False)
        x = glyphs[-1].x1
    return glyphs


def test_a_justified_line_s_stretched_spaces_are_no_column_gaps():
    label = glyphs_at(90, "Basis", 10.0, False, False)
    stretched = layout.Line(1, 100, 110, label + justified(200, ["Doet", "iets", "heel", "goed"], 16.0))
    assert [seg.text for seg in stretched.segments()] == ["Basis", "Doet iets heel goed"]
    trailing = layout.Line(1, 100, 110, label + justified(200, ["Doet", "iets"], 16.0, apart=False))
    assert [seg.text for seg in trailing.segments()] == ["Basis", "Doet", "iets"]  # a space a cell ends with
    with switched_off("pdf.justified-spaces"):  # (a new line: a line keeps the segments it was cut into)
        assert len(layout.Line(1, 100, 110, list(stretched.glyphs)).segments()) == 5
    lines = [
        stretched,
        line("verder", 112, x0=200),
        layout.Line(1, 136, 146, glyphs_at(90, "Midden", 10.0, False, False) + justified(200, ["Meer", "nog"], 30.0)),
    ]
    assert borderless_rows(lines) == [["Basis", "Doet iets heel goed / verder"], ["Midden", "Meer nog"]]


def test_no_row_starts_where_a_column_surely_wraps_on():
    """Beside a paragraph that ended ("doel:", "Marie" would have fitted after it) the first
    column wraps on: its line ends in the space the writer draws at a wrap. A row cannot start
    in the middle of a paragraph."""
    def rows(first, m):
        lines = [
            line("Basis", 76, columns=[(200, "Midden en nog veel meer tekst")]),
            line(first, 100, columns=[(200, "doel:")]),
            line("Acceptable", 112, columns=[(200, "Marie socks")]),
        ]
        ((_, _, raw),) = layout.find_borderless_tables(lines, m, [])
        return [[" / ".join(ln.text for ln in c.lines) for c in row if c is not None] for row in raw.rows]

    drawn = metrics(drawn_spaces=True)
    joined = [["Basis", "Midden en nog veel meer tekst"], ["Sentence jen / Acceptable", "doel: / Marie socks"]]
    assert rows("Sentence jen ", drawn) == joined
    assert rows("Sentence jen", drawn) == [joined[0], ["Sentence jen", "doel:"], ["Acceptable", "Marie socks"]]
    with switched_off("pdf.row-mid-paragraph"):
        assert len(rows("Sentence jen ", drawn)) == 3


def test_columns_out_of_step_keep_their_own_heights():
    """Two columns whose paragraphs are spaced differently drift apart: lines 2 pt apart make
    one line of the page, but each column's text keeps its own height, so the next paragraph in
    column 2 stands a paragraph's spacing below, not two whole lines (a pause before a label)."""
    def placed(x, text, top):
        return [replace(g, top=top, bottom=top + 10.0) for g in glyphs_at(x, text, 10.0, False, False)]

    def stepped(*parts):  # (x, text, the top of its own glyphs)
        glyphs = [g for x, text, top in parts for g in placed(x, text, top)]
        return layout.Line(1, min(top for *_, top in parts), max(top for *_, top in parts) + 10.0, glyphs)

    lines = [
        stepped((90, "Eerste punt", 100), (200, "Ander punt", 100)),
        stepped((90, "loopt door.", 112), (200, "met meer", 112)),
        stepped((200, "en nog meer", 124)),
        stepped((90, "Tweede punt", 134), (200, "tot het einde.", 136)),  # one line, 2 pt apart
        stepped((90, "dat verder", 146)),
        stepped((90, "gaat", 158), (200, "Nieuw punt", 158)),  # "gaat" goes on: no row starts here
    ]
    assert borderless_rows(lines) == [["Eerste punt / loopt door. / Tweede punt / dat verder / gaat",
                                       "Ander punt / met meer / en nog meer / tot het einde. / Nieuw punt"]]


def test_cells_split_at_a_column_gap_and_lose_the_gap():
    first = line("Mist het", 100, columns=[(234, "Kwaliteit zij-")])
    first.glyphs.append(layout.Glyph(" ", first.glyphs[-1].x1, 378, 10.0, inserted=True))  # the column gap
    first.glyphs += glyphs_at(378, "Tekst", 10.0, False, False)
    lines = [
        first,
        line("d.", 112, x0=108, columns=[(252, "haar werk")]),  # "d." looks like a list marker
        line("Nog", 136, columns=[(234, "Meer"), (378, "Iets")]),
    ]
    ((_, _, raw),) = layout.find_borderless_tables(lines, metrics(), [])
    table = layout.make_table(raw, metrics())
    assert [c.text for c in table.rows[0].cells] == ["Mist het d.", "Kwaliteit zij-haar werk", "Tekst"]


def test_a_row_cut_by_the_page_break_goes_on_with_a_name():
    at_bottom = two_column_table(1, 600, [("Naam", "Definitie", 600), ("Niveau 1", "Werkt samen met", 700)], 718)
    rest = [(None, "P&O en anderen", 72), (None, "Respecteert anderen", 84)]
    for filler, joined in (("Overleg met P&O over het werk", True), ("Overleg over het werk van P", False)):
        pages = [page(1, [], [at_bottom]), page(2, [], [two_column_table(2, 72, rest, 96)]), page(3, [line(filler, 708)])]
        (table,) = tables(layout.assemble(pages))
        texts = [r.cells[1].text for r in table.rows]
        assert ("Werkt samen met P&O en anderen" in texts) == joined


def test_line_pitch_is_measured_within_one_column_of_text():
    from pipeline.readers._pdf.metrics import measure

    lines = [  # two columns of a table without rulings, their lines out of step
        line("Een regel", 100), line("en nog een", 103, x0=200), line("verder", 112), line("en meer", 115, x0=200),
        line("tot slot", 124), line("Slot van", 148), line("de tekst", 160),
    ]
    assert measure([page(1, lines)], set()).body_pitch == pytest.approx(1.2)


def test_a_table_continued_in_some_of_its_columns_keeps_all_of_them():
    known = [[90.0, 234.0, 378.0]]
    rest = [
        line("résumé sees", 72, page=2, x0=234, columns=[(378, "cooperation")]),  # the first column is empty here
        line("available", 84, page=2, x0=234),
        line("Chances", 108, page=2, x0=234, columns=[(378, "Own tijd")]),
    ]
    ((_, _, raw),) = layout.find_borderless_tables(rest, metrics(), known)
    assert raw.columns[:-1] == known[-1]
    assert [[c.lines[0].text if c.lines else "" for c in row] for row in raw.rows][0] == ["", "résumé sees", "cooperation"]


def test_a_bullet_close_to_the_text_of_the_column_before_it():
    lines = [
        line("Niveau 1", 100, columns=[(234, "Niveau 2"), (378, "Niveau 3")]),
        # the second bullet is 9 pt after the first cell's text: one segment with it
        line("• Eerste punt met lange tekst", 124, columns=[(234, "•"), (252, "Tweede punt"), (378, "• Derde")]),
        line("vervolg", 136, x0=98, columns=[(252, "vervolg"), (396, "vervolg")]),
    ]
    ((start, end, raw),) = layout.find_borderless_tables(lines, metrics(), [])
    assert (start, end, raw.columns[:-1]) == (0, 3, [90.0, 234.0, 378.0])
    assert [c.lines[0].text for c in raw.rows[1]] == ["• Eerste punt met lange tekst", "•Tweede punt", "• Derde"]


def test_a_first_row_alone_at_the_end_of_a_page_goes_on_on_the_next():
    levels = [("Basis", "Midden", "Hoog"), ("Doet iets", "Doet meer", "Doet alles")]

    def level_rows(number, top):
        return [line(a, top + 12 * k, number, columns=[(200, b), (310, c)]) for k, (a, b, c) in enumerate(levels)]

    first = level_rows(1, 100) + [line("Structures", 700, columns=[(200, "Works clients takes cooperation")])]
    rest = [
        line("teams", 72, 2, columns=[(200, "timely and more words here")]),  # the name and definition go on
        line("overview (a, b).", 84, 2, x0=200),
    ] + level_rows(2, 108)
    (_, table) = tables(layout.assemble([page(1, first), page(2, rest)]))
    assert [c.text for c in table.rows[0].cells] == [
        "Structures teams", "Works clients takes cooperation timely and more words here overview (a, b)."]
    assert len(table.rows) == 3


def test_a_table_continued_in_list_text_indented_into_its_columns():
    known = [[90.0, 198.0, 306.0, 414.0]]
    rest = [  # the rest of two list items, at their text's indent (18 pt) into columns 3 and 4
        line("analyseert?", 72, page=2, x0=324, columns=[(432, "samenwerkin")]),
        line("g één", 84, page=2, x0=432),
        line("voortgang", 96, page=2, x0=432),
    ]
    ((_, _, raw),) = layout.find_borderless_tables(rest, metrics(), known)
    assert raw.columns[:-1] == known[-1]


def test_a_table_head_at_the_end_of_a_page_with_level_labels_in_one_segment():
    levels = [line("Doet iets", 100, columns=[(200, "Doet meer"), (310, "Doet alles")]),
              line("en nog", 112, columns=[(200, "en nog"), (310, "en nog")])]
    head = [
        line("Naam", 600, bold=True),
        line("Een definitie over de hele breedte.", 624, italic=True),
        # labels that fill their columns: 12 pt apart, one segment
        line("Competentieniveau 12", 648, columns=[(200, "Competentieniveau 22"), (310, "Competentieniveau 32")]),
    ]
    rest = [line("Doet iets", 72, 2, columns=[(200, "Doet meer"), (310, "Doet alles")]),
            line("en nog", 84, 2, columns=[(200, "en nog"), (310, "en nog")])]
    (_, table) = tables(layout.assemble([page(1, levels + head), page(2, rest)]))
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Naam"], ["Een definitie over de hele breedte."],
        ["Competentieniveau 12", "Competentieniveau 22", "Competentieniveau 32"],
        ["Doet iets en nog", "Doet meer en nog", "Doet alles en nog"]]


def test_a_table_head_alone_at_the_end_of_a_page_joins_the_table_on_the_next():
    first = [
        line("Tekst bovenaan.", 100),
        line("Naam", 700, bold=True),  # a name and its definition merged across: no columns here
        line("Een definitie die", 712, italic=True),
    ]
    rest = [
        line("rest of the definition.", 72, 2, italic=True),
        line("Niveau 1", 96, 2, columns=[(200, "Niveau 2")]),
        line("Doet iets", 120, 2, columns=[(200, "Doet meer")]),
    ]
    blocks = layout.assemble([page(1, first), page(2, rest)])
    (table,) = tables(blocks)
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Naam"], ["Een definitie die rest of the definition."], ["Niveau 1", "Niveau 2"], ["Doet iets", "Doet meer"]]
    assert [p.text for p in paragraphs(blocks)] == ["Tekst bovenaan."]
    # regular text at the end of a page stays body text
    first[1:] = [line("Naam", 700), line("Een definitie die", 712)]
    assert len(paragraphs(layout.assemble([page(1, first), page(2, rest)]))) == 3


def test_a_name_and_definition_alone_at_a_page_end_head_a_table_that_starts_with_labels():
    first = [line("Tekst bovenaan.", 72), line("Naam", 700, bold=True), line("Een hele definitie.", 712, italic=True)]
    rest = [
        line("Niveau 1", 72, 2, columns=[(200, "Niveau 2")]),
        line("Doet iets", 96, 2, columns=[(200, "Doet meer")]),
    ]
    (table,) = tables(layout.assemble([page(1, first), page(2, rest)]))
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Naam"], ["Een hele definitie."], ["Niveau 1", "Niveau 2"], ["Doet iets", "Doet meer"]]
    # a first row in columns is never the rest of the definition, whatever its first cell says
    rest[0] = line("basis", 72, 2, columns=[(200, "gevorderd")])
    (table,) = tables(layout.assemble([page(1, first), page(2, rest)]))
    assert [[c.text for c in r.cells] for r in table.rows][1:3] == [["Een hele definitie."], ["basis", "gevorderd"]]


def test_lexicon_learns_nothing_from_bold_headings():
    edge = 90 + 11 * CHAR
    header = [line("Proficiency", 100, bold=True), line("level 2", 112, bold=True)]  # fills its line
    after = [line("één rol", 200), line("Proficiency", 212), line("level 2", 224)]  # the same, not bold
    assert not layout.Lexicon.of([(header, edge, True, True)]).knows("proficiencylevel")
    assert layout.Lexicon.of([(after, edge, True, True)]).knows("proficiencylevel")  # a run no word explains
    # ... unless the rest of the document shows "level" as a word (the cells of tables without
    # rulings learn apart from the body, with the body's words known)
    assert not layout.Lexicon.of([(after, edge, True, True)], known=frozenset({"level"})).knows("proficiencylevel")


def test_words_in_cells_of_a_table_without_rulings_teach_the_lexicon():
    # three columns without rulings; the second column's cell shows "overzicht" whole
    lines = [line("Label", 100, columns=[(200, "Tekst met"), (400, "Meer")]),
             line("rij", 112, columns=[(200, "overzicht en"), (400, "tekst")]),
             line("Tweede", 136, columns=[(200, "Nog wat"), (400, "Ook")])]
    pages = [page(1, lines)]
    assembler = layout.Assembler(pages)
    assert assembler.borderless[1]  # the table was found before any paragraph was made
    assert assembler.m.lexicon.knows("overzicht")


def test_lexicon_learns_a_word_that_a_known_word_follows_on_the_next_line():
    edge = 90 + 8 * CHAR
    cell_lines = [line("één rol", 100), line("bewoners", 112), line("doel: één", 124),  # "doel" is known
                  line("kaart en", 136), line("bewoners", 148), line("plant mee", 160)]
    body = [line("Het doel van", 300)]
    lexicon = layout.Lexicon.of([(cell_lines, edge, True, True), (body, None, True, True)])
    assert lexicon.knows("bewoners") and not lexicon.knows("bewonersplant")
    assert paragraph_text(cell_lines[3:], edge, words=lexicon.words) == "kaart en bewoners plant mee"


def test_the_rest_of_a_borderless_cell_alone_at_the_top_of_a_page_joins_its_cell():
    levels = [line("Niveau 1", 676, columns=[(306, "Niveau 2")]),
              line("Werkt samen met", 688, columns=[(306, "Toont inzet")]),
              line("Neemt initiatief en", 700)]  # the first column's paragraph goes on below
    rest = [line("stuurt bij waar nodig.", 72, page=2), line("Nieuwe tekst daarna", 120, page=2)]
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    blocks = layout.assemble([page(1, levels), page(2, rest), filler])
    (table,) = tables(blocks)
    assert table.rows[-1].cells[0].text.endswith("Neemt initiatief en stuurt bij waar nodig.")
    assert "Nieuwe tekst daarna" in [p.text for p in paragraphs(blocks)]


def test_a_table_continued_at_a_lists_indent_in_all_its_columns_keeps_them():
    known = [[90.0, 198.0, 306.0, 414.0]]
    rest = [  # the rest of four list items, each at its text's indent (18 pt) into its column
        line("rest a", 72, page=2, x0=108, columns=[(216, "rest b"), (324, "rest c"), (432, "rest d")]),
        line("meer a", 84, page=2, x0=108, columns=[(216, "meer b"), (324, "meer c"), (432, "meer d")]),
        line("•", 96, page=2, x0=90, columns=[(108, "Nieuw punt"), (198, "•"), (216, "Ander punt")]),
    ]
    found = layout.find_borderless_tables(rest, metrics(), known)
    assert [(start, end, raw.columns[:-1]) for start, end, raw in found] == [(0, 3, known[-1])]  # bullets fit too


def test_the_end_of_a_first_cell_at_the_top_of_a_page_joins_the_rows_below():
    known = [[90.0, 234.0, 378.0]]
    rest = [
        line("geheel.", 72, 2),  # in the first column alone, not wrapped: only the page before tells
        line("Niveau 2", 90, 2, columns=[(234, "Toont lef"), (378, "Neemt besluiten")]),
        line("Niveau 3", 114, 2, columns=[(234, "Maakt keuzes"), (378, "Stuurt bij")]),
    ]
    in_first_column = line("Ziet het grotere", 700)
    assert borderless_rows(rest, known, in_first_column)[0] == ["geheel.", "", ""]
    across = line("Een definitie over de hele breedte van de tabel", 700, italic=True)
    for above in (across, None):
        assert borderless_rows(rest, known, above)[0] == ["Niveau 2", "Toont lef", "Neemt besluiten"]


def assembled_across_a_page_break(first, rest):
    """The one table of body lines `first` ending page 1 and `rest` starting page 2 (a filler
    page sets the bottom of the text area just below page 1's last line)."""
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    (table,) = tables(layout.assemble([page(1, first), page(2, rest), filler]))
    return table


def test_a_cut_row_takes_a_new_paragraph_in_a_cell_that_ran_to_the_page_end():
    first = [line("Niveau 1", 676, columns=[(234, "Niveau 2"), (378, "Niveau 3")]),
             line("Ziet het grotere", 700, columns=[(234, "Neemt besluiten."), (378, "Werkt samen")])]
    rest = [line("geheel", 72, 2, columns=[(234, "Toont lef"), (378, "met anderen")]),
            line("Basis", 96, 2, columns=[(234, "Midden"), (378, "Hoog")])]
    table = assembled_across_a_page_break(first, rest)
    assert [[p.text for p in c.paragraphs] for c in table.rows[1].cells] == [
        ["Ziet het grotere geheel"], ["Neemt besluiten.", "Toont lef"], ["Werkt samen met anderen"]]
    assert len(table.rows) == 3


def test_a_cut_row_joins_an_unmarked_start_to_the_last_list_item():
    first = [line("Niveau 1", 664, columns=[(234, "Niveau 2"), (378, "Niveau 3")]),
             line("Ziet het grotere", 688, columns=[(234, "• Deelt kennis."), (378, "Werkt samen")]),
             line("geheel en", 700, columns=[(234, "• Vraagt feedback."), (378, "met anderen")])]
    rest = [line("de details", 72, 2, columns=[(242, "Leert van fouten."), (378, "aan doelen")]),  # no more items
            line("Basis", 96, 2, columns=[(234, "Midden"), (378, "Hoog")])]
    table = assembled_across_a_page_break(first, rest)
    items = table.rows[1].cells[1].paragraphs
    assert [(p.style, p.text) for p in items] == [
        ("list", "Deelt kennis."), ("list", "Vraagt feedback. Leert van fouten.")]
    assert len(table.rows) == 3


def test_a_cut_row_joins_the_rest_of_a_list_item_standing_at_the_items_text():
    def cut_at_the_end(rest_x):
        item = [line("• Deelt kennis", 688, x0=306.1), line("met anderen en", 700, x0=314.1)]  # text at 314.1
        first = two_column_table(1, 600, [("Naam", "Definitie", 600), ("Niveau 1", "Werkt samen", 612)], 712)
        first.rows[-1][1].lines = item
        rest = two_column_table(2, 72, [("", "de teams", 72)], 84)
        rest.rows[0][1].lines = [line("Zoë in de teams.", 72.5, 2, rest_x)]
        filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
        return tables(layout.assemble([page(1, [], [first]), page(2, [], [rest]), filler]))[0]

    items = cut_at_the_end(314.1).rows[1].cells[1].paragraphs
    assert [(p.style, p.text) for p in items] == [("list", "Deelt kennis met anderen en Zoë in de teams.")]
    # at the cell's own left, a paragraph of its own: a new row
    assert len(cut_at_the_end(306.1).rows) == 3


def test_a_cut_row_joins_a_capital_after_a_drawn_wrap_space_at_the_page_end():
    def stitched(evidence, full="Werkt samen met anderen aan de doelen van"):  # "A/B" would not fit after it
        first = two_column_table(1, 600, [("Naam", "Definitie", 600), ("Niveau 1", full, 700)], 712)
        drawn_space(first.rows[-1][1].lines[-1])
        rest = two_column_table(2, 72, [("", "A/B en de teams.", 72), ("Niveau 2", "Plant vooruit.", 84)], 96)
        body = [line("een regel die doorloopt", 636 + 12 * k) for k in range(6)] + [line("en eindigt.", 708)]
        if evidence:  # the document draws the spaces its wrapped lines end in
            body = [drawn_space(ln) for ln in body[:-1]] + body[-1:]
        pages = [page(1, [], [first]), page(2, [], [rest]), page(3, body)]
        return tables(layout.assemble(pages))[0].rows[1].cells[1].text

    assert stitched(evidence=True) == "Werkt samen met anderen aan de doelen van A/B en de teams."
    # a space typed after a sentence: "A/B" would have fitted after it, so it is no wrap
    assert stitched(evidence=True, full="Werkt samen met anderen.") == "Werkt samen met anderen."
    assert stitched(evidence=False) == "Werkt samen met anderen aan de doelen van"  # nothing tells: a new row


def test_a_cut_row_joins_a_first_cell_without_letters():
    first = [line("Niveau 1", 676, columns=[(234, "Niveau 2"), (378, "Niveau 3")]),
             line("Werkt door, ook", 700, columns=[(234, "Ziet kansen en"), (378, "Werkt samen")])]
    rest = [line("24/7", 72, 2, columns=[(234, "plant vooruit"), (378, "met anderen")]),
            line("Basis", 96, 2, columns=[(234, "Midden"), (378, "Hoog")])]
    table = assembled_across_a_page_break(first, rest)
    assert [c.text for c in table.rows[1].cells] == ["Werkt door, ook 24/7", "Ziet kansen en plant vooruit",
                                                     "Werkt samen met anderen"]


def test_a_cut_row_joins_a_paragraph_without_letters_after_an_unended_sentence():
    first = two_column_table(1, 600, [("Naam", "Definitie", 600), ("Niveau 1", "Werkt door, ook", 700)], 712)
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    joined = two_column_table(2, 72, [("", "24/7", 72), ("Niveau 2", "Plant vooruit.", 84)], 96)
    (table,) = tables(layout.assemble([page(1, [], [first]), page(2, [], [joined]), filler]))
    assert [c.text for c in table.rows[1].cells] == ["Niveau 1", "Werkt door, ook 24/7"]
    first.rows[-1][1].lines = [line("Werkt door.", 700.5, 1, 306.1)]  # the sentence ended: "2024" starts one
    apart = two_column_table(2, 72, [("", "2024", 72), ("Niveau 2", "Plant vooruit.", 84)], 96)
    (table,) = tables(layout.assemble([page(1, [], [first]), page(2, [], [apart]), filler]))
    assert [c.text for c in table.rows[1].cells] == ["Niveau 1", "Werkt door."]
    # ... also when another cell shows that the row was cut: then it is a paragraph of its own
    first.rows[-1][0].lines = [line("Niveau 1 en", 700.5, 1, 90.1)]
    cut = two_column_table(2, 72, [("verder", "2024", 72), ("Niveau 2", "Plant vooruit.", 84)], 96)
    (table,) = tables(layout.assemble([page(1, [], [first]), page(2, [], [cut]), filler]))
    assert [[p.text for p in c.paragraphs] for c in table.rows[1].cells] == [["Niveau 1 en verder"], ["Werkt door.", "2024"]]


def test_numbers_that_start_a_column_in_a_borderless_row_are_list_evidence():
    from pipeline.readers._pdf.metrics import measure

    row = line("13.Timely maps", 100, columns=[(306, "20.Ownership")])
    assert measure([page(1, [row])], set()).line_numbers == {13, 20}


def test_a_bold_name_that_wraps_beside_a_definition_across_stays_in_the_first_row():
    name = line("Coördineert", 100, size=11.0, bold=True)
    edge = name.x1 + 12.5  # less than a column gap at size 11: the name and definition make one segment
    name.glyphs += glyphs_at(edge, "Een definitie die over alle kolommen loopt", 11.0, True, False)
    lines = [
        name,
        line("[a]", 113, size=11.0, bold=True),  # the rest of the name, in the first column alone
        line("Niveau 1", 137, size=11.0, columns=[(edge, "Niveau 2"), (300, "Niveau 3")]),
        line("Doet iets", 161, size=11.0, columns=[(edge, "Doet meer"), (300, "Doet alles")]),
    ]
    assert borderless_rows(lines)[0] == ["Coördineert / [a]", "Een definitie die over alle kolommen loopt"]


def test_after_a_page_break_a_sentence_goes_on_when_its_first_word_with_a_letter_is_lower_case():
    from pipeline.readers._pdf.model import continues_sentence

    def goes_on(text):  # after a page break, where nothing shows whether the number would have fitted
        return continues_sentence(text, numbers_first=True)

    assert goes_on("(1) maps (intern).") and goes_on("2024 detail") and goes_on("50% van de tijd")
    assert not goes_on("(1) Ziet kansen") and not goes_on("2024 Plannen") and not goes_on("Ziet kansen")
    assert goes_on("(intern) overleg") and goes_on(", en verder") and not goes_on("24/7")
    # within a page the fit test decides about a number: "3 keer per jaar" may start a paragraph
    assert not continues_sentence("3 keer per jaar") and continues_sentence("(intern) overleg")


def test_a_space_the_writer_draws_at_each_paragraph_end_tells_a_capital_after_a_wrap():
    texts = [  # (text, ends in a drawn space): browsers draw none at a wrap
        ("Een lange regel die tot de rand loopt", False), ("en verder gaat.", True),
        ("Tweede punt dat ook lang is en loopt", False), ("door tot hier.", True),
        ("Derde punt met tekst die lang genoeg", False), ("is voor een regel.", True),
        ("Vierde punt dat tot aan de rand loopt", False),  # "Hoofdstad" would not have fitted
        ("Hoofdstad noemt nog iets.", True), ("Vijfde punt.", True),
    ]
    lines = [line(text + (" " if spaced else ""), 100.5 + 12 * k, x0=90.1) for k, (text, spaced) in enumerate(texts)]
    raw = layout.RawTable(1, 100, 210, [84.6, 300.6], [[cell(84.6, 300.6, 100, 210, *lines)]])
    first = ["Een lange regel die tot de rand loopt en verder gaat.", "Tweede punt dat ook lang is en loopt door tot hier.",
             "Derde punt met tekst die lang genoeg is voor een regel."]
    (table,) = tables(layout.assemble([page(1, [], [raw])]))
    assert [p.text for p in table.rows[0].cells[0].paragraphs] == first + [
        "Vierde punt dat tot aan de rand loopt Hoofdstad noemt nog iets.", "Vijfde punt."]
    with switched_off("pdf.marked-ends"):  # only the capital tells: a new paragraph
        (table,) = tables(layout.assemble([page(1, [], [raw])]))
    assert [p.text for p in table.rows[0].cells[0].paragraphs][3:] == [
        "Vierde punt dat tot aan de rand loopt", "Hoofdstad noemt nog iets.", "Vijfde punt."]


def test_a_drawn_space_at_each_spaced_paragraph_end_of_a_borderless_cell_tells_a_wrap():
    items = [  # (top, text of column 2): each item ends in a space the PDF draws, no wrap does
        (124, "Eerste punt dat lang"), (136, "doorloopt tot hier. "), (160, "Tweede punt dat lang"),
        (172, "gaat en verder nog. "), (196, "Derde punt dat lang"), (208, "loopt door en dan"),
        (220, "Hoofdstad noemt. "), (244, "Vierde punt. "),
    ]
    # column 1 runs on beside them in one paragraph, so the items are paragraphs of one cell
    words = iter("een tekst die in de eerste kolom doorloopt tot aan het einde toe".split())
    beside = {top: next(words) for top in range(124, 256, 12)}
    at = dict(items)
    lines = [line("Basis", 100, columns=[(230, "Gevorderd")])]
    lines += [line(beside[top], top, columns=[(230, at[top])] if top in at else ()) for top in sorted(beside)]

    def texts():
        (table,) = tables(layout.assemble([page(1, lines)]))
        return [p.text for row in table.rows for p in row.cells[-1].paragraphs]

    assert "Derde punt dat lang loopt door en dan Hoofdstad noemt." in texts()
    with switched_off("pdf.marked-ends"):
        assert "Hoofdstad noemt." in texts()


def test_a_name_row_alone_at_a_page_end_goes_on_with_a_row_of_bold_labels():
    def emphasise(table, row, cell, italic=False, bold=False):
        for ln in table.rows[row][cell].lines:
            ln.glyphs = [layout.Glyph(g.text, g.x0, g.x1, g.size, italic=italic, bold=bold) for g in ln.glyphs]

    def name_row(number, top):
        table = two_column_table(number, top, [("Samenwerken", "Werkt met anderen aan een doel.", top)], top + 12)
        emphasise(table, 0, 0, bold=True)
        emphasise(table, 0, 1, italic=True)
        return table

    labels = two_column_table(2, 72, [("Basis", "Gevorderd", 72), ("Ziet kansen.", "Plant zijn werk.", 84)], 96)
    emphasise(labels, 0, 0, bold=True)
    emphasise(labels, 0, 1, bold=True)
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])  # sets the bottom of the text area
    (table,) = tables(layout.assemble([page(1, [], [name_row(1, 706)]), page(2, [], [labels]), filler]))
    assert [c.text for c in table.rows[1].cells] == ["Basis", "Gevorderd"]
    # the next competency's name row, emphasised like the first cell by cell, starts a new table
    apart = tables(layout.assemble([page(1, [], [name_row(1, 706)]), page(2, [], [name_row(2, 72)]), filler]))
    assert len(apart) == 2


def test_a_name_and_definition_across_at_a_page_end_go_on_with_a_row_of_bold_labels():
    across = [84.6, 300.6, 516.6]
    name = cell(84.6, 516.6, 682, 694, line("Samenwerken", 682.5, 1, 90.1, bold=True))
    definition = cell(84.6, 516.6, 694, 718, line("Werkt met anderen aan een doel.", 694.5, 1, 90.1, italic=True))
    top = layout.RawTable(1, 682, 718, across, [[name], [definition]])
    labels = [cell(84.6, 300.6, 72, 84, line("Basis", 72.5, 2, 90.1, bold=True)),
              cell(300.6, 516.6, 72, 84, line("Gevorderd", 72.5, 2, 306.1, bold=True))]
    texts = [cell(84.6, 300.6, 84, 96, line("Ziet kansen.", 84.5, 2, 90.1)),
             cell(300.6, 516.6, 84, 96, line("Plant zijn werk.", 84.5, 2, 306.1))]
    rest = layout.RawTable(2, 72, 96, across, [labels, texts])
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    (table,) = tables(layout.assemble([page(1, [], [top]), page(2, [], [rest]), filler]))
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Samenwerken"], ["Werkt met anderen aan een doel."], ["Basis", "Gevorderd"], ["Ziet kansen.", "Plant zijn werk."]]


def test_a_label_filling_its_column_does_not_hide_the_next_column():
    # "Gevorderd" ends 8 pt before "Expert": less than a column gap, so one segment on its line
    width = 9 * CHAR
    labels = line("Basis", 100, columns=[(200, "Gevorderd"), (200 + width + 8, "Expert"), (420, "Top")])
    rows = [
        labels,
        line("Ziet kansen", 124, columns=[(200, "Plant"), (200 + width + 8, "Stuurt"), (420, "Leidt")]),
        line("en risico's", 136, columns=[(200, "vooruit"), (200 + width + 8, "bij"), (420, "anderen")]),
    ]
    assert len(labels.segments()) == 3
    assert borderless_rows(rows) == [
        ["Basis", "Gevorderd", "Expert", "Top"],
        ["Ziet kansen / en risico's", "Plant / vooruit", "Stuurt / bij", "Leidt / anderen"]]


def test_a_name_row_boxed_alone_at_a_page_end_heads_the_ruled_table_on_the_next_page():
    across = [84.6, 300.6, 516.6]
    definition = cell(84.6, 516.6, 72, 84, line("Werkt met anderen aan een doel.", 72.5, 2, 90.1, italic=True))
    label = [cell(84.6, 300.6, 84, 96, line("Niveau 1", 84.5, 2, 90.1)),
             cell(300.6, 516.6, 84, 96, line("Ziet kansen.", 84.5, 2, 306.1))]
    rest = layout.RawTable(2, 72, 96, across, [[definition], label])
    name = line("Samenwerken", 700, bold=True, x0=90.1)
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])

    def first_page(frames):
        return layout.PageLayout(1, 612.0, 792.0, [line("Inleiding", 72), name], [], frames)

    (table,) = tables(layout.assemble([first_page([(84.6, 698.0, 516.6, 712.0)]), page(2, [], [rest]), filler]))
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Samenwerken"], ["Werkt met anderen aan een doel."], ["Niveau 1", "Ziet kansen."]]
    # without the box it is a paragraph of its own
    blocks = layout.assemble([first_page([]), page(2, [], [rest]), filler])
    assert "Samenwerken" in [b.text for b in blocks if isinstance(b, Paragraph)]


def test_the_rest_of_a_list_item_at_the_top_of_a_page_goes_on_in_the_first_column():
    known = [[90.0, 306.0]]
    rest = [line("detail en visie", 72, 2, x0=108), line("14. Eigen kaart", 86, 2)]
    ((start, end, raw),) = layout.find_borderless_tables(rest, metrics(), known)
    assert (start, end, raw.columns[:-1]) == (0, 2, [90.0, 306.0])
    # at the margin it is body text
    assert layout.find_borderless_tables([line("detail en visie", 72, 2), line("Meer tekst", 86, 2)], metrics(), known) == []


def test_a_line_whose_columns_touch_takes_the_columns_of_a_table_earlier_on_its_page():
    lines = [
        line("Basis", 100, columns=[(234, "Midden"), (378, "Hoog")]),
        line("Doet iets", 112, columns=[(234, "Doet meer"), (378, "Doet alles")]),
        # a word cut at its column's edge ends 9 pt before the next column: one segment
        line("13.Verantwoordelijkheidsgev", 160, columns=[(234, "16.Kansen"), (378, "22.Neemt")]),
        line("oel", 172, x0=108, columns=[(252, "organisatie"), (396, "teams")]),
        line("beleid", 184, x0=108, columns=[(252, "brengt"), (396, "plant")]),
    ]
    assert len(lines[2].segments()) == 2
    found = layout.find_borderless_tables(lines, metrics())
    assert [(start, end, raw.columns[:-1]) for start, end, raw in found] == [
        (0, 2, [90.0, 234, 378]), (2, 5, [90.0, 234, 378])]


def test_a_line_right_below_its_column_goes_on_when_another_column_shows_paragraph_spacing():
    from pipeline.readers._pdf.borderless import _mid_sentence

    pitch = 14.7  # the line pitch; paragraphs of a cell are 10 pt further apart
    above = {0: cell(90, 300, 300, 375, line("carefully coordinates 50%?", 361.7, size=11.0)),
             1: cell(300, 500, 300, 385, line("environment information signals", 371.7, x0=306, size=11.0))}
    firsts = {0: line("Café ô structures", 386.4, size=11.0), 1: line("24/7 P&O", 386.4, x0=306, size=11.0)}
    assert _mid_sentence(firsts, above, 386.4, pitch + 0.5)  # column 0 shows the spacing: 24.7 pt
    # without the spacing (whole lines empty in column 0), a capital start is a new row
    above[0] = cell(90, 300, 300, 375, line("carefully coordinates 50%?", 357.0, size=11.0))
    assert not _mid_sentence(firsts, above, 386.4, pitch + 0.5)


def test_the_next_item_of_a_columns_numbered_list_beside_a_sentence_going_on_starts_no_row():
    from pipeline.readers._pdf.borderless import _mid_sentence
    from pipeline.readers._pdf.rules import switched_off

    # levels across: each level's cell a numbered list, items set apart; column 0's second item
    # starts one line below column 1's item that goes on mid-sentence (wkhtmltopdf)
    pitch = 11.6
    earlier = [{0: cell(90, 300, 100, 136, line("1. Bezorgdheid eentje opladen", 101.8), line("sabotage geschikte", 113.3),
                        line("nils m.b.t.", 124.8)),
                1: cell(300, 500, 100, 125, line("3. Benaderen evenveel", 101.8, x0=306), line("wou syriërs?", 113.3, x0=306))}]
    above = {0: cell(90, 300, 134, 144), 1: cell(300, 500, 134, 144, line("4. Heather samenleving en/of", 134.6, x0=306))}
    firsts = {0: line("2. Ramen zevenaar", 145.0), 1: line("zonne ea uitgezet", 146.2, x0=306)}
    assert _mid_sentence(firsts, above, 145.0, pitch + 0.5, earlier=earlier)
    with switched_off("pdf.list-goes-on"):
        assert not _mid_sentence(firsts, above, 145.0, pitch + 0.5, earlier=earlier)
    # a number that does not follow the column's list, or no list above: a label after all
    firsts[0] = line("5. Ramen zevenaar", 145.0)
    assert not _mid_sentence(firsts, above, 145.0, pitch + 0.5, earlier=earlier)
    firsts[0] = line("2. Ramen zevenaar", 145.0)
    assert not _mid_sentence(firsts, above, 145.0, pitch + 0.5)


def test_in_a_borderless_table_with_spaced_rows_a_capital_one_line_below_goes_on():
    lines = [
        line("Niveau 1", 100, columns=[(200, "Werkt met P&O en")]),
        line("Zoë aan een doel.", 112, x0=200),  # one line pitch below: the same paragraph
        line("Deelt kennis.", 132, x0=200),  # 8 pt of spacing after each paragraph: new rows
        line("Vraagt feedback.", 152, x0=200),
    ]
    (table,) = tables(layout.assemble([page(1, lines)]))
    assert [p.text for p in table.rows[0].cells[1].paragraphs] == ["Werkt met P&O en Zoë aan een doel."]
    # without spacing between rows the capital starts a paragraph, as in a ruled cell
    unspaced = lines[:2] + [line("Deelt kennis.", 124, x0=200), line("Vraagt feedback.", 136, x0=200)]
    (table,) = tables(layout.assemble([page(1, unspaced)]))
    assert [p.text for p in table.rows[0].cells[1].paragraphs][:2] == ["Werkt met P&O en", "Zoë aan een doel."]
    # nor when a cell shows a paragraph that surely ended one line above the next (spacing
    # only after a cell's last paragraph)
    shown = lines + [line("Stuurt bij.", 164, x0=200), line("Kort.", 184, x0=200), line("Leert.", 196, x0=200)]
    (table,) = tables(layout.assemble([page(1, shown)]))
    assert [p.text for p in table.rows[0].cells[1].paragraphs] == ["Werkt met P&O en", "Zoë aan een doel."]


def drawn_space(ln):
    """The line with the space a PDF writer draws where the line wraps."""
    ln.glyphs = ln.glyphs + [layout.Glyph(" ", ln.x1, ln.x1 + SPACE, ln.glyphs[-1].size)]
    return ln


def test_where_the_pdf_draws_wrap_spaces_their_absence_ends_a_paragraph():
    from pipeline.readers._pdf.metrics import measure

    edge = 90 + 30 * CHAR
    m = metrics(drawn_spaces=True)
    # a comma at the end of a paragraph, a capital that would not have fitted after it
    ended = [line("Werkt aan een doel en een plan,", 100), line("Deelt kennis met anderen.", 112)]
    assert len(layout.group_paragraphs(ended, m, edge, cell=True)) == 2
    assert len(layout.group_paragraphs(ended, metrics(), edge, cell=True)) == 1  # writers that draw none
    # a wrap before a capitalised word that is no name: the drawn space says it goes on
    wrapped = [drawn_space(line("Werkt aan een doel en een plan", 100)), line("Zoë deelt kennis.", 112)]
    assert len(layout.group_paragraphs(wrapped, m, edge, cell=True)) == 1
    assert len(layout.group_paragraphs(wrapped, metrics(), edge, cell=True)) == 2
    # a line wraps after a hyphen without a space
    hyphen = [line("Werkt in de regio Noord-West-", 100), line("Brabant en verder.", 112)]
    assert len(layout.group_paragraphs(hyphen, m, edge, cell=True)) == 1
    # no space, but its next character would not have fitted either: a word cut at the edge
    cut = [line("Werkt aan een doel en problemen", 100), line("?", 112)]
    assert len(layout.group_paragraphs(cut, m, 239.8, cell=True)) == 1  # the line ends at 235
    # the document tells: most lines that wrap for sure (a lower-case line follows) draw the space
    body = [drawn_space(line("een regel die doorloopt", 100 + 12 * k)) for k in range(6)] + [line("en eindigt.", 172)]
    assert measure([page(1, body)], set()).drawn_spaces
    assert not measure([page(1, [line(ln.text, ln.top) for ln in body])], set()).drawn_spaces


def test_a_segment_keeps_the_space_the_pdf_draws_before_a_column_gap():
    ln = line("Eerste kolom", 100, columns=[(300, "Tweede")])
    ln.glyphs.insert(12, layout.Glyph(" ", 150, 153, 10.0))  # drawn after "Eerste kolom" (ends at 150)
    first, second = ln.segments()
    assert first.ends_in_space and not second.ends_in_space


def test_in_a_borderless_table_a_drawn_wrap_space_keeps_the_next_line_in_the_row():
    lines = [
        line("Niveau 1", 100, columns=[(200, "Niveau 2")]),
        line("Ziet kansen", 124, columns=[(200, "Werkt samen")]),
        drawn_space(line("en risico's", 136, columns=[(200, "met de")])),
        line("3 teams", 148, x0=200),  # "3" would have fitted after "met de": only the space tells
    ]
    lines[2].glyphs.insert(11, layout.Glyph(" ", 145.0, 148.0, 10.0))  # after "en risico's" too

    def rows(m):
        ((_, _, raw),) = layout.find_borderless_tables(lines, m)
        return [[" / ".join(ln.text for ln in c.lines) for c in row if c is not None] for row in raw.rows]

    assert rows(metrics(drawn_spaces=True))[1] == ["Ziet kansen / en risico's", "Werkt samen / met de / 3 teams"]
    assert rows(metrics())[2] == ["", "3 teams"]


def test_document_information_gives_title_and_company():
    from pipeline.blocks import Properties
    from pipeline.readers.pdf import _properties

    assert _properties({"Title": b"Digital  framework", "Company": "Agency", "Author": "x"}) == Properties(
        title="Digital framework", organisation="Agency")
    assert _properties({"Title": "", "Producer": "LibreOffice"}) == Properties()


def test_the_reference_pdf_states_its_title_apart_from_its_blocks(reference):
    from pipeline.readers import read

    reading = read(reference["pdf"])
    assert reading.properties.title == "Competenties Ambtelijk secretaris"
    assert all(type(b).__name__ != "Properties" for b in reading.blocks)
# ---------------------------------------------------------------------------------------------
# Rulings that run off the page (wkhtmltopdf draws a cut table whole on both pages)


def _rect(x0, top, x1, bottom, height=842.0):
    return {"object_type": "rect", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "y0": height - bottom, "y1": height - top, "width": x1 - x0, "height": bottom - top}


def _fake_page(rects, height=842.0, width=595.0, lines=(), chars=()):
    from types import SimpleNamespace

    import pdfplumber

    edges = [e for r in rects for e in pdfplumber.utils.rect_to_edges(r)] + [
        pdfplumber.utils.line_to_edge(ln) for ln in lines]
    return SimpleNamespace(width=width, height=height, rects=rects, edges=edges, lines=list(lines), curves=[],
                           chars=list(chars))


def test_rulings_are_cut_at_the_page_edge_and_close_the_cut_cells():
    background = _rect(9.8, 9.8, 584.3, 831.5)  # the page painted white: no ruling
    box = _rect(14.4, 800.0, 346.3, 980.0)  # a cell running off the bottom of the page
    settings, cut = pdf._rulings(_fake_page([background, box]))
    assert cut == (None, 842.0)
    bottoms = sorted(e["top"] for e in settings["explicit_horizontal_lines"])
    assert bottoms == [800.0, 842.0]  # the cell's top and the page's edge; not the background's 831.5
    assert max(e["bottom"] for e in settings["explicit_vertical_lines"]) == 842.0


def test_a_row_left_open_at_the_bottom_of_the_page_is_closed_there():
    """Chromium draws the part of a cut row on each page without the ruling at the cut."""
    open_row = [_rect(95.9, 680.8, 522.0, 681.5), _rect(95.9, 680.8, 96.7, 720.0), _rect(308.2, 680.8, 309.0, 720.0),
                _rect(521.3, 680.8, 522.0, 720.0)]
    text = [{"text": "S", "top": 693.0}, {"text": "7", "top": 770.0}]  # a page number in the footer zone
    settings, cut = pdf._rulings(_fake_page(open_row, height=792.0, chars=text))
    assert cut == (None, 720.0)
    assert [e["top"] for e in settings["explicit_horizontal_lines"]][-1] == 720.0
    higher = [_rect(95.9, 480.8, 522.0, 481.5), _rect(95.9, 480.8, 96.7, 520.0), _rect(521.3, 480.8, 522.0, 520.0)]
    below = [{"text": "N", "top": 600.0}]  # text below the open end: not a row cut by the page
    assert pdf._rulings(_fake_page(higher, height=792.0, chars=below)) == (pdf._TABLE_SETTINGS, (None, None))
    with switched_off("pdf.open-row"):
        assert pdf._rulings(_fake_page(open_row, height=792.0, chars=text)) == (pdf._TABLE_SETTINGS, (None, None))


def test_the_page_painted_down_to_where_its_content_ends_is_background():
    painted = _rect(9.8, 9.8, 584.3, 147.5)  # wkhtmltopdf on a last page it does not fill
    box = _rect(14.4, -20.0, 346.3, 115.0)  # the rest of a row cut by the page break above
    settings, cut = pdf._rulings(_fake_page([painted, box], chars=[{"text": "w", "top": 12.0}]))
    assert sorted(e["top"] for e in settings["explicit_horizontal_lines"]) == [0.0, 115.0]  # not 9.8 nor 147.5
    rule = _rect(9.8, 400.0, 584.3, 400.6)  # a thin rule across the page stays a ruling
    assert not pdf._is_background({**rule, "fill": True}, 595.0, 842.0)


def test_a_short_band_painted_behind_all_the_pages_text_is_background():
    """wkhtmltopdf's last page holding only the rest of a row cut by the page break: the page is
    painted down to just below it, a band shorter than BACKGROUND_BAND, whose top edge at 9.8
    made an empty first row and the row's rest a row of its own (a silent wrong)."""
    painted = _rect(9.8, 9.8, 584.3, 74.9)
    box = _rect(14.4, -28.9, 346.3, 37.4)  # the rest of the row cut by the page break above
    text = [{"text": "z", "top": 14.0, "bottom": 22.7, "x0": 185.3, "x1": 190.0},
            {"text": "o", "top": 24.4, "bottom": 33.0, "x0": 185.3, "x1": 190.0}]
    settings, cut = pdf._rulings(_fake_page([painted, box], chars=text))
    assert sorted(e["top"] for e in settings["explicit_horizontal_lines"]) == [0.0, 37.4]  # not 9.8 nor 74.9
    rule = {**_rect(9.8, 400.0, 584.3, 400.6), "fill": True}  # a rule across the page holds no text
    assert not pdf._is_background(rule, 595.0, 842.0, text)
    above = [{**text[0], "top": 300.0, "bottom": 309.0}]  # text outside the band: a shaded box, not the page
    assert not pdf._is_background({**painted, "fill": True}, 595.0, 842.0, above)
    with switched_off("pdf.page-background"):
        settings, _ = pdf._rulings(_fake_page([painted, box], chars=text))
        assert 9.8 in [round(e["top"], 1) for e in settings["explicit_horizontal_lines"]]


def test_ruled_parts_of_a_table_agree_on_their_columns_within_the_table_finders_snap():
    """A browser draws each cell's own border: the table finder snaps a double border into one
    ruling at its middle, 240.4 on one page and 242.5 on the next for the same boundary."""
    from pipeline.readers._pdf.assemble import _same_columns

    def part(number, middle):
        return layout.RawTable(number, 0, 100, [75.0, middle, 406.7], [[None, None]])

    assert _same_columns(part(1, 240.4), part(2, 242.5))
    assert not _same_columns(part(1, 240.4), part(2, 244.0))  # further apart: another table
    first, rest = part(1, 240.4), part(2, 242.5)
    first.ruled = rest.ruled = False  # text starts without rulings keep the closer tolerance
    assert not _same_columns(first, rest)


def test_rulings_on_the_page_keep_the_usual_settings():
    settings, cut = pdf._rulings(_fake_page([_rect(14.4, 100.0, 346.3, 200.0)]))  # closed all round
    assert settings == pdf._TABLE_SETTINGS and cut == (None, None)
    with switched_off("pdf.page-edge", "pdf.page-background"):
        assert pdf._rulings(_fake_page([_rect(9.8, 9.8, 584.3, 831.5), _rect(14.4, 800.0, 346.3, 980.0)])) == (
            pdf._TABLE_SETTINGS, (None, None))
    assert pdf._rulings(_fake_page([_rect(9.8, 9.8, 584.3, 831.5)])) == (None, (None, None))


def test_a_table_cut_by_the_page_edge_goes_on_wherever_it_ends():
    """The row goes on over the break though the table ends far above the text area's bottom."""
    first = two_column_table(1, 300, [("Naam", "Definitie", 300), ("Niveau 1", "Is open over en", 400)], 412)
    rest = two_column_table(2, 0, [("", "bespreekt intenties", 0), (None, "Respecteert anderen", 12)], 24)
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    (apart,) = tables(layout.assemble([page(1, [], [first]), page(2, [], [rest]), filler]))
    assert [c.text for c in apart.rows[2].cells] == ["", "bespreekt intenties"]  # too high up to be cut
    first.cut_below, rest.cut_above = True, True
    (table,) = tables(layout.assemble([page(1, [], [first]), page(2, [], [rest]), filler]))
    assert [c.text for c in table.rows[1].cells] == ["Niveau 1", "Is open over en bespreekt intenties"]


# ---------------------------------------------------------------------------------------------
# The rest of a table in some of its columns only (WeasyPrint draws no box for an empty cell)


def _boxed_rest(frames=True):
    first = two_column_table(1, 600, [("Naam", "Definitie", 600), ("Niveau 3", "Werkt oplossingen uit", 700)], 718)
    box = (300.6, 72.0, 516.6, 96.0)
    rest = line("Hanteert scenario's", 74, 2, 306.1)
    second = page(2, [rest, line("Volgende alinea", 300, 2)])
    if frames:
        second.frames = [box]
    return first, second


def test_a_lone_box_in_a_column_at_the_top_of_a_page_is_the_tables_next_row():
    first, second = _boxed_rest()
    blocks = layout.assemble([page(1, [], [first]), second])
    (table,) = tables(blocks)
    assert [[c.text for c in r.cells] for r in table.rows][-1] == ["", "Hanteert scenario's"]
    with switched_off("pdf.partial-rest"):
        first, second = _boxed_rest()
        assert len(tables(layout.assemble([page(1, [], [first]), second]))[0].rows) == 2
    assert [n.rule for n in blocks if isinstance(n, Note)] == ["pdf.partial-rest"]
    first, second = _boxed_rest(frames=False)  # no box: body text after the table
    blocks = layout.assemble([page(1, [], [first]), second])
    assert len(tables(blocks)[0].rows) == 2 and not [b for b in blocks if isinstance(b, Note)]


def test_a_column_of_boxes_at_the_top_of_a_page_widens_to_the_tables_columns():
    first = two_column_table(1, 600, [("Naam", "Definitie", 600), ("Niveau 3", "Creëert de sfeer en durven te", 700)], 718)
    right = [[cell(300.6, 516.6, 72, 84, line("maken, stimuleert", 72.5, 2, 306.1))],
             [cell(300.6, 516.6, 84, 96, line("Voelt zich verantwoordelijk", 84.5, 2, 306.1))]]
    rest = layout.RawTable(2, 72, 96, [300.6, 516.6], right)
    (table,) = tables(layout.assemble([page(1, [], [first]), page(2, [], [rest])]))
    assert [[c.text for c in r.cells] for r in table.rows][1:] == [
        ["Niveau 3", "Creëert de sfeer en durven te maken, stimuleert"], ["", "Voelt zich verantwoordelijk"]]


# ---------------------------------------------------------------------------------------------
# Header rows repeated at the top of each page


def test_rows_that_repeat_the_tables_first_rows_at_the_top_of_a_page_are_dropped():
    first = two_column_table(1, 600, [("Integriteit", "Handelt integer", 600), ("Niveau 1", "Is open over en", 700)], 718)
    rest = two_column_table(2, 72, [("Integriteit", "Handelt integer", 72), ("", "bespreekt intenties", 84),
                                    ("Niveau 2", "Gaat de dialoog aan", 96)], 108)
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    blocks = layout.assemble([page(1, [], [first]), page(2, [], [rest]), filler])
    (table,) = tables(blocks)
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Integriteit", "Handelt integer"], ["Niveau 1", "Is open over en bespreekt intenties"],
        ["Niveau 2", "Gaat de dialoog aan"]]
    assert [n.rule for n in blocks if isinstance(n, Note)] == ["pdf.repeated-header", "pdf.row-across-page"]
    with switched_off("pdf.repeated-header"):  # the header comes back as a row of its own
        (table,) = tables(layout.assemble([page(1, [], [first]), page(2, [], [rest]), filler]))
        assert [c.text for c in table.rows[2].cells] == ["Integriteit", "Handelt integer"]


def test_a_borderless_table_s_first_row_repeated_at_each_page_top_is_no_running_header():
    """A name in the first row of a table without rulings, repeated at the top of each page the
    table goes on to, stands where a running header would (the top tenth, the same height on
    each page): it is the table's first row there, and dropped where the table goes on."""
    def rows(number, top, labels):
        return [line(label, top + 24 * k, number, columns=[(200, f"Doet {label.lower()} goed")])
                for k, label in enumerate(labels)]

    title = line("Handboek", 30)  # a running header above it, on every page
    first = [line("Handboek", 30), line("Samenwerken", 72, bold=True)] + rows(1, 96, [f"Niveau {k}" for k in range(1, 27)])
    rest = [line("Handboek", 30, 2), line("Samenwerken", 72, 2, bold=True)] + rows(2, 96, ["Niveau 27", "Niveau 28"])
    blocks = layout.assemble([page(1, first), page(2, rest)])
    (table,) = tables(blocks)
    assert table.rows[0].cells[0].text == "Samenwerken"
    assert [r.cells[0].text for r in table.rows[1:]] == [f"Niveau {k}" for k in range(1, 29)]
    assert [b.text for b in blocks if isinstance(b, PageHeader)] == [title.text] * 2
    notes = [(n.rule, n.origin.page) for n in blocks if isinstance(n, Note)]
    assert ("pdf.table-head-lines", 1) in notes and ("pdf.repeated-header", 2) in notes
    with switched_off("pdf.table-head-lines"):  # the name is taken for a running header
        blocks = layout.assemble([page(1, first), page(2, rest)])
        assert "Samenwerken" in [b.text for b in blocks if isinstance(b, PageHeader)]


def test_an_empty_box_above_a_repeated_header_goes_with_it():
    """Chromium may draw the edge of the cut row's box above the header it repeats."""
    first = two_column_table(1, 600, [("Integriteit", "Handelt integer", 600), ("Niveau 1", "Is open over en", 700)], 718)
    rest = two_column_table(2, 40, [("Integriteit", "Handelt integer", 72), ("", "bespreekt intenties", 84)], 96)
    rest.rows.insert(0, [cell(84.6, 300.6, 40, 72), cell(300.6, 516.6, 40, 72)])
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    (table,) = tables(layout.assemble([page(1, [], [first]), page(2, [], [rest]), filler]))
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Integriteit", "Handelt integer"], ["Niveau 1", "Is open over en bespreekt intenties"]]


def test_a_repeated_header_above_a_row_too_tall_for_the_room_left_is_dropped():
    """Chromium keeps a row whole: it moves to the next page under the repeated header, and the
    page before ends high up."""
    first = two_column_table(1, 400, [("Eigenaarschap", "Neemt verantwoordelijkheid", 400), ("Niveau 1", "Ziet", 412)], 424)
    rest = two_column_table(2, 72, [("Eigenaarschap", "Neemt verantwoordelijkheid", 72), ("Niveau 2", "Gelooft", 84)], 400)
    rest.rows[1][0].bottom = rest.rows[1][1].bottom = 400.0  # a row taller than the 296 pt left on page 1
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    (table,) = tables(layout.assemble([page(1, [], [first]), page(2, [], [rest]), filler]))
    assert [r.cells[0].text for r in table.rows] == ["Eigenaarschap", "Niveau 1", "Niveau 2"]


def test_a_table_with_the_same_first_row_after_a_table_that_ends_high_up_is_a_new_table():
    first = two_column_table(1, 300, [("Competentie", "Niveau", 300), ("Analyseren", "2", 312)], 324)
    again = two_column_table(2, 72, [("Competentie", "Niveau", 72), ("Samenwerken", "1", 84)], 96)
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    blocks = layout.assemble([page(1, [], [first]), page(2, [], [again]), filler])
    assert len(tables(blocks)) == 2 and not [n for n in blocks if isinstance(n, Note)]


# ---------------------------------------------------------------------------------------------
# The rules list


def test_rules_are_named_in_order_and_switch_off_one_at_a_time():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names)) and all(name.startswith("pdf.") for name in names)
    with switched_off("pdf.cut-word"):
        assert [name for name in names if not on(name)] == ["pdf.cut-word"]
    assert all(on(name) for name in names)
    with pytest.raises(KeyError, match="no layout rule named 'pdf.guess'"):
        on("pdf.guess")


@pytest.mark.parametrize("rule", ["pdf.table-across-page", "pdf.row-across-page"])
def test_the_reference_pdf_needs_its_stitching_rules(reference_blocks, rule):
    with switched_off(rule):
        assert pdf.read(REFERENCE["pdf"]) != reference_blocks


def test_the_shared_fit_test_scales_with_the_font_size():
    from pipeline.readers._pdf.geometry import next_word_fits, reaches_bottom

    for size in (8.0, 10.0, 20.0):
        last, word = line("Een regel", 100, size=size), line("past", 100 + size, size=size)
        room = last.x1 + 0.3 * size + word.first_word_width()  # a space and the word
        assert next_word_fits(last, word, room + 0.2 * size)
        assert not next_word_fits(last, word, room + 0.1 * size)
        assert reaches_bottom(700.0, size, 1.2, 700.0 + 1.9 * 1.2 * size)
        assert not reaches_bottom(700.0, size, 1.2, 700.0 + 2.1 * 1.2 * size)


def test_ligature_glyphs_read_as_their_letters():
    chars = [{"text": t, "fontname": "Carlito", "size": 10.0, "x0": x, "x1": x + 5.0, "matrix": (1, 0, 0, 1, 0, 0)}
             for t, x in (("e", 0.0), ("\ufb00", 5.0), ("e", 10.0), ("c", 15.0), ("t", 20.0))]
    assert "".join(g.text for g in pdf._glyphs(chars, {})) == "effect"


def test_a_row_closed_by_one_ruling_per_cell_is_not_open():
    cells = [_rect(14.4, 100.0, 180.3, 200.0), _rect(180.3, 100.0, 346.3, 200.0)]  # each cell its own box
    assert pdf._rulings(_fake_page(cells, chars=[{"text": "x", "top": 120.0}])) == (pdf._TABLE_SETTINGS, (None, None))


def test_a_capital_after_a_full_line_in_a_cell_starts_a_paragraph_only_where_cells_show_tight_paragraphs():
    first, second = line("Weet wat ieders talenten zijn, gebruikt deze.", 100, x0=306.1), line("Vraagt om advies", 112, x0=306.1)
    box = cell(300.6, first.x1 + 7.5, 95, 130, first, second)  # the first line is full: "Vraagt" did not fit
    raw = layout.RawTable(1, 95, 130, [300.6, box.x1], [[box]])
    texts = lambda m: [p.text for p in layout.make_table(raw, m).rows[0].cells[0].paragraphs]  # noqa: E731
    assert texts(metrics()) == ["Weet wat ieders talenten zijn, gebruikt deze. Vraagt om advies"]
    assert texts(metrics(tight_cells=True)) == ["Weet wat ieders talenten zijn, gebruikt deze.", "Vraagt om advies"]
    with switched_off("pdf.tight-cells"):
        assert len(texts(metrics())) == 2


def test_a_cell_with_an_ended_paragraph_at_line_pitch_shows_tight_paragraphs():
    from pipeline.readers._pdf.metrics import measure

    def measured(*texts):
        lines = [line(t, 100 + 12 * k, x0=306.1) for k, t in enumerate(texts)]
        box = cell(300.6, 516.6, 95, 140, *lines)
        return measure([page(1, [], [layout.RawTable(1, 95, 140, [300.6, 516.6], [[box]])])], set()).tight_cells

    assert measured("Kort.", "Nieuwe alinea")  # "Nieuwe" would have fitted after "Kort.": it ended there
    assert not measured("Een enkele alinea")


def test_a_table_goes_on_where_its_next_row_did_not_fit_in_the_room_left():
    first = two_column_table(1, 300, [("Integriteit", "Handelt integer", 300)], 312)  # its name row alone
    for ln in first.rows[0][0].lines:  # a bold name, as competency tables start
        ln.glyphs = [layout.Glyph(g.text, g.x0, g.x1, g.size, bold=True) for g in ln.glyphs]
    levels = two_column_table(2, 72, [("Niveau 1", "Is open", 72)], 480)
    levels.rows[0][0].bottom = levels.rows[0][1].bottom = 480.0  # taller than the 396 pt left on page 1
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    blocks = layout.assemble([page(1, [], [first]), page(2, [], [levels]), filler])
    (table,) = tables(blocks)
    assert [r.cells[0].text for r in table.rows] == ["Integriteit", "Niveau 1"]
    assert [n.rule for n in blocks if isinstance(n, Note)] == ["pdf.table-across-page"]
    levels.rows[0][0].bottom = levels.rows[0][1].bottom = 100.0  # it would have fitted: a table of its own
    assert len(tables(layout.assemble([page(1, [], [first]), page(2, [], [levels]), filler]))) == 2


def test_page_ranges_read_by_worker_processes_give_the_same_data(reference, monkeypatch):
    """--jobs N on one long PDF lays its pages out in N processes, page range by page range."""
    from pipeline import convert
    from pipeline.readers import pdf as pdf_reader

    alone = convert(reference["pdf"]).data
    monkeypatch.setattr(pdf_reader, "MIN_PAGES_TO_SPLIT", 2)  # the reference has 10 pages: split it
    assert convert(reference["pdf"], jobs=3).data == alone


def long_pdf(path: Path, copies: int) -> Path:
    """A long PDF built here: the reference's pages one copy after another (pdfium, which
    pdfplumber installs)."""
    import pypdfium2

    source, built = pypdfium2.PdfDocument(REFERENCE["pdf"]), pypdfium2.PdfDocument.new()
    for _ in range(copies):
        built.import_pages(source)
    built.save(path)
    built.close()
    source.close()
    return path


def test_a_long_pdf_read_in_page_ranges_gives_the_same_blocks_and_notes(tmp_path):
    """--jobs N reads a long PDF's pages in N processes (and each line's share of the layout
    rules' work with them, `Line.prepare`): every block, origin and note as in one process."""
    path = long_pdf(tmp_path / "long.pdf", 3)
    alone = pdf.read(path)
    assert sum(isinstance(b, PageBreak) for b in alone) == 29 and any(isinstance(b, Note) for b in alone)
    assert pdf.read(path, jobs=2) == alone
    assert pdf.read(path, jobs=3) == alone


def test_a_long_pdf_converted_with_two_jobs_gives_the_same_files(tmp_path, monkeypatch):
    """The exports of a long PDF converted alone are byte for byte the same with --jobs 2."""
    from pipeline.cli import main
    from pipeline.readers import pdf as pdf_reader

    monkeypatch.setattr(pdf_reader, "MIN_PAGES_TO_SPLIT", 4)  # the reference has 10 pages: split it
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        assert main(["convert", str(REFERENCE["pdf"]), "-o", str(out), "--jobs", jobs, "--force", "--quiet"]) == 0
        outputs[jobs] = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted((out / "current").rglob("*"))
                         if p.is_file() and p.name != "manifest.json"}  # (it records the run's time)
    assert len(outputs["1"]) > 5 and outputs["2"] == outputs["1"]


def test_body_size_is_measured_outside_tables_where_table_text_is_smaller():
    """HTML printers set table text at 0.9 em: the paragraphs between tables are body text, not
    headings, though most of the document's characters are the table's."""
    rows = [[cell(84.6, 300.6, 200 + 12 * r, 212 + 12 * r,
                  line(f"Een zin van de tabel in een cel nummer {r}", 200.5 + 12 * r, 1, 90.1, size=8.6))]
            for r in range(12)]
    table = layout.RawTable(1, 200, 344, [84.6, 300.6], rows)
    lines = [line("Competenties", 72, size=20.2), line("Gemeente Zuidheuvel", 110, size=9.2),
             line("April 2024", 124, size=9.2), line("Inleiding", 150, size=10.9), line("Een alinea.", 170, size=9.2)]
    styles = {p.text: p.style for p in paragraphs(layout.assemble([page(1, lines, [table])]))}
    assert [styles[t] for t in ("Competenties", "Gemeente Zuidheuvel", "April 2024", "Inleiding")] == [
        "title", None, None, "heading"]
    with switched_off("pdf.body-size"):
        styles = {p.text: p.style for p in paragraphs(layout.assemble([page(1, lines, [table])]))}
    assert styles["Gemeente Zuidheuvel"] == "heading"


def test_a_lone_line_below_the_title_is_not_a_header_and_a_lone_header_leaves_a_note():
    title_page = page(1, [line("Competenties", 10, size=20.0), line("Gemeente Zuidheuvel", 36), line("Tekst", 300)])
    assert layout.find_running_lines([title_page]) == {}
    cluster_page = page(1, [line("Mensen meekrijgen", 35.2), line("Tekst", 72), line("meer tekst", 84)])
    blocks = layout.assemble([cluster_page])
    assert [(n.rule, n.origin.top) for n in blocks if isinstance(n, Note)] == [("pdf.running-lines", 35.2)]


def test_a_paragraph_started_only_by_a_capital_in_a_cell_leaves_a_note():
    full = "Een regel die tot aan de rand van de cel loopt en"
    m = metrics()
    paras = layout.group_paragraphs([line(full, 100), line("Daarna verder", 112)], m, right_edge=345.0, cell=True)
    assert len(paras) == 2 and [n.rule for n in m.notes] == ["pdf.tight-cells"]


def test_a_title_wrapped_in_a_narrower_box_is_one_paragraph_with_a_note():
    lines = [line("Competenties", 128, size=26.0), line("Beleidsmedewerker", 154, size=26.0),
             line("Gemeente", 203), line("Een alinea die tot aan de rechterkant van de pagina loopt.", 300)]
    blocks = layout.assemble([page(1, lines)])
    assert paragraphs(blocks)[0].text == "Competenties Beleidsmedewerker"
    assert [n.rule for n in blocks if isinstance(n, Note)] == ["pdf.wrapped-heading"]
    with switched_off("pdf.wrapped-heading"):
        assert paragraphs(layout.assemble([page(1, lines)]))[0].text == "Competenties"


def test_a_line_broken_after_a_slash_inside_a_word_joins_without_a_space_and_leaves_a_note():
    m = metrics()
    joined = layout.make_paragraph(layout.ParaLines([line("Werkt samen en/", 100), line("of alleen", 112)]), m, False)
    assert joined.text == "Werkt samen en/of alleen"
    assert [(n.rule, n.origin.top) for n in m.notes] == [("pdf.slash-break", 112)]
    spaced = layout.make_paragraph(layout.ParaLines([line("Werkt samen en/ ", 100), line("of alleen", 112)]), metrics(), False)
    assert spaced.text == "Werkt samen en/ of alleen"  # the PDF draws the space after the slash
    with switched_off("pdf.slash-break"):
        joined = layout.make_paragraph(layout.ParaLines([line("en/", 100), line("of", 112)]), metrics(), False)
        assert joined.text == "en/ of"


def justified_line(text, top, edge, x0=90.0, size=10.0):
    """A line set justified: its word gaps widened evenly so that it ends exactly at `edge`."""
    words = text.split(" ")
    natural = sum(len(w) for w in words) * CHAR + (len(words) - 1) * SPACE
    extra = (edge - x0 - natural) / (len(words) - 1)
    glyphs, x = [], x0
    for k, word in enumerate(words):
        glyphs += glyphs_at(x, word, size, False, False)
        x += len(word) * CHAR
        if k < len(words) - 1:
            glyphs.append(layout.Glyph(" ", x, x + SPACE, size))
            x += SPACE + extra
    return layout.Line(1, top, top + size, glyphs)


def test_a_justified_line_wrapped_whatever_the_next_line_starts_with():
    edge = 90 + 26 * CHAR
    # "Berlijn" after a line that left no room for it: only the capital speaks for a new paragraph
    lines = [justified_line("Werkt samen met de teams in", 100, edge), line("Berlijn en elders", 112)]
    assert [p.lines[0].text for p in layout.group_paragraphs(lines, metrics(), edge, cell=True)] == [
        "Werkt samen met de teams in"]
    with switched_off("pdf.justified-line"):
        assert len(layout.group_paragraphs(lines, metrics(), edge, cell=True)) == 2
    # the same words with natural gaps, ending short of the edge: the paragraph ended there
    natural = [line("Werkt samen met de teams in", 100), line("Berlijn en elders", 112)]
    assert len(layout.group_paragraphs(natural, metrics(), edge, cell=True)) == 2


def test_after_a_justified_line_a_widened_letter_and_bracket_is_no_list_marker():
    edge = 90 + 26 * CHAR
    # justifying "b) de teams en" widened the gap after "b)" to a tab's width
    lines = [justified_line("Kiest tussen twee wegen (a,", 100, edge), justified_line("b) de teams en", 112, edge),
             line("de doelen.", 124)]
    paras = layout.group_paragraphs(lines, metrics(), edge, cell=True)
    assert len(paras) == 1 and not paras[0].listed


def test_uneven_gaps_or_a_line_short_of_the_edge_is_not_justified():
    edge = 90 + 26 * CHAR
    assert layout.paragraphs.justified(justified_line("Werkt samen met de teams in", 100, edge), edge)
    assert not layout.paragraphs.justified(justified_line("Werkt samen met de teams in", 100, edge - 10), edge)
    even = justified_line("Werkt samen met de teams in", 100, edge)
    first_gap = even.glyphs.index(next(g for g in even.glyphs if g.blank)) + 1
    moved = [dataclasses.replace(g, x0=g.x0 + 0.8, x1=g.x1 + 0.8) for g in even.glyphs[:first_gap]]
    uneven = layout.Line(1, 100, 110, moved + even.glyphs[first_gap:])  # the first gap back to its natural width
    assert not layout.paragraphs.justified(uneven, edge)


def test_a_row_without_a_label_at_a_page_top_taken_as_its_own_row_is_noted():
    first = [line("Niveau 1", 676, columns=[(234, "Werkt samen met het")]),
             line("Niveau 2", 700, columns=[(234, "Ziet het systeem.")])]
    rest = [line("Gemeentelijke aanspraak.", 72, 2, x0=234),
            line("Niveau 3", 96, 2, columns=[(234, "Plant vooruit.")])]
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    out = layout.assemble([page(1, first), page(2, rest), filler])
    (table,) = tables(out)
    assert [c.text for c in table.rows[2].cells] == ["", "Gemeentelijke aanspraak."]  # a row of its own ...
    noted = [n for n in out if isinstance(n, Note) and n.rule == "pdf.row-across-page"]
    assert len(noted) == 1 and noted[0].origin.page == 2  # ... said to be a judgement, with its place
    with switched_off("pdf.row-across-page"):
        assert not [n for n in layout.assemble([page(1, first), page(2, rest), filler]) if isinstance(n, Note)
                    and n.rule == "pdf.row-across-page"]


def test_tables_of_one_shape_whose_columns_stand_apart_were_sized_by_their_text():
    from pipeline.readers._pdf.assemble import _columns_sized_by_content

    def table(number, top, columns):
        return layout.RawTable(number, top, top + 100, columns, [[None] * (len(columns) - 1)])

    # a word processor: each competency table keeps the widths its author set
    same = [page(3, [], [table(3, 80, [84.6, 171.0, 257.4, 516.6])]), page(4, [], [table(4, 60, [84.6, 171.0, 257.4, 516.6])])]
    assert _columns_sized_by_content(same, {}) is None
    # a browser: each table's columns as wide as the text they hold (a matrix of two columns says nothing)
    sized = [page(3, [], [table(3, 40, [14.5, 180.3, 346.2]), table(3, 300, [14.5, 116.4, 212.0, 412.4])]),
             page(4, [], [table(4, 60, [14.5, 111.2, 206.8, 412.4])])]
    assert _columns_sized_by_content(sized, {}) == (4, 60)
    # within the drawing's precision, the same widths
    near = [page(3, [], [table(3, 80, [14.5, 180.3, 346.2])]), page(4, [], [table(4, 60, [14.5, 180.0, 346.2])])]
    assert _columns_sized_by_content(near, {}) is None
    # rulings are drawn where the widths put them: a browser's 1.2 pt apart, beyond the rounding
    apart = [page(4, [], [table(4, 10, [14.5, 81.8, 149.8, 213.8, 280.6, 346.2])]),
             page(5, [], [table(5, 10, [14.5, 81.2, 149.2, 213.8, 281.8, 346.2])])]
    assert _columns_sized_by_content(apart, {}) == (5, 10)
    for part in apart:
        part.tables[0].ruled = False  # where text starts a column, that close is the same column
    assert _columns_sized_by_content(apart, {}) is None


def test_a_document_whose_tables_are_sized_by_their_text_keeps_words_that_fill_a_line_whole():
    from pipeline.readers._pdf.assemble import Assembler
    from pipeline.readers._pdf.rules import switched_off

    def table(number, top, columns, text):
        cells = [cell(a, b, top, top + 30, line(text if i == 0 else "kort", top + 2, number, a + 4))
                 for i, (a, b) in enumerate(zip(columns, columns[1:]))]
        return layout.RawTable(number, top, top + 30, columns, [cells])

    pages = [page(1, [line("Titel", 60)], [table(1, 100, [14.5, 116.4, 212.0, 412.4], "Eerste")]),
             page(2, [], [table(2, 100, [14.5, 111.2, 206.8, 412.4], "Tweede")])]
    found = Assembler(pages)
    assert found.m.whole_words and any(n.rule == "pdf.sized-columns" for n in found.notes)
    with switched_off("pdf.sized-columns"):
        assert not Assembler(pages).m.whole_words


def test_a_ruled_column_as_wide_as_a_word_that_wrapped_was_sized_by_its_text():
    from pipeline.readers._pdf.assemble import Assembler, _column_as_wide_as_a_word
    from pipeline.readers._pdf.rules import switched_off

    def table(number, word_end):
        # "Verkiezingen" (12 glyphs of 5 pt from 20) ends at 80; the cell's edge less its 5 pt padding at word_end
        lines = [line("Verkiezingen", 102, number, 20.0), line("sluiten af", 114, number, 20.0)]
        cells = [cell(15.0, word_end + 5.0, 100, 130, *lines), cell(word_end + 5.0, 300.0, 100, 130, line("kort", 102, number, word_end + 10.0))]
        return layout.RawTable(number, 100, 130, [15.0, word_end + 5.0, 300.0], [cells])

    m = layout.Metrics()
    # a browser: the column as wide as its widest word, which fills the line up to the edge
    assert _column_as_wide_as_a_word([page(1, [], [table(1, 80.2)])], m) == (1, 102)
    # a word processor cuts a word short of the edge, by up to a letter: no sign of sizing
    assert _column_as_wide_as_a_word([page(1, [], [table(1, 83.0)])], m) is None
    # a document that justifies its cells' lines reaches the edge anyway: no sign either
    justified = table(1, 80.2)
    words, gap = ["aaaa", "bbbb", "cccc", "dddd"], (295.0 - 90.2 - 4 * 4 * CHAR) / 3
    glyphs = []
    for i, word in enumerate(words):
        x = 90.2 + i * (4 * CHAR + gap)
        glyphs += glyphs_at(x, word + (" " if i < 3 else ""), 10.0, False, False)
    justified.rows[0][1].lines[:0] = [layout.Line(1, 102, 112, glyphs)]
    assert _column_as_wide_as_a_word([page(1, [], [justified])], m) is None
    pages = [page(1, [line("Titel", 60)], [table(1, 80.2)])]
    found = Assembler(pages)
    assert found.m.whole_words and any(n.rule == "pdf.sized-columns" and "widest word" in n.message for n in found.notes)
    with switched_off("pdf.sized-columns"):
        assert not Assembler(pages).m.whole_words


def test_the_next_number_alone_below_a_numbered_item_starts_a_paragraph():
    from pipeline.readers._pdf.rules import switched_off

    # a page break parted "11." from its text: it is no end of item 10's sentence
    item = layout.Line(1, 100, 110, glyphs_at(90, "10.", 10.0, False, False) + glyphs_at(120, "Fridge milky farms curled.", 10.0, False, False))
    alone = line("11.", 112)
    paras = layout.group_paragraphs([item, alone], metrics(), 300.0, cell=True)
    assert [p.number for p in paras] == [10, None] and paras[1].lines[0].text == "11."
    with switched_off("pdf.lone-marker"):
        assert len(layout.group_paragraphs([item, alone], metrics(), 300.0, cell=True)) == 1
    # another number, or none before it: the sentence may end in it ("chapter" / "11.")
    assert len(layout.group_paragraphs([item, line("12.", 112)], metrics(), 300.0, cell=True)) == 1


def test_a_number_alone_on_a_cells_first_line_starts_the_item_below_it():
    from pipeline.blocks import Table
    from pipeline.readers._pdf.markers import join_lone_markers
    from pipeline.readers._pdf.model import line_numbers
    from pipeline.readers._pdf.rules import switched_off

    # the item's first word did not fit beside its number: "14." / "Terechtkomen vacatures"
    # (a word in lower case, which would go on with a sentence, and too wide to fit beside it)
    lines = [line("14.", 100), line("terechtkomen vacatures", 112)]
    paras = layout.group_paragraphs(lines, metrics(), 150.0, cell=True)
    assert [p.lines[0].text for p in paras] == ["14.", "terechtkomen vacatures"]
    cell_ = Cell(tuple(layout.make_paragraph(p, metrics(), body=False) for p in paras))
    notes = []
    (table,) = join_lone_markers([Table((Row((cell_,)),))], notes)
    (item,) = table.rows[0].cells[0].paragraphs
    assert (item.style, item.text) == ("list", "terechtkomen vacatures") and notes[0].rule == "pdf.lone-marker"
    assert len(layout.group_paragraphs(lines, metrics(), 150.0, cell=False)) == 1  # body text: not asked
    with switched_off("pdf.lone-marker"):
        assert len(layout.group_paragraphs(lines, metrics(), 150.0, cell=True)) == 1
    # a number alone on its line is evidence of the list, as a number before its text is
    assert line_numbers([line("32.", 100), line("Kort", 112)]) == {32}


def test_the_next_number_alone_at_a_pages_top_starts_the_next_item_of_the_cut_cell():
    item = layout.Line(1, 690, 700, glyphs_at(306.1, "33.", 10.0, False, False)
                       + glyphs_at(330.0, "Ip tinder roekeloos", 10.0, False, False))
    first = layout.RawTable(1, 660, 792, [84.6, 300.6, 516.6], [[
        cell(84.6, 300.6, 660, 792, line("Niveau 1", 662, 1, 90.1)),
        cell(300.6, 516.6, 660, 792, line("Tekst", 662, 1, 306.1), item, line("stemmen;", 702, 1, 330.0))]])
    rest = layout.RawTable(2, 0, 60, [84.6, 300.6, 516.6], [[
        cell(84.6, 300.6, 0, 60), cell(300.6, 516.6, 0, 60, line("34.", 2, 2, 306.1), line("Beschadigen P&O", 14, 2, 306.1))]])
    first.cut_below, rest.cut_above = True, True
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])
    out = layout.assemble([page(1, [], [first]), page(2, [], [rest]), filler])
    (table,) = tables(out)
    texts = [(p.style, p.text) for p in table.rows[0].cells[1].paragraphs]
    assert texts[-2:] == [("list", "Ip tinder roekeloos stemmen;"), ("list", "Beschadigen P&O")]
    assert any(isinstance(n, Note) and n.rule == "pdf.lone-marker" for n in out)


def test_a_line_starting_with_closing_punctuation_goes_on_without_a_space():
    from pipeline.readers._pdf.rules import switched_off

    # a browser broke "texas -?" after the hyphen: the "?" starts the next line
    lines = [line("aangevraagd texas -", 100), line("?", 112)]
    (para,) = layout.group_paragraphs(lines, metrics(), 200.0, cell=True)
    assert layout.make_paragraph(para, metrics(), body=False).text == "aangevraagd texas -?"
    spaced = layout.Line(1, 100, 110, glyphs_at(90, "aangevraagd texas - ", 10.0, False, False))  # a space drawn: wrapped there
    (para,) = layout.group_paragraphs([spaced, line("?", 112)], metrics(), 200.0, cell=True)
    assert layout.make_paragraph(para, metrics(), body=False).text == "aangevraagd texas - ?"
    with switched_off("pdf.closing-start"):
        (para,) = layout.group_paragraphs(lines, metrics(), 200.0, cell=True)
        assert layout.make_paragraph(para, metrics(), body=False).text == "aangevraagd texas - ?"


def test_a_small_shape_right_before_a_lines_text_is_a_drawn_bullet():
    def char(text, x0, top=120.2, size=9.2):
        return {"text": text, "x0": x0, "x1": x0 + 5.0, "top": top, "bottom": top + size, "size": size,
                "fontname": "NotoSerif-Regular", "upright": True}

    text = [char("K", 203.4), char("o", 208.4)]
    disc = {"x0": 192.4, "x1": 195.9, "top": 121.6, "bottom": 125.0, "fill": True, "stroke": True}  # wkhtmltopdf's disc
    (bullet,) = pdf._drawn_bullets([disc], text)
    assert (bullet["text"], bullet["x0"], bullet["top"]) == ("\u2022", 192.4, 120.2)
    assert pdf._drawn_bullets([{**disc, "bottom": 132.0}], text) == []  # taller than a bullet: a picture
    assert pdf._drawn_bullets([disc], [char("K", 240.0)]) == []  # text too far right: no item it starts
    assert pdf._drawn_bullets([disc], [char("a", 187.0)] + text) == []  # text right before it: inside a line
    assert pdf._drawn_bullets([{**disc, "fill": False, "stroke": False}], text) == []  # nothing painted


def test_the_next_bullet_of_a_columns_list_beside_a_sentence_going_on_starts_no_row():
    from pipeline.readers._pdf.borderless import _mid_sentence

    pitch = 11.5
    earlier = [{0: cell(14, 180, 790, 800, line("\u2022 Fittings polar drone nip", 777.2, x0=26.5),
                        line("established zij-haar?", 788.7, x0=37.4)),
                1: cell(180, 340, 790, 810, line("\u2022 Advance R&D flaming", 777.2, x0=192.4),
                        line("\u2022 Definitely 24/7 e.d.", 799.7, x0=192.4))}]
    above = {0: cell(14, 180, 810, 820, line("\u2022 Fridays growing advertised", 810.0, x0=26.5))}
    firsts = {0: line("condemned conjunction?", 821.6, x0=37.4), 1: line("\u2022 Seattle viewing ones", 821.6, x0=192.4)}
    assert _mid_sentence(firsts, above, 821.6, pitch + 0.5, earlier=earlier)
    firsts[1] = line("\u2013 Seattle viewing ones", 821.6, x0=192.4)  # another marker: no item of that list
    assert not _mid_sentence(firsts, above, 821.6, pitch + 0.5, earlier=earlier)


def test_the_next_item_of_the_list_a_column_held_right_above_after_a_lines_pause_starts_no_row():
    from pipeline.readers._pdf.borderless import _mid_sentence
    from pipeline.readers._pdf.rules import switched_off

    # levels across (wkhtmltopdf): column 0's item goes on mid-sentence; column 2's next item
    # starts after its list's item spacing, as tall as a line: no label's pause
    pitch = 10.4
    above = {0: cell(14, 125, 100, 150, line("1. Mag (1) domein", 105.2, x0=24.2), line("drijvende leo", 127.1, x0=37.4),
                     line("drastische", 137.5, x0=37.4)),
             2: cell(236, 347, 100, 140, line("4. Straal onschuldigen", 105.2, x0=245.5), line("zondagochtend", 116.8, x0=258.7),
                     line("libanese", 127.1, x0=258.7))}
    firsts = {0: line("'wat...als'?", 147.9, x0=37.4), 2: line("5. Tropen opgraving", 147.9, x0=245.5)}
    assert _mid_sentence(firsts, above, 147.9, pitch + 0.5)
    with switched_off("pdf.list-goes-on"):
        assert not _mid_sentence(firsts, above, 147.9, pitch + 0.5)
    firsts[2] = line("7. Tropen opgraving", 147.9, x0=245.5)  # not the next number: a pause before a label
    assert not _mid_sentence(firsts, above, 147.9, pitch + 0.5)


def test_the_cycle_collector_is_paused_while_a_pdf_is_read_and_runs_again_after(monkeypatch, tmp_path):
    import gc

    seen = []
    real = pdf.assemble
    monkeypatch.setattr(pdf, "assemble", lambda pages: seen.append(gc.isenabled()) or real(pages))
    assert gc.isenabled()
    pdf.read(REFERENCE["pdf"])
    assert seen == [False] and gc.isenabled()
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(REFERENCE["pdf"].read_bytes()[:2000])
    with pytest.raises(ReadError):
        pdf.read(damaged)
    assert gc.isenabled()  # also after a file that cannot be read
    gc.disable()
    try:
        pdf.read(REFERENCE["pdf"])
        assert not gc.isenabled()  # a caller that paused it itself keeps it paused
    finally:
        gc.enable()


def test_where_no_space_is_drawn_at_a_wrap_a_word_surely_fitted_only_as_far_as_the_cells_lines_reach():
    # an HTML printer's cell, padded more on the right than on the left: "(1)?" would fit before
    # the edge the left padding gives, but not within the lines the cell set, so it wrapped
    lines = [line("aaaa bbbb cccc", 100, x0=79.5, size=8.6), line("dd eeee ffff", 110, x0=79.5, size=8.6),
             line("(1)?", 120, x0=79.5, size=8.6)]
    assert lines[1].x1 + 2.2 + lines[2].first_word_width() > lines[0].x1  # beyond the widest line
    wrapped = layout.group_paragraphs(lines, metrics(drawn_spaces=False), 160.0, cell=True)
    assert len(wrapped) == 1
    # a writer that draws the space at a wrap pads both sides alike: the cell's edge holds
    assert len(layout.group_paragraphs(lines, metrics(drawn_spaces=True), 160.0, cell=True)) == 2


def test_no_row_starts_below_a_justified_line_in_a_table_without_rulings():
    from pipeline.readers._pdf.borderless import _starts_a_row

    edge = 90 + 26 * CHAR
    # levels across, paragraphs in cells: column 0's justified line wrapped; column 1 starts its
    # next paragraph beside the rest of it, one line below
    above = {0: cell(90, 300, 100, 110, justified_line("Skype geheimen tumor", 100, edge)),
             1: cell(306, 500, 100, 110)}
    row = {0: cell(90, 300, 112, 122, line("parlementslid dappere val", 112)),
           1: cell(306, 500, 112, 122, line("Bevriend verlichten huid", 112, x0=306))}
    assert not _starts_a_row(row, above, 12.5, metrics())
    with switched_off("pdf.row-mid-paragraph"):
        assert _starts_a_row(row, above, 12.5, metrics())
    # natural gaps: nothing says the line wrapped, and column 1 starts anew
    above[0] = cell(90, 300, 100, 110, line("Skype geheimen tumor", 100))
    assert _starts_a_row(row, above, 12.5, metrics())


def test_a_writer_that_draws_the_space_at_a_wrap_cuts_words_whatever_its_cells_look_like(monkeypatch):
    import importlib

    assemble = importlib.import_module("pipeline.readers._pdf.assemble")

    pages = [page(1, [line("Titel", 60), line("Tekst van de pagina.", 80)])]
    monkeypatch.setattr(assemble, "centres_cells", lambda *args: True)  # cells that look centred
    assert assemble.Assembler(pages).m.whole_words
    measured = assemble.measure

    def drawing_wrap_spaces(*args):
        m = measured(*args)
        m.drawn_spaces = True  # a word processor's: LibreOffice draws the space a line wraps at
        return m

    monkeypatch.setattr(assemble, "measure", drawing_wrap_spaces)
    assert not assemble.Assembler(pages).m.whole_words


def test_a_part_at_a_page_s_top_with_moved_inner_edges_and_an_empty_first_cell_is_the_rest_of_the_table():
    from pipeline.readers._pdf.rules import switched_off

    def pages():
        first = two_column_table(1, 600, [("Naam", "Definitie van de competentie", 600),
                                          ("Niveau 1", "Ziet het grotere geheel", 612)], 718)
        rest = layout.RawTable(2, 72, 96, [84.6, 304.0, 516.6], [[
            cell(84.6, 304.0, 72, 96), cell(304.0, 516.6, 72, 96, line("Maakt keuzes", 72.5, 2, 309.5))]])
        return [page(1, [line("Titel", 60)], [first]), page(2, [], [rest])]

    blocks = layout.assemble(pages())
    (table,) = tables(blocks)  # an HTML printer sized the part on the next page anew
    assert [c.text for c in table.rows[-1].cells] == ["", "Maakt keuzes"]
    assert any(isinstance(n, Note) and n.rule == "pdf.resized-rest" and n.origin.page == 2 for n in blocks)
    with switched_off("pdf.resized-rest"):
        assert len(tables(layout.assemble(pages()))) == 2


def test_a_capital_after_a_sentence_end_in_a_cell_taken_as_spaced_goes_on_with_a_note():
    m = metrics()
    lines = [line("Plans the week ahead. Alarm.", 100), line("Medemblik works on", 112), line("and goes on", 124)]
    paras = layout.group_paragraphs(lines, m, 160.0, cell=True, spaced=True)
    assert len(paras) == 1  # the decision stands: taken as spaced, a line one pitch below goes on
    [note] = [n for n in m.notes if n.rule == "pdf.tight-cells"]
    assert "'Medemblik'" in note.message and (note.origin.page, note.origin.top) == (1, 112)
    quiet = metrics()  # a line that ends no sentence, or goes on in lower case: nothing to say
    layout.group_paragraphs([line("Plans the week ahead", 100), line("Medemblik works on", 112),
                             line("Plans. the", 124), line("week", 136)], quiet, 160.0, cell=True, spaced=True)
    assert not [n for n in quiet.notes if n.rule == "pdf.tight-cells"]


def test_a_word_cut_over_a_page_break_is_noted_and_never_cut_where_no_word_is():
    from pipeline.readers._pdf.paragraphs import joint

    # "Competentienive" fills the column to its edge at the page's end; "au" tops the next page
    before, after = line("Competentienive", 700), line("au 1 en meer", 60, page=2)
    known = layout.Lexicon(words=frozenset({"competentieniveau"}))
    notes: list[Note] = []
    assert joint(before, after, 90.0 + 15 * CHAR, known, "au", notes=notes) == ""
    [note] = notes
    assert note.rule == "pdf.cut-word" and "'Competentienive' and 'au'" in note.message and note.origin.page == 2
    # a writer that never cuts a word at a column's edge (Metrics.whole_words): a space
    assert joint(before, after, 90.0 + 15 * CHAR, known, "au", whole_words=True) == " "
