"""Executable mirror of the adaptive-strategy definitions of `CacheDepth/ErrorScaling/`.

`revealed_view`, `cached_through`, `stage_cache`, `adaptive_success`, `follow_view` and
`greedy_strategy` follow the Lean definitions `revealedView`, `cachedThrough`,
`stageCache`, `adaptiveSuccess`, `followView` and `greedyStrategy` step by step. Caches are
lists, as in Lean, so their order and duplicates are kept. The checkers run these on every
small instance. The game-tree search in `adaptive.py` does not use them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pybridge.checks.enumeration import hop_naive
from pybridge.errorscaling.chains import all_pointer_maps
from pybridge.errorscaling.limits import check_map_count, check_stage_count

View = tuple[int | None, ...]
"""The revealed pointers before a stage: entry j is f(j) for a cached token j, else None."""

Strategy = Callable[[int, View], list[int]]
"""The cache of stage i (1-based) as a function of i and the view before stage i."""


def revealed_view(f: Sequence[int], cached: Sequence[int]) -> View:
    """Return the view after caching the tokens `cached`: f(j) for cached j, None elsewhere."""
    return tuple(f[j] if j in cached else None for j in range(len(f)))


def cached_through(strategy: Strategy, f: Sequence[int], stage: int) -> list[int]:
    """Return the tokens cached in stages 1..`stage`, concatenated in stage order."""
    cached: list[int] = []
    for current in range(1, stage + 1):
        cached = cached + strategy(current, revealed_view(f, cached))
    return cached


def stage_cache(strategy: Strategy, f: Sequence[int], index: int) -> list[int]:
    """Return the cache of stage `index` + 1, as Lean's `stageCache σ f index`."""
    return strategy(index + 1, revealed_view(f, cached_through(strategy, f, index)))


def adaptive_success(strategy: Strategy, start: int, stages: int, f: Sequence[int]) -> bool:
    """Return whether stage i + 1 caches f^(i+1)(start) for every i < `stages`.

    Builds the cached tokens stage by stage, which equals calling `stage_cache` for each i
    because cachedThrough (i + 1) is cachedThrough i followed by stageCache i.
    """
    cached: list[int] = []
    for index in range(stages):
        cache = strategy(index + 1, revealed_view(f, cached))
        if hop_naive(f, index + 1, start) not in cache:
            return False
        cached = cached + cache
    return True


def adaptive_success_count(strategy: Strategy, start: int, stages: int, n: int) -> int:
    """Count the maps on n tokens on which `strategy` succeeds over `stages` stages.

    Raises `EnumerationTooLarge` when T or the n^n maps exceed the limits of `limits.py`.
    """
    check_stage_count(stages)
    check_map_count(n)
    return sum(1 for f in all_pointer_maps(n) if adaptive_success(strategy, start, stages, f))


def follow_view(view: View, steps: int, token: int) -> int | None:
    """Follow the revealed pointers from `token` for `steps` steps; None once one is unknown."""
    for _ in range(steps):
        following = view[token]
        if following is None:
            return None
        token = following
    return token


def greedy_strategy(first_cache: Sequence[int], start: int) -> Strategy:
    """Return Lean's `greedyStrategy first_cache start`.

    Stage 1 caches `first_cache`. Stage i ≥ 2 caches the chain token f^i(start) when the
    view determines it by `follow_view`, and nothing otherwise.
    """
    first = list(first_cache)

    def cache(stage: int, view: View) -> list[int]:
        if stage <= 1:
            return list(first)
        token = follow_view(view, stage, start)
        return [] if token is None else [token]

    return cache
