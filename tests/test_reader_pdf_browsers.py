"""Layout rules for what browsers (wkhtmltopdf, WeasyPrint) draw differently from LibreOffice,
on lines built in memory: a label set a little higher than its cell's first line, and
numbered list items whose markers start further left the longer the number."""
from __future__ import annotations

from pipeline.readers import _pdf as layout
from pipeline.readers._pdf.borderless import _earlier_columns_at_indent

CHAR, SIZE = 5.0, 9.0


def glyphs(x, text, top, size=SIZE):
    out = []
    for ch in text:
        out.append(layout.Glyph(ch, x, x + CHAR, size, top=top, bottom=top + size))
        x += CHAR
    return out


def line(top, *pieces, size=SIZE):
    """pieces: (x0, text, raised): `raised` points higher than the line's own text."""
    gs = [g for x, text, raised in pieces for g in glyphs(x, text, top - raised, size)]
    tops = [g.top for g in gs]
    return layout.Line(1, min(tops), max(g.bottom for g in gs), gs)


def metrics():
    return layout.Metrics(body_size=SIZE, body_pitch=1.2, cell_pitch=1.2, right_edge=500.0, text_bottom=720.0)


def test_a_segment_keeps_its_own_top_where_its_glyphs_know_it():
    both = line(100, (20, "Foundation", 2.0), (200, "Treaties mistaken", 0.0))
    label, text = both.segments()
    assert (label.top, text.top) == (98.0, 100.0) and both.top == 98.0
    unknown = layout.Line(1, 98.0, 109.0, [layout.Glyph("a", 20, 25, SIZE), layout.Glyph("b", 200, 205, SIZE)])
    assert [s.top for s in unknown.segments()] == [98.0, 98.0]  # without glyph tops: the line's


def test_a_label_set_higher_does_not_cut_its_cell_s_wrapped_lines_into_rows():
    lines = [
        line(60, (20, "Name here", 0.0), (200, "Definition text", 0.0)),
        # the label stands 2 pt higher than the cell text beside it; the next line is one pitch
        # (10.8) below the cell text, 12.8 below the label: more than the pitch allows
        line(86, (20, "Foundation", 2.0), (200, "Treaties mistaken premiere", 0.0)),
        line(96.8, (200, "zichtbaar tightened", 0.0)),
        line(122, (20, "Advanced", 0.0), (200, "Other text", 0.0)),
    ]
    ((_, _, raw),) = layout.find_borderless_tables(lines, metrics(), [])
    texts = [[" / ".join(ln.text for ln in c.lines) for c in row if c is not None] for row in raw.rows]
    assert texts[1] == ["Foundation", "Treaties mistaken premiere / zichtbaar tightened"]
    assert len(texts) == 3


def test_a_numbered_list_indented_into_an_earlier_table_s_columns_takes_those_columns():
    earlier = [[20.0, 180.0]]
    nine = line(100, (20, "Expert", 0.0), (190, "9. Menus", 0.0))
    assert _earlier_columns_at_indent(nine, [20.0, 190.0], earlier) == [20.0, 180.0]
    # "10." starts left of "9.": with the columns line "9." shows it would fit none
    ten = line(120, (185, "10. Dictated", 0.0))
    ((_, _, raw),) = layout.find_borderless_tables([nine, ten], metrics(), earlier)
    assert raw.columns[:-1] == [20.0, 180.0]
    # columns that are no indent of an earlier table's stay the line's own
    assert _earlier_columns_at_indent(nine, [20.0, 190.0], [[20.0, 120.0]]) is None
    assert _earlier_columns_at_indent(nine, [20.0, 190.0], [[20.0, 100.0, 180.0]]) is None


def test_a_number_alone_in_a_cell_is_the_marker_of_the_item_after_it():
    import pytest

    from pipeline.blocks import Cell, Note, Paragraph, Row, Span, Table
    from pipeline.errors import ReadError
    from pipeline.readers._pdf.markers import join_lone_markers
    from pipeline.readers._pdf.rules import switched_off

    def cell(*texts):
        return Cell(tuple(Paragraph((Span(t),)) for t in texts))

    cut = Table((Row((cell("Niveau 3"), cell("Eerste punt", "13."))), Row((cell(), cell("Jas doel", "Nog een")))))
    notes: list[Note] = []
    (table,) = join_lone_markers([cut], notes)
    assert [[c.text for c in row.cells] for row in table.rows] == [["Niveau 3", "Eerste punt Jas doel"], ["", "Nog een"]]
    assert table.rows[0].cells[1].paragraphs[1].style == "list" and [n.rule for n in notes] == ["pdf.lone-marker"]
    inside = Table((Row((cell("Niveau 1"), cell("•", "Tekst"))),))
    assert join_lone_markers([inside], [])[0].rows[0].cells[1].text == "Tekst"
    dash = Table((Row((cell("Niveau 1"), cell("-"))),))  # a dash alone may mean "none": left as it is
    assert join_lone_markers([dash], []) == [dash]
    labelled = Table((Row((cell("Niveau 3"), cell("13."))), Row((cell("Niveau 4"), cell("Ander")))))
    with pytest.raises(ReadError, match="'13.' stands alone"):
        join_lone_markers([labelled], [])
    with switched_off("pdf.lone-marker"):
        assert join_lone_markers([labelled], []) == [labelled]


