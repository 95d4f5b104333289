"""Exporters, chosen by a dict on the format name.

Per-handbook exporters (json, xml) are modules with `render(data) -> bytes`; `data` is the dict
`pipeline.model.to_dict` returns. CSV is different: its tables cover every handbook of a run, so
it has `tables(handbooks)` and `write_tables_in_order(handbooks, csv_dir)` instead.
"""
from __future__ import annotations

from types import ModuleType

from . import json, xml

EXPORTERS: dict[str, ModuleType] = {"json": json, "xml": xml}

__all__ = ["EXPORTERS"]
