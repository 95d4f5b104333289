"""Every kind of bad input gets one clear line, exit code 1, and leaves no output of its own."""
import json
import os
import shutil
import zipfile

import pytest

from pipeline.cli import main

from .conftest import REFERENCE
from .docx_builder import handbook_docx

GOOD = {1: ["Doet a", "Doet b"], 2: ["Doet c"], 3: ["Doet d"]}


def convert_one(tmp_path, capsys, path):
    """Convert `path` together with the reference handbook; return (exit code, the line about `path`)."""
    folder = path.parent
    shutil.copyfile(REFERENCE["docx"], folder / "referentie.docx")
    out = tmp_path / "out"
    code = main(["convert", str(folder), "--output", str(out), "--quiet", "--jobs", "1"])  # in-process: monkeypatches apply
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith(f"{path}: ")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    produced = {p.stem for p in (out / "current" / "json").glob("*.json")} - {"library"}
    assert produced == {"referentie"}, "a bad file left output of its own"
    report = json.loads((out / "current" / "run" / "report.json").read_text())
    entry = next(e for e in report["inputs"] if e["input"] == str(path))
    assert entry["status"] == "failed" and entry["reason"] == lines[0][len(f"{path}: "):]
    return code, lines[0][len(f"{path}: "):]


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "input"
    folder.mkdir()
    return folder


def test_empty_file(tmp_path, capsys, inbox):
    for suffix in (".docx", ".pdf", ".txt"):
        path = inbox / f"leeg{suffix}"
        path.write_bytes(b"")
        code, reason = convert_one(tmp_path, capsys, path)
        assert code == 1 and reason == "the file is empty"
        path.unlink()


def test_text_file_renamed_to_docx(tmp_path, capsys, inbox):
    path = inbox / "tekst.docx"
    path.write_text("Competenties Ambtelijk secretaris\n")
    code, reason = convert_one(tmp_path, capsys, path)
    assert (code, reason) == (1, "not a Word file: a .docx is a zip archive and this file is not one")


