"""Cells set in the middle of their rows (pipeline/readers/_pdf/centred.py, rule pdf.centred-cells),
on pages built in memory: HTML printers centre a cell's text vertically, so a short label stands
between the lines of the taller cell beside it; the rule moves it to the row's top."""
from __future__ import annotations

from dataclasses import replace

from pipeline.readers import _pdf as layout
from pipeline.readers._pdf.borderless import _cells_of, _earlier_columns_at_indent
from pipeline.readers._pdf.centred import centres_cells, top_align_centred_cells as _top_align
from pipeline.readers._pdf.rules import switched_off

CHAR, SIZE = 5.0, 10.0  # pitch 12 (1.2): one paragraph's lines up to 14 apart, a row's reach 33


def line(top, *pieces, size=SIZE):
    """pieces: (x0, text); each glyph knows its own top and bottom."""
    gs = []
    for x, text in pieces:
        if gs and x > gs[-1].x1:  # the reader's space for a visible gap
            gs.append(layout.Glyph(" ", gs[-1].x1, x, size, inserted=True))
        for ch in text:
            gs.append(layout.Glyph(ch, x, x + CHAR, size, top=top, bottom=top + size))
            x += CHAR
    return layout.Line(1, top, top + size, gs)


def top_align_centred_cells(pages, skip, m, cut=None):
    return _top_align(pages, skip, m, centres_cells(pages, skip, m), cut)


def metrics():
    return layout.Metrics(body_size=SIZE, body_pitch=1.2, cell_pitch=1.2, right_edge=500.0, text_bottom=720.0)


def page(number, *lines):
    for ln in lines:
        ln.page = number
    return layout.PageLayout(number, 600.0, 800.0, sorted(lines, key=lambda ln: ln.bottom), [])


def texts(p):
    return [[s.text for s in ln.segments()] for ln in p.lines]


def centred_label_page(number=1):
    """A one-line label beside four lines of text, in the middle of them: its line stands
    between the text's second and third (half a line off both); a second row below it."""
    return page(
        number,
        line(100, (200, "alpha beta gamma")),
        line(112, (200, "delta epsilon zeta")),
        line(118, (20, "Basic")),
        line(124, (200, "eta theta iota")),
        line(136, (200, "kappa lambda")),
        line(164, (20, "Advanced"), (200, "omicron pi")),
    )


def test_a_label_in_the_middle_of_its_row_moves_to_the_row_s_top():
    p = centred_label_page()
    moved = top_align_centred_cells([p], set(), metrics())
    assert moved == [(1, 118.0, 1)]
    assert texts(p)[0] == ["Basic", "alpha beta gamma"]
    ((_, _, raw),) = layout.find_borderless_tables(p.lines, metrics(), [])
    rows = [[" / ".join(ln.text for ln in c.lines) for c in row] for row in raw.rows]
    assert rows == [
        ["Basic", "alpha beta gamma / delta epsilon zeta / eta theta iota / kappa lambda"],
        ["Advanced", "omicron pi"],
    ]


def test_the_rule_switched_off_moves_nothing():
    p = centred_label_page()
    with switched_off("pdf.centred-cells"):
        assert top_align_centred_cells([p], set(), metrics()) == []
    assert ["Basic"] in texts(p)


def test_a_label_merged_down_over_rows_moves_to_the_first_of_them():
    # three rows of text (one line, two lines, one line), the label centred on all three
    # (and on the middle row alone): the widest span it is centred on, with its column
    # empty, is the merged cell's
    p = page(
        1,
        line(100, (200, "first row text")),
        line(130, (200, "second row text")),
        line(136, (20, "Basic")),
        line(142, (200, "goes on here")),
        line(172, (200, "third row text")),
    )
    assert top_align_centred_cells([p], set(), metrics()) == [(1, 136.0, 1)]
    assert texts(p)[0] == ["Basic", "first row text"]


