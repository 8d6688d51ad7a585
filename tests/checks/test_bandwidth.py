"""The bandwidth checkers pass, each fails on a wrong variant, and the search finds what exists."""

from __future__ import annotations

import pytest

from pybridge.checks import bandwidth, bandwidth_search
from pybridge.checks.bandwidth_search import (
    SearchPoint,
    class_size,
    find_model,
    search_results,
    search_schedules,
    solution_model,
)
from pybridge.checks.result import CheckLimits
from pybridge.model.controllers import sliding_window
from pybridge.model.transformer import CacheTransformer

SMALL = CheckLimits(max_n=3, max_hops=4, max_value=10, max_width=2)
CHECKERS = [
    bandwidth.check_length_reachable_states,
    bandwidth.check_states_at_mem_reachable_states,
    bandwidth.check_hop_point_at,
    bandwidth.check_le_two_pow_of_solves,
    bandwidth.check_bandwidth_depth_le_of_solves,
]


@pytest.mark.parametrize("check", CHECKERS, ids=lambda check: check.__name__)
def test_checker_passes_default_limits(check) -> None:
    result = check(CheckLimits())
    assert result.passed, result
    assert result.instances >= 800


def counter_model() -> CacheTransformer[int]:
    """Build a one-head, one-bit model whose update appends the message bit to the state."""
    return CacheTransformer(
        n=2,
        s=2,
        H=1,
        m=1,
        p=1,
        init=lambda index, pointer, is_start: 1,
        controller=sliding_window(2, 2),
        message=lambda layer, head, state, view: 0,
        update=lambda layer, state, messages: 2 * state + messages[0],
        output=0,
        decode=lambda state: 0,
    )


def test_reachable_states_two_layers() -> None:
    # From 1: layer 0 gives 2, 3; layer 1 gives 4, 5 from 2 and 6, 7 from 3.
    assert bandwidth.reachable_states(counter_model(), 1, 2) == [4, 5, 6, 7]
    assert bandwidth.reachable_states(counter_model(), 1, 0) == [1]


def test_point_at_map() -> None:
    assert bandwidth.point_at(4, 2, 0) == (0, 0, 2, 0)


def test_search_finds_model_iff_bound_allows() -> None:
    """With the full cache some member solves exactly when n ≤ 2^(B·L)."""
    checked = 0
    for point, output, schedule, solution in search_results(5):
        full_cache = all(len(cache) == point.n for cache in schedule)
        if point.depth >= 1 and not full_cache:
            continue
        expected = point.depth >= 1 and point.n <= 2 ** (point.bits * point.depth)
        assert (solution is not None) == expected, (point, output, schedule)
        checked += 1
    # Per n = 2..5: 8 pairs (B, L) with 2^(B·L) ≤ 4, times k = 1, 2 and n outputs.
    assert checked == 16 * (2 + 3 + 4 + 5)


def test_found_models_solve_in_mirror() -> None:
    verified = 0
    for point, output, schedule, solution in search_results(4):
        if solution is None:
            continue
        model = solution_model(solution)
        assert model.solves(point.depth, point.k), (point, output, schedule)
        verified += 1
    assert verified >= 50


def test_search_partial_cache_misses_pointer() -> None:
    """With 2 bits and one layer, caching only position 2 cannot reveal f 1 from start 1."""
    point = SearchPoint(n=3, bits=2, depth=1, k=1)
    assert find_model(point, 0, ((2,),)) is None
    assert find_model(point, 0, ((1, 2),)) is not None


def test_search_schedules_per_depth() -> None:
    assert search_schedules(3, 0) == [()]
    assert len(search_schedules(3, 1)) == 8
    assert search_schedules(3, 2) == [((0, 1, 2), (0, 1, 2))]
    assert search_schedules(5, 1) == [((0, 1, 2, 3, 4),)]


def test_class_size_smallest_case() -> None:
    # 4 output facts with the empty view: 2^4 message tables; 4 facts · 2 sequences: 2^8 decoders.
    assert class_size(SearchPoint(n=2, bits=1, depth=1, k=1), 0, ((),)) == 2**4 * 2**8


def test_length_reachable_fails_wrong_formula() -> None:
    def shifted(model: CacheTransformer, layers: int) -> int:
        return bandwidth.sequence_entries(model, layers + 1)

    result = bandwidth.check_length_reachable_states(SMALL, formula=shifted)
    assert not result.passed
    assert result.counterexample["layers"] == 0


def test_states_mem_reachable_fails_short_list() -> None:
    def one_layer_short(model: CacheTransformer, state, layers: int) -> list:
        return bandwidth.reachable_states(model, state, max(layers - 1, 0))

    result = bandwidth.check_states_at_mem_reachable_states(SMALL, reachable=one_layer_short)
    assert not result.passed
    assert result.counterexample["layers"] >= 1


def test_hop_point_at_fails_from_output() -> None:
    result = bandwidth.check_hop_point_at(SMALL, require_start_off_output=False)
    assert not result.passed
    witness = result.counterexample
    assert witness["x"] == witness["o"]
    assert witness["y"] != witness["o"]


def test_le_two_pow_fails_one_bit_less() -> None:
    def one_bit_less(n: int, bits: int, depth: int) -> bool:
        return n <= 2 ** max(bits * depth - 1, 0)

    result = bandwidth.check_le_two_pow_of_solves(SMALL, conclusion=one_bit_less)
    assert not result.passed


def test_le_two_pow_search_fails_one_bit_less() -> None:
    """The search part alone refutes the wrong bound: it finds models with n = 2^(B·L)."""

    def one_bit_less(n: int, bits: int, depth: int) -> bool:
        return n <= 2 ** max(bits * depth - 1, 0)

    refuted = [
        (point, output, schedule)
        for point, output, schedule, solution in search_results(4)
        if solution is not None and not one_bit_less(point.n, point.bits, point.depth)
    ]
    assert refuted


def test_bandwidth_depth_fails_one_layer_more() -> None:
    def one_layer_more(n: int, bits: int, depth: int) -> bool:
        return bandwidth.bandwidth_depth_le(n, bits, depth - 1)

    result = bandwidth.check_bandwidth_depth_le_of_solves(SMALL, conclusion=one_layer_more)
    assert not result.passed
    assert result.counterexample["L"] >= 1


def test_search_max_sequences_bound() -> None:
    assert all(
        bandwidth_search.sequence_count(point.bits, point.depth) <= 4
        for point in bandwidth_search.search_points(5)
    )
