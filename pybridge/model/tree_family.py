"""Executable mirror of `CacheDepth/LowerBound/TreeFamily.lean`: the instances of adaptive reachability.

Nodes of the complete (k + 1)-ary tree are numbered level by level: the root is 0 and child
e ≤ k of node c is (k + 1)·c + 1 + e. A parameter g, one digit in range(k + 1) per position,
gives node c < n the digit g[c]. In the instance `build(g)` the token at node c points to
its child with digit g[c], and the output position points to itself. Nodes sit on the
positions other than the output position, in order, so no node is the output position.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

Parameter = tuple[int, ...]
"""A parameter g: the digit of node c is g[c], each in range(k + 1)."""


class TreeFamily:
    """The tree family on n positions for k hops with output position `out`.

    Method names follow the Lean definitions: `position_number` is `posN`, `node_at` is
    `code`, `position` is `pos`, `path_node` is `node`.
    """

    def __init__(self, n: int, k: int, out: int) -> None:
        if not 0 <= out < n:
            raise ValueError(f"out={out} is invalid; it must be a position in range({n})")
        if k < 0:
            raise ValueError(f"k={k} is invalid; it must be at least 0")
        self.n = n
        self.k = k
        self.out = out

    def position_number(self, c: int) -> int:
        """Return the position number of node c: positions other than `out`, in order."""
        return c if c < self.out else c + 1

    def node_at(self, i: int) -> int:
        """Return the node placed at position i (meaningful for i ≠ out)."""
        return i if i < self.out else i - 1

    def position(self, c: int) -> int:
        """Return the position of node c, or `out` when node c does not fit."""
        number = self.position_number(c)
        return number if number < self.n else self.out

    def digit(self, g: Sequence[int], c: int) -> int:
        """Return the digit of node c in g; nodes without a parameter entry get 0."""
        return g[c] if c < self.n else 0

    def child(self, c: int, e: int) -> int:
        """Return child e of node c in the level-by-level numbering."""
        return (self.k + 1) * c + 1 + e

    def path_node(self, g: Sequence[int], j: int) -> int:
        """Return the node reached from the root after j steps along the digits of g."""
        c = 0
        for _ in range(j):
            c = self.child(c, self.digit(g, c))
        return c

    def build(self, g: Sequence[int]) -> tuple[int, ...]:
        """Return the pointer map of parameter g."""
        pointers = []
        for i in range(self.n):
            if i == self.out:
                pointers.append(i)
            else:
                c = self.node_at(i)
                pointers.append(self.position(self.child(c, self.digit(g, c))))
        return tuple(pointers)

    def index(self, g: Sequence[int], j: int) -> int:
        """Return the parameter entry of the j-th path node, or `out` when it has none."""
        c = self.path_node(g, j)
        return c if c < self.n else self.out

    def start(self) -> int:
        """Return the start token of every instance: the position of the root."""
        return self.position(0)

    def parameters(self) -> Iterator[Parameter]:
        """Yield every parameter g in range(k + 1)^n."""
        return itertools.product(range(self.k + 1), repeat=self.n)


def set_at(g: Sequence[int], u: int, value: int) -> Parameter:
    """Return g with its entry u replaced by `value` (Lean's `setAt`)."""
    return tuple(value if i == u else entry for i, entry in enumerate(g))


def fits(n: int, k: int) -> bool:
    """Return whether (k + 1)^(k + 1) ≤ n, the size hypothesis of the tree-family lemmas."""
    return (k + 1) ** (k + 1) <= n
