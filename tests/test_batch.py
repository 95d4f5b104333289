"""Batch behaviour: incremental and parallel runs, logs, progress, locking, crashes."""
import io
import json
import re
import shutil
import subprocess
import sys

import pytest

from pipeline.batch import Outcome
from pipeline.cli import main
from pipeline.lock import output_lock
from pipeline.report import TextReporter

from .conftest import REFERENCE
from .docx_builder import handbook_docx


def copies(folder, count, formats=("docx", "txt")):
    folder.mkdir(exist_ok=True)
    for i in range(count):
        fmt = formats[i % len(formats)]
        shutil.copyfile(REFERENCE[fmt], folder / f"rol-{i:02d}.{fmt}")
    return folder


def tree(folder):
    folder = folder / "current"
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in (".lock", "manifest.json")
    }


def report(out):
    return json.loads((out / "current" / "run" / "report.json").read_text())


def test_output_is_identical_for_one_and_two_jobs(tmp_path):
    inbox = copies(tmp_path / "in", 4, ("docx", "pdf", "txt"))
    assert main(["convert", str(inbox), "-o", str(tmp_path / "one"), "--jobs", "1", "--quiet"]) == 0
    assert main(["convert", str(inbox), "-o", str(tmp_path / "two"), "--jobs", "2", "--quiet"]) == 0
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_unchanged_rerun_converts_nothing_and_a_change_is_picked_up(tmp_path, capsys):
    inbox = copies(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert main(["convert", str(inbox), "-o", str(out), "--quiet"]) == 0
    first = tree(out)
    assert main(["convert", str(inbox), "-o", str(out), "--quiet"]) == 0
    assert report(out)["converted"] == 0 and report(out)["unchanged"] == 3
    assert {k: v for k, v in tree(out).items() if k != "run/report.json"} == {k: v for k, v in first.items() if k != "run/report.json"}

    handbook_docx(inbox / "rol-00.docx")  # a different handbook under the same name
    assert main(["convert", str(inbox), "-o", str(out), "--quiet"]) == 0
    assert [e["status"] for e in report(out)["inputs"]] == ["converted", "unchanged", "unchanged"]
    manifest = json.loads((out / "current" / "run" / "manifest.json").read_text())
    assert manifest["handbooks"]["rol-00"]["counts"]["competencies"] == 1
    assert set(manifest["handbooks"]["rol-01"]) >= {"source_sha256", "exports", "counts", "schema_version", "pipeline_version", "converted_at"}

    assert main(["convert", str(inbox), "-o", str(out), "--quiet", "--force"]) == 0
    assert report(out)["converted"] == 3
    capsys.readouterr()


def test_a_damaged_export_is_not_taken_as_unchanged(tmp_path):
    inbox = copies(tmp_path / "in", 1)
    out = tmp_path / "out"
    assert main(["convert", str(inbox), "-o", str(out), "--quiet"]) == 0
    (out / "current" / "json" / "rol-00.json").write_text("{}")
    assert main(["convert", str(inbox), "-o", str(out), "--quiet"]) == 0
    assert report(out)["converted"] == 1
    assert json.loads((out / "current" / "json" / "rol-00.json").read_text())["id"] == "rol-00"


def test_json_log_lines_parse(tmp_path):
    inbox = copies(tmp_path / "in", 2)
    (inbox / "kapot.docx").write_bytes(b"nope")
    result = subprocess.run([sys.executable, "-m", "pipeline", "convert", str(inbox), "-o", str(tmp_path / "out"), "--log-format", "json"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    events = [json.loads(line) for line in result.stderr.splitlines()]
    kinds = [e["event"] for e in events]
    assert kinds[0] == "run_started" and kinds[-1] == "summary"
    assert kinds.count("started") == 3 and kinds.count("converted") == 2 and kinds.count("failed") == 1
    converted = next(e for e in events if e["event"] == "converted")
    assert converted["counts"]["indicators"] == 78 and isinstance(converted["milliseconds"], int)
    assert events[-1] | {"milliseconds": 0, "time": "", "run": ""} == {
        "event": "summary", "converted": 2, "unchanged": 0, "failed": 1, "output": str(tmp_path / "out"),
        "milliseconds": 0, "time": "", "run": ""}
    # every event says when (ISO 8601, UTC) and of which run
    assert len({e["run"] for e in events}) == 1 and re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{6}", events[0]["run"])
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", e["time"]) for e in events)


def test_unchanged_events_carry_the_vocabulary_recorded_when_converted(tmp_path):
    inbox = copies(tmp_path / "in", 1)
    command = [sys.executable, "-m", "pipeline", "convert", str(inbox), "-o", str(tmp_path / "out"), "--log-format", "json"]
    subprocess.run(command, check=True, capture_output=True)
    events = [json.loads(line) for line in subprocess.run(command, capture_output=True, text=True).stderr.splitlines()]
    unchanged = next(e for e in events if e["event"] == "unchanged")
    assert unchanged["vocabulary"] == "nl"


class FakeTerminal(io.StringIO):
    def __init__(self, tty):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


@pytest.mark.parametrize("tty", [True, False])
def test_progress_bar_only_on_a_terminal(tty):
    stream = FakeTerminal(tty)
    reporter = TextReporter(stream, quiet=False, debug=False, progress=stream.isatty())
    reporter.start(2)
    reporter.event("done", Outcome(path="a.docx", id="a", status="converted", counts={}, vocabulary="nl"))
    assert ("\r[##########..........] 1/2 files, 0 failed" in stream.getvalue()) is tty


def test_a_word_only_run_never_imports_pdfplumber(tmp_path):
    code = (
        "import sys; from pipeline.cli import main; "
        f"rc = main(['convert', {str(REFERENCE['docx'])!r}, '-o', {str(tmp_path / 'out')!r}, '--quiet']); "
        "sys.exit(10 if 'pdfplumber' in sys.modules else rc)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_a_second_run_on_a_busy_output_folder_refuses_clearly(tmp_path):
    inbox = copies(tmp_path / "in", 1)
    out = tmp_path / "out"
    with output_lock(out):
        result = subprocess.run([sys.executable, "-m", "pipeline", "convert", str(inbox), "-o", str(out), "--wait", "0.5"],
                                capture_output=True, text=True)
    assert result.returncode == 3
    assert result.stderr.strip() == f"{out}: another conversion is writing to this folder; try again when it has finished (or use --wait SECONDS)"
    assert not (out / "current" / "json").exists()


def test_library_view_lists_each_competency_once_and_warns_on_differences(tmp_path, capsys):
    inbox = tmp_path / "in"
    inbox.mkdir()
    same = {1: ["Doet a"], 2: ["Doet b"]}
    handbook_docx(inbox / "rol-a.docx", competencies=[("Samenwerken", "Samen werken.", same), ("Analyseren", "Ontleden.", same)])
    handbook_docx(inbox / "rol-b.docx", competencies=[("Samenwerken", "Samen werken.", {1: ["Doet a"], 2: ["Doet c"]})],
                  matrix_rows=[("Samenwerken", "2")])
    out = tmp_path / "out"
    assert main(["convert", str(inbox), "-o", str(out), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert ("warning: competency 'samenwerken' is described differently in rol-a.docx and rol-b.docx: "
            "level 2, indicator 1: 'Doet b' against 'Doet c'") in err
    library = json.loads((out / "current" / "run" / "library.json").read_text())
    assert [c["id"] for c in library["competencies"]] == ["analyseren", "samenwerken"]
    assert library["competencies"][1]["handbooks"] == [
        {"id": "rol-a", "role": "Testrol", "required_level": 1},
        {"id": "rol-b", "role": "Testrol", "required_level": 2},
    ]
    rows = (out / "current" / "run" / "library.csv").read_text().splitlines()
    assert rows[0] == "competency_id,name,handbook_id,role,required_level"
    assert rows[1:] == ["analyseren,Analyseren,rol-a,Testrol,1", "samenwerken,Samenwerken,rol-a,Testrol,1", "samenwerken,Samenwerken,rol-b,Testrol,2"]
    assert report(out)["library_warnings"] == [err.split("warning: ", 1)[1].splitlines()[0]]
