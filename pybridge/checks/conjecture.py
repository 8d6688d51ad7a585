"""Checkers for the proved statements of `CacheDepth/Conjecture.lean`.

The implications there quantify over every Cache-Transformer, which no enumeration can
cover. What can fail in their proofs is the counting and the arithmetic, so these
checkers evaluate exactly that step on every small parameter tuple: from the numbers the
hypotheses provide (the max bound, the window counts) to the product bound. The two open
statements, `product_conjecture` and `window_gap`, have no checker here; they are claims
about all models, not identities between numbers.
"""

from __future__ import annotations

import itertools


from pybridge.checks.formulas import bandwidth_depth, ceil_div, clog2, max_bound, product_bound
from pybridge.checks.grid import check_grid
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult, make_result

# The conjecture checks have seven parameters, so they use a smaller box than the other
# formula checks: n, L ≤ 40, k, s ≤ 12 and H, m, p ≤ 3 (28 million tuples).
_MODEL_AXES = [("n", 40), ("k", 12), ("s", 12), ("H", 3), ("m", 3), ("p", 3), ("L", 40)]


def _truth_tables(values: int) -> list[tuple[bool, ...]]:
    return list(itertools.product((False, True), repeat=values))


def _lists(values: int, max_length: int) -> list[tuple[int, ...]]:
    return [
        entries
        for length in range(max_length + 1)
        for entries in itertools.product(range(values), repeat=length)
    ]


@checker("CacheDepth.length_filter_le_add")
def check_length_filter_le_add(limits: CheckLimits) -> CheckResult:
    """Check |filter P| ≤ |filter Q| + |filter R| when P implies Q or R on the list.

    Enumerates every list of length ≤ 5 over {0, 1, 2} and every triple of predicates on
    {0, 1, 2} given by their truth tables.
    """
    instances, counterexample = 0, None
    tables = _truth_tables(3)
    for entries in _lists(3, 5):
        for P, Q, R in itertools.product(tables, repeat=3):
            if not all(Q[x] or R[x] for x in entries if P[x]):
                continue
            instances += 1
            count = lambda table: sum(1 for x in entries if table[x])  # noqa: E731
            if count(P) > count(Q) + count(R) and counterexample is None:
                counterexample = {"list": list(entries), "P": list(P), "Q": list(Q), "R": list(R)}
    return make_result(
        "CacheDepth.length_filter_le_add", instances,
        "all lists of length ≤ 5 over {0, 1, 2} and all predicates P, Q, R on {0, 1, 2} "
        "with P → Q ∨ R on the list", counterexample,
    )


@checker("CacheDepth.length_filter_lt_le_windows")
def check_length_filter_lt_le_windows(limits: CheckLimits) -> CheckResult:
    """Check that at most q·s keys lie below q·W when every aligned window of width W contains
    at most s keys; keys are lists of length ≤ 4 over 0..7, W ≤ 3, s ≤ 3, q ≤ 4."""
    instances, counterexample = 0, None
    for keys in _lists(8, 4):
        for W, s in itertools.product(range(4), range(4)):
            windows = range(9)
            if any(sum(1 for key in keys if i * W <= key < i * W + W) > s for i in windows):
                continue
            for q in range(5):
                instances += 1
                below = sum(1 for key in keys if key < q * W)
                if below > q * s and counterexample is None:
                    counterexample = {"keys": list(keys), "W": W, "s": s, "q": q}
    return make_result(
        "CacheDepth.length_filter_lt_le_windows", instances,
        "all key lists of length ≤ 4 over 0..7, W ≤ 3, s ≤ 3, q ≤ 4, whose aligned windows "
        "each hold at most s keys", counterexample,
    )


@checker("CacheDepth.product_conjecture_of_gap")
def check_product_conjecture_of_gap(limits: CheckLimits) -> CheckResult:
    """Check the arithmetic of the proof: with W = ⌈log₂ n/(H·m·p)⌉, k ≤ ⌈L/W⌉·s (all k
    hops fit into the windows below L) and W ≤ L (the max bound) give ⌈k/s⌉·W ≤ 2L."""

    def evaluate(n, k, s, H, m, p, L):
        W = bandwidth_depth(n, H, m, p)
        windows = ceil_div(L, W)
        hypothesis = (k >= 1) & (s >= 1) & (W >= 1) & (k <= windows * s) & (W <= L)
        return hypothesis, product_bound(n, k, s, H, m, p) <= 2 * L

    return check_grid(
        "CacheDepth.product_conjecture_of_gap", _MODEL_AXES, evaluate,
        "1 ≤ k, 1 ≤ s, W ≥ 1, k ≤ ⌈L/W⌉·s and W ≤ L",
    )


@checker("CacheDepth.productBound_le_of_wide")
def check_product_bound_le_of_wide(limits: CheckLimits) -> CheckResult:
    """Check max bound ≤ L → 1 ≤ k → 4k ≤ n → 1 ≤ s → ⌈log₂ n⌉ ≤ H·m·p → product bound ≤ L."""
    return check_grid(
        "CacheDepth.productBound_le_of_wide", _MODEL_AXES,
        lambda n, k, s, H, m, p, L: (
            (max_bound(n, k, s, H, m, p) <= L) & (k >= 1) & (4 * k <= n) & (s >= 1)
            & (clog2(n) <= H * m * p),
            product_bound(n, k, s, H, m, p) <= L,
        ),
        "max bound ≤ L, 1 ≤ k, 4k ≤ n, 1 ≤ s and ⌈log₂ n⌉ ≤ H·m·p",
    )


@checker("CacheDepth.productBound_le_of_le_cache")
def check_product_bound_le_of_le_cache(limits: CheckLimits) -> CheckResult:
    """Check max bound ≤ L → 1 ≤ k → 4k ≤ n → k ≤ s → product bound ≤ L."""
    return check_grid(
        "CacheDepth.productBound_le_of_le_cache", _MODEL_AXES,
        lambda n, k, s, H, m, p, L: (
            (max_bound(n, k, s, H, m, p) <= L) & (k >= 1) & (4 * k <= n) & (k <= s),
            product_bound(n, k, s, H, m, p) <= L,
        ),
        "max bound ≤ L, 1 ≤ k, 4k ≤ n and k ≤ s",
    )
