"""Round trip through PDF: every layout that round-trips in Word must give the same data from PDF.

The PDFs are generated and committed (`make fixtures`, which needs LibreOffice): the round-trip
corpus in tests/fixtures/roundtrip/ (every layout of tests/render_docx.py, plus larger handbooks)
and the layout fixtures in tests/fixtures/layouts/. Each is converted with the public API and must
give its `<name>.expected.json`: the generated model without `source` and `id`.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import HandbookError, convert
from pipeline.model import to_dict

FIXTURES = Path(__file__).parent / "fixtures"
PDFS = sorted((FIXTURES / "roundtrip").glob("*.pdf")) + sorted((FIXTURES / "layouts").glob("*.pdf"))
KNOWN_FAILURES = FIXTURES / "roundtrip" / "known-pdf-failures.txt"


def case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def known_failures() -> set[str]:
    lines = KNOWN_FAILURES.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def cases():
    """Every PDF; the known failures as strict xfails, so a fixed case must leave the list."""
    known = known_failures()
    for path in PDFS:
        marks = [pytest.mark.xfail(strict=True, reason=f"listed in {KNOWN_FAILURES.name}")] if case_id(path) in known else []
        yield pytest.param(path, id=case_id(path), marks=marks)


def data(handbook) -> dict:
    out = to_dict(handbook)
    del out["source"], out["id"]
    out.pop("schema_version")  # the committed expectations may predate a schema version step
    return out


def differences(expected, actual, path: str = "") -> list[str]:
    """Paths where two to_dict trees differ, e.g. `competencies[2].levels[0].indicators[3].text`.

    Lists of different lengths are compared item by item as far as both go, then by length, so a
    merged or split item shows as the text it became.
    """
    if isinstance(expected, dict) and isinstance(actual, dict):
        keys = list(expected) + [k for k in actual if k not in expected]
        return [d for k in keys for d in differences(expected.get(k), actual.get(k), f"{path}.{k}".lstrip("."))]
    if isinstance(expected, list) and isinstance(actual, list):
        found = [d for i, (e, a) in enumerate(zip(expected, actual)) for d in differences(e, a, f"{path}[{i}]")]
        if len(expected) != len(actual):
            found.append(f"{path}: expected {len(expected)} items, got {len(actual)}")
        return found
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


@pytest.mark.parametrize("path", list(cases()))
def test_pdf_gives_the_data_of_its_document(path):
    expected = json.loads(path.with_name(f"{path.stem}.expected.json").read_text(encoding="utf-8"))
    expected.pop("schema_version", None)  # compared apart from the schema version (see data())
    try:
        handbook = convert(path).handbook
    except HandbookError as error:
        pytest.fail(f"{path.name}: {error}")
    found = differences(expected, data(handbook))
    assert not found, f"{path.name}: {len(found)} differences, first: " + "; ".join(found[:5])


def test_the_corpus_covers_every_layout():
    """Guard against a generator change that silently drops layouts from the committed corpus."""
    from .generate_fixtures import roundtrip_cases

    committed = {p.stem for p in PDFS if p.parent.name == "roundtrip"}
    assert committed == set(roundtrip_cases())


def test_known_failures_name_existing_cases():
    assert known_failures() <= {case_id(p) for p in PDFS}
