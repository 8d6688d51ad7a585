"""The dependency graph of statements and its layered layout.

Edges come from `reference_graph` of the extraction layer: `A → B` when the source text of
`A` mentions `B`. The layout puts every statement to the right of everything it uses, so
the graph reads from the definitions on the left to the main results on the right.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..extraction import OPEN, SourceDeclaration, Statement, reference_graph


@dataclass(frozen=True)
class NodePosition:
    """Place of one statement in the drawing, in layout units (column, row)."""

    name: str
    column: int
    row: int


class DependencyGraph:
    """Reference graph of the statements, with what each one uses, what uses it, and the open
    statements it rests on."""

    def __init__(self, declarations: list[SourceDeclaration], statements: list[Statement]):
        self.graph: nx.DiGraph = reference_graph(declarations)
        self.status = {s.name: s.status for s in statements}
        # A statement that the extraction did not return (say a scanner/Lean mismatch) is
        # left out, so every node has a status.
        self.graph.remove_nodes_from([n for n in list(self.graph) if n not in self.status])

    def uses(self, name: str) -> list[str]:
        return sorted(self.graph.successors(name)) if name in self.graph else []

    def used_by(self, name: str) -> list[str]:
        return sorted(self.graph.predecessors(name)) if name in self.graph else []

    def dependencies(self, name: str) -> list[str]:
        """Return every statement reachable from `name`, excluding `name` itself."""
        if name not in self.graph:
            return []
        return sorted(nx.descendants(self.graph, name))

    def open_dependencies(self, name: str) -> list[str]:
        """Return the open statements that `name` uses directly or through others."""
        return [d for d in self.dependencies(name) if self.status.get(d) == OPEN]

    def layout(self) -> list[NodePosition]:
        """Place each statement in a column one past the deepest column it uses.

        Statements on a cycle of references share one column. Within a column, rows follow
        the mean row of the used statements (a one-pass barycenter ordering, which keeps
        edges short without minimizing crossings), then the name.
        """
        condensed = nx.condensation(self.graph)
        column_of_component: dict[int, int] = {}
        for component in reversed(list(nx.topological_sort(condensed))):
            successors = [column_of_component[c] for c in condensed.successors(component)]
            column_of_component[component] = 1 + max(successors) if successors else 0
        mapping = condensed.graph["mapping"]
        columns: dict[int, list[str]] = {}
        for name in self.graph:
            columns.setdefault(column_of_component[mapping[name]], []).append(name)

        row_of: dict[str, int] = {}
        positions = []
        for column in sorted(columns):
            def barycenter(name: str) -> float:
                rows = [row_of[u] for u in self.graph.successors(name) if u in row_of]
                return sum(rows) / len(rows) if rows else -1.0

            ordered = sorted(columns[column], key=lambda n: (barycenter(n), n))
            for row, name in enumerate(ordered):
                row_of[name] = row
                positions.append(NodePosition(name, column, row))
        return positions
