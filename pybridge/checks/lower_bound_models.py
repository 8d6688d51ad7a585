"""The concrete models that the lower-bound checkers run through the mirror.

The lower-bound theorems quantify over every Cache-Transformer, so their checkers run a
family of concrete models on every instance with n ≤ min(max_n, 3) tokens:

* the family of `model_checks`: the chain follower of `pybridge.model.examples` and two
  seeded random models for every cache size s ≤ n and compression method;
* the chain tracker: the chain follower with a one-entry adaptive cache, which contains
  the current chain token as the top position by a score of its own state;
* the schedule scanners: a fixed schedule reads the positions other than the output, s
  per layer, and the output answers k-hop pointer chasing once it has read all of them.

The tracker and the scanners solve k-hop pointer chasing with a small cache, so the
statements whose hypothesis is `M.Solves L k` get instances from cache sizes below n.

Controllers are classified as follows. Schedule controllers, the chain follower's and the
scanners', are oblivious (`Controller.ofSchedule_isOblivious`). The tracker's controller
is top-1 by a score of the position's own state, which `topByScore_isLocalityRespecting`
proves locality-respecting. The random models have the states {0, 1, 2}, so
`pybridge.model.locality` decides both properties for them exhaustively at layers 0..2,
the layers that the checks run.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pybridge.checks.enumeration import hop_naive
from pybridge.checks.model_checks import MODEL_LAYERS, MODEL_SEEDS, model_counts, model_family
from pybridge.checks.result import CheckLimits
from pybridge.model.controllers import schedule_controller, top_by_score
from pybridge.model.examples import FollowerState
from pybridge.model.locality import find_controller_violation, is_oblivious
from pybridge.model.transformer import (
    CachedView,
    CacheTransformer,
    StateVector,
    all_instances,
)

Instance = tuple[tuple[int, ...], int]
"""A pointer map f, as the tuple of its images, and a start token x."""

OBLIVIOUS = "oblivious"
LOCALITY_RESPECTING = "locality-respecting"
UNRESTRICTED = "neither"
RANDOM_STATES = (0, 1, 2)
"""The states of the random models of `model_checks`."""


def chain_tracker(n: int) -> CacheTransformer[FollowerState]:
    """Build the chain follower with a one-entry cache that contains the current chain token.

    At layer 0 the cache is the start position, and at layer ℓ ≥ 1 the position whose
    index is hop f ℓ x, the token every position has reached. The one head sends the
    cached position's pointer, so after L ≥ 1 layers the answer is hop f L x, as for the
    chain follower, with s = 1 in place of s = n. Raises `ValueError` when n < 1.
    """
    if n < 1:
        raise ValueError(f"n={n} is invalid; the chain tracker needs at least one token")

    def score(state: FollowerState) -> int:
        if state.reached is None:
            return int(state.is_start)
        return int(state.reached == state.index)

    def init(index: int, pointer: int, is_start: bool) -> FollowerState:
        return FollowerState(index, pointer, is_start, None)

    def message(layer: int, head: int, state: FollowerState, view: CachedView) -> int:
        return view[0][1].pointer

    def update(layer: int, state: FollowerState, messages: tuple[int, ...]) -> FollowerState:
        return state._replace(reached=messages[0])

    def decode(state: FollowerState) -> int:
        return 0 if state.reached is None else state.reached

    return CacheTransformer(
        n=n,
        s=1,
        H=1,
        m=1,
        p=(n - 1).bit_length(),
        init=init,
        controller=top_by_score(1, score),
        message=message,
        update=update,
        output=0,
        decode=decode,
    )


Knowledge = tuple[tuple[int, bool] | None, ...]
"""The (pointer, start flag) of each position that a scanner position has read, or None."""


def scan_order(n: int, s: int, output: int) -> list[list[int]]:
    """Return the scanner's caches: the positions other than `output`, s per layer."""
    others = [position for position in range(n) if position != output]
    return [others[start : start + s] for start in range(0, len(others), s)]


def schedule_scanner(n: int, s: int, output: int, k: int) -> CacheTransformer[Knowledge]:
    """Build the model that reads every non-output position once and then solves k-hop.

    Layer ℓ caches the ℓ-th block of s positions of `scan_order` and later layers cache
    nothing. Head h sends 1 + 2·pointer + start flag of the h-th cached position, or 0 when
    the cache has fewer than h + 1 entries, so H = s heads of p = ⌈log₂(2n + 1)⌉ bits. The
    update reads the schedule to find whose pointer each head carries. After
    ⌈(n - 1)/s⌉ layers the output has read the whole map and the start, and its answer is
    hop f k x; before that its answer is 0. Raises `ValueError` unless 1 ≤ s < n.
    """
    if not 1 <= s < n:
        raise ValueError(f"s={s} is invalid for n={n}; the scanner needs 1 ≤ s < n")
    blocks = scan_order(n, s, output)

    def block(layer: int) -> list[int]:
        return blocks[layer] if layer < len(blocks) else []

    def init(index: int, pointer: int, is_start: bool) -> Knowledge:
        return tuple((pointer, is_start) if i == index else None for i in range(n))

    def message(layer: int, head: int, state: Knowledge, view: CachedView) -> int:
        if head >= len(view):
            return 0
        position, knowledge = view[head]
        pointer, is_start = knowledge[position]
        return 1 + 2 * pointer + int(is_start)

    def update(layer: int, state: Knowledge, messages: tuple[int, ...]) -> Knowledge:
        known = list(state)
        for position, value in zip(block(layer), messages):
            pointer, is_start = divmod(value - 1, 2)
            # Values outside 1..2n never occur in a run, but reachableStates feeds every
            # message to update, so they are ignored instead of raising.
            if value >= 1 and pointer < n:
                known[position] = (pointer, bool(is_start))
        return tuple(known)

    def decode(state: Knowledge) -> int:
        if any(entry is None for entry in state):
            return 0
        starts = [position for position, entry in enumerate(state) if entry[1]]
        if len(starts) != 1:
            return 0
        pointers = [entry[0] for entry in state]
        return hop_naive(pointers, k, starts[0])

    return CacheTransformer(
        n=n,
        s=s,
        H=s,
        m=1,
        p=(2 * n).bit_length(),
        init=init,
        controller=schedule_controller(block),
        message=message,
        update=update,
        output=output,
        decode=decode,
    )


