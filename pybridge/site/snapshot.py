"""The library as the site shows it: declarations from the source scanner, and statements
with their status from the extraction layer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..build.modules import discover_modules
from ..extraction import Problem, SourceDeclaration, Statement, classify
from ..extraction.statements import scan_library


@dataclass
class LibrarySnapshot:
    """Everything the pages need from the Lean library."""

    root: Path
    declarations: list[SourceDeclaration]
    statements: list[Statement]
    problems: list[Problem]
    toolchain: str
    """Description of the toolchain that elaborated the statements."""
    elaborated: bool
    """Whether Lean elaborated the statements; False leaves every `statement` None."""
    module_files: dict[str, str]
    """Every module of the library and its source path relative to `root`."""
    module_docstrings: dict[str, str]
    """The first `/-! … -/` block of each module, keyed by module name."""

    @classmethod
    def from_extraction(cls, root: Path, statements: list[Statement], problems: list[Problem],
                        toolchain: str, elaborated: bool) -> "LibrarySnapshot":
        """Pair the output of `extract_statements` with a fresh scan of the same sources."""
        modules = discover_modules(root)
        return cls(
            root=root,
            declarations=scan_library(root, modules),
            statements=statements,
            problems=problems,
            toolchain=toolchain,
            elaborated=elaborated,
            module_files={name: module.relative_path for name, module in sorted(modules.items())},
            module_docstrings=_module_docstrings(modules),
        )

    @classmethod
    def from_sources(cls, root: Path) -> "LibrarySnapshot":
        """Scan and classify the sources without Lean, as `extract_statements` does with
        `elaborate=False` and no build diagnostics."""
        modules = discover_modules(root)
        declarations = scan_library(root, modules)
        statements, problems = classify(declarations, {}, [])
        return cls(
            root=root,
            declarations=declarations,
            statements=statements,
            problems=problems,
            toolchain="none: statements read from the sources, not elaborated by Lean",
            elaborated=False,
            module_files={name: module.relative_path for name, module in sorted(modules.items())},
            module_docstrings=_module_docstrings(modules),
        )

    def source_paths(self) -> list[Path]:
        """Return the absolute paths of every module's source file."""
        return [self.root / file for file in self.module_files.values()]


def _module_docstrings(modules: dict) -> dict[str, str]:
    docstrings = {}
    for name, module in modules.items():
        text = module.path.read_text(encoding="utf-8")
        start = text.find("/-!")
        end = text.find("-/", start + 3) if start != -1 else -1
        if end != -1:
            docstrings[name] = text[start + 3:end].strip()
    return docstrings
