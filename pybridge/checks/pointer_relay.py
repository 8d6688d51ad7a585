"""Checkers for `CacheDepth/UpperBound/Chunks.lean` and `CacheDepth/UpperBound/PointerRelay.lean`.

The relay runs through `pybridge.upper.pointer_relay` on every instance (f, x) with
2 ≤ n ≤ min(max_n, 4) tokens, every output position, cache sizes s = 1, 2, message widths
m·p = 1, 2 and hop counts k ≤ 3. The expected states are rebuilt here from the Lean
definitions (`pointerRelayRound`, `pointerRelayUpdate`), with tokens from `hop_naive` and
chunk counts from `clog2_by_search` and `ceil_div`. The expectations do not use the
mirror's own bit helpers.
"""

from __future__ import annotations

import dataclasses
import itertools

from pybridge.checks.construction_support import chunk_count, construction_runs, digit, nat_token
from pybridge.checks.controller_support import Tally, describe_pair
from pybridge.checks.enumeration import hop_naive
from pybridge.checks.formulas import bandwidth_depth
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult, make_result
from pybridge.model.locality import find_controller_violation
from pybridge.upper.pointer_relay import RelayState, build_pointer_relay

RELAY_MAX_N = 4
"""Largest token count of the relay runs."""
RELAY_MAX_K = 3
"""Largest hop count of the relay runs."""
VALUE_MAX = 300
"""Largest number of the digit checks."""


def lean_update(count: int, width: int, chunk: int, state: RelayState, message: int, n: int) -> RelayState:
    """Return `pointerRelayUpdate count m p chunk state msgs` with m·p = width."""
    received = state.received + (2 ** width) ** chunk * message
    if chunk + 1 < count:
        return state._replace(received=received)
    token = nat_token(received, state.index, n)
    return RelayState(state.index, state.pointer, state.index == token, 0, token)


def round_vector(f: tuple[int, ...], x: int, t: int, c: int, width: int) -> tuple[RelayState, ...]:
    """Return `pointerRelayRound m p f x t c` with m·p = width."""
    holder = hop_naive(f, t, x)
    received = hop_naive(f, t + 1, x) % (2 ** width) ** c
    return tuple(
        RelayState(i, f[i], i == holder, received, i if t == 0 else holder) for i in range(len(f))
    )


def _runs(limits: CheckLimits):
    """Yield (n, s, width, k, model, f, x, run) for every relay run of the domain, run to k·W layers.

    The states do not depend on the output position, which only `decode` reads.
    """
    return construction_runs(
        min(limits.max_n, RELAY_MAX_N), RELAY_MAX_K, lambda n: (1, 2), build_pointer_relay,
        lambda n, k, s, width: k * chunk_count(n, width),
    )


def _domain(limits: CheckLimits, scope: str) -> str:
    return (f"{scope}, the relay with s = 1, 2 and m·p = 1, 2, every instance with "
            f"2 ≤ n ≤ {min(limits.max_n, RELAY_MAX_N)}, k = 1..{RELAY_MAX_K}")


@checker("CacheDepth.receiveChunk_chunkMessage")
def check_receive_chunk(limits: CheckLimits) -> CheckResult:
    """Check v % b^c + b^c · digit c of v = v % b^(c+1) for b = 2^width, with bit operations."""
    tally = Tally()
    for width, value, c in itertools.product((1, 2, 3), range(VALUE_MAX + 1), range(5)):
        low = value & ((1 << (width * c)) - 1)
        top = (value >> (width * c)) & ((1 << width) - 1)
        tally.add(True, low | (top << (width * c)) == value % (2 ** width) ** (c + 1),
                  {"m·p": width, "v": value, "c": c})
    return tally.result("CacheDepth.receiveChunk_chunkMessage",
                        f"m·p = 1..3, v = 0..{VALUE_MAX}, c = 0..4")


