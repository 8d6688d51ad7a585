"""LeanDojo theorem records for every theorem of the library, from the source scanner.

The fields follow the theorem records of the LeanDojo Benchmark (`url`, `commit`,
`file_path`, `full_name`, `start`, `end`), without `traced_tactics`, which only LeanDojo's
own tracing can produce. Positions are `[line, column]` with both 1-based, as LeanDojo's
`Pos`: `start` is the `theorem` or `lemma` keyword (LeanDojo's theorem node starts there,
after the docstring and attributes), and `end` is just past the last character of the
proof, comments excluded. `status` (proved or open) is an extra field.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

from ..build.modules import discover_modules
from ..extraction import SourceDeclaration, classify
from ..extraction.statements import scan_library
from ..gitinfo import RepositoryInfo, repository_info

THEOREM_KINDS = ("theorem", "lemma")


@dataclass(frozen=True)
class TheoremRecord:
    """One theorem as LeanDojo names it."""

    url: str
    commit: str | None
    file_path: str
    full_name: str
    start: tuple[int, int]
    end: tuple[int, int]
    status: str

    def to_json(self) -> dict:
        record = asdict(self)
        record["start"], record["end"] = list(self.start), list(self.end)
        return record


def keyword_position(declaration: SourceDeclaration) -> tuple[int, int]:
    """Return the 1-based (line, column) of the declaration's `theorem` or `lemma` keyword."""
    first_line = declaration.text.splitlines()[0]
    match = re.search(rf"\b{declaration.kind}\b", first_line)
    if match is None:
        raise ValueError(f"{declaration.file}:{declaration.line}: no `{declaration.kind}` keyword "
                         f"on the first line of {declaration.name}")
    return declaration.line, match.start() + 1


def end_position(declaration: SourceDeclaration) -> tuple[int, int]:
    """Return the 1-based (line, column) just past the last non-comment character."""
    lines = declaration.code.splitlines()
    for offset in range(len(lines) - 1, -1, -1):
        content = lines[offset].rstrip()
        if content:
            return declaration.line + offset, len(content) + 1
    return keyword_position(declaration)


def theorem_records(root: Path, repository: RepositoryInfo | None = None) -> list[TheoremRecord]:
    """Return a record for every `theorem` and `lemma` of the library, in module order.

    Reads the sources only; no Lean process starts. `repository` defaults to what local Git
    reports about `root`: the `origin` URL when there is one, else the checkout's path.
    """
    repository = repository or repository_info(root)
    declarations = scan_library(root, discover_modules(root))
    statements, _ = classify(declarations, {}, [])
    status = {s.name: s.status for s in statements}
    return [
        TheoremRecord(
            url=repository.location,
            commit=repository.commit,
            file_path=d.file,
            full_name=d.name,
            start=keyword_position(d),
            end=end_position(d),
            status=status[d.name],
        )
        for d in declarations if d.kind in THEOREM_KINDS
    ]
