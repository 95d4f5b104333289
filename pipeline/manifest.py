"""manifest.json (in each generation of the output folder): what each export was made from, so reruns skip what has not changed.

For every handbook: the input, the source's sha256, the sha256 of each export file, counts, the
schema and pipeline version, and the time of the run that produced it. A downstream job can see
what changed without diffing files; the pipeline uses it to skip unchanged inputs.
"""
from __future__ import annotations

import hashlib
import importlib.resources
import json
from functools import cache
from pathlib import Path

from . import __version__
from .atomic import write_bytes_atomic
from .model import SCHEMA_VERSION

from .layout import MANIFEST


@cache
def pipeline_version() -> str:
    """The release plus a fingerprint of the code, schemas and vocabularies that make the exports."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = sorted(package.rglob("*.py")) + sorted(package.rglob("*.json"))
    for path in files:
        digest.update(path.relative_to(package.parent).as_posix().encode())
        digest.update(path.read_bytes())
    schemas = importlib.resources.files("pipeline.schemas")  # outside the folder when editable
    for resource in sorted(schemas.iterdir(), key=lambda r: r.name):
        if resource.name.endswith((".json", ".xsd")):
            digest.update(f"schemas/{resource.name}".encode())
            digest.update(resource.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def load(output: Path) -> dict:
    try:
        data = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
        return data.get("handbooks", {}) if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def entry(outcome, exports: dict[str, bytes], run_time: str, vocabulary: str | None) -> dict:
    return {
        "input": str(outcome.path),
        "source_sha256": outcome.source_sha256,
        "exports": {relative: hashlib.sha256(content).hexdigest()
                    for relative, content in sorted(exports.items())},
        "counts": outcome.counts,
        "vocabulary": outcome.vocabulary,
        "notes": [note.as_dict() for note in outcome.notes],  # the review page shows them on later runs
        "vocabulary_option": vocabulary,
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": pipeline_version(),
        "converted_at": run_time,
    }


def is_current(previous: dict | None, source_sha256: str, output: Path, vocabulary: str | None) -> bool:
    """True when the export on disk was made from this very source by this very pipeline."""
    if not previous or previous.get("source_sha256") != source_sha256:
        return False
    if previous.get("pipeline_version") != pipeline_version() or previous.get("vocabulary_option") != vocabulary:
        return False
    for name, sha in previous.get("exports", {}).items():
        try:
            if hashlib.sha256((output / name).read_bytes()).hexdigest() != sha:
                return False
        except OSError:
            return False
    return bool(previous.get("exports"))


def write(output: Path, handbooks: dict) -> None:
    data = {
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": pipeline_version(),
        "handbooks": {k: handbooks[k] for k in sorted(handbooks)},
    }
    write_bytes_atomic(output / MANIFEST, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
