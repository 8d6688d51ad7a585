"""Checkers for `CacheDepth/LowerBound/Reachability.lean`: what a model must cache.

The statements about oblivious controllers are evaluated in two ways:

* on the oblivious models of `lower_bound_models` that solve, run through the mirror on
  every instance with n ≤ min(max_n, 3);
* by the exhaustive search of `schedule_search`, which decides for a fixed schedule and an
  output position whether any Cache-Transformer with that schedule solves k-hop. Each
  searched (schedule, output, k) point counts as one instance: either no model with that
  schedule solves, or the conclusion holds for it.

`maxBoundHolds_of_reachability` assumes an open statement about all models, so its checker
evaluates the step of its proof, from the two depth facts to the max bound, on a grid and
on the solving models with n = 4 ≥ 4k.

Each checker takes a keyword-only argument that replaces its conclusion or drops a
hypothesis. The registry never passes it; the tests do, to show that the checker can fail.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from pybridge.checks.bandwidth_search import describe_search, search_results
from pybridge.checks.controller_support import Tally
from pybridge.checks.enumeration import hop_naive
from pybridge.checks.formulas import max_bound, reach_depth, two_pow
from pybridge.checks.grid import check_grid
from pybridge.checks.lower_bound_models import (
    FamilyModel,
    chain_tracker,
    family_domain,
    family_entries,
    model_runs,
    schedule_scanner,
    solved_problems,
)
from pybridge.checks.model_checks import MODEL_LAYERS
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult, make_result
from pybridge.checks.schedule_search import (
    Schedule,
    all_schedules,
    covered,
    exact_schedules,
    find_decoder,
)
from pybridge.model.examples import chain_follower
from pybridge.model.transformer import CacheTransformer, all_instances

SCHEDULE_MAX_N = 4
"""Largest token count of the searches over schedules with caches of exactly s positions."""
ALL_SCHEDULES_MAX_N = 3
"""Largest token count of the search over every schedule of at most two layers."""
SEARCH_MAX_DEPTH = 2
"""Largest depth L of the schedule searches."""
REACHABILITY_N = 4
"""Token count of the solving models of `maxBoundHolds_of_reachability`, the least n ≥ 4k."""
REACHABILITY_AXES = [("n", 40), ("k", 10), ("s", 10), ("H", 2), ("m", 2), ("p", 2), ("L", 20)]
"""The grid of `maxBoundHolds_of_reachability`: 2.8 million (n, k, s, H, m, p, L) tuples."""


def redirect(n: int, j: int, target: int) -> tuple[int, ...]:
    """Return `redirect j a`: j points to a and every other token to itself."""
    return tuple(target if i == j else i for i in range(n))


@checker("CacheDepth.hop_redirect")
def check_hop_redirect(limits: CheckLimits, *, min_hops: int = 1) -> CheckResult:
    """Check 1 ≤ k → hop (redirect j a) k j = a with `hop_naive`.

    `min_hops` replaces the lower bound 1 on k.
    """
    tally = Tally()
    for n in range(1, limits.max_n + 1):
        for j, target in itertools.product(range(n), repeat=2):
            f = redirect(n, j, target)
            for k in range(limits.max_hops + 1):
                tally.add(
                    k >= min_hops,
                    hop_naive(f, k, j) == target,
                    {"n": n, "j": j, "a": target, "k": k},
                )
    domain = f"all n ≤ {limits.max_n}, tokens j, a and 1 ≤ k ≤ {limits.max_hops}"
    return tally.result("CacheDepth.hop_redirect", domain)


@checker("CacheDepth.redirect_eq_off")
def check_redirect_eq_off(limits: CheckLimits, *, include_j: bool = False) -> CheckResult:
    """Check i ≠ j → redirect j a i = redirect j b i; `include_j=True` drops i ≠ j."""
    tally = Tally()
    for n in range(1, limits.max_n + 1):
        for j, a, b in itertools.product(range(n), repeat=3):
            first, second = redirect(n, j, a), redirect(n, j, b)
            for i in range(n):
                tally.add(
                    i != j or include_j,
                    first[i] == second[i],
                    {"n": n, "j": j, "a": a, "b": b, "i": i},
                )
    domain = f"all n ≤ {limits.max_n} and tokens j, a, b, i with i ≠ j"
    return tally.result("CacheDepth.redirect_eq_off", domain)


# The oblivious statements: family models and schedule searches.


def oblivious_solvers(limits: CheckLimits) -> Iterator[tuple[FamilyModel, int, int, int, int]]:
    """Yield (entry, n, index, L, k) for every oblivious family model that solves, 1 ≤ k, 2 ≤ n."""
    for n, index, entry in family_entries(limits):
        if not entry.is_oblivious or n < 2:
            continue
        for depth, k in sorted(solved_problems(n, index)):
            if k >= 1:
                yield entry, n, index, depth, k


def largest_cache(schedule: Schedule) -> int:
    """Return the size of the largest cache of the schedule, the least valid cache size s."""
    return max((len(cache) for cache in schedule), default=0)


def schedule_points(limits: CheckLimits) -> Iterator[tuple[int, int, Schedule]]:
    """Yield (n, s, schedule) for the schedule searches, with s the largest cache.

    For 2 ≤ n ≤ min(max_n, 3) these are all schedules of L ≤ 2 layers whose caches are
    any subsets. For n = 4 they are the schedules of L ≤ 2 layers with caches of exactly s
    positions and s·L ≤ 3. A schedule whose caches hold at most s positions reads a
    subset of what one of these reads, so it solves only if one of these does.
    """
    for n in range(2, min(limits.max_n, ALL_SCHEDULES_MAX_N) + 1):
        for depth in range(SEARCH_MAX_DEPTH + 1):
            for schedule in all_schedules(n, depth):
                yield n, largest_cache(schedule), schedule
    for n in range(ALL_SCHEDULES_MAX_N + 1, min(limits.max_n, SCHEDULE_MAX_N) + 1):
        yield n, 0, ()
        for depth in range(1, SEARCH_MAX_DEPTH + 1):
            for s in range(n + 1):
                if s * depth <= n - 1:
                    for schedule in exact_schedules(n, s, depth):
                        yield n, s, schedule


def describe_schedule(n: int, s: int, schedule: Schedule, output: int, k: int) -> dict[str, Any]:
    """Return a schedule search point as JSON values."""
    return {
        "n": n,
        "s": s,
        "L": len(schedule),
        "schedule": [list(cache) for cache in schedule],
        "output": output,
        "k": k,
    }


def search_text(limits: CheckLimits, hops: str) -> str:
    """Return the part of a domain sentence that describes the schedule search points."""
    exact = ""
    if limits.max_n >= SCHEDULE_MAX_N:
        exact = (
            ", and for n = 4 every schedule of L ≤ 2 layers with caches of exactly s positions "
            "and s·L ≤ 3 (they dominate the smaller caches)"
        )
    return (
        "every searched point of schedule_search.py, each one instance: every schedule of "
        f"L ≤ 2 layers for 2 ≤ n ≤ {min(limits.max_n, ALL_SCHEDULES_MAX_N)}{exact}, every "
        f"output and {hops}, where no model with the schedule solves or the conclusion holds"
    )


@checker("CacheDepth.CacheTransformer.mem_cache_of_oblivious")
def check_mem_cache_of_oblivious(limits: CheckLimits, *, skipped_layers: int = 0) -> CheckResult:
    """Check that an oblivious model that solves caches every non-output position below L.

    The family part evaluates ∃ ℓ < L, j ∈ M.controller ℓ v for the initial state vectors
    v of every instance, and the search part runs `schedule_points`. `skipped_layers`
    removes that many of the last layers from the search for ℓ.
    """
    tally = Tally()
    for entry, n, index, depth, k in oblivious_solvers(limits):
        model = entry.model
        searched = max(depth - skipped_layers, 0)
        for instance, trace in model_runs(n, index).states.items():
            vector = trace[0]
            caches = [model.controller(layer, vector) for layer in range(searched)]
            for j in range(n):
                if j != model.output:
                    tally.add(
                        True,
                        any(j in cache for cache in caches),
                        lambda: {
                            **entry.description,
                            "L": depth,
                            "k": k,
                            "v": repr(vector),
                            "j": j,
                        },
                    )
    for n, s, schedule in schedule_points(limits):
        read = covered(schedule[: max(len(schedule) - skipped_layers, 0)])
        for output, k in itertools.product(range(n), range(1, MODEL_LAYERS + 1)):
            solves = find_decoder(n, k, schedule, output) is not None
            missing = [j for j in range(n) if j != output and j not in read]
            tally.add(
                True,
                not solves or not missing,
                lambda: {**describe_schedule(n, s, schedule, output, k), "j": missing[0]},
            )
    domain = family_domain(
        limits,
        "the oblivious models",
        "every (L, k) with 1 ≤ k ≤ 3, L ≤ 3 and M.Solves L k, the initial state vector v "
        "of every instance and every j ≠ output, and " + search_text(limits, "1 ≤ k ≤ 3"),
    )
    return tally.result("CacheDepth.CacheTransformer.mem_cache_of_oblivious", domain)


ObliviousBound = Callable[[int, int, int, int], bool]
"""Maps n, the cache size s, the depth L and k to the conclusion of an oblivious bound."""


def covers_all_but_output(n: int, s: int, depth: int, k: int) -> bool:
    """Return n - 1 ≤ s·L, the conclusion of `le_mul_of_oblivious`."""
    return n - 1 <= s * depth


@checker("CacheDepth.CacheTransformer.le_mul_of_oblivious")
def check_le_mul_of_oblivious(
    limits: CheckLimits, *, conclusion: ObliviousBound = covers_all_but_output
) -> CheckResult:
    """Check IsOblivious → 1 ≤ k → 2 ≤ n → M.Solves L k → n - 1 ≤ s·L.

    `conclusion(n, s, L, k)` replaces n - 1 ≤ s·L.
    """
    tally = Tally()
    for entry, n, index, depth, k in oblivious_solvers(limits):
        tally.add(
            True,
            conclusion(n, entry.model.s, depth, k),
            lambda: {**entry.description, "L": depth, "k": k},
        )
    for n, s, schedule in schedule_points(limits):
        for output, k in itertools.product(range(n), range(1, MODEL_LAYERS + 1)):
            solves = find_decoder(n, k, schedule, output) is not None
            tally.add(
                True,
                not solves or conclusion(n, s, len(schedule), k),
                lambda: describe_schedule(n, s, schedule, output, k),
            )
    domain = family_domain(
        limits,
        "the oblivious models",
        "every (L, k) with 1 ≤ k ≤ 3, L ≤ 3 and M.Solves L k, and "
        + search_text(limits, "1 ≤ k ≤ 3"),
    )
    return tally.result("CacheDepth.CacheTransformer.le_mul_of_oblivious", domain)


def max_bound_le(n: int, k: int, s: int, bits: int, depth: int) -> bool:
    """Return max(⌈k/s⌉, ⌈⌈log₂ n⌉/(H·m·p)⌉) ≤ L for the bandwidth bits = H·m·p."""
    return int(max_bound(n, k, s, bits, 1, 1)) <= depth


MaxBoundClaim = Callable[[int, int, int, int, int], bool]
"""Maps n, k, s, H·m·p and L to the conclusion of a max bound."""


@checker("CacheDepth.CacheTransformer.maxBound_le_of_oblivious")
def check_max_bound_le_of_oblivious(
    limits: CheckLimits, *, conclusion: MaxBoundClaim = max_bound_le
) -> CheckResult:
    """Check IsOblivious → 1 ≤ k → k + 1 ≤ n → M.Solves L k → max bound ≤ L.

    The searched points are those of `schedule_points` with k ≤ n - 1, where the
    full-information protocol has H·m·p = 2n², and every point of the bandwidth search
    with k ≤ n - 1, whose schedules are fixed and whose s is its largest cache.
    `conclusion(n, k, s, H·m·p, L)` replaces the max bound.
    """
    tally = Tally()
    for entry, n, index, depth, k in oblivious_solvers(limits):
        model = entry.model
        tally.add(
            k + 1 <= n,
            conclusion(n, k, model.s, model.H * model.m * model.p, depth),
            lambda: {**entry.description, "L": depth, "k": k},
        )
    for n, s, schedule in schedule_points(limits):
        for output, k in itertools.product(range(n), range(1, n)):
            solves = find_decoder(n, k, schedule, output) is not None
            tally.add(
                True,
                not solves or conclusion(n, k, s, 2 * n * n, len(schedule)),
                lambda: describe_schedule(n, s, schedule, output, k),
            )
    for point, output, schedule, solution in search_results(limits.max_n):
        if point.k + 1 > point.n:
            continue
        s = largest_cache(schedule)
        tally.add(
            True,
            solution is None or conclusion(point.n, point.k, s, point.bits, point.depth),
            lambda: {**describe_search(point, output, schedule), "s": s},
        )
    domain = family_domain(
        limits,
        "the oblivious models",
        "every (L, k) with 1 ≤ k ≤ min(3, n - 1), L ≤ 3 and M.Solves L k, "
        + search_text(limits, "1 ≤ k ≤ n - 1")
        + ", and every point of the bandwidth search of bandwidth_search.py with k ≤ n - 1",
    )
    return tally.result("CacheDepth.CacheTransformer.maxBound_le_of_oblivious", domain)


# maxBoundHolds_of_reachability


@functools.lru_cache(maxsize=2)
def reachability_models(n: int) -> tuple[tuple[dict[str, Any], CacheTransformer, frozenset], ...]:
    """Return the chain follower, chain tracker and scanners on n tokens with their solved (L, k).

    The scanners have output 0 and answer 1-hop. The solved pairs have L, k ≤ 3 and are
    found by comparing each model's answers with `hop_naive` on all n^n · n instances.
    """
    models: list[tuple[dict[str, Any], CacheTransformer]] = [
        ({"n": n, "model": "chainFollower"}, chain_follower(n)),
        ({"n": n, "model": "chainTracker"}, chain_tracker(n)),
    ]
    for s in range(1, n):
        description = {"n": n, "model": "scheduleScanner", "s": s, "output": 0, "k": 1}
        models.append((description, schedule_scanner(n, s, 0, 1)))
    solved_models = []
    for description, model in models:
        answers = {
            (f, x): [model.decode(states[model.output]) for states in model.run(f, x, MODEL_LAYERS)]
            for f, x in all_instances(n)
        }
        solved = frozenset(
            (depth, k)
            for depth in range(MODEL_LAYERS + 1)
            for k in range(MODEL_LAYERS + 1)
            if all(answers[f, x][depth] == hop_naive(f, k, x) for f, x in answers)
        )
        solved_models.append((description, model, solved))
    return tuple(solved_models)


@checker("CacheDepth.maxBoundHolds_of_reachability")
def check_max_bound_holds_of_reachability(limits: CheckLimits, *, margin: int = 0) -> CheckResult:
    """Check the proof step: ⌈k/s⌉ ≤ L and n ≤ 2^(H·m·p·L) with 0 < H·m·p give max bound ≤ L.

    The grid runs n ≤ 40, L ≤ 20, k, s ≤ 10 and H, m, p ≤ 2 with 1 ≤ k and 4k ≤ n. The
    hypothesis n ≤ 2^(H·m·p·L) is what `le_two_pow_of_solves` provides for a model that
    solves. The models of `reachability_models(4)` that solve with 1 ≤ k, 4k ≤ n and
    ⌈k/s⌉ ≤ L add one instance each. `margin` is added to the max bound in the conclusion.
    """

    def evaluate(n, k, s, H, m, p, L):
        bits = H * m * p
        # Exponents above 62 overflow int64, and n ≤ 40 < 2^6 is true there anyway.
        names_pointer = n <= two_pow(np.minimum(bits * L, 62))
        hypothesis = (k >= 1) & (4 * k <= n) & (reach_depth(k, s) <= L) & (bits > 0) & names_pointer
        return hypothesis, max_bound(n, k, s, H, m, p) + margin <= L

    grid = check_grid("CacheDepth.maxBoundHolds_of_reachability", REACHABILITY_AXES, evaluate)
    tally = Tally()
    model_instances = 0
    if limits.max_n >= REACHABILITY_N:
        for description, model, solved in reachability_models(REACHABILITY_N):
            for depth, k in sorted(solved):
                hypothesis = k >= 1 and 4 * k <= model.n and int(reach_depth(k, model.s)) <= depth
                bound = int(max_bound(model.n, k, model.s, model.H, model.m, model.p))
                tally.add(hypothesis, bound + margin <= depth, {**description, "L": depth, "k": k})
        model_instances = tally.instances
    counterexample = grid.counterexample or tally.counterexample
    domain = (
        "all n ≤ 40, L ≤ 20, k, s ≤ 10 and H, m, p ≤ 2 with 1 ≤ k, 4k ≤ n, ⌈k/s⌉ ≤ L, 0 < H·m·p "
        f"and n ≤ 2^(H·m·p·L), and {model_instances} solving (model, L, k) with n = 4 ≥ 4k "
        "and ⌈k/s⌉ ≤ L from the chain follower, the chain tracker and the schedule scanners"
    )
    return make_result(
        "CacheDepth.maxBoundHolds_of_reachability",
        grid.instances + tally.instances,
        domain,
        counterexample,
    )
