from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# the reference handbook in each form: the Word master, its text export, and PDFs from
# LibreOffice (untagged and tagged), Chromium (tagged), wkhtmltopdf and WeasyPrint (untagged),
# the last three printed from LibreOffice's HTML export of it
REFERENCE = {fmt: FIXTURES / f"ambtelijk-secretaris.{fmt}" for fmt in (
    "docx", "pdf", "txt", "tagged.pdf", "chromium.pdf", "wkhtmltopdf.pdf", "weasyprint.pdf")}


@pytest.fixture
def reference():
    return REFERENCE
