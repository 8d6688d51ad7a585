"""Checkers for the theorems of `CacheDepth/UpperBound/Sequential.lean`.

The model runs through the mirror in `pybridge.model.sequential` on every instance (f, x)
with n ≤ min(max_n, 4) tokens, every output position, cache sizes s = 1, 2 and the
smallest m·p with n ≤ 2^(m·p). The expected tokens come from `hop_naive`. The top position
is recomputed as the maximum of (score, -index), independently of the mirror's ranking.
"""

from __future__ import annotations

import itertools

from pybridge.checks.controller_support import describe_pair, state_vectors
from pybridge.checks.enumeration import hop_naive
from pybridge.checks.formulas import clog2_by_search
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult, make_result
from pybridge.model.controllers import top_positions
from pybridge.model.locality import find_controller_violation
from pybridge.model.transformer import all_instances
from pybridge.model.sequential import FollowState, announced, read_token, sequential_follower

FOLLOWER_MAX_N = 4
"""Largest token count of the follower runs: 4^4 · 4 instances per output position."""
FOLLOWER_LAYERS = 4
"""Depths 0..4 of the invariant check and hop counts 1..4 of the correctness check."""
LIST_LENGTH = 4
"""Maximum list length of the `find?` check."""


def _models(limits: CheckLimits):
    """Yield (n, s, output, model) for every follower of the checked domain."""
    for n in range(1, min(limits.max_n, FOLLOWER_MAX_N) + 1):
        for s in (1, 2):
            for output in range(n):
                yield n, s, output, sequential_follower(n, s, clog2_by_search(n), 1, output)


@checker("CacheDepth.mem_topPositions_one_iff")
def check_mem_top_one(limits: CheckLimits) -> CheckResult:
    """Check that with scores 1 at y and 0 elsewhere the top-1 positions are exactly [y]."""
    instances, counterexample = 0, None
    for n in range(1, limits.max_n + 1):
        for y in range(n):
            scores = [1 if j == y else 0 for j in range(n)]
            best = max(range(n), key=lambda j: (scores[j], -j))
            top = top_positions(1, scores)
            for j in range(n):
                instances += 1
                if ((j in top) != (j == y) or best != y) and counterexample is None:
                    counterexample = {"n": n, "y": y, "j": j, "top": top}
    return make_result(
        "CacheDepth.mem_topPositions_one_iff", instances,
        f"every n ≤ {limits.max_n}, every y and j < n, with scores 1 at y and 0 elsewhere",
        counterexample,
    )


@checker("CacheDepth.find?_eq_some_of_unique")
def check_find_unique(limits: CheckLimits) -> CheckResult:
    """Check that `find?` returns the only entry that satisfies the predicate."""
    instances, counterexample = 0, None
    for length in range(LIST_LENGTH + 1):
        for values in itertools.product(range(3), repeat=length):
            for target in range(3):
                for a in set(values):
                    matching = [b for b in values if (b % 3) == target]
                    if not (a % 3 == target and all(b == a for b in matching)):
                        continue
                    instances += 1
                    found = next((b for b in values if b % 3 == target), None)
                    if found != a and counterexample is None:
                        counterexample = {"list": list(values), "target": target, "a": a}
    return make_result(
        "CacheDepth.find?_eq_some_of_unique", instances,
        f"every list over {{0, 1, 2}} of length ≤ {LIST_LENGTH}, predicate `b mod 3 = target`",
        counterexample,
    )


@checker("CacheDepth.sequentialFollower_isLocalityRespecting")
def check_follower_locality(limits: CheckLimits) -> CheckResult:
    """Check that the follower's controller violates locality on no pair of state vectors."""
    instances, counterexample = 0, None
    for n in range(1, min(limits.max_n, 3) + 1):
        alphabet = [FollowState(0, 0, active, 0) for active in (False, True)]
        model = sequential_follower(n, 1, clog2_by_search(n), 1, 0)
        instances += len(alphabet) ** n
        found = find_controller_violation(model.controller, n, alphabet, 2)
        if found is not None and counterexample is None:
            counterexample = {"n": n, "layer": found[0], **describe_pair(found[1])}
    return make_result(
        "CacheDepth.sequentialFollower_isLocalityRespecting", instances,
        f"every state vector over active/inactive states, n ≤ {min(limits.max_n, 3)}, layers 0-1",
        counterexample,
    )


