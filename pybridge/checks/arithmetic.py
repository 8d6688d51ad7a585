"""Checkers for ceiling division and the ceiling logarithm of `CacheDepth/Bounds/Arith.lean`.

Each checker enumerates every tuple of plain integers (a, a', b, c, h, n, t) in
0..max_value and counts only the tuples that satisfy the statement's hypotheses. ⌈a / b⌉
and ⌈log₂ n⌉ come from `formulas.py`, which computes them from their definitions.
"""

from __future__ import annotations

from pybridge.checks.formulas import ceil_div, clog2, two_pow
from pybridge.checks.grid import check_grid, value_axes
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult


# Arith.lean: ceiling division.


@checker("CacheDepth.ceilDiv_le_iff")
def check_ceil_div_le_iff(limits: CheckLimits) -> CheckResult:
    """Check 0 < b → (⌈a/b⌉ ≤ c ↔ a ≤ b·c) over all a, b, c ≤ max_value."""
    return check_grid(
        "CacheDepth.ceilDiv_le_iff",
        value_axes(limits, "a b c"),
        lambda a, b, c: (b > 0, (ceil_div(a, b) <= c) == (a <= b * c)),
        "0 < b",
    )


@checker("CacheDepth.le_mul_ceilDiv")
def check_le_mul_ceil_div(limits: CheckLimits) -> CheckResult:
    """Check 0 < b → a ≤ b·⌈a/b⌉ over all a, b ≤ max_value."""
    return check_grid(
        "CacheDepth.le_mul_ceilDiv",
        value_axes(limits, "a b"),
        lambda a, b: (b > 0, a <= b * ceil_div(a, b)),
        "0 < b",
    )


@checker("CacheDepth.ceilDiv_le_of_le_mul")
def check_ceil_div_le_of_le_mul(limits: CheckLimits) -> CheckResult:
    """Check 0 < b → a ≤ b·c → ⌈a/b⌉ ≤ c over all a, b, c ≤ max_value."""
    return check_grid(
        "CacheDepth.ceilDiv_le_of_le_mul",
        value_axes(limits, "a b c"),
        lambda a, b, c: ((b > 0) & (a <= b * c), ceil_div(a, b) <= c),
        "0 < b and a ≤ b·c",
    )


@checker("CacheDepth.ceilDiv_pos")
def check_ceil_div_pos(limits: CheckLimits) -> CheckResult:
    """Check 0 < b → 0 < a → 0 < ⌈a/b⌉ over all a, b ≤ max_value."""
    return check_grid(
        "CacheDepth.ceilDiv_pos",
        value_axes(limits, "a b"),
        lambda a, b: ((b > 0) & (a > 0), ceil_div(a, b) > 0),
        "0 < b and 0 < a",
    )


@checker("CacheDepth.ceilDiv_eq_one")
def check_ceil_div_eq_one(limits: CheckLimits) -> CheckResult:
    """Check 0 < a ≤ b → ⌈a/b⌉ = 1 over all a, b ≤ max_value."""
    return check_grid(
        "CacheDepth.ceilDiv_eq_one",
        value_axes(limits, "a b"),
        lambda a, b: ((a > 0) & (a <= b), ceil_div(a, b) == 1),
        "0 < a ≤ b",
    )


@checker("CacheDepth.ceilDiv_mul_le")
def check_ceil_div_mul_le(limits: CheckLimits) -> CheckResult:
    """Check 0 < b → 0 < h → ⌈a/(h·b)⌉ ≤ ⌈a/b⌉ over all a, b, h ≤ max_value."""
    return check_grid(
        "CacheDepth.ceilDiv_mul_le",
        value_axes(limits, "a b h"),
        lambda a, b, h: ((b > 0) & (h > 0), ceil_div(a, h * b) <= ceil_div(a, b)),
        "0 < b and 0 < h",
    )


@checker("CacheDepth.ceilDiv_mono")
def check_ceil_div_mono(limits: CheckLimits) -> CheckResult:
    """Check 0 < b → a ≤ a' → ⌈a/b⌉ ≤ ⌈a'/b⌉ over all a, a', b ≤ max_value."""
    return check_grid(
        "CacheDepth.ceilDiv_mono",
        [("a", limits.max_value), ("a'", limits.max_value), ("b", limits.max_value)],
        lambda **v: (
            (v["b"] > 0) & (v["a"] <= v["a'"]),
            ceil_div(v["a"], v["b"]) <= ceil_div(v["a'"], v["b"]),
        ),
        "0 < b and a ≤ a'",
    )


# Arith.lean: ceiling binary logarithm.


@checker("CacheDepth.clog2_le_iff")
def check_clog2_le_iff(limits: CheckLimits) -> CheckResult:
    """Check ⌈log₂ n⌉ ≤ t ↔ n ≤ 2^t over all n, t ≤ max_value."""
    return check_grid(
        "CacheDepth.clog2_le_iff",
        value_axes(limits, "n t"),
        lambda n, t: (True, (clog2(n) <= t) == (n <= two_pow(t))),
    )


@checker("CacheDepth.le_two_pow_clog2")
def check_le_two_pow_clog2(limits: CheckLimits) -> CheckResult:
    """Check n ≤ 2^⌈log₂ n⌉ over all n ≤ max_value."""
    return check_grid(
        "CacheDepth.le_two_pow_clog2",
        value_axes(limits, "n"),
        lambda n: (True, n <= two_pow(clog2(n))),
    )


@checker("CacheDepth.two_pow_lt_of_lt_clog2")
def check_two_pow_lt_of_lt_clog2(limits: CheckLimits) -> CheckResult:
    """Check t < ⌈log₂ n⌉ → 2^t < n over all n, t ≤ max_value."""
    return check_grid(
        "CacheDepth.two_pow_lt_of_lt_clog2",
        value_axes(limits, "n t"),
        lambda n, t: (t < clog2(n), two_pow(t) < n),
        "t < ⌈log₂ n⌉",
    )


@checker("CacheDepth.clog2_pos")
def check_clog2_pos(limits: CheckLimits) -> CheckResult:
    """Check 2 ≤ n → 0 < ⌈log₂ n⌉ over all n ≤ max_value."""
    return check_grid(
        "CacheDepth.clog2_pos",
        value_axes(limits, "n"),
        lambda n: (n >= 2, clog2(n) > 0),
        "2 ≤ n",
    )


@checker("CacheDepth.clog2_mono")
def check_clog2_mono(limits: CheckLimits) -> CheckResult:
    """Check a ≤ b → ⌈log₂ a⌉ ≤ ⌈log₂ b⌉ over all a, b ≤ max_value."""
    return check_grid(
        "CacheDepth.clog2_mono",
        value_axes(limits, "a b"),
        lambda a, b: (a <= b, clog2(a) <= clog2(b)),
        "a ≤ b",
    )
