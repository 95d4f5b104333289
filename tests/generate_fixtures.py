"""Write the generated test documents: `python -m tests.generate_fixtures` (`make fixtures`).

Two sets, both made up by tests/handbook_factory.py and rendered by tests/render_docx.py:

- tests/fixtures/layouts/: a few representative handbooks, one per layout a real handbook may use.
  `<name>.docx`, `<name>.pdf` and `<name>.expected.json` (pretty-printed).
- tests/fixtures/roundtrip/: the PDF round-trip corpus, one small handbook in every layout that
  tests/test_roundtrip_docx.py covers plus a few larger ones with random counts, and the
  hold-out documents of the earlier, LibreOffice-only hold-out that a PDF rule was once wrong on. Only `<name>.pdf`
  and `<name>.expected.json` (compact); the Word half is tested in memory.

`<name>.expected.json` is what the pipeline must read from the document: `to_dict(handbook)`
without the `source` and `id` that depend on the file. Every rendered .docx is checked to
round-trip before anything is written. PDFs are made by LibreOffice (`soffice`, one call per
folder, in a private profile); without it they are left as they are. Files whose content did not
change are left alone (zip entries get a fixed date; PDFs are compared by their streams),
so rerunning the generator gives no diff.
"""
from __future__ import annotations

import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from pipeline import convert
from pipeline.model import Handbook, to_dict

from .handbook_factory import LEVEL_COUNTS, make_handbook
from .render_docx import Layout, all_layouts, render

FIXTURES = Path(__file__).parent / "fixtures"
OUT = FIXTURES / "layouts"
ROUNDTRIP = FIXTURES / "roundtrip"

# name -> (layout, pinned handbook properties); names say what each file shows. Dutch unless pinned.
LAYOUT_FIXTURES = {
    "vmerge-level-cell": (Layout(), dict(clusters=2, level_count=3)),
    "repeated-level-label": (Layout(label="repeated"), dict(clusters=1, level_count=3)),
    "level-label-first-row-only": (Layout(label="first", borders=False), dict(clusters=2, level_count=4)),
    "indicators-as-paragraphs": (Layout(indicators="paragraphs"), dict(clusters=0, level_count=3)),
    "indicators-bulleted": (Layout(indicators="bullets"), dict(clusters=2, level_count=2)),
    "indicators-numbered": (Layout(indicators="numbers", borders=False), dict(clusters=1)),
    "cluster-in-page-header": (Layout(cluster="header"), dict(clusters=3, competencies=6)),
    "levels-across-columns": (Layout(levels="across"), dict(clusters=2, level_count=4)),
    "named-levels-five": (Layout(matrix_values="label"), dict(named=True, level_count=5, clusters=1)),
    "definition-below-name": (Layout(definition="below"), dict(clusters=2, level_count=3)),
    "matrix-without-categories": (Layout(borders=False), dict(categories=False, competencies=5)),
    "english-handbook": (Layout(label="repeated"), dict(language="en", named=True, level_count=3)),
}
FIXED_DATE = (2024, 1, 1, 0, 0, 0)

# How each layout switch value shows in a round-trip file name (defaults show nothing).
SWITCH_WORDS = {
    ("label", "repeated"): "label-repeated",
    ("label", "first"): "label-first-row",
    ("indicators", "paragraphs"): "paragraphs",
    ("indicators", "bullets"): "bulleted",
    ("indicators", "numbers"): "numbered",
    ("cluster", "header"): "cluster-in-header",
    ("borders", False): "borderless",
    ("levels", "across"): "levels-across",
    ("matrix_values", "label"): "matrix-labels",
    ("definition", "below"): "definition-below",
}


def expected(handbook) -> dict:
    data = to_dict(handbook)
    del data["source"], data["id"]
    return data


def stable_zip(raw: bytes) -> bytes:
    """The same .docx with every entry dated FIXED_DATE, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def write_if_changed(path: Path, content: bytes) -> bool:
    if path.exists() and path.read_bytes() == content:
        return False
    path.write_bytes(content)
    return True


def draft(name: str, handbook: Handbook, layout: Layout, folder: Path) -> Path:
    """Render to `folder/<name>.docx` and check that the Word document gives the model back."""
    path = render(handbook, layout, folder / f"{name}.docx")
    if expected(convert(path).handbook) != expected(handbook):
        raise SystemExit(f"{name}: the rendered document does not round-trip; fix the parser first")
    return path


# --- tests/fixtures/layouts -------------------------------------------------------------------


def generate_layouts(drafts: Path, out: Path = OUT) -> list[Path]:
    """Write each layout fixture's .docx and .expected.json; returns the drafts to convert to PDF."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (layout, pinned) in LAYOUT_FIXTURES.items():
        handbook = make_handbook(random.Random(f"fixture/{name}"), **{"language": "nl", **pinned})
        path = draft(name, handbook, layout, drafts)
        write_if_changed(out / f"{name}.docx", stable_zip(path.read_bytes()))
        text = json.dumps(expected(handbook), ensure_ascii=False, indent=2) + "\n"
        write_if_changed(out / f"{name}.expected.json", text.encode("utf-8"))
        paths.append(path)
    return paths


# --- tests/fixtures/roundtrip -----------------------------------------------------------------

# Larger handbooks (one to eight competencies) in a random layout each: every level count, numbered
# and named, Dutch and English.
EXTRAS = [
    dict(level_count=count, **pinned)
    for pinned in (dict(named=False, language="nl"), dict(named=True), dict(language="en"))
    for count in LEVEL_COUNTS
]