@checker("CacheDepth.sequentialFollower_statesAt")
def check_follower_invariant(limits: CheckLimits) -> CheckResult:
    """Check the invariant after ℓ layers: index and pointer kept, active iff hop f ℓ x, ans = hop f ℓ x."""
    instances, counterexample = 0, None
    for n, s, output, model in _models(limits):
        for f, x in all_instances(n):
            for layer, states in enumerate(model.run(f, x, FOLLOWER_LAYERS)):
                reached = hop_naive(f, layer, x)
                for i, state in enumerate(states):
                    instances += 1
                    ok = (state.idx == i and state.ptr == f[i]
                          and state.active == (i == reached)
                          and (layer == 0 or state.ans == reached))
                    if not ok and counterexample is None:
                        counterexample = {"n": n, "s": s, "output": output, "f": list(f),
                                          "x": x, "layer": layer, "i": i, "state": list(state)}
    return make_result(
        "CacheDepth.sequentialFollower_statesAt", instances,
        f"the follower with s = 1, 2 and every output, every instance with n ≤ "
        f"{min(limits.max_n, FOLLOWER_MAX_N)}, layers 0..{FOLLOWER_LAYERS}, every position",
        counterexample,
    )


@checker("CacheDepth.sequentialFollower_solves")
def check_follower_solves(limits: CheckLimits) -> CheckResult:
    """Check that with k ≥ 1 layers the follower outputs hop f k x."""
    instances, counterexample = 0, None
    for n, s, output, model in _models(limits):
        for f, x in all_instances(n):
            for k in range(1, FOLLOWER_LAYERS + 1):
                instances += 1
                if model.answer(k, f, x) != hop_naive(f, k, x) and counterexample is None:
                    counterexample = {"n": n, "s": s, "output": output, "f": list(f), "x": x, "k": k}
    return make_result(
        "CacheDepth.sequentialFollower_solves", instances,
        f"the follower with s = 1, 2 and every output, every instance with n ≤ "
        f"{min(limits.max_n, FOLLOWER_MAX_N)}, k = 1..{FOLLOWER_LAYERS} layers and hops",
        counterexample,
    )


@checker("CacheDepth.announced_eq")
def check_announced_eq(limits: CheckLimits) -> CheckResult:
    """Check that a view whose active entries are all e announces e's pointer, for any default."""
    instances, counterexample = 0, None
    states = [FollowState(0, ptr, active, 0) for ptr in range(2) for active in (False, True)]
    for length in range(4):
        for view in itertools.product([(j, s) for j in range(2) for s in states], repeat=length):
            active = [entry for entry in view if entry[1].active]
            if not active or any(entry != active[0] for entry in active):
                continue
            for default in range(2):
                instances += 1
                if announced(list(view), default) != active[0][1].ptr and counterexample is None:
                    counterexample = {"view": [list(e) for e in view], "default": default}
    return make_result("CacheDepth.announced_eq", instances,
                       "every view of length ≤ 3 over 2 positions and 4 states whose active "
                       "entries are all equal, defaults 0 and 1", counterexample)


@checker("CacheDepth.readToken_of_val")
def check_read_token(limits: CheckLimits) -> CheckResult:
    """Check that a message whose value is a token reads as that token."""
    instances, counterexample = 0, None
    for n in range(1, limits.max_n + 1):
        for size in range(1, 2 * n + 1):
            for value in range(size):
                for default in range(n):
                    if value >= n:
                        continue
                    instances += 1
                    if read_token(value, n, default) != value and counterexample is None:
                        counterexample = {"n": n, "K": size, "value": value, "default": default}
    return make_result("CacheDepth.readToken_of_val", instances,
                       f"n ≤ {limits.max_n}, message alphabets up to 2n, every token value",
                       counterexample)
