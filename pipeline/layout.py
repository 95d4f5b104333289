"""Where each file lives in a generation of the output folder (generations.py): the one place
that names them.

    json/<id>.json  xml/<id>.xml  case/<id>.json  html/<id>.html    one file per handbook, nothing else
    run/                                                             every file about the run as a whole:
        indicators.csv competencies.csv requirements.csv role_profile.csv
        library.json library.csv handbooks.xlsx index.html manifest.json report.json

Per-handbook and run-wide files never share a folder, so no handbook id is reserved.
"""
from __future__ import annotations

RUN = "run"
MANIFEST = f"{RUN}/manifest.json"
REPORT = f"{RUN}/report.json"
LIBRARY_JSON = f"{RUN}/library.json"
LIBRARY_CSV = f"{RUN}/library.csv"


def handbook_file(folder: str, handbook_id: str, extension: str | None = None) -> str:
    """`json/<id>.json`: the path of a per-handbook export within a generation."""
    return f"{folder}/{handbook_id}.{extension or folder}"
