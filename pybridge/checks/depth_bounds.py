"""Checkers for the depth-bound formulas of `CacheDepth/Bounds/Formulas.lean`.

Each checker enumerates every integer tuple of a box: plain integers (a, b, n, k, s, L) run
over 0..max_value and the head count H, head dimension m and precision p over
0..max_width. Only tuples that satisfy the statement's hypotheses count as instances. The
formulas come from `formulas.py`, which computes them from their definitions instead of
transcribing the Lean code. The checkers of `CacheDepth/Bounds/Arith.lean` are in
`arithmetic.py`.
"""

from __future__ import annotations

import numpy as np

from pybridge.checks.formulas import (
    bandwidth_depth,
    clog2,
    doubling_stages,
    doubling_upper_bound,
    max_bound,
    product_bound,
    reach_depth,
)
from pybridge.checks.grid import check_grid, model_axes, value_axes
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult


# Formulas.lean: the reachability and bandwidth terms.


@checker("CacheDepth.max_le_mul")
def check_max_le_mul(limits: CheckLimits) -> CheckResult:
    """Check 0 < a → 0 < b → max(a, b) ≤ a·b over all a, b ≤ max_value."""
    return check_grid(
        "CacheDepth.max_le_mul",
        value_axes(limits, "a b"),
        lambda a, b: ((a > 0) & (b > 0), np.maximum(a, b) <= a * b),
        "0 < a and 0 < b",
    )


@checker("CacheDepth.reachDepth_pos")
def check_reach_depth_pos(limits: CheckLimits) -> CheckResult:
    """Check 0 < k → 0 < s → 0 < ⌈k/s⌉ over all k, s ≤ max_value."""
    return check_grid(
        "CacheDepth.reachDepth_pos",
        value_axes(limits, "k s"),
        lambda k, s: ((k > 0) & (s > 0), reach_depth(k, s) > 0),
        "0 < k and 0 < s",
    )


@checker("CacheDepth.reachDepth_eq_one")
def check_reach_depth_eq_one(limits: CheckLimits) -> CheckResult:
    """Check 0 < k ≤ s → ⌈k/s⌉ = 1 over all k, s ≤ max_value."""
    return check_grid(
        "CacheDepth.reachDepth_eq_one",
        value_axes(limits, "k s"),
        lambda k, s: ((k > 0) & (k <= s), reach_depth(k, s) == 1),
        "0 < k ≤ s",
    )


@checker("CacheDepth.reachDepth_le_iff")
def check_reach_depth_le_iff(limits: CheckLimits) -> CheckResult:
    """Check 0 < s → (⌈k/s⌉ ≤ L ↔ k ≤ s·L) over all k, s, L ≤ max_value."""
    return check_grid(
        "CacheDepth.reachDepth_le_iff",
        value_axes(limits, "k s L"),
        lambda k, s, L: (s > 0, (reach_depth(k, s) <= L) == (k <= s * L)),
        "0 < s",
    )


@checker("CacheDepth.bandwidthDepth_pos")
def check_bandwidth_depth_pos(limits: CheckLimits) -> CheckResult:
    """Check 2 ≤ n → 0 < H·m·p → 0 < ⌈log₂ n/(H·m·p)⌉."""
    return check_grid(
        "CacheDepth.bandwidthDepth_pos",
        model_axes(limits, "n H m p"),
        lambda n, H, m, p: ((n >= 2) & (H * m * p > 0), bandwidth_depth(n, H, m, p) > 0),
        "2 ≤ n and 0 < H·m·p",
    )


@checker("CacheDepth.bandwidthDepth_le_iff")
def check_bandwidth_depth_le_iff(limits: CheckLimits) -> CheckResult:
    """Check 0 < H·m·p → (⌈log₂ n/(H·m·p)⌉ ≤ L ↔ ⌈log₂ n⌉ ≤ H·m·p·L)."""
    return check_grid(
        "CacheDepth.bandwidthDepth_le_iff",
        model_axes(limits, "n H m p L"),
        lambda n, H, m, p, L: (
            H * m * p > 0,
            (bandwidth_depth(n, H, m, p) <= L) == (clog2(n) <= H * m * p * L),
        ),
        "0 < H·m·p",
    )


@checker("CacheDepth.bandwidthDepth_eq_one")
def check_bandwidth_depth_eq_one(limits: CheckLimits) -> CheckResult:
    """Check 2 ≤ n → ⌈log₂ n⌉ ≤ H·m·p → ⌈log₂ n/(H·m·p)⌉ = 1."""
    return check_grid(
        "CacheDepth.bandwidthDepth_eq_one",
        model_axes(limits, "n H m p"),
        lambda n, H, m, p: (
            (n >= 2) & (clog2(n) <= H * m * p),
            bandwidth_depth(n, H, m, p) == 1,
        ),
        "2 ≤ n and ⌈log₂ n⌉ ≤ H·m·p",
    )


# Formulas.lean: the max, product and doubling bounds.


