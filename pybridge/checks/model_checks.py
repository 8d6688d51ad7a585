"""Checkers for the theorems of `CacheDepth/Model/CacheTransformer.lean`.

Each checker runs a family of concrete models through the mirror in
`pybridge.model.transformer` on every instance (f, x) with n ≤ min(max_n, 3) tokens. The
family starts with the chain follower of `pybridge.model.examples`, which solves k-hop
pointer chasing with k layers. The rest are seeded random models. For every cache size
s ≤ n, each of the five compression methods drives two models whose initial states,
messages, updates and decoder are fixed pseudo-random functions of their inputs.
Hypotheses on answers are evaluated with `hop_naive`, independently of the mirror's `hop`.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Hashable, Iterator, Sequence
from typing import Any

import numpy as np

from pybridge.checks.controllers import Tally, random_eviction_schedule
from pybridge.checks.enumeration import hop_naive
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult
from pybridge.model.controllers import (
    heavy_hitter,
    match_attention,
    schedule_controller,
    sinks_and_window,
    sliding_window,
    top_by_score,
)
from pybridge.model.examples import chain_follower
from pybridge.model.transformer import CacheTransformer, Controller, all_instances

MODEL_MAX_N = 3
"""Largest token count of the model checks: 3^3 · 3 = 81 instances per model."""
MODEL_LAYERS = 3
"""Largest depth L and hop count k of the model checks. Caches are traced at layers 0..2."""
MODEL_SEEDS = 2
"""Seeds 0..1 of the random models of each controller and cache size."""
STATE_COUNT = 3
"""Random models keep their states in range(3), the states the controllers are checked on."""
RANDOM_LISTS = 8
"""Number of seeded random instance lists per model for n = 3."""

Instance = tuple[tuple[int, ...], int]


def seeded_value(seed: int, *inputs: Hashable) -> int:
    """Return a pseudo-random 64-bit value that depends only on the seed and the inputs.

    The inputs are hashed through their repr, which for ints, bools and tuples of them is
    the same in every Python process, unlike `hash` on strings.
    """
    digest = hashlib.blake2b(repr((seed, inputs)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def random_model(n: int, s: int, seed: int, controller: Controller) -> CacheTransformer[int]:
    """Build a model on n tokens with two one-bit heads whose parts are seeded functions."""

    # The parts are cached because the same inputs recur across the n^n · n instances.
    @functools.lru_cache(maxsize=None)
    def init(index: int, pointer: int, is_start: bool) -> int:
        return seeded_value(seed, "init", index, pointer, is_start) % STATE_COUNT

    @functools.lru_cache(maxsize=None)
    def message(layer: int, head: int, state: int, view: tuple[tuple[int, int], ...]) -> int:
        return seeded_value(seed, "message", layer, head, state, view) % 2

    @functools.lru_cache(maxsize=None)
    def update(layer: int, state: int, messages: tuple[int, ...]) -> int:
        return seeded_value(seed, "update", layer, state, messages) % STATE_COUNT

    @functools.lru_cache(maxsize=None)
    def decode(state: int) -> int:
        return seeded_value(seed, "decode", state) % n

    return CacheTransformer(
        n=n,
        s=s,
        H=2,
        m=1,
        p=1,
        init=init,
        controller=controller,
        message=message,
        update=update,
        output=seed % n,
        decode=decode,
    )


def method_controller(n: int, s: int, seed: int, method: str) -> tuple[Controller, dict[str, Any]]:
    """Return the controller of `method` with cache size s, and its description."""
    if method == "slidingWindow":
        return sliding_window(n, s), {}
    if method == "sinksAndWindow":
        return sinks_and_window(n, s // 2, s - s // 2), {"a": s // 2, "w": s - s // 2}
    if method == "ofSchedule":
        rng = np.random.default_rng([n, s, seed])
        schedule = random_eviction_schedule(n, s, MODEL_LAYERS, rng)
        return schedule_controller(schedule.__getitem__), {"schedule": schedule}
    if method == "topByScore":
        table = tuple(seeded_value(seed, "score", state) % 3 for state in range(STATE_COUNT))
        return top_by_score(s, table.__getitem__), {"score": list(table)}
    if method == "heavyHitter":
        return heavy_hitter(s, match_attention), {"attention": "matchAttention"}
    raise ValueError(f"unknown compression method {method!r}")


METHODS = ("slidingWindow", "sinksAndWindow", "ofSchedule", "topByScore", "heavyHitter")


@functools.lru_cache(maxsize=4)
def model_family(n: int) -> tuple[tuple[dict[str, Any], CacheTransformer], ...]:
    """Return the chain follower, then the random models of every s ≤ n, method and seed."""
    family: list[tuple[dict[str, Any], CacheTransformer]] = [
        ({"n": n, "model": "chainFollower"}, chain_follower(n))
    ]
    for s in range(n + 1):
        for method in METHODS:
            for seed in range(MODEL_SEEDS):
                controller, details = method_controller(n, s, seed, method)
                description = {"n": n, "model": "random", "s": s, "controller": method}
                model = random_model(n, s, seed, controller)
                family.append(({**description, **details, "seed": seed}, model))
    return tuple(family)


def model_counts(limits: CheckLimits) -> range:
    """Return the token counts n = 1..min(max_n, 3) of the model checks."""
    return range(1, min(limits.max_n, MODEL_MAX_N) + 1)


def describe_instance(f: Sequence[int], x: int) -> dict[str, Any]:
    """Return an instance as JSON values."""
    return {"f": list(f), "x": x}


def model_domain(limits: CheckLimits, rest: str) -> str:
    """Return the domain sentence of a model check."""
    top = max(model_counts(limits))
    return (
        f"all n ≤ {top}, the chain follower and {MODEL_SEEDS} seeded random models per cache "
        f"size s ≤ n and compression method, all instances (f, x), {rest}"
    )


@checker("CacheDepth.CacheTransformer.length_cacheTrace_le")
def check_length_cache_trace_le(limits: CheckLimits) -> CheckResult:
    """Check (M.cacheTrace f x ℓ).length ≤ s for the layers ℓ < 3.

    The cache is the raw controller output on the states after ℓ layers, without the
    mirror's own size check, which would otherwise raise before the comparison.
    """
    tally = Tally()
    for n in model_counts(limits):
        for description, model in model_family(n):
            for f, x in all_instances(n):
                states = model.initial_states(f, x)
                for layer in range(MODEL_LAYERS):
                    cache = list(model.controller(layer, states))
                    parameters = {**description, **describe_instance(f, x), "layer": layer}
                    tally.add(True, len(cache) <= model.s, lambda: {**parameters, "cache": cache})
                    # The mirror raises on an oversized cache, so a run stops at the first one.
                    if len(cache) > model.s or layer + 1 == MODEL_LAYERS:
                        break
                    states = model.apply_layer(layer, states)
    domain = model_domain(limits, f"all layers ℓ < {MODEL_LAYERS}")
    return tally.result("CacheDepth.CacheTransformer.length_cacheTrace_le", domain)


@functools.lru_cache(maxsize=4)
def instance_lists(n: int) -> tuple[tuple[Instance, ...], ...]:
    """Return the instance lists of the SolvesOn checks on n tokens.

    For n ≤ 2 these are all lists of length ≤ 2, repeats allowed. For n = 3 they are the
    empty list, the list of all instances and eight seeded random lists of length 1..6.
    """
    instances = list(all_instances(n))
    if n <= 2:
        return tuple(
            tuple(entries)
            for length in range(3)
            for entries in itertools.product(instances, repeat=length)
        )
    rng = np.random.default_rng(n)
    lists: list[tuple[Instance, ...]] = [(), tuple(instances)]
    for _ in range(RANDOM_LISTS):
        size = int(rng.integers(1, 7))
        indices = rng.integers(len(instances), size=size)
        lists.append(tuple(instances[int(index)] for index in indices))
    return tuple(lists)


@functools.lru_cache(maxsize=4)
def family_answers(n: int) -> tuple[dict[int, dict[Instance, int]], ...]:
    """Return the answer of each model of `model_family(n)` at each depth L ≤ 3 on each instance.

    The answer at depth L is the decoded output state after L layers of one run of three
    layers, so it does not go through the mirror's `answer`, which the conclusions call.
    """
    answers = []
    for _, model in model_family(n):
        by_depth: dict[int, dict[Instance, int]] = {
            depth: {} for depth in range(MODEL_LAYERS + 1)
        }
        for f, x in all_instances(n):
            for depth, states in enumerate(model.run(f, x, MODEL_LAYERS)):
                by_depth[depth][f, x] = model.decode(states[model.output])
        answers.append(by_depth)
    return tuple(answers)


def describe_case(
    description: dict[str, Any], depth: int, k: int, entries: Sequence[Instance]
) -> dict[str, Any]:
    """Return a model, a depth, a hop count and an instance list as JSON values."""
    instances = [describe_instance(f, x) for f, x in entries]
    return {**description, "L": depth, "k": k, "instances": instances}


def depth_hop_counts() -> Iterator[tuple[int, int]]:
    """Yield every depth L ≤ 3 and hop count k ≤ 3."""
    return itertools.product(range(MODEL_LAYERS + 1), repeat=2)


@checker("CacheDepth.CacheTransformer.Solves.solvesOn")
def check_solves_solves_on(limits: CheckLimits) -> CheckResult:
    """Check M.Solves L k → M.SolvesOn L k instances for every instance list of `instance_lists`.

    The hypothesis compares the answers on all n^n · n instances with `hop_naive`, and
    the conclusion calls the mirror's `solves_on`.
    """
    tally = Tally()
    for n in model_counts(limits):
        for (description, model), answers in zip(model_family(n), family_answers(n)):
            for depth, k in depth_hop_counts():
                solves = all(
                    answer == hop_naive(f, k, x) for (f, x), answer in answers[depth].items()
                )
                if not solves:
                    continue
                for entries in instance_lists(n):
                    tally.add(
                        True,
                        model.solves_on(depth, k, entries),
                        lambda: describe_case(description, depth, k, entries),
                    )
    domain = model_domain(
        limits,
        f"all L, k ≤ {MODEL_LAYERS} and all instance lists of length ≤ 2 (n ≤ 2) or ten "
        "fixed lists (n = 3), with M.Solves L k",
    )
    return tally.result("CacheDepth.CacheTransformer.Solves.solvesOn", domain)


@checker("CacheDepth.CacheTransformer.successCount_eq_length")
def check_success_count_eq_length(limits: CheckLimits) -> CheckResult:
    """Check M.SolvesOn L k instances → M.successCount L k instances = instances.length.

    The hypothesis compares the answers on the list with `hop_naive`, and the conclusion
    calls the mirror's `success_count`.
    """
    tally = Tally()
    for n in model_counts(limits):
        for (description, model), answers in zip(model_family(n), family_answers(n)):
            for depth, k in depth_hop_counts():
                for entries in instance_lists(n):
                    solves_on = all(
                        answers[depth][f, x] == hop_naive(f, k, x) for f, x in entries
                    )
                    if not solves_on:
                        continue
                    tally.add(
                        True,
                        model.success_count(depth, k, entries) == len(entries),
                        lambda: describe_case(description, depth, k, entries),
                    )
    domain = model_domain(
        limits,
        f"all L, k ≤ {MODEL_LAYERS} and all instance lists of length ≤ 2 (n ≤ 2) or ten "
        "fixed lists (n = 3), with M.SolvesOn L k instances",
    )
    return tally.result("CacheDepth.CacheTransformer.successCount_eq_length", domain)
