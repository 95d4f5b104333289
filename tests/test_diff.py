"""pipeline.diff and `pipeline diff OLD NEW`: what changed between two editions of a handbook."""
from __future__ import annotations

import copy
import json
import random
from dataclasses import replace

import pytest

from pipeline.cli import main
from pipeline.diff import diff, marked, word_diff
from pipeline.export import json as json_export
from pipeline.model import Competency, Indicator, Level, Requirement
from pipeline.parse.words import slug
from tests.conftest import REFERENCE
from tests.export_data import reference_data, small, without_matrix
from tests.handbook_factory import make_handbook
from tests.render_docx import Layout, render


def kinds(changes: list[dict]) -> list[str]:
    return sorted(c["kind"] for c in changes)


# --- the comparison on dicts ----------------------------------------------------------------

def test_same_data_has_no_changes_and_provenance_does_not_count():
    assert diff(reference_data("docx"), reference_data("txt")) == []


def test_definition_change_has_a_word_diff():
    old, new = small(), small()
    new["competencies"][0]["definition"] = "Het ordenen en ontleden van complexe informatie."
    (change,) = diff(old, new)
    assert change["kind"] == "definition-changed" and change["competency"] == "analyseren"
    assert change["words"] == [["=", "Het ordenen en"], ["-", "structureren"], ["+", "ontleden"],
                               ["=", "van complexe informatie."]]
    assert marked(change["words"]) == "Het ordenen en [-structureren-] {+ontleden+} van complexe informatie."


def test_indicator_moved_changed_added_removed():
    old, new = small(), small()
    levels = new["competencies"][0]["levels"]
    moved = levels[0]["indicators"].pop(1)  # "Ziet verbanden." from level 1 to level 2
    levels[1]["indicators"].append(moved)
    levels[1]["indicators"][0]["text"] = "Legt snel verbanden tussen gegevens."
    new["competencies"][1]["levels"][0]["indicators"] = [{"id": "samenwerken-1-1", "text": "Luistert."}]
    changes = diff(old, new)
    assert kinds(changes) == ["indicator-added", "indicator-changed", "indicator-moved", "indicator-removed"]
    move = next(c for c in changes if c["kind"] == "indicator-moved")
    assert (move["old_level"], move["new_level"], move["text"]) == (1, 2, "Ziet verbanden.")
    changed = next(c for c in changes if c["kind"] == "indicator-changed")
    assert ["+", "snel"] in changed["words"] and changed["level"] == 2


def test_renamed_competency_is_one_change_and_its_requirement_follows():
    old, new = small(), small()
    competency = new["competencies"][1]
    competency["id"], competency["name"] = "samen-werken", "Samen werken"
    new["requirements"][1]["competency"] = "samen-werken"
    assert diff(old, new) == [{"kind": "competency-renamed", "old_id": "samenwerken", "new_id": "samen-werken",
                               "old": "Samenwerken", "new": "Samen werken"}]


def test_added_and_removed_competencies_and_requirements():
    old, new = small(), small()
    new["competencies"][1] = {"id": "integriteit", "name": "Integriteit", "definition": "Handelt eerlijk.",
                              "cluster": None, "levels": [
                                  {"level": 1, "label": "Competentieniveau 1", "indicators": [{"id": "integriteit-1-1", "text": "Is open."}]},
                                  {"level": 2, "label": "Competentieniveau 2", "indicators": [{"id": "integriteit-2-1", "text": "Spreekt aan."}]}]}
    new["requirements"][1] = {"competency": "integriteit", "category": "Generieke competenties", "level": 1}
    new["requirements"][0]["level"] = 2
    changes = diff(old, new)
    assert kinds(changes) == ["competency-added", "competency-removed", "requirement-added",
                              "requirement-changed", "requirement-removed"]
    level = next(c for c in changes if c["kind"] == "requirement-changed")
    assert (level["competency"], level["field"], level["old"], level["new"]) == ("analyseren", "level", 1, 2)


def test_handbook_fields_levels_and_clusters():
    old, new = small(), without_matrix(small(issued="2025-01"))
    new["levels"]["cumulative"] = False
    new["clusters"][0]["name"] = "Resultaten"
    new["clusters"][0]["id"] = "resultaten"
    new["competencies"][0]["cluster"] = "resultaten"
    changes = diff(old, new)
    # role and issued; the competency whose cluster was renamed did not change cluster
    assert kinds(changes) == ["cluster-renamed", "handbook-changed", "handbook-changed", "levels-changed",
                              "requirement-removed", "requirement-removed"]
    new["competencies"][1]["cluster"] = "resultaten"
    moved = [c for c in diff(old, new) if c["kind"] == "cluster-changed"]
    assert moved == [{"kind": "cluster-changed", "competency": "samenwerken", "name": "Samenwerken",
                      "old": None, "new": "Resultaten"}]


