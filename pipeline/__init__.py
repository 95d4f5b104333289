"""The handbook pipeline: competency handbooks (.docx, .pdf, .txt) to validated JSON, CSV and XML.

    from pipeline import convert
    result = convert("input/ambtelijk-secretaris.docx")
    result.handbook      # the model (pipeline.model.Handbook)
    result.data          # the dict the JSON Schema describes
    result.warnings      # things worth a look that did not stop the conversion
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Conversion", "HandbookError", "convert", "handbook_id", "__version__"]

_LAZY = {"Conversion": "conversion", "convert": "conversion", "handbook_id": "conversion", "HandbookError": "errors"}


def __getattr__(name: str):
    # Imported on first use: `python -m pipeline --help` should not pay for the parser.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
