"""What changed between two editions of a handbook: `python -m pipeline diff OLD NEW`.

OLD and NEW are handbook files (.docx, .pdf, .txt: converted first) or JSON exports
(json/<id>.json). The result is a list of changes, each a dict with a `kind`:

    handbook-changed     a title, role, organisation, issued or language field
    levels-changed       the level scale: count, cumulative, labels
    cluster-added / cluster-removed / cluster-renamed
    competency-added / competency-removed
    competency-renamed   a competency gone and one new that match on content (see RENAME_SIMILARITY)
    cluster-changed      a competency now in another cluster
    definition-changed   with a word-level diff
    indicator-added / indicator-removed
    indicator-changed    same competency and level, text changed (word-level diff)
    indicator-moved      to another level of the same competency (its text may have changed too)
    requirement-added / requirement-removed / requirement-changed (level or category)

Competencies are matched on their id (the slug of the name); a removed and an added one whose
definition and indicators are alike are one renamed competency. Indicators are matched on
their text, since their ids are positions: the same text on another level is a move; unmatched
texts are paired by similarity (INDICATOR_SIMILARITY), else added or removed.
"""
from __future__ import annotations

import json
from difflib import SequenceMatcher
from pathlib import Path

from .errors import HandbookError

RENAME_SIMILARITY = 0.6  # of the definitions plus indicator texts, for a removed/added pair
INDICATOR_SIMILARITY = 0.6  # of two indicator texts, to count as one indicator changed
HANDBOOK_FIELDS = ("title", "role", "organisation", "issued", "language")


class DiffInputError(HandbookError):
    """An input that is neither a readable handbook nor a valid JSON export."""


# --- loading ---------------------------------------------------------------------------------

def load(path: Path | str) -> dict:
    """The handbook dict of a handbook file or a JSON export; DiffInputError says what is wrong."""
    path = Path(path)
    if not path.exists():
        raise DiffInputError(f"{path}: no such file")
    if path.is_dir():
        raise DiffInputError(f"{path}: is a folder; give a handbook file or a json/<id>.json export")
    if path.suffix.lower() == ".json":
        return _load_export(path)
    from .conversion import convert

    try:
        return convert(path).data
    except HandbookError as error:
        raise DiffInputError(f"{path}: {error}") from None
    except OSError as error:
        raise DiffInputError(f"{path}: cannot be read ({error.strerror or error})") from None


def _load_export(path: Path) -> dict:
    from .validate import validate

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise DiffInputError(f"{path}: not a readable JSON file ({error})") from None
    if not isinstance(data, dict):
        raise DiffInputError(f"{path}: not a handbook export (a JSON object is expected)")
    problems = validate(data)
    if problems:
        raise DiffInputError(f"{path}: not a valid handbook export: {problems[0]}")
    return data


# --- comparing -------------------------------------------------------------------------------

def diff(old: dict, new: dict) -> list[dict]:
    """The changes from `old` to `new` (two handbook dicts), in a fixed order."""
    changes = [{"kind": "handbook-changed", "field": f, "old": old.get(f), "new": new.get(f)}
               for f in HANDBOOK_FIELDS if old.get(f) != new.get(f)]
    changes += [{"kind": "levels-changed", "field": f, "old": old["levels"][f], "new": new["levels"][f]}
                for f in ("count", "cumulative", "labels") if old["levels"][f] != new["levels"][f]]
    cluster_changes, cluster_renamed = _clusters(old, new)
    changes += cluster_changes
    pairs, competency_changes = _match_competencies(old, new)
    changes += competency_changes
    names = {c["id"]: c["name"] for c in old["clusters"]} | {c["id"]: c["name"] for c in new["clusters"]}
    for a, b in pairs:
        changes += _competency(a, b, names, cluster_renamed)
    changes += _requirements(old, new, {a["id"]: b["id"] for a, b in pairs})
    return changes


def _clusters(old: dict, new: dict) -> tuple[list[dict], dict[str, str]]:
    """The cluster changes, and the renamed clusters' old id -> new id."""
    a = {c["id"]: c for c in old["clusters"]}
    b = {c["id"]: c for c in new["clusters"]}
    removed = [c for cid, c in a.items() if cid not in b]
    added = [c for cid, c in b.items() if cid not in a]
    changes, renamed = [], {}
    for gone in list(removed):  # same competencies under a new name: a renamed cluster
        twin = next((c for c in added if c["competencies"] and c["competencies"] == gone["competencies"]), None)
        if twin is not None:
            removed.remove(gone)
            added.remove(twin)
            renamed[gone["id"]] = twin["id"]
            changes.append({"kind": "cluster-renamed", "old": gone["name"], "new": twin["name"]})
    changes += [{"kind": "cluster-removed", "cluster": c["id"], "name": c["name"]} for c in removed]
    changes += [{"kind": "cluster-added", "cluster": c["id"], "name": c["name"]} for c in added]
    return changes, renamed


