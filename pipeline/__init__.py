"""The handbook pipeline: competency handbooks (.docx, .pdf, .txt) to validated JSON, CSV and XML."""
from __future__ import annotations

__version__ = "0.1.0"
