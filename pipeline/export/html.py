"""The review page: one handbook as a person reads it, each item next to where it came from.

A steward checks a conversion here without reading JSON: the clusters, competencies with their
definitions, levels with their indicators and the role matrix, each competency and indicator
with its place in the source (page and position, table/row/cell, or line), the counts, and the
readers' notes (judgements made on weak evidence) highlighted at the item they concern.

A note is shown at the first item whose location lies inside the note's place (a note on
"table 2, row 4" marks the first indicator of that row); failing that, and always for a PDF
position (page and distance from the top), at the last item at or before it in the document (a note where a text continues on the next page marks the indicator that
continues). A note before every item stays in the list at the top only. Every note is in that
list, so none is lost when the placement is off.

The page is self-contained (inline style, no scripts, fonts or network), semantic (headings,
lists, tables with header cells), printable and deterministic: same input, same bytes.
`notes=None` means the notes are not known (the handbook was converted in an earlier run and
the notes were not kept); `notes=[]` means the readers made none.
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Iterable, Sequence

from ..atomic import write_bytes_atomic
from ..blocks import Note, Origin

INDEX_NAME = "index.html"
_PLACE_FIELDS = ("page", "top", "paragraph", "table", "line", "row", "cell")  # document order

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;line-height:1.45;color:#1a1a1a}
h1{font-size:1.6rem}h2{border-bottom:1px solid #bbb;margin-top:2rem}h3{margin-bottom:.2rem}
.meta,.where{color:#555;font-size:.85rem}.where{margin-left:.4rem}
.definition{font-style:italic}.code{font-family:ui-monospace,monospace;font-size:.8rem;color:#555;margin-right:.4rem}
.note{background:#fff3bf;border-left:4px solid #e8a400;padding:.2rem .5rem;margin:.2rem 0;font-size:.9rem}
li.flagged{background:#fffbe6}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}dl.counts{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dl.counts dd{margin:0}
@media print{body{max-width:none;margin:0}a{color:inherit;text-decoration:none}h2,h3{break-after:avoid}li,tr{break-inside:avoid}}
""".strip()


def render(data: dict, notes: Sequence[Note] | None = None) -> bytes:
    """The review page of one handbook dict (as `pipeline.model.to_dict` makes it)."""
    locations = data.get("source", {}).get("locations", {})
    placed = _place_notes(notes or (), locations)
    parts = [_head(data["title"], data.get("language")), "<body>", "<header>",
             f"<h1>{_e(data['title'])}</h1>", _facts(data), "</header>", "<main>",
             _notes_section(notes, placed), _matrix(data), _competencies(data, locations, placed),
             "</main>", "</body>", "</html>"]
    return _bytes(parts)


def render_index(entries: Iterable[dict]) -> bytes:
    """The index of a run's review pages. Each entry: id, title, role, counts (clusters,
    competencies, indicators, requirements) and notes (a number, or None when not known)."""
    rows = []
    for entry in sorted(entries, key=lambda e: e["id"]):
        counts = entry.get("counts") or {}
        notes = entry.get("notes")
        rows.append(
            "<tr>"
            f"<td><a href=\"../html/{_e(entry['id'])}.html\">{_e(entry['title'])}</a></td>"
            f"<td>{_e(entry.get('role') or '')}</td>"
            + "".join(f"<td>{counts.get(k, '')}</td>" for k in ("competencies", "indicators", "requirements"))
            + f"<td>{'not known' if notes is None else notes}</td></tr>")
    table = ("<table><thead><tr><th scope=\"col\">Handbook</th><th scope=\"col\">Role</th>"
             "<th scope=\"col\">Competencies</th><th scope=\"col\">Indicators</th>"
             "<th scope=\"col\">Requirements</th><th scope=\"col\">Notes</th></tr></thead>"
             f"<tbody>{''.join(rows)}</tbody></table>")
    return _bytes([_head("Handbooks", "en"), "<body>", "<main>", "<h1>Handbooks</h1>",
                   f"<p class=\"meta\">{len(rows)} handbook(s). Notes are judgements the readers "
                   "made on weak evidence: each is worth a look.</p>", table,
                   "</main>", "</body>", "</html>"])


