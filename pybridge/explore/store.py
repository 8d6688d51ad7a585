"""The resumable results file explore.json.

The file records the grid parameters of the run and one record per finished point. It is
rewritten atomically (`pybridge.fileio.write_atomically`) after every point, so an
interrupted run leaves the points it finished, and a rerun with the same parameters skips
them. A rerun with other grid parameters is rejected instead of mixing two grids; the
limits are not grid parameters, so a rerun may raise them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pybridge.fileio import write_atomically

SCHEMA = "cachedepth-explore"
SCHEMA_VERSION = 2
RESULTS_NAME = "explore.json"


class ResultsFileError(ValueError):
    """explore.json is unreadable, not an explore results file, or from another grid."""


class ResultsStore:
    """The finished points of one run, kept in `path` and written after each point."""

    def __init__(self, path: Path, parameters: dict[str, Any], records: dict[str, dict[str, Any]]):
        self.path = path
        self.parameters = parameters
        self.records = records
        self.parts: list[dict[str, Any]] = []

    @classmethod
    def open(cls, path: Path, parameters: dict[str, Any], restart: bool = False) -> ResultsStore:
        """Load the finished points of `path`, or start empty when it is missing or `restart` is set.

        Raises `ResultsFileError` naming the file and what to do when the file is not valid
        JSON, has another schema, or records other grid parameters.
        """
        if restart or not path.exists():
            return cls(path, parameters, {})
        document = _read_document(path)
        stored = document["parameters"]
        if stored != parameters:
            raise ResultsFileError(
                f"{path} contains results for the grid {_describe(stored)}, but this run requests "
                f"{_describe(parameters)}; rerun with the stored options to resume, pass --restart "
                "to discard the stored results, or choose another --output folder"
            )
        records = {}
        for record in document["points"]:
            if not isinstance(record, dict) or not isinstance(record.get("key"), str):
                raise ResultsFileError(
                    f"{path} has a point without a key; delete the file or pass --restart"
                )
            records[record["key"]] = record
        return cls(path, parameters, records)

    def add(self, record: dict[str, Any]) -> None:
        """Record a finished point and rewrite the file."""
        self.records[record["key"]] = record
        self.save()

    def save(self) -> None:
        """Write the whole file atomically."""
        document = {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "parameters": self.parameters,
            "points": list(self.records.values()),
            "parts": self.parts,
        }
        write_atomically(self.path, json.dumps(document, indent=1, ensure_ascii=False) + "\n")


def _read_document(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ResultsFileError(
            f"{path} could not be read ({error}); fix the file or choose another --output"
        ) from error
    except json.JSONDecodeError as error:
        raise ResultsFileError(
            f"{path} is not valid JSON ({error}); it may be a damaged results file. Delete it or "
            "pass --restart to start over"
        ) from error
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        raise ResultsFileError(
            f"{path} is not an explore results file (expected \"schema\": \"{SCHEMA}\"); choose "
            "another --output folder or delete the file"
        )
    if document.get("schema_version") != SCHEMA_VERSION:
        raise ResultsFileError(
            f"{path} has schema_version {document.get('schema_version')!r}, but this version reads "
            f"{SCHEMA_VERSION}; pass --restart to recompute it"
        )
    if not isinstance(document.get("parameters"), dict) or not isinstance(document.get("points"), list):
        raise ResultsFileError(f"{path} lacks \"parameters\" or \"points\"; delete it or pass --restart")
    return document


def _describe(parameters: dict[str, Any]) -> str:
    return ", ".join(f"--{name.replace('_', '-')} {value}" for name, value in sorted(parameters.items()))