@checker("CacheDepth.chunkCount_eq_bandwidthDepth")
def check_chunk_count_eq(limits: CheckLimits) -> CheckResult:
    """Check ⌈⌈log₂ n⌉/(m·p)⌉ = bandwidthDepth n 1 m p, with both sides recomputed."""
    tally = Tally()
    for n, m, p in itertools.product(range(limits.max_value + 1), range(4), range(4)):
        expected = int(bandwidth_depth(n, 1, m, p))
        tally.add(True, (chunk_count(n, m * p) if m * p else 0) == expected,
                  {"n": n, "m": m, "p": p})
    return tally.result("CacheDepth.chunkCount_eq_bandwidthDepth",
                        f"n = 0..{limits.max_value}, m, p = 0..3")


@checker("CacheDepth.chunkCount_pos")
def check_chunk_count_pos(limits: CheckLimits) -> CheckResult:
    """Check 2 ≤ n → 1 ≤ m·p → 1 ≤ chunkCount n m p."""
    tally = Tally()
    for n, width in itertools.product(range(limits.max_value + 1), range(1, 9)):
        tally.add(n >= 2, chunk_count(n, width) >= 1, {"n": n, "m·p": width})
    return tally.result("CacheDepth.chunkCount_pos", f"n = 2..{limits.max_value}, m·p = 1..8")


@checker("CacheDepth.lt_pow_chunkCount")
def check_lt_pow_chunk_count(limits: CheckLimits) -> CheckResult:
    """Check v < n → v < (2^(m·p))^(chunkCount n m p) for m·p ≥ 1."""
    tally = Tally()
    for n, width in itertools.product(range(1, limits.max_value + 1), range(1, 6)):
        power = (2 ** width) ** chunk_count(n, width)
        for v in range(n):
            tally.add(True, v < power, {"n": n, "m·p": width, "v": v})
    return tally.result("CacheDepth.lt_pow_chunkCount",
                        f"n = 1..{limits.max_value}, m·p = 1..5, every v < n")


@checker("CacheDepth.natToken_val")
def check_nat_token_val(limits: CheckLimits) -> CheckResult:
    """Check that natToken y.val d = y for every token y and default d."""
    tally = Tally()
    for n in range(1, limits.max_n + 1):
        for y, d in itertools.product(range(n), repeat=2):
            tally.add(True, nat_token(y, d, n) == y, {"n": n, "y": y, "d": d})
    return tally.result("CacheDepth.natToken_val", f"n = 1..{limits.max_n}, every y and d < n")


@checker("CacheDepth.pointerRelay_isLocalityRespecting")
def check_relay_locality(limits: CheckLimits) -> CheckResult:
    """Check that the relay's controller violates locality on no pair of state vectors."""
    instances, counterexample = 0, None
    alphabet = [RelayState(0, 0, holds, 0, 0) for holds in (False, True)]
    for n in range(2, min(limits.max_n, 3) + 1):
        for s in (1, 2):
            instances += len(alphabet) ** n
            model = build_pointer_relay(n, 1, s, 1, 1)
            found = find_controller_violation(model.controller, n, alphabet, 2)
            if found is not None and counterexample is None:
                counterexample = {"n": n, "s": s, "layer": found[0], **describe_pair(found[1])}
    return make_result("CacheDepth.pointerRelay_isLocalityRespecting", instances,
                       f"every state vector over holder/non-holder states, 2 ≤ n ≤ "
                       f"{min(limits.max_n, 3)}, s = 1, 2, layers 0-1", counterexample)


