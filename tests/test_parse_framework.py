"""The framework parser on block streams built in memory: scales, heads, codes, other tables, refusals."""
from __future__ import annotations

import pytest

from pipeline.blocks import Cell, Origin, Paragraph, Properties, Row, Span, Table
from pipeline.errors import ParseError
from pipeline.model import Source
from pipeline.parse import parse
from pipeline.parse.scale import Hints, learn_scale
from pipeline.vocab import builtin

from .blocks_builder import PageHeader, para, table

SOURCE = Source(file="framework.docx", format="docx", sha256="0" * 64)
HINTS = Hints(builtin())


def run(blocks, properties=Properties(title="A framework")):
    return parse(blocks, source=SOURCE, handbook_id="framework", properties=properties)


def phrase_table(name, statements, labels=("At Novice stage", "At Skilled stage", "At Leading stage")):
    """Merged first column with name and description; a label per level in the second column."""
    rows = []
    for number, (label, texts) in enumerate(zip(labels, statements)):
        for position, text in enumerate(texts):
            head = [name, f"About {name}."] if number == position == 0 else ""
            rows.append((head, label if position == 0 else "", text))
    return table(*rows)


def test_scale_down_a_column_learned_without_vocabulary():
    tables = [phrase_table("Alpha", [["a1"], ["a2"], ["a3"]]), phrase_table("Beta", [["b1"], ["b2"], ["b3"]])]
    scale = learn_scale(tables, Hints([]))
    assert (scale.axis, scale.column) == ("column", 1)
    assert scale.labels == ("At Novice stage", "At Skilled stage", "At Leading stage")


def test_a_single_table_of_unknown_texts_is_no_scale():
    assert learn_scale([phrase_table("Alpha", [["a1"], ["a2"], ["a3"]])], Hints([])) is None


def test_scale_across_a_header_row_prefers_the_level_words_over_another_repeated_row():
    other = table(("Statement", "Attribute"), ("Does x", "Citizen"))
    levelled = [table(("", "FOUNDATION", "ADVANCED"), ("", f"f{i}", f"a{i}")) for i in range(2)]
    scale = learn_scale([other, levelled[0], other, levelled[1]], HINTS)
    assert scale.axis == "row" and scale.labels == ("FOUNDATION", "ADVANCED")


def test_numbered_labels_take_the_order_of_their_numbers():
    tables = [table(("Header", "Text"), (f"Name {i}", "Def."), ("Stage 2", f"b{i}"), ("Stage 1", f"a{i}")) for i in range(2)]
    assert learn_scale(tables, HINTS).labels == ("Stage 1", "Stage 2")


def test_framework_from_blocks_with_codes_areas_and_a_repeated_title_line():
    head = ["1. AREA ONE", "1.1 Alpha", "Alpha is about a."]
    first = table((head, "At Novice stage", "A1.01: does a"), ("", "At Skilled stage", "A1.02: does b"))
    second = table((["1.2 Beta", "Beta is about b."], "At Novice stage", "A1.03: does c"),
                   ("", "At Skilled stage", "A1.04: does d"))
    blocks = [para("3.2 The framework"), first, para("3.2 The framework"), second]
    result = run(blocks)
    data = result.handbook
    assert [c.name for c in data.competencies] == ["Alpha", "Beta"]
    assert [c.definition for c in data.competencies] == ["Alpha is about a.", "Beta is about b."]
    assert [c.cluster for c in data.competencies] == ["area-one", None]
    assert [(i.code, i.text) for i in data.competencies[0].levels[1].indicators] == [("A1.02", "does b")]
    assert data.role is None and data.requirements == () and data.issued is None
    assert data.title == "A framework"


def test_few_code_like_openings_stay_in_the_text():
    tables = [table((["Alpha", "About alpha."], "Basic", "CO2 is measured"), ("", "Advanced", "Reports it")),
              table((["Beta", "About beta."], "Basic", "Counts things"), ("", "Advanced", "Explains them"))]
    result = run(tables)
    texts = [i.text for c in result.handbook.competencies for lv in c.levels for i in lv.indicators]
    assert texts[0] == "CO2 is measured" and all(i.code is None for c in result.handbook.competencies
                                                 for lv in c.levels for i in lv.indicators)
    assert any(n.rule == "framework.codes-left-in-text" for n in result.notes)


