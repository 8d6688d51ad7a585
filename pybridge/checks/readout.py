"""Checkers for `CacheDepth/UpperBound/Readout.lean` and `CacheDepth/UpperBound/DoublingBound.lean`.

The readout runs through `pybridge.upper.readout` on every instance (f, x) with
2 ≤ n ≤ min(max_n, 4) tokens, cache sizes s = n, n + 1, message widths m·p = 1, 2 and hop
counts k ≤ 3. Expected states come from `readoutVector` rebuilt here, with tokens from
`hop_naive` and chunk counts from `clog2_by_search` and `ceil_div`. The doubling-bound
checks build the construction that `doublingUpperBound_met` names, run it on every
instance and compare its depth with `doubling_upper_bound` from `checks/formulas.py`.
"""

from __future__ import annotations

import dataclasses
import itertools

from pybridge.checks.bandwidth_search import describe_search, search_results
from pybridge.checks.construction_support import (
    WIDTHS,
    check_final_answers,
    chunk_count,
    construction_runs,
    digit,
)
from pybridge.checks.controller_support import Tally, describe_pair
from pybridge.checks.enumeration import hop_naive
from pybridge.checks.formulas import doubling_stages, doubling_upper_bound
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult, make_result
from pybridge.model.controllers import sliding_window
from pybridge.model.locality import find_controller_violation
from pybridge.model.transformer import all_instances
from pybridge.upper.pointer_relay import build_pointer_relay
from pybridge.upper.readout import ReadoutState, build_readout

READOUT_MAX_N = 4
"""Largest token count of the readout runs."""
READOUT_MAX_K = 3
"""Largest hop count of the readout runs."""
STAGES_MAX = 60
"""Largest k and s of the stage-count check."""


def readout_vector(f: tuple[int, ...], x: int, acc: int) -> tuple[ReadoutState, ...]:
    """Return `readoutVector f x acc`."""
    return tuple(ReadoutState(i, f[i], i == x, acc) for i in range(len(f)))


def _runs(limits: CheckLimits, extra_layers: int = 0):
    """Yield (n, s, width, k, model, f, x, run) for every readout run of the domain, run to W + extra_layers."""
    return construction_runs(
        min(limits.max_n, READOUT_MAX_N), READOUT_MAX_K, lambda n: (n, n + 1), build_readout,
        lambda n, k, s, width: chunk_count(n, width) + extra_layers,
    )


def _domain(limits: CheckLimits, scope: str) -> str:
    return (f"{scope}, the readout with s = n, n + 1 and m·p = 1, 2, every instance with "
            f"2 ≤ n ≤ {min(limits.max_n, READOUT_MAX_N)}, k = 1..{READOUT_MAX_K}")


@checker("CacheDepth.readout_isLocalityRespecting")
def check_readout_locality(limits: CheckLimits) -> CheckResult:
    """Check that the readout's controller violates locality on no pair of state vectors."""
    instances, counterexample = 0, None
    alphabet = [ReadoutState(0, 0, start, 0) for start in (False, True)]
    for n in range(2, min(limits.max_n, 3) + 1):
        for s in range(1, n + 2):
            instances += len(alphabet) ** n
            found = find_controller_violation(sliding_window(n, s), n, alphabet, 2)
            if found is not None and counterexample is None:
                counterexample = {"n": n, "s": s, "layer": found[0], **describe_pair(found[1])}
    return make_result("CacheDepth.readout_isLocalityRespecting", instances,
                       f"the readout's controller slidingWindow n s, every state vector over "
                       f"start/non-start states, 2 ≤ n ≤ {min(limits.max_n, 3)}, s = 1..n+1, "
                       "layers 0-1", counterexample)


@checker("CacheDepth.mem_recentPositions_of_le")
def check_mem_recent(limits: CheckLimits) -> CheckResult:
    """Check that with n ≤ s the last s positions, as Lean lists them, are all positions."""
    tally = Tally()
    for n in range(limits.max_n + 1):
        for s in range(n, n + 4):
            start = max(n - s, 0)
            listed = [start + t for t in range(s) if start + t < n]
            mirrored = sliding_window(n, s)(0, (None,) * n)
            for j in range(n):
                tally.add(True, j in listed and j in mirrored, {"n": n, "s": s, "j": j})
    return tally.result("CacheDepth.mem_recentPositions_of_le",
                        f"n = 0..{limits.max_n}, s = n..n+3, every j < n")


@checker("CacheDepth.readout_view")
def check_readout_view(limits: CheckLimits) -> CheckResult:
    """Check that the view of readoutVector f x a lists the pointers f and the start x."""
    tally = Tally()
    for n in range(2, min(limits.max_n, READOUT_MAX_N) + 1):
        model = build_readout(n, 1, n, 1, 1)
        for f, x in all_instances(n):
            for acc in (0, 2):
                view = model.cached_view(0, readout_vector(f, x, acc))
                first = {}
                for position, state in view:
                    first.setdefault(position, state)
                starts = [position for position, state in view if state.is_start]
                pointers = tuple(first[j].pointer if j in first else j for j in range(n))
                tally.add(True, pointers == tuple(f) and starts[:1] == [x],
                          {"n": n, "f": list(f), "x": x, "a": acc})
    return tally.result("CacheDepth.readout_view",
                        f"s = n, every instance with 2 ≤ n ≤ {min(limits.max_n, READOUT_MAX_N)}, "
                        "a ∈ {0, 2}")


