"""The CASE export: one 1EdTech CASE CFPackage per handbook, for learning platforms and registries.

Competencies and Academic Standards Exchange (CASE) 1.0 and 1.1 both read this package: it uses
only the fields the two package schemas share (the 1.1 schema forbids fields it does not list).

    CFDocument   the handbook (title, creator = organisation, language, version = issued)
    CFItems      clusters, competencies (fullStatement = name, notes = definition), one item per
                 competency level (fullStatement = the level's label) and the indicators
    CFAssociations  isChildOf, from child to parent, with sequenceNumber = document order:
                 document <- cluster <- competency <- level <- indicator (a competency without a
                 cluster is a child of the document)

Identifiers are UUID version 5 from one fixed project namespace and a name made of our stable
ids ("competency:<handbook id>/<competency id>"): the same handbook gives the same identifiers
on every run and from .docx, .pdf and .txt. They are scoped by handbook, because in CASE every
item belongs to one document; the same competency in two role handbooks is two items.

`uri`s are `base_uri + identifier`. The default base is `urn:uuid:`, a valid URI that promises
no server; give the address the package will be served from (`--case-base-uri`) to get
resolvable ones. `lastChangeDateTime` must be a date-time, and the pipeline has no clock it may
put in data files: it is the first day of the month the handbook was issued, or a fixed
1970-01-01 when the handbook states no date (said in the document's notes).
"""
from __future__ import annotations

import json
import uuid
from pathlib import Path

from ..atomic import write_bytes_atomic

# Fixed forever: changing it changes every identifier every consumer has stored.
PROJECT_NAMESPACE = uuid.UUID("0e1ce755-7d09-4dcf-bd47-bda9a69da631")
DEFAULT_BASE_URI = "urn:uuid:"
CASE_VERSION = "1.1"
UNDATED_CHANGE_TIME = "1970-01-01T00:00:00Z"

# CFItemType of each kind of item: a label, as CASE leaves item types to the publisher.
ITEM_TYPES = {
    "cluster": "Cluster",
    "competency": "Competency",
    "level": "Competency level",
    "indicator": "Indicator",
}


def identifier(name: str) -> str:
    """The UUIDv5 of a stable name in the project namespace (lower-case hex, as CASE demands)."""
    return str(uuid.uuid5(PROJECT_NAMESPACE, name))


def normal_base_uri(base_uri: str) -> str:
    """The base with the separator identifiers follow ("https://x.org/case" -> ".../case/");
    ValueError in plain words when it is no absolute URI (a scheme, then the rest)."""
    scheme, colon, rest = base_uri.partition(":")
    if not colon or not scheme[:1].isalpha() or not all(ch.isalnum() or ch in "+-." for ch in scheme):
        raise ValueError(f"the CASE base URI '{base_uri}' is not an absolute URI "
                         "(it needs a scheme, as in https://example.org/case/ or urn:uuid:)")
    if any(ch.isspace() for ch in base_uri):
        raise ValueError(f"the CASE base URI '{base_uri}' contains white space")
    return base_uri if base_uri.endswith(("/", ":", "#", "=")) else base_uri + "/"