def test_name_from_the_heading_and_quoted_definition_from_the_paragraph_above():
    levels = lambda i: table(("", "FOUNDATION", "ADVANCED"), ("", [f"• f{i}", f"• g{i}"], f"- a{i}"))
    blocks = [para("Alpha", style="heading", level=2), para("“Alpha is “the” best.”"), levels(1),
              para("Beta", style="heading", level=2), para("'Beta it is.'"), levels(2)]
    competencies = run(blocks).handbook.competencies
    assert [(c.name, c.definition) for c in competencies] == [("Alpha", "Alpha is “the” best."), ("Beta", "Beta it is.")]
    assert [i.text for i in competencies[0].levels[0].indicators] == ["f1", "g1"]


def test_a_table_with_levels_and_nothing_above_continues_the_competency_before_it():
    first = table(("", "FOUNDATION", "ADVANCED"), ("", "f1", "a1"))
    rest = table(("", "FOUNDATION", "ADVANCED"), ("", "f2", "a2"))
    blocks = [para("Alpha", style="heading"), para("About alpha."), first, rest,
              para("Beta", style="heading"), para("About beta."), table(("", "FOUNDATION", "ADVANCED"), ("", "f3", "a3"))]
    result = run(blocks)
    alpha = result.handbook.competencies[0]
    assert [[i.text for i in lv.indicators] for lv in alpha.levels] == [["f1", "f2"], ["a1", "a2"]]
    assert any(n.rule == "framework.continued-table" for n in result.notes)


def test_other_tables_are_passed_over_with_a_note_naming_the_table():
    version = Table(rows=(Row(cells=(Cell(paragraphs=(Paragraph(spans=(Span("Version"),)),)),)),),
                    origin=Origin(table=7))
    blocks = [version, *two_tables()]
    notes = [n for n in run(blocks).notes if n.rule == "framework.other-table"]
    assert len(notes) == 1 and notes[0].origin.table == 7 and "'Version'" in notes[0].message


def two_tables():
    return [table((["Alpha", "About alpha."], "Basic", "does a"), ("", "Advanced", "does b")),
            table((["Beta", "About beta."], "Basic", "does c"), ("", "Advanced", "does d"))]


def test_a_label_cell_that_is_no_label_of_the_scale_is_refused():
    tables = two_tables() + [table((["Gamma", "About gamma."], "Basic", "does e"), ("", "Sometimes", "does f"))]
    with pytest.raises(ParseError, match="'Sometimes' stands where the level labels"):
        run(tables)


def test_a_competency_without_a_definition_is_refused():
    with pytest.raises(ParseError, match="competency 'Alpha'.*has no definition"):
        run([table(("Alpha", "Basic", "does a"), ("", "Advanced", "does b")),
             table((["Beta", "About beta."], "Basic", "does c"), ("", "Advanced", "does d"))])


def test_no_scale_and_no_definitions_keeps_the_old_message():
    with pytest.raises(ParseError, match="^no competencies found"):
        run([para("Dear colleague,"), para("Here are the minutes.")])


def test_headings_with_definitions_and_no_levels_are_counted_in_the_refusal():
    blocks = [para("Statistics", style="heading"), para("Applying statistical methods to data with care."),
              para("Ethics", style="heading"), para("Weighing the effects of data use on people.")]
    with pytest.raises(ParseError, match="^2 competences with definitions, but no level labels"):
        run(blocks)


def test_rows_under_a_competence_header_are_counted_in_the_refusal_whatever_their_length():
    blocks = [para("Competences", style="heading"),
              table(("Competence", "Definition"), ("Statistics", "Knowing numbers."), ("Ethics", "Weighing harm."))]
    with pytest.raises(ParseError, match="^2 competences with definitions, but no level labels"):
        run(blocks)
    unheaded = [para("Competences", style="heading"), table(("Statistics", "Knowing numbers."), ("Ethics", "Weighing harm."))]
    with pytest.raises(ParseError, match="^no competencies found"):  # short texts without a header: no evidence
        run(unheaded)


def test_handbook_without_title_page_still_refuses_as_before():
    """A role handbook (labels the vocabulary knows, in the first column) still needs its title page."""
    handbook_table = table(("Analyseren", "_Def._"), ("Competentieniveau 1", "Doet a"))
    with pytest.raises(ParseError, match="the document has no title"):
        run([handbook_table])


