from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# the reference handbook as its author saved it (docx), as LibreOffice printed it (pdf), as text,
# and as other writers printed LibreOffice's HTML export of it (untagged PDFs)
REFERENCE = {fmt: FIXTURES / f"ambtelijk-secretaris.{fmt}" for fmt in (
    "docx", "pdf", "txt", "wkhtmltopdf.pdf", "weasyprint.pdf")}


@pytest.fixture
def reference():
    return REFERENCE
