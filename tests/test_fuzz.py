"""Mutated Word, PDF and text files end as a valid export or one clear line: never a crash or a traceback."""
import io
import zipfile
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.batch import convert_one

from .conftest import REFERENCE

FUZZ = settings(max_examples=60, deadline=timedelta(seconds=20), derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@st.composite
def byte_mutations(draw, data: bytes):
    """Flip, delete, insert or truncate bytes, a few times."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        else:
            data = data[:at]
    return bytes(data)


@st.composite
def docx_xml_mutations(draw):
    """A structurally valid zip whose document.xml has been cut, spliced or had markup changed."""
    with zipfile.ZipFile(REFERENCE["docx"]) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["delete", "duplicate", "retag", "text"]))
        at = draw(st.integers(0, len(xml) - 1))
        span = draw(st.integers(1, 4000))
        if kind == "delete":
            xml = xml[:at] + xml[at + span :]
        elif kind == "duplicate":
            xml = xml[:at] + xml[at : at + span] + xml[at:]
        elif kind == "retag":
            old, new = draw(st.sampled_from([("w:tc>", "w:p>"), ("w:tr>", "w:tc>"), ('w:vMerge w:val="restart"', "w:vMerge"),
                                             ("<w:i/>", ""), ("Competentieniveau", "Niveau"), ("w:tbl>", "w:sdt>")]))
            xml = xml.replace(old, new, draw(st.integers(1, 5)))
        else:
            xml = xml[:at] + draw(st.text(alphabet="<>&;\x00\x01\x0b abc\u00a0é=+-@", max_size=12)) + xml[at:]
    parts["word/document.xml"] = xml.encode("utf-8", "surrogatepass")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def check(tmp_path, suffix, data):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    outcome = convert_one(path)
    assert outcome.status in ("converted", "failed")
    if outcome.status == "failed":
        assert outcome.reason and "\n" not in outcome.reason
        assert not outcome.internal, outcome.detail
    else:
        assert set(outcome.exports) == {"json/fuzz.json", "xml/fuzz.xml"}


@FUZZ
@given(data=byte_mutations(REFERENCE["docx"].read_bytes()))
def test_mutated_docx_bytes(tmp_path, data):
    check(tmp_path, ".docx", data)


@settings(FUZZ, max_examples=120)
@given(data=docx_xml_mutations())
def test_mutated_docx_markup(tmp_path, data):
    check(tmp_path, ".docx", data)


@settings(FUZZ, max_examples=40)
@given(data=byte_mutations(REFERENCE["pdf"].read_bytes()))
def test_mutated_pdf_bytes(tmp_path, data):
    check(tmp_path, ".pdf", data)


@settings(FUZZ, max_examples=150)
@given(data=byte_mutations(REFERENCE["txt"].read_bytes()))
def test_mutated_text(tmp_path, data):
    check(tmp_path, ".txt", data)


@settings(FUZZ, max_examples=150)
@given(lines=st.lists(st.text(alphabet="\tab <i>/*=é\u00a0Competentieniveau 1", max_size=40), max_size=30))
def test_arbitrary_text_exports(tmp_path, lines):
    check(tmp_path, ".txt", "\n".join(lines).encode("utf-8"))
