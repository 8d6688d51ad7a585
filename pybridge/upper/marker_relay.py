"""Sequential chain following with one-bit successor markers: depth k - 1 + ⌈log₂ n/(m·p)⌉.

Write B = m·p for the bits of one message, W = ⌈⌈log₂ n⌉ / B⌉ for the layers that carry one
token in B-bit chunks (`pointer_bits`), and c_t = f^[t] x for the chain. The model has one
head, output position 0, and is built for one hop count k ≥ 1.

**States.** `MarkerState(index, pointer, current, answer)`: the position's own index and
pointer, whether it is the chain token c_t reached so far, and the bits of the answer
received so far (used by the output position only). Initially `current` is the start
flag, so exactly x = c_0 is current, and `answer` is 0.

**Controller.** Every layer caches the top s positions by the score 1 if `current` else 0,
ties broken by the smaller index (`top_by_score`). The score reads only the position's
own state, so the controller is locality-respecting (`topByScore_isLocalityRespecting`
in Lean). Exactly one position is current at every layer, and it is always cached; the
other s - 1 cached positions are the lowest-index ones and no message reads them.

**Layers 0, …, k - 2 (marking).** Layer t caches c_t. Every position i receives the one-bit
message 1 if the cached current token points to i, else 0, and sets `current` to that
bit. So after layer t exactly c_{t+1} is current.

**Layers k - 1, …, k - 2 + W (sending).** Layer k - 1 + c caches c_{k-1}, which stays
current. The output position receives chunk c of the pointer of c_{k-1}, which is
c_k = f^[k] x, and adds it to `answer`; every other position receives 0 and keeps its
state. After the last chunk `answer` is f^[k] x, and `decode` returns `answer`.

**Depth.** `marker_relay_depth` = (k - 1) + W layers, for n ≥ 2, k ≥ 1, s ≥ 1, m·p ≥ 1.
One layer fewer fails: the output then misses the last chunk, which holds the top bit of
token n - 1, so every instance with f^[k] x = n - 1 is answered wrongly.

The one-bit message is allowed because a message may be any function of the receiver's
own state and the cached states; it compares the receiver's index with a cached pointer.
"""

from __future__ import annotations

from typing import NamedTuple

from pybridge.model.controllers import top_by_score
from pybridge.model.transformer import CachedView, CacheTransformer
from pybridge.upper.pointer_bits import (
    OUTPUT,
    add_chunk,
    chunk_of,
    pointer_layers,
    validate_parameters,
)

class MarkerState(NamedTuple):
    """A position's index and pointer, whether it is the chain token reached so far, and the answer bits."""

    index: int
    pointer: int
    current: bool
    answer: int


def marker_relay_depth(n: int, k: int, s: int, m: int, p: int) -> int:
    """Return (k - 1) + ⌈⌈log₂ n⌉ / (m·p)⌉, the layers the marker relay runs.

    Raises `ValueError` for parameters outside n ≥ 2, k ≥ 1, s ≥ 1, m ≥ 1, p ≥ 1.
    """
    validate_parameters(n, k, s, m, p)
    return (k - 1) + pointer_layers(n, m * p)


def current_score(state: MarkerState) -> int:
    """Return the cache score of a position: 1 when it is the current chain token, else 0."""
    return 1 if state.current else 0


def current_pointer(view: CachedView) -> int | None:
    """Return the pointer of the cached current token, or None when no cached position is current.

    In a run of the marker relay exactly one position is current and it is cached, so None
    occurs only for state vectors that no run reaches.
    """
    for _, state in view:
        if state.current:
            return state.pointer
    return None


def build_marker_relay(n: int, k: int, s: int, m: int, p: int) -> CacheTransformer[MarkerState]:
    """Build the marker relay for k-hop pointer chasing on n tokens with cache size s and one head.

    Run it with `marker_relay_depth(n, k, s, m, p)` layers. Raises `ValueError` for
    parameters outside n ≥ 2, k ≥ 1, s ≥ 1, m ≥ 1, p ≥ 1.
    """
    validate_parameters(n, k, s, m, p)
    bandwidth = m * p
    marking_layers = k - 1

    def init(index: int, pointer: int, is_start: bool) -> MarkerState:
        return MarkerState(index, pointer, is_start, 0)

    def message(layer: int, head: int, state: MarkerState, view: CachedView) -> int:
        pointer = current_pointer(view)
        if pointer is None:
            return 0
        if layer < marking_layers:
            return 1 if pointer == state.index else 0
        if state.index != OUTPUT:
            return 0
        return chunk_of(pointer, layer - marking_layers, bandwidth)

    def update(layer: int, state: MarkerState, messages: tuple[int, ...]) -> MarkerState:
        if layer < marking_layers:
            return state._replace(current=messages[0] == 1)
        if state.index != OUTPUT:
            return state
        chunk = layer - marking_layers
        return state._replace(answer=add_chunk(state.answer, messages[0], chunk, bandwidth))

    return CacheTransformer(
        n=n,
        s=s,
        H=1,
        m=m,
        p=p,
        init=init,
        controller=top_by_score(s, current_score),
        message=message,
        update=update,
        output=OUTPUT,
        decode=lambda state: state.answer,
    )
