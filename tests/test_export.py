"""pipeline.export (json, xml, csv) and pipeline.atomic."""
from __future__ import annotations

import csv
import io
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline import atomic
from pipeline.atomic import write_bytes_atomic
from pipeline.export import EXPORTERS
from pipeline.export.csv import write_tables_in_order
from pipeline.export import json as json_export
from pipeline.export import xml as xml_export
from pipeline.export.csv import HEADERS
from pipeline.model import SCHEMA_VERSION, to_dict
from pipeline.validate import validate, validate_xml
from tests.test_validate import small_handbook

NS = {"h": xml_export.NAMESPACE}


def good() -> dict:
    return to_dict(small_handbook())


def with_indicator_text(text: str) -> dict:
    data = good()
    data["competencies"][0]["levels"][0]["indicators"][0]["text"] = text
    return data


# --- dispatch ---------------------------------------------------------------------------------

def test_exporters_by_name():
    assert EXPORTERS == {"json": json_export, "xml": xml_export}
    assert json.loads(EXPORTERS["json"].render(good())) == good()


def write_tables(handbooks, csv_dir):
    return write_tables_in_order(sorted(handbooks, key=lambda h: h["id"]), csv_dir)


# --- JSON -------------------------------------------------------------------------------------

def test_json_is_deterministic_utf8_in_key_order():
    data = good()
    first = json_export.render(data)
    assert first == json_export.render(to_dict(small_handbook()))
    assert first == (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    assert list(json.loads(first)) == list(data)
    assert "Competentieniveau" in first.decode("utf-8")


def test_json_keeps_text_as_given():
    data = with_indicator_text("Café =1+1 \x07 é")
    assert json.loads(json_export.render(data)) == data


def test_json_keeps_a_lone_surrogate_as_an_escape():
    data = with_indicator_text("a\udc80b")
    rendered = json_export.render(data)
    rendered.decode("utf-8")  # still valid UTF-8
    assert json.loads(rendered) == data


# --- XML --------------------------------------------------------------------------------------

def test_xml_validates_against_the_xsd_and_is_deterministic():
    rendered = xml_export.render(good())
    assert rendered.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n")
    assert validate_xml(rendered) == []
    assert rendered == xml_export.render(to_dict(small_handbook()))


def test_xml_shape():
    root = etree.fromstring(xml_export.render(good()))
    assert root.tag == f"{{{xml_export.NAMESPACE}}}handbook"
    assert root.get("id") == "ambtelijk-secretaris" and root.get("schemaVersion") == SCHEMA_VERSION
    indicator = root.find("h:competencies/h:competency[@id='analyseren']/h:level[@number='2']/"
                          "h:indicator", NS)
    assert indicator.get("id") == "analyseren-2-1"
    assert indicator.text == "Legt verbanden tussen gegevens."
    assert root.find("h:source/h:location[@ref='analyseren']", NS).attrib == {
        "ref": "analyseren", "paragraph": "40"}
    assert root.find("h:levels", NS).get("cumulative") == "true"


def test_xml_omits_null_values():
    data = to_dict(small_handbook(role=None, organisation=None, issued=None))
    data["requirements"][0]["category"] = None
    root = etree.fromstring(xml_export.render(data))
    assert root.find("h:role", NS) is None and root.find("h:issued", NS) is None
    assert "category" not in root.find("h:requirements/h:requirement", NS).attrib
    assert "cluster" not in root.find("h:competencies/h:competency[@id='samenwerken']", NS).attrib
    assert validate_xml(xml_export.render(data)) == []


def test_a_control_character_never_makes_invalid_xml():
    data = with_indicator_text("Ordent\x00 infor\x0bmatie\ufffe\udc80.")
    data["competencies"][0]["name"] = "Analy\x1fseren"
    assert validate(data) == []  # the data itself is acceptable; only XML cannot hold it
    rendered = xml_export.render(data)
    assert validate_xml(rendered) == []
    root = etree.fromstring(rendered)
    assert root.find("h:competencies/h:competency/h:level/h:indicator", NS).text == \
        "Ordent informatie."
    assert root.find("h:competencies/h:competency/h:name", NS).text == "Analyseren"


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1))
def test_any_text_gives_well_formed_xml_that_keeps_what_xml_can_hold(text):
    data = with_indicator_text(text)
    data["competencies"][0]["levels"][0]["label"] = text  # an attribute in the XML
    root = etree.fromstring(xml_export.render(data))  # raises if not well-formed
    level = root.find("h:competencies/h:competency/h:level", NS)
    kept = xml_export._NOT_XML.sub("", text)
    assert (level.find("h:indicator", NS).text or "") == kept
    assert level.get("label") == kept  # tab, newline and CR survive as character references


