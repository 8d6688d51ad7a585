"""Checkers for the cache controllers of `CacheDepth/Controller/`.

The statements of `Window.lean`, `Locality.lean`, `HeavyHitter.lean` and the controller
statements of `TopScore.lean` are evaluated on the Python controllers of `pybridge.model.controllers`. Statements about
a controller run it on every state vector of n ≤ min(max_n, 4) positions over the states
{0, 1, 2}. Locality is checked on every pair of vectors that differ only at a position j
that neither cache holds. These are the pairs that meet the hypotheses of
`IsLocalityRespecting`, and each counts as one instance. Only schedules depend on the
layer, so they are evaluated at layers 0..2 and all other controllers at layer 0. The lemmas
on ranks and counting are checked in `ranking.py`.
"""

from __future__ import annotations

import functools
import itertools
import numpy as np
from collections.abc import (
    Callable,
    Hashable,
    Iterator,
    Sequence,
)
from typing import Any
from pybridge.checks.registry import checker
from pybridge.checks.result import (
    CheckLimits,
    CheckResult,
    make_result,
)
from pybridge.model.controllers import (
    first_positions,
    heavy_hitter,
    match_attention,
    recent_positions,
    schedule_controller,
    sinks_and_window,
    sliding_window,
    top_by_score,
)
from pybridge.model.locality import (
    find_controller_violation,
    find_locality_violation,
    is_oblivious,
    pairs_outside_caches,
)
from pybridge.model.transformer import Controller
from pybridge.checks.controller_support import (
    CONTROLLER_MAX_N,
    EVICTION_SEEDS,
    SCHEDULES_PER_DRAW,
    SCHEDULE_LAYERS,
    STATE_ALPHABET,
    Tally,
    add_locality_pairs,
    describe_pair,
    locality_domain,
    position_counts,
    score_tables,
    state_vectors,
)


# Window.lean


@checker("CacheDepth.length_recentPositions_le")
def check_length_recent_positions_le(limits: CheckLimits) -> CheckResult:
    """Check (recentPositions n w).length ≤ w for all n, w ≤ max_value."""
    tally = Tally()
    for n in range(limits.max_value + 1):
        for w in range(limits.max_value + 1):
            tally.add(True, len(recent_positions(n, w)) <= w, {"n": n, "w": w})
    domain = f"all n, w ≤ {limits.max_value}"
    return tally.result("CacheDepth.length_recentPositions_le", domain)


@checker("CacheDepth.length_firstPositions_le")
def check_length_first_positions_le(limits: CheckLimits) -> CheckResult:
    """Check (firstPositions n a).length ≤ a for all n, a ≤ max_value."""
    tally = Tally()
    for n in range(limits.max_value + 1):
        for a in range(limits.max_value + 1):
            tally.add(True, len(first_positions(n, a)) <= a, {"n": n, "a": a})
    domain = f"all n, a ≤ {limits.max_value}"
    return tally.result("CacheDepth.length_firstPositions_le", domain)


@checker("CacheDepth.length_slidingWindow_le")
def check_length_sliding_window_le(limits: CheckLimits) -> CheckResult:
    """Check (slidingWindow n s ℓ v).length ≤ s for all s ≤ n + 1 and all state vectors v."""
    tally = Tally()
    for n in position_counts(limits):
        for s in range(n + 2):
            controller = sliding_window(n, s)
            for v in state_vectors(n):
                cache = controller(0, v)
                tally.add(True, len(cache) <= s, {"n": n, "s": s, "layer": 0, "v": list(v)})
    top = max(position_counts(limits))
    domain = f"all n ≤ {top}, s ≤ n + 1 and state vectors v over {{0, 1, 2}}, at layer 0"
    return tally.result("CacheDepth.length_slidingWindow_le", domain)


