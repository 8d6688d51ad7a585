"""Tests of the adaptive game-tree search against strategy enumeration and hand counts."""

from __future__ import annotations

import functools
import itertools
from fractions import Fraction

import pytest

from pybridge.checks.result import EnumerationTooLarge
from pybridge.errorscaling import limits
from pybridge.errorscaling.adaptive import max_adaptive_success
from pybridge.errorscaling.oblivious import max_oblivious_success


def caches_up_to(n: int, s: int, smallest: int = 0) -> list[tuple[int, ...]]:
    sizes = range(min(smallest, s, n), min(s, n) + 1)
    return [cache for size in sizes for cache in itertools.combinations(range(n), size)]


def extended_states(n: int, state: frozenset, cache: tuple[int, ...]) -> list[frozenset]:
    """Return every pair set that caching `cache` can reveal after the pairs `state`."""
    known = dict(state)
    new_tokens = [token for token in cache if token not in known]
    return [
        state | frozenset(zip(new_tokens, images))
        for images in itertools.product(range(n), repeat=len(new_tokens))
    ]


def all_strategies(n: int, s: int, stages: int, smallest: int = 0):
    """Yield every deterministic strategy as a dict (stage, revealed pairs) → cache.

    Caches of every size from `smallest` up to s are allowed, and a choice is made for
    every pair set that the earlier choices can reveal.
    """
    choices = caches_up_to(n, s, smallest)

    def extend(stage: int, states: list[frozenset], strategy: dict):
        if stage > stages:
            yield dict(strategy)
            return
        for picks in itertools.product(choices, repeat=len(states)):
            chosen = dict(strategy)
            following = set()
            for state, cache in zip(states, picks):
                chosen[(stage, state)] = cache
                following.update(extended_states(n, state, cache))
            yield from extend(stage + 1, sorted(following, key=sorted), chosen)

    yield from extend(1, [frozenset()], {})


@functools.lru_cache(maxsize=None)
def reveal(f: tuple[int, ...], revealed: frozenset, cache: tuple[int, ...]) -> frozenset:
    return revealed | frozenset((cached, f[cached]) for cached in cache)


def strategy_success_count(n: int, stages: int, strategy: dict) -> int:
    successes = 0
    for f in itertools.product(range(n), repeat=n):
        revealed: frozenset = frozenset()
        token = 0
        for stage in range(1, stages + 1):
            cache = strategy[(stage, revealed)]
            token = f[token]
            if token not in cache:
                break
            revealed = reveal(f, revealed, cache)
        else:
            successes += 1
    return successes


def best_by_strategy_enumeration(n: int, s: int, stages: int, smallest: int = 0) -> int:
    strategies = all_strategies(n, s, stages, smallest)
    return max(strategy_success_count(n, stages, strategy) for strategy in strategies)


@pytest.mark.parametrize(
    ("n", "s", "stages"),
    [(1, 1, 3), (2, 0, 2), (2, 1, 1), (2, 1, 2), (2, 1, 3), (2, 2, 2), (3, 1, 1), (3, 1, 2)],
)
def test_search_equals_strategy_enumeration(n: int, s: int, stages: int) -> None:
    expected = best_by_strategy_enumeration(n, s, stages)
    assert max_adaptive_success(n, s, stages, reduce_symmetry=True).count == expected
    assert max_adaptive_success(n, s, stages, reduce_symmetry=False).count == expected


def test_search_equals_full_cache_strategies_n3() -> None:
    # Of the cases small enough to enumerate strategies, only this one has adaptivity
    # beat every schedule (18 against 15 maps), so it distinguishes the game-tree search
    # from a search over schedules. Caches of every size would mean 7^9 choices in
    # stage 2, so these strategies cache exactly two tokens per stage (3 · 3^9 strategies).
    expected = best_by_strategy_enumeration(3, 2, 2, smallest=2)
    assert expected == 18
    assert max_adaptive_success(3, 2, 2, reduce_symmetry=False).count == expected


def test_strategy_enumeration_counts_strategies() -> None:
    # n = 2, s = 1, T = 2: three first caches ({}, {0}, {1}); {} reveals one pair set,
    # {0} and {1} reveal two each, and every pair set gets one of three caches:
    # 3 + 9 + 9 = 21 strategies.
    assert sum(1 for _ in all_strategies(2, 1, 2)) == 21


def test_adaptive_n3_s2_t2_by_hand() -> None:
    # Stage 1 caches a fixed C_1 of two tokens, and f(0) ∈ C_1 on 2·3² = 18 of the 27
    # maps, so no strategy beats 18. C_1 = {0, 1} reaches 18: on success it reveals
    # f(0) = y_1 and, because y_1 ∈ {0, 1}, also y_2 = f(y_1), which C_2 then caches.
    best = max_adaptive_success(3, 2, 2)
    assert best.count == 18
    assert best.probability == Fraction(2, 3)


def test_adaptive_n2_s1_t2_by_hand() -> None:
    # Maps (f(0), f(1)): 00, 01, 10, 11. C_1 = {0} succeeds on 00 and 01, reveals
    # f(0) = 0, so y_2 = 0 and C_2 = {0} keeps both: 2 of 4. C_1 = {1} succeeds on 10
    # and 11 and reveals f(1) = y_2, so C_2 = {f(1)} keeps both: also 2 of 4.
    assert max_adaptive_success(2, 1, 2).count == 2


@pytest.mark.parametrize("n", [2, 3, 4])
def test_reduced_first_cache_equals_all(n: int) -> None:
    for s in range(n + 1):
        for stages in range(1, 4):
            reduced = max_adaptive_success(n, s, stages, reduce_symmetry=True).count
            plain = max_adaptive_success(n, s, stages, reduce_symmetry=False).count
            assert reduced == plain, (n, s, stages)


def test_adaptive_at_least_oblivious() -> None:
    # A schedule is a strategy that ignores the revealed pairs.
    for n in range(1, 5):
        for s in range(n + 1):
            for stages in range(1, 4):
                adaptive = max_adaptive_success(n, s, stages).count
                oblivious = max_oblivious_success(n, s, stages).count
                assert adaptive >= oblivious, (n, s, stages)


def test_later_cache_size_by_hand() -> None:
    # n = 3, s = 1, T = 2. With full later caches, stage 2 always succeeds, so the count is
    # the 9 maps with f(0) in the one-token first cache. With empty later caches, nothing
    # succeeds in stage 2.
    assert max_adaptive_success(3, 1, 2, later_size=3).count == 9
    assert max_adaptive_success(3, 1, 2, later_size=0).count == 0
    assert max_adaptive_success(3, 1, 1, later_size=0).count == 9


def test_adaptive_map_limit_raises() -> None:
    with pytest.raises(EnumerationTooLarge, match=r"n=7 .*7\^7 = 823543"):
        max_adaptive_success(7, 2, 2)


def test_adaptive_node_limit_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ADAPTIVE_NODES", 10)
    with pytest.raises(EnumerationTooLarge, match="more than 10 information classes"):
        max_adaptive_success(4, 4, 3)


def test_adaptive_needs_one_stage() -> None:
    with pytest.raises(ValueError, match="T=0 is invalid"):
        max_adaptive_success(3, 1, 0)
