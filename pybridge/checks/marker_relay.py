"""Checkers for the theorems of `CacheDepth/UpperBound/MarkerRelay.lean`.

The relay runs through the mirror in `pybridge.model.marker_relay` on every instance (f, x)
with n ≤ min(max_n, 4) tokens, every output position, m·p = 1 and hop counts k ≤ 3.
The expected tokens come from `hop_naive` and ⌈log₂ n⌉ from `clog2_by_search`, so the bound
formulas of `product_conjecture_false` are recomputed from their definitions.
"""

from __future__ import annotations

import itertools

from pybridge.checks.controller_support import describe_pair
from pybridge.checks.enumeration import hop_naive
from pybridge.checks.formulas import ceil_div, clog2_by_search
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult, make_result
from pybridge.model.locality import find_controller_violation
from pybridge.model.transformer import all_instances
from pybridge.model.marker_relay import RelayState, marker_relay, relay_vector

RELAY_MAX_N = 4
"""Largest token count of the relay runs."""
RELAY_MAX_K = 3
"""Largest hop count of the relay runs."""
POW_MAX = 40
"""Largest exponent W of the arithmetic checks."""


def _runs(limits: CheckLimits):
    """Yield (n, k, output, model, f, x) for every relay run of the checked domain."""
    for n in range(1, min(limits.max_n, RELAY_MAX_N) + 1):
        for k in range(RELAY_MAX_K + 1):
            for output in range(n):
                model = marker_relay(n, 1, 1, k, output)
                for f, x in all_instances(n):
                    yield n, k, output, model, f, x


def _domain(limits: CheckLimits, what: str) -> str:
    return (f"{what}, the relay with m·p = 1 and every output, every instance with "
            f"n ≤ {min(limits.max_n, RELAY_MAX_N)}, k ≤ {RELAY_MAX_K}")


@checker("CacheDepth.markerRelay_isLocalityRespecting")
def check_relay_locality(limits: CheckLimits) -> CheckResult:
    """Check that the relay's controller violates locality on no pair of state vectors."""
    instances, counterexample = 0, None
    for n in range(1, min(limits.max_n, 3) + 1):
        alphabet = [RelayState(0, 0, marked, 0) for marked in (False, True)]
        instances += len(alphabet) ** n
        found = find_controller_violation(marker_relay(n, 1, 1, 1, 0).controller, n, alphabet, 2)
        if found is not None and counterexample is None:
            counterexample = {"n": n, "layer": found[0], **describe_pair(found[1])}
    return make_result("CacheDepth.markerRelay_isLocalityRespecting", instances,
                       f"every state vector over marked/unmarked states, n ≤ "
                       f"{min(limits.max_n, 3)}, layers 0-1", counterexample)


@checker("CacheDepth.relay_find")
def check_relay_find(limits: CheckLimits) -> CheckResult:
    """Check that on relayVector f y a the first marked cached position is y."""
    instances, counterexample = 0, None
    for n in range(1, min(limits.max_n, RELAY_MAX_N) + 1):
        model = marker_relay(n, 1, 1, 1, 0)
        for f in itertools.product(range(n), repeat=n):
            for y in range(n):
                for acc in (0, 1, 5):
                    vector = relay_vector(f, y, acc)
                    view = model.cached_view(0, vector)
                    found = next((entry for entry in view if entry[1].marked), None)
                    instances += 1
                    if found != (y, vector[y]) and counterexample is None:
                        counterexample = {"n": n, "f": list(f), "y": y, "acc": acc}
    return make_result("CacheDepth.relay_find", instances,
                       f"every map and y with n ≤ {min(limits.max_n, RELAY_MAX_N)}, acc ∈ {{0, 1, 5}}",
                       counterexample)


@checker("CacheDepth.markerRelay_step")
def check_relay_step(limits: CheckLimits) -> CheckResult:
    """Check that one layer applies the update to the message computed from the cached view."""
    instances, counterexample = 0, None
    for n, k, output, model, f, x in _runs(limits):
        run = model.run(f, x, k + 2)
        for layer in range(k + 2):
            view = model.cached_view(layer, run[layer])
            for i in range(n):
                instances += 1
                message = model.message(layer, 0, run[layer][i], view)
                if model.update(layer, run[layer][i], (message,)) != run[layer + 1][i] \
                        and counterexample is None:
                    counterexample = {"n": n, "k": k, "f": list(f), "x": x, "layer": layer, "i": i}
    return make_result("CacheDepth.markerRelay_step", instances,
                       _domain(limits, "layers 0..k+1, every position"), counterexample)


