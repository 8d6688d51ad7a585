"""The numerical evidence for each statement, read from the last `check-report.json`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .errors import CheckReportError

_FIX = "delete it or run `cachedepth check` to write a new one"


@dataclass(frozen=True)
class CheckRecord:
    """One numerical check of one statement, as `cachedepth check` recorded it."""

    statement: str
    passed: bool
    instances: int
    domain: str
    counterexample: object | None
    reason: str | None


@dataclass
class CheckEvidence:
    """The check report's records by statement name, and how current the report is."""

    path: Path
    exists: bool
    records: dict[str, list[CheckRecord]] = field(default_factory=dict)
    written_at: datetime | None = None
    newest_source: Path | None = None
    newest_source_at: datetime | None = None
    limits: dict = field(default_factory=dict)
    toolchain: str | None = None
    ok: bool | None = None

    @property
    def stale(self) -> bool:
        """Whether some Lean source changed after the report was written."""
        return (self.written_at is not None and self.newest_source_at is not None
                and self.newest_source_at > self.written_at)

    def for_statement(self, name: str) -> list[CheckRecord]:
        return self.records.get(name, [])


def _timestamp(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)


def _record(path: Path, index: int, entry: object) -> CheckRecord:
    where = f"{path}: entry {index} of \"checks\""
    if not isinstance(entry, dict):
        raise CheckReportError(f"{where} is not a JSON object; {_FIX}")
    missing = [key for key in ("statement", "passed", "instances", "domain") if key not in entry]
    if missing:
        raise CheckReportError(f"{where} lacks the field(s) {', '.join(missing)}; {_FIX}")
    if not isinstance(entry["statement"], str) or not isinstance(entry["passed"], bool) \
            or not isinstance(entry["instances"], int) or not isinstance(entry["domain"], str):
        raise CheckReportError(
            f"{where} has a field of the wrong type (statement and domain must be strings, "
            f"passed a boolean, instances an integer); {_FIX}")
    return CheckRecord(entry["statement"], entry["passed"], entry["instances"], entry["domain"],
                       entry.get("counterexample"), entry.get("reason"))


def load_check_evidence(path: Path, sources: list[Path]) -> CheckEvidence:
    """Read the check report at `path`; a missing file gives evidence with `exists=False`.

    `sources` are the Lean files whose modification times decide whether the report is
    stale. Raises `CheckReportError` naming the file when it is not valid JSON or lacks the
    `checks` list that `cachedepth check` writes.
    """
    evidence = CheckEvidence(path=path, exists=path.is_file())
    existing = [p for p in sources if p.is_file()]
    if existing:
        evidence.newest_source = max(existing, key=lambda p: p.stat().st_mtime)
        evidence.newest_source_at = _timestamp(evidence.newest_source)
    if not evidence.exists:
        return evidence

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CheckReportError(f"cannot read the check report {path}: {error}; {_FIX}") from error
    except ValueError as error:
        raise CheckReportError(f"the check report {path} is not valid JSON ({error}); {_FIX}") from error
    if not isinstance(document, dict) or not isinstance(document.get("checks"), list):
        raise CheckReportError(
            f"the check report {path} has no \"checks\" list, so `cachedepth check` did not write it; {_FIX}")

    for index, entry in enumerate(document["checks"]):
        record = _record(path, index, entry)
        evidence.records.setdefault(record.statement, []).append(record)
    evidence.written_at = _timestamp(path)
    limits = document.get("limits")
    evidence.limits = limits if isinstance(limits, dict) else {}
    toolchain = document.get("toolchain")
    evidence.toolchain = toolchain if isinstance(toolchain, str) else None
    ok = document.get("ok")
    evidence.ok = ok if isinstance(ok, bool) else None
    return evidence
