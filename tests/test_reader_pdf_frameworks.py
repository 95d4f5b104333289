"""Layout rules for competency frameworks printed without tags (LibreOffice's plain PDF export),
each on lines built in memory: level labels in narrow columns, header rows repeated over pages,
coded statements a table runs over pages with, and list items cut by a page break."""
from __future__ import annotations

from pipeline.readers import _pdf as layout
from pipeline.readers._pdf.rules import switched_off

from .test_reader_pdf import CHAR, assembled_across_a_page_break, borderless_rows, line, page, paragraph_text, tables


def test_a_label_in_capitals_cut_at_a_narrow_columns_edge_is_one_word():
    edge = 90 + 10 * CHAR  # "INTERMEDIA" fills the column; "TE" would not fit after it
    cut = [line("INTERMEDIA", 100), line("TE", 112)]
    assert paragraph_text(cut, edge) == "INTERMEDIATE"
    with switched_off("pdf.cut-label"):
        assert paragraph_text(cut, edge) == "INTERMEDIA TE"
    # the document shows the rest as a word of its own (a label elsewhere): two words
    assert paragraph_text([line("HIGHLY", 100), line("ADVANCED", 112)], 90 + 6 * CHAR, words={"advanced"}) == \
        "HIGHLY ADVANCED"
    # a line of two words is no cut, nor is a rest that would have fitted after it
    assert paragraph_text([line("AT THE", 100), line("TOP", 112)], 90 + 6 * CHAR) == "AT THE TOP"
    assert paragraph_text([line("BASIC", 100), line("TE", 112)], edge) == "BASIC TE"
    m = layout.Metrics(body_size=10.0, right_edge=500.0, text_bottom=720.0)
    layout.make_paragraph(layout.ParaLines(cut), m, body=False, right_edge=edge)
    assert [n.rule for n in m.notes] == ["pdf.cut-label"]


def header_and_rows(top=100, number=1):
    """A table without rulings whose header row has a label filling its column ("FOUNDATION"
    runs up to 8 pt before "INTERMEDIA": less than a column gap), cut at the edge ("TE")."""
    a, b, c = 200, 258, 330
    header = line("Behaviours", top, number, columns=[(a, "FOUNDATION"), (b, "INTERMEDIA"), (c, "ADVANCED")])
    at = next(k for k, g in enumerate(header.glyphs) if g.x0 == b)  # the space the reader puts in the gap
    header.glyphs.insert(at, layout.Glyph(" ", a + 10 * CHAR, b, 10.0, inserted=True))
    return [
        header,
        line("TE", top + 12, number, x0=b),
        line("Statement", top + 36, number, x0=a, columns=[(b, "Statement"), (c, "Statement")]),
        line("one here.", top + 48, number, x0=a, columns=[(b, "two here."), (c, "three.")]),
    ]


def test_a_label_filling_its_column_does_not_hide_the_header_row():
    rows = borderless_rows(header_and_rows())
    assert rows[0] == ["Behaviours", "FOUNDATION", "INTERMEDIA / TE", "ADVANCED"]
    with switched_off("pdf.filled-label"):
        ((start, _, _),) = layout.find_borderless_tables(header_and_rows(), layout.Metrics(), [])
        assert start > 0  # the header line is left out of the table


def test_rows_of_a_table_without_rulings_teach_words_as_cells_not_as_body_text():
    pages = [page(1, header_and_rows())]
    assert not layout.Assembler(pages).m.lexicon.knows("intermedia")  # a one-segment run of labels
    with switched_off("pdf.table-words"):
        assert layout.Assembler(pages).m.lexicon.knows("intermedia")


def test_a_header_row_repeated_at_the_top_of_pages_is_no_running_header():
    labels = [(270, "INTERMEDIATE"), (360, "ADVANCED")]
    pages = [
        page(1, [line("Body text", 100), line("FOUNDATION", 300, x0=200, columns=labels)]),
        page(2, [line("FOUNDATION", 72, 2, x0=200, columns=labels), line("Statement", 100, 2, x0=200)]),
        page(3, [line("FOUNDATION", 72, 3, x0=200, columns=labels), line("Statement", 100, 3, x0=200)]),
    ]
    assert layout.find_running_lines(pages) == {}
    with switched_off("pdf.table-header-row"):
        assert len(layout.find_running_lines(pages)) == 2