@checker("CacheDepth.maxBound_le_productBound")
def check_max_bound_le_product_bound(limits: CheckLimits) -> CheckResult:
    """Check 0 < ⌈k/s⌉ → 0 < ⌈log₂ n/(H·m·p)⌉ → max bound ≤ product bound."""
    return check_grid(
        "CacheDepth.maxBound_le_productBound",
        model_axes(limits, "n k s H m p"),
        lambda n, k, s, H, m, p: (
            (reach_depth(k, s) > 0) & (bandwidth_depth(n, H, m, p) > 0),
            max_bound(n, k, s, H, m, p) <= product_bound(n, k, s, H, m, p),
        ),
        "0 < ⌈k/s⌉ and 0 < ⌈log₂ n/(H·m·p)⌉",
    )


@checker("CacheDepth.maxBound_le_productBound_of_pos")
def check_max_bound_le_product_bound_of_pos(limits: CheckLimits) -> CheckResult:
    """Check 2 ≤ n → 0 < k → 0 < s → 0 < H·m·p → max bound ≤ product bound."""
    return check_grid(
        "CacheDepth.maxBound_le_productBound_of_pos",
        model_axes(limits, "n k s H m p"),
        lambda n, k, s, H, m, p: (
            (n >= 2) & (k > 0) & (s > 0) & (H * m * p > 0),
            max_bound(n, k, s, H, m, p) <= product_bound(n, k, s, H, m, p),
        ),
        "2 ≤ n, 0 < k, 0 < s and 0 < H·m·p",
    )


@checker("CacheDepth.productBound_eq_reachDepth_of_wide")
def check_product_bound_eq_reach_depth_of_wide(limits: CheckLimits) -> CheckResult:
    """Check 2 ≤ n → ⌈log₂ n⌉ ≤ H·m·p → product bound = ⌈k/s⌉."""
    return check_grid(
        "CacheDepth.productBound_eq_reachDepth_of_wide",
        model_axes(limits, "n k s H m p"),
        lambda n, k, s, H, m, p: (
            (n >= 2) & (clog2(n) <= H * m * p),
            product_bound(n, k, s, H, m, p) == reach_depth(k, s),
        ),
        "2 ≤ n and ⌈log₂ n⌉ ≤ H·m·p",
    )


@checker("CacheDepth.productBound_eq_maxBound_of_wide")
def check_product_bound_eq_max_bound_of_wide(limits: CheckLimits) -> CheckResult:
    """Check 2 ≤ n → 0 < k → 0 < s → ⌈log₂ n⌉ ≤ H·m·p → product bound = max bound."""
    return check_grid(
        "CacheDepth.productBound_eq_maxBound_of_wide",
        model_axes(limits, "n k s H m p"),
        lambda n, k, s, H, m, p: (
            (n >= 2) & (k > 0) & (s > 0) & (clog2(n) <= H * m * p),
            product_bound(n, k, s, H, m, p) == max_bound(n, k, s, H, m, p),
        ),
        "2 ≤ n, 0 < k, 0 < s and ⌈log₂ n⌉ ≤ H·m·p",
    )


@checker("CacheDepth.doublingStages_le")
def check_doubling_stages_le(limits: CheckLimits) -> CheckResult:
    """Check min(k, ⌈k/s⌉·max(1, ⌈log₂ s⌉)) ≤ k over all k, s ≤ max_value."""
    return check_grid(
        "CacheDepth.doublingStages_le",
        value_axes(limits, "k s"),
        lambda k, s: (True, doubling_stages(k, s) <= k),
    )


@checker("CacheDepth.reachDepth_le_doublingStages")
def check_reach_depth_le_doubling_stages(limits: CheckLimits) -> CheckResult:
    """Check 0 < s → ⌈k/s⌉ ≤ min(k, ⌈k/s⌉·max(1, ⌈log₂ s⌉)) over all k, s ≤ max_value."""
    return check_grid(
        "CacheDepth.reachDepth_le_doublingStages",
        value_axes(limits, "k s"),
        lambda k, s: (s > 0, reach_depth(k, s) <= doubling_stages(k, s)),
        "0 < s",
    )


@checker("CacheDepth.maxBound_le_doublingUpperBound")
def check_max_bound_le_doubling_upper_bound(limits: CheckLimits) -> CheckResult:
    """Check 2 ≤ n → 0 < k → 0 < s → 0 < H → 0 < m·p → max bound ≤ doubling upper bound."""
    return check_grid(
        "CacheDepth.maxBound_le_doublingUpperBound",
        model_axes(limits, "n k s H m p"),
        lambda n, k, s, H, m, p: (
            (n >= 2) & (k > 0) & (s > 0) & (H > 0) & (m * p > 0),
            max_bound(n, k, s, H, m, p) <= doubling_upper_bound(n, k, s, m, p),
        ),
        "2 ≤ n, 0 < k, 0 < s, 0 < H and 0 < m·p",
    )
