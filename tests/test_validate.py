"""pipeline.validate: the JSON Schema, the integrity rules, the XSD and an output folder."""
from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from pipeline.blocks import Origin
from pipeline.export import xml as xml_export
from pipeline.model import (Cluster, Competency, Handbook, Indicator, Level, LevelScale,
                            Requirement, Source, to_dict)
from pipeline.validate import JSON_SCHEMA, validate, validate_xml


def _level(cid: str, n: int, *texts: str, origin: Origin | None = None) -> Level:
    return Level(n, f"Competentieniveau {n}",
                 tuple(Indicator(f"{cid}-{n}-{k}", t, origin) for k, t in enumerate(texts, 1)))


def small_handbook(id: str = "ambtelijk-secretaris", **changes) -> Handbook:
    """Two competencies, two levels, one cluster, a matrix of two rows."""
    fields = dict(
        id=id,
        title="Competenties Ambtelijk secretaris",
        role="Ambtelijk secretaris",
        organisation="inovum",
        issued="2024-04",
        language="nl",
        source=Source("ambtelijk-secretaris.docx", "docx", "ab" * 32),
        levels=LevelScale(2, True, ("Competentieniveau 1", "Competentieniveau 2")),
        clusters=(Cluster("realiseren-van-doelen", "Realiseren van doelen", ("analyseren",)),),
        competencies=(
            Competency("analyseren", "Analyseren",
                       "Het ordenen en structureren van complexe informatie.",
                       "realiseren-van-doelen",
                       (_level("analyseren", 1, "Ordent informatie.", "Ziet verbanden.",
                               origin=Origin(table=2, row=3, cell=1)),
                        _level("analyseren", 2, "Legt verbanden tussen gegevens.")),
                       origin=Origin(paragraph=40)),
            Competency("samenwerken", "Samenwerken", "Draagt bij aan een gezamenlijk resultaat.",
                       None,
                       (_level("samenwerken", 1, "Deelt informatie."),
                        _level("samenwerken", 2, "Zoekt anderen actief op."))),
        ),
        requirements=(Requirement("analyseren", "Specifieke competenties", 1),
                      Requirement("samenwerken", "Generieke competenties", 2)),
    )
    fields.update(changes)
    return Handbook(**fields)


def good() -> dict:
    return to_dict(small_handbook())


def has(problems: list[str], prefix: str, *words: str) -> bool:
    return any(p.startswith(prefix) and all(w in p for w in words) for p in problems)


# --- JSON Schema ------------------------------------------------------------------------------

def test_schema_is_valid_2020_12_and_describes_every_field():
    schema = json.loads(JSON_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)

    def walk(node, where):
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                assert "description" in sub, f"{where}.{key} has no description"
            for key, sub in node.items():
                walk(sub, f"{where}.{key}")

    walk(schema, "schema")


def test_a_good_handbook_is_valid():
    assert validate(good()) == []


def test_a_handbook_without_clusters_locations_or_matrix_is_valid():
    hb = small_handbook(clusters=(), requirements=(), role=None, organisation=None, issued=None)
    data = to_dict(hb)
    data["competencies"][0]["cluster"] = None
    assert validate(data) == []


@pytest.mark.parametrize("change, prefix, words", [
    (lambda d: d.pop("title"), "handbook: ", ["'title'", "missing"]),
    (lambda d: d.__setitem__("extra", 1), "handbook: ", ["unexpected field 'extra'"]),
    (lambda d: d["source"].__setitem__("sha256", "xyz"), "source.sha256: ", ["SHA-256"]),
    (lambda d: d.__setitem__("issued", "2024-13"), "issued: ", ["year and month"]),
    (lambda d: d["competencies"][1].__setitem__("id", "Samen werken"), "competencies[1].id: ",
     ["lowercase"]),
    (lambda d: d["competencies"][0]["levels"][1]["indicators"][0].__setitem__("text", ""),
     "competencies[0].levels[1].indicators[0].text: ", ["must not be empty"]),
    (lambda d: d["competencies"][0].__setitem__("name", ""), "competencies[0].name: ",
     ["must not be empty"]),
    (lambda d: d["levels"].__setitem__("count", "2"), "levels.count: ", ["integer"]),
    (lambda d: d["source"]["locations"]["analyseren"].__setitem__("sheet", 1),
     'source.locations["analyseren"]: ', ["unexpected field 'sheet'"]),
    (lambda d: d["source"].__setitem__("file", "in/put.docx"), "source.file: ", ["file name"]),
])
def test_schema_problems_say_where_in_plain_words(change, prefix, words):
    data = good()
    change(data)
    assert has(validate(data), prefix, *words), validate(data)


