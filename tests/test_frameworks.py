"""Competency frameworks of other organisations, in the shapes the real ones have, from Word.

The documents are built in memory by tests/framework_builder.py; each test checks every name,
definition, level label, indicator and code against what the builder wrote.
"""
from __future__ import annotations

import pytest

from pipeline import convert
from pipeline.errors import ParseError
from pipeline.export.csv import write_tables_in_order as write_tables  # one handbook: already in id order
from pipeline.export import xml as xml_export
from pipeline.validate import validate_xml

from .framework_builder import (
    COLUMN_LEVELS,
    LEVEL_PHRASES,
    banner_framework,
    capability_framework,
    definitions_only,
    digital_framework,
    merged_head_framework,
    name_in_header_framework,
    numbered_named_levels_framework,
    one_per_row_framework,
    sample_competences,
    split_tables_framework,
)
from .test_cli import run_cli


def strip_number(name: str) -> str:
    return name.split(" ", 1)[1]


def assert_competences(data: dict, competences, labels, coded: bool) -> None:
    """Every competency, definition, level label, indicator (and code) as the builder wrote it."""
    assert data["levels"]["labels"] == labels and data["levels"]["count"] == len(labels)
    assert len(data["competencies"]) == len(competences)
    for found, made in zip(data["competencies"], competences):
        assert found["name"] == strip_number(made.name)
        assert found["definition"] == made.definition
        assert [lv["label"] for lv in found["levels"]] == labels
        for number, (level, statements) in enumerate(zip(found["levels"], made.levels)):
            assert [i["text"] for i in level["indicators"]] == statements
            codes = [i.get("code") for i in level["indicators"]]
            assert codes == (made.codes[number] if coded else [None] * len(statements))


def test_digital_framework_merged_first_column_and_coded_statements(tmp_path):
    competences = sample_competences()
    path = digital_framework(tmp_path / "digital.docx", competences, title="Testland Digital Competence Framework",
                             company="Testland Agency")
    result = convert(path)
    data = result.data
    assert_competences(data, competences, LEVEL_PHRASES["en"], coded=True)
    assert (data["title"], data["organisation"], data["role"], data["issued"]) == (
        "Testland Digital Competence Framework", "Testland Agency", None, None)
    assert data["requirements"] == [] and data["language"] == "en"
    assert [(c["name"], len(c["competencies"])) for c in data["clusters"]] == [
        ("INFORMATION AND DATA", 2), ("COMMUNICATION", 2)]
    assert any(n.rule == "framework.indicator-codes" for n in result.notes)
    assert any(n.rule == "framework.organisation-from-properties" for n in result.notes)


def test_dutch_digital_framework_with_a_repeated_header_row_and_no_title_property(tmp_path):
    competences = sample_competences(language="nl", areas=("1. INFORMATIE EN DATA", "2. COMMUNICATIE"))
    path = digital_framework(tmp_path / "digitaal.docx", competences, language="nl", header_row=True,
                             title_line="3.2 Testlands digitaal kader")
    result = convert(path)
    assert_competences(result.data, competences, LEVEL_PHRASES["nl"], coded=True)
    assert result.data["language"] == "nl"
    assert result.data["title"] == "Testlands digitaal kader"  # the first line, its section number off
    assert any(n.rule == "framework.title-from-body" for n in result.notes)


def test_capability_framework_levels_as_columns_between_other_tables(tmp_path):
    competences = sample_competences(coded=False, areas=())
    path = capability_framework(tmp_path / "capabilities.docx", competences, title="University Capability Framework")
    result = convert(path)
    assert_competences(result.data, competences, COLUMN_LEVELS["en"], coded=False)
    assert result.data["title"] == "University Capability Framework"
    passed_over = [n for n in result.notes if n.rule == "framework.other-table"]
    assert len(passed_over) == 1 + len(competences)  # the contents and each alignment table
    assert "Alignment statement" in passed_over[1].message and passed_over[1].origin.table == 3


def test_capability_areas_from_headings_above_the_names(tmp_path):
    competences = sample_competences(coded=False, areas=("Working with others", "Working with data"))
    data = convert(capability_framework(tmp_path / "areas.docx", competences, contents=False, title="Capabilities")).data
    assert [c["name"] for c in data["clusters"]] == ["Working with others", "Working with data"]
    assert [c["cluster"] for c in data["competencies"]] == ["working-with-others"] * 2 + ["working-with-data"] * 2


def test_typed_bullets_are_not_text(tmp_path):
    competences = sample_competences(coded=False, areas=())
    data = convert(capability_framework(tmp_path / "bullets.docx", competences, bullets="•")).data
    assert_competences(data, competences, COLUMN_LEVELS["en"], coded=False)


def test_straight_quotes_around_the_definition_are_not_text(tmp_path):
    competences = sample_competences(coded=False, areas=())
    data = convert(capability_framework(tmp_path / "quotes.docx", competences, quotes=('"', '"'))).data
    assert [c["definition"] for c in data["competencies"]] == [c.definition for c in competences]


def test_placeholder_title_gives_way_to_the_first_heading(tmp_path):
    competences = sample_competences(coded=False, areas=("Framework areas",))
    result = convert(capability_framework(tmp_path / "placeholder.docx", competences, title="DOCUMENT TITLE"))
    assert result.data["title"] == "Framework areas"
    assert any(n.rule == "framework.title-placeholder" for n in result.notes)


