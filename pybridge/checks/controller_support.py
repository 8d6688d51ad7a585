"""Shared enumeration helpers and constants of the controller and ranking checkers."""

from __future__ import annotations

import itertools
from collections.abc import (
    Callable,
    Hashable,
    Iterator,
    Sequence,
)
from typing import Any
from pybridge.checks.result import (
    CheckLimits,
    CheckResult,
    make_result,
)
from pybridge.model.locality import (
    LocalityPair,
    pairs_outside_caches,
)
from pybridge.model.transformer import Controller

STATE_ALPHABET = (0, 1, 2)
"""The states of the controller checks."""
CONTROLLER_MAX_N = 4
"""Largest position count of the controller checks: 3^4 = 81 state vectors."""
SCHEDULE_LAYERS = 3
"""Layers 0..2 at which schedules, which may change with the layer, are evaluated."""
EVICTION_SEEDS = 4
"""Seeds 0..3 of the NumPy generators that draw random-eviction schedules."""
SCHEDULES_PER_DRAW = 3
"""Number of equally likely schedules in one random-eviction distribution."""
SCORE_VALUES = (0, 1, 2, 3)
"""Scores of the rank lemmas. With n ≤ 4 positions they include vectors without ties."""
PREDICATE_ALPHABET = (0, 1, 2)
"""The element type of the counting lemmas on `List.filter`."""
LIST_MAX_LENGTH = 4
"""Largest list length of the counting lemmas."""

Parameters = dict[str, Any] | Callable[[], dict[str, Any]]
"""A counterexample's parameters, or a function that builds them only when needed."""


class Tally:
    """The number of instances that meet the hypotheses and the first one that fails."""

    def __init__(self) -> None:
        self.instances = 0
        self.counterexample: dict[str, Any] | None = None

    def add(self, hypothesis: bool, conclusion: bool, parameters: Parameters) -> None:
        """Count the instance if it meets the hypothesis, and keep it if it is the first failure."""
        if not hypothesis:
            return
        self.instances += 1
        if not conclusion and self.counterexample is None:
            self.counterexample = parameters() if callable(parameters) else dict(parameters)

    def result(self, statement: str, domain: str) -> CheckResult:
        """Return the result, which fails as vacuous when no instance met the hypotheses."""
        return make_result(statement, self.instances, domain, self.counterexample)


def position_counts(limits: CheckLimits) -> range:
    """Return the position counts n = 0..min(max_n, 4) of the controller checks."""
    return range(min(limits.max_n, CONTROLLER_MAX_N) + 1)


def state_vectors(n: int, alphabet: Sequence[Hashable] = STATE_ALPHABET) -> Iterator[tuple]:
    """Yield every state vector of length n over `alphabet`, in lexicographic order."""
    return itertools.product(alphabet, repeat=n)


def describe_pair(pair: LocalityPair) -> dict[str, Any]:
    """Return the vectors, the position and the caches of a pair as JSON values."""
    return {
        "v": list(pair.v),
        "w": list(pair.w),
        "j": pair.j,
        "cache_v": list(pair.cache_v),
        "cache_w": list(pair.cache_w),
    }


def add_locality_pairs(
    tally: Tally,
    controller: Controller,
    n: int,
    layers: int,
    parameters: dict[str, Any],
    alphabet: Sequence[Hashable] = STATE_ALPHABET,
) -> None:
    """Add one instance of `IsLocalityRespecting` per layer below `layers` and hypothesis pair."""
    for layer in range(layers):
        pairs = pairs_outside_caches(lambda states: controller(layer, states), n, alphabet)
        for pair in pairs:
            tally.add(
                True,
                pair.cache_v == pair.cache_w,
                lambda: {**parameters, "layer": layer, **describe_pair(pair)},
            )


def locality_domain(controllers: str, limits: CheckLimits, layers: str = "layer 0") -> str:
    """Return the domain sentence of a locality check of `controllers`."""
    top = max(position_counts(limits))
    return (
        f"all {controllers} for n ≤ {top} at {layers}, and all pairs of state vectors over "
        "{0, 1, 2} that differ only at a position j in neither cache"
    )




def score_tables() -> Iterator[tuple[int, ...]]:
    """Yield every score function {0, 1, 2} → {0, 1, 2} as its table of values."""
    return itertools.product(STATE_ALPHABET, repeat=len(STATE_ALPHABET))
