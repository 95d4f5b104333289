from pipeline.blocks import PageBreak, Paragraph, Table
from pipeline.readers import docx as docx_reader

from .docx_builder import handbook_docx, vmerge_values


def tables(blocks):
    return [b for b in blocks if isinstance(b, Table)]


def test_vertically_merged_label_gives_empty_continuation_cells(tmp_path):
    path = handbook_docx(tmp_path / "h.docx", merge_labels=True)
    assert vmerge_values(path) == ["restart", None]  # restart, then a bare continuation
    competency = tables(docx_reader.read(path))[1]
    labels = [row.cells[0].text for row in competency.rows]
    assert labels == ["Analyseren", "Competentieniveau 1", "", "Competentieniveau 2"]


def test_sentence_split_over_runs_is_one_paragraph(tmp_path):
    path = handbook_docx(tmp_path / "h.docx", split_runs=True)
    competency = tables(docx_reader.read(path))[1]
    assert competency.rows[1].cells[1].text == "Brengt in kaart"
    assert len(competency.rows[1].cells[1].paragraphs[0].spans) == 2


def test_non_breaking_space_is_folded(tmp_path):
    path = handbook_docx(tmp_path / "h.docx", nbsp=True)
    competency = tables(docx_reader.read(path))[1]
    assert competency.rows[1].cells[1].text == "Brengt in kaart"


def test_styles_emphasis_and_origin(tmp_path):
    path = handbook_docx(tmp_path / "h.docx")
    blocks = docx_reader.read(path)
    assert blocks[0].style == "title" and blocks[0].text == "Competenties Testrol"
    assert any(isinstance(b, PageBreak) for b in blocks)
    heading = next(b for b in blocks if isinstance(b, Paragraph) and b.text == "Competentiematrix")
    assert heading.style == "heading" and heading.level == 1
    definition = tables(blocks)[1].rows[0].cells[1]
    assert definition.italic
    assert definition.origin.as_dict() == {"table": 2, "row": 1, "cell": 2}


def test_reference_docx_blocks(reference):
    blocks = docx_reader.read(reference["docx"])
    assert len(tables(blocks)) == 8
    assert blocks[0].text == "Competenties Ambtelijk secretaris"


# --- Word features of real frameworks: spans, header rows, properties, text boxes, outline levels --

import docx as python_docx  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from pipeline.blocks import Properties  # noqa: E402
from pipeline.readers import read  # noqa: E402

from .framework_builder import mark_header_row, set_properties  # noqa: E402


def test_grid_span_with_vertical_merge_lines_cells_up_by_grid_column(tmp_path):
    document = python_docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Name spanning the table"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Merged down"
    table.cell(1, 1).text, table.cell(1, 2).text = "L1", "L2"
    table.cell(2, 1).text, table.cell(2, 2).text = "a", "b"
    mark_header_row(table.rows[1])
    document.save(str(tmp_path / "t.docx"))
    rows = tables(docx_reader.read(tmp_path / "t.docx"))[0].rows
    assert [c.span for c in rows[0].cells] == [3]
    assert [c.text if c else None for c in rows[0].grid()] == ["Name spanning the table", None, None]
    assert [c.text for c in rows[2].grid()] == ["", "a", "b"]  # the merge's continuation is empty
    assert [r.header for r in rows] == [False, True, False]


def test_core_title_and_company_come_apart_from_the_blocks(tmp_path):
    document = python_docx.Document()
    document.add_paragraph("Body")
    set_properties(document, title="Framework title", company="Agency")
    document.save(str(tmp_path / "p.docx"))
    reading = read(tmp_path / "p.docx")
    assert reading.properties == Properties(title="Framework title", organisation="Agency")
    assert [b.text for b in reading.blocks] == ["Body"]


EXTRA_NAMESPACES = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
                    'xmlns:v="urn:schemas-microsoft-com:vml"')


def test_text_box_text_is_its_own_paragraph_once(tmp_path):
    document = python_docx.Document()
    paragraph = document.add_paragraph("Anchor")
    box = parse_xml(
        f'<mc:AlternateContent {nsdecls("w")} {EXTRA_NAMESPACES}><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        '<w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing>'
        '</mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent>')
    run = paragraph.add_run()
    run._r.append(box)
    document.save(str(tmp_path / "box.docx"))
    texts = [b.text for b in docx_reader.read(tmp_path / "box.docx") if isinstance(b, Paragraph)]
    assert texts == ["Anchor", "In the box"]


def test_outline_level_on_the_paragraph_makes_a_heading(tmp_path):
    document = python_docx.Document()
    paragraph = document.add_paragraph("Area one")
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    document.add_paragraph("Body")
    document.save(str(tmp_path / "o.docx"))
    blocks = [b for b in docx_reader.read(tmp_path / "o.docx") if isinstance(b, Paragraph)]
    assert [(b.style, b.level) for b in blocks] == [("heading", 2), (None, 0)]


def test_a_running_header_in_a_text_box_is_read_once(tmp_path):
    document = python_docx.Document()
    document.add_paragraph("Body")
    header = document.sections[0].header
    header.is_linked_to_previous = False
    box = parse_xml(
        f'<mc:AlternateContent {nsdecls("w")} {EXTRA_NAMESPACES}><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        '<w:txbxContent><w:p><w:r><w:t>Area one</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing>'
        '</mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Area one</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent>')
    header.paragraphs[0].add_run()._r.append(box)
    document.save(str(tmp_path / "header.docx"))
    headers = [b.text for b in docx_reader.read(tmp_path / "header.docx") if type(b).__name__ == "PageHeader"]
    assert headers == ["Area one"]
