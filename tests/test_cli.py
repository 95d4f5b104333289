"""The command line: exit codes, messages on stderr, files in the output folder."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import __version__
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
    for name in ("json/ambtelijk-secretaris.json", "xml/ambtelijk-secretaris.xml", "case/ambtelijk-secretaris.json",
                 "html/ambtelijk-secretaris.html", "run/indicators.csv", "run/competencies.csv",
                 "run/requirements.csv", "run/role_profile.csv", "run/library.csv", "run/library.json",
                 "run/handbooks.xlsx", "run/index.html", "run/report.json", "run/manifest.json"):
        assert (out / "current" / name).is_file(), name
    report = json.loads((out / "current" / "run" / "report.json").read_text())
    assert report["inputs"][0]["counts"]["indicators"] == 78


def test_two_runs_give_byte_identical_files(inbox, tmp_path):
    for name in ("a", "b"):
        assert main(["convert", str(inbox), "--output", str(tmp_path / name), "--quiet"]) == 0
    # manifest.json records when each export was made; every other file must be identical
    a, b = tmp_path / "a" / "current", tmp_path / "b" / "current"
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file() and p.name != "manifest.json")
    assert files
    for name in files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_bad_file_fails_alone_with_one_line_and_exit_1(inbox, tmp_path):
    (inbox / "kapot.docx").write_text("dit is geen Word-bestand")
    out = tmp_path / "out"
    result = run_cli("convert", str(inbox), "--output", str(out))
    assert result.returncode == 1
    lines = [l for l in result.stderr.splitlines() if "kapot.docx" in l]
    assert lines == [f"{inbox / 'kapot.docx'}: not a Word file: a .docx is a zip archive and this file is not one"]
    assert "Traceback" not in result.stderr
    assert (out / "current" / "json" / "ambtelijk-secretaris.json").exists()
    assert not (out / "current" / "json" / "kapot.json").exists()


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
    path = out / "current" / "json" / "ambtelijk-secretaris.json"
    data = json.loads(path.read_text())
    data["competencies"][1]["levels"][0]["indicators"][0]["text"] = ""
    path.write_text(json.dumps(data))
    result = run_cli("validate", str(out))
    assert result.returncode == 1
    assert "ambtelijk-secretaris.json" in result.stderr and "competencies[1].levels[0].indicators[0]" in result.stderr


# --- operating: names, options, errors, exit codes ---------------------------------------------

def test_the_program_is_named_as_it_was_called_and_help_lists_the_exit_codes():
    result = run_cli("--version")
    assert result.stdout == f"python -m pipeline {__version__}\n"
    help_text = run_cli("convert", "--help").stdout
    for line in ("0    every input converted", "1    some input failed", "2    usage error",
                 "3    the output could not be written", "130  interrupted by Ctrl-C"):
        assert line in help_text


def test_wait_must_not_be_negative(inbox, tmp_path):
    result = run_cli("convert", str(inbox), "--output", str(tmp_path / "out"), "--wait", "-5")
    assert result.returncode == 2 and "--wait: must be 0 or more" in result.stderr


def test_an_internal_error_is_named_as_such_and_the_batch_goes_on(inbox, tmp_path, capsys, monkeypatch):
    from pipeline import batch

    shutil.copyfile(REFERENCE["txt"], inbox / "tweede.txt")
    real = batch.convert

    def broken(path, vocabulary=None, **options):
        if path.suffix == ".txt":
            raise TypeError("boom")
        return real(path, vocabulary, **options)

    monkeypatch.setattr(batch, "convert", broken)
    argv = ["convert", str(inbox), "--output", str(tmp_path / "out"), "--jobs", "1"]
    assert main(argv) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"internal error in {inbox / 'tweede.txt'}: TypeError: boom (run with --debug for the traceback)" in err
    assert any(line.endswith("ambtelijk-secretaris.docx: converted (7 competencies, 78 indicators, 7 requirements; vocabulary nl)")
               for line in err)
    assert main([*argv, "--debug", "--force"]) == 1
    err = capsys.readouterr().err
    assert f"internal error in {inbox / 'tweede.txt'}: TypeError: boom\n" in err and "Traceback" in err


def test_every_error_a_caller_can_meet_is_a_handbook_error(tmp_path):
    from pipeline import HandbookError, convert, handbook_id

    for path in ("/missing.docx", tmp_path, str(tmp_path / "x.pdf")):
        with pytest.raises(HandbookError):
            convert(path)
    assert handbook_id("input/Ambtelijk secretaris.docx") == handbook_id(Path("input/Ambtelijk secretaris.docx")) \
        == "ambtelijk-secretaris"


@pytest.mark.parametrize("name,expected", [("CON.docx", "con-handbook"), ("lpt1.pdf", "lpt1-handbook"),
                                           ("rol. .docx", "rol"), ("...docx", "handbook"), ("x" * 300 + ".txt", "x" * 120)])
def test_ids_are_safe_file_names_on_windows_too(name, expected):
    from pipeline import handbook_id

    assert handbook_id(name) == expected
