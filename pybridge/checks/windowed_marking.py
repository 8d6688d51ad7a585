"""Checkers for `CacheDepth/Controller/Segment.lean` and `CacheDepth/UpperBound/WindowedMarking.lean`.

The segment controller is recomputed here from its Lean definition and compared with the
mirror `segment_controller`. The windowed marking runs through
`pybridge.upper.windowed_marking` on every instance (f, x) with 2 ≤ n ≤ min(max_n, 4),
cache sizes s = 1..3, message widths m·p = 1, 2 and hop counts k ≤ 4. Expected states come
from `windowVector` rebuilt here, tokens from `hop_naive`, and chunk counts and bounds
from `checks/formulas.py`.
"""

from __future__ import annotations

import itertools

from pybridge.checks.construction_support import (
    WIDTHS,
    check_final_answers,
    chunk_count,
    construction_runs,
    digit,
)
from pybridge.checks.controller_support import Tally, describe_pair
from pybridge.checks.enumeration import all_pointer_maps, hop_naive
from pybridge.checks.formulas import ceil_div, doubling_upper_bound, max_bound
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult, make_result
from pybridge.model.controllers import segment_controller
from pybridge.model.locality import find_controller_violation
from pybridge.model.transformer import all_instances
from pybridge.upper.windowed_marking import WindowState, build_windowed_marking

MARKING_MAX_N = 4
"""Largest token count of the runs."""
MARKING_MAX_K = 4
"""Largest hop count of the runs."""
CACHE_SIZES = (1, 2, 3)
"""The cache sizes s of the runs."""
FORMULA_MAX = 40
"""Largest n, k and s of the arithmetic checks."""


def lean_segment(s: int, states, mark, pointer) -> list[int]:
    """Return `segment s mark ptr v`: hop (ptr ∘ v) t y for t < s from the first marked y."""
    marked = [i for i, state in enumerate(states) if mark(state)]
    if not marked:
        return []
    head = marked[0]
    entries = []
    for t in range(s):
        token = head
        for _ in range(t):
            token = pointer(states[token])
        entries.append(token)
    return entries


def window_vector(f: tuple[int, ...], y: int, acc: int) -> tuple[WindowState, ...]:
    """Return `windowVector f y acc`."""
    return tuple(WindowState(i, f[i], i == y, acc) for i in range(len(f)))


def follow_view(view, hops: int, default: int) -> int:
    """Return `viewHop view hops d`, with `viewPointer` read as the first entry for a token."""
    if not view:
        return default
    token = view[0][0]
    for _ in range(hops):
        token = next((state.pointer for position, state in view if position == token), token)
    return token


def mark_layers(k: int, s: int) -> int:
    """Return `markLayers k s` = ⌈k/s⌉ - 1."""
    return int(ceil_div(k, s)) - 1


def _runs(limits: CheckLimits):
    """Yield (n, s, width, k, model, f, x, run) for every run of the domain, run to its depth."""
    return construction_runs(
        min(limits.max_n, MARKING_MAX_N), MARKING_MAX_K, lambda n: CACHE_SIZES,
        build_windowed_marking, lambda n, k, s, width: mark_layers(k, s) + chunk_count(n, width),
    )


def _domain(limits: CheckLimits, scope: str) -> str:
    return (f"{scope}, the windowed marking with s = 1..3 and m·p = 1, 2, every instance with "
            f"2 ≤ n ≤ {min(limits.max_n, MARKING_MAX_N)}, k = 1..{MARKING_MAX_K}")


@checker("CacheDepth.hop_congr_of_agree")
def check_hop_congr(limits: CheckLimits) -> CheckResult:
    """Check that maps agreeing along the first t hops of p from y reach the same token."""
    tally = Tally()
    for n in range(1, min(limits.max_n, 3) + 1):
        maps = list(all_pointer_maps(n))
        for p, q in itertools.product(maps, repeat=2):
            for y, t in itertools.product(range(n), range(4)):
                agree = all(p[hop_naive(p, u, y)] == q[hop_naive(p, u, y)] for u in range(t))
                tally.add(agree, hop_naive(p, t, y) == hop_naive(q, t, y),
                          {"p": list(p), "q": list(q), "y": y, "t": t})
    return tally.result("CacheDepth.hop_congr_of_agree",
                        f"every pair of maps with n ≤ {min(limits.max_n, 3)}, every y, t ≤ 3")