def test_coded_statements_at_the_top_of_pages_right_above_more_text_are_content():
    pages = [page(n, [line("Handbook", 36, n), line(f"CS1.{n}.11: Statement 1.4.{n}", 72, n, x0=378),
                      line("about working with the", 84, n, x0=378)]) for n in (2, 3)]
    found = layout.find_running_lines(pages)
    assert sorted(ln.text for p in pages for ln in p.lines if id(ln) in found) == ["Handbook", "Handbook"]
    with switched_off("pdf.running-apart", "pdf.running-in-column"):  # (both rules see them as content)
        assert len(layout.find_running_lines(pages)) == 4
    # the same text word for word on every page (a header row the writer repeats): as before
    same = [page(n, [line("Name and definition", 72, n), line("more of the definition", 84, n)]) for n in (2, 3)]
    assert len(layout.find_running_lines(same)) == 2


def test_a_typed_list_marker_at_the_top_of_a_page_starts_the_next_item():
    first = [line("Niveau 1", 676, columns=[(234, "Niveau 2")]),
             line("Indicators", 700, columns=[(234, "- Statement one.")])]
    rest = [line("", 72, 2, columns=[(234, "- Statement two.")]), line("Basis", 96, 2, columns=[(234, "Midden")])]
    table = assembled_across_a_page_break(first, rest)
    assert [p.text for p in table.rows[1].cells[1].paragraphs] == ["- Statement one.", "- Statement two."]
    with switched_off("pdf.typed-item-across-page"):
        table = assembled_across_a_page_break(first, rest)
        assert [p.text for p in table.rows[1].cells[1].paragraphs] == ["- Statement one. - Statement two."]


def test_text_that_would_have_fitted_after_a_list_item_cut_by_the_page_break_starts_a_paragraph():
    # a merged first cell: the area line as a numbered item ends the page, the name starts the next
    first = [line("Eerste", 688, columns=[(234, "Op basisniveau"), (378, "CS1.1.01 Uitspraak")]),
             line("2.", 700, columns=[(106, "AREA"), (234, "Op basisniveau"), (378, "CS2.1.01: Uitspraak over het")])]
    rest = [line("2.4 Naam van", 72, 2, columns=[(234, "kunnen"), (378, "werken met gegevens.")]),
            line("Meer", 96, 2, columns=[(234, "Op gevorderd"), (378, "CS2.1.02: Uitspraak")])]
    def area_cell():
        table = assembled_across_a_page_break(first, rest)
        return [[p.text for p in row.cells[0].paragraphs] for row in table.rows if "AREA" in row.cells[0].text]

    assert area_cell() == [["Eerste", "AREA", "2.4 Naam van"]]
    with switched_off("pdf.item-ended"):
        assert area_cell() == [["Eerste", "AREA 2.4 Naam van"]]



def test_line_pitch_is_measured_on_list_items_wrapped_in_a_column_of_a_table():
    from pipeline.readers._pdf.metrics import measure

    rows = [line(f"Level {n}", 100 + 44 * n, columns=[(306, "•"), (318, "Statement about working with")])
            for n in range(3)]
    wrapped = [line("the item a.", 117 + 44 * n, x0=318) for n in range(3)]
    pages = [page(1, sorted(rows + wrapped, key=lambda ln: ln.top))]
    assert abs(measure(pages, set()).body_pitch - 1.7) < 0.01  # 17 pt at 10 pt
    with switched_off("pdf.pitch-in-columns"):
        assert measure(pages, set()).body_pitch == 1.25  # no pair in one column: single spacing assumed


