"""Notes: judgements a reader made on weak evidence travel apart from the blocks, with their place."""
import io
import sys
import types
from pathlib import Path

from pipeline import readers
from pipeline.batch import Outcome
from pipeline.blocks import Note, Origin, Paragraph, Span
from pipeline.report import make_reporter


def test_a_note_says_its_place_and_rule():
    note = Note("pdf.join-across-page", "joined a paragraph cut by the page break", Origin(page=3, top=120.4))
    assert str(note) == "page 3, 120 pt from the top: joined a paragraph cut by the page break [pdf.join-across-page]"
    assert note.as_dict() == {"rule": "pdf.join-across-page", "message": "joined a paragraph cut by the page break",
                              "place": {"page": 3, "top": 120.4}}
    assert Note("r", "m", Origin(table=2, row=4, cell=1)).place() == "table 2, row 4, cell 1"
    assert Note("r", "m").place() == "the document"


def test_read_hands_notes_over_apart_from_the_blocks(monkeypatch, tmp_path):
    paragraph = Paragraph((Span("text"),))
    note = Note("fake.rule", "guessed", Origin(line=2))
    module = types.ModuleType("fake_reader")
    module.read = lambda path: [paragraph, note]
    monkeypatch.setitem(sys.modules, "fake_reader", module)
    monkeypatch.setitem(readers.READERS, ".fake", ("fake", "fake_reader"))
    reading = readers.read(tmp_path / "x.fake")
    assert reading.blocks == [paragraph]
    assert reading.notes == [note]


def _outcome_with_note() -> Outcome:
    note = Note("pdf.rule", "took the next page's table as the rest of this one", Origin(page=2, top=72))
    return Outcome(path=Path("in/x.pdf"), id="x", status="converted", counts={"competencies": 1},
                   vocabulary="nl", notes=[note])


def test_the_text_log_counts_notes_and_explain_lists_them():
    plain, explained = io.StringIO(), io.StringIO()
    make_reporter("text", quiet=False, debug=False, stream=plain).event("done", _outcome_with_note())
    make_reporter("text", quiet=False, debug=False, stream=explained, explain=True).event("done", _outcome_with_note())
    assert "1 note to check (--explain)" in plain.getvalue()
    assert "note:" not in plain.getvalue()
    assert "in/x.pdf: note: page 2, 72 pt from the top: took the next page's table" in explained.getvalue()


def test_report_entries_and_json_log_carry_notes():
    outcome = _outcome_with_note()
    assert outcome.report_entry()["notes"] == [{"rule": "pdf.rule", "place": {"page": 2, "top": 72},
                                                "message": "took the next page's table as the rest of this one"}]
    stream = io.StringIO()
    make_reporter("json", quiet=False, debug=False, stream=stream).event("done", outcome)
    assert '"event": "note"' in stream.getvalue() and '"rule": "pdf.rule"' in stream.getvalue()
