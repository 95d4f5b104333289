"""The neutral block stream that every reader produces and the parser consumes.

Readers know one file format each; the parser knows none. Everything they share is here:
paragraphs made of styled spans, tables made of rows of cells, page headers and footers, and
an `Origin` on each block that says where in the source file it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_WHITESPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold every run of whitespace (including non-breaking spaces) to one space and trim."""
    return _WHITESPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Origin:
    """Where a block came from: a page (PDF), a table/row/cell or paragraph index (Word), a line (text).

    All numbers are 1-based. Fields that do not apply to a format stay None.
    """

    page: int | None = None
    top: float | None = None  # PDF: distance from the top of the page, in points
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    line: int | None = None

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    def place(self) -> str:
        """The place in words: "page 3, 120 pt from the top", "table 2, row 4, cell 1", "line 12"."""
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}" + (f", {self.top:.0f} pt from the top" if self.top is not None else ""))
        for name in ("paragraph", "table", "row", "cell", "line"):
            if getattr(self, name) is not None:
                parts.append(f"{name} {getattr(self, name)}")
        return ", ".join(parts) or "the document"


@dataclass(frozen=True)
class Span:
    """A piece of text with one emphasis."""

    text: str
    italic: bool = False
    bold: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One paragraph. `style` is 'title', 'heading' or 'list' when the source says so, else None."""

    spans: tuple[Span, ...]
    style: str | None = None
    level: int = 0  # heading level (1 = top) when style == 'heading'
    origin: Origin = field(default_factory=Origin)

    @property
    def text(self) -> str:
        return fold("".join(s.text for s in self.spans))

    @property
    def italic(self) -> bool:
        """True when every visible character is italic."""
        visible = [s for s in self.spans if s.text.strip()]
        return bool(visible) and all(s.italic for s in visible)

    @property
    def bold(self) -> bool:
        visible = [s for s in self.spans if s.text.strip()]
        return bool(visible) and all(s.bold for s in visible)


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[Paragraph, ...]
    origin: Origin = field(default_factory=Origin)
    span: int = 1  # grid columns the cell covers (Word's gridSpan): rows line up by grid column

    @property
    def text(self) -> str:
        return fold(" ".join(p.text for p in self.paragraphs))

    @property
    def italic(self) -> bool:
        visible = [p for p in self.paragraphs if p.text]
        return bool(visible) and all(p.italic for p in visible)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    origin: Origin = field(default_factory=Origin)
    header: bool = False  # the document marks it a header row, repeated on each page (w:tblHeader)

    def grid(self) -> list[Cell | None]:
        """The cells by grid column: a cell spanning n columns stands at its first, None after it."""
        columns: list[Cell | None] = []
        for cell in self.cells:
            columns.append(cell)
            columns.extend([None] * (max(cell.span, 1) - 1))
        return columns


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]
    origin: Origin = field(default_factory=Origin)


@dataclass(frozen=True)
class PageBreak:
    """A page boundary; `page` is the number of the page that starts here (if known)."""

    page: int | None = None
    origin: Origin = field(default_factory=Origin)


@dataclass(frozen=True)
class PageHeader:
    """Text of a running page header (or footer): kept apart from the content."""

    text: str
    footer: bool = False
    origin: Origin = field(default_factory=Origin)


@dataclass(frozen=True)
class Note:
    """A judgement a reader (or the parser) made on weak evidence, with the rule and the place.

    Readers put notes in their block stream where they decided; `pipeline.readers.read` takes
    them out, so the parser never sees them, and the run lists them per file (report.json,
    `convert --explain`). A note is never an error: the conversion went on, and it says where
    a person should look.
    """

    rule: str  # the name of the rule that decided, e.g. "pdf.join-across-page"
    message: str  # what it decided, in plain words
    origin: Origin = field(default_factory=Origin)

    def place(self) -> str:
        """The place in words: "page 3, 120 pt from the top", "table 2, row 4, cell 1", "line 12"."""
        return self.origin.place()

    def as_dict(self) -> dict:
        return {"rule": self.rule, "message": self.message, "place": self.origin.as_dict()}

    @classmethod
    def from_dict(cls, data: dict) -> "Note":
        """The note `as_dict` gave (as report.json and manifest.json keep it)."""
        return cls(data["rule"], data["message"], Origin(**data.get("place", {})))

    def __str__(self) -> str:
        return f"{self.place()}: {self.message} [{self.rule}]"


@dataclass(frozen=True)
class Properties:
    """What the file says about itself (Word core/app properties, PDF /Info): no body text.

    A reader may put one in its stream; `pipeline.readers.read` takes it out and hands it to the
    parser, which uses it only where the body has no title page. Empty values are None.
    """

    title: str | None = None
    organisation: str | None = None  # Word's "Company"


Block = Paragraph | Table | PageBreak | PageHeader
