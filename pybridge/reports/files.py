"""Write report files atomically, so an interrupted run never leaves half a JSON file."""

from __future__ import annotations

import json
from pathlib import Path

from ..fileio import write_atomically


def write_json(path: Path, document: dict) -> Path:
    write_atomically(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return path