@checker("CacheDepth.length_sinksAndWindow_le")
def check_length_sinks_and_window_le(limits: CheckLimits) -> CheckResult:
    """Check (sinksAndWindow n a w ℓ v).length ≤ a + w for all a, w ≤ n + 1 and all vectors v."""
    tally = Tally()
    for n in position_counts(limits):
        for a in range(n + 2):
            for w in range(n + 2):
                controller = sinks_and_window(n, a, w)
                for v in state_vectors(n):
                    cache = controller(0, v)
                    parameters = {"n": n, "a": a, "w": w, "layer": 0, "v": list(v)}
                    tally.add(True, len(cache) <= a + w, parameters)
    top = max(position_counts(limits))
    domain = f"all n ≤ {top}, a, w ≤ n + 1 and state vectors v over {{0, 1, 2}}, at layer 0"
    return tally.result("CacheDepth.length_sinksAndWindow_le", domain)


@checker("CacheDepth.slidingWindow_isLocalityRespecting")
def check_sliding_window_locality(limits: CheckLimits) -> CheckResult:
    """Check that slidingWindow n s is locality-respecting for all s ≤ n + 1."""
    tally = Tally()
    for n in position_counts(limits):
        for s in range(n + 2):
            add_locality_pairs(tally, sliding_window(n, s), n, 1, {"n": n, "s": s})
    domain = locality_domain("sliding windows slidingWindow n s with s ≤ n + 1", limits)
    return tally.result("CacheDepth.slidingWindow_isLocalityRespecting", domain)


@checker("CacheDepth.sinksAndWindow_isLocalityRespecting")
def check_sinks_and_window_locality(limits: CheckLimits) -> CheckResult:
    """Check that sinksAndWindow n a w is locality-respecting for all a, w ≤ n + 1."""
    tally = Tally()
    for n in position_counts(limits):
        for a in range(n + 2):
            for w in range(n + 2):
                controller = sinks_and_window(n, a, w)
                add_locality_pairs(tally, controller, n, 1, {"n": n, "a": a, "w": w})
    domain = locality_domain("controllers sinksAndWindow n a w with a, w ≤ n + 1", limits)
    return tally.result("CacheDepth.sinksAndWindow_isLocalityRespecting", domain)


# Locality.lean


def random_eviction_schedule(
    n: int, s: int, layers: int, rng: np.random.Generator
) -> list[list[int]]:
    """Draw the caches of layers 0..layers-1 of one random-eviction run with s ≤ n slots.

    The first cache is s random positions. At each later layer one random slot is
    overwritten with a random position outside the cache, so caches are not sorted.
    """
    cache = [int(position) for position in rng.permutation(n)[:s]]
    schedule = []
    for _ in range(layers):
        schedule.append(list(cache))
        outside = [position for position in range(n) if position not in cache]
        if cache and outside:
            slot = int(rng.integers(len(cache)))
            cache[slot] = outside[int(rng.integers(len(outside)))]
    return schedule


def random_eviction_draws(n: int) -> Iterator[tuple[dict[str, Any], list[list[list[int]]]]]:
    """Yield, for each s ≤ n and seed, a list of equally likely random-eviction schedules."""
    for s in range(n + 1):
        for seed in range(EVICTION_SEEDS):
            rng = np.random.default_rng([n, s, seed])
            schedules = [
                random_eviction_schedule(n, s, SCHEDULE_LAYERS, rng)
                for _ in range(SCHEDULES_PER_DRAW)
            ]
            yield {"n": n, "s": s, "seed": seed}, schedules


def method_controllers(n: int) -> Iterator[tuple[dict[str, Any], Controller, int]]:
    """Yield controllers of the five compression methods on n positions, with their layer counts.

    The methods are sliding windows, sinks with windows, random-eviction schedules, top-s
    by a per-state score and heavy-hitter accumulation. Each comes with the number of
    layers at which it is evaluated.
    """
    for s in range(n + 2):
        yield {"controller": "slidingWindow", "s": s}, sliding_window(n, s), 1
    for a in range(n + 2):
        for w in range(n + 2):
            yield {"controller": "sinksAndWindow", "a": a, "w": w}, sinks_and_window(n, a, w), 1
    for parameters, schedules in random_eviction_draws(n):
        for index, schedule in enumerate(schedules):
            description = {"controller": "ofSchedule", **parameters, "schedule": schedule}
            controller = schedule_controller(schedule.__getitem__)
            yield {**description, "draw": index}, controller, SCHEDULE_LAYERS
    for s in range(n + 2):
        for table in score_tables():
            controller = top_by_score(s, table.__getitem__)
            yield {"controller": "topByScore", "s": s, "score": list(table)}, controller, 1
    attentions: dict[str, Callable[[int, int], int]] = {
        "matchAttention": match_attention,
        "product": lambda query, key: query * key,
        "constant 1": lambda query, key: 1,
    }
    for s in range(n + 2):
        for name, attention in attentions.items():
            description = {"controller": "heavyHitter", "s": s, "attention": name}
            yield description, heavy_hitter(s, attention), 1


