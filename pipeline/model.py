"""The handbook model: a handful of frozen dataclasses, and the one serializer to a plain dict.

The dict that `to_dict` returns is exactly what schemas/handbook.schema.json describes; the JSON,
CSV and XML exporters all start from it, so the three exports cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass

from .blocks import Origin

SCHEMA_VERSION = "1.1"  # 1.1: optional indicator `code`; frameworks without a matrix (role null)


@dataclass(frozen=True)
class Source:
    file: str
    format: str  # 'docx', 'pdf' or 'text'
    sha256: str


@dataclass(frozen=True)
class Indicator:
    id: str
    text: str
    origin: Origin | None = None
    code: str | None = None  # the document's own code for it ("CS1.1.01", "1.2a"), kept out of the text


@dataclass(frozen=True)
class Level:
    level: int
    label: str  # the label as the document writes it: "Competentieniveau 1", "Basis"
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    definition: str
    cluster: str | None  # cluster id
    levels: tuple[Level, ...]
    origin: Origin | None = None


@dataclass(frozen=True)
class Cluster:
    id: str
    name: str
    competencies: tuple[str, ...]  # competency ids, document order


@dataclass(frozen=True)
class Requirement:
    competency: str  # competency id
    category: str | None  # "Generieke competenties", or None when the matrix has no categories
    level: int


@dataclass(frozen=True)
class LevelScale:
    count: int
    cumulative: bool
    labels: tuple[str, ...]  # one per level, in order


@dataclass(frozen=True)
class Handbook:
    id: str
    title: str
    role: str | None
    organisation: str | None
    issued: str | None  # ISO year-month, "2024-04"
    language: str
    source: Source
    levels: LevelScale
    clusters: tuple[Cluster, ...]
    competencies: tuple[Competency, ...]
    requirements: tuple[Requirement, ...]

    @property
    def indicator_count(self) -> int:
        return sum(len(level.indicators) for c in self.competencies for level in c.levels)

    def counts(self) -> dict:
        return {
            "clusters": len(self.clusters),
            "competencies": len(self.competencies),
            "indicators": self.indicator_count,
            "requirements": len(self.requirements),
        }


def _locations(handbook: Handbook) -> dict:
    """Where each competency and indicator came from, keyed by id, in document order.

    Provenance lives under `source` because it is a property of the file, not of the data: the
    same handbook as .docx, .pdf and .txt gives identical data and different locations.
    """
    locations = {}
    for c in handbook.competencies:
        if c.origin is not None:
            locations[c.id] = c.origin.as_dict()
        for level in c.levels:
            for i in level.indicators:
                if i.origin is not None:
                    locations[i.id] = i.origin.as_dict()
    return locations


def _indicator(indicator: Indicator) -> dict:
    """An indicator's dict; `code` only when the document gives one (schema 1.1)."""
    out = {"id": indicator.id, "text": indicator.text}
    if indicator.code is not None:
        out["code"] = indicator.code
    return out


def to_dict(handbook: Handbook) -> dict:
    """The handbook as the plain dict that the JSON Schema describes (key order is the export order)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": handbook.id,
        "title": handbook.title,
        "role": handbook.role,
        "organisation": handbook.organisation,
        "issued": handbook.issued,
        "language": handbook.language,
        "source": {
            "file": handbook.source.file,
            "format": handbook.source.format,
            "sha256": handbook.source.sha256,
            "locations": _locations(handbook),
        },
        "levels": {
            "count": handbook.levels.count,
            "cumulative": handbook.levels.cumulative,
            "labels": list(handbook.levels.labels),
        },
        "clusters": [
            {"id": c.id, "name": c.name, "competencies": list(c.competencies)}
            for c in handbook.clusters
        ],
        "competencies": [
            {
                "id": c.id,
                "name": c.name,
                "definition": c.definition,
                "cluster": c.cluster,
                "levels": [
                    {
                        "level": lv.level,
                        "label": lv.label,
                        "indicators": [_indicator(i) for i in lv.indicators],
                    }
                    for lv in c.levels
                ],
            }
            for c in handbook.competencies
        ],
        "requirements": [
            {"competency": r.competency, "category": r.category, "level": r.level}
            for r in handbook.requirements
        ],
    }
