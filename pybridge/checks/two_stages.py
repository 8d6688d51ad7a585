"""Checkers for the theorems of `CacheDepth/ErrorScaling/TwoStages.lean`.

The list lemmas run on every list of length ≤ 3 over {0, 1, 2} with every predicate and
weight table over those values. The counting statements run on every pointer map with
n ≤ min(max_n, 4) tokens and every pair of caches of at most s tokens, with the success
event evaluated directly as `f 0 ∈ C₁ ∧ f (f 0) ∈ C₂`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from pybridge.checks.enumeration import hop_naive
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult, make_result

VALUES = (0, 1, 2)
"""Entries of the lists of the list lemmas."""
LIST_LENGTH = 3
"""Longest list of the list lemmas."""
COUNT_MAX_N = 4
"""Largest token count of the counting checks: 4^4 maps per pair of caches."""


def _lists() -> Iterator[tuple[int, ...]]:
    for length in range(LIST_LENGTH + 1):
        yield from itertools.product(VALUES, repeat=length)


def _predicates() -> Iterator[dict[int, bool]]:
    for bits in itertools.product((False, True), repeat=len(VALUES)):
        yield dict(zip(VALUES, bits))


def _weights() -> Iterator[dict[int, int]]:
    for table in itertools.product(range(3), repeat=len(VALUES)):
        yield dict(zip(VALUES, table))


def _list_result(statement: str, instances: int, counterexample) -> CheckResult:
    return make_result(statement, instances,
                       f"every list of length ≤ {LIST_LENGTH} over {{0, 1, 2}} with every "
                       "predicate or weight table over those values", counterexample)


@checker("CacheDepth.sum_map_add")
def check_sum_map_add(limits: CheckLimits) -> CheckResult:
    instances, bad = 0, None
    for items in _lists():
        for a in _weights():
            for b in _weights():
                instances += 1
                if sum(a[g] + b[g] for g in items) != sum(a[g] for g in items) + sum(b[g] for g in items):
                    bad = bad or {"list": list(items)}
    return _list_result("CacheDepth.sum_map_add", instances, bad)


@checker("CacheDepth.sum_map_indicator")
def check_sum_map_indicator(limits: CheckLimits) -> CheckResult:
    instances, bad = 0, None
    for items in _lists():
        for p in _predicates():
            instances += 1
            if sum(1 if p[g] else 0 for g in items) != len([g for g in items if p[g]]):
                bad = bad or {"list": list(items)}
    return _list_result("CacheDepth.sum_map_indicator", instances, bad)


@checker("CacheDepth.sum_length_filter_comm")
def check_sum_comm(limits: CheckLimits) -> CheckResult:
    instances, bad = 0, None
    pairs = list(itertools.product(VALUES, VALUES))
    for items in _lists():
        for others in _lists():
            for mask in range(0, 2 ** len(pairs), 37):
                relation = {pair for index, pair in enumerate(pairs) if mask >> index & 1}
                instances += 1
                left = sum(len([j for j in others if (g, j) in relation]) for g in items)
                right = sum(len([g for g in items if (g, j) in relation]) for j in others)
                if left != right:
                    bad = bad or {"G": list(items), "J": list(others), "mask": mask}
    return _list_result("CacheDepth.sum_length_filter_comm", instances, bad)


@checker("CacheDepth.length_filter_flatMap_sum")
def check_filter_flatmap_sum(limits: CheckLimits) -> CheckResult:
    instances, bad = 0, None
    for items in _lists():
        for p in _predicates():
            instances += 1
            pieces = {g: [g, (g + 1) % 3, g] for g in VALUES}
            flat = [c for g in items for c in pieces[g]]
            if len([c for c in flat if p[c]]) != sum(len([c for c in pieces[g] if p[c]]) for g in items):
                bad = bad or {"list": list(items)}
    return _list_result("CacheDepth.length_filter_flatMap_sum", instances, bad)


@checker("CacheDepth.length_filter_flatMap_map_outer")
def check_filter_outer(limits: CheckLimits) -> CheckResult:
    instances, bad = 0, None
    inner = [0, 1]
    for items in _lists():
        for p in _predicates():
            instances += 1
            flat = [(g, c) for g in items for c in inner]
            if len([e for e in flat if p[e[0]]]) != len(inner) * len([g for g in items if p[g]]):
                bad = bad or {"list": list(items)}
    return _list_result("CacheDepth.length_filter_flatMap_map_outer", instances, bad)


@checker("CacheDepth.sum_map_le")
def check_sum_map_le(limits: CheckLimits) -> CheckResult:
    instances, bad = 0, None
    for items in _lists():
        for a in _weights():
            for b in _weights():
                if all(a[g] <= b[g] for g in items):
                    instances += 1
                    if sum(a[g] for g in items) > sum(b[g] for g in items):
                        bad = bad or {"list": list(items)}
    return _list_result("CacheDepth.sum_map_le", instances, bad)


@checker("CacheDepth.sum_map_ite_const")
def check_sum_ite(limits: CheckLimits) -> CheckResult:
    instances, bad = 0, None
    for items in _lists():
        for p in _predicates():
            for constant in range(4):
                instances += 1
                if sum(constant if p[g] else 0 for g in items) != len([g for g in items if p[g]]) * constant:
                    bad = bad or {"list": list(items), "K": constant}
    return _list_result("CacheDepth.sum_map_ite_const", instances, bad)


@checker("CacheDepth.sum_map_one")
def check_sum_one(limits: CheckLimits) -> CheckResult:
    instances, bad = 0, None
    for items in _lists():
        instances += 1
        if sum(1 for _ in items) != len(items):
            bad = bad or {"list": list(items)}
    return _list_result("CacheDepth.sum_map_one", instances, bad)


@checker("CacheDepth.sum_map_mul_right")
def check_sum_mul(limits: CheckLimits) -> CheckResult:
    instances, bad = 0, None
    for items in _lists():
        for a in _weights():
            for constant in range(4):
                instances += 1
                if sum(a[g] * constant for g in items) != sum(a[g] for g in items) * constant:
                    bad = bad or {"list": list(items), "K": constant}
    return _list_result("CacheDepth.sum_map_mul_right", instances, bad)


def _caches(n: int, size: int) -> Iterator[tuple[int, ...]]:
    for length in range(size + 1):
        yield from itertools.product(range(n), repeat=length)


@checker("CacheDepth.length_filter_eq_zero_le")
def check_filter_zero(limits: CheckLimits) -> CheckResult:
    bad = next(({"n": n} for n in range(1, limits.max_n + 1)
                if len([c for c in range(n) if c == 0]) > 1), None)
    return make_result("CacheDepth.length_filter_eq_zero_le", limits.max_n,
                       f"n = 1..{limits.max_n}", bad)


def _two_stage_points(limits: CheckLimits):
    for n in range(1, min(limits.max_n, COUNT_MAX_N) + 1):
        maps = list(itertools.product(range(n), repeat=n))
        for s in range(0, 3):
            for c1 in itertools.combinations(range(n), min(s, n)):
                for c2 in itertools.combinations(range(n), min(s, n)):
                    count = sum(1 for f in maps if f[0] in c1 and f[f[0]] in c2)
                    yield n, s, c1, c2, count


@checker("CacheDepth.obliviousSuccess_two_iff")
def check_two_iff(limits: CheckLimits) -> CheckResult:
    instances, bad = 0, None
    for n in range(1, min(limits.max_n, 3) + 1):
        for f in itertools.product(range(n), repeat=n):
            for x in range(n):
                for c1 in _caches(n, 2):
                    for c2 in _caches(n, 2):
                        instances += 1
                        schedule = {1: c1, 2: c2}
                        by_stages = all(hop_naive(f, i + 1, x) in schedule[i + 1] for i in range(2))
                        if by_stages != (f[x] in c1 and f[f[x]] in c2):
                            bad = bad or {"n": n, "f": list(f), "x": x}
    return make_result("CacheDepth.obliviousSuccess_two_iff", instances,
                       f"every map and start with n ≤ {min(limits.max_n, 3)}, caches of ≤ 2 tokens", bad)


@checker("CacheDepth.obliviousSuccess_two_stages_le")
def check_two_stages_count(limits: CheckLimits) -> CheckResult:
    instances, bad = 0, None
    for n, s, c1, c2, count in _two_stage_points(limits):
        instances += 1
        if count * n * n > n ** n * (n + s * s):
            bad = bad or {"n": n, "s": s, "C1": list(c1), "C2": list(c2), "count": count}
    return make_result("CacheDepth.obliviousSuccess_two_stages_le", instances,
                       f"n ≤ {min(limits.max_n, COUNT_MAX_N)}, s ≤ 2, every pair of caches of "
                       "min(s, n) distinct tokens, start 0, counted over all maps", bad)


@checker("CacheDepth.count_coord")
def check_count_coord(limits: CheckLimits) -> CheckResult:
    instances, bad = 0, None
    for b in range(0, 4):
        for a in range(1, 4):
            functions = list(itertools.product(range(b), repeat=a))
            for j in range(a):
                for mask in range(2 ** b):
                    instances += 1
                    count = len([g for g in functions if mask >> g[j] & 1])
                    values = len([v for v in range(b) if mask >> v & 1])
                    if count * b != b ** a * values:
                        bad = bad or {"a": a, "b": b, "j": j, "mask": mask}
    return make_result("CacheDepth.count_coord", instances,
                       "every a = 1..3, b = 0..3, coordinate j and predicate on Fin b", bad)


@checker("CacheDepth.obliviousBound_two_stages")
def check_two_stages_bound(limits: CheckLimits) -> CheckResult:
    """count · (n−2)² · n ≤ n^n · (s²·n + 16·(n−2)²) for n ≥ 3, the C6 bound at T = 2."""
    instances, bad = 0, None
    for n, s, c1, c2, count in _two_stage_points(limits):
        if n < 3:
            continue
        instances += 1
        if count * (n - 2) ** 2 * n > n ** n * (s ** 2 * n + 2 * 2 ** 3 * (n - 2) ** 2):
            bad = bad or {"n": n, "s": s, "C1": list(c1), "C2": list(c2), "count": count}
    return make_result("CacheDepth.obliviousBound_two_stages", instances,
                       f"3 ≤ n ≤ {min(limits.max_n, COUNT_MAX_N)}, s ≤ 2, every pair of caches "
                       "of min(s, n) distinct tokens, start 0, counted over all maps", bad)
