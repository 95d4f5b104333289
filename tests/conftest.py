from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REFERENCE = {fmt: FIXTURES / f"ambtelijk-secretaris.{fmt}" for fmt in ("docx", "pdf", "txt")}


@pytest.fixture
def reference():
    return REFERENCE
