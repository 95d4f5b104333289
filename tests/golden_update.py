"""Rewrite tests/golden/ from the reference handbook (`make golden`); review the diff before committing."""
from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from pathlib import Path

from pipeline.cli import main

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
REFERENCE = HERE / "fixtures"
FORMATS = ("docx", "pdf", "txt")


def convert_reference(output: Path) -> int:
    """Convert the reference handbook in every form; each into its own output folder."""
    status = 0
    with contextlib.chdir(HERE.parent):  # report.json names inputs as given: keep them relative
        for fmt in FORMATS:
            source = (REFERENCE / f"ambtelijk-secretaris.{fmt}").relative_to(HERE.parent)
            status |= main(["convert", str(source), "--output", str(output / fmt), "--quiet"])
    return status


def golden_files(output: Path) -> dict[str, Path]:
    """Golden name -> produced file, e.g. 'docx/json/ambtelijk-secretaris.json', from the current
    generation of each format's output folder."""
    return {
        f"{fmt}/{p.relative_to(output / fmt / 'current').as_posix()}": p
        for fmt in FORMATS
        for p in sorted((output / fmt / "current").rglob("*"))
        if p.is_file() and p.name != "manifest.json"  # it records run times
    }


def update() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp)
        if convert_reference(output):
            print("the reference handbook did not convert cleanly; golden files left as they were", file=sys.stderr)
            return 1
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        for name, produced in golden_files(output).items():
            target = GOLDEN / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(produced, target)
            print(f"wrote tests/golden/{name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(update())