def test_a_cell_level_with_a_row_beside_it_stays_there():
    # a matrix: names one line each, a value beside the middle one only; the value is centred
    # on the three rows too, but it starts where its row does
    evidence = centred_label_page(2)
    p = page(
        1,
        line(100, (20, "Name one")),
        line(130, (20, "Name two"), (200, "2")),
        line(160, (20, "Name three")),
    )
    moved = top_align_centred_cells([p, evidence], set(), metrics())
    assert [number for number, _, _ in moved] == [2]
    assert texts(p) == [["Name one"], ["Name two", "2"], ["Name three"]]


def test_interleaved_blocks_are_no_evidence_where_the_writer_draws_the_space_at_a_wrap():
    """A word processor's cells hold paragraphs with spacing between them: a later paragraph
    of one column may stand between the lines of another's, as a centred label would. Where
    the document draws the space a line wraps at (LibreOffice), that shows nothing."""
    m = metrics()
    assert centres_cells([centred_label_page()], set(), m)
    m.drawn_spaces = True
    assert not centres_cells([centred_label_page()], set(), m)
    p = centred_label_page()
    assert top_align_centred_cells([p], set(), m) == []
    assert texts(p)[2] == ["Basic"]


def test_nothing_moves_in_a_document_that_shows_no_centred_cell():
    # a two-line label level with the second and third of four lines: centred, or set there
    # on purpose? Only a document that shows a line between two lines beside it says
    def two_line_label():
        return page(
            1,
            line(100, (200, "alpha beta gamma")),
            line(112, (20, "Basic"), (200, "delta epsilon zeta")),
            line(124, (20, "level"), (200, "eta theta iota")),
            line(136, (200, "kappa lambda")),
        )

    alone = two_line_label()
    assert top_align_centred_cells([alone], set(), metrics()) == []
    with_evidence = two_line_label()
    assert top_align_centred_cells([with_evidence, centred_label_page(2)], set(), metrics())[0] == (1, 112.0, 1)
    assert texts(with_evidence)[:2] == [["Basic", "alpha beta gamma"], ["level", "delta epsilon zeta"]]


def test_a_label_that_fills_its_column_is_cut_from_the_text_it_touches():
    # "Advanced" runs right up to the text column at x 60 (no cell padding): one segment, cut
    # where the next line's text starts at that column; the matrix row below, its name
    # touching its value ("Name twoBasic", lower case meeting a capital), is cut where the
    # value of the row above starts
    evidence = centred_label_page(2)
    p = page(
        1,
        line(100, (20, "Advanced"), (60, "Text of the row")),
        line(112, (60, "goes on here")),
        line(140, (20, "Name twoBasic")),
        line(170, (20, "Name", ), (60, "Basic")),
    )
    top_align_centred_cells([p, evidence], set(), metrics())
    assert texts(p)[:3] == [["Advanced", "Text of the row"], ["goes on here"], ["Name two", "Basic"]]
    # in a document that shows no centring only a capital (or a digit) after lower case is cut:
    # a matrix row; "Advancedtext" could be one word cut at a column's edge
    q = page(
        1,
        line(100, (20, "Advanced"), (60, "text of the row")),
        line(112, (60, "goes on here")),
        line(140, (20, "Name twoBasic")),
    )
    cut: list = []
    assert top_align_centred_cells([q], set(), metrics(), cut) == []
    assert texts(q) == [["Advancedtext of the row"], ["goes on here"], ["Name two", "Basic"]]
    assert cut == [(1, 140, "Basic")]
    # a space the PDF draws between them is a word space, however narrow (a justified line)
    spaced = page(1, line(112, (45.5, "Goes on here")), line(140, (23, "name")))
    spaced.lines[1].glyphs += [layout.Glyph(" ", 43, 45.5, SIZE)] + line(140, (45.5, "Basic")).glyphs
    top_align_centred_cells([spaced], set(), metrics())
    assert texts(spaced)[1] == ["name Basic"]
    with switched_off("pdf.touching-cells"):
        r = page(1, line(112, (60, "goes on here")), line(140, (20, "Name twoBasic")))
        top_align_centred_cells([r], set(), metrics())
        assert texts(r)[1] == ["Name twoBasic"]


