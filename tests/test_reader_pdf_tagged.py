"""The structure-tree reader on trees and lines built in memory (pipeline/readers/_pdf/structure.py,
tagged.py, tagged_table.py, wraps.py, marked.py), and on the tagged PDFs in tests/fixtures/tagged/."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdfminer.pdftypes import PDFObjRef
from pdfminer.psparser import PSLiteral

from pipeline import convert
from pipeline.blocks import Cell, Note, PageBreak, PageHeader, Paragraph, Table
from pipeline.readers._pdf.marked import nest_marked_content
from pipeline.readers._pdf.model import Glyph, Line
from pipeline.readers._pdf.structure import Marked, Node, read_structure_tree
from pipeline.readers._pdf.tagged import MarkedContent, TreeDoesNotFit, tree_blocks
from pipeline.readers._pdf.tagged_table import GridError, TreeCell, compact_spans, grid, stacked_tables
from pipeline.readers._pdf.wraps import DocumentWords, join_lines, wrap_joint

from .test_roundtrip_pdf import data

CHAR = 5.0  # every glyph is this wide in these tests


def line(text: str, page: int = 1, top: float = 100.0, x0: float = 72.0, size: float = 10.0,
         italic: bool = False) -> Line:
    glyphs = [Glyph(ch, x0 + i * CHAR, x0 + (i + 1) * CHAR, size, italic=italic) for i, ch in enumerate(text)]
    return Line(page, top, top + size, glyphs)


class Doc:
    """A tagged document in memory: marked content with its lines, and the tree over it."""

    def __init__(self, pages: int = 1):
        self.content = MarkedContent(page_count=pages)
        self.next_mcid: dict[int, int] = {}
        self.top: dict[int, float] = {}

    def text(self, *texts: str, page: int = 1, x0: float = 72.0, italic: bool = False) -> Marked:
        """One piece of marked content: each text a line below the last one on its page."""
        mcid = self.next_mcid.get(page, 0)
        self.next_mcid[page] = mcid + 1
        ref = Marked(page, mcid)
        lines = []
        for t in texts:
            self.top[page] = self.top.get(page, 60.0) + 14
            lines.append(line(t, page, self.top[page], x0, italic=italic))
        self.content.lines[ref] = lines
        return ref

    def blocks(self, *nodes: Node) -> list:
        return tree_blocks([Node("Document", children=list(nodes))], self.content)


def n(role: str, *children, **attributes) -> Node:
    return Node(role, attributes, list(children))


def texts(blocks) -> list:
    out = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append((b.style, b.text))
        elif isinstance(b, Table):
            out.append([[c.text for c in row.cells] for row in b.rows])
        elif isinstance(b, PageBreak):
            out.append("--")
        elif isinstance(b, PageHeader):
            out.append(("footer" if b.footer else "header", b.text))
    return out


# ---------------------------------------------------------------------------------------------
# tree -> blocks


def test_paragraphs_headings_and_titles_take_their_style_from_the_role():
    d = Doc()
    blocks = d.blocks(n("Title", d.text("Handbook")), n("H2", d.text("Intro")), n("P", d.text("Body text")))
    assert texts(blocks) == [("title", "Handbook"), ("heading", "Intro"), (None, "Body text")]
    assert [b.level for b in blocks if isinstance(b, Paragraph)] == [0, 2, 0]


def test_list_items_are_list_paragraphs_without_their_label():
    d = Doc()
    item = n("LI", n("Lbl", d.text("1.")), n("LBody", d.text("First item")))
    bare = n("LI", n("LBody", n("P", d.text("• Second item"))))  # the label inside the text (LibreOffice)
    assert texts(d.blocks(n("L", item, bare))) == [("list", "First item"), ("list", "Second item")]


def test_a_label_alone_on_its_items_first_line_is_no_part_of_the_text():
    """LibreOffice's XHTML printed by Chromium: the number inside the item, its text on the next
    line where the first word did not fit beside it ("39." / "Commonplace words.")."""
    d = Doc()
    alone = n("LI", n("LBody", n("P", d.text("39.", "Commonplace words."))))
    beside = n("LI", n("LBody", n("P", d.text("40.Deposition of", "the words."))))
    year = n("P", d.text("2024.", "A year alone on a line of a paragraph stays."))
    assert texts(d.blocks(n("L", alone, beside), year)) == [
        ("list", "Commonplace words."), ("list", "Deposition of the words."),
        (None, "2024. A year alone on a line of a paragraph stays.")]


def test_a_paragraph_split_over_pages_is_one_paragraph_after_the_page_break():
    d = Doc(pages=2)
    blocks = d.blocks(n("P", d.text("first page"), n("Span", d.text("and the next one", page=2))))
    assert texts(blocks) == [(None, "first page and the next one"), "--"]


def test_table_rows_cells_and_a_cell_merged_down_give_empty_cells_like_word():
    d = Doc()
    table = n(
        "Table",
        n("TR", n("TH", n("P", d.text("Name"))), n("TH", n("P", d.text("Level")))),
        n("TR", n("TD", n("P", d.text("Label 1")), RowSpan=2), n("TD", n("P", d.text("does a")))),
        n("TR", n("TD", n("P", d.text("does b")))),
    )
    assert texts(d.blocks(table)) == [[["Name", "Level"], ["Label 1", "does a"], ["", "does b"]]]


def test_a_cell_merged_across_is_one_cell():
    d = Doc()
    table = n("Table", n("TBody", n("TR", n("TD", d.text("wide"), ColSpan=2)),
                          n("TR", n("TD", d.text("a")), n("TD", d.text("b")))))
    assert texts(d.blocks(table)) == [[["wide"], ["a", "b"]]]


def test_a_table_over_two_pages_is_one_table():
    d = Doc(pages=2)
    table = n("Table", n("TR", n("TD", d.text("on page one"))), n("TR", n("TD", d.text("on page two", page=2))))
    assert texts(d.blocks(table)) == [[["on page one"], ["on page two"]], "--"]  # the break follows the table


def test_cells_a_writer_left_out_are_placed_by_where_their_text_starts_with_a_note():
    d = Doc()
    full = n("TR", *(n("TD", d.text(t, x0=x)) for t, x in (("a", 72), ("b", 200), ("c", 330))))
    short = n("TR", n("TD", d.text("only c", x0=334)))
    blocks = d.blocks(n("Table", full, short))
    assert texts(blocks) == [[["a", "b", "c"], ["", "", "only c"]]]
    assert [b.rule for b in blocks if isinstance(b, Note)] == ["pdf.tagged.cells-by-position"]


def test_running_headers_and_footers_are_the_artifacts_above_and_below_the_content():
    d = Doc(pages=2)
    d.content.artifacts = {
        1: [line("Cluster A", 1, 20), line("1", 1, 760)],
        2: [line("Cluster A", 2, 20), line("2", 2, 760)],
    }
    blocks = d.blocks(n("P", d.text("one")), n("P", d.text("two", page=2)))
    # the header goes in where its text changes, like a Word section's header; footers each page
    assert texts(blocks) == [("header", "Cluster A"), (None, "one"), ("footer", "1"), "--", (None, "two"),
                             ("footer", "2")]


def test_text_outside_the_tree_means_the_tree_does_not_fit():
    d = Doc()
    d.text("not in the tree")
    with pytest.raises(TreeDoesNotFit, match="belongs to no structure element"):
        d.blocks(n("P", d.text("in the tree")))
    d = Doc()
    d.content.untagged = {1: 12}
    with pytest.raises(TreeDoesNotFit, match="outside the structure tree"):
        d.blocks(n("P", d.text("in the tree")))


def test_artifacts_in_the_tree_are_skipped():
    d = Doc()
    ref = d.text("page 1 of 3")
    assert texts(d.blocks(n("Artifact", ref), n("P", d.text("body")))) == [(None, "body")]


# ---------------------------------------------------------------------------------------------
# the grid


def test_grid_fills_positions_covered_from_above_and_reports_no_guess():
    rows = [[TreeCell(Cell(()), 10, rowspan=3), TreeCell(Cell(()), 100)], [TreeCell(Cell(()), 100)],
            [TreeCell(Cell(()), 100)]]
    placed, guessed = grid(rows)
    assert [len(r) for r in placed] == [2, 2, 2] and guessed == []


def test_grid_drops_an_empty_cell_that_makes_a_row_wider_than_the_table():
    label, text, empty = TreeCell(["label"], 10, rowspan=3), TreeCell(["a"], 100), TreeCell([], None)
    rows = [[label, text], [text, empty], [text]]  # LibreOffice: an extra empty TD below a page break
    placed, guessed = grid(rows)
    assert [[(s.column, s.cell is not None, s.covered) for s in row] for row in placed] == [
        [(0, True, False), (1, True, False)], [(0, False, True), (1, True, False)], [(0, False, True), (1, True, False)]]
    assert guessed == []


def test_grid_refuses_a_short_row_when_no_row_shows_the_columns():
    rows = [[TreeCell(Cell(()), None, colspan=2)], [TreeCell(Cell(()), 10)]]
    with pytest.raises(GridError):
        grid(rows)


def test_a_short_row_goes_to_the_columns_its_texts_start_nearest_to():
    # a header row without its empty corner cell, over columns of indented list items: each
    # header starts left of its column's text, nearer to it than to the column before
    header = [TreeCell(["A"], 140), TreeCell(["B"], 230), TreeCell(["C"], 320)]
    body = [TreeCell(["x"], 72), TreeCell(["a"], 155), TreeCell(["b"], 245), TreeCell(["c"], 335)]
    placed, guessed = grid([header, body])
    assert [(s.column, s.cell.content if s.cell else None) for s in placed[0]] == [
        (0, None), (1, ["A"]), (2, ["B"]), (3, ["C"])]
    assert guessed == [0]


def test_a_paragraph_left_of_its_columns_text_start_stays_in_its_cell():
    d = Doc()
    table = n("Table",
              n("TR", n("TD", n("P", d.text("FIRST", x0=140))), n("TD", n("P", d.text("SECOND", x0=230)))),
              n("TR", n("TD", n("P", d.text("Indicators", x0=72))), n("TD", n("P", d.text("a", x0=155))),
                n("TD", n("P", d.text("b", x0=245)))))
    assert texts(d.blocks(table)) == [[["", "FIRST", "SECOND"], ["Indicators", "a", "b"]]]


def test_a_header_cell_drawn_again_on_the_next_page_is_read_once():
    d = Doc(pages=2)
    header = n("TR", n("TD", n("P", d.text("LEVEL"), d.text("LEVEL", page=2))))
    blocks = d.blocks(n("Table", header, n("TR", n("TD", n("P", d.text("statement"))))))
    assert texts(blocks) == [[["LEVEL"], ["statement"]], "--"]
    assert [b.rule for b in blocks if isinstance(b, Note)] == ["pdf.tagged.repeated-header-cell"]
    # the same text twice on one page is the cell's own text
    d = Doc()
    blocks = d.blocks(n("Table", n("TR", n("TD", n("P", d.text("LEVEL"), d.text("LEVEL"))))))
    assert texts(blocks) == [[["LEVEL LEVEL"]]]


def test_rows_that_share_no_column_edge_are_stacked_tables():
    # LibreOffice joins a two-column table and the five-column table under it: 6 grid columns
    two, five = [(3, 1), (3, 1)], [(1, 1), (1, 1), (2, 1), (1, 1), (1, 1)]
    assert stacked_tables([five, five, two, five, five, two]) == [2, 3, 5]
    assert compact_spans([five, five]) == [[1, 1, 1, 1, 1]] * 2 and compact_spans([two]) == [[1, 1]]
    # a banner across the table, a header over some columns, or a cell reaching down across
    # the rows starts no table
    banner, header = [(6, 1)], [(1, 1), (5, 1)]
    assert stacked_tables([banner, five, header, five]) == []
    assert stacked_tables([[(3, 2), (3, 1)], [(1, 1), (2, 1)]]) == []


def test_a_table_element_of_stacked_tables_gives_each_table():
    d = Doc()
    cell = lambda text, **spans: n("TD", n("P", d.text(text)), **spans)  # noqa: E731
    joined = n("Table", n("TR", cell("Area", ColSpan=2), cell("Strategy", ColSpan=2)),
               n("TR", cell("Name"), cell("Level 1", ColSpan=2), cell("Level 2")))
    blocks = d.blocks(joined)
    assert texts(blocks) == [[["Area", "Strategy"]], [["Name", "Level 1", "Level 2"]]]
    assert [b.rule for b in blocks if isinstance(b, Note)] == ["pdf.tagged.stacked-tables"]


def test_cells_carry_their_grid_span_as_word_gives_it():
    d = Doc()
    cell = lambda text, **spans: n("TD", n("P", d.text(text)), **spans)  # noqa: E731
    table = n("Table", n("TR", cell("Name and definition", ColSpan=3)),
              n("TR", cell("Area", RowSpan=2, ColSpan=2), cell("Level 1")), n("TR", cell("Level 2")))
    [block] = d.blocks(table)
    assert [[c.span for c in row.cells] for row in block.rows] == [[3], [2, 1], [2, 1]]


def test_a_row_of_header_cells_or_in_a_thead_is_a_header_row():
    d = Doc()
    th = lambda text: n("TH", n("P", d.text(text)), Scope="Column")  # noqa: E731
    td = lambda text: n("TD", n("P", d.text(text)))  # noqa: E731
    tagged = n("Table", n("TR", th("Name"), th("Level 1")), n("TR", th("Alpha"), td("does a")))
    headed = n("Table", n("THead", n("TR", td("Name"), td("Level 1"))), n("TBody", n("TR", td("Beta"), td("b"))))
    first, second = d.blocks(tagged, headed)
    assert [r.header for r in first.rows] == [True, False] and [r.header for r in second.rows] == [True, False]


# ---------------------------------------------------------------------------------------------
# wraps


def test_a_wrap_is_a_space_unless_the_pdf_draws_one():
    words = DocumentWords()
    assert wrap_joint(line("ordenen en"), line("structureren"), words) == (" ", None)
    assert wrap_joint(line("ordenen en "), line("structureren"), words) == ("", None)
    assert wrap_joint(line("struc\xad"), line("tureren"), words) == ("", None)


def test_a_hyphen_at_a_wrap_is_settled_by_the_document_s_own_words():
    seen = DocumentWords.of([[line("hoofd- en bijzaken")], [line("zij-haar bedoeld")]])
    assert wrap_joint(line("zij-"), line("haar"), seen)[0] == ""
    assert wrap_joint(line("hoofd-"), line("en"), seen)[0] == " "
    joint, (rule, message) = wrap_joint(line("beleids-"), line("regels"), seen)
    assert joint == "" and rule == "pdf.tagged.hyphen-at-wrap" and "no evidence" in message


def test_a_lone_hyphen_at_a_wrap_follows_how_the_document_writes_one():
    dashes = DocumentWords.of([[line("detail - vraagstukken en meer")]])
    prefixes = DocumentWords.of([[line("en -werkwijzen van hen")]])
    assert wrap_joint(line("detail -"), line("vraagstukken"), dashes)[0] == " "
    assert wrap_joint(line("en -"), line("werkwijzen"), prefixes)[0] == ""


def test_a_conjunction_next_to_a_hyphen_at_a_wrap_settles_it_without_the_document_s_words():
    nothing = DocumentWords()
    assert wrap_joint(line("impressie hoofd-"), line("en bijzaken"), nothing)[0] == " "  # a word part before "en"
    assert wrap_joint(line("teamdoelen en -"), line("werkwijzen"), nothing)[0] == ""  # after "en": a word part
    for before in ("prophecy -", "zij-haar -", "in 2024 -", "e.d. -"):  # after any other word a lone hyphen is a dash
        joint, (rule, message) = wrap_joint(line(before), line("worried?"), nothing)
        assert joint == " " and rule == "pdf.tagged.hyphen-at-wrap" and "dash" in message


def test_a_word_cut_at_the_column_edge_is_joined_only_when_the_document_shows_it_whole():
    seen = DocumentWords.of([[line("Competentieniveau Medewerker")]])
    joint, (rule, _) = wrap_joint(line("Competentienive"), line("au 1"), seen)
    assert (joint, rule) == ("", "pdf.tagged.word-cut-at-edge")
    assert wrap_joint(line("Verantwoordelijkheid"), line("nemen"), seen) == (" ", None)
    parts_are_words = DocumentWords.of([[line("Competentie of niveau")], [line("Competentieniveau 1")]])
    assert wrap_joint(line("Competentie"), line("niveau 2"), parts_are_words)[0] == ""
    assert wrap_joint(line("twee woorden"), line("niveau"), parts_are_words) == (" ", None)


def test_a_word_cut_twice_is_known_whole_over_all_its_lines():
    seen = DocumentWords.of([[line("de verantwoordelijkheid "), line("van")]])  # draws wrap spaces
    ends = [72 + 10 * CHAR, 72 + 9.8 * CHAR, 72 + 5 * CHAR]  # "rdelijkhei" fills the column
    spans, notes = join_lines([line("verantwoo"), line("rdelijkhei"), line("d detail")], seen, ends)
    assert "".join(s.text for s in spans) == "verantwoordelijkheid detail"
    assert [n.rule for n in notes] == ["pdf.tagged.word-cut-at-edge"] * 2
    # a space the writer draws at a wrap is no cut: the word before it is whole
    spans, _ = join_lines([line("verantwoo"), line("rdelijkhei"), line("d "), line("zorgvuldig")], seen, ends)
    assert "".join(s.text for s in spans) == "verantwoordelijkheid zorgvuldig"


def test_a_rest_that_would_have_fitted_without_a_space_had_one_before_it():
    ends = [72 + 30 * CHAR]  # another line of the column reaches 30 letters
    joint, (_, message) = wrap_joint(line("2024 -"), line("problemen"), DocumentWords(), ends)
    assert joint == " " and "would have fitted" in message
    assert wrap_joint(line("een hele lange regel ë/"), line("ïïïïïïïïïïïïïï"), DocumentWords(), ends)[0] == ""
    assert wrap_joint(line("kort ë/"), line("ï"), DocumentWords(), ends)[0] == " "


def test_closing_punctuation_after_a_wrap_without_a_space_is_the_rest_of_the_word():
    joint, (rule, _) = wrap_joint(line("samenwerking"), line("; en meer"), DocumentWords())
    assert (joint, rule) == ("", "pdf.tagged.word-cut-at-edge")
    assert wrap_joint(line("samenwerking "), line(";"), DocumentWords()) == ("", None)
    assert wrap_joint(line("progress 'zichtbaar'"), line("?"), DocumentWords())[0] == ""


def test_a_full_one_word_line_in_a_table_column_is_a_cut_unless_its_parts_are_words():
    ends = [72 + 16 * CHAR, 72 + 15.5 * CHAR, 72 + 9 * CHAR]  # the column's other lines reach its edge too
    spaced = DocumentWords.of([[line("een zin die "), line("doorloopt")]])  # the writer draws wrap spaces
    joint, (rule, _) = wrap_joint(line("verantwoordelijk"), line("heid detail"), spaced, ends)
    assert (joint, rule) == ("", "pdf.tagged.word-cut-at-edge")
    known = DocumentWords.of([[line("een zin die "), line("doorloopt")], [line("ziet het detail van")]])
    # a rest standing as a word elsewhere makes two words, noted when the line ends at the edge
    joint, (rule, message) = wrap_joint(line("verantwoordelijk"), line("detail"), known, ends)
    assert (joint, rule) == (" ", "pdf.tagged.word-cut-at-edge") and "two words" in message
    assert wrap_joint(line("verantwoordelijk"), line("detail"), known, [72 + 20 * CHAR]) == (" ", None)
    # the line alone reaches that far: the column's other lines all wrapped earlier; a writer
    # that draws wrap spaces cuts words rather than let them overflow
    widest = [72 + 16 * CHAR, 72 + 9 * CHAR]
    assert wrap_joint(line("verantwoordelijk"), line("heid"), spaced, widest)[0] == ""
    short = [72 + 16 * CHAR, 72 + 12 * CHAR, 72 + 20 * CHAR]  # other lines reach four letters further
    assert wrap_joint(line("verantwoordelijk"), line("heid"), spaced, short) == (" ", None)
    bare = DocumentWords.of([[line("een zin die"), line("doorloopt")]])  # wraps without a space (Chromium)
    assert wrap_joint(line("verantwoordelijk"), line("heid"), bare, ends) == (" ", None)


def test_a_word_cut_just_after_its_apostrophe_at_a_full_column_edge_is_joined():
    ends = [72 + 16 * CHAR, 72 + 15.5 * CHAR, 72 + 9 * CHAR]
    spaced = DocumentWords.of([[line("een zin die "), line("doorloopt")]])  # the writer draws wrap spaces
    for head, straight in (("televisieprog'", "'"), ("televisieprog\u2019", "\u2019")):
        joint, (rule, message) = wrap_joint(line(head), line("s en meer"), spaced, ends)
        assert (joint, rule) == ("", "pdf.tagged.word-cut-at-edge") and f"{straight}s'" in message
    # a quote closing a quoted word, or standing alone, is no word to go on
    assert wrap_joint(line("'"), line("s en meer"), spaced, ends) == (" ", None)
    assert wrap_joint(line("televisieprog' "), line("s en meer"), spaced, ends) == ("", None)  # the space is drawn


def test_a_word_in_capitals_cut_at_a_full_column_edge_is_joined():
    ends = [72 + 10 * CHAR, 72 + 10 * CHAR, 72 + 8 * CHAR]  # a narrow column of labels in capitals
    spaced = DocumentWords.of([[line("een zin die "), line("doorloopt")]])
    joint, (rule, _) = wrap_joint(line("INTERMEDIA"), line("TE"), spaced, ends)
    assert (joint, rule) == ("", "pdf.tagged.word-cut-at-edge")
    # capitals followed by a word in lower case, or a short capital word, stay two words
    assert wrap_joint(line("INTERMEDIA"), line("Te"), spaced, ends) == (" ", None)
    assert wrap_joint(line("HR"), line("A"), spaced, ends) == (" ", None)
    # a capital rest standing as a word of its own elsewhere: two words
    known = DocumentWords.of([[line("een zin die "), line("doorloopt")], [line("LEVEL TWO IS")]])
    joint, (_, message) = wrap_joint(line("INTERMEDIA"), line("TWO"), known, ends)
    assert joint == " " and "two words" in message


def test_join_lines_keeps_emphasis_and_reads_ligatures():
    spans, notes = join_lines([line("speci\ufb01ek"), line("schuin", italic=True)], DocumentWords())
    assert [(s.text, s.italic) for s in spans] == [("specifiek ", False), ("schuin", True)]
    assert notes == []


# ---------------------------------------------------------------------------------------------
# the tree from PDF objects; nested marked content


def test_read_structure_tree_follows_role_maps_pages_and_marked_content_references():
    page1, page2 = PDFObjRef(None, 11), PDFObjRef(None, 12)
    paragraph = {"S": PSLiteral("Para"), "Pg": page1, "K": [0, {"Type": PSLiteral("MCR"), "MCID": 3, "Pg": page2}]}
    cell = {"S": PSLiteral("TD"), "A": {"RowSpan": 2, "O": PSLiteral("Table")}, "K": []}
    catalog = {"StructTreeRoot": {"K": [paragraph, cell], "RoleMap": {"Para": PSLiteral("P")}}}
    tree = read_structure_tree(catalog, {11: 1, 12: 2})
    assert [node.role for node in tree] == ["P", "TD"]
    assert tree[0].children == [Marked(1, 0), Marked(2, 3)]
    assert tree[1].attributes == {"RowSpan": 2, "O": "Table"}
    assert read_structure_tree({}, {}) is None


def test_marked_content_nests():
    class Device:
        cur_mcid = cur_tag = None

    nest_marked_content(Device)
    d = Device()
    d.begin_tag(PSLiteral("P"), {"MCID": 5})
    d.begin_tag(PSLiteral("Span"), {"ActualText": "fi"})
    assert (d.cur_tag, d.cur_mcid) == ("Span", 5)
    d.end_tag()
    assert (d.cur_tag, d.cur_mcid) == ("P", 5)  # pdfplumber alone would say (None, None) here
    d.end_tag()
    d.begin_tag(PSLiteral("Artifact"))
    d.begin_tag(PSLiteral("Span"))
    assert d.cur_tag == "Artifact" and d.cur_mcid is None


# ---------------------------------------------------------------------------------------------
# tagged PDFs that LibreOffice and Chromium made (tests/fixtures/tagged/, `make tagged-fixtures`)

TAGGED = Path(__file__).parent / "fixtures" / "tagged"


@pytest.mark.parametrize("path", sorted(TAGGED.glob("*.pdf")), ids=lambda p: p.name)
def test_tagged_fixture_gives_the_data_of_its_word_document_from_its_structure_tree(path):
    want = json.loads((TAGGED / f"{path.name.split('.')[0]}.expected.json").read_text(encoding="utf-8"))
    want.pop("schema_version", None)  # compared apart from it, as data() leaves it out
    conversion = convert(path)
    assert not [n for n in conversion.notes if n.rule == "pdf.tagged.fallback"]
    assert data(conversion.handbook) == want


# ---------------------------------------------------------------------------------------------
# the hook in pipeline/readers/pdf.py: the tree first, the layout rules where it does not fit


def test_where_the_tree_does_not_fit_the_layout_rules_read_the_file_with_a_note(monkeypatch, reference):
    import pipeline.readers.pdf as pdf_reader
    from pipeline.readers import read

    def does_not_fit(tree, content):
        raise TreeDoesNotFit("a table without rows")

    monkeypatch.setattr(pdf_reader, "tree_blocks", does_not_fit)
    reading = read(reference["tagged.pdf"])
    assert [n.rule for n in reading.notes][:1] == ["pdf.tagged.fallback"]
    assert "a table without rows" in reading.notes[0].message
    assert sum(isinstance(b, Table) for b in reading.blocks) >= 7  # the layout rules found the tables


def test_an_unreadable_tree_is_read_by_layout_with_a_note(monkeypatch, reference):
    import pipeline.readers.pdf as pdf_reader
    from pipeline.readers import read
    from pipeline.readers._pdf.structure import TreeError

    def broken(catalog, pages):
        raise TreeError("the structure tree refers back to itself")

    monkeypatch.setattr(pdf_reader, "read_structure_tree", broken)
    reading = read(reference["tagged.pdf"])
    assert reading.notes[0].rule == "pdf.tagged.fallback" and "refers back" in reading.notes[0].message


def test_an_untagged_pdf_has_no_tagged_note(reference):
    from pipeline.readers import read

    assert not [n for n in read(reference["pdf"]).notes if n.rule.startswith("pdf.tagged")]


def test_a_letter_drawn_again_at_a_page_s_top_is_left_out_with_a_note():
    from pipeline.readers._pdf.tagged import _without_repeated_glyphs

    before = line("voortzetten professionals", page=1, top=753.0)
    ghost = line("p", page=2, top=17.0, x0=72 + 12 * CHAR)  # the "p" of "professionals", same x
    after = line("'zichtbaar' zomaar bah?", page=2, top=28.0)
    notes = []
    assert _without_repeated_glyphs([before, ghost, after], notes) == [before, after]
    assert [n.rule for n in notes] == ["pdf.tagged.repeated-glyphs"] and notes[0].origin.page == 2
    # another letter, or the same one elsewhere across, or nothing below it: text
    other = line("q", page=2, top=17.0, x0=72 + 12 * CHAR)
    moved = line("p", page=2, top=17.0, x0=72 + 13 * CHAR)
    for kept in ([before, other, after], [before, moved, after], [before, ghost]):
        assert _without_repeated_glyphs(list(kept), []) == kept