def test_truncated_docx(tmp_path, capsys, inbox):
    data = REFERENCE["docx"].read_bytes()
    path = inbox / "afgebroken.docx"
    path.write_bytes(data[: len(data) // 2])
    code, reason = convert_one(tmp_path, capsys, path)
    assert code == 1 and reason.startswith("the Word file is damaged or truncated")


def test_word_document_that_is_not_a_handbook(tmp_path, capsys, inbox):
    import docx

    document = docx.Document()
    document.add_paragraph("Beste collega,")
    document.add_paragraph("Hierbij de notulen van de vergadering.")
    path = inbox / "brief.docx"
    document.save(str(path))
    code, reason = convert_one(tmp_path, capsys, path)
    assert code == 1 and reason.startswith("no competencies found")


def test_competency_missing_a_level(tmp_path, capsys, inbox):
    path = handbook_docx(inbox / "gat.docx", competencies=[
        ("Analyseren", "Def.", GOOD), ("Samenwerken", "Def.", {1: ["Doet a"], 3: ["Doet c"]})])
    code, reason = convert_one(tmp_path, capsys, path)
    assert code == 1
    assert "samenwerken" in reason.lower() and "level 2" in reason


def test_matrix_row_naming_an_undescribed_competency(tmp_path, capsys, inbox):
    path = handbook_docx(inbox / "matrix.docx", competencies=[("Analyseren", "Def.", GOOD)],
                         matrix_rows=[("Analyseren", "1"), ("Vliegen", "2")])
    code, reason = convert_one(tmp_path, capsys, path)
    assert code == 1 and "'vliegen'" in reason and "does not describe" in reason


def test_same_competency_described_twice(tmp_path, capsys, inbox):
    path = handbook_docx(inbox / "dubbel.docx", competencies=[("Analyseren", "Def.", GOOD), ("Analyseren", "Def.", GOOD)],
                         matrix_rows=[("Analyseren", "1")])
    code, reason = convert_one(tmp_path, capsys, path)
    assert code == 1 and "described twice" in reason


def test_two_inputs_with_the_same_id(tmp_path, capsys, inbox):
    shutil.copyfile(REFERENCE["txt"], inbox / "Rol A.txt")
    shutil.copyfile(REFERENCE["docx"], inbox / "rol-a.docx")
    shutil.copyfile(REFERENCE["docx"], inbox / "rol-b.docx")
    out = tmp_path / "out"
    assert main(["convert", str(inbox), "--output", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"{inbox / 'Rol A.txt'}: gives the same handbook id 'rol-a' as {inbox / 'rol-a.docx'}" in err
    assert f"{inbox / 'rol-a.docx'}: gives the same handbook id 'rol-a' as {inbox / 'Rol A.txt'}" in err
    assert {p.name for p in (out / "current" / "json").iterdir()} == {"rol-b.json"}


def test_file_that_cannot_be_read(tmp_path, capsys, inbox, monkeypatch):
    path = inbox / "geheim.txt"
    shutil.copyfile(REFERENCE["txt"], path)
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads everything: make the operating system refuse this one file instead
        real_open = open

        def refuse(file, *args, **kwargs):
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr("builtins.open", refuse)
        monkeypatch.setattr("pathlib.Path.read_bytes", lambda self: refuse(self).read() if str(self) == str(path) else real_open(self, "rb").read())
    code, reason = convert_one(tmp_path, capsys, path)
    assert code == 1 and reason.startswith("permission denied")


@pytest.mark.parametrize("suffix,advice", [(".doc", "old Word format (.doc)"), (".odt", "OpenDocument text (.odt)"), (".rtf", "rich text (.rtf)")])
def test_unsupported_formats_say_save_as_docx(tmp_path, capsys, inbox, suffix, advice):
    path = inbox / f"oud{suffix}"
    path.write_bytes(b"{\\rtf1 oud}")
    code, reason = convert_one(tmp_path, capsys, path)
    assert code == 1 and reason == f"{advice} is not supported: save it as .docx"


def test_failed_file_keeps_the_earlier_good_export(tmp_path, capsys, inbox):
    path = inbox / "rol.docx"
    handbook_docx(path, competencies=[("Analyseren", "Def.", GOOD)])
    out = tmp_path / "out"
    assert main(["convert", str(inbox), "--output", str(out), "--quiet"]) == 0
    before = {p.relative_to(out / "current"): p.read_bytes()
              for p in (out / "current").rglob("*") if p.is_file() and p.name != "report.json"}
    path.write_bytes(b"PK\x03\x04 kapot")
    assert main(["convert", str(inbox), "--output", str(out), "--quiet"]) == 1
    after = {p.relative_to(out / "current"): p.read_bytes()
              for p in (out / "current").rglob("*") if p.is_file() and p.name != "report.json"}
    assert after == before
    report = json.loads((out / "current" / "run" / "report.json").read_text())
    assert report["inputs"][0]["status"] == "failed"
    capsys.readouterr()


def test_docx_with_external_entity_does_not_leak_a_local_file(tmp_path, inbox):
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM-WACHTWOORD")
    source = handbook_docx(tmp_path / "bron.docx", competencies=[("Analyseren", "Def.", GOOD)])
    hostile = inbox / "xxe.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(hostile, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                decl_end = text.index("?>") + 2
                text = (text[:decl_end] + f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                        + text[decl_end:].replace("Doet a", "Doet &xxe; a", 1))
                data = text.encode("utf-8")
            zout.writestr(item, data)
    out = tmp_path / "out"
    main(["convert", str(inbox), "--output", str(out), "--quiet"])
    for path in out.rglob("*"):
        if path.is_file():
            assert b"GEHEIM" not in path.read_bytes(), path


def test_zip_bomb_is_refused_before_parsing(tmp_path, capsys, inbox):
    source = handbook_docx(tmp_path / "bron.docx")
    bomb = inbox / "bom.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item))
        with zout.open("word/media/padding.bin", "w") as stream:  # 300 MiB of zeros, ~300 KB packed
            block = b"\0" * (1 << 20)
            for _ in range(300):
                stream.write(block)
    assert bomb.stat().st_size < 2_000_000
    code, reason = convert_one(tmp_path, capsys, bomb)
    assert code == 1 and "zip bomb" in reason


def test_output_names_come_only_from_slugs(tmp_path, capsys, inbox):
    path = inbox / "..%2F..%2Fetc passwd ÄÖ.docx"
    handbook_docx(path, competencies=[("Analyseren", "Def.", GOOD)])
    out = tmp_path / "out"
    assert main(["convert", str(path), "--output", str(out), "--quiet"]) == 0
    assert sorted(p.name for p in (out / "current" / "json").iterdir()) == ["2f-2fetc-passwd-ao.json"]
    assert all(out in p.resolve().parents for p in out.rglob("*"))


@pytest.mark.parametrize("name,reason", [
    ("encrypted.pdf", "the PDF is encrypted: a password is needed to read it"),
    ("scanned-no-text.pdf", "the PDF has no text layer (probably a scan): it needs OCR before it can be converted"),
    ("truncated.pdf", "the PDF is damaged or not a PDF: the file ends too early (truncated?)"),
])
def test_unreadable_pdfs_give_one_line_and_exit_1(tmp_path, capsys, inbox, name, reason):
    path = inbox / name
    shutil.copyfile(REFERENCE["pdf"].parent / "pdf" / name, path)
    code, said = convert_one(tmp_path, capsys, path)
    assert (code, said) == (1, reason)


def test_formula_like_text_is_kept_exactly_in_every_export(tmp_path, inbox):
    texts = ["=SUM(A1:A2)", "+31 20 123", "-werkwijzen en meer", "@collega's"]
    handbook_docx(inbox / "formules.docx", competencies=[("Analyseren", "=HYPERLINK(\"x\")", {1: texts, 2: ["Doet b"]})])
    out = tmp_path / "out"
    assert main(["convert", str(inbox), "--output", str(out), "--quiet"]) == 0
    data = json.loads((out / "current" / "json" / "formules.json").read_text())
    assert [i["text"] for i in data["competencies"][0]["levels"][0]["indicators"]] == texts
    xml = (out / "current" / "xml" / "formules.xml").read_text()
    import csv

    with open(out / "current" / "run" / "indicators.csv", newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["text"] for r in rows[:4]] == texts
    for text in texts:
        assert f">{text}<" in xml