def test_a_label_that_ends_at_the_next_segment_does_not_run_into_its_column():
    from dataclasses import replace

    columns = [20.0, 61.0]
    touching = line(100, (20, "Advanced"), (61, "Text"))  # "Advanced" ends at 60, 1 pt before the text
    assert _cells_of(touching, columns) is None  # one segment, across the column
    glyphs = [replace(g, cell_start=True) if g.x0 == 61 else g for g in touching.glyphs]
    cut = layout.Line(1, 100, 110, glyphs)  # as pdf.centred-cells cuts it
    assert [s.text for s in cut.segments()] == ["Advanced", "Text"]
    assert set(_cells_of(cut, columns)) == {0, 1}  # "Advanced" ends within 2 pt of the next column
    ((_, _, raw),) = layout.find_borderless_tables([cut, line(112, (61, "goes on"))], metrics(), [])
    assert [[" / ".join(ln.text for ln in c.lines) for c in row] for row in raw.rows] == [["Advanced", "Text / goes on"]]


def test_columns_a_little_apart_from_an_earlier_table_s_are_its_only_at_a_list_s_indent():
    earlier = [[20.0, 160.0]]
    label = line(100, (20, "Basic"), (168, "Text starts further in"))
    assert _earlier_columns_at_indent(label, [20.0, 168.0], earlier) is None  # another table's own columns
    item = line(100, (20, "Basic"), (168, "9. Text of an item"))
    assert _earlier_columns_at_indent(item, [20.0, 168.0], earlier) == [20.0, 160.0]


def test_a_label_as_wide_as_its_column_beside_an_empty_cell_is_in_its_column():
    # a matrix whose first column is as wide as its widest name (no cell padding): the name
    # ends right where the values' column starts, its own value cell empty
    lines = [
        line(100, (20, "Competency"), (100, "Level")),
        line(130, (20, "Journeys Prairie")),  # 16 glyphs: ends at 100
        line(160, (20, "Participate"), (100, "3")),
    ]
    ((_, _, raw),) = layout.find_borderless_tables(lines, metrics(), [])
    assert [[" / ".join(ln.text for ln in c.lines) for c in row] for row in raw.rows] == [
        ["Competency", "Level"], ["Journeys Prairie", ""], ["Participate", "3"]]
    assert _cells_of(line(130, (20, "Journeys Prairie!")), [20.0, 100.0]) is None  # one more glyph: across


def test_a_ruled_cell_s_text_in_the_middle_of_its_box_shows_the_document_centres_cells():
    def table(label_top):
        label = layout.RawCell(20, 100, 60, 146, [line(label_top, (22, "Basic"))])
        text = layout.RawCell(60, 100, 300, 146, [line(102 + 12 * k, (62, "text")) for k in range(3)])
        return layout.RawTable(1, 100, 146, [20, 60, 300], [[label, text]])

    centred = layout.PageLayout(1, 600.0, 800.0, [], [table(118)])  # 18 above the label, 18 below
    assert centres_cells([centred], set(), metrics())
    at_top = layout.PageLayout(1, 600.0, 800.0, [], [table(102)])
    assert not centres_cells([at_top], set(), metrics())


def test_in_a_document_that_centres_cells_a_word_that_fills_its_line_is_whole():
    from pipeline.readers._pdf.paragraphs import _join_spans

    # "confidentiality" fills the cell's line (the column is as wide as it): the cut-word test
    # would join "original" to it; HTML printers never cut a word, they widen the column
    lines = [line(100, (20, "Toddlers")), line(112, (20, "confidentiality")), line(124, (20, "original text"))]
    edge = 20 + 15 * CHAR
    joined = "".join(s.text for s in _join_spans(lines, edge, layout.Lexicon()))
    assert joined == "Toddlers confidentialityoriginal text"
    notes: list = []
    whole = "".join(s.text for s in _join_spans(lines, edge, layout.Lexicon(), notes, whole_words=True))
    assert whole == "Toddlers confidentiality original text"
    assert [n.rule for n in notes] == ["pdf.cut-word"] and "kept 'confidentiality' and 'original' apart" in notes[0].message


