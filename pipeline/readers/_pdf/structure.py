"""The structure tree of a tagged PDF as plain objects: `Node`s with their role and attributes,
and `Marked` references to the marked content (page, MCID) that holds their text.

Word, Chromium, Acrobat/InDesign and LibreOffice (when asked) write this tree. It is read here
from pdfminer's objects directly rather than through pdfplumber's `structure_tree`, because a
marked-content reference may name its own page (`/Pg` on an MCR dictionary): that is how a
paragraph or a table row split across a page break points at its rest, and pdfplumber keeps the
MCID but drops that page. Nothing here looks at geometry.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.psparser import PSLiteral

# A structure tree deeper than this is damaged (or built to hurt): read as untagged.
MAX_DEPTH = 100


@dataclass(frozen=True)
class Marked:
    """A piece of marked content: its MCID on a page (1-based page number)."""

    page: int
    mcid: int


@dataclass
class Node:
    """One structure element: its standard role ('P', 'H1', 'Table', 'TD', …, after the role
    map), attributes (RowSpan, ColSpan, …), and children in reading order."""

    role: str
    attributes: dict = field(default_factory=dict)
    children: list["Node | Marked"] = field(default_factory=list)
    page: int | None = None  # the element's own /Pg, inherited by children without one


class TreeError(Exception):
    """The structure tree cannot be read (broken references, a cycle, too deep)."""


def read_structure_tree(catalog: dict, page_numbers: dict[int, int]) -> list[Node] | None:
    """The top-level elements of the document's structure tree, or None when it has none.

    `page_numbers` maps each page object's id to its 1-based number. Raises TreeError when a
    tree is there but cannot be followed.
    """
    root = resolve1(catalog.get("StructTreeRoot")) if isinstance(catalog, dict) else None
    if not isinstance(root, dict) or "K" not in root:
        return None
    role_map = _role_map(resolve1(root.get("RoleMap")))
    walker = _Walker(role_map, page_numbers)
    try:
        top = walker.kids(root.get("K"), None, 0)
    except (RecursionError, KeyError, TypeError, ValueError, AttributeError) as error:
        raise TreeError(f"{type(error).__name__}: {error}") from None
    nodes = [k for k in top if isinstance(k, Node)]
    return nodes or None


def _role_map(raw) -> dict[str, str]:
    if not isinstance(raw, dict):
        return {}
    return {str(k): _name(resolve1(v)) for k, v in raw.items() if _name(resolve1(v))}


def _name(value) -> str:
    if isinstance(value, PSLiteral):
        name = value.name
        return name.decode("latin-1") if isinstance(name, bytes) else str(name)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value if isinstance(value, str) else ""


class _Walker:
    def __init__(self, role_map: dict[str, str], page_numbers: dict[int, int]):
        self.role_map = role_map
        self.page_numbers = page_numbers
        self.seen: set[int] = set()

    def kids(self, raw, page: int | None, depth: int) -> list[Node | Marked]:
        if depth > MAX_DEPTH:
            raise TreeError(f"the structure tree is deeper than {MAX_DEPTH} levels")
        ref_id = raw.objid if isinstance(raw, PDFObjRef) else None
        value = resolve1(raw)
        if isinstance(value, list):
            return [k for item in value for k in self.kids(item, page, depth)]
        if isinstance(value, int) and not isinstance(value, bool):
            return [Marked(page, value)] if page is not None else []
        if not isinstance(value, dict):
            return []
        if "MCID" in value:  # a marked-content reference, maybe on a page of its own
            own = self._page(value.get("Pg"))
            mcid = resolve1(value["MCID"])
            where = own if own is not None else page
            return [Marked(where, mcid)] if where is not None and isinstance(mcid, int) else []
        if "Obj" in value:  # an object reference (a link annotation, an image XObject): no text
            return []
        if ref_id is not None:
            if ref_id in self.seen:
                raise TreeError("the structure tree refers back to itself")
            self.seen.add(ref_id)
        return [self.element(value, page, depth)]

    def element(self, value: dict, page: int | None, depth: int) -> Node:
        own = self._page(value.get("Pg"))
        page = own if own is not None else page
        role = _name(resolve1(value.get("S")))
        for _ in range(5):  # custom roles may map onto custom roles; a few steps reach the standard
            if role not in self.role_map or self.role_map[role] == role:
                break
            role = self.role_map[role]
        node = Node(role, _attributes(value), page=page)
        if "K" in value:
            node.children = self.kids(value["K"], page, depth + 1)
        return node

    def _page(self, ref) -> int | None:
        if isinstance(ref, PDFObjRef):
            return self.page_numbers.get(ref.objid)
        return None


def _attributes(value: dict) -> dict:
    """The element's attributes, from one dictionary or an array of them (with revision
    numbers between, which say nothing here)."""
    raw = resolve1(value.get("A"))
    found: dict = {}
    for item in raw if isinstance(raw, list) else [raw]:
        item = resolve1(item)
        if isinstance(item, dict):
            for key, v in item.items():
                v = resolve1(v)
                found[str(key)] = _name(v) if isinstance(v, PSLiteral) else v
    return found
