"""The customer's handbook gives exactly the same data from .docx, .pdf and .txt."""
import pytest

from pipeline import convert

FORMATS = ("docx", "pdf", "txt")


@pytest.fixture(scope="module")
def conversions():
    from .conftest import REFERENCE

    return {fmt: convert(REFERENCE[fmt]) for fmt in FORMATS}


def data_only(conversion):
    data = dict(conversion.data)
    data.pop("source")
    return data


@pytest.mark.parametrize("fmt", FORMATS)
def test_reference_counts(conversions, fmt):
    handbook = conversions[fmt].handbook
    assert handbook.counts() == {"clusters": 2, "competencies": 7, "indicators": 78, "requirements": 7}
    assert (handbook.title, handbook.role, handbook.organisation, handbook.issued) == (
        "Competenties Ambtelijk secretaris", "Ambtelijk secretaris", "inovum", "2024-04")
    assert (handbook.levels.count, handbook.levels.cumulative) == (3, True)
    assert conversions[fmt].warnings == []


@pytest.mark.parametrize("fmt", ["pdf", "txt"])
def test_every_form_gives_the_data_of_the_word_file(conversions, fmt):
    assert data_only(conversions[fmt]) == data_only(conversions["docx"])


def test_provenance_points_into_each_source(conversions):
    assert conversions["docx"].data["source"]["locations"]["analyseren-2-3"] == {"table": 2, "row": 8, "cell": 2}
    assert conversions["txt"].data["source"]["locations"]["analyseren"]["line"] > 0
    pdf_location = conversions["pdf"].data["source"]["locations"]["integriteit-1-1"]
    assert pdf_location["page"] == 4


# PDFs other writers printed from LibreOffice's HTML export of the handbook. The handbook's id
# comes from the file's name, so each is read under the name the others have.
OTHER_WRITERS = ["wkhtmltopdf.pdf", "weasyprint.pdf"]


@pytest.mark.parametrize("form", OTHER_WRITERS)
def test_pdfs_from_other_writers_give_the_data_of_the_word_file(conversions, form, tmp_path):
    import shutil

    from .conftest import REFERENCE

    copy = tmp_path / "ambtelijk-secretaris.pdf"
    shutil.copy(REFERENCE[form], copy)
    assert data_only(convert(copy)) == data_only(conversions["docx"])