def all_cache_rules(n: int, alphabet: Sequence[Hashable]) -> Iterator[dict[tuple, list[int]]]:
    """Yield every map from the vectors over `alphabet` to the duplicate-free position lists."""
    vectors = list(state_vectors(n, alphabet))
    caches = [
        list(cache) for length in range(n + 1) for cache in itertools.permutations(range(n), length)
    ]
    for choice in itertools.product(caches, repeat=len(vectors)):
        yield dict(zip(vectors, choice))


RULE_ALPHABET = (0, 1)
"""The states of the exhaustive family of cache rules."""
RULE_MAX_N = 2
"""Largest n of the exhaustive family: 5^4 = 625 rules on two positions."""


@checker("CacheDepth.Controller.IsOblivious.isLocalityRespecting")
def check_oblivious_locality(limits: CheckLimits) -> CheckResult:
    """Check IsOblivious ctrl → IsLocalityRespecting ctrl on two families of controllers.

    The first family is every cache rule on n ≤ 2 positions with states {0, 1}, used at
    every layer. The second is the controllers of `method_controllers`, most of which are
    oblivious. A controller meets the hypothesis when it is oblivious at every evaluated
    layer, and it is one instance.
    """
    tally = Tally()
    for n in range(min(limits.max_n, RULE_MAX_N) + 1):
        for table in all_cache_rules(n, RULE_ALPHABET):
            if not is_oblivious(table.__getitem__, n, RULE_ALPHABET):
                continue
            violation = find_locality_violation(table.__getitem__, n, RULE_ALPHABET)
            rule = [[list(vector), cache] for vector, cache in table.items()]
            tally.add(
                True,
                violation is None,
                lambda: {"n": n, "rule": rule, **describe_pair(violation)},
            )

    for n in position_counts(limits):
        for parameters, controller, layers in method_controllers(n):
            rules = [functools.partial(controller, layer) for layer in range(layers)]
            if not all(is_oblivious(rule, n, STATE_ALPHABET) for rule in rules):
                continue
            found = find_controller_violation(controller, n, STATE_ALPHABET, layers)
            tally.add(
                True,
                found is None,
                lambda: {"n": n, **parameters, "layer": found[0], **describe_pair(found[1])},
            )

    top = max(position_counts(limits))
    domain = (
        f"all cache rules on n ≤ {min(limits.max_n, RULE_MAX_N)} positions with states {{0, 1}} "
        f"and all controllers of the five compression methods for n ≤ {top} with states "
        "{0, 1, 2}, with IsOblivious at every evaluated layer"
    )
    return tally.result("CacheDepth.Controller.IsOblivious.isLocalityRespecting", domain)


def small_schedules(n: int) -> Iterator[tuple[list[int], ...]]:
    """Yield every schedule of layers 0..1 whose caches are position lists of length ≤ 2."""
    caches = [
        list(cache) for length in range(3) for cache in itertools.product(range(n), repeat=length)
    ]
    return itertools.product(caches, repeat=2)


SCHEDULE_MAX_N = 3
"""Largest n of the exhaustive schedules: 13^2 = 169 schedules on three positions."""


