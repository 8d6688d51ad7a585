"""The depth formulas of the constructions, by hand and against the bound formulas."""

from __future__ import annotations

import itertools

import pytest

from pybridge.checks import formulas
from pybridge.upper import CONSTRUCTIONS, best_construction
from pybridge.upper.doubling import DOUBLE, MARK, SEND, doubling_depth, doubling_schedule
from pybridge.upper.marker_relay import marker_relay_depth
from pybridge.upper.pointer_bits import chunk_of, pointer_bits, pointer_layers
from pybridge.upper.pointer_relay import pointer_relay_depth
from pybridge.upper.readout import readout_depth
from pybridge.upper.windowed_marking import windowed_marking_depth

# Every (n, k, s, m·p) with n ≤ 40, k ≤ 12, s ≤ 12 and m·p ≤ 6; formulas only, no model runs.
GRID = list(itertools.product(range(2, 41), range(1, 13), range(1, 13), range(1, 7)))


def test_depths_at_first_hand_point() -> None:
    # n = 5, k = 3, s = 2, m = 1, p = 2: ⌈log₂ 5⌉ = 3 because 4 < 5 ≤ 8, so W = ⌈3/2⌉ = 2.
    # Pointer relay k·W = 6; marker relay (k - 1) + W = 2 + 2 = 4; windowed marking
    # (⌈3/2⌉ - 1) + W = 1 + 2 = 3; s < n, so no full-cache model.
    # maxBound = max(⌈3/2⌉, ⌈3/2⌉) = 2; productBound = 2·2 = 4;
    # doublingStages = min(3, ⌈3/2⌉·max(1, ⌈log₂ 2⌉)) = min(3, 2·1) = 2, so doublingUpperBound = 2·2 = 4.
    n, k, s, m, p = 5, 3, 2, 1, 2
    assert pointer_relay_depth(n, k, s, m, p) == 6
    assert marker_relay_depth(n, k, s, m, p) == 4
    assert windowed_marking_depth(n, k, s, m, p) == 3
    assert best_construction(n, k, s, m, p)[1] == 3
    assert best_construction(n, k, s, m, p)[0].name == "windowed marking"
    assert int(formulas.max_bound(n, k, s, 1, m, p)) == 2
    assert int(formulas.product_bound(n, k, s, 1, m, p)) == 4
    assert int(formulas.doubling_upper_bound(n, k, s, m, p)) == 4


def test_depths_at_second_hand_point() -> None:
    # n = 4, k = 4, s = 4, m = 1, p = 1: ⌈log₂ 4⌉ = 2, so W = 2.
    # Pointer relay 4·2 = 8; marker relay 3 + 2 = 5; readout W = 2.
    # Doubling: k = 4 = 0b100 has bit length T = 3 and one set bit, so T·W + 0 = 6 layers:
    # bits 0 and 1 are 0 (no marking layers), two doubling rounds of 2 layers, 2 sending layers.
    # maxBound = max(⌈4/4⌉, 2) = 2; doublingStages = min(4, 1·max(1, ⌈log₂ 4⌉)) = 2, so
    # doublingUpperBound = 2·2 = 4, and the best depth 2 is half of it.
    n, k, s, m, p = 4, 4, 4, 1, 1
    assert pointer_relay_depth(n, k, s, m, p) == 8
    assert marker_relay_depth(n, k, s, m, p) == 5
    assert doubling_depth(n, k, s, m, p) == 6
    assert readout_depth(n, k, s, m, p) == 2
    assert best_construction(n, k, s, m, p) == (
        next(c for c in CONSTRUCTIONS if c.name == "readout"), 2,
    )
    assert int(formulas.max_bound(n, k, s, 1, m, p)) == 2
    assert int(formulas.doubling_upper_bound(n, k, s, m, p)) == 4


