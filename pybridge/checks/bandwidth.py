"""Checkers for the bandwidth lower bound of `CacheDepth/LowerBound/Bandwidth.lean`.

`reachable_states` mirrors `CacheTransformer.reachableStates`, and the statements about
it run the models of `lower_bound_models` through the mirror. The two bounds on solving
models also evaluate every point of the exhaustive search of `bandwidth_search`, which
decides whether any model of its protocol class solves. Formulas come from
`pybridge.checks.formulas`, computed from their definitions.

Some checkers take a keyword-only argument that replaces a formula, a hypothesis or a
mirror function. The registry never passes it; the tests pass a wrong variant to show
that the checker can fail.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from pybridge.checks.bandwidth_search import describe_search, search_results
from pybridge.checks.controller_support import Tally
from pybridge.checks.counting_lists import all_functions
from pybridge.checks.enumeration import hop_naive
from pybridge.checks.formulas import bandwidth_depth
from pybridge.checks.lower_bound_models import (
    family_domain,
    family_entries,
    model_runs,
    solved_problems,
)
from pybridge.checks.model_checks import MODEL_LAYERS
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult
from pybridge.model.transformer import CacheTransformer

REACHABLE_MAX_ENTRIES = 4096
"""Largest reachableStates list that the checks build; longer ones are skipped."""

Reachable = Callable[[CacheTransformer, Hashable, int], list]
"""Maps a model, a state and a layer count to the reachable-states list."""


def reachable_states(model: CacheTransformer, state: Hashable, layers: int) -> list:
    """Return `reachableStates state layers` of Lean, one entry per message sequence.

    Layer ℓ applies `update ℓ` to every entry and every function Fin H → Fin 2^(m·p), in
    the order of Lean's `allFunctions`, so entries may repeat.
    """
    states = [state]
    message_tuples = all_functions(model.message_count, model.H)
    for layer in range(layers):
        states = [
            model.update(layer, old, messages) for old in states for messages in message_tuples
        ]
    return states


def sequence_entries(model: CacheTransformer, layers: int) -> int:
    """Return ((2^(m·p))^H)^layers, the number of message sequences of `layers` layers."""
    return ((2 ** (model.m * model.p)) ** model.H) ** layers


def reachable_depths(model: CacheTransformer) -> range:
    """Return the layer counts ℓ ≤ 3 whose reachable-states list has at most 4096 entries."""
    depth = 0
    while depth < MODEL_LAYERS and sequence_entries(model, depth + 1) <= REACHABLE_MAX_ENTRIES:
        depth += 1
    return range(depth + 1)


@checker("CacheDepth.CacheTransformer.length_reachableStates")
def check_length_reachable_states(
    limits: CheckLimits,
    *,
    formula: Callable[[CacheTransformer, int], int] = sequence_entries,
) -> CheckResult:
    """Check (reachableStates a ℓ).length = ((2^(m·p))^H)^ℓ; `formula` replaces the right side.

    The states a are the initial states of every position on every instance.
    """
    tally = Tally()
    for n, index, entry in family_entries(limits):
        model = entry.model
        runs = model_runs(n, index)
        starts = {trace[0][position] for trace in runs.states.values() for position in range(n)}
        for state in sorted(starts, key=repr):
            for layers in reachable_depths(model):
                length = len(reachable_states(model, state, layers))
                tally.add(
                    True,
                    length == formula(model, layers),
                    lambda: {**entry.description, "state": repr(state), "layers": layers},
                )
    domain = family_domain(
        limits,
        "every model",
        "every initial state a of a position and every ℓ ≤ 3 with at most 4096 entries",
    )
    return tally.result("CacheDepth.CacheTransformer.length_reachableStates", domain)


@checker("CacheDepth.CacheTransformer.statesAt_mem_reachableStates")
def check_states_at_mem_reachable_states(
    limits: CheckLimits, *, reachable: Reachable = reachable_states
) -> CheckResult:
    """Check M.statesAt f x ℓ i ∈ M.reachableStates (M.initialStates f x i) ℓ.

    `reachable` replaces the mirror of `reachableStates`.
    """
    tally = Tally()
    for n, index, entry in family_entries(limits):
        model = entry.model
        runs = model_runs(n, index)

        @functools.lru_cache(maxsize=None)
        def reachable_set(state: Hashable, layers: int) -> frozenset:
            return frozenset(reachable(model, state, layers))

        for instance, trace in runs.states.items():
            for position in range(n):
                for layers in reachable_depths(model):
                    member = trace[layers][position] in reachable_set(trace[0][position], layers)
                    tally.add(
                        True,
                        member,
                        lambda: {
                            **entry.description,
                            "f": list(instance[0]),
                            "x": instance[1],
                            "i": position,
                            "layers": layers,
                        },
                    )
    domain = family_domain(
        limits,
        "every model",
        "all instances (f, x), positions i and ℓ ≤ 3 with at most 4096 reachable entries",
    )
    return tally.result("CacheDepth.CacheTransformer.statesAt_mem_reachableStates", domain)


def point_at(n: int, output: int, target: int) -> tuple[int, ...]:
    """Return `pointAt o y`: the output points to itself and every other token to y."""
    return tuple(output if i == output else target for i in range(n))


@checker("CacheDepth.CacheTransformer.hop_pointAt")
def check_hop_point_at(
    limits: CheckLimits, *, require_start_off_output: bool = True
) -> CheckResult:
    """Check x ≠ o → 1 ≤ k → hop (pointAt o y) k x = y with `hop_naive`.

    `require_start_off_output=False` drops the hypothesis x ≠ o.
    """
    tally = Tally()
    for n in range(1, limits.max_n + 1):
        for output in range(n):
            for target in range(n):
                f = point_at(n, output, target)
                for x in range(n):
                    for k in range(1, limits.max_hops + 1):
                        tally.add(
                            x != output or not require_start_off_output,
                            hop_naive(f, k, x) == target,
                            {"n": n, "o": output, "y": target, "x": x, "k": k},
                        )
    domain = f"all n ≤ {limits.max_n}, tokens o, y and starts x ≠ o, and 1 ≤ k ≤ {limits.max_hops}"
    return tally.result("CacheDepth.CacheTransformer.hop_pointAt", domain)


def bandwidth(model: CacheTransformer) -> int:
    """Return H·m·p, the message bits one position receives per layer."""
    return model.H * model.m * model.p


def le_two_pow(n: int, bits: int, depth: int) -> bool:
    """Return n ≤ 2^(H·m·p·L), the conclusion of `le_two_pow_of_solves`."""
    return n <= 2 ** (bits * depth)


def bandwidth_depth_le(n: int, bits: int, depth: int) -> bool:
    """Return 0 < H·m·p ∧ ⌈⌈log₂ n⌉/(H·m·p)⌉ ≤ L, as in `bandwidthDepth_le_of_solves`."""
    return bits > 0 and int(bandwidth_depth(n, bits, 1, 1)) <= depth


Conclusion = Callable[[int, int, int], bool]
"""Maps n, H·m·p and L to the conclusion of a bandwidth bound."""


def check_solving_bound(statement: str, limits: CheckLimits, conclusion: Conclusion) -> CheckResult:
    """Check a bound on models that solve k-hop (1 ≤ k, 2 ≤ n) on the family and the search.

    Family instances are models with (L, k) in `solved_problems`. Search instances are
    the points of `bandwidth_search.search_results`: the conclusion must hold wherever the
    search found a model that solves.
    """
    tally = Tally()
    for n, index, entry in family_entries(limits):
        model = entry.model
        for depth, k in sorted(solved_problems(n, index)):
            tally.add(
                k >= 1 and n >= 2,
                conclusion(n, bandwidth(model), depth),
                lambda: {
                    **entry.description,
                    "H": model.H,
                    "m": model.m,
                    "p": model.p,
                    "L": depth,
                    "k": k,
                },
            )
    searches = 0
    for point, output, schedule, solution in search_results(limits.max_n):
        searches += 1
        tally.add(
            True,
            solution is None or conclusion(point.n, point.bits, point.depth),
            lambda: {**describe_search(point, output, schedule), "found": "a model that solves"},
        )
    domain = family_domain(
        limits,
        "the models",
        "every (L, k) with 1 ≤ k ≤ 3, L ≤ 3 and M.Solves L k, and, from the exhaustive "
        f"search of bandwidth_search.py, {searches} points (n ≤ {min(limits.max_n, 5)}, "
        "H·m·p ≤ 2, L ≤ 2, k ≤ 2, output, schedule), each one instance: no member of the "
        "class solves there, or the conclusion holds",
    )
    return tally.result(statement, domain)


@checker("CacheDepth.CacheTransformer.le_two_pow_of_solves")
def check_le_two_pow_of_solves(
    limits: CheckLimits, *, conclusion: Conclusion = le_two_pow
) -> CheckResult:
    """Check 1 ≤ k → 2 ≤ n → M.Solves L k → n ≤ 2^(H·m·p·L); `conclusion` replaces it."""
    return check_solving_bound(
        "CacheDepth.CacheTransformer.le_two_pow_of_solves", limits, conclusion
    )


@checker("CacheDepth.CacheTransformer.bandwidthDepth_le_of_solves")
def check_bandwidth_depth_le_of_solves(
    limits: CheckLimits, *, conclusion: Conclusion = bandwidth_depth_le
) -> CheckResult:
    """Check 1 ≤ k → 2 ≤ n → M.Solves L k → 0 < H·m·p ∧ ⌈⌈log₂ n⌉/(H·m·p)⌉ ≤ L.

    `conclusion` replaces the conclusion.
    """
    return check_solving_bound(
        "CacheDepth.CacheTransformer.bandwidthDepth_le_of_solves", limits, conclusion
    )
