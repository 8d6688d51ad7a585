"""The marker relay of `CacheDepth/UpperBound/MarkerRelay.lean`, executable.

It follows the Lean definitions: the state (index, pointer, marked, acc), the controller
`topByScore 1` with the score "marked first", the one-bit messages (during the first k
layers: does the first marked cached position point to the receiver; afterwards: bit
ℓ - k of that position's index) and the update.
"""

from __future__ import annotations

from typing import NamedTuple

from pybridge.model.controllers import top_by_score
from pybridge.model.transformer import CachedView, CacheTransformer


class RelayState(NamedTuple):
    """A position's index, its pointer, whether it is marked, and the answer bits so far."""

    idx: int
    ptr: int
    marked: bool
    acc: int


def relay_score(state: RelayState) -> int:
    """Return the Lean `RelayState.score`: 1 for the marked position, 0 otherwise."""
    return 1 if state.marked else 0


def relay_message(k: int, layer: int, state: RelayState, view: CachedView) -> int:
    """Return the Lean `relayMessage`: a bit, 0 when no cached position is marked."""
    entry = next(((j, cached) for j, cached in view if cached.marked), None)
    if entry is None:
        return 0
    j, cached = entry
    if layer < k:
        return 1 if state.idx == cached.ptr else 0
    return (j >> (layer - k)) & 1


def relay_update(k: int, layer: int, state: RelayState, messages: tuple[int, ...]) -> RelayState:
    """Return the Lean `relayUpdate`."""
    if layer < k:
        return state._replace(marked=messages[0] == 1)
    return state._replace(acc=state.acc + 2 ** (layer - k) * messages[0])


def relay_decode(n: int, state: RelayState) -> int:
    """Return the Lean `relayDecode`: `acc` when it is a token, else the position's index."""
    return state.acc if state.acc < n else state.idx


def marker_relay(n: int, m: int, p: int, k: int, output: int) -> CacheTransformer[RelayState]:
    """Build the Lean `markerRelay n m p k hmp o` (one head, cache of one position).

    Raises `ValueError` when m·p < 1, the hypothesis `hmp` of the Lean definition.
    """
    if m * p < 1:
        raise ValueError(f"m·p={m * p} is invalid; the marker relay sends bits, so m·p ≥ 1")
    return CacheTransformer(
        n=n, s=1, H=1, m=m, p=p,
        init=lambda index, pointer, is_start: RelayState(index, pointer, is_start, 0),
        controller=top_by_score(1, relay_score),
        message=lambda layer, head, state, view: relay_message(k, layer, state, view),
        update=lambda layer, state, messages: relay_update(k, layer, state, messages),
        output=output,
        decode=lambda state: relay_decode(n, state),
    )


def relay_vector(f, y: int, acc: int) -> tuple[RelayState, ...]:
    """Return the Lean `relayVector f y acc`: only `y` is marked, every `acc` is the same."""
    return tuple(RelayState(i, f[i], i == y, acc) for i in range(len(f)))