# --- lists in tables written across (WeasyPrint), built with the centred-cells tests' helpers ---

def _cells(blocks):
    from pipeline.blocks import Table

    return [[[(p.style, p.text) for p in c.paragraphs] for c in r.cells] for b in blocks if isinstance(b, Table)
            for r in b.rows]


def test_a_line_at_a_list_item_s_text_indent_goes_on_with_the_item_and_starts_no_row():
    from pipeline.readers._pdf.rules import switched_off
    from tests.test_reader_pdf_centred import line, page

    def items():
        return page(1,
                    line(88, (20, "Basic"), (200, "Advanced")),
                    line(112, (20, "•"), (30, "Improve colours patient"), (200, "•"), (210, "Bet ba release;")),
                    line(124, (30, "hygiene daily"), (210, "went home")),
                    line(136, (30, "Eaten explanation"), (200, "•"), (210, "Youth training jerome")),
                    line(148, (30, "rebuilt lately;"), (210, "profs lead filled.")))

    rows = _cells(layout.assemble([items()]))
    assert len(rows) == 2 and rows[1][0][-1][1] == "Eaten explanation rebuilt lately;"  # in the item's row
    assert rows[1][1] == [("list", "Bet ba release; went home"), ("list", "Youth training jerome profs lead filled.")]
    with switched_off("pdf.item-indent"):
        assert len(_cells(layout.assemble([items()]))) == 3  # 'Eaten' taken for a new row


def test_a_bullet_alone_at_a_page_s_end_takes_the_text_on_the_next_page_and_its_row_goes_on():
    from pipeline.readers._pdf.rules import switched_off
    from tests.test_reader_pdf_centred import line, page

    def pages():
        first = page(1, line(88, (20, "Basic"), (200, "Advanced")),
                     *[line(100 + 12 * k, (20, f"first column line {k}"), (200, f"second column line {k}"))
                       for k in range(50)],
                     line(700, (20, "first column line end"), (200, "•")),
                     line(712, (20, "last words of it")))
        second = page(2, line(60, (200, "Register stories?")), line(72, (20, "going on here"), (200, "and more")))
        return [first, second]

    rows = _cells(layout.assemble(pages()))
    assert rows[-2][1][-1] == ("list", "Register stories?") and rows[-2][0][0][1].endswith("last words of it")
    with switched_off("pdf.lone-marker"):
        assert _cells(layout.assemble(pages()))[-2][0] == []  # a row of its own, the bullet lost


def test_a_list_marker_keeps_its_text_only_within_a_tab_s_reach():
    from tests.test_reader_pdf_centred import line

    assert [s.text for s in line(100, (20, "•"), (50, "Alpha beta")).segments()] == ["• Alpha beta"]
    assert [s.text for s in line(100, (20, "•"), (120, "Alpha beta")).segments()] == ["•", "Alpha beta"]


def test_a_bullet_alone_above_its_item_s_text_shows_an_html_printer_that_never_cuts_a_word():
    from pipeline.readers._pdf.assemble import Assembler
    from pipeline.readers._pdf.rules import switched_off
    from tests.test_reader_pdf_centred import line, page

    def pages():  # the float bullet, then a first word too wide to stand beside it, on the line below
        return [page(1, line(100, (20, "•"), (30, "Alpha")), line(112, (20, "beta gamma")), line(124, (20, "•")),
                     line(136, (20, "Democratically")), line(148, (20, "delta")))]

    found = Assembler(pages())
    assert found.m.whole_words and [n.origin.top for n in found.notes if n.rule == "pdf.marker-above-text"] == [124]
    with switched_off("pdf.marker-above-text"):
        assert not Assembler(pages()).m.whole_words
    beside = [page(1, line(100, (20, "•"), (30, "Alpha")), line(112, (30, "beta gamma")))]  # a word processor's item
    assert not Assembler(beside).m.whole_words


def test_list_items_side_by_side_outside_any_table_are_refused():
    import pytest

    from pipeline.errors import ReadError
    from tests.test_reader_pdf_centred import line, page

    # one line holding items of two columns no table was made of: read as one paragraph otherwise
    lines = [line(100, (20, "A title line")), line(130, (20, "first words of it"), (200, "•"), (210, "Second item"))]
    with pytest.raises(ReadError, match="side by side"):
        layout.assemble([page(1, *lines)])
    layout.assemble([page(1, line(100, (20, "•"), (30, "One item")), line(112, (20, "•"), (30, "Another item")))])