def test_cells_of_a_document_that_centres_cells_are_not_taken_for_unspaced_paragraphs():
    import importlib

    assemble = importlib.import_module("pipeline.readers._pdf.assemble")

    def pages(with_centred_cells):
        # a ruled cell whose first line leaves room for the next line's first word (HTML
        # printers set lines narrower than the box they draw): "paragraphs without spacing"
        cell = layout.RawCell(300, 400, 500, 440, [line(402, (305, "Burma")), line(414, (305, "thirds and more"))])
        table = layout.RawTable(1, 400, 440, [300, 500], [[cell]])
        lines = centred_label_page().lines if with_centred_cells else []
        return [layout.PageLayout(1, 600.0, 800.0, lines, [table])]

    assert assemble.Assembler(pages(False)).m.tight_cells
    centred = assemble.Assembler(pages(True)).m
    assert centred.whole_words and not centred.tight_cells


def lists_across_page(centred=True, columns=3):
    """A bold head row over lists of ten, four and two lines, one per column: centred on one
    middle (each column's tops a line apart or more), or all at the row's top. The four- and
    two-line lists stand level with lines of the ten (no line between two), so only their
    shared middle can show the centring."""
    heads = line(76, (20, "Basic"), (200, "Advanced"), (380, "Expert"))
    heads.glyphs = [replace(g, bold=not g.blank) for g in heads.glyphs]
    rows = {top: [(20, f"first list line {k}")] for k, top in enumerate(range(100, 220, 12))}
    lengths = {200: 4, 380: 2}
    for x, count in list(lengths.items())[: columns - 1]:
        start = 100 + (10 - count) // 2 * 12 if centred else 100
        for k in range(count):
            rows[start + 12 * k].append((x, f"list {x} line {k}"))
    return page(1, heads, *(line(top, *pieces) for top, pieces in rows.items()))


def test_lists_across_that_share_their_middle_show_centred_cells_and_move_up_below_the_head_row():
    p = lists_across_page()
    assert centres_cells([p], set(), metrics())
    assert top_align_centred_cells([p], set(), metrics())
    assert texts(p)[1] == ["first list line 0", "list 200 line 0", "list 380 line 0"]
    assert texts(p)[0] == ["Basic", "Advanced", "Expert"]  # the bold head row is no part of the cells below


def test_lists_that_start_together_or_two_columns_that_share_a_middle_show_nothing():
    assert not centres_cells([lists_across_page(centred=False)], set(), metrics())
    assert not centres_cells([lists_across_page(columns=2)], set(), metrics())
    with switched_off("pdf.centred-cells"):
        assert not centres_cells([lists_across_page()], set(), metrics())


def test_a_label_centred_beside_a_list_moves_up_though_it_stands_level_with_an_item():
    def label_beside_list():  # three items spaced apart; the label's middle is the list's, level with item two
        return page(1,
                    line(100, (200, "•"), (210, "first item line one")), line(112, (210, "first item line two")),
                    line(136, (20, "Advanced"), (200, "•"), (210, "second item")),
                    line(160, (200, "•"), (210, "third item line one")), line(172, (210, "third item line two")))

    p = label_beside_list()
    top_align_centred_cells([p, centred_label_page(2)], set(), metrics())
    assert texts(p)[0] == ["Advanced", "• first item line one"]
    with switched_off("pdf.centred-cells"):
        q = label_beside_list()
        top_align_centred_cells([q, centred_label_page(2)], set(), metrics())
        assert texts(q)[2] == ["Advanced", "• second item"]
