"""pipeline.export.case: a CASE CFPackage that CASE 1.0 and 1.1 consumers accept.

The checks below restate, in our own words, what 1EdTech's CFPackage JSON schemas demand
(case-v1p0-cfpackage-schema.json and case-v1p1-cfpackage-schema.json, as OpenSALT carries them
under core/config/schema/): the required fields of the document, items, associations and node
links; the fields 1.1 allows (it forbids any other); the identifier patterns; the association
types; date-time and URI formats.
"""
from __future__ import annotations

import json
import re
from datetime import datetime

import pytest

from pipeline.export import case
from tests.export_data import reference_data, small, without_matrix

# Required fields, the same in 1.0 and 1.1.
REQUIRED = {
    "package": {"CFDocument"},
    "document": {"identifier", "uri", "creator", "title", "lastChangeDateTime"},
    "item": {"identifier", "fullStatement", "uri", "lastChangeDateTime"},
    "association": {"identifier", "associationType", "uri", "originNodeURI", "destinationNodeURI",
                    "lastChangeDateTime"},
    "link": {"title", "identifier", "uri"},
}
# The fields 1.1 lists (additionalProperties false); we use no field that 1.0 lacks except
# the document's caseVersion, which 1.0 lets pass as an additional property.
ALLOWED_1_1 = {
    "package": {"CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics", "extensions"},
    "document": {"identifier", "uri", "frameworkType", "caseVersion", "creator", "title",
                 "lastChangeDateTime", "officialSourceURL", "publisher", "description", "subject",
                 "subjectURI", "language", "version", "adoptionStatus", "statusStartDate",
                 "statusEndDate", "licenseURI", "notes", "extensions"},
    "item": {"identifier", "fullStatement", "alternativeLabel", "CFItemType", "uri",
             "humanCodingScheme", "listEnumeration", "abbreviatedStatement", "conceptKeywords",
             "conceptKeywordsURI", "notes", "subject", "subjectURI", "language", "educationLevel",
             "CFItemTypeURI", "licenseURI", "statusStartDate", "statusEndDate", "lastChangeDateTime",
             "extensions"},
    "association": {"identifier", "associationType", "sequenceNumber", "uri", "originNodeURI",
                    "destinationNodeURI", "CFAssociationGroupingURI", "lastChangeDateTime", "notes",
                    "extensions"},
    "link": {"title", "identifier", "uri", "targetType"},
}
# The link of an association node: 1.0 forbids anything beyond its three fields.
LINK_1_0 = {"title", "identifier", "uri"}
# UUIDs: lower-case hex 8-4-4-4-12, variant 8, 9, a or b; 1.0 also demands version 1 to 5.
UUID_1_0 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
UUID_1_1 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
ASSOCIATION_TYPES_1_0 = {"isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes",
                         "isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel"}
ASSOCIATION_TYPES_1_1 = ASSOCIATION_TYPES_1_0 | {"isTranslationOf"}  # or "ext:" + name
INT32 = range(-2**31, 2**31)


def problems(package: dict) -> list[str]:
    """Every way the package breaks the rules above; [] when 1.0 and 1.1 both accept it."""
    found = _fields("package", package, "package")
    document = package.get("CFDocument", {})
    found += _fields("document", document, "CFDocument")
    found += _node(document, "CFDocument")
    if "caseVersion" in document and document["caseVersion"] != "1.1":
        found.append("CFDocument.caseVersion: must be 1.1")
    for i, item in enumerate(package.get("CFItems", [])):
        found += _fields("item", item, f"CFItems[{i}]") + _node(item, f"CFItems[{i}]")
        found += [f"CFItems[{i}].{k}: not a string" for k in ("fullStatement", "humanCodingScheme",
                  "CFItemType", "listEnumeration", "notes", "language") if k in item and not isinstance(item[k], str)]
    for i, assoc in enumerate(package.get("CFAssociations", [])):
        where = f"CFAssociations[{i}]"
        found += _fields("association", assoc, where) + _node(assoc, where)
        if assoc.get("associationType") not in ASSOCIATION_TYPES_1_0 & ASSOCIATION_TYPES_1_1:
            found.append(f"{where}.associationType: {assoc.get('associationType')!r} is not a CASE type")
        if "sequenceNumber" in assoc and (type(assoc["sequenceNumber"]) is not int or assoc["sequenceNumber"] not in INT32):
            found.append(f"{where}.sequenceNumber: not an int32")
        for end in ("originNodeURI", "destinationNodeURI"):
            link = assoc.get(end, {})
            found += _fields("link", link, f"{where}.{end}")
            found += [f"{where}.{end}: {k} not allowed in 1.0" for k in set(link) - LINK_1_0]
            found += [f"{where}.{end}.uri: not a URI" for _ in [0] if not _is_uri(link.get("uri"))]
    return found


