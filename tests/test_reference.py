"""The customer's handbook gives exactly the same data in all seven forms: .docx, .txt and five PDF writers."""
import pytest

from pipeline import convert

FORMATS = ("docx", "pdf", "txt", "tagged.pdf", "chromium.pdf", "wkhtmltopdf.pdf", "weasyprint.pdf")


@pytest.fixture(scope="module")
def conversions():
    from .conftest import REFERENCE

    return {fmt: convert(REFERENCE[fmt]) for fmt in FORMATS}


def data_only(conversion):
    """The data without where it came from: the source, and the id (made from the file name)."""
    data = dict(conversion.data)
    data.pop("source")
    data.pop("id")
    return data


@pytest.mark.parametrize("fmt", FORMATS)
def test_reference_counts(conversions, fmt):
    handbook = conversions[fmt].handbook
    assert handbook.counts() == {"clusters": 2, "competencies": 7, "indicators": 78, "requirements": 7}
    assert (handbook.title, handbook.role, handbook.organisation, handbook.issued) == (
        "Competenties Ambtelijk secretaris", "Ambtelijk secretaris", "inovum", "2024-04")
    assert (handbook.levels.count, handbook.levels.cumulative) == (3, True)
    assert conversions[fmt].warnings == []


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "docx"])
def test_every_form_gives_the_data_of_the_word_file(conversions, fmt):
    assert data_only(conversions[fmt]) == data_only(conversions["docx"])


def test_provenance_points_into_each_source(conversions):
    assert conversions["docx"].data["source"]["locations"]["analyseren-2-3"] == {"table": 2, "row": 8, "cell": 2}
    assert conversions["txt"].data["source"]["locations"]["analyseren"]["line"] > 0
    pdf_location = conversions["pdf"].data["source"]["locations"]["integriteit-1-1"]
    assert pdf_location["page"] == 4


@pytest.mark.parametrize("fmt", ["tagged.pdf", "chromium.pdf"])
def test_tagged_forms_are_read_from_their_structure_tree(conversions, fmt):
    # read by the tree: no note that the layout rules had to take over
    assert not [n for n in conversions[fmt].notes if n.rule == "pdf.tagged.fallback"]
    assert conversions[fmt].data["source"]["locations"]["integriteit-1-1"]["page"] in (4, 5)
