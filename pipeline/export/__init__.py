"""Exporters, chosen by a dict on the format name, and the tables of the derived exports.

Per-handbook exporters (json, xml) are modules with `render(data) -> bytes`; `data` is the dict
`pipeline.model.to_dict` returns. CSV is different: its tables cover every handbook of a run, so
it has `tables(handbooks)` and `write_tables_in_order(handbooks, csv_dir)` instead.

The exports made from a finished handbook dict (issue 14) are registered in two tables, so the
batch wires them in one place:

- HANDBOOK_EXPORTS: (folder, extension, render) per handbook; `render(data, notes, settings)`
  gives the bytes of DIR/<folder>/<id>.<extension> (the CASE package, the review page).
- RUN_WRITERS: (folder, file name, write) per run; `write(handbooks, folder)` takes a callable
  that gives the handbook dicts in id order afresh, one at a time (a writer may make several
  passes), and writes <folder>/<file name> (the role profile, the workbook).

`write_derived` runs both tables and the review index over an output folder.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable, Mapping, Sequence

from ..atomic import write_bytes_atomic
from ..blocks import Note
from ..layout import RUN
from . import case, html, json, role_profile, xlsx, xml

EXPORTERS: dict[str, ModuleType] = {"json": json, "xml": xml}


@dataclass(frozen=True)
class ExportSettings:
    """What a run may choose about the derived exports (the CLI's options)."""

    case_base_uri: str = case.DEFAULT_BASE_URI


@dataclass(frozen=True)
class HandbookExport:
    folder: str
    extension: str
    render: Callable[[dict, Sequence[Note] | None, ExportSettings], bytes]

    def path(self, output: Path, handbook_id: str) -> Path:
        return Path(output) / self.folder / f"{handbook_id}.{self.extension}"


@dataclass(frozen=True)
class RunWriter:
    folder: str
    file_name: str
    write: Callable[[Callable[[], Iterable[dict]], Path], Path]


HANDBOOK_EXPORTS: tuple[HandbookExport, ...] = (
    HandbookExport("case", "json", lambda data, notes, settings: case.render(data, settings.case_base_uri)),
    HandbookExport("html", "html", lambda data, notes, settings: html.render(data, notes)),
)
RUN_WRITERS: tuple[RunWriter, ...] = (
    RunWriter(RUN, role_profile.FILE_NAME, lambda handbooks, folder: role_profile.write_csv(handbooks(), folder)),
    RunWriter(RUN, xlsx.FILE_NAME, xlsx.write_workbook),  # two passes over the handbooks
)
DERIVED_FOLDERS = tuple(dict.fromkeys([e.folder for e in HANDBOOK_EXPORTS] + [w.folder for w in RUN_WRITERS]))


def write_derived(output: Path, handbooks: Callable[[], Iterable[dict]],
                  notes: Mapping[str, Sequence[Note] | None] | None = None,
                  settings: ExportSettings | None = None) -> list[Path]:
    """Write every derived export of the handbooks into `output`; returns the paths written.

    `handbooks()` yields the run's handbook dicts in id order, afresh on each call (each run-wide
    writer takes one pass, so memory holds one handbook at a time). `notes` maps a handbook id to
    its readers' notes (None or missing: not known). Per-handbook files of handbooks no longer
    in the run are removed, so the folders hold exactly the run's handbooks.
    """
    output, notes, settings = Path(output), notes or {}, settings or ExportSettings()
    written, entries = [], []
    for data in handbooks():
        handbook_notes = notes.get(data["id"])
        for export in HANDBOOK_EXPORTS:
            path = export.path(output, data["id"])
            write_bytes_atomic(path, export.render(data, handbook_notes, settings))
            written.append(path)
        entries.append(html.index_entry(data, handbook_notes))
    _remove_others(output, set(written))
    written.append(html.write_index(entries, output / RUN))
    for writer in RUN_WRITERS:
        written.append(writer.write(handbooks, output / writer.folder))
    return written


def _remove_others(output: Path, keep: set[Path]) -> None:
    for export in HANDBOOK_EXPORTS:
        for path in (output / export.folder).glob(f"*.{export.extension}"):
            if path not in keep:
                path.unlink(missing_ok=True)


def notes_of(manifest_entries: Mapping[str, dict]) -> dict[str, list[Note] | None]:
    """Each handbook's notes as the manifest keeps them (None where an older run kept none)."""
    return {hid: None if entry.get("notes") is None else [Note.from_dict(n) for n in entry["notes"]]
            for hid, entry in manifest_entries.items()}


__all__ = ["DERIVED_FOLDERS", "EXPORTERS", "ExportSettings", "HANDBOOK_EXPORTS", "RUN_WRITERS",
           "notes_of", "write_derived"]