def _fields(kind: str, obj: dict, where: str) -> list[str]:
    return ([f"{where}: {k} missing" for k in sorted(REQUIRED[kind] - set(obj))]
            + [f"{where}: {k} not allowed in 1.1" for k in sorted(set(obj) - ALLOWED_1_1[kind])])


def _node(obj: dict, where: str) -> list[str]:
    found = []
    ident = obj.get("identifier", "")
    if not (UUID_1_0.fullmatch(ident) and UUID_1_1.fullmatch(ident)):
        found.append(f"{where}.identifier: {ident!r} is not a CASE UUID")
    if not _is_uri(obj.get("uri")):
        found.append(f"{where}.uri: not a URI")
    try:
        datetime.fromisoformat(obj.get("lastChangeDateTime", "").replace("Z", "+00:00"))
        if "T" not in obj["lastChangeDateTime"]:
            raise ValueError
    except (ValueError, KeyError):
        found.append(f"{where}.lastChangeDateTime: not a date-time")
    return found


def _is_uri(text) -> bool:
    return isinstance(text, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:\S+", text) is not None


# --- the rules themselves can fail ---------------------------------------------------------

def test_the_checks_catch_each_kind_of_break():
    package = case.package(small())
    package["CFDocument"].pop("creator")
    package["CFItems"][0]["identifier"] = "not-a-uuid"
    package["CFItems"][1]["CFDocumentURI"] = {}
    package["CFAssociations"][0]["associationType"] = "isParentOf"
    package["CFAssociations"][1]["originNodeURI"]["targetType"] = "CASE"
    package["CFAssociations"][2]["lastChangeDateTime"] = "2024-04"
    found = "\n".join(problems(package))
    for words in ("CFDocument: creator missing", "CFItems[0].identifier", "CFDocumentURI not allowed in 1.1",
                  "isParentOf", "targetType not allowed in 1.0", "CFAssociations[2].lastChangeDateTime"):
        assert words in found


# --- the reference handbook -------------------------------------------------------------------

@pytest.fixture(scope="module")
def packages():
    return {fmt: case.package(reference_data(fmt)) for fmt in ("docx", "pdf", "txt")}


def test_reference_package_meets_case_1_0_and_1_1(packages):
    assert problems(packages["docx"]) == []


def test_identifiers_are_the_same_from_docx_pdf_and_txt_and_on_every_run(packages):
    identifiers = {fmt: [n["identifier"] for n in [p["CFDocument"], *p["CFItems"], *p["CFAssociations"]]]
                   for fmt, p in packages.items()}
    assert identifiers["docx"] == identifiers["pdf"] == identifiers["txt"]
    assert len(set(identifiers["docx"])) == len(identifiers["docx"])  # unique
    # The package holds data only, no provenance: the same bytes from every form and run.
    assert case.render(reference_data("pdf")) == case.render(reference_data("txt")) == case.render(reference_data("docx"))


def test_reference_package_holds_every_item_in_a_tree(packages):
    data, package = reference_data(), packages["docx"]
    levels = sum(len(c["levels"]) for c in data["competencies"])
    indicators = sum(len(lv["indicators"]) for c in data["competencies"] for lv in c["levels"])
    kinds = [item["CFItemType"] for item in package["CFItems"]]
    assert kinds.count("Cluster") == len(data["clusters"])
    assert kinds.count("Competency") == len(data["competencies"])
    assert kinds.count("Competency level") == levels
    assert kinds.count("Indicator") == indicators
    assert _reaches_document(package)
    texts = {i["fullStatement"] for i in package["CFItems"] if i["CFItemType"] == "Indicator"}
    assert texts == {i["text"] for c in data["competencies"] for lv in c["levels"] for i in lv["indicators"]}


def _reaches_document(package: dict) -> bool:
    """Every item has exactly one isChildOf parent, and the chain ends at the document."""
    parent = {}
    for assoc in package["CFAssociations"]:
        assert assoc["associationType"] == "isChildOf"
        child = assoc["originNodeURI"]["identifier"]
        assert child not in parent
        parent[child] = assoc["destinationNodeURI"]["identifier"]
    root = package["CFDocument"]["identifier"]
    for item in package["CFItems"]:
        node, steps = item["identifier"], 0
        while node != root:
            node, steps = parent[node], steps + 1
            assert steps <= 4  # document <- cluster <- competency <- level <- indicator
    return True


def test_sequence_numbers_follow_document_order():
    data = reference_data()
    package = case.package(data)
    by_id = {i["identifier"]: i for i in package["CFItems"]}
    children: dict[str, list] = {}
    for assoc in package["CFAssociations"]:
        children.setdefault(assoc["destinationNodeURI"]["identifier"], []).append(
            (assoc["sequenceNumber"], by_id[assoc["originNodeURI"]["identifier"]]))
    for siblings in children.values():
        assert sorted(n for n, _ in siblings) == list(range(1, len(siblings) + 1))
    first = data["competencies"][0]
    competency = next(i for i in package["CFItems"] if i["humanCodingScheme"] == first["id"])
    level_one = sorted(children[competency["identifier"]], key=lambda s: s[0])[0][1]
    indicators = [item["fullStatement"] for _, item in sorted(children[level_one["identifier"]], key=lambda s: s[0])]
    assert indicators == [i["text"] for i in first["levels"][0]["indicators"]]


def test_competency_carries_its_name_and_definition():
    data = reference_data()
    package = case.package(data)
    first = data["competencies"][0]
    item = next(i for i in package["CFItems"] if i["humanCodingScheme"] == first["id"])
    assert item["fullStatement"] == first["name"]
    assert item["notes"] == first["definition"]
    document = package["CFDocument"]
    assert (document["title"], document["creator"], document["language"], document["version"]) == \
        (data["title"], data["organisation"], data["language"], data["issued"])
    assert "officialSourceURL" not in document


# --- small handbooks ------------------------------------------------------------------------

def test_competency_without_cluster_is_a_child_of_the_document():
    package = case.package(small())
    loose = next(i for i in package["CFItems"] if i["humanCodingScheme"] == "samenwerken")
    assoc = next(a for a in package["CFAssociations"] if a["originNodeURI"]["identifier"] == loose["identifier"])
    assert assoc["destinationNodeURI"]["identifier"] == package["CFDocument"]["identifier"]
    assert assoc["sequenceNumber"] == 2  # after the one cluster
    assert problems(package) == []


def test_missing_organisation_and_date_are_said_not_invented():
    package = case.package(small(organisation=None, issued=None))
    document = package["CFDocument"]
    assert document["creator"] == ""
    assert document["lastChangeDateTime"] == case.UNDATED_CHANGE_TIME
    assert "organisation" in document["notes"] and "issue date" in document["notes"]
    assert "version" not in document
    assert problems(package) == []


def test_framework_without_role_matrix_and_with_document_codes():
    data = without_matrix(small())
    data["competencies"][0]["levels"][0]["indicators"][0]["code"] = "A.1.1"
    package = case.package(data)
    assert problems(package) == []
    assert "description" not in package["CFDocument"]
    codes = [i["humanCodingScheme"] for i in package["CFItems"] if i["CFItemType"] == "Indicator"]
    assert codes[0] == "A.1.1" and codes[1] == data["competencies"][0]["levels"][0]["indicators"][1]["id"]


def test_identifiers_are_uuid5_of_our_ids_scoped_by_handbook():
    one, other = case.package(small("role-a")), case.package(small("role-b"))
    assert one["CFDocument"]["identifier"] == case.identifier("handbook:role-a")
    assert {i["identifier"] for i in one["CFItems"]}.isdisjoint(i["identifier"] for i in other["CFItems"])
    renamed = small("role-a")
    renamed["competencies"][0]["name"] = "Another name"  # a text changes, the id stays
    assert [i["identifier"] for i in case.package(renamed)["CFItems"]] == [i["identifier"] for i in one["CFItems"]]


@pytest.mark.parametrize("base, expected", [
    ("https://case.example.org/uri/", "https://case.example.org/uri/"),
    ("https://case.example.org/uri", "https://case.example.org/uri/"),
    ("urn:uuid:", "urn:uuid:"),
])
def test_uris_come_from_the_base(base, expected):
    package = case.package(small(), base)
    document = package["CFDocument"]
    assert document["uri"] == expected + document["identifier"]
    assert all(i["uri"] == expected + i["identifier"] for i in package["CFItems"])
    assert problems(package) == []


@pytest.mark.parametrize("base", ["case.example.org/uri", "", "https://x.org/a b"])
def test_a_base_that_is_no_uri_is_refused_in_plain_words(base):
    with pytest.raises(ValueError, match="CASE base URI"):
        case.package(small(), base)


def test_render_is_json_of_the_package_and_deterministic():
    data = small()
    assert case.render(data) == case.render(small())
    assert json.loads(case.render(data)) == case.package(data)


# --- through the command line ---------------------------------------------------------------

def test_convert_writes_packages_with_the_base_uri_given(tmp_path):
    from pipeline.cli import main
    from tests.conftest import REFERENCE

    out = tmp_path / "out"
    base = "https://case.example.org/uri/"
    assert main(["convert", str(REFERENCE["txt"]), "--output", str(out), "--quiet",
                 "--case-base-uri", base]) == 0
    package = json.loads((out / "current" / "case" / "ambtelijk-secretaris.json").read_text(encoding="utf-8"))
    assert package["CFDocument"]["uri"] == base + package["CFDocument"]["identifier"]
    assert problems(package) == []


def test_convert_refuses_a_base_uri_that_is_no_uri(tmp_path, capsys):
    from pipeline.cli import main
    from tests.conftest import REFERENCE

    assert main(["convert", str(REFERENCE["txt"]), "--output", str(tmp_path), "--case-base-uri", "example.org"]) == 2
    assert "CASE base URI 'example.org' is not an absolute URI" in capsys.readouterr().err
    assert not (tmp_path / "case").exists()