def test_a_plain_first_row_alone_high_on_a_page_goes_on_with_a_row_moved_whole_to_the_next():
    from .test_reader_pdf import two_column_table

    head = two_column_table(1, 400, [("Naam", "FOUNDATION", 400)], 412)  # no emphasis anywhere
    # one row of the writer: its first cell beside three paragraphs of the second, too tall for
    # the room left on page 1 (the reader sees each paragraph as a row with an empty first cell)
    rest = two_column_table(2, 72, [("Definitie", "Statement a", 72), ("", "Statement b", 250),
                                    ("", "Statement c", 400)], 412)
    filler = page(3, [line("Tekst tot onderaan de pagina", 708)])

    def count():
        return len(tables(layout.assemble([page(1, [], [head]), page(2, [], [rest]), filler])))

    assert count() == 1
    for rule in ("pdf.merged-row-moved", "pdf.plain-head-row"):
        with switched_off(rule):
            assert count() == 2


def beside_merged_head(third_label_line=None, number=1, top=100):
    """A table without rulings: a first column merged down (a name, then a description that runs
    on beside the second row), level labels in the second, statements in the third. The second
    row starts where the tallest cell of the first row (the statement, three lines) left off,
    after paragraph spacing (8 pt on a 12 pt pitch)."""
    a, b = 234, 378
    third = [(a, third_label_line)] if third_label_line else []
    return [
        line("1.1 Name", top, number, columns=[(a, "At Basic level,"), (b, "CS1: Statement one")]),
        line("handling", top + 12, number, columns=[(a, "individuals"), (b, "about the")]),
        line(third[0][1], top + 24, number, x0=a, columns=[(b, "item a.")]) if third else
        line("item a.", top + 24, number, x0=b),
        line("Description of", top + 32, number),
        line("competence A, in one", top + 44, number, columns=[(a, "At Intermediate level,"), (b, "CS2: Statement two")]),
        line("sentence.", top + 56, number, columns=[(a, "individuals"), (b, "about the item b.")]),
        line("At Advanced level,", top + 76, number, x0=a, columns=[(b, "CS3: Statement three")]),
    ]


def test_a_row_beside_a_cell_merged_down_starts_where_the_other_columns_waited_for_it():
    rows = borderless_rows(beside_merged_head())
    assert rows[:2] == [
        ["1.1 Name / handling / Description of / competence A, in one / sentence.", "At Basic level, / individuals",
         "CS1: Statement one / about the / item a."],
        ["", "At Intermediate level, / individuals", "CS2: Statement two / about the item b."],
    ]
    with switched_off("pdf.rows-beside-merged"):
        assert borderless_rows(beside_merged_head())[0][1] == \
            "At Basic level, / individuals / At Intermediate level, / individuals"
    m = layout.Metrics(body_size=10.0, right_edge=500.0, text_bottom=720.0)
    layout.find_borderless_tables(beside_merged_head(), m, [])
    assert [n.rule for n in m.notes] == ["pdf.rows-beside-merged"]


def test_paragraphs_at_one_height_after_equal_pauses_beside_a_merged_cell_stay_in_their_row():
    """The label and the statement both end a line above the new paragraphs: nothing shows a
    column waiting for a row's top (two paragraphs of each cell look just the same)."""
    rows = borderless_rows(beside_merged_head("and more"))
    assert rows[0][1] == "At Basic level, / individuals / and more / At Intermediate level, / individuals"
    m = layout.Metrics(body_size=10.0, right_edge=500.0, text_bottom=720.0)
    layout.find_borderless_tables(beside_merged_head("and more"), m, [])
    assert m.notes == []  # the row right above holds the merged cell's line alone: the pauses count from
    # each column's own last line


def test_a_label_cut_at_its_columns_edge_by_a_page_break_goes_on_over_it():
    a, b, c = 200, 258, 320  # "INTERMEDIA" fills its column: not one more letter fits
    def first():
        return [line("Area", 664, columns=[(a, "One"), (b, "Two"), (c, "Three")]),
                line("Behaviours", 688, columns=[(a, "FOUNDATION"), (b, "INTERMEDIA"), (c, "ADVANCED")])]
    rest = [line("TE", 72, 2, x0=b),
            line("Statement", 96, 2, x0=a, columns=[(b, "Statement"), (c, "Statement")]),
            line("one here.", 108, 2, x0=a, columns=[(b, "two here."), (c, "three.")])]
    table = assembled_across_a_page_break(first(), rest)
    assert [c.text for c in table.rows[1].cells] == ["Behaviours", "FOUNDATION", "INTERMEDIATE", "ADVANCED"]
    assert len(table.rows) == 3
    with switched_off("pdf.cut-across-page"):
        table = assembled_across_a_page_break(first(), rest)
        assert [c.text for c in table.rows[2].cells] == ["", "", "TE", ""]


