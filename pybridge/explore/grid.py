"""The parameter points of an explore run and the instance set of each point.

Two ranges:

* exhaustive: n = 2..max_n, k = 1..3, s = 1..min(2, k), and one head of dimension 1 with
  precision b = 1..⌈log₂ n⌉ (so H·m·p = b). Every instance is evaluated, one
  representative per relabelling class (`symmetry.instance_classes`). A cache larger than
  k is left out because no evaluation here can use it: a segment has at most k hops.
* conjecture: n = 16, 32, 64, … up to max_shape_n, every k with 4k ≤ n and s with
  16·s² ≤ n, and b as above, so every point meets the hypotheses of
  `CacheDepth.ProductBoundHolds`. Instances are taken one per chain shape and output role
  (`chain_shapes`), which is exact for the evaluations here because they read only
  chain pointers.

Larger H or m change nothing but b = H·m·p in these evaluations, so they are not varied.
"""

from __future__ import annotations

from dataclasses import dataclass

from pybridge.explore.chain_shapes import chain_shape_instances
from pybridge.explore.points import Point, with_layer_bits
from pybridge.explore.symmetry import MAX_CLASS_N, InstanceClass, instance_classes

EXHAUSTIVE = "all classes"
CHAIN_SHAPES = "chain shapes"
MAX_EXHAUSTIVE_K = 3
FIRST_CONJECTURE_N = 16
"""The minimum n with 16·s² ≤ n for s = 1."""


@dataclass(frozen=True)
class GridParameters:
    """The options that decide which points a run evaluates; stored in explore.json."""

    max_n: int
    max_shape_n: int

    def __post_init__(self) -> None:
        if not 2 <= self.max_n <= MAX_CLASS_N:
            raise ValueError(
                f"--max-n {self.max_n} is invalid; it must be in 2..{MAX_CLASS_N}, because the "
                f"exhaustive range enumerates all n^n·n instances"
            )
        if self.max_shape_n != 0 and self.max_shape_n < FIRST_CONJECTURE_N:
            raise ValueError(
                f"--max-shape-n {self.max_shape_n} is invalid; it must be 0 (no conjecture "
                f"range) or at least {FIRST_CONJECTURE_N}, the least n with 16·s² ≤ n"
            )

    def to_json(self) -> dict[str, int]:
        """Return the parameters as stored in explore.json."""
        return {"max_n": self.max_n, "max_shape_n": self.max_shape_n}


@dataclass(frozen=True)
class GridPoint:
    """A point and the kind of instance set it is evaluated on."""

    point: Point
    instance_set: str

    def instances(self) -> list[InstanceClass]:
        """Return the instances of this point: relabelling classes or chain shapes."""
        if self.instance_set == EXHAUSTIVE:
            return instance_classes(self.point.n)
        return chain_shape_instances(self.point.n, self.point.k)


def _pointer_bits(n: int) -> int:
    return (n - 1).bit_length()


def grid_points(parameters: GridParameters) -> list[GridPoint]:
    """Return the points of a run in evaluation order: exhaustive first, then by n, k, s, b."""
    points = []
    for n in range(2, parameters.max_n + 1):
        for k in range(1, MAX_EXHAUSTIVE_K + 1):
            for s in range(1, min(2, k) + 1):
                for bits in range(1, _pointer_bits(n) + 1):
                    points.append(GridPoint(with_layer_bits(n, k, s, bits), EXHAUSTIVE))

    n = FIRST_CONJECTURE_N
    while parameters.max_shape_n and n <= parameters.max_shape_n:
        for k in range(1, n // 4 + 1):
            for s in range(1, k + 1):
                if 16 * s * s > n:
                    break
                for bits in range(1, _pointer_bits(n) + 1):
                    points.append(GridPoint(with_layer_bits(n, k, s, bits), CHAIN_SHAPES))
        n *= 2
    return points
