"""Tests of the oblivious success counts and of the search over schedules."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import numpy as np
import pytest

from pybridge.checks.enumeration import all_pointer_maps, hop_naive, hop_table
from pybridge.checks.result import EnumerationTooLarge
from pybridge.errorscaling import limits
from pybridge.errorscaling.oblivious import (
    all_schedules,
    max_oblivious_success,
    schedule_representatives,
    schedule_success_count,
)


def count_by_maps(n: int, schedule) -> int:
    """Count the maps with f^i(0) ∈ C_i by applying each map step by step."""
    total = 0
    for f in itertools.product(range(n), repeat=n):
        if all(hop_naive(f, stage, 0) in cache for stage, cache in enumerate(schedule, start=1)):
            total += 1
    return total


def count_by_hop_table(n: int, schedule) -> int:
    """Count the same maps with the vectorized hop table of pybridge.checks.enumeration."""
    table = hop_table(all_pointer_maps(n), len(schedule))
    success = np.ones(n**n, dtype=bool)
    for stage, cache in enumerate(schedule, start=1):
        success &= np.isin(table[stage, :, 0], list(cache))
    return int(success.sum())


def subsets(n: int) -> list[tuple[int, ...]]:
    return [cache for size in range(n + 1) for cache in itertools.combinations(range(n), size)]


def test_schedule_count_all_schedules_n3() -> None:
    for schedule in itertools.product(subsets(3), repeat=2):
        assert schedule_success_count(3, schedule) == count_by_maps(3, schedule), schedule


def test_schedule_count_random_schedules() -> None:
    generator = random.Random(20260417)
    for n, stages in [(4, 3), (5, 3), (5, 4), (6, 2)]:
        for _ in range(15):
            schedule = [
                tuple(sorted(generator.sample(range(n), generator.randint(0, n))))
                for _ in range(stages)
            ]
            expected = count_by_hop_table(n, schedule)
            assert schedule_success_count(n, schedule) == expected, (n, schedule)


def test_schedule_count_one_stage_by_hand() -> None:
    # With one stage, success means f(0) ∈ C: |C| choices of f(0), n choices elsewhere.
    for n in range(1, 6):
        for cache in subsets(n):
            assert schedule_success_count(n, [cache]) == len(cache) * n ** (n - 1)


def test_schedule_count_repeated_cache_by_hand() -> None:
    # C_1 = C_2 = S with 0 ∈ S and |S| = s. Either f(0) = 0, and then y_2 = 0 ∈ S
    # (n^(n-1) maps), or f(0) = a for one of the s - 1 other tokens a of S, and f(a) ∈ S
    # (s choices, n^(n-2) maps for the rest): s·(s-1)·n^(n-2) maps.
    # Together (s² - s + n)·n^(n-2).
    for n in range(2, 6):
        for s in range(1, n + 1):
            cache = tuple(range(s))
            expected = (s * s - s + n) * n ** (n - 2)
            assert schedule_success_count(n, [cache, cache]) == expected, (n, s)


def test_schedule_count_rejects_foreign_token() -> None:
    with pytest.raises(ValueError, match="token 3, which is not in 0..2"):
        schedule_success_count(3, [(0, 3)])


def test_oblivious_maximum_n3_s2_t2_by_hand() -> None:
    # Pr = Σ_{a ∈ C_1} (1/3)·Pr[f(a) ∈ C_2 | f(0) = a]. For a = 0 the second token is 0,
    # for a ≠ 0 it is uniform. C_1 = {0, x}: (1/3)([0 ∈ C_2] + 2/3) ≤ 5/9, reached by
    # C_2 ∋ 0. C_1 = {1, 2}: (1/3)(2/3 + 2/3) = 4/9. So the maximum is 5/9 = 15/27.
    best = max_oblivious_success(3, 2, 2)
    assert best.count == 15
    assert best.probability == Fraction(5, 9)
    assert schedule_success_count(3, best.schedule) == 15


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_reduced_search_equals_plain_search(n: int) -> None:
    for s in range(n + 1):
        for stages in range(1, 4):
            reduced = max_oblivious_success(n, s, stages, reduce_symmetry=True)
            plain = max_oblivious_success(n, s, stages, reduce_symmetry=False)
            assert reduced.count == plain.count, (n, s, stages)
            assert schedule_success_count(n, reduced.schedule) == reduced.count


def test_reduced_search_equals_plain_search_n5() -> None:
    for s in range(6):
        reduced = max_oblivious_success(5, s, 2, reduce_symmetry=True)
        plain = max_oblivious_success(5, s, 2, reduce_symmetry=False)
        assert reduced.count == plain.count, s


def test_representatives_cover_every_class() -> None:
    # Every schedule is equivalent to exactly one representative: same pattern of token 0,
    # same multiset of patterns of the other tokens.
    def signature(schedule) -> tuple:
        patterns = [tuple(token in cache for cache in schedule) for token in range(4)]
        return patterns[0], tuple(sorted(patterns[1:]))

    for s in range(5):
        representatives = list(schedule_representatives(4, s, 3))
        signatures = [signature(schedule) for schedule in representatives]
        assert len(signatures) == len(set(signatures))
        assert set(signatures) == {signature(schedule) for schedule in all_schedules(4, s, 3)}


def test_representatives_fill_every_cache() -> None:
    for schedule in schedule_representatives(5, 3, 3):
        assert [len(cache) for cache in schedule] == [3, 3, 3]


def test_oblivious_too_many_stages_raises() -> None:
    with pytest.raises(EnumerationTooLarge, match="T=9"):
        max_oblivious_success(3, 1, 9)


def test_plain_search_too_large_raises() -> None:
    with pytest.raises(EnumerationTooLarge, match=r"C\(6, 3\)\^5 = 3200000"):
        max_oblivious_success(6, 3, 5, reduce_symmetry=False)


def test_reduced_search_stops_at_schedule_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_SCHEDULES", 3)
    with pytest.raises(EnumerationTooLarge, match="more than 3 schedules"):
        max_oblivious_success(4, 2, 3)