def test_a_row_beside_a_cell_merged_down_can_start_a_page():
    """The page break falls where the second row starts: only the merged first column goes on
    mid-sentence; the label and the statement start new paragraphs; the rows below leave the
    first column empty."""
    a, b = 234, 378
    first = [line("1.1 Name", 660, columns=[(a, "At Basic level,"), (b, "CS1: Statement one")]),
             line("handling", 672, columns=[(a, "individuals"), (b, "about the")]),
             line("item a.", 684, x0=b),
             line("Description of", 692)]
    rest = [line("competence A, in one", 72, 2, columns=[(a, "At Intermediate level,"), (b, "CS2: Statement two")]),
            line("sentence.", 84, 2, columns=[(a, "individuals"), (b, "about the item b.")]),
            line("At Advanced level,", 104, 2, x0=a, columns=[(b, "CS3: Statement three")])]
    table = assembled_across_a_page_break(first, rest)
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["1.1 Name handling Description of competence A, in one sentence.", "At Basic level, individuals",
         "CS1: Statement one about the item a."],
        ["", "At Intermediate level, individuals", "CS2: Statement two about the item b."],
        ["", "At Advanced level,", "CS3: Statement three"],
    ]
    with switched_off("pdf.rows-beside-merged"):
        table = assembled_across_a_page_break(first, rest)
        assert table.rows[0].cells[1].text == "At Basic level, individuals At Intermediate level, individuals"


def test_a_cells_rest_repeated_at_the_top_of_pages_in_a_later_column_is_content():
    """"item b." ends a statement the page break carried over, on two pages: it stands where the
    statement column of the row below starts, as no running header does."""
    pages = [page(n, [line("item b.", 72, n, x0=378),
                      line("At Advanced level,", 100, n, x0=234, columns=[(378, "CS1.3.05: Statement")]),
                      line("Title text", 300, n)]) for n in (2, 3)]
    assert layout.find_running_lines(pages) == {}
    with switched_off("pdf.running-in-column"):
        assert len(layout.find_running_lines(pages)) == 2
    # the rows below in that column alone (the labels' column empty there): content too
    rest = [page(n, [line("item b.", 72, n, x0=378), line("CS1.2.09: Statement", 100, n, x0=378),
                     line("Title text", 300, n)]) for n in (2, 3)]
    assert layout.find_running_lines(rest) == {}
    # at the page's left text edge, or away from where the text below starts: a running header
    margin = [page(n, [line("Handbook", 72, n), line("Body", 100, n, columns=[(378, "text")])]) for n in (2, 3)]
    assert len(layout.find_running_lines(margin)) == 2
    apart = [page(n, [line("item b.", 72, n, x0=378), line("Body text", 100, n)]) for n in (2, 3)]
    assert len(layout.find_running_lines(apart)) == 2


def test_a_row_starts_beside_the_last_line_of_a_cell_merged_down():
    """The merged first cell's last line ("sentence.") stands beside the new row's first."""
    a, b = 234, 378
    lines = [
        line("1.1 Name", 100, columns=[(a, "At Basic level,"), (b, "CS1: Statement one")]),
        line("handling", 112, columns=[(a, "individuals"), (b, "about the")]),
        line("item a.", 124, x0=b),
        line("Description of", 128),  # its own spacing: beside the lines of the other columns
        line("sentence.", 140),
        line("At Intermediate level,", 144, x0=a, columns=[(b, "CS2: Statement two")]),
        line("individuals", 156, x0=a, columns=[(b, "about the item b.")]),
    ]
    rows = borderless_rows(lines)
    assert rows[1] == ["", "At Intermediate level, / individuals", "CS2: Statement two / about the item b."]
    with switched_off("pdf.rows-beside-merged"):
        assert len(borderless_rows(lines)) == 1


