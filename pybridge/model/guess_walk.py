"""An example for the reachability proof: a correct model that leaves chain tokens uncached.

The naive proof of the reachability half of claim C1 argues that a chain token that is
never cached cannot influence anything. Then redirecting its pointer to an uncached
self-loop would leave the answer unchanged, a contradiction. This model is correct on every instance and
its controller is locality-respecting (Lean's `IsLocalityRespecting`), yet on some instances
it never caches most chain tokens. So the claim "every chain token is cached on every
instance" is false, and a proof of `CacheDepth.reachability` must choose its instance
against the model.

**Guess-verifying walk.** The controller guesses that token t points to t + 1 (mod n). It
caches the start x and walks k hops along the pointers. A token whose pointer equals the
guess is passed without caching it; a token whose pointer differs is cached. Reading an
uncached token's pointer is allowed because any change of that pointer that keeps the
token uncached keeps it equal to the guess. The walk stops, before reading a token, when
the cache is full. The controller reads only pointers and start flags.

**Protocol.** With s ≥ k the walk never stops, so the cached view holds the pointer of
every chain token that differs from the guess. In layer c every position receives chunk c
of f^[k] x, which its head recomputes from the view, and adds it to `answer`; after
W = ⌈⌈log₂ n⌉/(m·p)⌉ layers `decode` returns it. On the instance f(t) = t + 1 with
x = 0, the cache is [0] at every layer, and redirecting t_1 = 1 to a self-loop makes the
walk cache token 1.

This model is not a mirror of a Lean definition; `tests/model/test_guess_walk.py` checks
its locality, its answers and the uncached chain tokens.
"""

from __future__ import annotations

from typing import NamedTuple

from pybridge.model.transformer import CachedView, CacheTransformer, StateVector
from pybridge.upper.pointer_bits import OUTPUT, add_chunk, chunk_of, pointer_layers, validate_parameters


class WalkState(NamedTuple):
    """A position's index, pointer and start flag, and the answer chunks received."""

    index: int
    pointer: int
    is_start: bool
    answer: int


def guess(token: int, n: int) -> int:
    """Return the pointer the controller guesses for `token`: token + 1 mod n."""
    return (token + 1) % n


def guess_walk(states: StateVector, k: int, s: int) -> list[int]:
    """Return the cache: the start, then the tokens within k hops whose pointer differs from the guess.

    The walk stops before reading an uncached token once s positions are cached.
    """
    n = len(states)
    head = next((i for i, state in enumerate(states) if state.is_start), None)
    if head is None or s < 1:
        return []
    cache = [head]
    token = head
    for _ in range(k):
        if token not in cache:
            if len(cache) >= s:
                break
            if states[token].pointer != guess(token, n):
                cache.append(token)
        token = states[token].pointer
    return cache


def follow_view(view: CachedView, k: int, n: int) -> int:
    """Return f^[k] x from the view: cached pointers where listed, the guess elsewhere.

    A token the walk passed without caching it has the guessed pointer, so this is the
    answer whenever the walk did not stop, which s ≥ k guarantees.
    """
    pointers = dict((position, state.pointer) for position, state in view)
    token = view[0][0]
    for _ in range(k):
        token = pointers.get(token, guess(token, n))
    return token


def build_guess_walk(n: int, k: int, s: int, m: int, p: int) -> CacheTransformer[WalkState]:
    """Build the guess-walk model; run it with ⌈⌈log₂ n⌉/(m·p)⌉ layers.

    Raises `ValueError` for parameters outside n ≥ 2, k ≥ 1, m ≥ 1, p ≥ 1 and k ≤ s.
    """
    validate_parameters(n, k, s, m, p)
    if s < k:
        raise ValueError(f"s={s} is too small for the guess walk with k={k}: it needs s ≥ k, "
                         "so that the walk caches every token whose pointer differs from the guess")
    bandwidth = m * p

    def init(index: int, pointer: int, is_start: bool) -> WalkState:
        return WalkState(index, pointer, is_start, 0)

    def message(layer: int, head: int, state: WalkState, view: CachedView) -> int:
        return chunk_of(follow_view(view, k, n), layer, bandwidth) if view else 0

    def update(layer: int, state: WalkState, messages: tuple[int, ...]) -> WalkState:
        return state._replace(answer=add_chunk(state.answer, messages[0], layer, bandwidth))

    return CacheTransformer(
        n=n, s=s, H=1, m=m, p=p, init=init,
        controller=lambda layer, states: guess_walk(states, k, s),
        message=message, update=update, output=OUTPUT,
        decode=lambda state: state.answer if state.answer < n else state.index,
    )


def guess_walk_depth(n: int, m: int, p: int) -> int:
    """Return ⌈⌈log₂ n⌉/(m·p)⌉, the layers the guess walk runs."""
    return pointer_layers(n, m * p)
