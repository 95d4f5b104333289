"""A quick yes to "does this dict pass the JSON Schema?", so that jsonschema is needed only for a no.

jsonschema resolves every $ref on every use and takes longer to import than a Word handbook
takes to read. `compile_check(schema)` turns the schema, once, into plain Python checks for the
keywords schemas/handbook.schema.json uses. A check is conservative: it says True only when
jsonschema would find no error (the same `re.search` for patterns, the same types, bool never a
number); anything it is unsure of (a float where an integer is expected, a list of non-texts for
uniqueItems) gives False, and the caller then asks jsonschema, which gives the answer and the
messages. A schema with a keyword not listed here compiles to None: always ask jsonschema.
"""
from __future__ import annotations

import re
from typing import Any, Callable

Check = Callable[[Any], bool]

_ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default"}
_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: type(v) is int,
    "number": lambda v: type(v) in (int, float),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
_SCALARS = (str, int, bool, type(None))


class _Unsupported(Exception):
    pass


def compile_check(schema: dict) -> Check | None:
    """A function data -> bool (True: valid for sure), or None when the schema is beyond it."""
    defs: dict[str, Check] = {}
    compiling: dict[str, dict] = schema.get("$defs", {})

    def ref(target: str) -> Check:
        name = target.removeprefix("#/$defs/")
        if target == name or name not in compiling:
            raise _Unsupported(target)
        if name not in defs:
            defs[name] = lambda v: defs[name](v)  # stands in while a recursive def compiles
            defs[name] = node(compiling[name])
        return lambda v: defs[name](v)

    def node(s: Any) -> Check:
        if s is True:
            return lambda v: True
        if not isinstance(s, dict):
            raise _Unsupported(repr(s))
        checks = [_keyword(key, value, s, node, ref) for key, value in s.items() if key not in _ANNOTATIONS]
        return _all_of(checks)

    try:
        return node(schema)
    except (_Unsupported, re.error):
        return None


def _all_of(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]

    def check(v: Any) -> bool:
        for c in checks:
            if not c(v):
                return False
        return True
    return check


def _every(item: Check) -> Check:
    def check(values) -> bool:
        for x in values:
            if not item(x):
                return False
        return True
    return check


def _keyword(key: str, value: Any, s: dict, node, ref) -> Check | None:
    if key == "$ref":
        return ref(value)
    if key == "type":
        tests = [_TYPES[t] for t in ([value] if isinstance(value, str) else value)]
        if len(tests) == 1:
            return tests[0]
        return lambda v: any(t(v) for t in tests)
    if key in ("const", "enum"):
        allowed = [value] if key == "const" else value
        if not all(type(a) in _SCALARS for a in allowed):
            raise _Unsupported(key)
        return lambda v: type(v) in _SCALARS and any(type(v) is type(a) and v == a for a in allowed)
    if key == "pattern":
        search = re.compile(value).search
        return lambda v: not isinstance(v, str) or search(v) is not None
    if key == "minLength":
        return lambda v: not isinstance(v, str) or len(v) >= value
    if key == "minimum":
        return lambda v: type(v) not in (int, float) or v >= value
    if key == "minItems":
        return lambda v: not isinstance(v, list) or len(v) >= value
    if key == "uniqueItems":
        # Only lists of texts are decided here; jsonschema's own equality decides the rest.
        return lambda v: not value or not isinstance(v, list) or (
            all(isinstance(x, str) for x in v) and len(set(v)) == len(v))
    if key == "items":
        every = _every(node(value))
        return lambda v: not isinstance(v, list) or every(v)
    if key == "required":
        return lambda v: not isinstance(v, dict) or all(k in v for k in value)
    if key == "properties":
        props = {k: node(sub) for k, sub in value.items()}

        def properties(v: Any) -> bool:
            if isinstance(v, dict):
                for k, x in v.items():
                    if k in props and not props[k](x):
                        return False
            return True
        return properties
    if key == "additionalProperties":
        known = set(s.get("properties", {}))
        if "patternProperties" in s:
            raise _Unsupported(key)
        if value is False:
            return lambda v: not isinstance(v, dict) or all(k in known for k in v)
        every = _every(node(value))
        return lambda v: not isinstance(v, dict) or every(x for k, x in v.items() if k not in known)
    if key == "propertyNames":
        every = _every(node(value))
        return lambda v: not isinstance(v, dict) or every(v)
    raise _Unsupported(key)