@checker("CacheDepth.Controller.ofSchedule_isOblivious")
def check_schedule_oblivious(limits: CheckLimits) -> CheckResult:
    """Check that ofSchedule schedule gives the same cache for all state vectors at each layer.

    Schedules are every assignment of position lists of length ≤ 2, repeats allowed, to
    layers 0 and 1. Each (schedule, layer) is one instance.
    """
    tally = Tally()
    for n in range(min(limits.max_n, SCHEDULE_MAX_N) + 1):
        for schedule in small_schedules(n):
            controller = schedule_controller(schedule.__getitem__)
            for layer in range(len(schedule)):
                oblivious = is_oblivious(
                    functools.partial(controller, layer), n, STATE_ALPHABET
                )
                parameters = {"n": n, "schedule": [list(cache) for cache in schedule]}
                tally.add(True, oblivious, {**parameters, "layer": layer})
    domain = (
        f"all schedules of layers 0 and 1 with position lists of length ≤ 2 for "
        f"n ≤ {min(limits.max_n, SCHEDULE_MAX_N)}, and all state vectors over {{0, 1, 2}}"
    )
    return tally.result("CacheDepth.Controller.ofSchedule_isOblivious", domain)


@checker("CacheDepth.Controller.randomEviction_isLocalityRespecting")
def check_random_eviction_locality(limits: CheckLimits) -> CheckResult:
    """Check that every schedule of a random-eviction distribution is locality-respecting.

    Each distribution is a list of three schedules drawn by `random_eviction_schedule`
    with a seeded NumPy generator, for every cache size s ≤ n and seeds 0..3.
    """
    tally = Tally()
    for n in position_counts(limits):
        for parameters, schedules in random_eviction_draws(n):
            for index, schedule in enumerate(schedules):
                controller = schedule_controller(schedule.__getitem__)
                description = {**parameters, "draw": index, "schedule": schedule}
                add_locality_pairs(tally, controller, n, SCHEDULE_LAYERS, description)
    domain = locality_domain(
        f"lists of {SCHEDULES_PER_DRAW} random-eviction schedules with s ≤ n and seeds "
        f"0..{EVICTION_SEEDS - 1}",
        limits,
        layers=f"layers 0..{SCHEDULE_LAYERS - 1}",
    )
    return tally.result("CacheDepth.Controller.randomEviction_isLocalityRespecting", domain)




@checker("CacheDepth.length_topByScore_le")
def check_length_top_by_score_le(limits: CheckLimits) -> CheckResult:
    """Check (topByScore s score ℓ v).length ≤ s for every score function on {0, 1, 2}."""
    tally = Tally()
    for n in position_counts(limits):
        for s in range(n + 2):
            for table in score_tables():
                controller = top_by_score(s, table.__getitem__)
                for v in state_vectors(n):
                    tally.add(
                        True,
                        len(controller(0, v)) <= s,
                        {"n": n, "s": s, "score": list(table), "layer": 0, "v": list(v)},
                    )
    top = max(position_counts(limits))
    domain = (
        f"all n ≤ {top}, s ≤ n + 1, score functions {{0, 1, 2}} → {{0, 1, 2}} and state "
        "vectors v over {0, 1, 2}, at layer 0"
    )
    return tally.result("CacheDepth.length_topByScore_le", domain)


@checker("CacheDepth.topByScore_isLocalityRespecting")
def check_top_by_score_locality(limits: CheckLimits) -> CheckResult:
    """Check that topByScore s score is locality-respecting for all scores on {0, 1, 2}."""
    tally = Tally()
    for n in position_counts(limits):
        for s in range(n + 2):
            for table in score_tables():
                controller = top_by_score(s, table.__getitem__)
                parameters = {"n": n, "s": s, "score": list(table)}
                add_locality_pairs(tally, controller, n, 1, parameters)
    domain = locality_domain(
        "controllers topByScore s score with s ≤ n + 1 and score functions "
        "{0, 1, 2} → {0, 1, 2}",
        limits,
    )
    return tally.result("CacheDepth.topByScore_isLocalityRespecting", domain)


# HeavyHitter.lean


ATTENTION_ALPHABET = (0, 1)
"""The states of the exhaustive attention functions, whose values are 0..2."""


def attention_tables() -> Iterator[tuple[tuple[int, ...], ...]]:
    """Yield every attention function {0, 1} × {0, 1} → {0, 1, 2} as a table of rows.

    The value at query q and key k is table[q][k].
    """
    size = len(ATTENTION_ALPHABET)
    for values in itertools.product(range(3), repeat=size * size):
        yield tuple(values[row * size : (row + 1) * size] for row in range(size))