def index_entry(data: dict, notes: Sequence[Note] | None) -> dict:
    """The index entry of one handbook dict and its notes (None: not known)."""
    counts = {
        "clusters": len(data["clusters"]),
        "competencies": len(data["competencies"]),
        "indicators": sum(len(lv["indicators"]) for c in data["competencies"] for lv in c["levels"]),
        "requirements": len(data.get("requirements") or ()),
    }
    return {"id": data["id"], "title": data["title"], "role": data.get("role"), "counts": counts,
            "notes": None if notes is None else len(notes)}


def write(data: dict, path: Path, notes: Sequence[Note] | None = None) -> None:
    write_bytes_atomic(Path(path), render(data, notes))


def write_index(entries: Iterable[dict], html_dir: Path) -> Path:
    path = Path(html_dir) / INDEX_NAME
    write_bytes_atomic(path, render_index(entries))
    return path


# --- parts of the page -----------------------------------------------------------------------

def _head(title: str, language: str | None) -> str:
    return ("<!DOCTYPE html>\n"
            f"<html lang=\"{_e(language or 'und')}\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_e(title)}</title><style>{_STYLE}</style></head>")


def _facts(data: dict) -> str:
    source = data.get("source", {})
    facts = [("Role", data.get("role")), ("Organisation", data.get("organisation")),
             ("Issued", data.get("issued")), ("Language", data.get("language")),
             ("Source", f"{source.get('file', '')} ({source.get('format', '')})"),
             ("Source sha256", source.get("sha256")), ("Handbook id", data["id"]),
             ("Levels", f"{data['levels']['count']} ({'cumulative' if data['levels']['cumulative'] else 'not cumulative'}): "
                        + ", ".join(data["levels"]["labels"]))]
    entry = index_entry(data, None)["counts"]
    facts += [(name.capitalize(), str(count)) for name, count in entry.items()]
    items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v) if v is not None else '<em>not stated</em>'}</dd>"
                    for k, v in facts)
    return f"<dl class=\"counts\">{items}</dl>"


def _notes_section(notes: Sequence[Note] | None, placed: dict[str, list[Note]]) -> str:
    head = "<section id=\"notes\"><h2>Notes</h2>"
    if notes is None:
        return head + ("<p>Not known: this handbook was converted in an earlier run; convert it "
                       "again (<code>--force</code>) to see the readers' notes.</p></section>")
    if not notes:
        return head + "<p>The readers made no judgement on weak evidence.</p></section>"
    where = {id(note): item for item, item_notes in placed.items() for note in item_notes}
    items = []
    for note in notes:
        item = where.get(id(note))
        link = f" &mdash; at <a href=\"#{_e(item)}\">{_e(item)}</a>" if item else ""
        items.append(f"<li class=\"note\">{_note_text(note)}{link}</li>")
    return head + f"<p>{len(notes)} note(s), each worth a look.</p><ol>{''.join(items)}</ol></section>"


def _matrix(data: dict) -> str:
    requirements = data.get("requirements") or []
    if not requirements:
        return "<section id=\"matrix\"><h2>Role matrix</h2><p>The handbook has no role matrix.</p></section>"
    names = {c["id"]: c["name"] for c in data["competencies"]}
    rows = "".join(
        f"<tr><th scope=\"row\"><a href=\"#{_e(r['competency'])}\">{_e(names.get(r['competency'], r['competency']))}</a></th>"
        f"<td>{_e(r.get('category') or '')}</td><td>{r['level']}</td></tr>"
        for r in requirements)
    return ("<section id=\"matrix\"><h2>Role matrix</h2>"
            f"<table><caption>{_e(data.get('role') or '')}</caption><thead><tr><th scope=\"col\">Competency</th>"
            "<th scope=\"col\">Category</th><th scope=\"col\">Required level</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></section>")


