"""Checkers for `CacheDepth/LowerBound/Indistinguishable.lean`: indistinguishable runs.

Each statement compares the runs of one model on (f, x) and (g, x), where g differs from f
exactly at position j. The models are those of `lower_bound_models` whose controllers are
locality-respecting, run through the mirror for 3 layers on every instance with
n ≤ min(max_n, 3). Every (f, x, j, g) and every layer count ℓ ≤ 3 that meets the
hypotheses is one instance. Hop answers come from `hop_naive`.

Each checker takes a keyword-only argument that drops or weakens a hypothesis. The
registry never passes it; the tests do, to show that the checker can fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pybridge.checks.controller_support import Tally
from pybridge.checks.enumeration import hop_naive
from pybridge.checks.lower_bound_models import (
    FamilyModel,
    Instance,
    ModelRuns,
    family_domain,
    family_entries,
    model_runs,
    pointer_changes,
    solved_problems,
)
from pybridge.checks.model_checks import MODEL_LAYERS
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult

LOCAL_MODELS = "the models with a locality-respecting controller"


def uncached_below(runs: ModelRuns, first: Instance, second: Instance, j: int, depth: int) -> bool:
    """Return `UncachedBelow f g x j depth`: no layer below `depth` caches j in either run."""
    return not runs.cached_below(first, j, depth) and not runs.cached_below(second, j, depth)


def local_pairs(
    limits: CheckLimits,
) -> Iterator[tuple[FamilyModel, ModelRuns, Instance, Instance, int]]:
    """Yield (entry, runs, (f, x), (g, x), j) for every locality-respecting model and change."""
    for n, index, entry in family_entries(limits):
        if not entry.is_locality_respecting:
            continue
        runs = model_runs(n, index)
        for first, g, j in pointer_changes(n):
            yield entry, runs, first, (g, first[1]), j


def describe_pair(
    entry: FamilyModel, first: Instance, second: Instance, j: int, **extra: Any
) -> dict[str, Any]:
    """Return a model, the two instances and the changed position as JSON values."""
    return {
        **entry.description,
        "f": list(first[0]),
        "g": list(second[0]),
        "x": first[1],
        "j": j,
        **extra,
    }


@checker("CacheDepth.CacheTransformer.statesAt_eq_of_uncached")
def check_states_at_eq_of_uncached(
    limits: CheckLimits, *, require_uncached: bool = True
) -> CheckResult:
    """Check UncachedBelow f g x j ℓ → ∀ i ≠ j, statesAt f x ℓ i = statesAt g x ℓ i.

    `require_uncached=False` drops the hypothesis that j stays uncached.
    """
    tally = Tally()
    for entry, runs, first, second, j in local_pairs(limits):
        for depth in range(MODEL_LAYERS + 1):
            states_f = runs.states[first][depth]
            states_g = runs.states[second][depth]
            hypothesis = uncached_below(runs, first, second, j, depth) or not require_uncached
            agree = all(states_f[i] == states_g[i] for i in range(len(states_f)) if i != j)
            tally.add(
                hypothesis, agree, lambda: describe_pair(entry, first, second, j, layers=depth)
            )
    domain = family_domain(
        limits,
        LOCAL_MODELS,
        "every g that differs from f exactly at j, every x and ℓ ≤ 3, with j cached in neither "
        "run below layer ℓ",
    )
    return tally.result("CacheDepth.CacheTransformer.statesAt_eq_of_uncached", domain)


@checker("CacheDepth.CacheTransformer.cacheTrace_eq_of_uncached")
def check_cache_trace_eq_of_uncached(
    limits: CheckLimits, *, require_uncached: bool = True
) -> CheckResult:
    """Check UncachedBelow f g x j (ℓ + 1) → cacheTrace f x ℓ = cacheTrace g x ℓ, as lists.

    `require_uncached=False` drops the hypothesis.
    """
    tally = Tally()
    for entry, runs, first, second, j in local_pairs(limits):
        for layer in range(MODEL_LAYERS):
            hypothesis = uncached_below(runs, first, second, j, layer + 1) or not require_uncached
            same = runs.caches[first][layer] == runs.caches[second][layer]
            tally.add(hypothesis, same, lambda: describe_pair(entry, first, second, j, layer=layer))
    domain = family_domain(
        limits,
        LOCAL_MODELS,
        "every g that differs from f exactly at j, every x and layer ℓ ≤ 2, with j cached in "
        "neither run at layers 0..ℓ",
    )
    return tally.result("CacheDepth.CacheTransformer.cacheTrace_eq_of_uncached", domain)


@checker("CacheDepth.CacheTransformer.answer_eq_of_uncached")
def check_answer_eq_of_uncached(
    limits: CheckLimits, *, require_uncached: bool = True
) -> CheckResult:
    """Check M.output ≠ j → UncachedBelow f g x j L → answer L f x = answer L g x.

    `require_uncached=False` drops the hypothesis that j stays uncached.
    """
    tally = Tally()
    for entry, runs, first, second, j in local_pairs(limits):
        model = entry.model
        for depth in range(MODEL_LAYERS + 1):
            hypothesis = model.output != j and (
                uncached_below(runs, first, second, j, depth) or not require_uncached
            )
            same = runs.answer(model, depth, first) == runs.answer(model, depth, second)
            tally.add(hypothesis, same, lambda: describe_pair(entry, first, second, j, L=depth))
    domain = family_domain(
        limits,
        LOCAL_MODELS,
        "every g that differs from f exactly at a position j other than the output, every x "
        "and L ≤ 3, with j cached in neither run below layer L",
    )
    return tally.result("CacheDepth.CacheTransformer.answer_eq_of_uncached", domain)


@checker("CacheDepth.CacheTransformer.cached_of_answer_ne")
def check_cached_of_answer_ne(limits: CheckLimits, *, skipped_layers: int = 0) -> CheckResult:
    """Check M.Solves L k → M.output ≠ j → hop f k x ≠ hop g k x → ∃ ℓ < L, j cached in a run.

    `skipped_layers` removes that many of the last layers from the search for ℓ.
    """
    tally = Tally()
    for n, index, entry in family_entries(limits):
        if not entry.is_locality_respecting:
            continue
        model = entry.model
        runs = model_runs(n, index)
        solved = sorted(solved_problems(n, index))
        for first, g, j in pointer_changes(n):
            second = (g, first[1])
            if model.output == j:
                continue
            for depth, k in solved:
                differ = hop_naive(first[0], k, first[1]) != hop_naive(g, k, first[1])
                searched = max(depth - skipped_layers, 0)
                cached = runs.cached_below(first, j, searched) or runs.cached_below(
                    second, j, searched
                )
                tally.add(
                    differ, cached, lambda: describe_pair(entry, first, second, j, L=depth, k=k)
                )
    domain = family_domain(
        limits,
        LOCAL_MODELS,
        "every (L, k) with L, k ≤ 3 and M.Solves L k, and every g that differs from f exactly "
        "at a position j other than the output, every x with hop f k x ≠ hop g k x",
    )
    return tally.result("CacheDepth.CacheTransformer.cached_of_answer_ne", domain)
