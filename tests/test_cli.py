"""The command line: exit codes, messages on stderr, files in the output folder."""
import json
import shutil
import subprocess
import sys

import pytest

from pipeline.cli import main

from .conftest import REFERENCE


def run_cli(*args, cwd=None):
    """The real command, as a scheduler runs it."""
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "input"
    folder.mkdir()
    shutil.copyfile(REFERENCE["docx"], folder / "ambtelijk-secretaris.docx")
    return folder


def test_convert_writes_every_export_and_exits_0(inbox, tmp_path):
    out = tmp_path / "out"
    result = run_cli("convert", str(inbox), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "converted 1, failed 0" in result.stderr
    for name in ("json/ambtelijk-secretaris.json", "xml/ambtelijk-secretaris.xml", "csv/indicators.csv",
                 "csv/competencies.csv", "csv/requirements.csv", "report.json"):
        assert (out / name).is_file(), name
    report = json.loads((out / "report.json").read_text())
    assert report["inputs"][0]["counts"]["indicators"] == 78


def test_two_runs_give_byte_identical_files(inbox, tmp_path):
    for name in ("a", "b"):
        assert main(["convert", str(inbox), "--output", str(tmp_path / name), "--quiet"]) == 0
    # manifest.json records when each export was made; every other file must be identical
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file() and p.name not in (".lock", "manifest.json"))
    assert files
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_bad_file_fails_alone_with_one_line_and_exit_1(inbox, tmp_path):
    (inbox / "kapot.docx").write_text("dit is geen Word-bestand")
    out = tmp_path / "out"
    result = run_cli("convert", str(inbox), "--output", str(out))
    assert result.returncode == 1
    lines = [l for l in result.stderr.splitlines() if "kapot.docx" in l]
    assert lines == [f"{inbox / 'kapot.docx'}: not a Word file: a .docx is a zip archive and this file is not one"]
    assert "Traceback" not in result.stderr
    assert (out / "json" / "ambtelijk-secretaris.json").exists()
    assert not (out / "json" / "kapot.json").exists()


def test_missing_path_and_bad_arguments_are_usage_errors(tmp_path):
    assert run_cli("convert", str(tmp_path / "nope")).returncode == 2
    assert run_cli("frobnicate").returncode == 2
    assert run_cli().returncode == 2


def test_unsupported_format_says_what_to_do(tmp_path):
    old = tmp_path / "oud.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    result = run_cli("convert", str(old), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert f"{old}: old Word format (.doc) is not supported: save it as .docx" in result.stderr


def test_validate_accepts_a_fresh_output_and_names_a_broken_file(inbox, tmp_path):
    out = tmp_path / "out"
    assert main(["convert", str(inbox), "--output", str(out), "--quiet"]) == 0
    assert run_cli("validate", str(out)).returncode == 0
    path = out / "json" / "ambtelijk-secretaris.json"
    data = json.loads(path.read_text())
    data["competencies"][1]["levels"][0]["indicators"][0]["text"] = ""
    path.write_text(json.dumps(data))
    result = run_cli("validate", str(out))
    assert result.returncode == 1
    assert "ambtelijk-secretaris.json" in result.stderr and "competencies[1].levels[0].indicators[0]" in result.stderr
