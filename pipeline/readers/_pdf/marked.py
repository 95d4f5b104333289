"""Marked content that nests: which MCID and which tag each character is drawn under.

pdfplumber's page device keeps only the latest marked-content tag: when a nested sequence ends
(Chromium wraps each ligature in `/Span <</ActualText (fi)>> BDC … EMC` inside a paragraph's
`/P <</MCID 5>> BDC`), the characters after it lose their MCID, and text inside an Artifact loses
its Artifact tag. `nest_marked_content` gives the device a stack: a character belongs to the
innermost enclosing MCID, and anything inside an Artifact is an artifact. Only the `mcid` and
`tag` that pdfplumber puts on each object change; nothing else reads them.
"""
from __future__ import annotations

ARTIFACT = "Artifact"


def _tag_name(tag) -> str:
    name = getattr(tag, "name", tag)
    return name.decode("latin-1", "replace") if isinstance(name, bytes) else str(name)


def nest_marked_content(device_class) -> None:
    """Give pdfplumber's marked-content device (`PDFPageAggregatorWithMarkedContent`) a stack."""
    if getattr(device_class, "_nested_marked_content", False):
        return

    def begin_tag(self, tag, props=None) -> None:
        stack = self.__dict__.setdefault("_marked_stack", [])
        mcid = props.get("MCID") if isinstance(props, dict) else None
        outer_tag, outer_mcid = stack[-1] if stack else (None, None)
        name = _tag_name(tag)
        tag_now = ARTIFACT if outer_tag == ARTIFACT else name
        mcid_now = mcid if isinstance(mcid, int) else (None if tag_now == ARTIFACT else outer_mcid)
        stack.append((tag_now, mcid_now))
        self.cur_tag, self.cur_mcid = tag_now, mcid_now

    def end_tag(self) -> None:
        stack = self.__dict__.setdefault("_marked_stack", [])
        if stack:
            stack.pop()
        self.cur_tag, self.cur_mcid = stack[-1] if stack else (None, None)

    device_class.begin_tag = begin_tag
    device_class.end_tag = end_tag
    device_class._nested_marked_content = True