def test_text_at_a_page_top_below_a_cell_merged_down_goes_to_that_cell():
    """The page break cut a statement ("about working with the" / "item b."); beside its rest,
    the first column goes on with the cell merged down over the rows of the page before, which
    the cut row leaves empty."""
    a, b = 234, 378
    first = [line("1. FIND", 652, columns=[(a, "At Basic level,"), (b, "CS1: Statement one")]),
             line("1.2 Name", 664, columns=[(a, "individuals"), (b, "about the item a.")]),
             line("CS2: Statement two", 684, x0=b),
             line("about working with the", 696, x0=b)]
    rest = [line("Description of", 72, 2, columns=[(b, "item b.")]),
            line("competence B.", 84, 2),
            line("At Intermediate level,", 104, 2, x0=a, columns=[(b, "CS3: Statement three")])]
    table = assembled_across_a_page_break(first, rest)
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["1. FIND 1.2 Name Description of competence B.", "At Basic level, individuals", "CS1: Statement one about the item a."],
        ["", "", "CS2: Statement two about working with the item b."],
        ["", "At Intermediate level,", "CS3: Statement three"],
    ]
    with switched_off("pdf.merged-cell-across-page"):
        table = assembled_across_a_page_break(first, rest)
        assert [c.text for c in table.rows[2].cells] == ["Description of competence B.", "", "item b."]


def test_the_largest_size_used_twice_on_page_one_is_a_heading_not_the_title():
    """Area headings ("SHARING", "PLANNING") in the largest size, each above its table, on a
    document of one page: a title stands once."""
    def styles(lines):
        from .test_reader_pdf import paragraphs
        return [(p.text, p.style) for p in paragraphs(layout.assemble([page(1, lines)]))]
    body = [line(f"Body text line {k}.", 130 + 40 * k) for k in range(4)]
    two = [line("SHARING", 100, size=14.0, bold=True)] + body[:2] + [line("PLANNING", 220, size=14.0, bold=True)] + body[2:]
    two.sort(key=lambda ln: ln.top)
    assert [s for t, s in styles(two) if t in ("SHARING", "PLANNING")] == ["heading", "heading"]
    with switched_off("pdf.one-title"):
        assert [s for t, s in styles(two) if t == "SHARING"] == ["title"]
    one = [line("Capability framework", 100, size=14.0, bold=True), line("of the region", 118, size=14.0, bold=True)] + body
    assert [s for t, s in styles(one) if t.startswith("Capability")] == ["title"]


def items_cut_by_a_page_break(first_ending="alles gut."):
    """Two level columns of bulleted statements (no hanging indent, as LibreOffice sets them);
    the page break cuts the second row's items after "und die", their rest "Daten." (a noun,
    capitalised mid-sentence in German) starts the next page."""
    a, b = 200, 330
    first = [line("Indicators", 640, columns=[(a, "• Aussage eins über"), (b, "• Aussage zwei über")]),
             line(first_ending, 652, x0=a, columns=[(b, first_ending)]),
             line("• Aussage drei über", 676, x0=a, columns=[(b, "• Aussage vier über")]),
             line("die Arbeit und die", 688, x0=a, columns=[(b, "die Arbeit und die")])]
    rest = [line("Daten.", 72, 2, x0=a, columns=[(b, "Daten.")]),
            line("Examples", 96, 2, columns=[(a, "• Aussage fünf."), (b, "• Aussage sechs.")])]
    return first, rest


def test_an_unfinished_last_item_goes_on_over_the_page_break_where_the_other_items_end_sentences():
    table = assembled_across_a_page_break(*items_cut_by_a_page_break())
    assert [c.text for c in table.rows[1].cells] == [
        "", "Aussage drei über die Arbeit und die Daten.", "Aussage vier über die Arbeit und die Daten."]
    assert len(table.rows) == 3
    with switched_off("pdf.unfinished-item"):
        table = assembled_across_a_page_break(*items_cut_by_a_page_break())
        assert [c.text for c in table.rows[2].cells] == ["", "Daten.", "Daten."]
    # items that end without a full stop elsewhere too: nothing tells the last one is unfinished
    table = assembled_across_a_page_break(*items_cut_by_a_page_break("alles gut"))
    assert [c.text for c in table.rows[2].cells] == ["", "Daten.", "Daten."]