@checker("CacheDepth.find?_eq_of_agree")
def check_find_eq_of_agree(limits: CheckLimits) -> CheckResult:
    """Check that predicates agreeing off j, neither finding j, find the same element."""
    tally = Tally()
    universe = range(3)
    subsets = [frozenset(c) for r in range(4) for c in itertools.combinations(universe, r)]
    for length in range(5):
        for items in itertools.product(universe, repeat=length):
            for P, Q, j in itertools.product(subsets, subsets, universe):
                found_p = next((a for a in items if a in P), None)
                found_q = next((a for a in items if a in Q), None)
                hypothesis = (all((i in P) == (i in Q) for i in universe if i != j)
                              and found_p != j and found_q != j)
                tally.add(hypothesis, found_p == found_q,
                          {"list": list(items), "P": sorted(P), "Q": sorted(Q), "j": j})
    return tally.result("CacheDepth.find?_eq_of_agree",
                        "every list over {0, 1, 2} of length ≤ 4, predicates as subsets, every j")


def _segment_vectors(limits: CheckLimits):
    """Yield (n, s, states) for state vectors of (pointer, marked) pairs with n ≤ 3."""
    for n in range(1, min(limits.max_n, 3) + 1):
        alphabet = [(pointer, marked) for pointer in range(n) for marked in (False, True)]
        for states in itertools.product(alphabet, repeat=n):
            for s in range(4):
                yield n, s, states


@checker("CacheDepth.length_segment_le")
def check_length_segment(limits: CheckLimits) -> CheckResult:
    """Check that the mirror's segment equals the Lean definition and has at most s entries."""
    tally = Tally()
    for n, s, states in _segment_vectors(limits):
        mirrored = segment_controller(s, lambda st: st[1], lambda st: st[0])(0, states)
        expected = lean_segment(s, states, lambda st: st[1], lambda st: st[0])
        tally.add(True, mirrored == expected and len(expected) <= s,
                  {"n": n, "s": s, "states": [list(st) for st in states]})
    return tally.result("CacheDepth.length_segment_le",
                        f"every vector of (pointer, marked) states with n ≤ {min(limits.max_n, 3)}, "
                        "s = 0..3")


@checker("CacheDepth.hop_mem_segment")
def check_hop_mem_segment(limits: CheckLimits) -> CheckResult:
    """Check that with first marked y, hop (ptr ∘ v) t y is in the segment for t < s."""
    tally = Tally()
    for n, s, states in _segment_vectors(limits):
        marked = [i for i, st in enumerate(states) if st[1]]
        if not marked:
            continue
        pointers = tuple(st[0] for st in states)
        cache = segment_controller(s, lambda st: st[1], lambda st: st[0])(0, states)
        for t in range(s):
            tally.add(True, hop_naive(pointers, t, marked[0]) in cache,
                      {"n": n, "s": s, "t": t, "states": [list(st) for st in states]})
    return tally.result("CacheDepth.hop_mem_segment",
                        f"every vector with a marked state, n ≤ {min(limits.max_n, 3)}, s = 0..3, t < s")


@checker("CacheDepth.segmentController_isLocalityRespecting")
def check_segment_locality(limits: CheckLimits) -> CheckResult:
    """Check that the segment controller violates locality on no pair of state vectors."""
    instances, counterexample = 0, None
    for n in range(1, min(limits.max_n, 3) + 1):
        alphabet = [(pointer, marked) for pointer in range(n) for marked in (False, True)]
        for s in range(4):
            instances += len(alphabet) ** n
            controller = segment_controller(s, lambda st: st[1], lambda st: st[0])
            found = find_controller_violation(controller, n, alphabet, 1)
            if found is not None and counterexample is None:
                counterexample = {"n": n, "s": s, **describe_pair(found[1])}
    return make_result("CacheDepth.segmentController_isLocalityRespecting", instances,
                       f"every vector of (pointer, marked) states, n ≤ {min(limits.max_n, 3)}, "
                       "s = 0..3", counterexample)


