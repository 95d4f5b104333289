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