def _match_competencies(old: dict, new: dict) -> tuple[list[tuple[dict, dict]], list[dict]]:
    """Pairs (old, new) of the same competency, and the added/removed/renamed changes."""
    a = {c["id"]: c for c in old["competencies"]}
    b = {c["id"]: c for c in new["competencies"]}
    pairs = [(a[cid], b[cid]) for cid in a if cid in b]
    removed = [c for cid, c in a.items() if cid not in b]
    added = [c for cid, c in b.items() if cid not in a]
    candidates = sorted(
        ((_similarity(_content(r), _content(n)), i, j) for i, r in enumerate(removed) for j, n in enumerate(added)),
        key=lambda t: (-t[0], t[1], t[2]))
    renamed, used_old, used_new = [], set(), set()
    for score, i, j in candidates:
        if score >= RENAME_SIMILARITY and i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            renamed.append((removed[i], added[j]))
    changes = [{"kind": "competency-renamed", "old_id": r["id"], "new_id": n["id"],
                "old": r["name"], "new": n["name"]} for r, n in sorted(renamed, key=lambda p: p[0]["id"])]
    changes += [{"kind": "competency-removed", "competency": c["id"], "name": c["name"]}
                for i, c in enumerate(removed) if i not in used_old]
    changes += [{"kind": "competency-added", "competency": c["id"], "name": c["name"]}
                for j, c in enumerate(added) if j not in used_new]
    return pairs + renamed, changes


def _content(competency: dict) -> str:
    texts = [competency.get("definition") or ""]
    texts += [i["text"] for lv in competency["levels"] for i in lv["indicators"]]
    return " ".join(texts)


def _competency(a: dict, b: dict, cluster_names: dict, cluster_renamed: dict) -> list[dict]:
    where = {"competency": b["id"], "name": b["name"]}
    changes = []
    if a.get("definition") != b.get("definition"):
        changes.append({"kind": "definition-changed", **where, **_text_change(a.get("definition") or "",
                                                                              b.get("definition") or "")})
    if cluster_renamed.get(a.get("cluster"), a.get("cluster")) != b.get("cluster"):
        changes.append({"kind": "cluster-changed", **where, "old": cluster_names.get(a.get("cluster")),
                        "new": cluster_names.get(b.get("cluster"))})
    return changes + _indicators(a, b, where)


def _indicators(a: dict, b: dict, where: dict) -> list[dict]:
    old = [(lv["level"], i["text"]) for lv in a["levels"] for i in lv["indicators"]]
    new = [(lv["level"], i["text"]) for lv in b["levels"] for i in lv["indicators"]]
    matched: list[tuple[int, int]] = []
    free_new = list(range(len(new)))
    for i, (level, text) in enumerate(old):  # the same text: first on the same level, else anywhere
        same = [j for j in free_new if new[j][1] == text]
        j = next((j for j in same if new[j][0] == level), same[0] if same else None)
        if j is not None:
            matched.append((i, j))
            free_new.remove(j)
    free_old = [i for i in range(len(old)) if i not in {m[0] for m in matched}]
    candidates = sorted(
        ((_similarity(old[i][1], new[j][1]), old[i][0] != new[j][0], i, j) for i in free_old for j in free_new),
        key=lambda t: (-t[0], t[1], t[2], t[3]))
    similar = []
    for score, _other_level, i, j in candidates:
        if score >= INDICATOR_SIMILARITY and i in free_old and j in free_new:
            free_old.remove(i)
            free_new.remove(j)
            similar.append((i, j))
    changes = []
    for i, j in sorted(matched + similar):
        (old_level, old_text), (new_level, new_text) = old[i], new[j]
        if old_level != new_level:
            change = {"kind": "indicator-moved", **where, "old_level": old_level, "new_level": new_level,
                      "text": new_text}
            if old_text != new_text:
                change.update(_text_change(old_text, new_text))
            changes.append(change)
        elif old_text != new_text:
            changes.append({"kind": "indicator-changed", **where, "level": new_level,
                            **_text_change(old_text, new_text)})
    changes += [{"kind": "indicator-removed", **where, "level": old[i][0], "text": old[i][1]} for i in free_old]
    changes += [{"kind": "indicator-added", **where, "level": new[j][0], "text": new[j][1]} for j in free_new]
    return changes


