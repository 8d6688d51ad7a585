"""The interface that every Lean toolchain offers to the build and extraction layers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .diagnostics import Diagnostic

# Options passed to every Lean run. `lakefile.lean` sets the same ones for `lake build`.
LEAN_OPTIONS = ("-DautoImplicit=false",)


class ToolchainError(RuntimeError):
    """No usable Lean toolchain, or the toolchain failed in a way that is not a Lean error."""


@dataclass(frozen=True)
class ToolchainInfo:
    """The toolchain that runs Lean. `kind` is `native` or `npm`, and `version` is Lean's own line."""

    kind: str
    version: str
    detail: str

    def describe(self) -> str:
        return f"{self.kind} toolchain: {self.version} ({self.detail})"


@dataclass
class LeanRun:
    """The outcome of one Lean process on one file."""

    returncode: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    raw_output: str = ""

    @property
    def has_errors(self) -> bool:
        return self.returncode != 0 or any(d.severity == "error" for d in self.diagnostics)


class Toolchain(Protocol):
    """A Lean installation that can compile one module file and elaborate a probe file."""

    info: ToolchainInfo

    def compile_module(
        self, source: Path, display_name: str, olean: Path, ilean: Path, search_path: list[Path]
    ) -> LeanRun:
        """Compile `source`, writing `olean` (and its companion files) and `ilean`."""
        ...

    def elaborate(self, source: Path, display_name: str, search_path: list[Path]) -> LeanRun:
        """Elaborate `source` without writing build outputs, returning its messages."""
        ...
