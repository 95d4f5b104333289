"""The JSON Schema as a field table for people: `make schema-doc` writes docs/schema.md.

Generated, never edited by hand: a test fails when docs/schema.md no longer matches the schema.
Each row is one field path (`competencies[].levels[].indicators[].text`), its type and rules
(after following `$ref`s into `$defs`), whether it is required, and the schema's description.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .validate import JSON_SCHEMA

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"
_HEADER = ("| field | type | required | description |\n"
           "| --- | --- | --- | --- |\n")


def render(schema: dict) -> str:
    defs = schema.get("$defs", {})
    rows = list(_rows(schema, "", defs, required=True))
    intro = (f"# {schema.get('title', 'Schema')}: fields\n\n"
             f"Generated from `schemas/{JSON_SCHEMA.name}` by `make schema-doc`; do not edit.\n\n"
             f"{schema.get('description', '')}\n\n")
    return intro + _HEADER + "".join(
        f"| `{path}` | {_cell(kind)} | {'yes' if needed else 'no'} | {_cell(text)} |\n" for path, kind, needed, text in rows)


def _rows(node: dict, path: str, defs: dict, required: bool):
    resolved = _resolve(node, defs)
    if path:
        yield path, _kind(node, resolved, defs), required, node.get("description") or resolved.get("description", "")
    needed = set(resolved.get("required", ()))
    for name, child in resolved.get("properties", {}).items():
        yield from _rows(child, f"{path}.{name}".lstrip("."), defs, name in needed)
    items = resolved.get("items")
    if isinstance(items, dict) and _resolve(items, defs).get("properties"):
        yield from _rows_of_items(items, f"{path}[]", defs)
    extra = resolved.get("additionalProperties")
    if isinstance(extra, dict):
        yield from _rows_of_items(extra, f"{path}.<key>", defs)


def _rows_of_items(items: dict, path: str, defs: dict):
    resolved = _resolve(items, defs)
    needed = set(resolved.get("required", ()))
    for name, child in resolved.get("properties", {}).items():
        yield from _rows(child, f"{path}.{name}", defs, name in needed)


def _resolve(node: dict, defs: dict) -> dict:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = {**defs[name], **{k: v for k, v in node.items() if k not in ("$ref", "description")}}
    return node


def _kind(node: dict, resolved: dict, defs: dict) -> str:
    ref = node.get("$ref", "").rsplit("/", 1)[-1]
    if "const" in resolved:
        text = f"`{json.dumps(resolved['const'])}`"
    elif "enum" in resolved:
        text = "one of " + ", ".join(f"`{json.dumps(v)}`" for v in resolved["enum"])
    else:
        types = resolved.get("type", "object")
        text = " or ".join(types) if isinstance(types, list) else types
        if text == "array" and isinstance(resolved.get("items"), dict):
            item = resolved["items"]
            item_ref = item.get("$ref", "").rsplit("/", 1)[-1]
            text += f" of {item_ref or _resolve(item, defs).get('type', 'values')}"
    rules = []
    for key, word in (("pattern", "pattern"), ("minLength", "min length"), ("minimum", "minimum"),
                      ("minItems", "min items")):
        if key in resolved:
            rules.append(f"{word} `{resolved[key]}`")
    if ref and ref not in ("text", "optionalText"):
        rules.insert(0, ref)
    return text + (f" ({'; '.join(rules)})" if rules else "")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def main() -> int:
    schema = json.loads(JSON_SCHEMA.read_text(encoding="utf-8"))
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(render(schema), encoding="utf-8")
    print(f"wrote {DOC}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
