"""Round trip: random handbook models -> Word in every layout -> the pipeline -> the same model.

This proves the parser reads structure rather than one template: each generated handbook is
rendered by tests/render_docx.py in one of the layouts real handbooks use, converted with the
public API (reader, parser and validation), and must come back field for field.
"""
from __future__ import annotations

import dataclasses
import json
import os
import random
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import convert
from pipeline.blocks import PageHeader, Paragraph, Table
from pipeline.model import to_dict
from pipeline.readers import read

from .handbook_factory import LEVEL_COUNTS, handbooks, make_handbook
from .render_docx import CHOICES, Layout, all_layouts, render

SEEDS_PER_LAYOUT = int(os.environ.get("ROUNDTRIP_SEEDS", "1"))  # raise for a deeper sweep
LAYOUTS = all_layouts()


def data(handbook) -> dict:
    """What a handbook says, without where it came from (file, hash, locations, id from the file name)."""
    out = to_dict(handbook)
    del out["source"], out["id"]
    out.pop("schema_version")  # the committed expectations may predate a schema version step
    return out


def differences(expected, actual, path: str = "") -> list[str]:
    """Paths where two to_dict trees differ, e.g. `competencies[2].levels[0].indicators[3].text`."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        keys = list(expected) + [k for k in actual if k not in expected]
        return [d for k in keys for d in differences(expected.get(k), actual.get(k), f"{path}.{k}".lstrip("."))]
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return [d for i, (e, a) in enumerate(zip(expected, actual)) for d in differences(e, a, f"{path}[{i}]")]
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


def round_trip(handbook, layout: Layout, folder):
    path = render(handbook, layout, folder / "handbook.docx")
    result = convert(path)
    found = differences(data(handbook), data(result.handbook))
    assert not found, f"layout {layout.name}: " + "; ".join(found[:5])
    assert result.warnings == []
    return result


# --- every layout, several generated handbooks each -------------------------------------------


@pytest.mark.parametrize(
    "layout, seed",
    [(layout, seed) for layout in LAYOUTS for seed in range(SEEDS_PER_LAYOUT)],
    ids=lambda value: value.name if isinstance(value, Layout) else f"seed{value}",
)
def test_every_layout_round_trips(layout, seed, tmp_path):
    handbook = make_handbook(random.Random(f"{layout.name}/{seed}"))
    round_trip(handbook, layout, tmp_path)


# --- one switch at a time, so a failure names the layout ---------------------------------------


SWITCHES = [(name, value) for name, values in CHOICES.items() for value in values]


@pytest.mark.parametrize("switch, value", SWITCHES, ids=[f"{n}={v}" for n, v in SWITCHES])
def test_one_layout_switch(switch, value, tmp_path):
    layout = Layout(**{switch: value})
    for seed in range(3):
        # Two or three clusters and several indicators per level, so every switch has work to do.
        handbook = make_handbook(random.Random(f"{switch}={value}/{seed}"), clusters=2 + seed % 2)
        round_trip(handbook, layout, tmp_path)


@pytest.mark.parametrize("named", [False, True], ids=["numbered", "named"])
@pytest.mark.parametrize("count", LEVEL_COUNTS)
def test_level_scales(count, named, tmp_path):
    for layout in (Layout(), Layout(levels="across", matrix_values="label")):
        handbook = make_handbook(random.Random(f"{count}/{named}"), level_count=count, named=named)
        round_trip(handbook, layout, tmp_path)


@pytest.mark.parametrize("named", [False, True], ids=["numbered", "named"])
def test_english_handbook_is_detected(named, tmp_path):
    for layout in (Layout(), Layout(levels="across", cluster="header")):
        handbook = make_handbook(random.Random(f"en/{named}"), language="en", named=named)
        assert round_trip(handbook, layout, tmp_path).vocabulary.language == "en"


@pytest.mark.parametrize("categories", [True, False], ids=["categories", "no-categories"])
def test_matrix_with_and_without_categories(categories, tmp_path):
    handbook = make_handbook(random.Random(f"categories/{categories}"), categories=categories, competencies=5)
    assert all((r.category is not None) == categories for r in handbook.requirements)
    round_trip(handbook, Layout(), tmp_path)


def test_matrix_in_another_order_and_leaving_competencies_out(tmp_path):
    handbook = make_handbook(random.Random("order"), competencies=6, categories=False)
    kept = [dataclasses.replace(r, level=1) for r in sorted(handbook.requirements, key=lambda r: r.competency)]
    first = handbook.competencies[0].id
    requirements = tuple(reversed([r for r in kept if r.competency != first]))
    handbook = dataclasses.replace(handbook, requirements=requirements or kept[-1:])
    assert [r.competency for r in handbook.requirements] != [c.id for c in handbook.competencies]
    round_trip(handbook, Layout(), tmp_path)


@pytest.mark.parametrize("clusters", [0, 1, 2, 3])
def test_cluster_counts(clusters, tmp_path):
    for layout in (Layout(), Layout(cluster="header")):
        handbook = make_handbook(random.Random(f"clusters/{clusters}"), clusters=clusters, competencies=6)
        assert len(handbook.clusters) == clusters
        round_trip(handbook, layout, tmp_path)


@pytest.mark.parametrize("cumulative", [True, False])
def test_cumulative_levels(cumulative, tmp_path):
    handbook = make_handbook(random.Random(f"cumulative/{cumulative}"), cumulative=cumulative)
    round_trip(handbook, Layout(), tmp_path)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(handbook=handbooks(), layout=st.sampled_from(LAYOUTS))
def test_hypothesis_round_trip(handbook, layout, tmp_path_factory):
    round_trip(handbook, layout, tmp_path_factory.mktemp("hypothesis"))


# --- the committed layout fixtures (python -m tests.generate_fixtures) -------------------------

LAYOUT_FIXTURES = sorted((Path(__file__).parent / "fixtures" / "layouts").glob("*.docx"))


@pytest.mark.parametrize("path", LAYOUT_FIXTURES, ids=[p.stem for p in LAYOUT_FIXTURES])
def test_layout_fixture_gives_its_expected_data(path):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    expected.pop("schema_version", None)  # compared apart from the schema version (see data())
    found = differences(expected, data(convert(path).handbook))
    assert not found, f"{path.name}: " + "; ".join(found[:5])


# --- the reader: each section's page header where that section starts -------------------------


def test_section_headers_come_where_their_section_starts(tmp_path):
    handbook = make_handbook(random.Random("headers"), clusters=3, competencies=6)
    path = render(handbook, Layout(cluster="header"), tmp_path / "handbook.docx")
    blocks = read(path).blocks
    headers = [(i, b.text) for i, b in enumerate(blocks) if isinstance(b, PageHeader)]
    assert [text for _, text in headers] == [c.name for c in handbook.clusters]
    tables = [i for i, b in enumerate(blocks) if isinstance(b, Table)]
    for (position, _), cluster in zip(headers, handbook.clusters):
        first_table_after = next(i for i in tables if i > position)
        assert tables.index(first_table_after) == 1 + _index_of_first_member(handbook, cluster)


def _index_of_first_member(handbook, cluster) -> int:
    """0-based position of the cluster's first competency table (the matrix is table 0)."""
    return [c.id for c in handbook.competencies].index(cluster.competencies[0])


def test_a_section_without_its_own_header_keeps_the_previous_one(tmp_path):
    document = docx.Document()
    document.add_paragraph("one")
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "Cluster A"
    document.add_paragraph("two")
    document.add_section(WD_SECTION.CONTINUOUS)  # linked to the previous header, same page
    document.add_paragraph("three")
    document.save(str(tmp_path / "sections.docx"))
    kinds = [
        b.text if isinstance(b, (Paragraph, PageHeader)) else type(b).__name__
        for b in read(tmp_path / "sections.docx").blocks
    ]
    assert kinds == ["one", "PageBreak", "Cluster A", "two", "Cluster A", "three"]
