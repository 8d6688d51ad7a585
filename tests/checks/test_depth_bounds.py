"""Tests of the checkers for Arith.lean and Formulas.lean and of the Python formulas."""

from __future__ import annotations

import json
import math
from fractions import Fraction

import numpy as np
import pytest

from pybridge.checks import DEFAULT_REGISTRY, CheckLimits, registered_statements
from pybridge.checks.formulas import (
    bandwidth_depth,
    ceil_div,
    clog2,
    clog2_by_search,
    doubling_stages,
    doubling_upper_bound,
    max_bound,
    product_bound,
    reach_depth,
    two_pow,
)
from pybridge.checks.grid import check_grid, describe_grid_domain, model_axes, value_axes

BOUND_MODULES = ("pybridge.checks.arithmetic", "pybridge.checks.depth_bounds")
BOUND_STATEMENTS = [
    name
    for name in registered_statements()
    if DEFAULT_REGISTRY.checker_for(name).__module__ in BOUND_MODULES
]
SMALL = CheckLimits(max_value=10, max_width=2)


def test_bound_statements_cover_both_files() -> None:
    assert "CacheDepth.ceilDiv_le_iff" in BOUND_STATEMENTS
    assert "CacheDepth.maxBound_le_doublingUpperBound" in BOUND_STATEMENTS
    assert len(BOUND_STATEMENTS) == 26


@pytest.mark.parametrize("statement", BOUND_STATEMENTS)
def test_checker_passes_default_limits(statement: str) -> None:
    result = DEFAULT_REGISTRY.checker_for(statement)(CheckLimits())
    assert result.statement == statement
    assert result.passed, result.to_json()
    assert result.counterexample is None
    assert result.instances > 0
    assert result.domain.startswith("all ")
    json.dumps(result.to_json())


def test_ceil_div_matches_fraction() -> None:
    for a in range(41):
        for b in range(1, 41):
            assert int(ceil_div(a, b)) == math.ceil(Fraction(a, b)), (a, b)


def test_ceil_div_zero_divisor_is_zero() -> None:
    assert ceil_div(np.arange(5), 0).tolist() == [0, 0, 0, 0, 0]


def test_clog2_small_values() -> None:
    assert clog2(np.arange(10)).tolist() == [0, 0, 1, 2, 2, 3, 3, 3, 3, 4]


def test_clog2_matches_bit_length() -> None:
    # For n ≥ 1, the least t with 2^t ≥ n is the bit length of n - 1.
    values = np.arange(1, 5000)
    expected = [(int(n) - 1).bit_length() for n in values]
    assert clog2(values).tolist() == expected


def test_clog2_by_search_powers_of_two() -> None:
    for t in range(20):
        assert clog2_by_search(2**t) == t
        assert clog2_by_search(2**t + 1) == t + 1


def test_clog2_rejects_negative() -> None:
    with pytest.raises(ValueError, match="got -1"):
        clog2(np.array([3, -1]))


def test_two_pow_values() -> None:
    assert two_pow(np.array([0, 1, 10, 62])).tolist() == [1, 2, 1024, 2**62]


def test_bandwidth_depth_matches_real_logarithm() -> None:
    # ⌈log₂ n / B⌉ is the least L with B·L ≥ log₂ n, that is 2^(B·L) ≥ n, so this
    # computes the real-logarithm bound exactly, without rounding ⌈log₂ n⌉ first.
    for n in range(1, 70):
        for heads in range(1, 4):
            for m in range(1, 4):
                for p in range(1, 4):
                    bandwidth = heads * m * p
                    least = 0
                    while 2 ** (bandwidth * least) < n:
                        least += 1
                    assert int(bandwidth_depth(n, heads, m, p)) == least, (n, heads, m, p)


def test_bandwidth_depth_zero_bandwidth_is_zero() -> None:
    assert int(bandwidth_depth(16, 0, 3, 2)) == 0


def test_doubling_stages_examples() -> None:
    # min(k, ⌈k/s⌉ · max(1, ⌈log₂ s⌉))
    assert int(doubling_stages(1, 1)) == 1  # a window of one token still costs a stage
    assert int(doubling_stages(8, 2)) == 4  # 4 windows × 1 stage
    assert int(doubling_stages(8, 4)) == 4  # 2 windows × 2 stages
    assert int(doubling_stages(5, 8)) == 3  # 1 window × 3 stages
    assert int(doubling_stages(2, 8)) == 2  # capped by k
    assert int(doubling_stages(7, 0)) == 0  # ⌈k/0⌉ = 0


