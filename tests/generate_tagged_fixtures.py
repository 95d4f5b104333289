"""Write the tagged-PDF fixtures: `python -m tests.generate_tagged_fixtures` (`make tagged-fixtures`).

A few small generated handbooks (tests/handbook_factory.py, seeded `tagged-fixture/<name>`, so
never a hold-out document), each rendered to .docx (tests/render_docx.py) and printed by the
writers of tests/tagged_writers.py into tests/fixtures/tagged/:

    <name>.docx                    the Word document (checked to round-trip first)
    <name>.libreoffice-tagged.pdf  LibreOffice with "Tagged PDF" on
    <name>.chromium.pdf            LibreOffice's HTML export printed by Chromium
    <name>.expected.json           what every form must give (`to_dict` without source and id)

tests/test_reader_pdf_tagged.py reads each PDF and compares. Needs `soffice` and `chromium`.
"""
from __future__ import annotations

import random
import tempfile
from pathlib import Path

from .generate_fixtures import draft, expected
from .handbook_factory import make_handbook
from .render_docx import Layout
from .tagged_writers import WRITERS, write_fixture

OUT = Path(__file__).parent / "fixtures" / "tagged"

# name -> (layout, pinned handbook properties, writers). LibreOffice's HTML export drops Word's
# page header, so a handbook naming its clusters only there is printed by LibreOffice alone.
TAGGED_FIXTURES = {
    "level-cell-merged-down": (Layout(), dict(competencies=1, clusters=0, level_count=3), WRITERS),
    "levels-across-borderless": (
        Layout(levels="across", borders=False), dict(competencies=1, clusters=0, level_count=4), WRITERS),
    "bulleted-indicators": (Layout(indicators="bullets"), dict(competencies=1, clusters=0, level_count=2), WRITERS),
    "cluster-in-page-header": (
        Layout(cluster="header"), dict(competencies=2, clusters=2, level_count=3), ("libreoffice-tagged",)),
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (layout, pinned, writers) in TAGGED_FIXTURES.items():
            handbook = make_handbook(random.Random(f"tagged-fixture/{name}"), **{"language": "nl", **pinned})
            word = draft(name, handbook, layout, Path(tmp))
            write_fixture(OUT, name, word, expected(handbook), writers)
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(OUT.parent.parent.parent)}  {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
