"""Tests of the Python controllers against the Lean definitions and their docstrings."""

from __future__ import annotations

import itertools

import pytest

from pybridge.model import (
    accumulated_attention,
    beats,
    first_positions,
    heavy_hitter,
    match_attention,
    rank_of,
    recent_positions,
    schedule_controller,
    sinks_and_window,
    sliding_window,
    top_by_score,
    top_positions,
)


@pytest.mark.parametrize(
    ("n", "w", "expected"),
    [(5, 2, [3, 4]), (5, 0, []), (3, 3, [0, 1, 2]), (3, 5, [0, 1, 2]), (0, 2, [])],
)
def test_recent_positions(n: int, w: int, expected: list[int]) -> None:
    assert recent_positions(n, w) == expected


def test_recent_positions_matches_docstring() -> None:
    # The Lean docstring: the last w positions n - w, …, n - 1, all positions when w ≥ n.
    for n in range(8):
        for w in range(10):
            assert recent_positions(n, w) == list(range(max(n - w, 0), n)), (n, w)


@pytest.mark.parametrize(
    ("n", "a", "expected"), [(5, 2, [0, 1]), (2, 4, [0, 1]), (3, 0, []), (0, 3, [])]
)
def test_first_positions(n: int, a: int, expected: list[int]) -> None:
    assert first_positions(n, a) == expected


def test_sliding_window_ignores_states_and_layer() -> None:
    controller = sliding_window(4, 2)
    assert controller(0, (0, 0, 0, 0)) == [2, 3]
    assert controller(7, (2, 1, 0, 1)) == [2, 3]


def test_sinks_and_window_concatenates_with_repeats() -> None:
    # Lean's firstPositions n a ++ recentPositions n w keeps a position in both twice.
    assert sinks_and_window(4, 2, 3)(0, (0, 0, 0, 0)) == [0, 1, 1, 2, 3]
    assert sinks_and_window(4, 1, 1)(0, (0, 0, 0, 0)) == [0, 3]


def test_schedule_controller_follows_layer() -> None:
    schedule = [[2, 0], [1]]
    controller = schedule_controller(schedule.__getitem__)
    assert controller(0, (5, 5, 5)) == [2, 0]
    assert controller(1, (5, 5, 5)) == [1]


def test_schedule_controller_returns_copy() -> None:
    schedule = [[2, 0]]
    cache = schedule_controller(schedule.__getitem__)(0, ())
    cache.append(1)
    assert schedule == [[2, 0]]


def test_beats_higher_score_wins() -> None:
    r = [1, 3]
    assert beats(r, 1, 0)
    assert not beats(r, 0, 1)


def test_beats_tie_smaller_index_wins() -> None:
    r = [2, 2]
    assert beats(r, 0, 1)
    assert not beats(r, 1, 0)
    assert not beats(r, 0, 0)


def test_top_positions_index_order() -> None:
    # Ranks: position 1 first (score 3, smaller index), then 2, 0 and 3.
    r = [1, 3, 3, 0]
    assert [rank_of(r, i) for i in range(4)] == [2, 0, 1, 3]
    assert top_positions(2, r) == [1, 2]
    assert top_positions(3, r) == [0, 1, 2]
    assert top_positions(0, r) == []
    assert top_positions(9, r) == [0, 1, 2, 3]


def test_rank_of_is_sorted_position() -> None:
    # Sorting by (-score, index) lists the positions best first, independently of beats.
    for n in range(5):
        for r in itertools.product(range(4), repeat=n):
            order = sorted(range(n), key=lambda i: (-r[i], i))
            assert [rank_of(r, i) for i in range(n)] == [order.index(i) for i in range(n)], r


def test_top_by_score_uses_own_state() -> None:
    controller = top_by_score(1, lambda state: 2 - state)
    assert controller(0, (2, 0, 1)) == [1]
    assert controller(0, (0, 0, 1)) == [0]


def test_accumulated_attention_lean_example() -> None:
    before = (0, 1, 1)
    after = (0, 1, 0)
    assert [accumulated_attention(match_attention, before, i) for i in range(3)] == [1, 2, 2]
    assert [accumulated_attention(match_attention, after, i) for i in range(3)] == [2, 1, 2]


def test_heavy_hitter_lean_example_caches() -> None:
    # HeavyHitter.lean: the cache of size 1 is position 1 for (0, 1, 1) and 0 for (0, 1, 0).
    controller = heavy_hitter(1, match_attention)
    assert controller(0, (0, 1, 1)) == [1]
    assert controller(0, (0, 1, 0)) == [0]


def test_match_attention() -> None:
    assert match_attention(2, 2) == 1
    assert match_attention(2, 1) == 0
