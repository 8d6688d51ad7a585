"""Checkers for the error-scaling claims of `CacheDepth/ErrorScaling/Adaptive.lean` and
`Oblivious.lean`.

The checkers are not registered yet, because the registry rejects a checker whose Lean
statement the sources do not declare. `PENDING` maps each statement name to its checker,
including those of `error_scaling_space.py`; register an entry once its Lean statement is
in the library. `OPEN` contains the checker of the open statement
`CacheDepth.oblivious_error_bound`, to register only once it is proved, because open
statements have no checkers.

Every map on n tokens is enumerated. The start token is 0 unless a checker's docstring
names other starts, because a relabelling of the tokens sends any start to 0 and keeps
every count. Lean
caches are lists, but membership and the number of distinct tokens are all that success
depends on, and a list of length ≤ s has at most s distinct tokens. So enumerating every
set of at most s tokens covers every list that satisfies a length hypothesis.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

import numpy as np

from pybridge.checks import error_scaling_space
from pybridge.checks.enumeration import all_pointer_maps, hop_naive
from pybridge.checks.registry import DEFAULT_REGISTRY, CheckerRegistry
from pybridge.checks.result import CheckLimits, CheckResult, make_result
from pybridge.errorscaling import strategies
from pybridge.errorscaling.adaptive import max_adaptive_success
from pybridge.errorscaling.limits import report_ranges
from pybridge.errorscaling.oblivious import max_oblivious_success

# The per-map strategy simulations take about 0.7 s per (first cache, T) at n = 6, so
# they stop at n = 5 (2.6 s for every first cache and T ≤ 4 on a 2-core AMD EPYC). The
# adaptive search with unrestricted later caches stops there too.
_STRATEGY_MAX_N = 5
# greedy_cached and greedy_success_iff range over every start as well, so they stop at n = 4.
_START_MAX_N = 4


def oblivious_bound_holds(count: int, n: int, s: int, stages: int) -> bool:
    """Evaluate Lean's `ObliviousBoundHolds count n s T` in natural numbers.

    count·(n−T)^T·n ≤ n^n·(s^T·n + 2T³·(n−T)^T) is count/n^n ≤ (s/(n−T))^T + 2T³/n
    multiplied out for T < n. Lean's truncated subtraction makes n − T = 0 for T ≥ n,
    and this function does the same.
    """
    gap = max(n - stages, 0)
    return count * gap**stages * n <= n**n * (s**stages * n + 2 * stages**3 * gap**stages)


def _capped_ranges(limits: CheckLimits, max_n_cap: int) -> tuple[int, int]:
    """Return the report's largest n, capped at `max_n_cap`, and its largest stage count T."""
    max_n, max_stages = report_ranges(limits)
    return min(max_n, max_n_cap), max_stages


def _grid(max_n: int, max_stages: int) -> list[tuple[int, int, int]]:
    return [
        (n, s, stages)
        for n in range(1, max_n + 1)
        for s in range(n + 1)
        for stages in range(1, max_stages + 1)
    ]


def _sets_with(n: int, token: int) -> list[tuple[int, ...]]:
    """Return every set of tokens of 0..n-1 that contains `token`, as a sorted tuple."""
    others = [other for other in range(n) if other != token]
    return [
        tuple(sorted((token, *chosen)))
        for size in range(n)
        for chosen in itertools.combinations(others, size)
    ]


def _start_counts(n: int) -> tuple[np.ndarray, int]:
    """Return f(0) for every map on n tokens as an array, and the number of maps."""
    images = all_pointer_maps(n)[:, 0]
    return images, len(images)


# Adaptive.lean


