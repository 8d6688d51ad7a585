"""Sequential chain following by broadcasting pointers: depth k·⌈log₂ n/(m·p)⌉.

Write B = m·p for the bits of one message, W = ⌈⌈log₂ n⌉ / B⌉ for the layers that carry one
token in B-bit chunks (`pointer_bits`), and c_t = f^[t] x for the chain. The model has one
head and output position 0. It does not depend on k: after t·W layers every position
has received c_t.

**States.** `RelayState(index, pointer, holds, received, reached)`: the position's own index
and pointer; whether it holds the pointer being sent, that is, whether it is the chain
token c_t of the current round; the chunks of the round received so far; and the last
chain token completely received. Initially `holds` is the start flag, `received` is 0
and `reached` is the position's own index.

**Controller.** Every layer caches the top s positions by the score 1 if `holds` else 0,
ties broken by the smaller index (`top_by_score`). The score reads only the position's
own state, so the controller is locality-respecting (`topByScore_isLocalityRespecting`
in Lean). Exactly one position holds the pointer at every layer, and it is always cached.

**Round t = 0, 1, … (layers t·W, …, t·W + W - 1).** Layer t·W + c caches c_t, and every
position receives chunk c of the pointer of c_t, the same message for all receivers, and
adds it to `received`. At the last chunk every position sets `reached` to the received
token c_{t+1}, sets `holds` to whether its index is c_{t+1}, and clears `received`.

**Depth.** `pointer_relay_depth` = k·W layers, for n ≥ 2, k ≥ 1, s ≥ 1, m·p ≥ 1. `decode`
returns `reached` of the output position, which is its own index 0 before the first
round ends. One layer fewer fails: the output then holds c_{k-1} (or 0 when k = 1),
which differs from c_k on some instance because n ≥ 2. This is the protocol of
`pointerRelay` in `CacheDepth/UpperBound/PointerRelay.lean`, with output position 0.
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


class RelayState(NamedTuple):
    """A position's index and pointer, whether it holds the pointer being sent, and what it received."""

    index: int
    pointer: int
    holds: bool
    received: int
    reached: int


def pointer_relay_depth(n: int, k: int, s: int, m: int, p: int) -> int:
    """Return k·⌈⌈log₂ n⌉ / (m·p)⌉, the layers the pointer relay runs.

    Raises `ValueError` for parameters outside n ≥ 2, k ≥ 1, s ≥ 1, m ≥ 1, p ≥ 1.
    """
    validate_parameters(n, k, s, m, p)
    return k * pointer_layers(n, m * p)


def holder_score(state: RelayState) -> int:
    """Return the cache score of a position: 1 when it holds the pointer being sent, else 0."""
    return 1 if state.holds else 0


def held_pointer(view: CachedView) -> int | None:
    """Return the pointer of the cached holder, or None when no cached position holds it.

    In a run of the pointer relay exactly one position holds the pointer and it is cached,
    so None occurs only for state vectors that no run reaches.
    """
    for _, state in view:
        if state.holds:
            return state.pointer
    return None


def build_pointer_relay(n: int, k: int, s: int, m: int, p: int) -> CacheTransformer[RelayState]:
    """Build the pointer relay on n tokens with cache size s and one head.

    Run it with `pointer_relay_depth(n, k, s, m, p)` layers to answer k-hop pointer
    chasing. Raises `ValueError` for parameters outside n ≥ 2, k ≥ 1, s ≥ 1, m ≥ 1, p ≥ 1.
    """
    validate_parameters(n, k, s, m, p)
    bandwidth = m * p
    layers_per_round = pointer_layers(n, bandwidth)

    def init(index: int, pointer: int, is_start: bool) -> RelayState:
        return RelayState(index, pointer, is_start, 0, index)

    def message(layer: int, head: int, state: RelayState, view: CachedView) -> int:
        pointer = held_pointer(view)
        if pointer is None:
            return 0
        return chunk_of(pointer, layer % layers_per_round, bandwidth)

    def update(layer: int, state: RelayState, messages: tuple[int, ...]) -> RelayState:
        chunk = layer % layers_per_round
        received = add_chunk(state.received, messages[0], chunk, bandwidth)
        if chunk < layers_per_round - 1:
            return state._replace(received=received)
        return state._replace(holds=state.index == received, received=0, reached=received)

    return CacheTransformer(
        n=n,
        s=s,
        H=1,
        m=m,
        p=p,
        init=init,
        controller=top_by_score(s, holder_score),
        message=message,
        update=update,
        output=OUTPUT,
        decode=lambda state: state.reached,
    )