def _competencies(data: dict, locations: dict, placed: dict[str, list[Note]]) -> str:
    by_id = {c["id"]: c for c in data["competencies"]}
    # Clusters are the sections (h2) when there are any; else one section of competencies.
    heading = "" if data["clusters"] else "<h2>Competencies</h2>"
    parts, shown = [f"<section id=\"competencies\">{heading}"], set()
    for cluster in data["clusters"]:
        parts.append(f"<section><h2 id=\"cluster-{_e(cluster['id'])}\">{_e(cluster['name'])}</h2>")
        for cid in cluster["competencies"]:
            if cid in by_id:
                shown.add(cid)
                parts.append(_competency(by_id[cid], locations, placed))
        parts.append("</section>")
    loose = [c for c in data["competencies"] if c["id"] not in shown]
    if loose and data["clusters"]:
        parts.append("<section><h2>Without a cluster</h2>")
    parts += [_competency(c, locations, placed) for c in loose]
    if loose and data["clusters"]:
        parts.append("</section>")
    parts.append("</section>")
    return "".join(parts)


def _competency(competency: dict, locations: dict, placed: dict[str, list[Note]]) -> str:
    cid = competency["id"]
    parts = [f"<article id=\"{_e(cid)}\"><h3>{_e(competency['name'])}{_where(locations.get(cid))}</h3>",
             _flags(placed.get(cid)),
             f"<p class=\"definition\">{_e(competency.get('definition') or '')}</p>"]
    for level in competency["levels"]:
        parts.append(f"<h4>{_e(level['label'])}</h4><ol>")
        for indicator in level["indicators"]:
            iid = indicator["id"]
            flags = placed.get(iid)
            code = indicator.get("code") or iid
            flagged = ' class="flagged"' if flags else ""
            parts.append(f"<li id=\"{_e(iid)}\"{flagged}>"
                         f"<span class=\"code\">{_e(code)}</span>{_e(indicator['text'])}"
                         f"{_where(locations.get(iid))}{_flags(flags)}</li>")
        parts.append("</ol>")
    parts.append("</article>")
    return "".join(parts)


def _where(location: dict | None) -> str:
    if not location:
        return ""
    return f"<span class=\"where\">({_e(Origin(**location).place())})</span>"


def _flags(notes: list[Note] | None) -> str:
    return "".join(f"<p class=\"note\"><strong>Note:</strong> {_note_text(n)}</p>" for n in notes or ())


def _note_text(note: Note) -> str:
    return f"{_e(note.place())}: {_e(note.message)} <span class=\"code\">[{_e(note.rule)}]</span>"


# --- where a note applies --------------------------------------------------------------------

def _place_notes(notes: Iterable[Note], locations: dict) -> dict[str, list[Note]]:
    """Item id -> the notes shown at it (see the module's docstring for the rule)."""
    # document order: competency, then its indicators; each with its sort key, worked out once
    items = [(item, location, _key(location)) for item, location in locations.items()]
    placed: dict[str, list[Note]] = {}
    for note in notes:
        item = _item_for(note.origin.as_dict(), items)
        if item is not None:
            placed.setdefault(item, []).append(note)
    return placed


def _item_for(place: dict, items: list[tuple[str, dict, tuple]]) -> str | None:
    if not place:
        return None
    if "top" not in place:  # a place of whole units (a row, a line, a page) can hold items
        for item, location, _ in items:
            if all(location.get(k) == v for k, v in place.items()):
                return item
    key = _key(place)
    before = [item for item, _, item_key in items if item_key <= key]
    return before[-1] if before else None


def _key(place: dict) -> tuple:
    return tuple(place.get(name, 0) or 0 for name in _PLACE_FIELDS)


def _e(text) -> str:
    return escape(str(text), quote=True)


def _bytes(parts: list[str]) -> bytes:
    return ("\n".join(p for p in parts if p) + "\n").encode("utf-8", "backslashreplace")