def render(data: dict, base_uri: str = DEFAULT_BASE_URI) -> bytes:
    """The CFPackage as deterministic UTF-8 JSON bytes."""
    text = json.dumps(package(data, base_uri), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return text.encode("utf-8", "backslashreplace")  # lone surrogates as JSON escapes, as json.py


def write(data: dict, path: Path, base_uri: str = DEFAULT_BASE_URI) -> None:
    write_bytes_atomic(Path(path), render(data, base_uri))


def package(data: dict, base_uri: str = DEFAULT_BASE_URI) -> dict:
    """The CFPackage dict of one handbook dict (as `pipeline.model.to_dict` makes it)."""
    builder = _Builder(data, base_uri)
    return builder.build()


class _Builder:
    """Collects items and associations in document order while it walks the handbook once."""

    def __init__(self, data: dict, base_uri: str):
        self.data = data
        self.hid = data["id"]
        self.base_uri = normal_base_uri(base_uri)
        self.changed = f"{data['issued']}-01T00:00:00Z" if data.get("issued") else UNDATED_CHANGE_TIME
        self.items: list[dict] = []
        self.associations: list[dict] = []
        self.document = self._document()
        self.document_link = self._link(self.document["identifier"], self.document["title"])

    def build(self) -> dict:
        clustered = set()
        competencies = {c["id"]: c for c in self.data["competencies"]}
        for position, cluster in enumerate(self.data["clusters"], start=1):
            item = self._item("cluster", cluster["id"], cluster["name"], code=cluster["id"])
            self._child_of(item, self.document_link, position)
            for order, cid in enumerate(cluster["competencies"], start=1):
                if cid in competencies:
                    clustered.add(cid)
                    self._competency(competencies[cid], self._link_item(item), order)
        offset = len(self.data["clusters"])
        loose = [c for c in self.data["competencies"] if c["id"] not in clustered]
        for position, competency in enumerate(loose, start=offset + 1):
            self._competency(competency, self.document_link, position)
        return {"CFDocument": self.document, "CFItems": self.items, "CFAssociations": self.associations}

    def _document(self) -> dict:
        data = self.data
        ident = identifier(f"handbook:{self.hid}")
        document = {
            "identifier": ident,
            "uri": self.base_uri + ident,
            "creator": data.get("organisation") or "",
            "title": data["title"],
            "lastChangeDateTime": self.changed,
            "language": data["language"],
            "caseVersion": CASE_VERSION,
        }
        if data.get("issued"):
            document["version"] = data["issued"]
        if data.get("role"):
            document["description"] = data["role"]
        unknown = [name for name, key in (("organisation", "organisation"), ("issue date", "issued"))
                   if not data.get(key)]
        if unknown:
            document["notes"] = (f"The handbook states no {' and no '.join(unknown)}; "
                                 "creator and lastChangeDateTime are placeholders.")
        return document

    def _competency(self, competency: dict, parent: dict, position: int) -> None:
        item = self._item("competency", competency["id"], competency["name"], code=competency["id"],
                          notes=competency.get("definition"))
        self._child_of(item, parent, position)
        for level in competency["levels"]:
            number = level["level"]
            level_item = self._item("level", f"{competency['id']}/{number}", level["label"],
                                    code=f"{competency['id']}-{number}", enumeration=str(number))
            self._child_of(level_item, self._link_item(item), number)
            for order, indicator in enumerate(level["indicators"], start=1):
                code = indicator.get("code") or indicator["id"]
                ind_item = self._item("indicator", indicator["id"], indicator["text"], code=code,
                                      enumeration=str(order))
                self._child_of(ind_item, self._link_item(level_item), order)

    def _item(self, kind: str, local_id: str, statement: str, *, code: str,
              notes: str | None = None, enumeration: str | None = None) -> dict:
        ident = identifier(f"{kind}:{self.hid}/{local_id}")
        item = {
            "identifier": ident,
            "fullStatement": statement,
            "CFItemType": ITEM_TYPES[kind],
            "uri": self.base_uri + ident,
            "humanCodingScheme": code,
            "language": self.data["language"],
            "lastChangeDateTime": self.changed,
        }
        if enumeration is not None:
            item["listEnumeration"] = enumeration
        if notes:
            item["notes"] = notes
        self.items.append(item)
        return item

    def _child_of(self, child: dict, parent: dict, sequence: int) -> None:
        ident = identifier(f"isChildOf:{child['identifier']}/{parent['identifier']}")
        self.associations.append({
            "identifier": ident,
            "associationType": "isChildOf",
            "sequenceNumber": sequence,
            "uri": self.base_uri + ident,
            "originNodeURI": self._link_item(child),
            "destinationNodeURI": parent,
            "lastChangeDateTime": self.changed,
        })

    def _link_item(self, item: dict) -> dict:
        return self._link(item["identifier"], item["fullStatement"])

    def _link(self, ident: str, title: str) -> dict:
        return {"title": title, "identifier": ident, "uri": self.base_uri + ident}
