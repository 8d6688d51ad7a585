"""Checkers for the counting lemmas of `CacheDepth/ErrorScaling/ProbabilitySpace.lean`.

`PENDING` maps each Lean name to its checker; `error_scaling.PENDING` includes it and
`error_scaling.py` registers them all. Lists are Python lists, maps Fin a → Fin b are tuples (f(0), ..., f(a-1)), and a view
Fin n → Option (Fin n) is a tuple of tokens and None.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from pybridge.checks.result import CheckLimits, CheckResult, make_result
from pybridge.errorscaling import strategies
from pybridge.errorscaling.chains import all_pointer_maps
from pybridge.errorscaling.limits import report_ranges

# Lemmas over all functions Fin a → Fin b and all predicates use a, b ≤ 3, which gives at
# most 27 functions and 8 predicates. Lemmas over lists use lists of length ≤ 3.
_SMALL = 3


def _lists(values: int, max_length: int) -> list[tuple[int, ...]]:
    return [
        entries
        for length in range(max_length + 1)
        for entries in itertools.product(range(values), repeat=length)
    ]


def _nodup_lists(values: int, max_length: int) -> list[tuple[int, ...]]:
    return [
        entries
        for length in range(min(values, max_length) + 1)
        for entries in itertools.permutations(range(values), length)
    ]


def _map_sizes(limits: CheckLimits) -> range:
    return range(0, report_ranges(limits)[0] + 1)


def check_length_all_maps(limits: CheckLimits) -> CheckResult:
    """Check that the sample space lists n^n maps, each once."""
    instances, counterexample = 0, None
    for n in _map_sizes(limits):
        instances += 1
        maps = all_pointer_maps(n)
        if (len(maps) != n**n or len(set(maps)) != len(maps)) and counterexample is None:
            counterexample = {"n": n, "length": len(maps), "distinct": len(set(maps))}
    return make_result(
        "CacheDepth.length_allMaps", instances,
        f"all n ≤ {report_ranges(limits)[0]}", counterexample,
    )


def check_mem_all_maps(limits: CheckLimits) -> CheckResult:
    """Check that every map, built from the base-n digits of its index, is in the sample space."""
    instances, counterexample = 0, None
    for n in _map_sizes(limits):
        listed = set(all_pointer_maps(n))
        for index in range(n**n):
            instances += 1
            f = tuple((index // n**position) % n for position in range(n))
            if f not in listed and counterexample is None:
                counterexample = {"n": n, "f": list(f)}
    return make_result(
        "CacheDepth.mem_allMaps", instances,
        f"every map Fin n → Fin n for all n ≤ {report_ranges(limits)[0]}", counterexample,
    )


def check_length_filter_flat_map_map(limits: CheckLimits) -> CheckResult:
    """Check |filter Q (l.flatMap (g ↦ m.map (F g)))| = |l|·|filter P m| when Q (F g c) = P c.

    α = {0, 1}, β = {0, 1, 2} and γ = {0, 1}. Enumerates every F : α × β → γ, every Q on γ
    and P on β that satisfy the hypothesis, and all lists l over α and m over β of length ≤ 3.
    """
    instances, counterexample = 0, None
    pairs = list(itertools.product(range(2), range(3)))
    left_lists, right_lists = _lists(2, _SMALL), _lists(3, _SMALL)
    for images in itertools.product(range(2), repeat=len(pairs)):
        mapping = dict(zip(pairs, images))
        for q_table in itertools.product((False, True), repeat=2):
            for p_table in itertools.product((False, True), repeat=3):
                if any(q_table[mapping[(g, c)]] != p_table[c] for g, c in pairs):
                    continue
                for left in left_lists:
                    for right in right_lists:
                        instances += 1
                        flat = [mapping[(g, c)] for g in left for c in right]
                        lhs = sum(1 for value in flat if q_table[value])
                        rhs = len(left) * sum(1 for c in right if p_table[c])
                        if lhs != rhs and counterexample is None:
                            counterexample = {
                                "F": {f"{g},{c}": v for (g, c), v in mapping.items()},
                                "Q": list(q_table), "P": list(p_table), "l": list(left), "m": list(right),
                            }
    return make_result(
        "CacheDepth.length_filter_flatMap_map", instances,
        "α = {0, 1}, β = {0, 1, 2}, γ = {0, 1}: every F, Q, P with Q (F g c) = P c and all lists "
        "l, m of length ≤ 3",
        counterexample,
    )


def check_length_filter_head(limits: CheckLimits) -> CheckResult:
    """Check |{f : Fin (a+1) → Fin b | P (f 0)}| = b^a·|{c | P c}| for all a, b ≤ 3 and P."""
    instances, counterexample = 0, None
    for a in range(_SMALL + 1):
        for b in range(_SMALL + 1):
            functions = list(itertools.product(range(b), repeat=a + 1))
            for table in itertools.product((False, True), repeat=b):
                instances += 1
                lhs = sum(1 for f in functions if table[f[0]])
                rhs = b**a * sum(table)
                if lhs != rhs and counterexample is None:
                    counterexample = {"a": a, "b": b, "P": list(table), "count": lhs}
    return make_result(
        "CacheDepth.length_filter_head", instances,
        f"all a, b ≤ {_SMALL} and every predicate P on Fin b", counterexample,
    )


def check_revealed_view_nil(limits: CheckLimits) -> CheckResult:
    """Check that caching nothing reveals nothing, for every map on n tokens."""
    max_n = min(report_ranges(limits)[0], 5)
    instances, counterexample = 0, None
    for n in range(max_n + 1):
        for f in all_pointer_maps(n):
            instances += 1
            if strategies.revealed_view(f, []) != (None,) * n and counterexample is None:
                counterexample = {"n": n, "f": list(f)}
    return make_result(
        "CacheDepth.revealedView_nil", instances, f"every map on n ≤ {max_n} tokens", counterexample,
    )


def _sample_strategies(n: int) -> list[tuple[str, strategies.Strategy]]:
    """Return named strategies whose caches depend on the stage and on the view."""
    named: list[tuple[str, strategies.Strategy]] = []
    for start in range(n):
        for size in range(n + 1):
            first = list(range(size))
            named.append((f"greedy {first} from {start}", strategies.greedy_strategy(first, start)))
    named.append(("unseen tokens", lambda stage, view: [j for j, seen in enumerate(view) if seen is None][:stage]))
    named.append(("seen images", lambda stage, view: [value for value in view if value is not None]))
    named.append(("stage token", lambda stage, view: [stage % n] if n else []))
    return named


def check_stage_cache_zero(limits: CheckLimits) -> CheckResult:
    """Check stageCache σ f 0 = σ 1 (fun _ => none) for sample strategies and every map, n ≤ 4."""
    max_n = min(report_ranges(limits)[0], 4)
    instances, counterexample = 0, None
    for n in range(1, max_n + 1):
        for name, strategy in _sample_strategies(n):
            expected = strategy(1, (None,) * n)
            for f in all_pointer_maps(n):
                instances += 1
                if strategies.stage_cache(strategy, f, 0) != expected and counterexample is None:
                    counterexample = {"n": n, "strategy": name, "f": list(f)}
    return make_result(
        "CacheDepth.stageCache_zero", instances,
        f"greedy strategies for every start and first cache 0..c-1, and three view-dependent "
        f"strategies, on every map of n ≤ {max_n} tokens",
        counterexample,
    )


def check_length_filter_mem_fin_range(limits: CheckLimits) -> CheckResult:
    """Check |filter (· ∈ C) (finRange n)| = |C| for every duplicate-free list C, n ≤ 4."""
    instances, counterexample = 0, None
    for n in range(5):
        for entries in _nodup_lists(n, n):
            instances += 1
            members = [c for c in range(n) if c in entries]
            if len(members) != len(entries) and counterexample is None:
                counterexample = {"n": n, "C": list(entries)}
    return make_result(
        "CacheDepth.length_filter_mem_finRange", instances,
        "every duplicate-free list C over Fin n, n ≤ 4", counterexample,
    )


def check_length_filter_mem_fin_range_le(limits: CheckLimits) -> CheckResult:
    """Check |filter (· ∈ C) (finRange n)| ≤ |C| for every list C of at most 3 tokens."""
    instances, counterexample = 0, None
    for n in range(limits.max_n + 1):
        for entries in _lists(n, 3):
            instances += 1
            members = [c for c in range(n) if c in entries]
            if len(members) > len(entries) and counterexample is None:
                counterexample = {"n": n, "C": list(entries)}
    return make_result(
        "CacheDepth.length_filter_mem_finRange_le", instances,
        f"every list C of at most 3 tokens of Fin n, n ≤ {limits.max_n}", counterexample,
    )


def check_count_head_mem(limits: CheckLimits) -> CheckResult:
    """Check |{f | f 0 ∈ C}|·n = |C|·n^n for every duplicate-free list C over Fin n, n = a + 1."""
    max_n = min(report_ranges(limits)[0], 4)
    instances, counterexample = 0, None
    for n in range(1, max_n + 1):
        maps = all_pointer_maps(n)
        for entries in _nodup_lists(n, n):
            instances += 1
            count = sum(1 for f in maps if f[0] in entries)
            if count * n != len(entries) * n**n and counterexample is None:
                counterexample = {"n": n, "C": list(entries), "count": count}
    return make_result(
        "CacheDepth.count_head_mem", instances,
        f"every duplicate-free list C over Fin n, 1 ≤ n ≤ {max_n}, over all n^n maps", counterexample,
    )


def check_count_head_mem_le(limits: CheckLimits) -> CheckResult:
    """Check |{f | f 0 ∈ C}|·n ≤ |C|·n^n for every list C of length ≤ 4 over Fin n, n ≤ 4."""
    max_n = min(report_ranges(limits)[0], 4)
    instances, counterexample = 0, None
    for n in range(1, max_n + 1):
        maps = all_pointer_maps(n)
        for entries in _lists(n, 4):
            instances += 1
            count = sum(1 for f in maps if f[0] in entries)
            if count * n > len(entries) * n**n and counterexample is None:
                counterexample = {"n": n, "C": list(entries), "count": count}
    return make_result(
        "CacheDepth.count_head_mem_le", instances,
        f"every list C of length ≤ 4 over Fin n, 1 ≤ n ≤ {max_n}, over all n^n maps", counterexample,
    )


PENDING: dict[str, Callable[[CheckLimits], CheckResult]] = {
    "CacheDepth.length_allMaps": check_length_all_maps,
    "CacheDepth.mem_allMaps": check_mem_all_maps,
    "CacheDepth.length_filter_flatMap_map": check_length_filter_flat_map_map,
    "CacheDepth.length_filter_head": check_length_filter_head,
    "CacheDepth.revealedView_nil": check_revealed_view_nil,
    "CacheDepth.stageCache_zero": check_stage_cache_zero,
    "CacheDepth.length_filter_mem_finRange": check_length_filter_mem_fin_range,
    "CacheDepth.length_filter_mem_finRange_le": check_length_filter_mem_fin_range_le,
    "CacheDepth.count_head_mem": check_count_head_mem,
    "CacheDepth.count_head_mem_le": check_count_head_mem_le,
}
"""Checkers to register, by Lean name, once the Lean sources declare these theorems."""