def _requirements(old: dict, new: dict, renamed: dict[str, str]) -> list[dict]:
    a = {renamed.get(r["competency"], r["competency"]): r for r in old.get("requirements") or ()}
    b = {r["competency"]: r for r in new.get("requirements") or ()}
    changes = []
    for cid, r in a.items():
        if cid not in b:
            changes.append({"kind": "requirement-removed", "competency": cid, "level": r["level"],
                            "category": r.get("category")})
            continue
        for field in ("level", "category"):
            if r.get(field) != b[cid].get(field):
                changes.append({"kind": "requirement-changed", "competency": cid, "field": field,
                                "old": r.get(field), "new": b[cid].get(field)})
    changes += [{"kind": "requirement-added", "competency": cid, "level": r["level"], "category": r.get("category")}
                for cid, r in b.items() if cid not in a]
    return changes


# --- words -----------------------------------------------------------------------------------

def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def word_diff(old: str, new: str) -> list[list[str]]:
    """The word-level diff: [op, words] with op '=' (both), '-' (old only) or '+' (new only)."""
    a, b = old.split(), new.split()
    ops: list[list[str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(["=", " ".join(a[i1:i2])])
            continue
        if i2 > i1:
            ops.append(["-", " ".join(a[i1:i2])])
        if j2 > j1:
            ops.append(["+", " ".join(b[j1:j2])])
    return ops


def _text_change(old: str, new: str) -> dict:
    return {"old": old, "new": new, "words": word_diff(old, new)}


def marked(words: list[list[str]]) -> str:
    """A word diff as one line: removed words as [-...-], added words as {+...+} (git's style)."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(marks[op].format(text) for op, text in words)


# --- output ----------------------------------------------------------------------------------

def render_json(old_name: str, new_name: str, changes: list[dict]) -> str:
    report = {"old": old_name, "new": new_name, "same": not changes, "changes": changes}
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def render_text(old_name: str, new_name: str, changes: list[dict]) -> str:
    """One line per change (a word diff on its own indented line), for people."""
    if not changes:
        return f"{old_name} and {new_name}: the same handbook data\n"
    lines = [f"{old_name} -> {new_name}: {len(changes)} change(s)"]
    for change in changes:
        lines.append(_line(change))
        if "words" in change:
            lines.append("    " + marked(change["words"]))
    return "\n".join(lines) + "\n"


def _line(c: dict) -> str:
    kind = c["kind"]
    name = f"'{c['name']}'" if "name" in c else ""
    text = {
        "handbook-changed": lambda: f"handbook {c['field']}: {c['old']!r} -> {c['new']!r}",
        "levels-changed": lambda: f"level scale {c['field']}: {c['old']!r} -> {c['new']!r}",
        "cluster-added": lambda: f"cluster added: {name}",
        "cluster-removed": lambda: f"cluster removed: {name}",
        "cluster-renamed": lambda: f"cluster renamed: '{c['old']}' -> '{c['new']}'",
        "competency-added": lambda: f"competency added: {name}",
        "competency-removed": lambda: f"competency removed: {name}",
        "competency-renamed": lambda: f"competency renamed: '{c['old']}' -> '{c['new']}'",
        "cluster-changed": lambda: f"{name}: cluster {c['old']!r} -> {c['new']!r}",
        "definition-changed": lambda: f"{name}: definition changed",
        "indicator-added": lambda: f"{name} level {c['level']}: indicator added: {c['text']}",
        "indicator-removed": lambda: f"{name} level {c['level']}: indicator removed: {c['text']}",
        "indicator-changed": lambda: f"{name} level {c['level']}: indicator changed",
        "indicator-moved": lambda: f"{name}: indicator moved from level {c['old_level']} to level "
                                   f"{c['new_level']}: {c['text']}",
        "requirement-added": lambda: f"requirement added: {c['competency']} at level {c['level']}",
        "requirement-removed": lambda: f"requirement removed: {c['competency']} (was level {c['level']})",
        "requirement-changed": lambda: f"requirement {c['competency']}: {c['field']} {c['old']!r} -> {c['new']!r}",
    }[kind]
    return "  " + text()
