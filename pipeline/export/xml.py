"""The XML export: the handbook dict as elements in the urn:handbook-pipeline:handbook:1
namespace, following schemas/handbook.xsd. A None in the dict is an omitted element or attribute.
"""
from __future__ import annotations

import re

from lxml import etree


NAMESPACE = "urn:handbook-pipeline:handbook:1"
_LOCATION_KEYS = ("page", "top", "paragraph", "table", "row", "cell", "line")

# Characters XML 1.0 cannot hold: control characters other than tab, newline and carriage
# return; lone surrogates; U+FFFE and U+FFFF. They are dropped from the XML rendering only
# (the JSON and CSV keep the data as given), so the XML is always well-formed. Listed, not as
# the complement of what XML can hold: a class with ranges up to U+10FFFF takes milliseconds to
# compile, at every start.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _el(parent, tag: str, text=None, **attrs):
    """A child element; attributes whose value is None are left out."""
    el = etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}",
                          {k: _clean(v) for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = _clean(text)
    return el


def to_element(data: dict) -> etree._Element:
    root = etree.Element(f"{{{NAMESPACE}}}handbook", nsmap={None: NAMESPACE})
    root.set("schemaVersion", _clean(data["schema_version"]))
    root.set("id", _clean(data["id"]))
    root.set("language", _clean(data["language"]))
    _el(root, "title", data["title"])
    for key in ("role", "organisation", "issued"):
        if data[key] is not None:
            _el(root, key, data[key])

    src = data["source"]
    source = _el(root, "source", file=src["file"], format=src["format"], sha256=src["sha256"])
    for ref, where in src["locations"].items():
        _el(source, "location", ref=ref, **{k: where.get(k) for k in _LOCATION_KEYS})

    scale = data["levels"]
    levels = _el(root, "levels", count=scale["count"], cumulative=scale["cumulative"])
    for label in scale["labels"]:
        _el(levels, "label", label)

    clusters = _el(root, "clusters")
    for cl in data["clusters"]:
        cluster = _el(clusters, "cluster", id=cl["id"])
        _el(cluster, "name", cl["name"])
        for ref in cl["competencies"]:
            _el(cluster, "competency", ref=ref)

    competencies = _el(root, "competencies")
    for c in data["competencies"]:
        comp = _el(competencies, "competency", id=c["id"], cluster=c["cluster"])
        _el(comp, "name", c["name"])
        _el(comp, "definition", c["definition"])
        for lv in c["levels"]:
            level = _el(comp, "level", number=lv["level"], label=lv["label"])
            for ind in lv["indicators"]:
                _el(level, "indicator", ind["text"], id=ind["id"], code=ind.get("code"))

    requirements = _el(root, "requirements")
    for r in data["requirements"]:
        _el(requirements, "requirement", competency=r["competency"], category=r["category"],
            level=r["level"])
    return root


def render(data: dict) -> bytes:
    """Deterministic, pretty-printed UTF-8 with an XML declaration."""
    return etree.tostring(to_element(data), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)
