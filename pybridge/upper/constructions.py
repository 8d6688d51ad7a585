"""The catalog of explicit upper-bound constructions and the best depth among them.

Each construction is a Cache-Transformer with one head that solves k-hop pointer chasing
on every instance when it runs exactly `depth(n, k, s, m, p)` layers, with a
locality-respecting controller. The module docstrings of `pointer_relay`, `marker_relay`,
`doubling` and `readout` give the protocols; this table sums up their depths, with
W = ⌈⌈log₂ n⌉ / (m·p)⌉ and T the bit length of k:

| construction   | depth                      | needs  |
|----------------|----------------------------|--------|
| pointer relay  | k·W                        | s ≥ 1  |
| marker relay   | k - 1 + W                  | s ≥ 1  |
| doubling       | T·W + popcount(k) - 1      | s ≥ n  |
| readout        | W                          | s ≥ n  |
| windowed marking | ⌈k/s⌉ - 1 + W            | s ≥ 1  |

The pointer relay, the readout and the windowed marking run the protocols of
`pointerRelay`, `readout` and `windowedMarking` in `CacheDepth/UpperBound/`, which Lean
proves correct. The marker relay here sends the answer in m·p-bit chunks, unlike Lean's
`markerRelay`, and the doubling construction has no Lean version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pybridge.model.transformer import CacheTransformer
from pybridge.upper.doubling import build_doubling, doubling_depth
from pybridge.upper.marker_relay import build_marker_relay, marker_relay_depth
from pybridge.upper.pointer_bits import validate_parameters
from pybridge.upper.pointer_relay import build_pointer_relay, pointer_relay_depth
from pybridge.upper.readout import build_readout, readout_depth
from pybridge.upper.windowed_marking import build_windowed_marking, windowed_marking_depth

@dataclass(frozen=True)
class Construction:
    """An explicit model with its exact depth and the parameters it is defined for."""

    name: str
    build: Callable[[int, int, int, int, int], CacheTransformer]
    """Builds the model from n, k, s, m, p."""
    depth: Callable[[int, int, int, int, int], int]
    """The number of layers the model runs, from n, k, s, m, p."""
    applies: Callable[[int, int, int, int, int], bool]
    """Whether the model is defined for n, k, s, m, p (which are already valid)."""
    requirement: str
    """The condition of `applies` in words."""


CONSTRUCTIONS: tuple[Construction, ...] = (
    Construction(
        "pointer relay",
        build_pointer_relay,
        pointer_relay_depth,
        lambda n, k, s, m, p: True,
        "s ≥ 1",
    ),
    Construction(
        "marker relay",
        build_marker_relay,
        marker_relay_depth,
        lambda n, k, s, m, p: True,
        "s ≥ 1",
    ),
    Construction(
        "doubling",
        build_doubling,
        doubling_depth,
        lambda n, k, s, m, p: s >= n,
        "s ≥ n",
    ),
    Construction(
        "readout",
        build_readout,
        readout_depth,
        lambda n, k, s, m, p: s >= n,
        "s ≥ n",
    ),
    Construction(
        "windowed marking",
        build_windowed_marking,
        windowed_marking_depth,
        lambda n, k, s, m, p: True,
        "s ≥ 1",
    ),
)


def applicable_constructions(n: int, k: int, s: int, m: int, p: int) -> list[Construction]:
    """Return the constructions defined for these parameters, in catalog order.

    Raises `ValueError` for parameters outside n ≥ 2, k ≥ 1, s ≥ 1, m ≥ 1, p ≥ 1.
    """
    validate_parameters(n, k, s, m, p)
    return [c for c in CONSTRUCTIONS if c.applies(n, k, s, m, p)]


def best_construction(n: int, k: int, s: int, m: int, p: int) -> tuple[Construction, int]:
    """Return the applicable construction of least depth and that depth.

    Ties go to the earlier construction in the catalog. Raises `ValueError` for parameters
    outside n ≥ 2, k ≥ 1, s ≥ 1, m ≥ 1, p ≥ 1.
    """
    candidates = applicable_constructions(n, k, s, m, p)
    best = min(candidates, key=lambda c: c.depth(n, k, s, m, p))
    return best, best.depth(n, k, s, m, p)