@checker("CacheDepth.viewPointer_map")
def check_view_pointer_map(limits: CheckLimits) -> CheckResult:
    """Check that in the view l.map (i, V i) the first entry for a listed j has pointer V j."""
    tally = Tally()
    for n in range(1, min(limits.max_n, 3) + 1):
        for pointers in itertools.product(range(n), repeat=n):
            for length in range(4):
                for positions in itertools.product(range(n), repeat=length):
                    view = [(i, pointers[i]) for i in positions]
                    for j in set(positions):
                        first = next(pointer for position, pointer in view if position == j)
                        tally.add(True, first == pointers[j],
                                  {"n": n, "V": list(pointers), "l": list(positions), "j": j})
    return tally.result("CacheDepth.viewPointer_map",
                        f"n ≤ {min(limits.max_n, 3)}, every pointer vector V, every list l of "
                        "length ≤ 3, every j in l")


@checker("CacheDepth.readout_step")
def check_readout_step(limits: CheckLimits) -> CheckResult:
    """Check that each layer adds chunk ℓ of the hop read off the cached view, per Lean's message."""
    tally = Tally()
    for n, s, width, k, model, f, x, run in _runs(limits):
        for layer in range(len(run) - 1):
            view = model.cached_view(layer, run[layer])
            pointers = {}
            for position, state in view:
                pointers.setdefault(position, state.pointer)
            starts = [position for position, state in view if state.is_start]
            for i, state in enumerate(run[layer]):
                token = starts[0] if starts else state.index
                for _ in range(k):
                    token = pointers.get(token, token)
                expected = state._replace(
                    answer=state.answer + (2 ** width) ** layer * digit(token, layer, width))
                tally.add(True, run[layer + 1][i] == expected,
                          {"n": n, "s": s, "m·p": width, "k": k, "f": list(f), "x": x,
                           "layer": layer, "i": i})
    return tally.result("CacheDepth.readout_step", _domain(limits, "layers 0..W-1"))


@checker("CacheDepth.readout_statesAt")
def check_readout_states(limits: CheckLimits) -> CheckResult:
    """Check that after c layers every position contains f^[k] x mod (2^(m·p))^c."""
    tally = Tally()
    for n, s, width, k, model, f, x, run in _runs(limits, extra_layers=1):
        answer = hop_naive(f, k, x)
        for c, states in enumerate(run):
            tally.add(True, tuple(states) == readout_vector(f, x, answer % (2 ** width) ** c),
                      {"n": n, "s": s, "m·p": width, "k": k, "f": list(f), "x": x, "c": c})
    return tally.result("CacheDepth.readout_statesAt", _domain(limits, "layers 0..W+1"))


@checker("CacheDepth.readout_solves")
def check_readout_solves(limits: CheckLimits) -> CheckResult:
    """Check that W layers answer hop f k x at every output position, read as `natToken`."""
    return check_final_answers("CacheDepth.readout_solves", _runs(limits),
                               _domain(limits, "W layers, every output"))


@checker("CacheDepth.readout_optimal")
def check_readout_optimal(limits: CheckLimits) -> CheckResult:
    """Check chunkCount n m p ≤ L wherever the exhaustive search found a one-head model that solves."""
    tally = Tally()
    searches = 0
    for point, output, schedule, solution in search_results(limits.max_n):
        searches += 1
        tally.add(point.k >= 1 and point.n >= 2,
                  solution is None or chunk_count(point.n, point.bits) <= point.depth,
                  lambda: {**describe_search(point, output, schedule), "found": "a model that solves"})
    return tally.result("CacheDepth.readout_optimal",
                        f"{searches} points of the exhaustive search of bandwidth_search.py "
                        f"(n ≤ {min(limits.max_n, 5)}, H = 1, m·p ≤ 2, L ≤ 2, k ≤ 2, every "
                        "output and schedule): no model solves there, or ⌈⌈log₂ n⌉/(m·p)⌉ ≤ L")


@checker("CacheDepth.one_le_doublingStages")
def check_one_le_stages(limits: CheckLimits) -> CheckResult:
    """Check 1 ≤ k → 1 ≤ s → 1 ≤ doublingStages k s."""
    tally = Tally()
    for k, s in itertools.product(range(STAGES_MAX + 1), repeat=2):
        tally.add(k >= 1 and s >= 1, int(doubling_stages(k, s)) >= 1, {"k": k, "s": s})
    return tally.result("CacheDepth.one_le_doublingStages", f"k, s = 1..{STAGES_MAX}")


@checker("CacheDepth.doublingUpperBound_met")
def check_doubling_bound_met(limits: CheckLimits) -> CheckResult:
    """Check that the named construction solves every instance within doublingUpperBound layers."""
    tally = Tally()
    max_n = min(limits.max_n, READOUT_MAX_N)
    for n in range(2, max_n + 1):
        for k, s, width in itertools.product(range(1, READOUT_MAX_K + 1), range(1, max_n + 2), WIDTHS):
            stages = int(doubling_stages(k, s))
            if not (n <= s or stages == k):
                continue
            if n <= s:
                model, depth = build_readout(n, k, s, 1, width), chunk_count(n, width)
            else:
                model, depth = build_pointer_relay(n, k, s, 1, width), k * chunk_count(n, width)
            bound = int(doubling_upper_bound(n, k, s, 1, width))
            for output in range(n):
                with_output = dataclasses.replace(model, output=output)
                solved = all(with_output.answer(depth, f, x) == hop_naive(f, k, x)
                             for f, x in all_instances(n))
                tally.add(True, solved and depth <= bound,
                          {"n": n, "k": k, "s": s, "m·p": width, "output": output,
                           "L": depth, "bound": bound, "solves": solved})
    return tally.result("CacheDepth.doublingUpperBound_met",
                        f"2 ≤ n ≤ {max_n}, k = 1..{READOUT_MAX_K}, s = 1..{max_n + 1}, m·p = 1, 2, "
                        "every output, with n ≤ s or doublingStages k s = k; each point runs the "
                        "readout (n ≤ s) or the pointer relay on every instance")
