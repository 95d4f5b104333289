"""pipeline.fastschema: its quick "valid" must never contradict jsonschema."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import convert
from pipeline.fastschema import compile_check

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "handbook.schema.json").read_text(encoding="utf-8"))
CHECK = compile_check(SCHEMA)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


@pytest.fixture(scope="module")
def reference() -> dict:
    return convert(ROOT / "tests" / "fixtures" / "ambtelijk-secretaris.docx").data


def test_the_handbook_schema_compiles():
    assert CHECK is not None


def test_a_valid_handbook_passes_the_quick_check(reference):
    assert CHECK(reference) is True


def test_a_keyword_it_does_not_know_means_always_ask_jsonschema():
    assert compile_check({"type": "string", "format": "date"}) is None
    assert compile_check({"$ref": "https://example.org/other.json"}) is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=True) | st.sampled_from(
        ["", " ", "a", "abc-1", "ABC", "x\n", "a/b", "2024-13", "2024-04", "1.0", "docx", "nl"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "text", "name", "level", "extra", "page"]), inner, max_size=3),
    max_leaves=6,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paths(child, prefix + (i,))


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_quick_valid_implies_jsonschema_valid(reference, data):
    handbook = copy.deepcopy(reference)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(list(_paths(handbook))[1:]))
        parent = handbook
        for part in path[:-1]:
            parent = parent[part]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace" or (action == "delete" and isinstance(parent, list) and len(parent) == 0):
            parent[path[-1]] = data.draw(json_values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[data.draw(st.sampled_from(["extra", "id", "text", "level"]))] = data.draw(json_values)
        else:
            parent.append(data.draw(json_values))
    errors = list(VALIDATOR.iter_errors(handbook))
    if CHECK(handbook):
        assert errors == []