def check_adaptive_success_le(limits: CheckLimits) -> CheckResult:
    """Check count·n ≤ s·n^n for every adaptive strategy whose first cache has ≤ s tokens.

    The later caches are unrestricted in the Lean statement, so the search lets them hold
    all n tokens. The maximum over all such strategies comes from the exact game-tree
    search of `pybridge.errorscaling.adaptive`. Full later caches split the maps into
    single-map classes, so n stops at 5 (n = 6 alone took 2.6 s of CPU time).
    """
    max_n, max_stages = _capped_ranges(limits, _STRATEGY_MAX_N)
    instances, counterexample = 0, None
    for n, s, stages in _grid(max_n, max_stages):
        instances += 1
        best = max_adaptive_success(n, s, stages, later_size=n).count
        if best * n > s * n**n and counterexample is None:
            counterexample = {"n": n, "s": s, "T": stages, "best_count": best}
    return make_result(
        "CacheDepth.adaptiveSuccess_le", instances,
        f"the maximum success count over every adaptive strategy with a first cache of at most "
        f"s tokens and later caches of any size, for all n ≤ {max_n}, s ≤ n, 1 ≤ T ≤ {max_stages}",
        counterexample,
    )


def check_greedy_adaptive_success(limits: CheckLimits) -> CheckResult:
    """Check count·n = |C₁|·n^n for the greedy strategy with first cache C₁ ∋ 0, T ≥ 1."""
    max_n, max_stages = _capped_ranges(limits, _STRATEGY_MAX_N)
    instances, counterexample = 0, None
    for n in range(1, max_n + 1):
        for first_cache in _sets_with(n, 0):
            for stages in range(1, max_stages + 1):
                instances += 1
                strategy = strategies.greedy_strategy(first_cache, 0)
                count = strategies.adaptive_success_count(strategy, 0, stages, n)
                if count * n != len(first_cache) * n**n and counterexample is None:
                    counterexample = {"n": n, "first_cache": list(first_cache), "T": stages, "count": count}
    return make_result(
        "CacheDepth.greedy_adaptiveSuccess", instances,
        f"the greedy strategy for every first cache C₁ ∋ 0 of distinct tokens, all n ≤ {max_n} "
        f"and 1 ≤ T ≤ {max_stages}, over all n^n pointer maps",
        counterexample,
    )


def check_greedy_success_iff(limits: CheckLimits) -> CheckResult:
    """Check that the greedy strategy succeeds on f exactly when f(x) ∈ C₁, for x ∈ C₁."""
    max_n, max_stages = _capped_ranges(limits, _START_MAX_N)
    instances, counterexample = 0, None
    for n in range(1, max_n + 1):
        maps = list(itertools.product(range(n), repeat=n))
        for start in range(n):
            for first_cache in _sets_with(n, start):
                strategy = strategies.greedy_strategy(first_cache, start)
                for stages in range(1, max_stages + 1):
                    for f in maps:
                        instances += 1
                        succeeds = strategies.adaptive_success(strategy, start, stages, f)
                        if succeeds != (f[start] in first_cache) and counterexample is None:
                            counterexample = {
                                "n": n, "x": start, "first_cache": list(first_cache), "T": stages,
                                "f": list(f), "succeeds": succeeds,
                            }
    return make_result(
        "CacheDepth.greedy_success_iff", instances,
        f"every n ≤ {max_n}, start x, first cache C₁ ∋ x, 1 ≤ T ≤ {max_stages} and pointer map f",
        counterexample,
    )


def check_greedy_cached(limits: CheckLimits) -> CheckResult:
    """Check, for x, f(x) ∈ C₁ and i ≥ 1, that the greedy strategy has cached f^t(x) for every
    t ≤ i after stage i and caches exactly [f^(i+1)(x)] in stage i + 1."""
    max_n, max_stages = _capped_ranges(limits, _START_MAX_N)
    instances, counterexample = 0, None
    for n in range(1, max_n + 1):
        maps = list(itertools.product(range(n), repeat=n))
        for start in range(n):
            for first_cache in _sets_with(n, start):
                strategy = strategies.greedy_strategy(first_cache, start)
                for f in maps:
                    if f[start] not in first_cache:
                        continue
                    for stage in range(1, max_stages + 1):
                        instances += 1
                        cached = strategies.cached_through(strategy, f, stage)
                        all_cached = all(hop_naive(f, t, start) in cached for t in range(stage + 1))
                        next_cache = strategies.stage_cache(strategy, f, stage)
                        if (not all_cached or next_cache != [hop_naive(f, stage + 1, start)]) and counterexample is None:
                            counterexample = {
                                "n": n, "x": start, "first_cache": list(first_cache), "f": list(f),
                                "i": stage, "cached_through": cached, "stage_cache": next_cache,
                            }
    return make_result(
        "CacheDepth.greedy_cached", instances,
        f"every n ≤ {max_n}, start x, first cache C₁ ∋ x, map f with f(x) ∈ C₁ and 1 ≤ i ≤ {max_stages}",
        counterexample,
    )


