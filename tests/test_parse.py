from dataclasses import replace

import pytest

from pipeline.blocks import Origin
from pipeline.errors import ParseError
from pipeline.model import Source
from pipeline.parse import choose_vocabulary, parse
from pipeline.vocab import builtin

from .blocks_builder import PageBreak, PageHeader, matrix, para, table, title_page

SOURCE = Source(file="t.docx", format="docx", sha256="0" * 64)


def run(blocks, **kwargs):
    return parse(blocks, source=SOURCE, handbook_id="t", **kwargs)


def competency(name="Analyseren", definition="_Het ordenen._", rows=None):
    rows = rows or [("Competentieniveau 1", "Doet a"), ("", "Doet b"), ("Competentieniveau 2", "Doet c")]
    return table((name, definition), *rows)


def test_title_page_role_and_date():
    handbook = run(title_page() + [competency()]).handbook
    assert handbook.title == "Competenties Testrol"
    assert handbook.organisation == "Org"
    assert handbook.issued == "2025-05"
    assert handbook.role == "Testrol"  # from the title when there is no matrix


def test_empty_continuation_cells_and_repeated_labels_mean_the_same_level():
    repeated = competency(rows=[("Competentieniveau 1", "Doet a"), ("Competentieniveau 1", "Doet b"), ("Competentieniveau 2", "Doet c")])
    for table_ in (competency(), repeated):
        (c,) = run(title_page() + [table_]).handbook.competencies
        assert [(lv.level, [i.text for i in lv.indicators]) for lv in c.levels] == [(1, ["Doet a", "Doet b"]), (2, ["Doet c"])]
        assert c.definition == "Het ordenen."
        assert c.levels[0].indicators[1].id == "analyseren-1-2"


def test_several_indicators_as_paragraphs_of_one_cell():
    t = table(("Analyseren", "_Def._"), ("Competentieniveau 1", ["Doet a", "Doet b"]), ("Competentieniveau 2", ["Doet c"]))
    (c,) = run(title_page() + [t]).handbook.competencies
    assert [i.text for i in c.levels[0].indicators] == ["Doet a", "Doet b"]


def test_levels_across_columns():
    t = table(("Analyseren", "_Def._", ""), ("Basis", "Gevorderd", "Expert"), ("Doet a", "Doet c", "Doet e"), ("Doet b", "", "Doet f"))
    handbook = run(title_page() + [t]).handbook
    (c,) = handbook.competencies
    assert [[i.text for i in lv.indicators] for lv in c.levels] == [["Doet a", "Doet b"], ["Doet c"], ["Doet e", "Doet f"]]
    assert handbook.levels.labels == ("Basis", "Gevorderd", "Expert")


def test_a_matrix_header_cell_wrapped_onto_a_row_of_its_own_keeps_the_whole_role():
    # a PDF of a matrix without rulings: the header cell's last word on a line of its own
    blocks = title_page("Competenties Coördinator 2e lijn") + [
        para("Competentiematrix", style="heading"),
        matrix(("", "lijn"), ("Analyseren", "2"), header=("Competentie", "Competentieniveau Coördinator 2e")),
        para("Cluster A", style="heading"),
        competency(),
    ]
    handbook = run(blocks).handbook
    assert handbook.role == "Coördinator 2e lijn"
    assert [(r.competency, r.level) for r in handbook.requirements] == [("analyseren", 2)]


def test_matrix_categories_requirements_and_role():
    blocks = title_page() + [
        para("Competentiematrix", style="heading"),
        matrix(("_Generieke competenties_", ""), ("Analyseren", "2"), ("Samenwerken", "1")),
        para("Cluster A", style="heading"),
        competency(),
        competency("Samenwerken"),
    ]
    handbook = run(blocks).handbook
    assert handbook.role == "Testrol"
    assert [(r.competency, r.category, r.level) for r in handbook.requirements] == [
        ("analyseren", "Generieke competenties", 2),
        ("samenwerken", "Generieke competenties", 1),
    ]


