"""Handbook dicts shared by the export tests: the reference handbook converted once per session,
and small in-memory handbooks."""
from __future__ import annotations

import copy
from functools import cache

from pipeline import convert
from pipeline.model import to_dict
from tests.conftest import REFERENCE
from tests.test_validate import small_handbook


@cache
def _reference(fmt: str):
    return convert(REFERENCE[fmt])


def reference_data(fmt: str = "docx") -> dict:
    """The reference handbook's dict from one of its forms (a copy: tests may change it)."""
    return copy.deepcopy(_reference(fmt).data)


def small(id: str = "ambtelijk-secretaris", **changes) -> dict:
    """Two competencies (one without a cluster), two cumulative levels, a matrix of two rows."""
    return to_dict(small_handbook(id, **changes))


def without_matrix(data: dict) -> dict:
    """A framework without a role matrix, as the model allows it: no role, no requirements."""
    data = copy.deepcopy(data)
    data["role"] = None
    data["requirements"] = []
    return data
