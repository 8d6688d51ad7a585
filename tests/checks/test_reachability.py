"""The reachability checkers pass, fail on wrong variants, and the schedule search is exact."""

from __future__ import annotations

import pytest

from pybridge.checks import reachability
from pybridge.checks.formulas import max_bound
from pybridge.checks.result import CheckLimits
from pybridge.checks.schedule_search import (
    all_schedules,
    covered,
    exact_schedules,
    find_decoder,
    full_information_model,
    solving_model,
)
from pybridge.model.transformer import all_instances

SMALL = CheckLimits(max_n=3, max_hops=4, max_value=10, max_width=2)
CHECKERS = [
    reachability.check_hop_redirect,
    reachability.check_redirect_eq_off,
    reachability.check_mem_cache_of_oblivious,
    reachability.check_le_mul_of_oblivious,
    reachability.check_max_bound_le_of_oblivious,
    reachability.check_max_bound_holds_of_reachability,
]


@pytest.mark.parametrize("check", CHECKERS, ids=lambda check: check.__name__)
def test_checker_passes_default_limits(check) -> None:
    result = check(CheckLimits())
    assert result.passed, result
    assert result.instances >= 700


def test_redirect_map() -> None:
    assert reachability.redirect(4, 1, 3) == (0, 3, 2, 3)


def test_full_information_state_is_known_facts() -> None:
    """After caching position 1 then 2, the state of position 0 contains the facts of 0, 1 and 2."""
    n = 3
    model = full_information_model(n, ((1,), (2,)), 0)
    f, x = (2, 0, 1), 1
    bits = {1 << (index * 2 * n + 2 * f[index] + int(index == x)) for index in range(n)}
    assert model.states_at(f, x, 2)[0] == sum(bits)
    assert model.states_at(f, x, 1)[0] == sum(bits) - (1 << (2 * 2 * n + 2 * f[2]))


def test_schedule_search_solves_iff_covered() -> None:
    """A schedule has a solving model exactly when it caches every non-output position."""
    checked = 0
    for n in (2, 3):
        for depth in (0, 1, 2):
            for schedule in all_schedules(n, depth):
                for output in range(n):
                    for k in (1, 2, 3):
                        expected = set(range(n)) - {output} <= covered(schedule)
                        found = find_decoder(n, k, schedule, output) is not None
                        assert found == expected, (n, schedule, output, k)
                        checked += 1
    assert checked > 500


def test_found_schedule_models_solve_in_mirror() -> None:
    for n in (2, 3):
        for schedule in exact_schedules(n, 1, n - 1):
            model = solving_model(n, 2, schedule, 0)
            expected = set(range(1, n)) <= covered(schedule)
            assert (model is not None) == expected, schedule
            if model is None:
                continue
            assert model.solves(len(schedule), 2), schedule
            for f, x in all_instances(n):
                assert model.answer(len(schedule), f, x) == f[f[x]]


def test_hop_redirect_fails_zero_hops() -> None:
    result = reachability.check_hop_redirect(SMALL, min_hops=0)
    assert not result.passed
    assert result.counterexample["k"] == 0


def test_redirect_eq_off_fails_at_j() -> None:
    result = reachability.check_redirect_eq_off(SMALL, include_j=True)
    assert not result.passed
    witness = result.counterexample
    assert witness["i"] == witness["j"]


def test_mem_cache_fails_last_layer_skipped() -> None:
    result = reachability.check_mem_cache_of_oblivious(SMALL, skipped_layers=1)
    assert not result.passed


def test_le_mul_fails_all_positions() -> None:
    result = reachability.check_le_mul_of_oblivious(
        SMALL, conclusion=lambda n, s, depth, k: n <= s * depth
    )
    assert not result.passed


def test_le_mul_search_fails_all_positions() -> None:
    """The schedule search alone refutes n ≤ s·L: one slot per layer for n - 1 layers suffices."""
    limits = CheckLimits(max_n=4)
    refuted = [
        (n, s, schedule)
        for n, s, schedule in reachability.schedule_points(limits)
        if n == 4 and find_decoder(n, 1, schedule, 0) is not None and not n <= s * len(schedule)
    ]
    assert refuted


def test_max_bound_oblivious_fails_one_more() -> None:
    def one_more(n: int, k: int, s: int, bits: int, depth: int) -> bool:
        return int(max_bound(n, k, s, bits, 1, 1)) + 1 <= depth

    result = reachability.check_max_bound_le_of_oblivious(SMALL, conclusion=one_more)
    assert not result.passed


def test_max_bound_holds_fails_with_margin() -> None:
    result = reachability.check_max_bound_holds_of_reachability(SMALL, margin=1)
    assert not result.passed
