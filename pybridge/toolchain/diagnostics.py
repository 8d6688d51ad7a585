"""Lean diagnostics: parsing `lean --json` output and printing `FILE:LINE:COL: severity: message`."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Diagnostic:
    """One message from Lean. Lines are 1-based and columns 0-based, as Lean prints them."""

    file: str
    line: int
    column: int
    severity: str
    message: str
    end_line: int | None = None
    end_column: int | None = None

    def format(self) -> str:
        """Render as `FILE:LINE:COL: severity: message`, the format editors and CI parse."""
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Diagnostic":
        return cls(**data)


def parse_json_messages(output: str, file: str) -> list[Diagnostic]:
    """Extract the diagnostics from the output of `lean --json`.

    The npm toolchain mixes its own `[DEBUG:…]` lines and an echo of the input into the
    same stream, so every line that is not a JSON object with a `severity` is ignored.
    `file` replaces Lean's `fileName`, so that positions refer to the project's path.
    """
    diagnostics = []
    for line in output.splitlines():
        line = line.strip()
        if not (line.startswith("{") and '"severity"' in line):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError:
            continue
        pos = data.get("pos") or {}
        end = data.get("endPos") or {}
        diagnostics.append(
            Diagnostic(
                file=file,
                line=int(pos.get("line", 1)),
                column=int(pos.get("column", 0)),
                severity=str(data.get("severity", "error")),
                message=str(data.get("data", "")).rstrip(),
                end_line=end.get("line"),
                end_column=end.get("column"),
            )
        )
    return diagnostics
