"""The project's Lean modules and their import graph."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

LIBRARY = "CacheDepth"

# `import X`, `public import X`, `meta import X`, … at the start of a line.
_IMPORT = re.compile(r"^(?:public\s+|private\s+|meta\s+)*import\s+(?:all\s+)?([A-Za-z0-9_.«»]+)")


class ModuleGraphError(ValueError):
    """The module files do not form a valid import graph (missing module or cycle)."""


@dataclass(frozen=True)
class LeanModule:
    """One source file of the library: `name` is the dotted module name."""

    name: str
    path: Path
    imports: tuple[str, ...]
    import_lines: tuple[int, ...]

    @property
    def relative_path(self) -> str:
        return self.name.replace(".", "/") + ".lean"


def module_name(root: Path, path: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def parse_imports(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Return the imported module names and their 1-based line numbers.

    Only the header is read: scanning stops at the first line that is neither blank, a
    comment, `module`, `prelude` nor an import.
    """
    names, lines = [], []
    in_block_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if in_block_comment:
            in_block_comment = "-/" not in line
            continue
        if not line or line.startswith("--") or line in ("module", "prelude"):
            continue
        if line.startswith("/-"):
            in_block_comment = "-/" not in line
            continue
        match = _IMPORT.match(line)
        if not match:
            break
        names.append(match.group(1))
        lines.append(number)
    return tuple(names), tuple(lines)


def discover_modules(root: Path) -> dict[str, LeanModule]:
    """Find `CacheDepth.lean` and every `.lean` file under `CacheDepth/`."""
    paths = [root / f"{LIBRARY}.lean", *sorted((root / LIBRARY).rglob("*.lean"))]
    modules = {}
    for path in paths:
        if not path.is_file():
            continue
        imports, lines = parse_imports(path.read_text(encoding="utf-8"))
        name = module_name(root, path)
        modules[name] = LeanModule(name, path, imports, lines)
    if not modules:
        raise ModuleGraphError(f"no Lean modules found: expected {root / (LIBRARY + '.lean')}")
    return modules


def import_graph(modules: dict[str, LeanModule]) -> nx.DiGraph:
    """Return the graph with an edge `A → B` when module `B` imports project module `A`.

    Imports outside the library (`Init`, `Std`, `Lean`) are not nodes. Raises
    `ModuleGraphError` naming the file and line of an import of a missing project module,
    or naming the modules of an import cycle.
    """
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for module in modules.values():
        for imported, line in zip(module.imports, module.import_lines):
            if imported.split(".")[0] != LIBRARY:
                continue
            if imported not in modules:
                raise ModuleGraphError(
                    f"{module.relative_path}:{line}: imports {imported}, but "
                    f"{imported.replace('.', '/')}.lean does not exist"
                )
            graph.add_edge(imported, module.name)
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return graph
    names = " → ".join(edge[0] for edge in cycle) + f" → {cycle[0][0]}"
    raise ModuleGraphError(f"import cycle: {names}")
