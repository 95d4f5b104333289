"""pipeline.generations: publishing a run in one step, and the pointer file where links are refused."""
from __future__ import annotations

import os

from pipeline import generations
from pipeline.atomic import write_new


def make(out, run_id, text):
    staging = generations.start(out, run_id)
    write_new(staging / "json" / "x.json", text.encode())
    return staging


def test_nothing_is_current_until_published_and_then_the_switch_is_whole(tmp_path):
    staging = make(tmp_path, "20261202T000000Z-000001", "one")
    assert generations.current(tmp_path) is None
    first = generations.publish(tmp_path, staging)
    assert generations.current(tmp_path) == first
    assert (tmp_path / "current" / "json" / "x.json").read_text() == "one"
    second = generations.publish(tmp_path, make(tmp_path, "20261202T000001Z-000002", "two"))
    assert (tmp_path / "current" / "json" / "x.json").read_text() == "two"
    assert os.readlink(tmp_path / "current") == os.path.join("generations", second.name)  # relative: the folder may move
    generations.remove_all_but(tmp_path, {second})
    assert [p.name for p in (tmp_path / "generations").iterdir()] == [second.name]


def test_where_links_are_refused_a_pointer_file_names_the_current_generation(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(1, "symbolic links are not allowed")

    monkeypatch.setattr(generations.os, "symlink", refuse)
    first = generations.publish(tmp_path, make(tmp_path, "20261202T000000Z-000001", "one"))
    assert (tmp_path / "current.txt").read_text() == f"{first.name}\n"
    assert generations.current(tmp_path) == first
    second = generations.publish(tmp_path, make(tmp_path, "20261202T000001Z-000002", "two"))
    assert generations.current(tmp_path) == second
    assert not (tmp_path / "current").exists()


def test_a_pointer_to_anything_but_a_generation_is_ignored(tmp_path):
    (tmp_path / "current.txt").write_text("../../etc\n")
    assert generations.current(tmp_path) is None


def test_carry_over_copies_where_hard_links_are_refused(tmp_path, monkeypatch):
    old = make(tmp_path, "20261202T000000Z-000001", "one")
    new = generations.start(tmp_path, "20261202T000001Z-000002")
    generations.carry_over(old, new, "json/x.json")
    assert os.path.samefile(old / "json" / "x.json", new / "json" / "x.json")

    def refuse(*args):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(generations.os, "link", refuse)
    other = generations.start(tmp_path, "20261202T000002Z-000003")
    generations.carry_over(old, other, "json/x.json")
    assert (other / "json" / "x.json").read_text() == "one"
    assert not os.path.samefile(old / "json" / "x.json", other / "json" / "x.json")