# Hold-out documents (salt, number) that the PDF reader once read wrongly, each fixed by a rule
# of its own (see the commit that names it): kept as real PDFs so that the rules stay covered.
HOLDOUT_REGRESSIONS = [
    ("a", 22), ("a", 23), ("a", 24), ("a", 25), ("b", 7), ("b", 13), ("b", 26), ("b", 28),
    ("d", 31), ("d", 33), ("d", 38), ("e", 24), ("e", 25), ("e", 31), ("f", 3), ("f", 9),
    ("f", 12), ("g", 9), ("g", 11), ("h", 2), ("h", 5), ("h", 15), ("h", 23), ("h", 29),
    ("i", 37), ("k", 1), ("k", 7), ("k", 34), ("m", 22), ("o", 7), ("p", 34), ("q", 17),
]


def holdout_case(salt: str, number: int, layouts: list[Layout]) -> tuple[Layout, Handbook]:
    """The layout and handbook of hold-out document `number` of run `salt` of the earlier
    hold-out (fixed word list, LibreOffice only); tests/holdout.py now seeds its own cases."""
    rng = random.Random(f"holdout/{salt}/{number}")
    layout = rng.choice(layouts)
    competencies = rng.randint(1, 3)
    clusters = rng.randint(1, competencies) if layout.cluster == "header" else None
    return layout, make_handbook(rng, competencies=competencies, clusters=clusters)


def case_name(layout: Layout, handbook: Handbook, seed: int) -> str:
    """What the document shows, e.g. `bulleted-borderless-levels-across-named-4-en-s3`."""
    words = [SWITCH_WORDS[key] for key in vars(layout).items() if key in SWITCH_WORDS] or ["reference"]
    named = not handbook.levels.labels[0][-1].isdigit()
    words.append(f"{'named' if named else 'numeric'}-{handbook.levels.count}")
    if handbook.language != "nl":
        words.append(handbook.language)
    return "-".join([*words, f"s{seed}"])


def roundtrip_cases() -> dict[str, tuple[Layout, Handbook]]:
    """Every distinct layout with a small handbook (seed 0), then the EXTRAS (seeds 1, 2, ...),
    then the HOLDOUT_REGRESSIONS.

    The layout cases have one or two competencies, so that reading them all stays quick; in a
    page-header layout there is always a cluster to put there.
    """
    layouts = all_layouts()
    cases = []
    for layout in layouts:
        rng = random.Random(f"roundtrip/{layout.name}")
        count = rng.randint(1, 2)
        clusters = rng.randint(1, count) if layout.cluster == "header" else None
        cases.append((layout, make_handbook(rng, competencies=count, clusters=clusters), 0))
    for seed, pinned in enumerate(EXTRAS, start=1):
        rng = random.Random(f"roundtrip/extra/{seed}")
        cases.append((rng.choice(layouts), make_handbook(rng, **pinned), seed))
    named_cases = {case_name(layout, handbook, seed): (layout, handbook) for layout, handbook, seed in cases}
    assert len(named_cases) == len(cases), "two round-trip cases got the same name"
    for salt, number in HOLDOUT_REGRESSIONS:
        layout, handbook = holdout_case(salt, number, layouts)
        named_cases[f"holdout-{salt}{number}-{case_name(layout, handbook, 0)[:-3]}"] = (layout, handbook)
    return named_cases


def generate_roundtrip(drafts: Path, out: Path = ROUNDTRIP) -> list[Path]:
    """Write each case's .expected.json, drop files of cases that no longer exist; returns the drafts."""
    out.mkdir(parents=True, exist_ok=True)
    cases = roundtrip_cases()
    for stale in [*out.glob("*.pdf"), *out.glob("*.expected.json")]:
        if stale.name.split(".")[0] not in cases:
            stale.unlink()
    paths = []
    for name, (layout, handbook) in cases.items():
        paths.append(draft(name, handbook, layout, drafts))
        text = json.dumps(expected(handbook), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        write_if_changed(out / f"{name}.expected.json", (text + "\n").encode("utf-8"))
    return paths


# --- PDF --------------------------------------------------------------------------------------


def _streams(pdf: bytes) -> list[bytes]:
    return sorted(re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S))


def same_pdf(path: Path, content: bytes) -> bool:
    """Whether `path` holds the same pages, fonts and text as `content`.

    LibreOffice stamps each conversion with a date and ids and writes the fonts in a varying order,
    so the PDFs are compared by their streams (page contents, font files, text maps) in any order.
    """
    return path.exists() and _streams(path.read_bytes()) == _streams(content)


def to_pdf(drafts: list[Path], out: Path) -> int | None:
    """Convert `drafts` with LibreOffice in one call and a private profile (so a running soffice
    does not interfere) and write each `out/<name>.pdf` whose content changed.

    Returns how many PDFs were written, or None without LibreOffice.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as pdfs:
        command = [
            soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
            "--convert-to", "pdf", "--outdir", pdfs, *map(str, drafts),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600)
        written, missing = 0, []
        for path in drafts:
            pdf = Path(pdfs) / f"{path.stem}.pdf"
            if not pdf.exists():
                missing.append(path.name)
            elif not same_pdf(out / pdf.name, content := pdf.read_bytes()):
                (out / pdf.name).write_bytes(content)
                written += 1
    if done.returncode or missing:
        print(f"soffice failed ({done.returncode}) for {', '.join(missing) or 'some files'}: "
              f"{done.stderr.strip()[:300]}", file=sys.stderr)
    return written


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for out, generate in ((OUT, generate_layouts), (ROUNDTRIP, generate_roundtrip)):
            (drafts := Path(tmp) / out.name).mkdir()
            paths = generate(drafts, out)
            written = to_pdf(paths, out)
            pdfs = "PDFs skipped: soffice (LibreOffice) not found" if written is None else f"{written} PDFs changed"
            print(f"{len(paths)} documents in {out} ({pdfs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
