"""Glyphs the PDF names no character for ("(cid:N)" in pdfminer): a list item's bullet at the
start of its text, refused anywhere else. Lines are built in memory."""
from __future__ import annotations

import pytest

from pipeline.blocks import Note, Paragraph
from pipeline.readers import _pdf as layout
from pipeline.readers import pdf
from pipeline.readers._pdf.rules import switched_off
from pipeline.errors import ReadError
from pipeline.readers._pdf.unmapped import UNMAPPED, UnmappedText, aligned_runs, unmapped_markers

CHAR = 5.0


def glyphs(x, text, size=10.0):
    out = []
    for ch in text:
        out.append(layout.Glyph(ch, x, x + CHAR, size))
        x += CHAR
    return out


def line(pieces, top=100.0, page=1):
    """pieces: (x0, text) with '?' for a glyph the PDF names no character for."""
    gs = [g for x, text in pieces for g in glyphs(x, text.replace("?", UNMAPPED))]
    return layout.Line(page, top, top + 10.0, gs)


def test_pdfminer_names_of_unnamed_glyphs_become_the_stand_in():
    chars = [{"text": t, "fontname": "LiberationSerif", "size": 10.0, "x0": x, "x1": x + 4.0,
              "matrix": (1, 0, 0, 1, 0, 0)} for t, x in (("(cid:0)", 0.0), ("(cid:17)", 4.0), ("I", 8.0))]
    assert [g.text for g in pdf._glyphs(chars, {})] == [UNMAPPED, UNMAPPED, "I"]


def test_unnamed_glyphs_that_start_a_line_are_its_bullet_with_a_note():
    made, notes = unmapped_markers(line([(90, "??Irma neemt")]))
    assert made.text == "•Irma neemt"
    assert [n.rule for n in notes] == ["pdf.unmapped-marker"] and notes[0].origin.page == 1


def test_unnamed_glyphs_after_a_column_gap_start_a_column_item():
    made, notes = unmapped_markers(line([(90, "Niveau 1"), (300, "? Irma neemt")]))
    assert made.text.endswith("• Irma neemt") and len(notes) == 1


@pytest.mark.parametrize("pieces", [
    [(90, "Ir?a neemt")],           # inside a word
    [(90, "Irma ? neemt")],          # between words, no column gap before it
    [(90, "Irma neemt ??????")],     # after a word, at no x where other runs start
    [(90, "??????????")],            # wider than a bullet: unreadable text
])
def test_unnamed_glyphs_anywhere_else_refuse_the_file(pieces):
    with pytest.raises(UnmappedText, match="names no character"):
        unmapped_markers(line(pieces))


def test_unnamed_glyphs_alone_in_their_column_are_a_bullet_whose_text_went_on():
    made, notes = unmapped_markers(line([(90, "Irma neemt"), (300, "??")]))
    assert made.text.endswith("•") and "alone in its column" in notes[0].message


def test_unnamed_glyphs_a_word_space_after_text_start_a_column_where_other_runs_start_there():
    lines = [line([(90, "Irma neemt"), (300, "??Irma")], top=100), line([(90, "Rust"), (300, "??Kees")], top=112),
             line([(90, "Irma neemt wel"), (165, "??Kees")], top=124)]
    aligned = aligned_runs(lines)
    made, _ = unmapped_markers(line([(90, "Irma neemt wel"), (301, "??Kees")]), aligned)
    assert made.text.endswith("•Kees")
    with pytest.raises(UnmappedText):  # a run after text at an x no other run starts at
        unmapped_markers(lines[2], aligned)


def test_a_bullet_alone_at_a_page_end_starts_the_next_page_s_paragraph_or_refuses():
    first = layout.PageLayout(1, 612.0, 792.0, [], [])
    second = layout.PageLayout(2, 612.0, 792.0, [], [])
    a, _ = unmapped_markers(line([(90, "??Irma neemt")], top=700))
    b, notes = unmapped_markers(line([(90, "??")], top=712))
    first.lines, first.notes = [a, b], notes
    second.lines = [line([(90, "Kees rust")], top=100, page=2)]
    blocks = layout.assemble([first, second])
    paras = [(p.style, p.text) for p in blocks if isinstance(p, Paragraph)]
    assert paras == [("list", "Irma neemt"), ("list", "Kees rust")]
    assert "pdf.lone-marker" in [n.rule for n in blocks if isinstance(n, Note)]
    first.lines = [a, b]
    with pytest.raises(ReadError, match="stands alone"):
        layout.assemble([first])


def test_switched_off_every_unnamed_glyph_refuses():
    with switched_off("pdf.unmapped-marker"), pytest.raises(UnmappedText):
        unmapped_markers(line([(90, "??Irma neemt")]))


def test_the_bullet_makes_a_list_item_and_the_note_reaches_the_stream():
    page = layout.PageLayout(1, 612.0, 792.0, [], [])
    made, notes = unmapped_markers(line([(90, "??Irma neemt")]))
    page.lines, page.notes = [made], notes
    blocks = layout.assemble([page])
    para = next(b for b in blocks if isinstance(b, Paragraph))
    assert para.text == "Irma neemt" and para.style == "list"
    assert [b.rule for b in blocks if isinstance(b, Note)] == ["pdf.unmapped-marker"]


def test_in_a_tagged_pdf_a_bullet_of_its_own_marked_content_is_the_item_s_marker():
    from pipeline.readers._pdf.structure import Marked, Node
    from pipeline.readers._pdf.tagged import MarkedContent, tree_blocks

    content = MarkedContent(page_count=1)
    content.lines[Marked(1, 0)] = [line([(90, "??")])]  # Chromium: the bullet apart from its text
    content.lines[Marked(1, 1)] = [line([(100, "Irma neemt")])]
    item = Node("LI", {}, [Node("P", {}, [Marked(1, 0), Marked(1, 1)])])
    blocks = tree_blocks([Node("Document", {}, [Node("L", {}, [item])])], content)
    assert [(b.style, b.text) for b in blocks if isinstance(b, Paragraph)] == [("list", "Irma neemt")]
    assert [b.rule for b in blocks if isinstance(b, Note)] == ["pdf.unmapped-marker"]
    content.lines[Marked(1, 1)] = [line([(100, "Ir?a neemt")])]
    with pytest.raises(UnmappedText):
        tree_blocks([Node("Document", {}, [Node("L", {}, [item])])], content)