@checker("CacheDepth.length_heavyHitter_le")
def check_length_heavy_hitter_le(limits: CheckLimits) -> CheckResult:
    """Check (heavyHitter s attention ℓ v).length ≤ s.

    Attention runs over every table {0, 1} × {0, 1} → {0, 1, 2} with states {0, 1}, then
    over matchAttention with states {0, 1, 2}.
    """
    tally = Tally()
    for n in position_counts(limits):
        for s in range(n + 2):
            for table in attention_tables():
                controller = heavy_hitter(s, lambda query, key: table[query][key])
                for v in state_vectors(n, ATTENTION_ALPHABET):
                    parameters = {"n": n, "s": s, "attention": [list(row) for row in table]}
                    tally.add(True, len(controller(0, v)) <= s, {**parameters, "v": list(v)})
            controller = heavy_hitter(s, match_attention)
            for v in state_vectors(n):
                parameters = {"n": n, "s": s, "attention": "matchAttention", "v": list(v)}
                tally.add(True, len(controller(0, v)) <= s, parameters)
    top = max(position_counts(limits))
    domain = (
        f"all n ≤ {top}, s ≤ n + 1, at layer 0: all attention functions {{0, 1}} × {{0, 1}} → "
        "{0, 1, 2} on all state vectors over {0, 1}, and matchAttention on all state vectors "
        "over {0, 1, 2}"
    )
    return tally.result("CacheDepth.length_heavyHitter_le", domain)


@checker("CacheDepth.heavyHitter_not_isLocalityRespecting")
def check_heavy_hitter_not_locality(limits: CheckLimits) -> CheckResult:
    """Check ¬ IsLocalityRespecting (heavyHitter (n := 3) 1 matchAttention) by finding a violation.

    The search runs over all state vectors of length 3 over {0, 1}, at layer 0, and counts
    every hypothesis pair as an instance. It passes when some pair has different caches.
    The domain also reports the smallest n for which heavyHitter s matchAttention violates
    locality for some s ≤ n + 1, over the states {0, 1, 2}. The statement fixes n = 3, so
    the search ignores max_n.
    """
    statement = "CacheDepth.heavyHitter_not_isLocalityRespecting"
    alphabet = (0, 1)
    controller = heavy_hitter(1, match_attention)
    pairs = list(pairs_outside_caches(lambda states: controller(0, states), 3, alphabet))
    violations = [pair for pair in pairs if pair.cache_v != pair.cache_w]
    domain = (
        "all pairs of state vectors of length 3 over {0, 1} that differ only at a position j "
        "in neither cache of heavyHitter 1 matchAttention at layer 0"
    )
    if not violations:
        return CheckResult(
            statement=statement,
            passed=False,
            instances=len(pairs),
            domain=domain,
            counterexample=None,
            reason=(
                "no locality violation found, but the theorem states that one exists; "
                "check heavy_hitter and top_positions against their Lean definitions"
            ),
        )

    first = describe_pair(violations[0])
    smallest = smallest_heavy_hitter_violation()
    domain += (
        f"; the first violation is v = {first['v']}, w = {first['w']}, j = {first['j']} with "
        f"caches {first['cache_v']} and {first['cache_w']}"
    )
    if smallest is not None:
        domain += f"; the smallest n with a violation is {smallest[0]}, for s = {smallest[1]}"
    return make_result(statement, len(pairs), domain, None)


def smallest_heavy_hitter_violation() -> tuple[int, int] | None:
    """Return the least (n, s) for which heavyHitter s matchAttention violates locality.

    The search runs over n ≤ 4 and s ≤ n + 1 with the states {0, 1, 2}, and returns None
    when no such pair violates locality.
    """
    for n in range(CONTROLLER_MAX_N + 1):
        for s in range(n + 2):
            controller = heavy_hitter(s, match_attention)
            if find_controller_violation(controller, n, STATE_ALPHABET, 1) is not None:
                return n, s
    return None