def test_a_scale_the_handbook_reader_knows_with_names_above_the_tables_is_read_as_a_framework():
    """The role-handbook reader refuses (no name above the levels in the table); the framework reader
    takes the names from the headings, and says why it was asked."""
    levels = lambda i: table(("", "Basis", "Gevorderd", "Expert"), ("", f"b{i}", f"a{i}", f"e{i}"))
    blocks = [para("Alpha", style="heading"), para("About alpha."), levels(1),
              para("Beta", style="heading"), para("About beta."), levels(2)]
    result = run(blocks)
    assert [c.name for c in result.handbook.competencies] == ["Alpha", "Beta"]
    assert result.handbook.levels.labels == ("Basis", "Gevorderd", "Expert")
    assert result.notes[0].rule == "framework.not-a-handbook" and "no competency name" in result.notes[0].message


def test_a_list_of_competences_under_a_repeated_header_row_is_no_scale():
    tables = [table(("Competence", "Definition"), (f"Name {i}", f"What name {i} means in a long sentence."))
              for i in range(3)]
    with pytest.raises(ParseError, match="^3 competences with definitions, but no level labels"):
        run(tables)


def test_a_scale_without_level_words_or_numbers_is_noted():
    labels = ("At Sprout stage", "At Sapling stage", "At Oak stage")
    result = run([phrase_table("Alpha", [["a1"], ["a2"], ["a3"]], labels), phrase_table("Beta", [["b1"], ["b2"], ["b3"]], labels)])
    assert result.handbook.levels.labels == labels
    assert any(n.rule == "framework.unnamed-scale" for n in result.notes)


def test_a_label_written_a_little_differently_is_that_level_with_a_note():
    tables = two_tables() + [table((["Gamma", "About gamma."], "Basic", "does e"), ("", "Advanced:", "does f"),
                                   ("", "Advance", "does g"))]
    result = run(tables)
    gamma = result.handbook.competencies[2]
    assert [[i.text for i in lv.indicators] for lv in gamma.levels] == [["does e"], ["does f", "does g"]]
    assert [n.message for n in result.notes if n.rule == "framework.label-variant"] == [
        "'Advance' read as level 2 ('Advanced'): nearly the same text"]


def test_knowledge_and_skills_columns_are_no_scale():
    tables = [table(("Competence", "Knowledge", "Skills"), (f"Name {i}", f"Knows {i}", f"Does {i}")) for i in range(2)]
    with pytest.raises(ParseError, match="^no competencies found"):
        run(tables)


def test_name_in_the_heading_and_definition_in_the_table():
    levels = lambda i: table((f"“What competence {i} means, in a sentence.”", "FOUNDATION", "ADVANCED"),
                             ("", f"f{i}", f"a{i}"))
    blocks = [para("Alpha", style="heading", level=2), levels(1), para("Beta", style="heading", level=2), levels(2)]
    competencies = run(blocks).handbook.competencies
    assert [(c.name, c.definition) for c in competencies] == [
        ("Alpha", "What competence 1 means, in a sentence."), ("Beta", "What competence 2 means, in a sentence.")]


def test_cumulative_levels_are_noted_with_the_phrase_that_says_so():
    result = run([para("Each level includes the behaviour of the lower levels.")] + two_tables())
    assert result.handbook.levels.cumulative is True
    assert [n.message for n in result.notes if n.rule == "framework.cumulative"] == [
        "levels read as cumulative: the text says 'includes the behaviour of the lower'"]
    assert run(two_tables()).handbook.levels.cumulative is False


def test_codes_in_a_column_of_their_own_pair_with_the_texts_beside_them():
    tables = [table(([name, f"About {name}."], "Basic", [f"A{n}.1", f"A{n}.2"], [f"does a{n}", f"does b{n}"]),
                    ("", "Advanced", f"A{n}.3:", f"does c{n}")) for n, name in enumerate(("Alpha", "Beta"), start=1)]
    competency = run(tables).handbook.competencies[0]
    assert [(i.code, i.text) for lv in competency.levels for i in lv.indicators] == [
        ("A1.1", "does a1"), ("A1.2", "does b1"), ("A1.3", "does c1")]


def test_title_is_the_first_heading_that_is_not_a_contents_heading():
    blocks = [para("Contents", style="heading"), para("Digital skills framework", style="heading")] + two_tables()
    result = run(blocks, properties=Properties())
    assert result.handbook.title == "Digital skills framework" and result.handbook.organisation is None


def test_repeated_column_headings_without_level_words_are_no_scale():
    """Competence groups as columns, repeated over tables, are not levels: refused, not invented."""
    groups = ("Analytics", "Engineering", "Management")
    tables = [table(("",) + groups, ("", f"Uses methods {i}.", f"Builds systems {i}.", f"Manages data {i}."))
              for i in range(3)]
    with pytest.raises(ParseError, match="^no competencies found"):
        run(tables)