# --- CSV --------------------------------------------------------------------------------------

def _read(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))


def test_csv_tables_header_rows_and_order(tmp_path):
    second = to_dict(small_handbook("beleidsmedewerker", role=None))
    paths = write_tables([second, good()], tmp_path / "csv")
    assert [p.name for p in paths] == list(HEADERS)

    indicators = _read(tmp_path / "csv" / "indicators.csv")
    assert indicators[0] == HEADERS["indicators.csv"]
    # Given in the other order: rows are sorted by handbook id, then document order.
    assert [r[0] for r in indicators[1:]] == ["ambtelijk-secretaris"] * 5 + ["beleidsmedewerker"] * 5
    assert indicators[6:9] == [
        ["beleidsmedewerker", "analyseren", "Analyseren", "1", "1", "analyseren-1-1",
         "Ordent informatie.", ""],
        ["beleidsmedewerker", "analyseren", "Analyseren", "1", "2", "analyseren-1-2",
         "Ziet verbanden.", ""],
        ["beleidsmedewerker", "analyseren", "Analyseren", "2", "1", "analyseren-2-1",
         "Legt verbanden tussen gegevens.", ""],
    ]
    competencies = _read(tmp_path / "csv" / "competencies.csv")
    assert competencies[0] == HEADERS["competencies.csv"]
    assert competencies[1:3] == [
        ["ambtelijk-secretaris", "analyseren", "Analyseren",
         "Het ordenen en structureren van complexe informatie.", "Realiseren van doelen"],
        ["ambtelijk-secretaris", "samenwerken", "Samenwerken",
         "Draagt bij aan een gezamenlijk resultaat.", ""],
    ]
    requirements = _read(tmp_path / "csv" / "requirements.csv")
    assert requirements == [
        HEADERS["requirements.csv"],
        ["ambtelijk-secretaris", "Ambtelijk secretaris", "analyseren", "Analyseren",
         "Specifieke competenties", "1"],
        ["ambtelijk-secretaris", "Ambtelijk secretaris", "samenwerken", "Samenwerken",
         "Generieke competenties", "2"],
        ["beleidsmedewerker", "", "analyseren", "Analyseren", "Specifieke competenties", "1"],
        ["beleidsmedewerker", "", "samenwerken", "Samenwerken", "Generieke competenties", "2"],
    ]


def test_csv_is_rfc4180_utf8_without_bom(tmp_path):
    data = with_indicator_text('Zegt "ja",\nen doet het. Één keer.')
    write_tables([data], tmp_path)
    raw = (tmp_path / "indicators.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.startswith(b"handbook_id,competency_id,competency,level,position,indicator_id,"
                          b"text,code\r\n")
    assert raw.count(b"\r\n") == 6 and raw.endswith(b"\r\n")
    assert '"Zegt ""ja"",\nen doet het. Één keer.",\r\n'.encode("utf-8") in raw
    assert _read(tmp_path / "indicators.csv")[1][6] == 'Zegt "ja",\nen doet het. Één keer.'


@pytest.mark.parametrize("text", ["=SUM(A1:A3)", "+31 6 1234", "-niet", "@iedereen"])
def test_csv_keeps_formula_like_text_exactly(tmp_path, text):
    write_tables([with_indicator_text(text)], tmp_path)
    assert _read(tmp_path / "indicators.csv")[1][6] == text


def test_csv_tables_of_an_empty_run_have_headers(tmp_path):
    write_tables([], tmp_path)
    for name, header in HEADERS.items():
        assert (tmp_path / name).read_bytes() == (",".join(header) + "\r\n").encode()


def test_csv_is_deterministic(tmp_path):
    write_tables([good()], tmp_path / "a")
    write_tables([good()], tmp_path / "b")
    for name in HEADERS:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


# --- atomic writes ----------------------------------------------------------------------------

def test_atomic_write_replaces_and_leaves_no_temp_files(tmp_path):
    target = tmp_path / "deep" / "er" / "x.json"
    write_bytes_atomic(target, b"old")
    write_bytes_atomic(target, "nieuw é".encode("utf-8"))
    assert target.read_bytes() == "nieuw é".encode("utf-8")
    assert os.listdir(target.parent) == ["x.json"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_failed_atomic_write_keeps_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "x.json"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["x.json"]