def test_cluster_heading_repeated_on_a_later_page_is_the_same_cluster():
    blocks = title_page() + [
        para("Cluster A", style="heading"), competency("Een"), PageBreak(page=3),
        para("Cluster A", style="heading"), competency("Twee"), para("Cluster B", style="heading"), competency("Drie"),
    ]
    handbook = run(blocks).handbook
    assert [(c.name, c.competencies) for c in handbook.clusters] == [("Cluster A", ("een", "twee")), ("Cluster B", ("drie",))]


def test_section_heading_followed_by_text_is_not_a_cluster():
    blocks = title_page() + [para("Inleiding", style="heading"), para("Een lange zin met uitleg."), competency()]
    assert run(blocks).handbook.clusters == ()


def test_cluster_from_running_page_header():
    blocks = title_page() + [PageHeader("Cluster A"), competency("Een"), PageHeader("Cluster B"), competency("Twee"), PageHeader("Cluster B"), competency("Drie")]
    handbook = run(blocks).handbook
    assert [(c.name, c.competencies) for c in handbook.clusters] == [("Cluster A", ("een",)), ("Cluster B", ("twee", "drie"))]


def test_table_continued_after_a_page_break_joins_the_competency():
    rest = table(("", "Doet d"), ("Competentieniveau 3", "Doet e"))
    (c,) = run(title_page() + [competency(), PageBreak(page=3), rest]).handbook.competencies
    assert [len(lv.indicators) for lv in c.levels] == [2, 2, 1]


def test_levels_of_another_competency_are_never_added_to_the_one_before():
    """A competency whose name row was lost: its levels start again at 1, which already holds
    indicators. Adding them to the competency before would be silently wrong: refuse."""
    nameless = table(("Competentieniveau 1", "Werkt samen"), ("Competentieniveau 2", "Werkt goed samen"))
    with pytest.raises(ParseError, match="competency 'Analyseren'.*starts level 1.*already holds indicators"):
        run(title_page() + [competency(), PageBreak(page=3), nameless])
    back = competency(rows=[("Competentieniveau 1", "Doet a"), ("Competentieniveau 2", "Doet b"),
                            ("Competentieniveau 1", "Doet c")])
    with pytest.raises(ParseError, match="starts level 1"):
        run(title_page() + [back])
    again = table(("Competentieniveau 2", "Doet d"))  # the level the table ended on, named again
    with pytest.raises(ParseError, match="starts level 2"):
        run(title_page() + [competency(), PageBreak(page=3), again])


def test_body_text_among_the_competencies_is_noted_where_it_is_left_out():
    """A table's last line a reader took for body text at the next page's top (its indicator
    lost): text after a competency's table that is no heading names no cluster and is no
    competency's, so the conversion says what it left out and where."""
    rest = replace(para("Liter kletsen schudden?"), origin=Origin(page=3, top=59.1))
    result = run(title_page() + [competency(), PageBreak(page=3), rest])
    (note,) = result.notes
    assert note.rule == "parse.stray-text" and "'Liter kletsen schudden?'" in note.message
    assert note.origin == Origin(page=3, top=59.1)
    # a heading there names the next competency's cluster: nothing is left out
    heading = para("Samenwerken", style="heading")
    assert run(title_page() + [competency(), heading, competency("Plannen")]).notes == []


def test_a_table_among_the_competencies_that_is_neither_a_competency_nor_the_matrix_is_noted():
    """A reader that took a table apart leaves pieces that read as neither: their indicators are
    lost, so the conversion must say so where."""
    stray = table(("doorloopt nog.", "Verder met werk"), ("Verwijt iets", "Kaap Galerij."))
    result = run(title_page() + [competency(), PageBreak(page=3), stray])
    assert [c.name for c in result.handbook.competencies] == ["Analyseren"]
    (note,) = result.notes
    assert note.rule == "parse.stray-table" and "after competency 'Analyseren'" in note.message
    assert "'doorloopt nog.'" in note.message
    empty = table(("", ""))  # an empty table loses nothing
    assert run(title_page() + [competency(), empty]).notes == []