@checker("CacheDepth.windowedMarking_isLocalityRespecting")
def check_marking_locality(limits: CheckLimits) -> CheckResult:
    """Check that the windowed marking's controller violates locality on no pair of state vectors."""
    instances, counterexample = 0, None
    for n in range(2, min(limits.max_n, 3) + 1):
        alphabet = [WindowState(0, pointer, marked, 0) for pointer in range(n) for marked in (False, True)]
        for s in (1, 2):
            instances += len(alphabet) ** n
            model = build_windowed_marking(n, 2, s, 1, 1)
            found = find_controller_violation(model.controller, n, alphabet, 2)
            if found is not None and counterexample is None:
                counterexample = {"n": n, "s": s, "layer": found[0], **describe_pair(found[1])}
    return make_result("CacheDepth.windowedMarking_isLocalityRespecting", instances,
                       f"every vector of (pointer, marked) states, 2 ≤ n ≤ {min(limits.max_n, 3)}, "
                       "s = 1, 2, layers 0-1", counterexample)


@checker("CacheDepth.markLayers_add_lastHops")
def check_mark_layers(limits: CheckLimits) -> CheckResult:
    """Check A·s + r = k and 1 ≤ r ≤ s for A = ⌈k/s⌉ - 1, r = k - A·s."""
    tally = Tally()
    for k, s in itertools.product(range(1, FORMULA_MAX + 1), repeat=2):
        marking = mark_layers(k, s)
        rest = k - marking * s
        tally.add(True, marking * s + rest == k and 1 <= rest <= s and marking >= 0,
                  {"k": k, "s": s})
    return tally.result("CacheDepth.markLayers_add_lastHops", f"k, s = 1..{FORMULA_MAX}")


@checker("CacheDepth.windowedMarking_viewHop")
def check_marking_view_hop(limits: CheckLimits) -> CheckResult:
    """Check that on windowVector f y a the view leads t ≤ s hops from its head to hop f t y."""
    tally = Tally()
    for n in range(2, min(limits.max_n, MARKING_MAX_N) + 1):
        for s in CACHE_SIZES:
            model = build_windowed_marking(n, 1, s, 1, 1)
            for f in all_pointer_maps(n):
                for y, acc in itertools.product(range(n), (0, 3)):
                    view = model.cached_view(0, window_vector(f, y, acc))
                    for t in range(s + 1):
                        tally.add(True, follow_view(view, t, 0) == hop_naive(f, t, y),
                                  {"n": n, "s": s, "f": list(f), "y": y, "t": t})
    return tally.result("CacheDepth.windowedMarking_viewHop",
                        f"every map and y with 2 ≤ n ≤ {min(limits.max_n, MARKING_MAX_N)}, "
                        "s = 1..3, t ≤ s, a ∈ {0, 3}")


def lean_step(n: int, k: int, s: int, width: int, layer: int, state: WindowState, view) -> WindowState:
    """Return `windowUpdate` applied to `windowMessage`, from their Lean definitions."""
    marking = mark_layers(k, s)
    if layer < marking:
        bit = 1 if state.index == follow_view(view, s, state.index) else 0
        message = digit(bit, 0, width)
        return WindowState(state.index, state.pointer, message == 1, state.answer)
    token = follow_view(view, k - marking * s, state.index)
    chunk = layer - marking
    message = digit(token, chunk, width)
    return WindowState(state.index, state.pointer, state.marked,
                       state.answer + (2 ** width) ** chunk * message)


@checker("CacheDepth.windowedMarking_step")
def check_marking_step(limits: CheckLimits) -> CheckResult:
    """Check that every layer applies the Lean update to the Lean message on the cached view."""
    tally = Tally()
    for n, s, width, k, model, f, x, run in _runs(limits):
        for layer in range(len(run) - 1):
            view = model.cached_view(layer, run[layer])
            for i in range(n):
                expected = lean_step(n, k, s, width, layer, run[layer][i], view)
                tally.add(True, run[layer + 1][i] == expected,
                          {"n": n, "s": s, "m·p": width, "k": k, "f": list(f), "x": x,
                           "layer": layer, "i": i})
    return tally.result("CacheDepth.windowedMarking_step", _domain(limits, "every layer"))


@checker("CacheDepth.windowedMarking_marking")
def check_marking_phase(limits: CheckLimits) -> CheckResult:
    """Check that after ℓ ≤ ⌈k/s⌉ - 1 layers the states are windowVector f (hop f (ℓ·s) x) 0."""
    tally = Tally()
    for n, s, width, k, model, f, x, run in _runs(limits):
        for layer in range(mark_layers(k, s) + 1):
            expected = window_vector(f, hop_naive(f, layer * s, x), 0)
            tally.add(True, tuple(run[layer]) == expected,
                      {"n": n, "s": s, "m·p": width, "k": k, "f": list(f), "x": x, "layer": layer})
    return tally.result("CacheDepth.windowedMarking_marking", _domain(limits, "layers 0..⌈k/s⌉-1"))


