"""The barrier checkers pass, each fails on a wrong variant, and the capacity count is exact."""

from __future__ import annotations

import itertools

import pytest

from pybridge.checks import barrier
from pybridge.checks.barrier import (
    Parameters,
    largest_proved_bound,
    messages_name_pointer,
    window_capacity,
)
from pybridge.checks.result import CheckLimits

# H, m, p ≤ 1 keeps the variants without the wide hypothesis fast.
NARROW = CheckLimits(max_value=8, max_width=1)
CHECKERS = [
    barrier.check_bound_le_reach_depth,
    barrier.check_bound_le_max_bound,
    barrier.check_reach_argument_proves,
    barrier.check_bandwidth_argument_proves,
    barrier.check_max_argument_proves,
]


@pytest.mark.parametrize("check", CHECKERS, ids=lambda check: check.__name__)
def test_checker_passes_default_limits(check) -> None:
    result = check(CheckLimits())
    assert result.passed, result
    assert result.instances >= 1000


def test_capacity_matches_closed_formula() -> None:
    for n, s, H, m, p, W in itertools.product(
        range(10), range(3), range(3), range(3), range(3), range(4)
    ):
        closed = s * W if n <= 2 ** (H * m * p * W) else 0
        assert window_capacity(n, s, H, m, p, W) == closed, (n, s, H, m, p, W)


def test_messages_name_pointer_edges() -> None:
    assert messages_name_pointer(1, 0, 0, 0, 0)
    assert not messages_name_pointer(2, 1, 1, 1, 0)
    assert messages_name_pointer(2, 1, 1, 1, 1)
    assert not messages_name_pointer(5, 2, 1, 1, 1)
    assert messages_name_pointer(4, 2, 1, 1, 1)


def test_named_arguments_counting_sound() -> None:
    for n, s, H, m, p in itertools.product(range(1, 9), range(4), range(3), range(3), range(3)):
        parameters = Parameters(n, s, H, m, p)
        for k in range(5):
            for name, hops_of in barrier.NAMED_ARGUMENTS.items():
                hops = hops_of(parameters, k)
                for W in range(10):
                    assert hops(W) >= window_capacity(n, s, H, m, p, W), (name, parameters, k, W)


def test_largest_proved_bound_examples() -> None:
    # reachArgument with s = 2 reaches k = 5 hops first at L = 3 = ⌈5/2⌉.
    assert largest_proved_bound(lambda W: 2 * W, 5, 10) == 3
    assert largest_proved_bound(lambda W: 0, 1, 10) is None
    assert largest_proved_bound(lambda W: 7, 0, 10) == 0


def test_tables_dominate_capacity() -> None:
    parameters = Parameters(n=4, s=2, H=1, m=1, p=1)
    tables = barrier.dominating_tables(parameters, window_capacity)
    # Capacities 0, 0, 4, 6 under the ceiling 7: 8 · 8 · 4 · 2 tables.
    assert len(tables) == 8 * 8 * 4 * 2
    for table in tables:
        for W, value in enumerate(table):
            assert window_capacity(4, 2, 1, 1, 1, W) <= value <= 7


def test_bound_le_reach_fails_lower_ceiling() -> None:
    result = barrier.check_bound_le_reach_depth(
        CheckLimits(), ceiling=lambda parameters, k: barrier.reach_bound(parameters, k) - 1
    )
    assert not result.passed


def test_bound_le_reach_fails_without_wide() -> None:
    result = barrier.check_bound_le_reach_depth(NARROW, require_wide=False)
    assert not result.passed
    witness = result.counterexample
    parameters = Parameters(witness["n"], witness["s"], witness["H"], witness["m"], witness["p"])
    assert not parameters.wide


def test_bound_le_reach_fails_short_capacity() -> None:
    def capacity_one_layer_late(n: int, s: int, H: int, m: int, p: int, W: int) -> int:
        return window_capacity(n, s, H, m, p, max(W - 1, 0))

    result = barrier.check_bound_le_reach_depth(CheckLimits(), capacity=capacity_one_layer_late)
    assert not result.passed
    assert result.counterexample["argument"].startswith("table")


def test_bound_le_max_fails_lower_ceiling() -> None:
    result = barrier.check_bound_le_max_bound(
        CheckLimits(), ceiling=lambda parameters, k: barrier.max_bound_of(parameters, k) - 1
    )
    assert not result.passed


def test_bound_le_max_fails_zero_bandwidth() -> None:
    """Without the wide hypothesis, H·m·p = 0 lets the bandwidth argument prove every bound."""
    result = barrier.check_bound_le_max_bound(NARROW, require_wide=False)
    assert not result.passed
    witness = result.counterexample
    assert witness["H"] * witness["m"] * witness["p"] == 0
    assert witness["largest proved B"] == "unbounded"


def test_reach_proves_fails_one_more() -> None:
    result = barrier.check_reach_argument_proves(
        CheckLimits(), bound=lambda parameters, k: barrier.reach_bound(parameters, k) + 1
    )
    assert not result.passed


def test_bandwidth_proves_fails_one_more() -> None:
    result = barrier.check_bandwidth_argument_proves(
        CheckLimits(), bound=lambda parameters, k: barrier.bandwidth_bound(parameters, k) + 1
    )
    assert not result.passed


def test_max_proves_fails_one_more() -> None:
    result = barrier.check_max_argument_proves(
        CheckLimits(), bound=lambda parameters, k: barrier.max_bound_of(parameters, k) + 1
    )
    assert not result.passed


def test_max_bound_barrier_any_regime_passes() -> None:
    result = barrier.check_bound_le_max_bound_of_pos(CheckLimits())
    assert result.passed, result.to_json()
    assert result.instances > 0


def test_max_bound_barrier_fails_against_reach_depth() -> None:
    # Outside the wide regime the bandwidth argument proves more than ⌈k/s⌉.
    result = barrier.check_bound_le_max_bound_of_pos(CheckLimits(), ceiling=barrier.reach_bound)
    assert not result.passed
    assert result.counterexample is not None
