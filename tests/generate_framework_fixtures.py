"""Write the tagged-PDF fixtures of framework shapes: `python -m tests.generate_framework_fixtures`
(part of `make tagged-fixtures`).

A few frameworks of other organisations, built by tests/framework_builder.py with invented
competences, printed by the writers of tests/tagged_writers.py into tests/fixtures/tagged/:

    framework-<shape>.docx                    the Word document (tests/test_frameworks.py checks each
                                              shape against its builder)
    framework-<shape>.<writer>.pdf            LibreOffice with "Tagged PDF" on; Chromium printing
                                              LibreOffice's HTML export
    framework-<shape>.expected.json           the data of the .docx (`to_dict` without source and id)

Each shape shows something the structure tree must carry as Word does: a first column merged
down over a competence's rows (digital), a header row with an empty corner cell that Chromium
leaves out and repeats on the next page (capability), a name in the header row over a table
LibreOffice joins to the one above it (name-in-header), tables that touch and that LibreOffice
joins into one, each under a row across it with the name (numbered-named). Every document has a title property, as a
PDF's title otherwise comes from its own file name. tests/test_reader_pdf_tagged.py reads each PDF.
Needs `soffice` and `chromium`.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from pipeline import convert

from . import framework_builder as fb
from .generate_fixtures import expected
from .tagged_writers import WRITERS, write_fixture

OUT = Path(__file__).parent / "fixtures" / "tagged"


def _digital(path: Path) -> Path:
    # no Company property: a PDF has no place for it, so its data would differ from the .docx's
    return fb.digital_framework(path, fb.sample_competences(count=3, per_level=1), title="Testland digital framework")


def _capability(path: Path) -> Path:
    competences = fb.sample_competences(count=4, per_level=2, coded=False, areas=())
    return fb.capability_framework(path, competences, title="University capability framework")


def _name_in_header(path: Path) -> Path:
    return fb.name_in_header_framework(path, fb.sample_competences(count=2, per_level=1))


def _numbered_named(path: Path) -> Path:
    labels = ["Level 1: Aware", "Level 2: Practising", "Level 3: Leading"]
    competences = fb.sample_competences(count=2, levels=3, per_level=1, coded=False, areas=())
    return fb.numbered_named_levels_framework(path, competences, labels)


# name -> (builder, writers)
FRAMEWORK_FIXTURES = {
    "framework-digital": (_digital, WRITERS),
    "framework-capability": (_capability, ("chromium",)),
    "framework-name-in-header": (_name_in_header, ("libreoffice-tagged",)),
    "framework-numbered-named": (_numbered_named, ("libreoffice-tagged",)),
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (build, writers) in FRAMEWORK_FIXTURES.items():
            word = build(Path(tmp) / f"{name}.docx")
            write_fixture(OUT, name, word, expected(convert(word).handbook), writers)
    for path in sorted(OUT.glob("framework-*")):
        print(f"{path.relative_to(OUT.parent.parent.parent)}  {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
