"""Inputs of every page renderer: the library, the evidence, the graph and the repository."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..extraction import SourceDeclaration, Statement
from ..gitinfo import RepositoryInfo
from .evidence import CheckEvidence
from .graph import DependencyGraph
from .snapshot import LibrarySnapshot


@dataclass
class SiteContext:
    """Inputs of one site build, with lookups by statement name."""

    snapshot: LibrarySnapshot
    evidence: CheckEvidence
    repository: RepositoryInfo
    site_dir: Path
    """The folder the site is finally written to; source links are relative to it."""
    graph: DependencyGraph = field(init=False)
    by_name: dict[str, Statement] = field(init=False)
    declarations: dict[str, SourceDeclaration] = field(init=False)

    def __post_init__(self) -> None:
        self.graph = DependencyGraph(self.snapshot.declarations, self.snapshot.statements)
        self.by_name = {s.name: s for s in self.snapshot.statements}
        self.declarations = {d.name: d for d in self.snapshot.declarations}

    def statements_of(self, module: str) -> list[Statement]:
        """Return the statements of one module in source order."""
        return [s for s in self.snapshot.statements if s.module == module]
