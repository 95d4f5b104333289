from pipeline.blocks import Paragraph, Table
from pipeline.readers.text import parse_lines


def test_tab_lines_form_one_table_and_markup_becomes_emphasis():
    blocks = parse_lines(["Titel", "", "Naam\t<i>Definitie, met komma</i>", "Competentieniveau 1\tDoet iets", "\tDoet meer", "", "Na"])
    assert [type(b) for b in blocks] == [Paragraph, Table, Paragraph]
    table = blocks[1]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Naam", "Definitie, met komma"],
        ["Competentieniveau 1", "Doet iets"],
        ["", "Doet meer"],
    ]
    assert table.rows[0].cells[1].italic and not table.rows[0].cells[0].italic
    assert table.rows[2].cells[1].origin.as_dict() == {"line": 5, "cell": 2}


def test_bold_markup_and_list_items():
    (paragraph,) = parse_lines(["1. **Label:** de titel"])
    assert paragraph.text == "1. Label: de titel"
    assert paragraph.style == "list"
    assert paragraph.spans[1].bold


def test_blank_line_separates_tables():
    blocks = parse_lines(["a\tb", "", "c\td"])
    assert [type(b) for b in blocks] == [Table, Table]
