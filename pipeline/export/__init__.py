"""Exporters, chosen by a dict on the format name.

Per-handbook exporters (json, xml) are modules with `render(data) -> bytes` and
`write(data, path)`; `data` is the dict `pipeline.model.to_dict` returns. CSV is different: its
tables cover every handbook of a run, so it has `write_tables(handbooks, csv_dir)` instead.
"""
from __future__ import annotations

from types import ModuleType

from . import csv, json, xml

EXPORTERS: dict[str, ModuleType] = {"json": json, "xml": xml}


def exporter(name: str) -> ModuleType:
    """The per-handbook exporter for a format name; ValueError naming the choices if unknown."""
    try:
        return EXPORTERS[name]
    except KeyError:
        hint = " (CSV covers a whole run: use write_tables)" if name == "csv" else ""
        raise ValueError(f"unknown export format '{name}'{hint}; "
                         f"choose one of: {', '.join(sorted(EXPORTERS))}") from None


write_tables = csv.write_tables

__all__ = ["EXPORTERS", "exporter", "write_tables"]