def test_a_part_at_a_page_top_counts_the_row_spacing_of_the_part_before():
    """One row at the top of page 2: its cell's "Daten." one pitch below "und die" would start a
    paragraph (a capital after a full line, nothing shows spacing), but the rows on page 1 are
    spaced like paragraphs: a line one pitch below goes on with its paragraph."""
    a, b = 200, 330
    first = [line("Basis", 640, columns=[(a, "Midden"), (b, "Hoog")]),
             line("Eins", 660, columns=[(a, "Zwei"), (b, "Drei")]),
             line("Vier", 680, columns=[(a, "Funf"), (b, "Sechs")]),
             line("Sieben", 700, columns=[(a, "Acht"), (b, "Neun")])]  # 8 pt of spacing on a 12 pt pitch
    rest = [line("Zehn", 72, 2, columns=[(a, "Elf mit der Arbeit und die"), (b, "Zwölf")]),  # fills its column
            line("Daten.", 84, 2, x0=a)]
    table = assembled_across_a_page_break(first, rest)
    assert [[p.text for p in c.paragraphs] for c in table.rows[-1].cells] == [
        ["Zehn"], ["Elf mit der Arbeit und die Daten."], ["Zwölf"]]
    with switched_off("pdf.spaced-across-page"):
        table = assembled_across_a_page_break(first, rest)
        assert [[p.text for p in c.paragraphs] for c in table.rows[-1].cells][1] == ["Elf mit der Arbeit und die", "Daten."]


def own_rhythm_lines():
    """The merged first cell's paragraphs follow their own spacing: "Description of" starts
    8 pt below the second row's top, 20 pt (a paragraph step) below "handling"."""
    a, b = 234, 378
    return [
        line("1. LEARN", 100, columns=[(a, "At Basic level,"), (b, "CS1: Statement one")]),
        line("individuals", 112, x0=a, columns=[(b, "about the")]),
        line("1.1 Competence A", 120),
        line("item a.", 124, x0=b),
        line("handling", 132),
        line("At Intermediate level,", 144, x0=a, columns=[(b, "CS2: Statement two")]),
        line("Description of", 152),
        line("individuals", 156, x0=a, columns=[(b, "about the item b.")]),
        line("competence A.", 164),
        line("At Advanced level,", 176, x0=a, columns=[(b, "CS3: Statement three")]),
    ]


def test_a_merged_cell_keeps_its_own_rhythm_beside_the_rows_it_spans():
    rows = borderless_rows(own_rhythm_lines())
    assert rows == [
        ["1. LEARN / 1.1 Competence A / handling / Description of / competence A.", "At Basic level, / individuals",
         "CS1: Statement one / about the / item a."],
        ["", "At Intermediate level, / individuals", "CS2: Statement two / about the item b."],
        ["", "At Advanced level,", "CS3: Statement three"],
    ]
    with switched_off("pdf.rows-beside-merged"):
        assert len(borderless_rows(own_rhythm_lines())) < 3


def test_the_line_pitch_is_measured_on_lines_wrapped_in_several_columns_at_once():
    """A label and a statement wrap on the same line, the first column empty there (its text
    interleaves at other heights): the only wrapped pairs the document shows."""
    a, b = 234, 378
    lines = [line("Name", 100, columns=[(a, "At Basic level,"), (b, "Statement one")]),
             line("individuals", 117, x0=a, columns=[(b, "about the item.")]),
             line("Other text", 150, x0=90)]
    from pipeline.readers._pdf.metrics import measure
    assert abs(measure([page(1, lines)], set()).cell_pitch - 1.7) < 0.01
    with switched_off("pdf.pitch-in-columns"):
        assert measure([page(1, lines)], set()).cell_pitch != 1.7


