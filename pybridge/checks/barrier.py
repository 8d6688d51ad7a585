"""Checkers for the counting barrier of `CacheDepth/LowerBound/Barrier.lean`.

The window capacity is recomputed by brute force: `messages_name_pointer` enumerates the
message sequences that a position receives in a window of W layers, W·H messages of
2^(m·p) values each, and counts them until it reaches n. So the closed formula
`if n ≤ 2^(H·m·p·W) then s·W else 0` of Lean is never used here.

An argument is represented by its function `hops`. The largest bound B that it proves for
k hops is the least depth L with k ≤ hops L, because `Proves k B` requires every such L to
be at least B. When no L has k ≤ hops L, it proves every B. `largest_proved_bound` finds
that L by scanning.

The barrier statements are checked on every tuple n ≤ 8, s ≤ 3, H, m, p ≤ 2 and k ≤ 4 and
on a finite family of counting-sound arguments: the three arguments of `Barrier.lean`, and
every table hops : {0, …, 3} → {0, …, 3s + 1} with hops W ≥ capacity W, extended beyond
W = 3 by the capacity itself. That extension is the least counting-sound one, so it proves
the largest bound of all sound extensions of the table.

Each checker takes a keyword-only argument that replaces its conclusion, a hypothesis or
the capacity. The registry never passes it; the tests do, to show that the checker can fail.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from pybridge.checks.controller_support import Tally
from pybridge.checks.formulas import bandwidth_depth, clog2_by_search, max_bound, reach_depth
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult, make_result

BARRIER_MAX_N = 8
"""Largest token count n of the barrier checks."""
BARRIER_MAX_S = 3
"""Largest cache size s of the barrier checks."""
BARRIER_MAX_K = 4
"""Largest hop count k of the barrier checks over argument families."""
PROVES_MAX_K = 6
"""Largest hop count k of the checks that one named argument proves its bound."""
TABLE_WINDOWS = 3
"""The tables give hops W for W = 0..3."""

Hops = Callable[[int], int]
"""An argument's bound on the hops that a window of W layers resolves."""
Capacity = Callable[[int, int, int, int, int, int], int]
"""Maps n, s, H, m, p and W to the window capacity."""


@functools.lru_cache(maxsize=None)
def messages_name_pointer(n: int, H: int, m: int, p: int, W: int) -> bool:
    """Return whether the message sequences of a W-layer window number at least n.

    Enumerates the sequences of W·H messages, each in range(2^(m·p)), and stops at n.
    """
    sequences = itertools.product(range(2 ** (m * p)), repeat=W * H)
    return sum(1 for _ in itertools.islice(sequences, n)) >= n


def window_capacity(n: int, s: int, H: int, m: int, p: int, W: int) -> int:
    """Return `windowCapacity n s H m p W`: s·W when the window can name a pointer, else 0."""
    return s * W if messages_name_pointer(n, H, m, p, W) else 0


@dataclass(frozen=True)
class Parameters:
    """Token count, cache size, heads, head dimension and precision of a counting argument."""

    n: int
    s: int
    H: int
    m: int
    p: int

    def describe(self) -> dict[str, int]:
        """Return the parameters as JSON values."""
        return {"n": self.n, "s": self.s, "H": self.H, "m": self.m, "p": self.p}

    @property
    def wide(self) -> bool:
        """Whether ⌈log₂ n⌉ ≤ H·m·p, the hypothesis of the barrier."""
        return clog2_by_search(self.n) <= self.H * self.m * self.p


def scan_limit(parameters: Parameters, k: int) -> int:
    """Return a depth from which the capacity reaches k if it ever does.

    s·L ≥ k from L = k on when s ≥ 1, and the window names a pointer from L = ⌈log₂ n⌉ ≤ n
    on when H·m·p ≥ 1. Both are monotone in L, so if the capacity is below k at this depth
    it is below k at every depth. The depth is at least TABLE_WINDOWS + 1.
    """
    return max(TABLE_WINDOWS + 1, k, parameters.n)