def test_competencies_stacked_in_one_table_with_their_labels_down_a_column():
    rows = []
    for name, area in (("Alpha", "1. FIRST AREA"), ("Beta", None), ("Gamma", "2. SECOND AREA")):
        head = [area, f"{area[0]}.1 {name}", f"About {name}."] if area else [name, f"About {name}."]
        rows += [(head, "Basic", f"{name} does a"), ("", "Advanced", f"{name} does b")]
    result = run([table(*rows)])
    assert [c.name for c in result.handbook.competencies] == ["Alpha", "Beta", "Gamma"]
    assert [c.cluster for c in result.handbook.competencies] == ["first-area", "first-area", "second-area"]
    assert [[i.text for lv in c.levels for i in lv.indicators] for c in result.handbook.competencies][2] == [
        "Gamma does a", "Gamma does b"]


def test_coded_competences_with_names_and_definitions_are_counted_in_the_refusal():
    rows = [("Code", "Competence", "Definition")] + [
        (f"DS{n:02d}", f"Competence {n}", f"What competence {n} asks of a data scientist at work.") for n in range(1, 5)]
    with pytest.raises(ParseError, match="^4 competences with definitions, but no level labels"):
        run([table(*rows)])


def test_title_from_a_running_page_header_before_the_file_name():
    blocks = [PageHeader("3.2 Testland digital framework")] + two_tables()
    result = run(blocks, properties=Properties())
    assert result.handbook.title == "Testland digital framework"
    assert any(n.rule == "framework.title-from-page-header" for n in result.notes)
    assert run(two_tables(), properties=Properties()).handbook.title == "framework"  # the file name


def test_a_file_name_as_the_title_property_is_no_title():
    from pipeline.parse.metadata import is_placeholder

    vocabularies = builtin()
    # Chromium gives a printed HTML file without a <title> its file name as /Title
    assert is_placeholder("framework.html", vocabularies) and is_placeholder("Kader 2024.htm", vocabularies)
    assert is_placeholder("Microsoft Word - x.docx", vocabularies)
    assert not is_placeholder("Digital competence framework", vocabularies)
    assert not is_placeholder("HTML skills", vocabularies)


def test_a_running_header_of_a_date_and_time_is_no_title():
    from pipeline.parse.metadata import resolve_title

    notes = []
    blocks = [PageHeader("12/2/26, 9:50 AM"), table([["Level 1", "a"]])]
    assert resolve_title(Properties(title="kader.html"), blocks, builtin(), "kader.pdf", notes) == "kader"
    assert [n.rule for n in notes] == ["framework.title-placeholder", "framework.title-from-file-name"]


def _banner(texts, span):
    return Row(cells=(Cell(paragraphs=tuple(para(t) for t in texts), span=span),))


def test_competencies_joined_into_one_table_under_rows_across_it():
    # LibreOffice joins touching tables: each competency's row across the table (name and
    # definition), then its labels down the first column, all in one table
    labels = ("Level 1: Aware", "Level 2: Able", "Level 3: Expert")
    rows = []
    for name in ("Alpha", "Beta"):
        rows.append(_banner([f"1.1 {name} skills", f"About {name}."], 2))
        rows += [table((label, f"{name} {n}")).rows[0] for n, label in enumerate(labels, start=1)]
    handbook = run([Table(rows=tuple(rows))]).handbook
    assert [(c.name, c.definition) for c in handbook.competencies] == [
        ("Alpha skills", "About Alpha."), ("Beta skills", "About Beta.")]
    assert [[i.text for lv in c.levels for i in lv.indicators] for c in handbook.competencies] == [
        ["Alpha 1", "Alpha 2", "Alpha 3"], ["Beta 1", "Beta 2", "Beta 3"]]


def test_labels_starting_again_down_one_table_recur_and_other_texts_do_not():
    one = table(("Level 1: Aware", "a"), ("Level 2: Able", "b"), ("Level 1: Aware", "c"), ("Level 2: Able", "d"),
                ("Yes", "e"), ("Yes", "f"))
    from pipeline.parse.scale import Repeats

    repeats = Repeats([one], Hints([]))
    assert repeats.count[(0, "level 1: aware")] == 2 and repeats.count[(0, "yes")] == 1


