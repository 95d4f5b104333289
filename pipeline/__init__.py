"""The handbook pipeline: competency handbooks (.docx, .pdf, .txt) to validated JSON, CSV and XML.

    from pipeline import convert
    result = convert("input/ambtelijk-secretaris.docx")
    result.handbook      # the model (pipeline.model.Handbook)
    result.data          # the dict the JSON Schema describes
    result.warnings      # things worth a look that did not stop the conversion
"""
from __future__ import annotations

__version__ = "0.1.0"

from .convert import Conversion, convert, handbook_id  # noqa: E402
from .errors import HandbookError  # noqa: E402

__all__ = ["Conversion", "HandbookError", "convert", "handbook_id", "__version__"]
