"""Write a few representative generated handbooks to tests/fixtures/layouts/.

    python -m tests.generate_fixtures

For each layout below: `<name>.docx` (rendered by tests/render_docx.py), `<name>.expected.json`
(what the pipeline must read from it, without the `source` and `id` that depend on the file), and,
when LibreOffice (`soffice`) is installed, `<name>.pdf` converted from the .docx. Each .docx is
checked to round-trip before it is written. Files whose content did not change are left alone
(zip entries get a fixed date), so rerunning the generator gives no diff.
"""
from __future__ import annotations

import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from pipeline import convert
from pipeline.model import to_dict

from .handbook_factory import make_handbook
from .render_docx import Layout, render

OUT = Path(__file__).parent / "fixtures" / "layouts"

# name -> (layout, pinned handbook properties); names say what each file shows. Dutch unless pinned.
FIXTURES = {
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


def generate(out: Path = OUT) -> list[Path]:
    """Write every fixture; returns the .docx files whose content changed."""
    out.mkdir(parents=True, exist_ok=True)
    changed = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (layout, pinned) in FIXTURES.items():
            pinned = {"language": "nl", **pinned}
            handbook = make_handbook(random.Random(f"fixture/{name}"), **pinned)
            draft = render(handbook, layout, Path(tmp) / f"{name}.docx")
            if expected(convert(draft).handbook) != expected(handbook):
                raise SystemExit(f"{name}: the rendered document does not round-trip; fix the parser first")
            docx_path = out / f"{name}.docx"
            if write_if_changed(docx_path, stable_zip(draft.read_bytes())):
                changed.append(docx_path)
            text = json.dumps(expected(handbook), ensure_ascii=False, indent=2) + "\n"
            write_if_changed(out / f"{name}.expected.json", text.encode("utf-8"))
    return changed


def to_pdf(paths: list[Path]) -> int:
    """Convert with LibreOffice, in a private profile so a running soffice does not interfere.

    Returns how many PDFs were written.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice (LibreOffice) not found: PDF fixtures skipped", file=sys.stderr)
        return 0
    if not paths:
        return 0
    with tempfile.TemporaryDirectory() as profile:
        command = [
            soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
            "--convert-to", "pdf", "--outdir", str(paths[0].parent), *map(str, paths),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    missing = [p.name for p in paths if not p.with_suffix(".pdf").exists()]
    if done.returncode or missing:
        print(f"soffice failed ({done.returncode}) for {', '.join(missing) or 'some files'}: "
              f"{done.stderr.strip()[:300]}", file=sys.stderr)
    return len(paths) - len(missing)


def main() -> int:
    changed = generate()
    stale = [p for p in sorted(OUT.glob("*.docx")) if p in changed or not p.with_suffix(".pdf").exists()]
    converted = to_pdf(stale)
    print(f"{len(FIXTURES)} layouts in {OUT} ({len(changed)} .docx changed, {converted} converted to PDF)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
