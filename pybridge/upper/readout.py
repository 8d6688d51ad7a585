"""Reading the answer off a cache that contains every position (s ≥ n): depth ⌈log₂ n/(m·p)⌉.

Write B = m·p for the bits of one message and W = ⌈⌈log₂ n⌉ / B⌉ for the layers that carry
one token in B-bit chunks (`pointer_bits`). The model has one head, output position 0,
and is built for one hop count k ≥ 1 and a cache of s ≥ n positions.

**States.** `ReadoutState(index, pointer, is_start, answer)`: the position's own index,
pointer and start flag, and the bits of the answer received so far. Initially `answer`
is 0.

**Controller.** Every layer caches all n positions (`sliding_window(n, s)` with s ≥ n), an
oblivious schedule, hence locality-respecting.

**Layers 0, …, W - 1.** In layer c every position receives chunk c of f^[k] x, which its
head computes from the cached view alone: the view contains every position's pointer and
start flag, so the head finds x and follows k pointers. `decode` returns `answer`. This
is the protocol of `readout` in `CacheDepth/UpperBound/Readout.lean`, where `decode`
also reads `answer` as a token.

**Depth.** `readout_depth` = W, for n ≥ 2, k ≥ 1, s ≥ n, m·p ≥ 1. This meets the bandwidth
lower bound ⌈log₂ n/(m·p)⌉ with one head, and it does not depend on k: a message may be
any function of the cached states, so a cache of every position makes the whole instance
readable in one message. One layer fewer fails: the output then misses the last chunk,
which holds the top bit of token n - 1.
"""

from __future__ import annotations

from typing import NamedTuple

from pybridge.model.controllers import sliding_window
from pybridge.model.transformer import CachedView, CacheTransformer
from pybridge.upper.pointer_bits import (
    OUTPUT,
    add_chunk,
    chunk_of,
    pointer_layers,
    validate_full_cache,
)


class ReadoutState(NamedTuple):
    """A position's index, pointer and start flag, and the answer bits it received."""

    index: int
    pointer: int
    is_start: bool
    answer: int


def validate_readout(n: int, k: int, s: int, m: int, p: int) -> None:
    """Raise `ValueError` unless the parameters are valid and the cache can contain every position."""
    validate_full_cache(
        n, k, s, m, p, "the readout", "the head reads the whole instance from the cache"
    )


def readout_depth(n: int, k: int, s: int, m: int, p: int) -> int:
    """Return ⌈⌈log₂ n⌉ / (m·p)⌉, the layers the readout runs. Raises the errors of `validate_readout`."""
    validate_readout(n, k, s, m, p)
    return pointer_layers(n, m * p)


def follow_in_view(view: CachedView, k: int) -> int | None:
    """Return f^[k] x for the pointers and the start flag in `view`, or None when a needed position is missing.

    A run caches every position, so None occurs only for views that no run produces.
    """
    states = dict(view)
    starts = [position for position, state in view if state.is_start]
    if not starts:
        return None
    token = starts[0]
    for _ in range(k):
        if token not in states:
            return None
        token = states[token].pointer
    return token


def build_readout(n: int, k: int, s: int, m: int, p: int) -> CacheTransformer[ReadoutState]:
    """Build the readout model for k-hop pointer chasing on n tokens with one head.

    Run it with `readout_depth(n, k, s, m, p)` layers. Raises the errors of `validate_readout`.
    """
    validate_readout(n, k, s, m, p)
    bandwidth = m * p

    def init(index: int, pointer: int, is_start: bool) -> ReadoutState:
        return ReadoutState(index, pointer, is_start, 0)

    def message(layer: int, head: int, state: ReadoutState, view: CachedView) -> int:
        answer = follow_in_view(view, k)
        return 0 if answer is None else chunk_of(answer, layer, bandwidth)

    def update(layer: int, state: ReadoutState, messages: tuple[int, ...]) -> ReadoutState:
        return state._replace(answer=add_chunk(state.answer, messages[0], layer, bandwidth))

    return CacheTransformer(
        n=n,
        s=s,
        H=1,
        m=m,
        p=p,
        init=init,
        controller=sliding_window(n, s),
        message=message,
        update=update,
        output=OUTPUT,
        decode=lambda state: state.answer,
    )
