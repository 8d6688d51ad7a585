"""Statement records, their status, and the audit of open statements.

Status rules:

* `definition`: a `def`, `abbrev`, `structure`, `class`, `inductive`, `instance` or `opaque`.
* `open`: a theorem whose proof contains `sorry` (in the source, or reported by Lean as
  "declaration uses `sorry`"), or whose proof refers to an open declaration, directly or
  through other declarations. References are found by name in the source text, so a
  reference hidden in a macro or in field notation (`h.foo`) on a short name shared by
  several declarations can be missed. A textual scan cannot determine more.
* `proved`: every other theorem.

Audit rules (each violation is an error): an open statement without a docstring line
`Status: open`; a proved statement that still carries that line; any `axiom`
declaration; any use of `native_decide`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import networkx as nx

from ..toolchain import Diagnostic
from .source_scan import SourceDeclaration, scan_declarations

SCHEMA_VERSION = 1
PROVED, OPEN, DEFINITION = "proved", "open", "definition"
STATUS_TAG = "Status: open"


@dataclass
class Statement:
    """One declaration of the library with its status; see `docs/statements-schema.md`."""

    name: str
    kind: str
    module: str
    file: str
    line: int
    column: int
    docstring: str | None
    statement: str | None
    status: str
    open_reason: str | None
    tagged_open: bool
    uses: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Problem:
    """An audit error at a source position."""

    file: str
    line: int
    message: str

    def format(self) -> str:
        return f"{self.file}:{self.line}: error: {self.message}"


def scan_library(root: Path, modules: dict) -> list[SourceDeclaration]:
    """Scan every module file for declarations."""
    declarations = []
    for name, module in sorted(modules.items()):
        text = module.path.read_text(encoding="utf-8")
        declarations.extend(scan_declarations(text, name, module.relative_path))
    return declarations


def _resolve(identifier: str, names: set[str], by_short: dict[str, list[str]], namespaces: list[str]) -> str | None:
    """Resolve an identifier to a declaration name, trying enclosing namespaces first."""
    for prefix in namespaces:
        candidate = f"{prefix}.{identifier}" if prefix else identifier
        if candidate in names:
            return candidate
    last = identifier.split(".")[-1]
    candidates = by_short.get(last, [])
    if "." in identifier and len(candidates) == 1:
        return candidates[0]
    return None


def reference_graph(declarations: list[SourceDeclaration]) -> nx.DiGraph:
    """Graph with an edge `A → B` when the source of `A` mentions declaration `B`."""
    names = {d.name for d in declarations}
    by_short: dict[str, list[str]] = {}
    for d in declarations:
        by_short.setdefault(d.name.split(".")[-1], []).append(d.name)
    graph = nx.DiGraph()
    graph.add_nodes_from(names)
    for d in declarations:
        parts = d.name.split(".")
        namespaces = [".".join(parts[:i]) for i in range(len(parts) - 1, -1, -1)]
        for identifier in d.identifiers():
            target = _resolve(identifier, names, by_short, namespaces)
            if target is not None and target != d.name:
                graph.add_edge(d.name, target)
    return graph


def _sorry_lines(diagnostics: list[Diagnostic]) -> set[tuple[str, int]]:
    return {(d.file, d.line) for d in diagnostics if "declaration uses `sorry`" in d.message
            or "declaration uses 'sorry'" in d.message}


def classify(
    declarations: list[SourceDeclaration],
    elaborated: dict[str, str],
    diagnostics: list[Diagnostic],
) -> tuple[list[Statement], list[Problem]]:
    """Give every declaration its status and return the audit problems."""
    sorry_at = _sorry_lines(diagnostics)
    direct_open = {
        d.name for d in declarations
        if not d.is_definition and (
            d.uses_sorry or any(f == d.file and d.line <= line < d.end_line for f, line in sorry_at)
        )
    }
    graph = reference_graph(declarations)
    statements, problems = [], []
    for d in declarations:
        uses = sorted(graph.successors(d.name))
        if d.is_definition:
            status, reason = DEFINITION, None
        elif d.name in direct_open:
            status, reason = OPEN, "closed by sorry"
        else:
            reached = sorted(nx.descendants(graph, d.name) & direct_open)
            if reached:
                status, reason = OPEN, "depends on open " + ", ".join(reached)
            else:
                status, reason = PROVED, None
        statements.append(Statement(
            d.name, d.kind, d.module, d.file, d.line, d.column, d.docstring,
            elaborated.get(d.name), status, reason, d.tagged_open, uses,
        ))
        if status == OPEN and not d.tagged_open:
            problems.append(Problem(d.file, d.line,
                f"{d.name} is open ({reason}) but its docstring lacks a line `{STATUS_TAG}`; "
                "add the tag with the reason it is open, or finish the proof"))
        if status == PROVED and d.tagged_open:
            problems.append(Problem(d.file, d.line,
                f"{d.name} is proved but its docstring says `{STATUS_TAG}`; remove the tag"))
        if d.kind == "axiom":
            problems.append(Problem(d.file, d.line,
                f"{d.name} is an `axiom` declaration; axioms are not allowed, state it as a theorem"))
        if d.uses_native_decide:
            problems.append(Problem(d.file, d.line,
                f"{d.name} uses `native_decide`, which trusts compiled code; use `decide` or a proof"))
    return statements, problems


def statements_document(statements: list[Statement], problems: list[Problem], toolchain: str) -> dict:
    """Return the JSON document written to `statements.json`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "toolchain": toolchain,
        "counts": {s: sum(1 for x in statements if x.status == s) for s in (PROVED, OPEN, DEFINITION)},
        "statements": [s.to_json() for s in statements],
        "problems": [asdict(p) for p in problems],
    }