def test_a_cells_rest_at_the_top_of_pages_going_on_from_the_page_before_is_content():
    """"the item a." ends a statement on two pages; on one of them a new competency's name
    follows (no column below to show it), but the page before ended that column mid-sentence."""
    def pages():
        return [
            page(1, [line("Tier 1: Novice", 690, 1, columns=[(324, "Statement 1.1 about working with")])]),
            page(2, [line("the item a.", 72, 2, x0=324), line("Tier 2: Middle", 100, 2, columns=[(324, "Statement")]),
                     line("Tier 3: Skilled", 690, 2, columns=[(324, "Statement 3.3 about working with")])]),
            page(3, [line("the item a.", 72, 3, x0=324), line("1.2 Name of the next one", 100, 3)]),
        ]
    assert layout.find_running_lines(pages()) == {}
    with switched_off("pdf.running-in-column"):
        assert len(layout.find_running_lines(pages())) == 2
    # a header in lower case where the column above ended a sentence stays a header
    ended = pages()
    ended[1].lines[-1] = line("Tier 3: Skilled", 690, 2, columns=[(324, "Statement 3.3 is done.")])
    assert len(layout.find_running_lines(ended)) == 2


def test_the_largest_size_once_is_no_title_where_a_later_heading_extends_its_section_number():
    """One area heading ("1. PLAN") in the largest size, once, above headings "1.1 ...": the
    first heading of a numbered outline, not a title."""
    def styles(first_text):
        from .test_reader_pdf import paragraphs
        lines = [line(first_text, 100, size=16.0, bold=True), line("1.1 Competence A", 130, size=13.0, bold=True),
                 line("Body text here, long enough to be the most common size.", 160), line("1.2 Competence B", 190, size=13.0, bold=True),
                 line("More body text, long enough to be the most common size.", 220)]
        return [(p.text, p.style, p.level) for p in paragraphs(layout.assemble([page(1, lines)]))][:2]
    assert styles("1. PLAN") == [("1. PLAN", "heading", 1), ("1.1 Competence A", "heading", 2)]
    with switched_off("pdf.one-title"):
        assert styles("1. PLAN")[0][1] == "title"
    assert styles("Capability framework")[0][1] == "title"


def capabilities_cut_by_a_page_break(heads=("1.1 Alpha", "1.2 Beta"), cut="1.3 Gamma", definitions=True):
    """One capability per row, its name and quoted definition in the first cell; the page break
    cuts the third row after the name, its definition and the levels' rest starting page 2."""
    a, b = 234, 378
    first = [line("Capability", 556, columns=[(a, "FOUNDATION"), (b, "ADVANCED")])]
    for top, name in zip((580, 628), heads):
        first += [line(name, top, columns=[(a, "Statement one"), (b, "Statement two")]),
                  line("about the", top + 12, x0=a, columns=[(b, "about the")])]
        first.append(line(f"“{name} means it.”", top + 24, columns=[(a, "work."), (b, "work.")]) if definitions
                     else line("work.", top + 24, x0=a, columns=[(b, "work.")]))
    first += [line(cut, 676, columns=[(a, "Statement three"), (b, "Statement four")]),
              line("about it", 688, x0=a, columns=[(b, "about the")]),
              line("all.", 700, x0=a, columns=[(b, "work and")])]
    rest = [line("“Gamma means it.”" if definitions else "Level 4", 72, 2,
                 columns=[(a, "Statement five."), (b, "the data.")])]
    return first, rest


def test_a_cut_rows_first_cell_takes_its_next_paragraph_where_every_row_holds_more_there():
    def cells(table):
        return [[[p.text for p in c.paragraphs] for c in row.cells] for row in table.rows]

    table = assembled_across_a_page_break(*capabilities_cut_by_a_page_break())
    assert cells(table)[3] == [["1.3 Gamma", "“Gamma means it.”"], ["Statement three about it all.", "Statement five."],
                               ["Statement four about the work and the data."]]
    assert len(table.rows) == 4
    with switched_off("pdf.first-cell-goes-on"):
        table = assembled_across_a_page_break(*capabilities_cut_by_a_page_break())
        assert cells(table)[3:] == [[["1.3 Gamma"], ["Statement three about it all."], ["Statement four about the work and"]],
                                    [["“Gamma means it.”"], ["Statement five."], ["the data."]]]
    # labels: one paragraph in every row's first cell; the page's first row starts a row of its own
    labels = capabilities_cut_by_a_page_break(heads=("Level 1", "Level 2"), cut="Level 3", definitions=False)
    assert [c.text for c in assembled_across_a_page_break(*labels).rows[-1].cells] == [
        "Level 4", "Statement five.", "the data."]
