"""Checkers for the hop laws of `CacheDepth/PointerChasing/Hop.lean`.

Each checker enumerates all maps Fin n → Fin n for n = 1..max_n, all starts x and all hop
counts ≤ max_hops, and counts only the instances that satisfy the statement's hypotheses.
The hop table is built with hop (k + 1) x = f (hop k x), the reverse of Lean's recursion.
The checkers of `CacheDepth/PointerChasing/Chain.lean` are in `chains.py`.
"""

from __future__ import annotations

from collections.abc import Mapping

from pybridge.checks.map_checks import Evaluation, FirstFailure, MapFamily, check_maps
from pybridge.checks.map_checks import describe_map_domain, map_family
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult, make_result


def lean_mod(k: int, p: int) -> int:
    """Return k % p with Lean's convention k % 0 = k."""
    return k if p == 0 else k % p


@checker("CacheDepth.hop_zero")
def check_hop_zero(limits: CheckLimits) -> CheckResult:
    """Check hop f 0 x = x. The table starts at x, so this confirms its first layer."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        return True, family.hop(0) == family.starts

    return check_maps("CacheDepth.hop_zero", limits, (), evaluate)


@checker("CacheDepth.hop_succ")
def check_hop_succ(limits: CheckLimits) -> CheckResult:
    """Check hop f (k + 1) x = hop f k (f x), Lean's defining recursion, against the table's."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        k = values["k"]
        return True, family.hop(k + 1) == family.hop_from(k, family.step(family.starts))

    return check_maps("CacheDepth.hop_succ", limits, ("k",), evaluate)


@checker("CacheDepth.hop_one")
def check_hop_one(limits: CheckLimits) -> CheckResult:
    """Check hop f 1 x = f x on all maps and starts."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        return True, family.hop(1) == family.step(family.starts)

    return check_maps("CacheDepth.hop_one", limits, (), evaluate)


@checker("CacheDepth.hop_add")
def check_hop_add(limits: CheckLimits) -> CheckResult:
    """Check hop f (a + b) x = hop f b (hop f a x) for all a, b ≤ max_hops."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        a, b = values["a"], values["b"]
        return True, family.hop(a + b) == family.hop_from(b, family.hop(a))

    return check_maps("CacheDepth.hop_add", limits, ("a", "b"), evaluate)


@checker("CacheDepth.hop_succ'")
def check_hop_succ_prime(limits: CheckLimits) -> CheckResult:
    """Check hop f (k + 1) x = f (hop f k x) for all k ≤ max_hops.

    This is the table's own recursion, so it only confirms the table.
    """

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        k = values["k"]
        return True, family.hop(k + 1) == family.step(family.hop(k))

    return check_maps("CacheDepth.hop_succ'", limits, ("k",), evaluate)


@checker("CacheDepth.hop_comm")
def check_hop_comm(limits: CheckLimits) -> CheckResult:
    """Check hop f a (hop f b x) = hop f b (hop f a x) for all a, b ≤ max_hops."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        a, b = values["a"], values["b"]
        return True, family.hop_from(a, family.hop(b)) == family.hop_from(b, family.hop(a))

    return check_maps("CacheDepth.hop_comm", limits, ("a", "b"), evaluate)


@checker("CacheDepth.hop_add_period")
def check_hop_add_period(limits: CheckLimits) -> CheckResult:
    """Check hop f p x = x → hop f (p + k) x = hop f k x for all p, k ≤ max_hops."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        p, k = values["p"], values["k"]
        return family.hop(p) == family.starts, family.hop(p + k) == family.hop(k)

    return check_maps(
        "CacheDepth.hop_add_period", limits, ("p", "k"), evaluate, hypotheses="hop f p x = x"
    )


@checker("CacheDepth.hop_mul_period")
def check_hop_mul_period(limits: CheckLimits) -> CheckResult:
    """Check hop f p x = x → hop f (p * q) x = x for all p, q ≤ max_hops.

    p * q reaches max_hops², beyond the hop table, so f^[p * q] x is computed by applying f
    p more times for each increment of q.
    """
    statement = "CacheDepth.hop_mul_period"
    failure = FirstFailure()
    for n in range(1, limits.max_n + 1):
        family = map_family(n, 2 * limits.max_hops)
        for p in range(limits.max_hops + 1):
            on_cycle = family.hop(p) == family.starts
            tokens = family.starts
            for q in range(limits.max_hops + 1):
                if q > 0:
                    for _ in range(p):
                        tokens = family.step(tokens)
                failure.add(family, {"p": p, "q": q}, on_cycle, tokens == family.starts)

    domain = describe_map_domain(limits, ("p", "q")) + ", with hop f p x = x"
    return make_result(statement, failure.instances, domain, failure.counterexample)


@checker("CacheDepth.hop_mod_period")
def check_hop_mod_period(limits: CheckLimits) -> CheckResult:
    """Check hop f p x = x → hop f k x = hop f (k % p) x for all p, k ≤ max_hops, with k % 0 = k."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        p, k = values["p"], values["k"]
        return family.hop(p) == family.starts, family.hop(k) == family.hop(lean_mod(k, p))

    return check_maps(
        "CacheDepth.hop_mod_period", limits, ("p", "k"), evaluate, hypotheses="hop f p x = x"
    )


@checker("CacheDepth.hop_shift_of_eq")
def check_hop_shift_of_eq(limits: CheckLimits) -> CheckResult:
    """Check hop f i x = hop f j x → hop f (i + t) x = hop f (j + t) x, all i, j, t ≤ max_hops."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        i, j, t = values["i"], values["j"], values["t"]
        return family.hop(i) == family.hop(j), family.hop(i + t) == family.hop(j + t)

    return check_maps(
        "CacheDepth.hop_shift_of_eq",
        limits,
        ("i", "j", "t"),
        evaluate,
        hypotheses="hop f i x = hop f j x",
    )


@checker("CacheDepth.hop_periodic_of_eq")
def check_hop_periodic_of_eq(limits: CheckLimits) -> CheckResult:
    """Check hop f i x = hop f j x → i ≤ j → i ≤ t → hop f (t + (j - i)) x = hop f t x.

    i, j and t run over 0..max_hops.
    """

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        i, j, t = values["i"], values["j"], values["t"]
        if not (i <= j and i <= t):
            return False, True
        return family.hop(i) == family.hop(j), family.hop(t + (j - i)) == family.hop(t)

    return check_maps(
        "CacheDepth.hop_periodic_of_eq",
        limits,
        ("i", "j", "t"),
        evaluate,
        hypotheses="hop f i x = hop f j x, i ≤ j and i ≤ t",
    )