def test_doubling_schedule_with_marking_layer() -> None:
    # k = 3 = 0b11: T = 2; bit 0 is set, so one marking layer precedes the doubling round.
    # n = 3 has ⌈log₂ 3⌉ = 2 bits, so W = 2 with m·p = 1: 1 + 2 + 2 = 5 layers.
    schedule = doubling_schedule(3, 3, 3, 1, 1)
    assert [step.kind for step in schedule] == [MARK, DOUBLE, DOUBLE, SEND, SEND]
    assert [step.power for step in schedule] == [0, 0, 0, 1, 1]
    assert [step.chunk for step in schedule] == [0, 0, 1, 0, 1]
    assert doubling_depth(3, 3, 3, 1, 1) == len(schedule)


@pytest.mark.parametrize("k", range(1, 20))
def test_doubling_depth_matches_schedule_length(k: int) -> None:
    for n, s, bandwidth in [(2, 2, 1), (5, 5, 2), (9, 12, 3)]:
        assert doubling_depth(n, k, s, 1, bandwidth) == len(doubling_schedule(n, k, s, 1, bandwidth))


def test_pointer_layers_is_bandwidth_depth() -> None:
    for n, bandwidth in itertools.product(range(2, 70), range(1, 8)):
        expected = int(formulas.bandwidth_depth(n, 1, 1, bandwidth))
        assert pointer_layers(n, bandwidth) == expected, (n, bandwidth)


def test_last_chunk_holds_top_bit() -> None:
    # The exactness argument: token n - 1 has a nonzero last chunk.
    for n, bandwidth in itertools.product(range(2, 70), range(1, 8)):
        last = pointer_layers(n, bandwidth) - 1
        assert chunk_of(n - 1, last, bandwidth) != 0, (n, bandwidth)
        assert (n - 1) >> (pointer_bits(n) - 1) == 1, n


def test_marker_relay_never_deeper_than_pointer_relay() -> None:
    for n, k, s, bandwidth in GRID:
        assert marker_relay_depth(n, k, s, 1, bandwidth) <= pointer_relay_depth(n, k, s, 1, bandwidth)


def test_best_depth_respects_max_bound() -> None:
    # The bandwidth half of the max bound is a theorem for every model, and the reachability
    # half for oblivious ones. So a best depth below the max bound would be a wrong formula.
    for n, k, s, bandwidth in GRID:
        if 4 * k <= n:
            lower = int(formulas.max_bound(n, k, s, 1, 1, bandwidth))
            assert best_construction(n, k, s, 1, bandwidth)[1] >= lower, (n, k, s, bandwidth)


def test_best_depth_within_doubling_bound_everywhere() -> None:
    # The windowed marking needs ⌈k/s⌉ - 1 + W ≤ ⌈k/s⌉·W ≤ doublingStages·W layers
    # (windowedMarking_depth_le_doublingUpperBound), so no grid point exceeds the bound.
    for n, k, s, bandwidth in GRID:
        bound = int(formulas.doubling_upper_bound(n, k, s, 1, bandwidth))
        assert best_construction(n, k, s, 1, bandwidth)[1] <= bound, (n, k, s, bandwidth)


def test_windowed_marking_below_twice_max_bound() -> None:
    # windowedMarking_depth_lt_two_mul_maxBound, with the max bound from the formulas module.
    for n, k, s, bandwidth in GRID:
        lower = int(formulas.max_bound(n, k, s, 1, 1, bandwidth))
        assert windowed_marking_depth(n, k, s, 1, bandwidth) < 2 * lower, (n, k, s, bandwidth)


def test_marker_relay_above_doubling_bound_somewhere() -> None:
    # n = 3, k = 2, s = 2, m·p = 1: doublingStages = min(2, 1·1) = 1 and W = 2, so the bound is
    # 2, while the marker relay needs 1 + 2 = 3 layers; the windowed marking needs 0 + 2 = 2.
    assert int(formulas.doubling_upper_bound(3, 2, 2, 1, 1)) == 2
    assert marker_relay_depth(3, 2, 2, 1, 1) == 3
    assert best_construction(3, 2, 2, 1, 1) == (
        next(c for c in CONSTRUCTIONS if c.name == "windowed marking"), 2,
    )