def test_level_text_beside_the_name_before_the_first_label_is_refused():
    # a PDF reader joined the first two level rows: two labels in one cell, beside the name
    basic, middle, high, top = (f"At {w} level, individuals" for w in ("Basic", "Intermediate", "Advanced", "Expert"))
    tables = [table(([name, f"About {name}."], [basic, middle], [f"{name}1", f"{name}2"]),
                    ("", high, f"{name}3"), ("", top, f"{name}4")) for name in ("A", "B")]
    with pytest.raises(ParseError, match=f"'{basic} At Inter.*' stands beside the competency's name"):
        run(tables)
    # text before the labels' column alone (the name, its description) is the head, as always
    assert len(run([phrase_table("Alpha", [["a1"], ["a2"], ["a3"]]), phrase_table("Beta", [["b1"], ["b2"], ["b3"]])])
               .handbook.competencies) == 2


def test_numbered_headings_repeated_above_tables_are_areas_not_a_title_line():
    def competency(name):
        return phrase_table(name, [[f"{name}1"], [f"{name}2"], [f"{name}3"]])

    def heading(text):
        return para(text, style="heading")

    blocks = [heading("1. DATA"), competency("Alpha"), heading("1. DATA"), competency("Beta"),
              heading("2. SAFETY"), competency("Gamma")]
    result = run(blocks)
    assert [c.cluster for c in result.handbook.competencies] == ["data", "data", "safety"]
    assert any(n.rule == "framework.repeated-areas" for n in result.notes)
    # one text repeated over the tables is a title line: no area
    title_line = [heading("3.2 Framework"), competency("Alpha"), heading("3.2 Framework"), competency("Beta")]
    read = run(title_line)
    assert [c.cluster for c in read.handbook.competencies] == [None, None]
    # which may be the one area of them all: said in a note, never dropped without a word
    assert [n.rule for n in read.notes if "3.2 Framework" in n.message] == ["framework.running-title"]
    assert not any(n.rule == "framework.running-title" for n in result.notes)
    # the one area of them all: its number heads the names' numbers in the tables below it
    one_area = [heading("1. SERVE"), phrase_table("1.1 Alpha", [["a1"], ["a2"], ["a3"]]),
                heading("1. SERVE"), phrase_table("1.2 Beta", [["b1"], ["b2"], ["b3"]])]
    read = run(one_area)
    assert [(c.name, c.cluster) for c in read.handbook.competencies] == [("Alpha", "serve"), ("Beta", "serve")]
    assert not any(n.rule == "framework.running-title" for n in read.notes)
    numbered_title = [heading("3.2 Framework"), phrase_table("1.1 Alpha", [["a1"], ["a2"], ["a3"]]),
                      heading("3.2 Framework"), phrase_table("1.2 Beta", [["b1"], ["b2"], ["b3"]])]
    assert [c.cluster for c in run(numbered_title).handbook.competencies] == [None, None]


def test_a_name_in_the_last_row_where_labels_stand_names_the_next_table():
    def levels(name):
        return [("Level 1: Aware", f"{name} does a"), ("Level 2: Expert", f"{name} does b")]

    blocks = [para("1.1 Alpha"), para("About alpha."), table(*levels("Alpha"), ("1.2 Beta", "")),
              para("About beta."), table(*levels("Beta"))]
    result = run(blocks)
    assert [(c.name, c.definition) for c in result.handbook.competencies] == [
        ("Alpha", "About alpha."), ("Beta", "About beta.")]
    assert any(n.rule == "framework.name-below-table" for n in result.notes)
    # the next table names its own competency: the text at the end has no place
    own = [para("1.1 Alpha"), para("About alpha."), table(*levels("Alpha"), ("1.2 Beta", "")),
           table(("1.3 Gamma", ""), *levels("Gamma"))]
    with pytest.raises(ParseError, match="'1.2 Beta' at the end of the table before it has no place"):
        run(own)


def lone_capability_table(first=("Capability", "FOUNDATION", "INTERMEDIATE", "EXEMPLAR")):
    """One table of one capability per row under a first row not marked as a header (an HTML export drops the mark)."""
    return table(first, *(([f"1.{i} Name {i}", "“What it means.”"], f"f{i}", f"i{i}", f"e{i}") for i in (1, 2)))