def test_word_diff_keeps_every_word():
    ops = word_diff("a b c d", "a x c d e")
    assert " ".join(t for op, t in ops if op != "+") == "a b c d"
    assert " ".join(t for op, t in ops if op != "-") == "a x c d e"


# --- two editions as Word files, through the command line -------------------------------------

def _edition_pair():
    first = make_handbook(random.Random("editions"), language="nl", competencies=4, clusters=1,
                          level_count=3, cumulative=True, categories=False, named=False)
    c0, c1, c2, c3 = first.competencies
    first = replace(first, requirements=tuple(Requirement(c.id, None, 1) for c in (c0, c1, c2, c3)))
    renamed_name = "Verbindend samenwerken"
    c1_new = replace(c1, id=slug(renamed_name), name=renamed_name)
    level1, level2, level3 = c2.levels
    changed = replace(level1.indicators[0], text=level1.indicators[0].text + " zorgvuldig")
    moved = level2.indicators[-1]
    assert len(level2.indicators) > 1
    c2_new = replace(c2, levels=(replace(level1, indicators=(changed, *level1.indicators[1:])),
                                 replace(level2, indicators=level2.indicators[:-1]),
                                 replace(level3, indicators=(*level3.indicators, moved))))
    c0_new = replace(c0, definition=c0.definition + " altijd")
    added = Competency("klantgerichtheid", "Klantgerichtheid", "Stelt de klant centraal bij elk besluit.",
                       c0.cluster, tuple(Level(n, lv.label, (Indicator(f"klantgerichtheid-{n}-1", f"Vraagt door naar wens {n}."),))
                                         for n, lv in enumerate(c0.levels, start=1)))
    competencies = (c0_new, c1_new, c2_new, added)
    cluster = replace(first.clusters[0], competencies=tuple(c.id for c in competencies))
    second = replace(first, competencies=competencies, clusters=(cluster,),
                     requirements=(Requirement(c0.id, None, 2), Requirement(c1_new.id, None, 1),
                                   Requirement(c2.id, None, 1), Requirement(added.id, None, 1)))
    return first, second, (c0, c1, c2, c3)


def test_two_editions_give_exactly_the_changes_made(tmp_path, capsys):
    first, second, (c0, c1, c2, c3) = _edition_pair()
    old = render(first, Layout(), tmp_path / "edition-2023.docx")
    new = render(second, Layout(), tmp_path / "edition-2024.docx")
    assert main(["diff", str(old), str(new), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["same"] is False
    summary = sorted((c["kind"], c.get("competency") or c.get("old_id")) for c in report["changes"])
    assert summary == sorted([
        ("definition-changed", c0.id),
        ("competency-renamed", c1.id),
        ("indicator-changed", c2.id),
        ("indicator-moved", c2.id),
        ("competency-removed", c3.id),
        ("competency-added", "klantgerichtheid"),
        ("requirement-changed", c0.id),
        ("requirement-removed", c3.id),
        ("requirement-added", "klantgerichtheid"),
    ])
    move = next(c for c in report["changes"] if c["kind"] == "indicator-moved")
    assert (move["old_level"], move["new_level"]) == (2, 3)
    assert main(["diff", str(old), str(new)]) == 1
    text = capsys.readouterr().out
    assert "9 change(s)" in text and "{+zorgvuldig+}" in text and "{+altijd+}" in text


def test_same_handbook_as_word_and_as_json_export_exits_0(tmp_path, capsys):
    export = tmp_path / "ambtelijk-secretaris.json"
    export.write_bytes(json_export.render(reference_data("pdf")))
    assert main(["diff", str(REFERENCE["docx"]), str(export)]) == 0
    assert "the same handbook data" in capsys.readouterr().out


@pytest.mark.parametrize("make, words", [
    (lambda d: None, "no such file"),
    (lambda d: (d / "x.json").write_text("{not json"), "not a readable JSON file"),
    (lambda d: (d / "x.json").write_text('{"id": "x"}'), "not a valid handbook export"),
    (lambda d: (d / "x.json").write_text("[]"), "not a handbook export"),
    (lambda d: (d / "x.docx").write_bytes(b"PK\x03\x04 broken"), "x.docx:"),
])
def test_bad_input_exits_2_with_one_clear_line(tmp_path, capsys, make, words):
    make(tmp_path)
    bad = next(iter(sorted(tmp_path.iterdir())), tmp_path / "missing.json")
    assert main(["diff", str(REFERENCE["txt"]), str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and str(bad) in lines[0]


def test_unchanged_inputs_are_not_modified():
    old, new = small(), small()
    before = copy.deepcopy((old, new))
    diff(old, new)
    assert (old, new) == before
