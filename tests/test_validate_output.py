"""pipeline.validate_output: `validate DIR` checks what a downstream job relies on."""
from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.validate_output import validate_output_dir

from .docx_builder import handbook_docx

TWO_LEVELS = {1: ["Brengt in kaart", "Structureert"], 2: ["Ziet de kern"]}


@pytest.fixture
def out(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    handbook_docx(inbox / "rol-a.docx", competencies=[("Analyseren", "Ordenen.", TWO_LEVELS)])
    handbook_docx(inbox / "rol-b.docx", competencies=[("Samenwerken", "Samen.", TWO_LEVELS)])
    folder = tmp_path / "out"
    assert main(["convert", str(inbox), "-o", str(folder), "-q", "--jobs", "1"]) == 0
    return folder


def test_a_fresh_run_is_valid_also_when_named_by_its_generation(out):
    assert validate_output_dir(out) == []
    assert validate_output_dir(out / "current") == []


def test_an_empty_folder_or_an_input_folder_is_a_problem(tmp_path):
    assert validate_output_dir(tmp_path) == [
        f"{tmp_path}: no exports: no run of the pipeline has been published here "
        "(no 'current' generation and no run/manifest.json)"]
    assert validate_output_dir(tmp_path / "nope") == [f"{tmp_path / 'nope'}: not a folder"]


def test_an_export_changed_missing_or_unlisted_is_named(out):
    current = out / "current"
    (current / "json" / "rol-a.json").write_text("{}", encoding="utf-8")
    (current / "xml" / "rol-b.xml").unlink()
    (current / "xml" / "extra.xml").write_bytes(b"<x/>")
    problems = validate_output_dir(out)
    assert "current/json/rol-a.json: changed since it was written (its sha256 is not the one in manifest.json)" in problems
    assert "current/xml/rol-b.xml: missing, but manifest.json lists it" in problems
    assert "current/xml/extra.xml: not listed in manifest.json: not an export of this run" in problems


@pytest.mark.parametrize("name", ["run/manifest.json", "run/report.json", "run/indicators.csv", "run/library.csv",
                                  "run/library.json", "run/role_profile.csv", "case/rol-a.json", "html/rol-b.html"])
def test_a_missing_run_wide_file_is_a_problem(out, name):
    (out / "current" / name).unlink()
    assert any(p.startswith(f"current/{name}: missing") for p in validate_output_dir(out))


def test_csv_rows_of_a_handbook_without_json_come_as_one_line_per_table(out):
    current = out / "current"
    manifest = json.loads((current / "run" / "manifest.json").read_text())
    del manifest["handbooks"]["rol-b"]
    (current / "run" / "manifest.json").write_text(json.dumps(manifest))
    for folder, ext in (("json", "json"), ("xml", "xml")):
        (current / folder / f"rol-b.{ext}").unlink()
    problems = validate_output_dir(out)
    assert "current/run/indicators.csv: rows of handbook 'rol-b', which has no valid JSON export " \
           "(3 times: line 5, line 6, line 7)" in problems
    assert sum(p.startswith("current/run/indicators.csv") for p in problems) == 1
    assert "current/run/library.json: does not match the handbook JSON exports" in problems


def test_a_table_edited_by_hand_is_found_even_when_each_row_looks_right(out):
    path = out / "current" / "run" / "competencies.csv"
    path.write_bytes(path.read_bytes().replace(b"Ordenen.", b"Ordenen!"))
    assert validate_output_dir(out) == [
        "current/run/competencies.csv: does not hold the rows the JSON exports give (first at line 2)"]


def test_a_library_that_breaks_its_schema_is_found(out):
    (out / "current" / "run" / "library.json").write_text('{"competencies": []}', encoding="utf-8")
    assert validate_output_dir(out) == [
        "current/run/library.json: handbook: 'schema_version' is a required property"]


def test_an_invalid_xml_export_is_found(out):
    path = out / "current" / "xml" / "rol-a.xml"
    path.write_bytes(path.read_bytes().replace(b"<title>", b"<titel>").replace(b"</title>", b"</titel>"))
    problems = validate_output_dir(out)
    assert problems[0] == "current/xml/rol-a.xml: changed since it was written (its sha256 is not the one in manifest.json)"
    assert problems[1].startswith("current/xml/rol-a.xml: line ") and len(problems) == 2


def test_the_command_groups_problems_and_exits_1(out, capsys):
    (out / "current" / "run" / "report.json").unlink()
    assert main(["validate", str(out)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{out}/current/run/report.json: missing", f"{out}: 1 problem"]
    assert main(["validate", str(out.parent / "in")]) == 1
