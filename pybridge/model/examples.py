"""A complete worked example of a Cache-Transformer: a chain follower with the full cache."""

from __future__ import annotations

from typing import NamedTuple

from pybridge.model.controllers import sliding_window
from pybridge.model.transformer import CachedView, CacheTransformer


class FollowerState(NamedTuple):
    """A position's index, its pointer, its start flag and the chain token reached so far.

    `reached` is None before the first layer and hop f ℓ x after layer ℓ ≥ 1.
    """

    index: int
    pointer: int
    is_start: bool
    reached: int | None


def chain_follower(n: int) -> CacheTransformer[FollowerState]:
    """Build the model that follows the chain one hop per layer, with every position cached.

    It has s = n, one head, m = 1 and p = ⌈log₂ n⌉, so one message can name any token. At
    layer 0 every position receives the pointer of the start position, and at each later
    layer the pointer of the token reached so far. With L ≥ 1 layers its answer is
    hop f L x, so it solves k-hop pointer chasing with L = k for every k ≥ 1. With 0 layers
    its answer is token 0. Raises `ValueError` when n < 1.
    """
    if n < 1:
        raise ValueError(f"n={n} is invalid; the chain follower needs at least one token")

    def init(index: int, pointer: int, is_start: bool) -> FollowerState:
        return FollowerState(index, pointer, is_start, None)

    def message(layer: int, head: int, state: FollowerState, view: CachedView) -> int:
        cached = dict(view)
        if state.reached is None:
            source = next(cached_state for cached_state in cached.values() if cached_state.is_start)
        else:
            source = cached[state.reached]
        return source.pointer

    def update(layer: int, state: FollowerState, messages: tuple[int, ...]) -> FollowerState:
        return state._replace(reached=messages[0])

    def decode(state: FollowerState) -> int:
        return 0 if state.reached is None else state.reached

    return CacheTransformer(
        n=n,
        s=n,
        H=1,
        m=1,
        p=(n - 1).bit_length(),
        init=init,
        controller=sliding_window(n, n),
        message=message,
        update=update,
        output=0,
        decode=decode,
    )