def largest_proved_bound(hops: Hops, k: int, limit: int) -> int | None:
    """Return the least L ≤ limit with k ≤ hops L, the largest B with `Proves k B`.

    Returns None when no L ≤ limit qualifies, which the callers choose only when no larger
    L qualifies either, so that the argument proves every B.
    """
    for depth in range(limit + 1):
        if k <= hops(depth):
            return depth
    return None


def reach_hops(parameters: Parameters, k: int) -> Hops:
    """Return `reachArgument.hops`: s·W."""
    return lambda W: parameters.s * W


def bandwidth_hops(parameters: Parameters, k: int) -> Hops:
    """Return `bandwidthArgument.hops`: s·W + k when W layers name a pointer, else 0."""
    n, s, H, m, p = parameters.n, parameters.s, parameters.H, parameters.m, parameters.p
    return lambda W: s * W + k if messages_name_pointer(n, H, m, p, W) else 0


def min_hops(parameters: Parameters, k: int) -> Hops:
    """Return `maxArgument.hops`: the smaller of the two."""
    reach, band = reach_hops(parameters, k), bandwidth_hops(parameters, k)
    return lambda W: min(reach(W), band(W))


NAMED_ARGUMENTS: dict[str, Callable[[Parameters, int], Hops]] = {
    "reachArgument": reach_hops,
    "bandwidthArgument": bandwidth_hops,
    "maxArgument": min_hops,
}


def parameter_box(limits: CheckLimits, zero_widths: bool = True) -> Iterator[Parameters]:
    """Yield every n ≤ 8, s ≤ 3 and H, m, p ≤ 2, capped by max_value and max_width."""
    top_width = min(limits.max_width, 2)
    widths = range(0 if zero_widths else 1, top_width + 1)
    for n in range(1, min(limits.max_value, BARRIER_MAX_N) + 1):
        for s in range(min(limits.max_value, BARRIER_MAX_S) + 1):
            for H, m, p in itertools.product(widths, repeat=3):
                yield Parameters(n, s, H, m, p)


def dominating_tables(parameters: Parameters, capacity: Capacity) -> np.ndarray:
    """Return every table hops : {0..3} → {0..3s + 1} with hops W ≥ capacity W, one per row."""
    top = parameters.s * TABLE_WINDOWS + 1
    columns = []
    for W in range(TABLE_WINDOWS + 1):
        least = capacity(parameters.n, parameters.s, parameters.H, parameters.m, parameters.p, W)
        columns.append(range(least, top + 1))
    rows = list(itertools.product(*columns))
    return np.array(rows, dtype=np.int64).reshape(len(rows), TABLE_WINDOWS + 1)


def table_bounds(
    parameters: Parameters, tables: np.ndarray, k: int, capacity: Capacity
) -> np.ndarray:
    """Return the largest bound each table proves for k hops, -1 for unbounded.

    Beyond W = 3 a table continues with the capacity, so a table without an entry ≥ k
    proves the least L > 3 whose capacity is ≥ k.
    """
    n, s, H, m, p = parameters.n, parameters.s, parameters.H, parameters.m, parameters.p
    extension = largest_proved_bound(
        lambda W: capacity(n, s, H, m, p, W) if W > TABLE_WINDOWS else -1,
        k,
        scan_limit(parameters, k),
    )
    reached = tables >= k
    first = np.argmax(reached, axis=1)
    return np.where(reached.any(axis=1), first, -1 if extension is None else extension)


Bound = Callable[[Parameters, int], int]
"""Maps the parameters and k to the bound that a barrier statement compares with."""


def reach_bound(parameters: Parameters, k: int) -> int:
    """Return ⌈k/s⌉."""
    return int(reach_depth(k, parameters.s))


def max_bound_of(parameters: Parameters, k: int) -> int:
    """Return max(⌈k/s⌉, ⌈log₂ n/(H·m·p)⌉)."""
    return int(max_bound(parameters.n, k, parameters.s, parameters.H, parameters.m, parameters.p))


def describe_bound(
    parameters: Parameters, k: int, argument: str, bound: int | None
) -> dict[str, Any]:
    """Return an argument's largest proved bound as JSON values."""
    return {
        **parameters.describe(),
        "k": k,
        "argument": argument,
        "largest proved B": "unbounded" if bound is None else bound,
    }


