"""Extraction layer: every declaration of the library with its statement and status."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..build.modules import discover_modules
from ..toolchain import Diagnostic, Toolchain
from .elaborated import elaborate_statements
from .source_scan import SourceDeclaration, scan_declarations
from .statements import (
    DEFINITION, OPEN, PROVED, STATUS_TAG, Problem, Statement, classify, reference_graph,
    scan_library, statements_document,
)

__all__ = [
    "DEFINITION", "OPEN", "PROVED", "STATUS_TAG", "Problem", "SourceDeclaration", "Statement",
    "classify", "extract_statements", "reference_graph", "scan_declarations", "statements_document",
]


def extract_statements(
    root: Path,
    toolchain: Toolchain,
    search_path: list[Path],
    build_diagnostics: list[Diagnostic],
    work_dir: Path,
    elaborate: bool = True,
) -> tuple[list[Statement], list[Problem], list[Diagnostic]]:
    """Scan, elaborate and classify every declaration of the built library.

    Returns the statements, the audit problems, and the probe's Lean errors (a declaration
    that the scanner found but Lean does not know shows up there). With `elaborate=False`
    (used when the build failed) no Lean process runs and every `statement` is None.
    """
    modules = discover_modules(root)
    declarations = scan_library(root, modules)
    library_key = hashlib.sha256(toolchain.info.version.encode())
    for name, module in sorted(modules.items()):
        library_key.update(name.encode() + b"\0" + module.path.read_bytes())
    names = [d.name for d in declarations]
    elaborated: dict[str, str] = {}
    probe_errors: list[Diagnostic] = []
    if elaborate:
        elaborated, probe_errors = elaborate_statements(
            toolchain, names, work_dir, search_path, library_key.hexdigest()
        )
    statements, problems = classify(declarations, elaborated, build_diagnostics)
    for statement in statements:
        if elaborate and statement.statement is None and not probe_errors:
            problems.append(Problem(statement.file, statement.line,
                f"Lean returned no statement for {statement.name}; the source scanner and Lean "
                "disagree on its full name"))
    return statements, problems, probe_errors
