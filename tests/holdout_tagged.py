"""Hold-out sweep for tagged PDFs: fresh handbooks printed by LibreOffice (tagged) and Chromium.

Like tests/holdout.py, but each fresh handbook (tests/handbook_factory.py, a random layout of
tests/render_docx.py) is printed by each writer of tests/tagged_writers.py and read back. Per
writer it counts: exact (the data of the model that made it), refused (a HandbookError with a
message), wrong (converted, but the data differ; "silently" when the conversion has no note at
all), and how many were read from the structure tree rather than by the layout rules. Nothing is kept: the documents live in a temporary folder
and never join the committed corpus. Needs `soffice` and `chromium`.

Run: `make holdout-tagged` or `python -m tests.holdout_tagged --count 40 --salt t1`.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from pipeline import HandbookError, convert

from .generate_fixtures import expected, holdout_case
from .render_docx import all_layouts, render
from .tagged_writers import PRINT, WRITERS
from .test_roundtrip_pdf import data, differences


def judge(path: Path, want: dict) -> tuple[str, str, bool]:
    """('exact' | 'refused' | 'wrong' | 'silent', what went wrong, read from the tree?); 'silent'
    is wrong without any note in the conversion."""
    try:
        conversion = convert(path)
    except HandbookError as error:
        return "refused", str(error), False
    by_tree = not any(n.rule == "pdf.tagged.fallback" for n in conversion.notes)
    found = differences(want, data(conversion.handbook))
    if found:
        verdict = "wrong" if conversion.notes else "silent"
        return verdict, f"{len(found)} differences, first: {found[0]}", by_tree
    return "exact", "", by_tree


def sweep(count: int, salt: str, folder: Path, writers=WRITERS) -> dict[str, Counter]:
    layouts = all_layouts()
    tally = {writer: Counter() for writer in writers}
    for i in range(count):
        layout, handbook = holdout_case(salt, i, layouts)
        word = render(handbook, layout, folder / f"{salt}-{i}.docx")
        want = json.loads(json.dumps(expected(handbook), ensure_ascii=False))
        want.pop("schema_version", None)  # compared apart from it, as data() leaves it out
        for writer in writers:
            pdf = PRINT[writer](word, folder / f"{salt}-{i}.{writer}.pdf")
            verdict, why, by_tree = judge(pdf, want)
            tally[writer][verdict] += 1
            tally[writer]["tree"] += by_tree
            if verdict != "exact":
                print(f"{writer} #{i} {layout.name}: {verdict}: {why}", flush=True)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40, help="how many handbooks (default 40)")
    parser.add_argument("--salt", default="t1", help="seeds the handbooks and layouts (default 't1')")
    parser.add_argument("--writer", action="append", choices=WRITERS, help="only this writer (repeatable)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        tally = sweep(args.count, args.salt, Path(folder), tuple(args.writer or WRITERS))
    print(f"tagged hold-out '{args.salt}', {args.count} handbooks:")
    for writer, counts in tally.items():
        print(f"  {writer:20} exact {counts['exact']}/{args.count}, refused {counts['refused']}, "
              f"wrong {counts['wrong'] + counts['silent']} (silently {counts['silent']}); "
              f"read from the structure tree {counts['tree']}")
    return 0 if all(c["exact"] == args.count for c in tally.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
