"""The project installs the way a batch server installs it: `pip install .` into a fresh venv,
used from another folder through the console script, with the schemas inside the package."""
from __future__ import annotations

import os
import subprocess
import tomllib
import venv
from pathlib import Path

import pytest

from .conftest import REFERENCE

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed_for_the_wheel():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "pipeline").rglob("__init__.py")}
    assert folders | {"pipeline.schemas"} == listed


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh venv with the project installed from the repository (not editable)."""
    home = tmp_path_factory.mktemp("installed")
    venv.create(home / "venv", with_pip=True)
    pip = [str(home / "venv" / "bin" / "python"), "-m", "pip", "install", "--quiet", str(ROOT)]
    result = subprocess.run(pip, capture_output=True, text=True, cwd=home)
    assert result.returncode == 0, result.stderr[-2000:]
    return home


def test_the_installed_console_script_converts_and_validates_the_reference(installed):
    script = installed / "venv" / "bin" / "handbook-pipeline"
    work = installed / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}

    def run(*args):
        return subprocess.run([str(script), *args], capture_output=True, text=True, cwd=work, env=env)

    assert run("--version").stdout == "handbook-pipeline 0.1.0\n"
    sources = []
    for fmt in ("docx", "pdf", "txt"):  # one id per file: the file names differ
        sources.append(work / f"reference-{fmt}.{fmt}")
        sources[-1].write_bytes(REFERENCE[fmt].read_bytes())
    converted = run("convert", *map(str, sources), "--output", "out", "--jobs", "2")
    assert converted.returncode == 0, converted.stderr
    assert "converted 3, failed 0" in converted.stderr
    checked = run("validate", "out")
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr == "out: all exports are valid\n"
    (work / "empty").mkdir()
    assert run("validate", "empty").returncode == 1
    # the code ran from the wheel, not from the repository
    where = subprocess.run([str(installed / "venv" / "bin" / "python"), "-c",
                            "import pipeline.validate as v; print(v.JSON_SCHEMA)"],
                           capture_output=True, text=True, cwd=work, env=env).stdout
    assert "site-packages" in where and str(ROOT) not in where
