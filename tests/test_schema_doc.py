"""pipeline.schema_doc: docs/schema.md is the field table of the JSON Schema, and current."""
from __future__ import annotations

import copy
import json

from pipeline import schema_doc
from pipeline.validate import JSON_SCHEMA


def schema() -> dict:
    return json.loads(JSON_SCHEMA.read_text(encoding="utf-8"))


def test_docs_schema_md_is_current():
    assert schema_doc.DOC.read_text(encoding="utf-8") == schema_doc.render(schema()), \
        "docs/schema.md is out of date: run `make schema-doc`"


def test_every_field_has_a_row_with_its_description():
    text = schema_doc.render(schema())
    for path in ("schema_version", "source.locations.<key>.page", "levels.cumulative", "clusters[].competencies",
                 "competencies[].levels[].indicators[].text", "requirements[].level"):
        assert f"| `{path}` |" in text
    row = next(line for line in text.splitlines() if line.startswith("| `issued` |"))
    assert "\\|" in row and row.count(" | ") == 3  # the pattern's | does not split the cell


def test_a_new_field_gives_a_new_row():
    changed = copy.deepcopy(schema())
    changed["$defs"]["indicator"]["properties"]["code"] = {"description": "The document's own code.",
                                                           "type": "string"}
    text = schema_doc.render(changed)
    assert "| `competencies[].levels[].indicators[].code` | string | no | The document's own code. |" in text