@checker("CacheDepth.markerRelay_marking")
def check_relay_marking(limits: CheckLimits) -> CheckResult:
    """Check that after ℓ ≤ k layers only hop f ℓ x is marked and every acc is 0."""
    instances, counterexample = 0, None
    for n, k, output, model, f, x in _runs(limits):
        for layer, states in enumerate(model.run(f, x, k)):
            instances += 1
            expected = relay_vector(f, hop_naive(f, layer, x), 0)
            if tuple(states) != expected and counterexample is None:
                counterexample = {"n": n, "k": k, "f": list(f), "x": x, "layer": layer}
    return make_result("CacheDepth.markerRelay_marking", instances,
                       _domain(limits, "layers 0..k"), counterexample)


@checker("CacheDepth.markerRelay_readout")
def check_relay_readout(limits: CheckLimits) -> CheckResult:
    """Check that after k + j layers hop f k x is marked and every acc contains its low j bits."""
    instances, counterexample = 0, None
    for n, k, output, model, f, x in _runs(limits):
        run = model.run(f, x, k + 3)
        answer = hop_naive(f, k, x)
        for j in range(4):
            instances += 1
            if tuple(run[k + j]) != relay_vector(f, answer, answer % 2 ** j) \
                    and counterexample is None:
                counterexample = {"n": n, "k": k, "f": list(f), "x": x, "j": j}
    return make_result("CacheDepth.markerRelay_readout", instances,
                       _domain(limits, "j = 0..3 readout layers"), counterexample)


@checker("CacheDepth.markerRelay_solves")
def check_relay_solves(limits: CheckLimits) -> CheckResult:
    """Check that with k + ⌈log₂ n⌉ layers the relay outputs hop f k x."""
    instances, counterexample = 0, None
    for n, k, output, model, f, x in _runs(limits):
        instances += 1
        if model.answer(k + clog2_by_search(n), f, x) != hop_naive(f, k, x) and counterexample is None:
            counterexample = {"n": n, "k": k, "output": output, "f": list(f), "x": x}
    return make_result("CacheDepth.markerRelay_solves", instances,
                       _domain(limits, "k + ⌈log₂ n⌉ layers"), counterexample)


@checker("CacheDepth.clog2_two_pow")
def check_clog2_two_pow(limits: CheckLimits) -> CheckResult:
    """Check ⌈log₂ 2^W⌉ = W, with the ceiling logarithm found by search."""
    counterexample = None
    for w in range(POW_MAX + 1):
        least = next(t for t in range(POW_MAX + 2) if 2 ** w <= 2 ** t)
        if least != w and counterexample is None:
            counterexample = {"W": w, "clog2": least}
    return make_result("CacheDepth.clog2_two_pow", POW_MAX + 1, f"W = 0..{POW_MAX}", counterexample)


@checker("CacheDepth.four_mul_le_two_pow")
def check_four_mul(limits: CheckLimits) -> CheckResult:
    """Check 4W ≤ 2^W for W ≥ 4."""
    counterexample = next(({"W": w} for w in range(4, POW_MAX + 1) if 4 * w > 2 ** w), None)
    return make_result("CacheDepth.four_mul_le_two_pow", POW_MAX - 3, f"W = 4..{POW_MAX}",
                       counterexample)


@checker("CacheDepth.product_conjecture_false")
def check_product_false(limits: CheckLimits) -> CheckResult:
    """Check the witness point of the refutation: its hypotheses and W·W > c·(W + ⌈log₂ 2^W⌉)."""
    counterexample = None
    count = 0
    for c in range(1, limits.max_value + 1):
        w = 2 * c + 4
        n = 2 ** w
        reach = int(ceil_div(w, 1))
        band = int(ceil_div(clog2_by_search(n), 1 * 1 * 1))
        depth = w + clog2_by_search(n)
        count += 1
        ok = 4 * w <= n and 16 <= n and reach * band > c * depth
        if not ok and counterexample is None:
            counterexample = {"c": c, "W": w, "product": reach * band, "depth": depth}
    return make_result("CacheDepth.product_conjecture_false", count,
                       f"the witness point for c = 1..{limits.max_value}; the relay's correctness "
                       "is checked by CacheDepth.markerRelay_solves", counterexample)