def test_name_and_quoted_definition_in_a_first_row_spanning_the_table(tmp_path):
    competences = sample_competences(coded=False, areas=())
    result = convert(merged_head_framework(tmp_path / "spanned.docx", competences))
    assert_competences(result.data, competences, COLUMN_LEVELS["en"], coded=False)
    assert result.data["title"] == "spanned"  # no property, no heading: the file name, with a note
    assert any(n.rule == "framework.title-from-file-name" for n in result.notes)


def test_german_framework_needs_only_its_vocabulary(tmp_path):
    competences = sample_competences(coded=False, areas=(), language="de")
    data = convert(capability_framework(tmp_path / "rahmen.docx", competences, language="de",
                                        title="Kompetenzrahmen", alignment=False)).data
    assert_competences(data, competences, COLUMN_LEVELS["de"], coded=False)
    assert data["language"] == "de"


def test_framework_without_levels_is_refused_saying_what_it_found(tmp_path):
    pairs = [("Data engineering", "Designing and building data pipelines that are reliable and can be maintained."),
             ("Statistics", "Applying statistical methods to data so that decisions rest on evidence."),
             ("Ethics", "Weighing the effects of data use on people and acting on what that shows.")]
    path = definitions_only(tmp_path / "datascience.docx", pairs)
    with pytest.raises(ParseError) as raised:
        convert(path)
    assert str(raised.value) == ("3 competences with definitions, but no level labels or levelled indicators: "
                                 "nothing converted (levels are never invented)")


def test_framework_without_levels_through_the_cli(tmp_path):
    path = definitions_only(tmp_path / "datascience.docx",
                            [("Statistics", "Applying statistical methods to data so that decisions rest on evidence.")])
    result = run_cli("convert", str(path), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert f"{path}: 1 competences with definitions, but no level labels or levelled indicators" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out" / "current" / "json" / "datascience.json").exists()


def test_framework_exports_are_valid_csv_and_xml(tmp_path):
    competences = sample_competences()
    data = convert(digital_framework(tmp_path / "digital.docx", competences, title="Framework")).data
    assert validate_xml(xml_export.render(data)) == []
    xml = xml_export.render(data).decode("utf-8")
    assert 'code="CS1.1.01"' in xml and "<role>" not in xml
    write_tables([data], tmp_path / "csv")
    lines = (tmp_path / "csv" / "indicators.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith(",text,code") and lines[1].endswith(",CS1.1.01")
    assert (tmp_path / "csv" / "requirements.csv").read_text(encoding="utf-8").count("\n") == 1  # header only


# --- variations of the shapes: merged banners, one cell per level, labels with numbers, split tables --


def test_area_banner_spanning_the_table_and_bulleted_codes(tmp_path):
    competences = sample_competences()
    data = convert(banner_framework(tmp_path / "banner.docx", competences)).data
    labels = [label + ":" for label in LEVEL_PHRASES["en"]]  # as written, colon and all
    for competence in competences:
        competence.definition += " More description."
    assert_competences(data, competences, labels, coded=True)
    assert [c["name"] for c in data["clusters"]] == ["INFORMATION AND DATA", "COMMUNICATION"]


def test_all_statements_of_a_level_in_one_cell(tmp_path):
    competences = sample_competences()
    data = convert(banner_framework(tmp_path / "cells.docx", competences, one_cell=True)).data
    for competence in competences:
        competence.definition += " More description."
    assert_competences(data, competences, LEVEL_PHRASES["en"], coded=True)


def test_name_in_the_header_row_and_typed_numbering(tmp_path):
    competences = sample_competences(coded=False, areas=())
    result = convert(name_in_header_framework(tmp_path / "header.docx", competences))
    assert_competences(result.data, competences, COLUMN_LEVELS["en"], coded=False)
    assert len([n for n in result.notes if n.rule == "framework.other-table"]) == len(competences)


def test_numbered_and_named_labels_down_the_first_column(tmp_path):
    competences = sample_competences(coded=False, areas=())
    labels = ["Level 1: Foundation", "Level 2: Developing", "Level 3: Proficient", "Level 4: Leading"]
    data = convert(numbered_named_levels_framework(tmp_path / "levels.docx", competences, labels)).data
    assert_competences(data, competences, labels, coded=False)


def test_levels_split_over_tables_with_repeated_header_rows(tmp_path):
    competences = sample_competences(coded=False, areas=())
    result = convert(split_tables_framework(tmp_path / "split.docx", competences))
    assert_competences(result.data, competences, COLUMN_LEVELS["en"], coded=False)
    assert len([n for n in result.notes if n.rule == "framework.continued-table"]) == len(competences)


def test_one_capability_per_row_under_one_header_row_per_area(tmp_path):
    competences = sample_competences(coded=False, areas=("Working with others", "Working with data"))
    data = convert(one_per_row_framework(tmp_path / "rows.docx", competences)).data
    assert_competences(data, competences, COLUMN_LEVELS["en"], coded=False)
    assert [(c["name"], c["competencies"]) for c in data["clusters"]] == [
        ("Working with others", ["competence-a-handling", "competence-b-handling"]),
        ("Working with data", ["competence-c-handling", "competence-d-handling"])]


def test_one_table_of_capabilities_alone_is_read_when_its_labels_are_known(tmp_path):
    competences = sample_competences(count=3, coded=False, areas=("All capabilities",))
    data = convert(one_per_row_framework(tmp_path / "one.docx", competences)).data
    assert_competences(data, competences, COLUMN_LEVELS["en"], coded=False)