def check_greedy_stage_of_cached(limits: CheckLimits) -> CheckResult:
    """Check that the greedy strategy caches exactly [f^(i+1)(x)] in stage i + 1 whenever
    it has cached f^t(x) for every t ≤ i, i ≥ 1. The first cache C₁ is any set of tokens."""
    max_n, max_stages = _capped_ranges(limits, _START_MAX_N)
    instances, counterexample = 0, None
    for n in range(1, max_n + 1):
        maps = list(itertools.product(range(n), repeat=n))
        for start in range(n):
            for size in range(n + 1):
                for first_cache in itertools.combinations(range(n), size):
                    strategy = strategies.greedy_strategy(first_cache, start)
                    for f in maps:
                        for stage in range(1, max_stages + 1):
                            cached = strategies.cached_through(strategy, f, stage)
                            if not all(hop_naive(f, t, start) in cached for t in range(stage + 1)):
                                continue
                            instances += 1
                            next_cache = strategies.stage_cache(strategy, f, stage)
                            if next_cache != [hop_naive(f, stage + 1, start)] and counterexample is None:
                                counterexample = {
                                    "n": n, "x": start, "first_cache": list(first_cache), "f": list(f),
                                    "i": stage, "stage_cache": next_cache,
                                }
    return make_result(
        "CacheDepth.greedy_stage_of_cached", instances,
        f"every n ≤ {max_n}, start x, first cache C₁ ⊆ Fin n, map f and 1 ≤ i ≤ {max_stages} "
        "after which the greedy strategy has cached f^t(x) for every t ≤ i",
        counterexample,
    )


def check_follow_view_eq(limits: CheckLimits) -> CheckResult:
    """Check followView R t y = some (f^t y) when R reveals f at the first t chain tokens.

    Enumerates every map f and every view R : Fin n → Option (Fin n) for n ≤ 3, every y and
    t ≤ 2n, so the chains also wrap around their cycles.
    """
    max_n = min(report_ranges(limits)[0], 3)
    instances, counterexample = 0, None
    for n in range(1, max_n + 1):
        views = list(itertools.product([None, *range(n)], repeat=n))
        for f in itertools.product(range(n), repeat=n):
            for view in views:
                for start in range(n):
                    for steps in range(2 * n + 1):
                        tokens = [hop_naive(f, t, start) for t in range(steps)]
                        if any(view[token] != f[token] for token in tokens):
                            continue
                        instances += 1
                        followed = strategies.follow_view(view, steps, start)
                        if followed != hop_naive(f, steps, start) and counterexample is None:
                            counterexample = {"n": n, "f": list(f), "R": list(view), "y": start, "t": steps}
    return make_result(
        "CacheDepth.followView_eq", instances,
        f"every n ≤ {max_n}, map f, view R, start y and t ≤ 2n with R revealing f at the first t chain tokens",
        counterexample,
    )


# Oblivious.lean


