"""pipeline.export.xlsx: the run's tables in one workbook, texts as text, identical bytes."""
from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.cli import main
from pipeline.export import xlsx
from tests.conftest import FIXTURES, REFERENCE
from tests import xlsx_openpyxl
from tests.export_data import reference_data, small, without_matrix

SHEET_FILES = {"Indicators": "indicators.csv", "Competencies": "competencies.csv",
               "Requirements": "requirements.csv", "Role profile": "role_profile.csv",
               "Library": "library.csv"}


def load(content: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(content))


def sheet_rows(sheet) -> list[list[str]]:
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


@pytest.fixture(scope="module")
def run_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    inputs = [REFERENCE["docx"], FIXTURES / "layouts" / "english-handbook.docx"]
    assert main(["convert", *map(str, inputs), "--output", str(out), "--jobs", "1", "--quiet"]) == 0
    return out / "current" / "run"


def test_workbook_holds_exactly_the_csv_rows(run_output):
    workbook = load((run_output / "handbooks.xlsx").read_bytes())
    assert workbook.sheetnames == list(SHEET_FILES)
    for name, file_name in SHEET_FILES.items():
        text = (run_output / file_name).read_text(encoding="utf-8")
        expected = list(csv.reader(io.StringIO(text, newline="")))
        assert sheet_rows(workbook[name]) == expected, name
        assert len(expected) > 1, name  # the run has rows in every table


def test_every_sheet_has_a_frozen_header_a_filter_and_readable_widths(run_output):
    workbook = load((run_output / "handbooks.xlsx").read_bytes())
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(sheet.max_column)}{sheet.max_row}"
        widths = [sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width
                  for c in range(1, sheet.max_column + 1)]
        assert all(xlsx.MIN_WIDTH <= w <= xlsx.MAX_WIDTH for w in widths), sheet.title
    indicators = workbook["Indicators"]
    text_column = [c.value for c in indicators[1]].index("text") + 1
    assert indicators.column_dimensions[openpyxl.utils.get_column_letter(text_column)].width == xlsx.MAX_WIDTH


@pytest.mark.parametrize("text", ["=1+1", "+31 6 1234", "-minus", "@user", "=HYPERLINK(\"http://x\")"])
def test_formula_like_texts_stay_text(text):
    data = small()
    data["competencies"][0]["levels"][0]["indicators"][0]["text"] = text
    data["competencies"][0]["name"] = text
    content = xlsx.render_workbook([data])
    workbook = load(content)
    cell = workbook["Indicators"]["G2"]
    assert (cell.value, cell.data_type) == (text, "s")
    assert workbook["Competencies"]["C2"].value == text
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_numbers_stay_numbers_and_missing_values_stay_empty():
    data = small()
    data["clusters"] = []
    data["competencies"][0]["cluster"] = None
    workbook = load(xlsx.render_workbook([data]))
    row = [c.value for c in workbook["Indicators"][2]]
    assert row[3] == 1 and row[4] == 1  # level, position
    assert workbook["Competencies"]["E2"].value is None


def test_identical_input_gives_identical_bytes():
    first = xlsx.render_workbook([small("a"), small("b")])
    assert xlsx.render_workbook([small("b"), small("a")]) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "1980-01-01T00:00:00Z" in core and core.count("1980-01-01") == 2


def test_characters_xml_cannot_hold_become_replacement_characters():
    data = small()
    data["competencies"][0]["levels"][0]["indicators"][0]["text"] = "bell\x07 here\ud800\ttab"
    workbook = load(xlsx.render_workbook([data]))
    assert workbook["Indicators"]["G2"].value == "bell\ufffd here\ufffd\ttab"


def test_empty_run_and_framework_without_matrix(tmp_path):
    workbook = load(xlsx.render_workbook([]))
    assert [sheet.max_row for sheet in workbook.worksheets] == [1] * 5
    path = xlsx.write_workbook(iter([without_matrix(small())]), tmp_path)
    workbook = load(path.read_bytes())
    assert workbook["Requirements"].max_row == 1 and workbook["Role profile"].max_row == 1
    assert workbook["Library"]["D2"].value is None  # no role


def test_noncharacters_xml_cannot_hold_become_replacement_characters():
    data = small()
    data["competencies"][0]["levels"][0]["indicators"][0]["text"] = "a\ufffeb\uffff"
    workbook = load(xlsx.render_workbook([data]))
    assert workbook["Indicators"]["G2"].value == "a\ufffdb\ufffd"


# The workbook is written directly; its bytes are those openpyxl writes (tests/xlsx_openpyxl.py).

def _many(count: int) -> list[dict]:
    """Handbooks enough for sheets of many rows (the writer hands them to the compressor in pieces)."""
    return [small(f"rol-{i:03d}") for i in range(count)]


@pytest.mark.parametrize("handbooks", [
    lambda: [], lambda: [small()], lambda: [without_matrix(small())], lambda: _many(150),
    lambda: [reference_data("docx"), reference_data("pdf") | {"id": "pdf-form"}, small("b")],
], ids=["empty", "small", "no-matrix", "many", "reference"])
def test_bytes_are_those_openpyxl_writes(handbooks):
    handbooks = handbooks()
    assert xlsx.render_workbook(handbooks) == xlsx_openpyxl.render_workbook(handbooks)


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=80) | st.sampled_from(
    ["", " lead", "trail ", "=1+1", "a\r\nb", "<&>\"'", "\x07", "\ufffe", "\u00a0x\u2003", "\U0001f600"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(_TEXT, min_size=4, max_size=4), code=st.none() | _TEXT)
def test_bytes_are_those_openpyxl_writes_for_any_text(texts, code):
    data = small()
    competency = data["competencies"][0]
    competency["name"], competency["definition"] = texts[0], texts[1]
    indicator = competency["levels"][0]["indicators"][0]
    indicator["text"], indicator["code"] = texts[2], code
    data["role"] = texts[3]
    assert xlsx.render_workbook([data]) == xlsx_openpyxl.render_workbook([data])
