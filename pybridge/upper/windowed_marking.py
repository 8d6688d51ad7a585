"""Windowed marking: the chain resolved s tokens per layer, depth ⌈k/s⌉ - 1 + ⌈log₂ n/(m·p)⌉.

Write B = m·p for the bits of one message, W = ⌈⌈log₂ n⌉ / B⌉ for the layers that carry one
token in B-bit chunks (`pointer_bits`), A = ⌈k/s⌉ - 1 for the marking layers and
r = k - A·s for the hops left after them (1 ≤ r ≤ s). The model has one head and output
position 0. This is `windowedMarking` in `CacheDepth/UpperBound/WindowedMarking.lean`.

**States.** `WindowState(index, pointer, marked, answer)`: the position's own index and
pointer, whether it is the marked chain token (initially the start flag), and the sum of
the answer chunks received (initially 0).

**Controller.** Every layer caches the segment of s tokens from the first marked position,
following the cached pointers (`segment_controller`, Lean's `segmentController`). It reads
only the pointers of positions it caches, so it is locality-respecting
(`segmentController_isLocalityRespecting` in Lean).

**Layers ℓ < A (marking).** Every position receives 1 exactly when it is the token s hops
after the first cached entry, read off the cached pointers, and sets `marked` to that
bit. After ℓ layers the marked token is f^[ℓ·s] x.

**Layers A + c, c < W (readout).** Every position receives chunk c of the token r hops
after the first cached entry, which is f^[k] x, and adds it to `answer`. `decode` returns
`answer` when it is a token, else the position's own index, as Lean's `natToken`.

**Depth.** `windowed_marking_depth` = A + W layers, for n ≥ 2, k ≥ 1, s ≥ 1, m·p ≥ 1. It is
at most the doubling upper bound and below twice the max lower bound
(`windowedMarking_depth_le_doublingUpperBound`, `windowedMarking_depth_lt_two_mul_maxBound`).
"""

from __future__ import annotations

from typing import NamedTuple

from pybridge.model.controllers import segment_controller
from pybridge.model.transformer import CachedView, CacheTransformer
from pybridge.upper.pointer_bits import (
    OUTPUT,
    add_chunk,
    chunk_of,
    pointer_layers,
    validate_parameters,
)


class WindowState(NamedTuple):
    """A position's index and pointer, whether it is the marked chain token, and the answer chunks received."""

    index: int
    pointer: int
    marked: bool
    answer: int


def mark_layers(k: int, s: int) -> int:
    """Return ⌈k/s⌉ - 1, the marking layers (Lean's `markLayers`)."""
    return -(-k // s) - 1


def last_hops(k: int, s: int) -> int:
    """Return k - (⌈k/s⌉ - 1)·s, the hops the readout follows (Lean's `lastHops`)."""
    return k - mark_layers(k, s) * s


def windowed_marking_depth(n: int, k: int, s: int, m: int, p: int) -> int:
    """Return ⌈k/s⌉ - 1 + ⌈⌈log₂ n⌉ / (m·p)⌉, the layers the windowed marking runs.

    Raises `ValueError` for parameters outside n ≥ 2, k ≥ 1, s ≥ 1, m ≥ 1, p ≥ 1.
    """
    validate_parameters(n, k, s, m, p)
    return mark_layers(k, s) + pointer_layers(n, m * p)


def view_hop(view: CachedView, hops: int, default: int) -> int:
    """Return the token `hops` hops after the first entry of `view`, by the pointers it lists.

    A token the view does not list points to itself, and an empty view gives `default`, as
    in Lean's `viewHop`. Runs of the model never reach either case.
    """
    if not view:
        return default
    pointers: dict[int, int] = {}
    for position, state in view:
        pointers.setdefault(position, state.pointer)
    token = view[0][0]
    for _ in range(hops):
        token = pointers.get(token, token)
    return token


def build_windowed_marking(n: int, k: int, s: int, m: int, p: int) -> CacheTransformer[WindowState]:
    """Build the windowed marking on n tokens with cache size s and one head.

    Run it with `windowed_marking_depth(n, k, s, m, p)` layers to answer k-hop pointer
    chasing. Raises `ValueError` for parameters outside n ≥ 2, k ≥ 1, s ≥ 1, m ≥ 1, p ≥ 1.
    """
    validate_parameters(n, k, s, m, p)
    bandwidth = m * p
    marking = mark_layers(k, s)
    rest = last_hops(k, s)

    def init(index: int, pointer: int, is_start: bool) -> WindowState:
        return WindowState(index, pointer, is_start, 0)

    def message(layer: int, head: int, state: WindowState, view: CachedView) -> int:
        if layer < marking:
            bit = 1 if state.index == view_hop(view, s, state.index) else 0
            return chunk_of(bit, 0, bandwidth)
        return chunk_of(view_hop(view, rest, state.index), layer - marking, bandwidth)

    def update(layer: int, state: WindowState, messages: tuple[int, ...]) -> WindowState:
        if layer < marking:
            return state._replace(marked=messages[0] == 1)
        return state._replace(answer=add_chunk(state.answer, messages[0], layer - marking, bandwidth))

    def decode(state: WindowState) -> int:
        return state.answer if state.answer < n else state.index

    return CacheTransformer(
        n=n,
        s=s,
        H=1,
        m=m,
        p=p,
        init=init,
        controller=segment_controller(s, lambda state: state.marked, lambda state: state.pointer),
        message=message,
        update=update,
        output=OUTPUT,
        decode=decode,
    )
