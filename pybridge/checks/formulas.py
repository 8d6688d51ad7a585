"""The depth-bound formulas, computed from their mathematical definitions with NumPy.

These definitions do not transcribe the Lean code: ⌈a / b⌉ is floor division of -a,
negated, and ⌈log₂ n⌉ is found by searching for the least t with 2^t ≥ n. Where the Lean
docstrings fix a convention, these functions follow it: ⌈a / 0⌉ = 0 (Lean's a / 0 = 0),
⌈log₂ 0⌉ = 0, and the doubling construction costs max(1, ⌈log₂ s⌉) stages per window.
All functions take integers or integer arrays and return int64 arrays.
"""

from __future__ import annotations

import functools

import numpy as np
from numpy.typing import ArrayLike


def clog2_by_search(n: int) -> int:
    """Return the least t ≥ 0 with 2^t ≥ n, which is ⌈log₂ n⌉ for n ≥ 1 and 0 for n = 0."""
    t = 0
    while 2**t < n:
        t += 1
    return t


@functools.lru_cache(maxsize=16)
def _clog2_lookup(size: int) -> np.ndarray:
    table = np.array([clog2_by_search(value) for value in range(size)], dtype=np.int64)
    table.flags.writeable = False
    return table


def clog2(n: ArrayLike) -> np.ndarray:
    """Return ⌈log₂ n⌉ elementwise, with ⌈log₂ 0⌉ = 0; raises `ValueError` for negative n."""
    values = np.asarray(n, dtype=np.int64)
    if values.size and values.min() < 0:
        raise ValueError(f"clog2 is defined on naturals; got {int(values.min())}")
    largest = int(values.max()) if values.size else 0
    # Rounding the table size up to a power of two keeps the number of cached tables small.
    return _clog2_lookup(max(64, 1 << (largest + 1).bit_length()))[values]


def ceil_div(a: ArrayLike, b: ArrayLike) -> np.ndarray:
    """Return ⌈a / b⌉ elementwise for b > 0, and 0 where b = 0."""
    numerators = np.asarray(a, dtype=np.int64)
    divisors = np.asarray(b, dtype=np.int64)
    return np.where(divisors > 0, -(-numerators // np.maximum(divisors, 1)), 0)


def two_pow(t: ArrayLike) -> np.ndarray:
    """Return 2^t elementwise for 0 ≤ t ≤ 62."""
    return np.left_shift(np.int64(1), np.asarray(t, dtype=np.int64))


def reach_depth(k: ArrayLike, s: ArrayLike) -> np.ndarray:
    """Return ⌈k / s⌉, the windows of s cache entries that k chain tokens need."""
    return ceil_div(k, s)


def bandwidth_depth(n: ArrayLike, heads: ArrayLike, m: ArrayLike, p: ArrayLike) -> np.ndarray:
    """Return ⌈log₂ n / (H·m·p)⌉ as ⌈⌈log₂ n⌉ / (H·m·p)⌉, and 0 where H·m·p = 0.

    The two ceilings agree because ⌈x / B⌉ = ⌈⌈x⌉ / B⌉ for real x ≥ 0 and integer B ≥ 1.
    """
    bandwidth = np.asarray(heads, dtype=np.int64) * np.asarray(m) * np.asarray(p)
    return ceil_div(clog2(n), bandwidth)


def max_bound(
    n: ArrayLike, k: ArrayLike, s: ArrayLike, heads: ArrayLike, m: ArrayLike, p: ArrayLike
) -> np.ndarray:
    """Return the proved lower bound max(⌈k/s⌉, ⌈log₂ n/(H·m·p)⌉)."""
    return np.maximum(reach_depth(k, s), bandwidth_depth(n, heads, m, p))


def product_bound(
    n: ArrayLike, k: ArrayLike, s: ArrayLike, heads: ArrayLike, m: ArrayLike, p: ArrayLike
) -> np.ndarray:
    """Return the conjectured lower bound ⌈k/s⌉ · ⌈log₂ n/(H·m·p)⌉, without its constant."""
    return reach_depth(k, s) * bandwidth_depth(n, heads, m, p)


def doubling_stages(k: ArrayLike, s: ArrayLike) -> np.ndarray:
    """Return min(k, ⌈k/s⌉ · max(1, ⌈log₂ s⌉)), the stages of the windowed doubling construction."""
    per_window = np.maximum(1, clog2(s))
    return np.minimum(np.asarray(k, dtype=np.int64), reach_depth(k, s) * per_window)


def doubling_upper_bound(
    n: ArrayLike, k: ArrayLike, s: ArrayLike, m: ArrayLike, p: ArrayLike
) -> np.ndarray:
    """Return doubling_stages(k, s) · ⌈log₂ n / (m·p)⌉, the one-head doubling upper bound."""
    return doubling_stages(k, s) * ceil_div(clog2(n), np.asarray(m, dtype=np.int64) * np.asarray(p))