@dataclass(frozen=True)
class FamilyModel:
    """One model of the lower-bound family, its description and its controller's class."""

    description: dict[str, Any]
    model: CacheTransformer
    controller_class: str
    """`OBLIVIOUS`, `LOCALITY_RESPECTING` (and not oblivious) or `UNRESTRICTED`."""

    @property
    def is_locality_respecting(self) -> bool:
        """Whether the controller is locality-respecting; oblivious ones are."""
        return self.controller_class in (OBLIVIOUS, LOCALITY_RESPECTING)

    @property
    def is_oblivious(self) -> bool:
        """Whether the controller ignores the states."""
        return self.controller_class == OBLIVIOUS


def classify_random_controller(model: CacheTransformer, n: int) -> str:
    """Decide the class of a random model's controller on the states {0, 1, 2}, layers 0..2."""
    layers = range(MODEL_LAYERS)
    if all(
        is_oblivious(lambda states: model.controller(layer, states), n, RANDOM_STATES)
        for layer in layers
    ):
        return OBLIVIOUS
    if find_controller_violation(model.controller, n, RANDOM_STATES, MODEL_LAYERS) is None:
        return LOCALITY_RESPECTING
    return UNRESTRICTED


@functools.lru_cache(maxsize=8)
def lower_bound_family(n: int) -> tuple[FamilyModel, ...]:
    """Return the family of the module docstring for n tokens."""
    family = []
    for description, model in model_family(n):
        if description["model"] == "chainFollower":
            controller_class = OBLIVIOUS
        else:
            controller_class = classify_random_controller(model, n)
        family.append(FamilyModel(description, model, controller_class))
    tracker = {"n": n, "model": "chainTracker", "s": 1}
    family.append(FamilyModel(tracker, chain_tracker(n), LOCALITY_RESPECTING))
    for s in range(1, n):
        for output in range(n):
            for k in range(1, MODEL_LAYERS + 1):
                description = {"n": n, "model": "scheduleScanner", "s": s, "output": output, "k": k}
                scanner = schedule_scanner(n, s, output, k)
                family.append(FamilyModel(description, scanner, OBLIVIOUS))
    return tuple(family)


@dataclass(frozen=True)
class ModelRuns:
    """The states after 0..3 layers and the caches of layers 0..2 of one model on every instance."""

    states: dict[Instance, list[StateVector]]
    caches: dict[Instance, list[list[int]]]

    def answer(self, model: CacheTransformer, depth: int, instance: Instance) -> int:
        """Decode the output position's state after `depth` layers of the stored run."""
        return model.decode(self.states[instance][depth][model.output])

    def cached_below(self, instance: Instance, position: int, depth: int) -> bool:
        """Return whether some layer below `depth` caches `position` on `instance`."""
        return any(position in cache for cache in self.caches[instance][:depth])


@functools.lru_cache(maxsize=128)
def model_runs(n: int, index: int) -> ModelRuns:
    """Run model `index` of `lower_bound_family(n)` for 3 layers on every instance."""
    model = lower_bound_family(n)[index].model
    states: dict[Instance, list[StateVector]] = {}
    caches: dict[Instance, list[list[int]]] = {}
    for instance in all_instances(n):
        trace = model.run(*instance, MODEL_LAYERS)
        states[instance] = trace
        caches[instance] = [model.cache(layer, trace[layer]) for layer in range(MODEL_LAYERS)]
    return ModelRuns(states, caches)


@functools.lru_cache(maxsize=128)
def solved_problems(n: int, index: int) -> frozenset[tuple[int, int]]:
    """Return every (L, k) with L, k ≤ 3 such that model `index` solves k-hop with L layers.

    The decoded outputs are compared with `hop_naive` on all n^n · n instances.
    """
    model = lower_bound_family(n)[index].model
    runs = model_runs(n, index)
    solved = set()
    for depth in range(MODEL_LAYERS + 1):
        for k in range(MODEL_LAYERS + 1):
            if all(
                runs.answer(model, depth, instance) == hop_naive(instance[0], k, instance[1])
                for instance in runs.states
            ):
                solved.add((depth, k))
    return frozenset(solved)


def family_entries(limits: CheckLimits) -> Iterator[tuple[int, int, FamilyModel]]:
    """Yield (n, index, entry) for every family model with n ≤ min(max_n, 3)."""
    for n in model_counts(limits):
        for index, entry in enumerate(lower_bound_family(n)):
            yield n, index, entry


def family_domain(limits: CheckLimits, models: str, rest: str) -> str:
    """Return the domain sentence of a family check."""
    top = max(model_counts(limits))
    return (
        f"all n ≤ {top}, {models} of the lower-bound family (chain follower, chain tracker, "
        f"schedule scanners and {MODEL_SEEDS} seeded random models per cache size and compression "
        f"method), {rest}"
    )


def pointer_changes(n: int) -> Iterator[tuple[Instance, tuple[int, ...], int]]:
    """Yield every ((f, x), g, j) where g differs from f exactly at position j."""
    for f, x in all_instances(n):
        for j in range(n):
            for value in range(n):
                if value != f[j]:
                    g = f[:j] + (value,) + f[j + 1 :]
                    yield (f, x), g, j
