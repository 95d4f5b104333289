"""pipeline.export.role_profile: the indicators a role needs, cumulative where the handbook says."""
from __future__ import annotations

import csv
import io

from pipeline.export import role_profile
from tests.export_data import reference_data, small, without_matrix


def table(handbooks) -> list[dict]:
    text = role_profile.render_csv(handbooks).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_cumulative_levels_bring_the_lower_levels_along():
    data = small()  # cumulative; samenwerken is required at level 2
    rows = [r for r in table([data]) if r["competency_id"] == "samenwerken"]
    levels = {lv["level"]: [i["text"] for i in lv["indicators"]] for lv in data["competencies"][1]["levels"]}
    assert [r["text"] for r in rows] == levels[1] + levels[2]
    assert {r["required_level"] for r in rows} == {"2"}
    assert [r["level"] for r in rows] == ["1"] * len(levels[1]) + ["2"] * len(levels[2])


def test_not_cumulative_means_the_required_level_only():
    data = small()
    data["levels"]["cumulative"] = False
    rows = [r for r in table([data]) if r["competency_id"] == "samenwerken"]
    assert {r["level"] for r in rows} == {"2"}
    assert [r["text"] for r in rows] == [i["text"] for i in data["competencies"][1]["levels"][1]["indicators"]]


def test_reference_role_requiring_level_two_gets_levels_one_and_two():
    data = reference_data()
    assert data["levels"]["cumulative"]
    rows = table([data])
    required = {r["competency"]: r["level"] for r in data["requirements"]}
    competency = next(cid for cid, level in required.items() if level == 2)
    got = [(int(r["level"]), r["indicator_id"]) for r in rows if r["competency_id"] == competency]
    described = next(c for c in data["competencies"] if c["id"] == competency)
    expected = [(lv["level"], i["id"]) for lv in described["levels"] if lv["level"] <= 2 for i in lv["indicators"]]
    assert got == expected
    # every required competency is in the profile, in the matrix's order
    order = list(dict.fromkeys(r["competency_id"] for r in rows))
    assert order == [r["competency"] for r in data["requirements"]]
    assert {r["role"] for r in rows} == {data["role"]}


def test_framework_without_role_matrix_has_no_rows():
    assert table([without_matrix(small())]) == []
    assert role_profile.render_csv([]) == (",".join(role_profile.HEADER) + "\r\n").encode()


def test_handbooks_in_id_order_and_write_matches_render(tmp_path):
    a, b = small("b-role"), small("a-role")
    assert [r["handbook_id"] for r in table([a, b])][0] == "a-role"
    path = role_profile.write_csv(iter([b, a]), tmp_path)
    assert path == tmp_path / "role_profile.csv"
    assert path.read_bytes() == role_profile.render_csv([a, b])


def test_texts_are_written_exactly():
    data = small()
    data["competencies"][1]["levels"][0]["indicators"][0]["text"] = '=SUM(A1), "quoted"; line'
    rows = table([data])
    assert rows[len(data["competencies"][0]["levels"][0]["indicators"])]["text"] == '=SUM(A1), "quoted"; line'