@checker("CacheDepth.windowedMarking_readout")
def check_readout_phase(limits: CheckLimits) -> CheckResult:
    """Check that after ⌈k/s⌉ - 1 + c layers every position contains f^[k] x mod (2^(m·p))^c."""
    tally = Tally()
    for n, s, width, k, model, f, x, run in _runs(limits):
        marking = mark_layers(k, s)
        head = hop_naive(f, marking * s, x)
        answer = hop_naive(f, k, x)
        for c in range(chunk_count(n, width) + 1):
            expected = window_vector(f, head, answer % (2 ** width) ** c)
            tally.add(True, tuple(run[marking + c]) == expected,
                      {"n": n, "s": s, "m·p": width, "k": k, "f": list(f), "x": x, "c": c})
    return tally.result("CacheDepth.windowedMarking_readout", _domain(limits, "c = 0..W"))


@checker("CacheDepth.windowedMarking_solves")
def check_marking_solves(limits: CheckLimits) -> CheckResult:
    """Check that ⌈k/s⌉ - 1 + W layers answer hop f k x at every output position."""
    return check_final_answers("CacheDepth.windowedMarking_solves", _runs(limits),
                               _domain(limits, "⌈k/s⌉ - 1 + W layers, every output"))


@checker("CacheDepth.windowedMarking_depth_le_doublingUpperBound")
def check_depth_le_doubling(limits: CheckLimits) -> CheckResult:
    """Check ⌈k/s⌉ - 1 + W ≤ doublingUpperBound n k s m p."""
    tally = Tally()
    for n, k, s, width in itertools.product(range(2, FORMULA_MAX + 1), range(1, 13), range(1, 13), range(1, 5)):
        depth = mark_layers(k, s) + chunk_count(n, width)
        tally.add(True, depth <= int(doubling_upper_bound(n, k, s, 1, width)),
                  {"n": n, "k": k, "s": s, "m·p": width})
    return tally.result("CacheDepth.windowedMarking_depth_le_doublingUpperBound",
                        f"n = 2..{FORMULA_MAX}, k, s = 1..12, m·p = 1..4")


@checker("CacheDepth.windowedMarking_depth_lt_two_mul_maxBound")
def check_depth_lt_two_max(limits: CheckLimits) -> CheckResult:
    """Check ⌈k/s⌉ - 1 + W < 2·maxBound n k s 1 m p."""
    tally = Tally()
    for n, k, s, m, p in itertools.product(range(1, FORMULA_MAX + 1), range(1, 13), range(1, 13),
                                           range(1, 4), range(1, 4)):
        depth = mark_layers(k, s) + chunk_count(n, m * p)
        tally.add(True, depth < 2 * int(max_bound(n, k, s, 1, m, p)),
                  {"n": n, "k": k, "s": s, "m": m, "p": p})
    return tally.result("CacheDepth.windowedMarking_depth_lt_two_mul_maxBound",
                        f"n = 1..{FORMULA_MAX}, k, s = 1..12, m, p = 1..3")


@checker("CacheDepth.windowed_doubling_bound")
def check_windowed_doubling_bound(limits: CheckLimits) -> CheckResult:
    """Check that the windowed marking with output 0 solves every instance within the doubling bound."""
    tally = Tally()
    max_n = min(limits.max_n, MARKING_MAX_N)
    for n in range(2, max_n + 1):
        for k, s, width in itertools.product(range(1, MARKING_MAX_K + 1), range(1, n + 2), WIDTHS):
            model = build_windowed_marking(n, k, s, 1, width)
            depth = mark_layers(k, s) + chunk_count(n, width)
            bound = int(doubling_upper_bound(n, k, s, 1, width))
            solved = all(model.answer(depth, f, x) == hop_naive(f, k, x) for f, x in all_instances(n))
            tally.add(True, solved and depth <= 1 * bound,
                      {"n": n, "k": k, "s": s, "m·p": width, "L": depth, "bound": bound,
                       "solves": solved})
    return tally.result("CacheDepth.windowed_doubling_bound",
                        f"2 ≤ n ≤ {max_n}, k = 1..{MARKING_MAX_K}, s = 1..n+1, m·p = 1, 2, output 0, "
                        "every instance")