# --- Integrity rules --------------------------------------------------------------------------

def test_requirement_for_a_competency_the_handbook_does_not_describe():
    data = good()
    data["requirements"].append({"competency": "daadkracht", "category": None, "level": 1})
    assert validate(data) == [
        "requirements[2]: the competency matrix names competency 'daadkracht', "
        "a competency the handbook does not describe"]


def test_a_missing_level_names_the_competency_and_the_level():
    data = good()
    del data["competencies"][1]["levels"][1]
    assert validate(data) == [
        "competencies[1].levels: competency 'Samenwerken' is missing level 2 "
        "(the handbook has 2 levels)"]


def test_a_level_beyond_the_scale():
    data = good()
    extra = {"level": 3, "label": "Competentieniveau 3",
             "indicators": [{"id": "samenwerken-3-1", "text": "Inspireert anderen."}]}
    data["competencies"][1]["levels"].append(extra)
    assert has(validate(data), "competencies[1].levels[2]: ", "'Samenwerken'", "level 3",
               "2 levels")


def test_levels_out_of_order():
    data = good()
    data["competencies"][1]["levels"].reverse()
    assert has(validate(data), "competencies[1].levels: ", "out of order", "2, 1")


def test_a_blank_indicator():
    data = good()
    data["competencies"][0]["levels"][0]["indicators"][1]["text"] = " \u200b "
    assert validate(data) == [
        "competencies[0].levels[0].indicators[1]: indicator 'analyseren-1-2' of competency "
        "'Analyseren', level 1, is empty"]


def test_a_competency_described_twice():
    data = good()
    twin = copy.deepcopy(data["competencies"][1])
    data["competencies"].append(twin)
    problems = validate(data)
    assert has(problems, "competencies[2]: ", "'samenwerken'", "described twice")
    assert has(problems, "competencies[2].levels[0].indicators[0]: ", "used twice")


def test_an_indicator_id_that_does_not_follow_competency_level_position():
    data = good()
    data["competencies"][0]["levels"][0]["indicators"][1]["id"] = "analyseren-1-1"
    problems = validate(data)
    assert has(problems, "competencies[0].levels[0].indicators[1]: ", "should be 'analyseren-1-2'")
    assert has(problems, "competencies[0].levels[0].indicators[1]: ", "used twice")


def test_a_competency_naming_an_unknown_cluster():
    data = good()
    data["competencies"][1]["cluster"] = "omgaan-met-anderen"
    assert has(validate(data), "competencies[1].cluster: ", "'omgaan-met-anderen'",
               "does not list")


def test_a_cluster_listing_an_unknown_competency():
    data = good()
    data["clusters"][0]["competencies"].append("daadkracht")
    assert has(validate(data), "clusters[0].competencies[1]: ", "'daadkracht'",
               "does not describe")


def test_cluster_and_competency_must_agree():
    data = good()
    data["clusters"][0]["competencies"] = []
    assert has(validate(data), "competencies[0].cluster: ", "'Analyseren'",
               "that cluster does not list it")
    data = good()
    data["competencies"][0]["cluster"] = None
    assert has(validate(data), "competencies[0].cluster: ", "has no cluster",
               "'realiseren-van-doelen' lists it")


def test_a_required_level_beyond_the_scale():
    data = good()
    data["requirements"][0]["level"] = 3
    assert validate(data) == [
        "requirements[0].level: competency 'analyseren' is required at level 3, "
        "but the handbook has 2 levels"]


def test_labels_must_match_the_level_count():
    data = good()
    data["levels"]["labels"].append("Competentieniveau 3")
    assert has(validate(data), "levels.labels: ", "3 labels", "2 levels")


def test_a_location_for_something_the_handbook_does_not_hold():
    data = good()
    data["source"]["locations"]["daadkracht"] = {"page": 4}
    assert has(validate(data), 'source.locations["daadkracht"]: ', "neither")


# --- XML --------------------------------------------------------------------------------------

def test_the_xml_export_is_valid():
    assert validate_xml(xml_export.render(good())) == []


def test_xml_schema_catches_a_reference_to_an_undescribed_competency():
    xml = xml_export.render(good()).replace(b'competency="samenwerken"', b'competency="daadkracht"')
    problems = validate_xml(xml)
    assert problems and problems[0].startswith("line ")
    assert "daadkracht" in problems[0]


def test_xml_that_is_not_well_formed():
    problems = validate_xml(b"<handbook><title>x</handbook>")
    assert len(problems) == 1 and problems[0].startswith("line 1: not well-formed XML")


def test_xml_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xml = (f'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
           f'<t>&e;</t>').encode()
    problems = validate_xml(xml)
    assert problems and not any("TOPSECRET" in p for p in problems)
