"""Tests of the executable mirror of the Lean strategy definitions."""

from __future__ import annotations

import itertools
import random

import pytest

from pybridge.checks.enumeration import hop_naive
from pybridge.checks.result import EnumerationTooLarge
from pybridge.errorscaling.strategies import (
    adaptive_success,
    adaptive_success_count,
    cached_through,
    follow_view,
    greedy_strategy,
    revealed_view,
    stage_cache,
)


def test_revealed_view_marks_cached_tokens() -> None:
    assert revealed_view((2, 0, 1), [0, 2]) == (2, None, 1)
    assert revealed_view((2, 0, 1), []) == (None, None, None)


def test_follow_view_by_hand() -> None:
    view = (1, 3, None, 2)
    assert follow_view(view, 0, 2) == 2
    assert follow_view(view, 1, 0) == 1
    assert follow_view(view, 3, 0) == 2
    assert follow_view(view, 4, 0) is None
    assert follow_view(view, 1, 2) is None


def test_greedy_trace_by_hand() -> None:
    # f = (1, 3, 0, 2), C_1 = [0, 1], start 0: the chain is 1, 3, 2, 0. Stage 1 reveals
    # f(0) = 1 and f(1) = 3, so stage 2 caches y_2 = 3. That reveals f(3) = 2, so stage 3
    # caches y_3 = 2.
    f = (1, 3, 0, 2)
    strategy = greedy_strategy([0, 1], 0)
    assert cached_through(strategy, f, 0) == []
    assert cached_through(strategy, f, 1) == [0, 1]
    assert stage_cache(strategy, f, 1) == [3]
    assert cached_through(strategy, f, 2) == [0, 1, 3]
    assert stage_cache(strategy, f, 2) == [2]
    assert adaptive_success(strategy, 0, 4, f)


def test_greedy_empty_cache_when_unknown() -> None:
    # f(0) = 2 is outside C_1 = [0, 1], so stage 2 cannot name y_2 = f(2) and caches nothing.
    f = (2, 0, 1)
    strategy = greedy_strategy([0, 1], 0)
    assert stage_cache(strategy, f, 1) == []
    assert not adaptive_success(strategy, 0, 1, f)


def test_greedy_count_by_hand() -> None:
    # The greedy strategy succeeds exactly when f(0) ∈ C_1: 2·3² = 18 of the 27 maps.
    strategy = greedy_strategy([0, 2], 0)
    assert adaptive_success_count(strategy, 0, 1, 3) == 18
    assert adaptive_success_count(strategy, 0, 3, 3) == 18


def test_success_matches_stage_cache_definition() -> None:
    # adaptive_success builds the cached tokens incrementally; the Lean definition calls
    # stageCache for every stage. Compare the two on strategies that depend on the view.
    generator = random.Random(7)
    n = 3
    views = list(itertools.product([None, *range(n)], repeat=n))
    for _ in range(40):
        table = {
            (stage, view): sorted(generator.sample(range(n), generator.randint(0, n)))
            for stage in range(1, 4)
            for view in views
        }

        def strategy(stage, view, table=table):
            return table[(stage, view)]

        for f in itertools.product(range(n), repeat=n):
            for start in range(n):
                expected = all(
                    hop_naive(f, index + 1, start) in stage_cache(strategy, f, index)
                    for index in range(3)
                )
                assert adaptive_success(strategy, start, 3, f) == expected


def test_success_count_limit_raises() -> None:
    with pytest.raises(EnumerationTooLarge, match="n=7"):
        adaptive_success_count(greedy_strategy([0], 0), 0, 1, 7)
