"""Marks around a text that are not the text: bullets, numbering, codes, section numbers, quotes."""
import pytest

from pipeline.parse.marks import (
    section_depth,
    split_code,
    strip_bullet,
    strip_enclosing_quotes,
    strip_numbering,
    strip_section_number,
)


@pytest.mark.parametrize("text, code, rest", [
    ("CS1.1.01: Acknowledge the benefits", "CS1.1.01", "Acknowledge the benefits"),
    ("1.2a Uses the tools", "1.2a", "Uses the tools"),
    ("A1 Finds data", "A1", "Finds data"),
    ("K2.3 - Explains", "K2.3", "Explains"),
    ("3b) Shares", "3b", "Shares"),
    ("Acknowledges A1 sauce", None, "Acknowledges A1 sauce"),
    ("B2B sales", None, "B2B sales"),
    ("12 people", None, "12 people"),
])
def test_indicator_codes(text, code, rest):
    assert split_code(text) == (code, rest)


@pytest.mark.parametrize("text, expected", [
    ("• Shares data", "Shares data"), ("- Shares data", "Shares data"), ("▪Shares", "Shares"),
    ("-5 degrees", "-5 degrees"), ("Shares • data", "Shares • data"),
])
def test_bullets(text, expected):
    assert strip_bullet(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("1. Shares", "Shares"), ("b) Shares", "Shares"), ("(iv) Shares", "Shares"), ("1.5 litres", "1.5 litres"),
])
def test_typed_numbering(text, expected):
    assert strip_numbering(text) == expected


def test_section_numbers():
    assert strip_section_number("3.2 Digital framework") == "Digital framework"
    assert strip_section_number("1. INFORMATION") == "INFORMATION"
    assert strip_section_number("2024") == "2024"
    assert [section_depth(t) for t in ("1. A", "1.2 B", "2.1.4 C", "None")] == [1, 2, 3, 0]


@pytest.mark.parametrize("text, expected", [
    ("“Finds data.”", "Finds data."), ('"Finds data."', "Finds data."), ("‘Finds’", "Finds"),
    ("“A” and “B”", "“A” and “B”"), ('"A" and "B"', '"A" and "B"'), ("“Uses “tools”.”", "Uses “tools”."),
    ("No quotes", "No quotes"), ("“Open only", "“Open only"),
])
def test_enclosing_quotes(text, expected):
    assert strip_enclosing_quotes(text) == expected


def test_a_text_that_is_only_a_code():
    from pipeline.parse.marks import is_code

    assert [is_code(t) for t in ("CS1.1.01", "1.2a:", "A1", "Does a", "A1 does", "12")] == [
        True, True, True, False, False, False]