def check_oblivious_success_le_one_stage(limits: CheckLimits) -> CheckResult:
    """Check count·n ≤ s·n^n for one oblivious stage whose cache has at most s tokens.

    Counts f(0) ∈ C directly over the NumPy table of all maps, so it shares no code with
    the oblivious search.
    """
    max_n, _ = report_ranges(limits)
    instances, counterexample = 0, None
    for n in range(1, max_n + 1):
        images, total = _start_counts(n)
        for size in range(n + 1):
            for cache in itertools.combinations(range(n), size):
                count = int(np.isin(images, cache).sum())
                for s in range(size, n + 1):
                    instances += 1
                    if count * n > s * total and counterexample is None:
                        counterexample = {"n": n, "s": s, "cache": list(cache), "count": count}
    return make_result(
        "CacheDepth.obliviousSuccess_le_one_stage", instances,
        f"every cache C ⊆ Fin n and s with |C| ≤ s ≤ n, for all n ≤ {max_n}, over all n^n maps",
        counterexample,
    )


def check_oblivious_bound_one_stage(limits: CheckLimits) -> CheckResult:
    """Check ObliviousBoundHolds count n s 1 for one stage whose cache has ≤ s tokens, n ≥ 2."""
    max_n, _ = report_ranges(limits)
    instances, counterexample = 0, None
    for n in range(2, max_n + 1):
        images, _ = _start_counts(n)
        for size in range(n + 1):
            for cache in itertools.combinations(range(n), size):
                count = int(np.isin(images, cache).sum())
                for s in range(size, n + 1):
                    instances += 1
                    if not oblivious_bound_holds(count, n, s, 1) and counterexample is None:
                        counterexample = {"n": n, "s": s, "cache": list(cache), "count": count}
    return make_result(
        "CacheDepth.obliviousBound_one_stage", instances,
        f"every cache C ⊆ Fin n and s with |C| ≤ s ≤ n, for all 2 ≤ n ≤ {max_n}, over all n^n maps",
        counterexample,
    )


def check_oblivious_error_bound(limits: CheckLimits) -> CheckResult:
    """Check ObliviousBoundHolds for the best oblivious schedule at every grid point with T < n."""
    max_n, max_stages = report_ranges(limits)
    instances, counterexample = 0, None
    for n, s, stages in _grid(max_n, max_stages):
        if stages >= n:
            continue
        instances += 1
        best = max_oblivious_success(n, s, stages)
        if not oblivious_bound_holds(best.count, n, s, stages) and counterexample is None:
            counterexample = {
                "n": n, "s": s, "T": stages, "schedule": [list(cache) for cache in best.schedule],
                "count": best.count,
            }
    return make_result(
        "CacheDepth.oblivious_error_bound", instances,
        f"the best oblivious schedule for all n ≤ {max_n}, s ≤ n and 1 ≤ T ≤ {max_stages} with T < n, "
        "over all n^n pointer maps",
        counterexample,
    )


PENDING: dict[str, Callable[[CheckLimits], CheckResult]] = {
    "CacheDepth.adaptiveSuccess_le": check_adaptive_success_le,
    "CacheDepth.greedy_adaptiveSuccess": check_greedy_adaptive_success,
    "CacheDepth.greedy_success_iff": check_greedy_success_iff,
    "CacheDepth.greedy_cached": check_greedy_cached,
    "CacheDepth.greedy_stage_of_cached": check_greedy_stage_of_cached,
    "CacheDepth.followView_eq": check_follow_view_eq,
    "CacheDepth.obliviousSuccess_le_one_stage": check_oblivious_success_le_one_stage,
    "CacheDepth.obliviousBound_one_stage": check_oblivious_bound_one_stage,
    **error_scaling_space.PENDING,
}
"""Checkers of the proved theorems of `CacheDepth/ErrorScaling/`, by Lean name; registered below."""

OPEN: dict[str, Callable[[CheckLimits], CheckResult]] = {
    "CacheDepth.oblivious_error_bound": check_oblivious_error_bound,
}
"""The checker of the open statement, to register only once it is proved."""


def register_pending(registry: CheckerRegistry, statements: Iterable[str] | None = None) -> None:
    """Register the `PENDING` checkers of `statements` (default: all of them) in `registry`.

    Raises `KeyError` for a name without a pending checker, and `ValueError` (from the
    registry) for a name that already has a checker.
    """
    for statement in PENDING if statements is None else statements:
        registry.checker(statement)(PENDING[statement])


register_pending(DEFAULT_REGISTRY)
