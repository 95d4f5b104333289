"""Hold-out sweep: fresh handbooks, never committed, rendered to Word and PDF and read back.

The round-trip tests read a committed corpus, which the layout rules have been tuned against.
This sweep measures what they do on documents nobody has looked at: `--count` new random
handbooks (seeded by `--salt`, so a run can be repeated) in random layouts of
tests/render_docx.py, each rendered to .docx and, with LibreOffice, to PDF, then converted
and compared with the model that made it. It prints each difference and a summary line, and
exits 1 when any document does not read back exactly. Needs `soffice` on the PATH; writes only
to a temporary folder. Run: `make holdout` or `python -m tests.holdout --count 40 --salt a`.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from pipeline import HandbookError, convert

from .generate_fixtures import expected, holdout_case
from .generate_pdf_fixtures import to_pdf
from .render_docx import all_layouts, render
from .test_roundtrip_pdf import data, differences


def sweep(count: int, salt: str, folder: Path) -> dict[str, int]:
    layouts = all_layouts()
    exact = {"docx": 0, "pdf": 0}
    for i in range(count):
        layout, handbook = holdout_case(salt, i, layouts)
        word = render(handbook, layout, folder / f"{salt}-{i}.docx")
        pdf = folder / f"{salt}-{i}.pdf"
        to_pdf(word, pdf)
        want = json.loads(json.dumps(expected(handbook), ensure_ascii=False))
        for kind, path in (("docx", word), ("pdf", pdf)):
            try:
                found = differences(want, data(convert(path).handbook))
            except HandbookError as error:
                found = [f"error: {error}"]
            if found:
                print(f"{kind} #{i} {layout.name}: {len(found)} differences, first: {found[0]}", flush=True)
            else:
                exact[kind] += 1
    return exact


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40, help="how many handbooks (default 40)")
    parser.add_argument("--salt", default="a", help="seeds the handbooks and layouts (default 'a')")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        exact = sweep(args.count, args.salt, Path(folder))
    print(f"hold-out '{args.salt}': {args.count} handbooks; exact from Word {exact['docx']}/{args.count}, "
          f"from PDF {exact['pdf']}/{args.count}")
    return 0 if min(exact.values()) == args.count else 1


if __name__ == "__main__":
    sys.exit(main())