def test_a_lone_first_row_of_level_words_is_the_header_of_the_levels_with_a_note():
    rows = lone_capability_table()
    result = run([para("1. ONLY AREA", style="heading"), rows])
    assert result.handbook.levels.labels == ("FOUNDATION", "INTERMEDIATE", "EXEMPLAR")
    assert [(c.name, c.definition, c.cluster) for c in result.handbook.competencies] == [
        ("Name 1", "What it means.", "only-area"), ("Name 2", "What it means.", "only-area")]
    assert [[i.text for i in lv.indicators] for lv in result.handbook.competencies[1].levels] == [["f2"], ["i2"], ["e2"]]
    [note] = [n for n in result.notes if n.rule == "framework.worded-header"]
    assert note.origin == rows.rows[0].origin and "'FOUNDATION', 'INTERMEDIATE', 'EXEMPLAR'" in note.message


def test_a_lone_first_row_with_a_text_without_level_word_is_no_scale():
    rows = table(("Capability", "FOUNDATION", "Outcomes", "EXEMPLAR"), ("Name 1", "f1", "o1", "e1"),
                 ("Name 2", "f2", "o2", "e2"))
    with pytest.raises(ParseError, match="^no competencies found"):
        run([rows])
    # below the first row, level words alone make no header: a row of the levels' texts could say them
    later = table(("Capability", "Group", "Other", "More"), ("Name 1", "FOUNDATION", "INTERMEDIATE", "EXEMPLAR"),
                  ("Name 2", "f2", "i2", "e2"))
    with pytest.raises(ParseError, match="^no competencies found"):
        run([later])


def test_a_scale_the_tables_repeat_comes_before_a_first_row_of_level_words():
    summary = table(("Scale", "Level 1 Basic", "Level 2 Middle", "Level 3 Advanced"),
                    ("", "Knows the basics.", "Works alone.", "Leads others."))
    tables = [summary] + two_tables()
    result = run(tables)
    assert result.handbook.levels.labels == ("Basic", "Advanced")
    assert not any(n.rule == "framework.worded-header" for n in result.notes)


def test_a_numbered_line_taken_for_a_title_is_the_area_of_the_numbers_below_it():
    rows = lone_capability_table()
    blocks = [para("1. ONLY AREA", style="title"), Table(rows=(Row(cells=rows.rows[0].cells, header=True),) + rows.rows[1:])]
    result = run(blocks)
    assert [c.cluster for c in result.handbook.competencies] == ["only-area", "only-area"]
    # a title line that numbers nothing below it is no area
    other = [para("3. Framework", style="title"), Table(rows=(Row(cells=rows.rows[0].cells, header=True),) + rows.rows[1:])]
    assert [c.cluster for c in run(other).handbook.competencies] == [None, None]


def test_a_definition_in_the_row_below_a_lone_name_is_that_competencys_with_a_note():
    header = ("Capability", "FOUNDATION", "INTERMEDIATE", "EXEMPLAR")
    rows = table(header, (["1.1 Name 1", "“What it means.”"], "f1", "i1", "e1"),
                 ("1.2 Name 2", "f2", "i2", "e2"), ("“What the second means.”", "f2b", "i2b", "e2b"))
    result = run([rows])
    assert [(c.name, c.definition) for c in result.handbook.competencies] == [
        ("Name 1", "What it means."), ("Name 2", "What the second means.")]
    assert [[i.text for i in lv.indicators] for lv in result.handbook.competencies[1].levels] == [
        ["f2", "f2b"], ["i2", "i2b"], ["e2", "e2b"]]
    [note] = [n for n in result.notes if n.rule == "framework.definition-in-next-row"]
    assert note.origin == rows.rows[3].origin
    # a name below a name is the next competency: the first has no definition, which is refused
    names = table(header, ("1.1 Name 1", "f1", "i1", "e1"), ("1.2 Name 2", "f2", "i2", "e2"))
    with pytest.raises(ParseError, match="'Name 1' .* has no definition"):
        run([names])


def test_level_labels_together_in_one_cell_of_several_tables_are_named_in_the_refusal():
    """Two level rows read as one (a PDF without rulings): the labels share a cell in every table."""
    def joined(name):
        return table(([name, f"About {name}, in a sentence of some words."],
                      ["At Basic level, individuals", "At Advanced level, individuals"], [f"{name} does a.", f"{name} does b."]))
    with pytest.raises(ParseError, match="^level labels stand together in one cell \\('At Basic level, individuals' / "
                                         "'At Advanced level, individuals', table at .*the levels cannot be told apart"):
        run([joined("Alpha"), joined("Beta")])
    # in one table only: nothing shows they are labels that repeat; the refusal says what was found
    with pytest.raises(ParseError, match="^1 competences with definitions"):
        run([joined("Alpha")])
