"""The output folder in generations: a run is published whole, in one atomic step, or not at all.

    DIR/current  ->  generations/<run id>/        what readers use (a symbolic link)
    DIR/generations/<run id>/json/ xml/ csv/ manifest.json report.json ...
    DIR/.lock                                     held by the run writing DIR

A run writes everything into a new generation (`<run id>.partial` while it is written), handbooks
it did not convert again are carried over from the previous generation as hard links, and the
`current` link is switched by one rename. So at every instant, also right after a kill -9 or a
full disk, `DIR/current` is one complete run: each handbook's exports and the run-wide tables
(CSV, library, manifest, report) belong together. The previous generation stays until the next
run starts, for readers that opened it a moment before the switch.

Where the file system or the account may not make symbolic links (Windows without developer
mode), `DIR/current.txt` names the current generation instead.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from .atomic import fsync_folder, write_bytes_atomic

FOLDER = "generations"
CURRENT = "current"
POINTER_FILE = "current.txt"
PARTIAL = ".partial"
_NAME = re.compile(r"[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}")


def current(output: Path) -> Path | None:
    """The generation readers see now, or None when nothing has been published in `output`."""
    output = Path(output)
    link = output / CURRENT
    if link.is_symlink():
        target = output / FOLDER / Path(os.readlink(link)).name
        return target if _NAME.fullmatch(target.name) and target.is_dir() else None
    try:
        name = (output / POINTER_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    target = output / FOLDER / name
    return target if _NAME.fullmatch(name) and target.is_dir() else None


def start(output: Path, run_id: str) -> Path:
    """A new, empty generation to write a run into; invisible to readers until publish()."""
    path = Path(output) / FOLDER / f"{run_id}{PARTIAL}"
    path.mkdir(parents=True)
    return path


def publish(output: Path, partial: Path) -> Path:
    """Make a fully written generation the current one: a rename, then one atomic switch."""
    output = Path(output)
    final = partial.with_name(partial.name.removesuffix(PARTIAL))
    os.replace(partial, final)
    try:
        fsync_folder(final.parent)
        _point_to(output, final)
    except BaseException:
        if current(output) != final:
            shutil.rmtree(final, ignore_errors=True)  # never published: the previous one stays
        raise
    return final


def _point_to(output: Path, generation: Path) -> None:
    link = output / f".{CURRENT}.{generation.name}.tmp"
    try:
        link.unlink(missing_ok=True)
        os.symlink(Path(FOLDER) / generation.name, link, target_is_directory=True)
    except OSError:  # no symbolic links here: the pointer file is the switch
        write_bytes_atomic(output / POINTER_FILE, f"{generation.name}\n".encode("ascii"))
        return
    try:
        os.replace(link, output / CURRENT)
    finally:
        link.unlink(missing_ok=True)
    fsync_folder(output)


def remove_all_but(output: Path, keep: set[Path | None]) -> None:
    """Delete generations not in `keep`: earlier runs' and those of runs killed before publishing.
    Only the run holding the output lock calls this."""
    output = Path(output)
    for path in output.glob(f".{CURRENT}.*.tmp"):
        path.unlink(missing_ok=True)
    folder = output / FOLDER
    if not folder.is_dir():
        return
    kept = {p.resolve() for p in keep if p is not None}
    for path in folder.iterdir():
        if path.resolve() not in kept and (_NAME.fullmatch(path.name.removesuffix(PARTIAL))):
            shutil.rmtree(path, ignore_errors=True)


def carry_over(previous: Path, generation: Path, relative: str) -> None:
    """Put an export of the previous generation into the new one: a hard link (files are never
    changed once written, so both generations may share it), or a copy where links are refused."""
    source, target = previous / relative, generation / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