def test_bound_formulas_examples() -> None:
    # n = 1024 tokens need 10 bits. With k = 12, s = 5: ⌈12/5⌉ = 3.
    assert int(reach_depth(12, 5)) == 3
    assert int(bandwidth_depth(1024, 1, 2, 2)) == 3  # ⌈10 / 4⌉
    assert int(max_bound(1024, 12, 5, 1, 2, 2)) == 3
    assert int(product_bound(1024, 12, 5, 1, 2, 2)) == 9
    assert int(max_bound(1024, 12, 5, 1, 1, 1)) == 10
    # doublingStages(12, 5) = min(12, 3 · 3) = 9 and ⌈10 / (1·1)⌉ = 10.
    assert int(doubling_upper_bound(1024, 12, 5, 1, 1)) == 90


def test_wrong_galois_connection_counterexample() -> None:
    # Drops b from ⌈a/b⌉ ≤ c ↔ a ≤ b·c; a = 2, b = 2, c = 1 is the first tuple where
    # ⌈2/2⌉ ≤ 1 is true but 2 ≤ 1 is false.
    result = check_grid(
        "Test.wrong_galois",
        value_axes(SMALL, "a b c"),
        lambda a, b, c: (b > 0, (ceil_div(a, b) <= c) == (a <= c)),
        "0 < b",
    )
    assert not result.passed
    assert result.counterexample == {"a": 2, "b": 2, "c": 1}
    assert result.instances == 11 * 10 * 11


def test_floor_division_is_not_ceiling() -> None:
    # Claims a ≤ b·⌊a/b⌋, which fails first at a = 1, b = 2.
    result = check_grid(
        "Test.floor",
        value_axes(SMALL, "a b"),
        lambda a, b: (b > 0, a <= b * (a // np.maximum(b, 1))),
        "0 < b",
    )
    assert result.counterexample == {"a": 1, "b": 2}


def test_doubling_without_max_one_breaks_upper_bound() -> None:
    # Without max(1, ·), a window of one token costs ⌈log₂ 1⌉ = 0 stages, so the upper
    # bound drops to 0 and the smallest tuple n = 2, k = s = H = m = p = 1 refutes
    # maxBound ≤ doublingUpperBound.
    def upper_without_max_one(n, k, s, m, p):
        stages = np.minimum(k, ceil_div(k, s) * clog2(s))
        return stages * ceil_div(clog2(n), m * p)

    result = check_grid(
        "Test.no_max_one",
        model_axes(SMALL, "n k s H m p"),
        lambda n, k, s, H, m, p: (
            (n >= 2) & (k > 0) & (s > 0) & (H > 0) & (m * p > 0),
            max_bound(n, k, s, H, m, p) <= upper_without_max_one(n, k, s, m, p),
        ),
    )
    assert result.counterexample == {"n": 2, "k": 1, "s": 1, "H": 1, "m": 1, "p": 1}


def test_single_axis_counterexample() -> None:
    result = check_grid("Test.single", value_axes(SMALL, "n"), lambda n: (True, n < 7))
    assert result.counterexample == {"n": 7}
    assert result.instances == 11


def test_vacuous_grid_check_fails() -> None:
    result = check_grid("Test.vacuous", value_axes(SMALL, "b"), lambda b: (b > 10, True), "b > 10")
    assert not result.passed
    assert result.instances == 0
    assert result.counterexample is None
    assert result.reason is not None
    assert "vacuous" in result.reason


def test_integer_mask_rejected() -> None:
    with pytest.raises(TypeError, match="expected bool"):
        check_grid("Test.integer", value_axes(SMALL, "a"), lambda a: (True, a + 1))


def test_grid_domain_sentence() -> None:
    axes = model_axes(CheckLimits(), "n k s H m p")
    assert describe_grid_domain(axes, "2 ≤ n") == "all n, k, s ≤ 40 and H, m, p ≤ 4, with 2 ≤ n"


def test_vacuous_checker_with_small_limits() -> None:
    # With max_value = 1 no n ≥ 2 is in range, so clog2_pos has no instance.
    result = DEFAULT_REGISTRY.checker_for("CacheDepth.clog2_pos")(CheckLimits(max_value=1))
    assert not result.passed
    assert result.instances == 0