@checker("CacheDepth.pointerRelay_held")
def check_relay_held(limits: CheckLimits) -> CheckResult:
    """Check that on pointerRelayVector f y r R the first cached holder's pointer is f y."""
    tally = Tally()
    for n in range(2, min(limits.max_n, RELAY_MAX_N) + 1):
        for s in (1, 2, 3):
            model = build_pointer_relay(n, 1, s, 1, 1)
            for f in itertools.product(range(n), repeat=n):
                for y, r in itertools.product(range(n), (0, 3)):
                    vector = tuple(RelayState(i, f[i], i == y, r, (i + 1) % n) for i in range(n))
                    view = model.cached_view(0, vector)
                    holder_pointer = next((state.pointer for _, state in view if state.holds), 0)
                    tally.add(True, holder_pointer == f[y], {"n": n, "s": s, "f": list(f), "y": y, "r": r})
    return tally.result("CacheDepth.pointerRelay_held",
                        f"every map and y with 2 ≤ n ≤ {min(limits.max_n, RELAY_MAX_N)}, "
                        "s = 1..3, r ∈ {0, 3}, R i = i + 1 mod n")


@checker("CacheDepth.pointerRelay_step")
def check_relay_step(limits: CheckLimits) -> CheckResult:
    """Check that each layer applies `pointerRelayUpdate` to the chunk of the held pointer."""
    tally = Tally()
    for n, s, width, k, model, f, x, run in _runs(limits):
        count = chunk_count(n, width)
        for layer in range(k * count):
            view = model.cached_view(layer, run[layer])
            holder_pointer = next((state.pointer for _, state in view if state.holds), 0)
            message = digit(holder_pointer, layer % count, width)
            for i in range(n):
                expected = lean_update(count, width, layer % count, run[layer][i], message, n)
                tally.add(True, run[layer + 1][i] == expected,
                          {"n": n, "s": s, "m·p": width, "f": list(f), "x": x, "layer": layer, "i": i})
    return tally.result("CacheDepth.pointerRelay_step", _domain(limits, "layers 0..k·W-1"))


@checker("CacheDepth.pointerRelay_layer")
def check_relay_layer(limits: CheckLimits) -> CheckResult:
    """Check that layer c + t·W maps pointerRelayRound t c by the update for chunk c of f^[t+1] x."""
    tally = Tally()
    for n, s, width, k, model, f, x, run in _runs(limits):
        count = chunk_count(n, width)
        for t, c in itertools.product(range(k), range(count)):
            before = round_vector(f, x, t, c, width)
            message = digit(hop_naive(f, t + 1, x), c, width)
            for i in range(n):
                expected = lean_update(count, width, c, before[i], message, n)
                tally.add(True, run[c + t * count + 1][i] == expected,
                          {"n": n, "s": s, "m·p": width, "f": list(f), "x": x, "t": t, "c": c, "i": i})
    return tally.result("CacheDepth.pointerRelay_layer", _domain(limits, "rounds t < k, chunks c < W"))


@checker("CacheDepth.pointerRelay_round")
def check_relay_round(limits: CheckLimits) -> CheckResult:
    """Check that after c + t·W layers (c < W) the states are pointerRelayRound m p f x t c."""
    tally = Tally()
    for n, s, width, k, model, f, x, run in _runs(limits):
        count = chunk_count(n, width)
        for t, c in itertools.product(range(k + 1), range(count)):
            if c + t * count > k * count:
                continue
            tally.add(True, tuple(run[c + t * count]) == round_vector(f, x, t, c, width),
                      {"n": n, "s": s, "m·p": width, "f": list(f), "x": x, "t": t, "c": c})
    return tally.result("CacheDepth.pointerRelay_round", _domain(limits, "layers c + t·W ≤ k·W"))


@checker("CacheDepth.pointerRelay_solves")
def check_relay_solves(limits: CheckLimits) -> CheckResult:
    """Check that k·W layers answer hop f k x, at every output position."""
    tally = Tally()
    for n, s, width, k, model, f, x, run in _runs(limits):
        answer = hop_naive(f, k, x)
        for output in range(n):
            # `answer` with output position `output`: the decoder reads that position.
            with_output = dataclasses.replace(model, output=output)
            tally.add(True, with_output.decode(run[-1][with_output.output]) == answer,
                      {"n": n, "s": s, "m·p": width, "k": k, "output": output, "f": list(f), "x": x})
    return tally.result("CacheDepth.pointerRelay_solves",
                        _domain(limits, "k·W layers, every output position"))