def test_cumulative_from_introduction():
    intro = [para("Hogere niveaus: het gedrag van lagere niveaus wordt als aanwezig verondersteld.")]
    assert run(title_page() + intro + [competency()]).handbook.levels.cumulative is True
    assert run(title_page() + [competency()]).handbook.levels.cumulative is False


def test_no_competency_tables_is_a_clear_error():
    with pytest.raises(ParseError, match="no competencies found"):
        run(title_page() + [para("Gewoon een brief.")])


def test_unknown_row_label_is_an_error_naming_the_competency():
    t = competency(rows=[("Competentieniveau 1", "Doet a"), ("Iets anders", "Doet b")])
    with pytest.raises(ParseError, match="competency 'Analyseren'.*'Iets anders'"):
        run(title_page() + [t])


def test_vocabulary_is_chosen_by_the_document():
    english = title_page("Competencies Tester", "Org", "May 2025") + [
        table(("Analysing", "_Def._"), ("Proficiency level 1", "Does a"), ("Proficiency level 2", "Does b"))
    ]
    assert choose_vocabulary(english).language == "en"
    result = run(english)
    assert result.vocabulary.language == "en" and result.handbook.issued == "2025-05"
    assert choose_vocabulary(title_page() + [competency()]).language == "nl"
    assert [v.language for v in builtin()][0] == "nl"


def test_a_matrix_drawn_as_one_with_the_next_competency_table_is_refused():
    """The matrix head row ('Competentie | ...') read as a competency's name would lose the name
    and the matrix: refuse, naming the likely cause."""
    joined = table(("Competentie", "Competentieniveau Testrol"), ("Analyseren", "_Het ordenen._"),
                   ("Competentieniveau 1", "Doet a"), ("Competentieniveau 2", "Doet b"))
    with pytest.raises(ParseError, match="starts with 'Competentie', the head of a competency matrix"):
        run(title_page() + [joined])


@pytest.mark.parametrize("own", [
    [("Analyseren",), ("_Het ordenen._",)],  # its name alone, then its definition alone
    [("Analyseren", "_Het ordenen._")],  # its name beside its definition
    [("Analyseren",)],  # its name alone
])
def test_a_matrix_and_a_competency_table_read_as_one_are_split_where_the_competency_starts(own):
    joined = table(("Competentie", "Competentieniveau Testrol"), ("Generieke competenties",),
                   ("Samenwerken", "2"), ("Analyseren", "Competentieniveau 1"), *own,
                   ("Competentieniveau 1", "Doet a"), ("Competentieniveau 2", "Doet b"))
    later = competency("Samenwerken")
    result = run(title_page() + [joined, later])
    handbook = result.handbook
    assert [c.name for c in handbook.competencies] == ["Analyseren", "Samenwerken"]
    assert [(r.competency, r.level, r.category) for r in handbook.requirements] == [
        ("samenwerken", 2, "Generieke competenties"), ("analyseren", 1, "Generieke competenties")]
    assert handbook.competencies[0].definition == ("Het ordenen." if len(own[-1]) == 2 or len(own) == 2 else "")
    assert [n.rule for n in result.notes] == ["parse.joined-matrix"]


@pytest.mark.parametrize("above", [
    [("Generieke competenties",)],  # a category right above: is it the matrix's or the name?
    [("Samenwerken", "Heel goed")],  # a row that is not the matrix's shape
])
def test_a_joined_matrix_is_refused_without_the_matrix_s_shape_above_the_competency(above):
    joined = table(("Competentie", "Competentieniveau Testrol"), ("Samenwerken", "2"), *above,
                   ("Analyseren",), ("_Het ordenen._",), ("Competentieniveau 1", "Doet a"))
    with pytest.raises(ParseError, match="the head of a competency matrix"):
        run(title_page() + [joined])
