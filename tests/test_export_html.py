"""pipeline.export.html: the review page a steward checks against the source, and its index.

The browser test renders the pages in headless Chromium (Debian package `chromium`): it prints
each page to PDF and checks, in the PDF's text, that every indicator is there; any console
message (the pages have no scripts, so there should be none) fails it. A screenshot of each
page is kept in .artifacts/ (not committed) for a person to look at.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

from pipeline.blocks import Note, Origin
from pipeline.cli import main
from pipeline.export import html
from tests.conftest import REFERENCE
from tests.export_data import reference_data, small, without_matrix

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parent.parent / ".artifacts"))
BROWSER_SECONDS = 120


def page(data, notes=None) -> str:
    return html.render(data, notes).decode("utf-8")


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- content ------------------------------------------------------------------------------------

def test_page_holds_every_item_with_where_it_came_from():
    data = reference_data("pdf")
    text = page(data, [])
    for competency in data["competencies"]:
        assert escape(competency["name"]) in text and escape(competency["definition"]) in text
        for level in competency["levels"]:
            assert escape(level["label"]) in text
            for indicator in level["indicators"]:
                assert escape(indicator["text"]) in text
    for cluster in data["clusters"]:
        assert f"<h2 id=\"cluster-{cluster['id']}\">{escape(cluster['name'])}</h2>" in text
    first = data["competencies"][0]["levels"][0]["indicators"][0]
    where = Origin(**data["source"]["locations"][first["id"]]).place()
    assert re.search(rf'<li id="{first["id"]}">.*?\({re.escape(where)}\)</span></li>', text)
    assert "<th scope=\"col\">Required level</th>" in text  # the matrix, with header cells
    assert "<dt>Indicators</dt><dd>78</dd>".replace("78", str(sum(
        len(lv["indicators"]) for c in data["competencies"] for lv in c["levels"]))) in text


def test_notes_are_highlighted_where_they_apply():
    data = small()  # analyseren's level 1 indicators come from table 2, row 3, cell 1
    inside = Note("docx.row", "read two indicators from one row", Origin(table=2, row=3))
    before = Note("pdf.title", "took the first line as the title", Origin(table=1))
    text = page(data, [inside, before])
    first = data["competencies"][0]["levels"][0]["indicators"][0]["id"]
    marked = re.search(rf'<li id="{first}" class="flagged">.*?</li>', text).group(0)
    assert "read two indicators from one row" in marked and "[docx.row]" in marked
    assert text.count("took the first line as the title") == 1  # only in the list at the top
    assert f'at <a href="#{first}">{first}</a>' in text
    assert "2 note(s)" in text


def test_pdf_note_marks_the_item_at_or_before_it():
    data = reference_data("pdf")
    locations = list(data["source"]["locations"].items())
    item, where = locations[5]
    note = Note("pdf.join-across-page", "joined across the page", Origin(page=where["page"], top=where["top"] + 1))
    text = page(data, [note])
    assert re.search(rf'id="{item}"( class="flagged")?>[^\n]*?joined across the page', text)


def test_unknown_and_absent_notes_are_told_apart():
    assert "Not known" in page(small(), None)
    assert "no judgement" in page(small(), [])


def test_texts_are_escaped_and_nothing_is_fetched_or_run():
    data = small()
    data["competencies"][0]["name"] = '<script>alert("x")</script> & co'
    data["competencies"][0]["levels"][0]["indicators"][0]["text"] = "<img src=x onerror=alert(1)>"
    text = page(data, [Note("r", "<b>bold</b>", Origin(line=3))])
    assert "<script" not in text and "<img" not in text and "<b>bold" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert "<link" not in text and "@import" not in text and "url(" not in text


def test_framework_without_matrix_and_with_codes():
    data = without_matrix(small())
    data["competencies"][0]["levels"][0]["indicators"][0]["code"] = "A.1.1"
    text = page(data, [])
    assert "no role matrix" in text and '<span class="code">A.1.1</span>' in text


def test_render_is_deterministic():
    notes = [Note("r", "m", Origin(table=2, row=3))]
    assert html.render(small(), notes) == html.render(small(), list(notes))


def test_index_lists_handbooks_with_counts_and_notes():
    entries = [html.index_entry(small("b-role"), []), html.index_entry(small("a-role"), None)]
    text = html.render_index(entries).decode()
    assert text.index('href="../html/a-role.html"') < text.index('href="../html/b-role.html"')
    assert "<td>not known</td>" in text and "<td>0</td>" in text
    assert "<td>2</td><td>5</td><td>2</td>" in text  # competencies, indicators, requirements


# --- the batch writes them --------------------------------------------------------------------

def test_convert_writes_pages_and_keeps_notes_for_unchanged_runs(tmp_path, monkeypatch):
    from pipeline import readers

    read = readers.read
    note = Note("test.rule", "a judgement on weak evidence", Origin(page=5, top=300.0))
    monkeypatch.setattr(readers, "read", lambda path, jobs=1: readers.Reading(read(path).blocks, [note]))
    out = tmp_path / "out"
    convert = ["convert", str(REFERENCE["pdf"]), "--output", str(out), "--quiet", "--jobs", "1"]
    assert main(convert) == 0
    first = (out / "current" / "html" / "ambtelijk-secretaris.html").read_bytes()
    assert first == html.render(reference_data("pdf"), [note])
    assert b"a judgement on weak evidence" in first
    assert "<td>1</td></tr>" in (out / "current" / "run" / "index.html").read_text()
    monkeypatch.setattr(readers, "read", read)
    assert main(convert) == 0  # unchanged: not read again, the notes come from the manifest
    assert (out / "current" / "html" / "ambtelijk-secretaris.html").read_bytes() == first


def test_pages_of_handbooks_gone_from_the_run_are_removed(tmp_path):
    from pipeline.export import write_derived

    write_derived(tmp_path, lambda: iter([small("a-role"), small("b-role")]))
    assert sorted(p.name for p in (tmp_path / "html").iterdir()) == ["a-role.html", "b-role.html"]
    assert (tmp_path / "run" / "index.html").is_file()
    write_derived(tmp_path, lambda: iter([small("b-role")]))
    assert sorted(p.name for p in (tmp_path / "html").iterdir()) == ["b-role.html"]
    assert sorted(p.name for p in (tmp_path / "case").iterdir()) == ["b-role.json"]


# --- in a real browser ------------------------------------------------------------------------

def _browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("skipped: headless Chromium is not installed (Debian package 'chromium'), "
                    "so the review pages were not rendered in a browser")
    if not shutil.which("pdftotext"):
        pytest.skip("skipped: pdftotext (poppler-utils) is not installed to read the printed page")
    return found


def _chromium(browser: str, *args: str) -> subprocess.CompletedProcess:
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=BROWSER_SECONDS)


def test_pages_render_in_headless_chromium(tmp_path):
    browser = _browser()
    out = tmp_path / "out"
    assert main(["convert", str(REFERENCE["pdf"]), "--output", str(out), "--quiet", "--jobs", "1"]) == 0
    data = reference_data("pdf")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name in ("ambtelijk-secretaris", "index"):
        url = (out / "current" / ("run" if name == "index" else "html") / f"{name}.html").as_uri()
        printed = tmp_path / f"{name}.pdf"
        result = _chromium(browser, "--no-pdf-header-footer", f"--print-to-pdf={printed}", url)
        console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
        assert console == [], console
        assert printed.exists() and printed.stat().st_size > 0, result.stderr[-2000:]
        shown = fold(subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True,
                                    check=True).stdout)
        expected = [data["title"]] if name == "index" else \
            [i["text"] for c in data["competencies"] for lv in c["levels"] for i in lv["indicators"]]
        assert [text for text in expected if fold(text) not in shown] == []
        _chromium(browser, "--window-size=1280,4000", f"--screenshot={ARTIFACTS / (name + '.png')}", url)


def test_the_browser_check_sees_console_errors(tmp_path):
    browser = _browser()
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="en"><title>x</title><script>console.error("boom")</script></html>')
    result = _chromium(browser, "--dump-dom", bad.as_uri())
    assert any(":CONSOLE" in line and "boom" in line for line in result.stderr.splitlines())


def test_a_handbook_may_be_called_index_or_library_run_wide_files_live_apart(tmp_path):
    for name in ("index", "library"):
        (tmp_path / f"{name}.txt").write_bytes(REFERENCE["txt"].read_bytes())
    out = tmp_path / "out"
    assert main(["convert", str(tmp_path / "index.txt"), str(tmp_path / "library.txt"), "--output", str(out), "--quiet"]) == 0
    index = (out / "current" / "run" / "index.html").read_text()
    assert 'href="../html/index.html"' in index and 'href="../html/library.html"' in index
    assert (out / "current" / "json" / "library.json").is_file() and (out / "current" / "run" / "library.json").is_file()
