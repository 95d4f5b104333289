"""The reference handbook, in every form, gives exactly the committed golden files (`make golden` rewrites them)."""

import pytest

from .golden_update import GOLDEN, convert_reference, golden_files


@pytest.fixture(scope="module")
def produced(tmp_path_factory):
    output = tmp_path_factory.mktemp("golden")
    assert convert_reference(output) == 0
    return golden_files(output)


def test_golden_set_is_complete(produced):
    expected = {str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*") if p.is_file()}
    assert set(produced) == expected


@pytest.mark.parametrize("name", sorted(str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*") if p.is_file()))
def test_output_matches_golden_file(produced, name):
    assert produced[name].read_bytes() == (GOLDEN / name).read_bytes(), f"{name} differs: run `make golden` and review the diff"