def check_barrier(
    statement: str,
    limits: CheckLimits,
    ceiling: Bound,
    ceiling_text: str,
    require_wide: bool,
    capacity: Capacity,
    hypothesis_text: str = "⌈log₂ n⌉ ≤ H·m·p",
    require_bandwidth: bool = False,
) -> CheckResult:
    """Check 1 ≤ k → 1 ≤ s → ⌈log₂ n⌉ ≤ H·m·p → A.Proves k B → B ≤ ceiling on the family.

    With `require_bandwidth`, only parameters with 1 ≤ H·m·p are checked.

    One instance is one (parameters, argument, k), checked at the argument's largest
    proved bound B, which covers every smaller B because `Proves k` is closed downwards.
    """
    instances = 0
    counterexample: dict[str, Any] | None = None
    for parameters in parameter_box(limits):
        if parameters.s < 1 or not (parameters.wide or not require_wide):
            continue
        if require_bandwidth and parameters.H * parameters.m * parameters.p < 1:
            continue
        tables = dominating_tables(parameters, capacity)
        for k in range(1, min(limits.max_value, BARRIER_MAX_K) + 1):
            top = ceiling(parameters, k)
            limit = scan_limit(parameters, k)
            failures = []
            for name, hops_of in NAMED_ARGUMENTS.items():
                bound = largest_proved_bound(hops_of(parameters, k), k, limit)
                instances += 1
                if bound is None or bound > top:
                    failures.append((name, bound))
            bounds = table_bounds(parameters, tables, k, capacity)
            instances += len(bounds)
            failing = np.flatnonzero((bounds < 0) | (bounds > top))
            if failing.size:
                row = int(failing[0])
                bound = int(bounds[row])
                name = "table " + ", ".join(str(int(value)) for value in tables[row])
                failures.append((name, None if bound < 0 else bound))
            if failures and counterexample is None:
                name, bound = failures[0]
                counterexample = {**describe_bound(parameters, k, name, bound), "ceiling": top}
    domain = (
        f"all n ≤ {min(limits.max_value, BARRIER_MAX_N)}, 1 ≤ s ≤ "
        f"{min(limits.max_value, BARRIER_MAX_S)}, H, m, p ≤ {min(limits.max_width, 2)} and "
        f"1 ≤ k ≤ {min(limits.max_value, BARRIER_MAX_K)} with {hypothesis_text}, the three "
        "arguments of Barrier.lean and every table hops : {0..3} → {0..3s + 1} that dominates "
        "the brute-force window capacity, extended by the capacity; each checked at the "
        f"largest B it proves against {ceiling_text}"
    )
    return make_result(statement, instances, domain, counterexample)


@checker("CacheDepth.CountingArgument.bound_le_reachDepth")
def check_bound_le_reach_depth(
    limits: CheckLimits,
    *,
    ceiling: Bound = reach_bound,
    require_wide: bool = True,
    capacity: Capacity = window_capacity,
) -> CheckResult:
    """Check that every counting-sound argument proves at most ⌈k/s⌉ in the wide regime."""
    return check_barrier(
        "CacheDepth.CountingArgument.bound_le_reachDepth",
        limits,
        ceiling,
        "⌈k/s⌉",
        require_wide,
        capacity,
    )


@checker("CacheDepth.CountingArgument.bound_le_maxBound")
def check_bound_le_max_bound(
    limits: CheckLimits,
    *,
    ceiling: Bound = max_bound_of,
    require_wide: bool = True,
    capacity: Capacity = window_capacity,
) -> CheckResult:
    """Check that every counting-sound argument proves at most the max bound in the wide regime."""
    return check_barrier(
        "CacheDepth.CountingArgument.bound_le_maxBound",
        limits,
        ceiling,
        "the max bound",
        require_wide,
        capacity,
    )


@checker("CacheDepth.CountingArgument.bound_le_maxBound_of_pos")
def check_bound_le_max_bound_of_pos(
    limits: CheckLimits,
    *,
    ceiling: Bound = max_bound_of,
    capacity: Capacity = window_capacity,
) -> CheckResult:
    """Check that every counting-sound argument proves at most the max bound when H·m·p ≥ 1."""
    return check_barrier(
        "CacheDepth.CountingArgument.bound_le_maxBound_of_pos",
        limits,
        ceiling,
        "the max bound",
        False,
        capacity,
        "1 ≤ H·m·p",
        require_bandwidth=True,
    )


def check_named_argument(
    statement: str,
    limits: CheckLimits,
    hops_of: Callable[[Parameters, int], Hops],
    bound: Bound,
    hypothesis: Callable[[Parameters, int], bool],
    hypothesis_text: str,
) -> CheckResult:
    """Check `Proves k (bound)` for one argument: every L with k ≤ hops L has bound ≤ L.

    L runs to max(k, n) + 1. Every bound here is at most max(k, ⌈log₂ n⌉), so larger L
    satisfy bound ≤ L and need no evaluation.
    """
    tally = Tally()
    top_k = min(limits.max_value, PROVES_MAX_K)
    for parameters in parameter_box(limits):
        for k in range(top_k + 1):
            claimed = bound(parameters, k)
            hops = hops_of(parameters, k)
            holds = hypothesis(parameters, k)
            for depth in range(max(k, parameters.n) + 2):
                tally.add(
                    holds and k <= hops(depth),
                    claimed <= depth,
                    lambda: {**parameters.describe(), "k": k, "L": depth, "bound": claimed},
                )
    domain = (
        f"all n ≤ {min(limits.max_value, BARRIER_MAX_N)}, "
        f"s ≤ {min(limits.max_value, BARRIER_MAX_S)}, H, m, p ≤ {min(limits.max_width, 2)}, k ≤ {top_k} and L ≤ max(k, n) + 1 with "
        f"{hypothesis_text} and k ≤ hops L, where hops uses the brute-force message count"
    )
    return tally.result(statement, domain)


def bandwidth_bound(parameters: Parameters, k: int) -> int:
    """Return ⌈⌈log₂ n⌉/(H·m·p)⌉."""
    return int(bandwidth_depth(parameters.n, parameters.H, parameters.m, parameters.p))


def bits(parameters: Parameters) -> int:
    """Return H·m·p."""
    return parameters.H * parameters.m * parameters.p


@checker("CacheDepth.reachArgument_proves")
def check_reach_argument_proves(limits: CheckLimits, *, bound: Bound = reach_bound) -> CheckResult:
    """Check 1 ≤ s → (reachArgument n s H m p).Proves k ⌈k/s⌉; `bound` replaces ⌈k/s⌉."""
    return check_named_argument(
        "CacheDepth.reachArgument_proves",
        limits,
        reach_hops,
        bound,
        lambda parameters, k: parameters.s >= 1,
        "1 ≤ s",
    )


@checker("CacheDepth.bandwidthArgument_proves")
def check_bandwidth_argument_proves(
    limits: CheckLimits, *, bound: Bound = bandwidth_bound
) -> CheckResult:
    """Check 1 ≤ k → 0 < H·m·p → (bandwidthArgument n s H m p k).Proves k ⌈⌈log₂ n⌉/(H·m·p)⌉.

    `bound` replaces the bandwidth depth.
    """
    return check_named_argument(
        "CacheDepth.bandwidthArgument_proves",
        limits,
        bandwidth_hops,
        bound,
        lambda parameters, k: k >= 1 and bits(parameters) > 0,
        "1 ≤ k and 0 < H·m·p",
    )


@checker("CacheDepth.maxArgument_proves")
def check_max_argument_proves(limits: CheckLimits, *, bound: Bound = max_bound_of) -> CheckResult:
    """Check 1 ≤ k → 1 ≤ s → 0 < H·m·p → (maxArgument n s H m p k).Proves k (max bound).

    `bound` replaces the max bound.
    """
    return check_named_argument(
        "CacheDepth.maxArgument_proves",
        limits,
        min_hops,
        bound,
        lambda parameters, k: k >= 1 and parameters.s >= 1 and bits(parameters) > 0,
        "1 ≤ k, 1 ≤ s and 0 < H·m·p",
    )
