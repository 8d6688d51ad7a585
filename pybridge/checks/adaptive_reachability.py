"""Checkers for `CacheDepth/LowerBound/AdaptiveReachability.lean`: reachability for adaptive controllers.

The theorems need `(k + 1)^(k + 1) ≤ n`, so the smallest case is k = 1 with n = 4, and k = 2
would need n = 27, where no model can be verified on all n^n · n instances. The checkers run
locality-respecting models that solve 1-hop pointer chasing on n = 4:

* the guess walk (`pybridge/model/guess_walk.py`), whose controller adapts to the pointers;
* the windowed marking (`pybridge/upper/windowed_marking.py`), whose segment controller is
  locality-respecting by the Lean theorem `segmentController_isLocalityRespecting`.

Each model counts only if it solves on all 4^4 · 4 instances and, for the guess walk, if its
controller passes the locality check on every pair of state vectors over pointers range(4)
and start flags. Each model then runs on every instance of its tree family
(`pybridge/model/tree_family.py`). `le_mul_of_locality` also checks the witness of its
proof: some parameter whose first k path tokens are all cached below L.

NOTE: at k = 1 the only path token is the start token, and both models cache it at layer 0.
So the premise "both variants leave the token uncached" of `digit_eq_of_uncached` never
holds on them, and these checks are weak. The tests show that they fail on a model that
solves 1-hop with a controller that is not locality-respecting.

Each checker takes a keyword-only argument that changes the model list or the conclusion.
The registry never passes it; the tests do, to show that the checker can fail.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pybridge.checks.controller_support import Tally
from pybridge.checks.formulas import max_bound, reach_depth
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult
from pybridge.model.locality import find_controller_violation
from pybridge.model.transformer import CacheTransformer
from pybridge.model.tree_family import Parameter, TreeFamily, fits, set_at

HOPS = 1
"""The hop count k: the least k ≥ 1, since (k + 1)^(k + 1) ≤ n needs n ≥ 27 for k = 2."""


@dataclass(frozen=True, eq=False)
class SolvingModel:
    """A model with the depth L at which it is run; hashed by identity.

    `states` lists the state alphabet on which its controller's locality is checked, or is
    empty when locality is a Lean theorem about the controller.
    """

    description: dict[str, Any]
    model: CacheTransformer
    depth: int
    states: tuple = ()


def default_models() -> Iterator[SolvingModel]:
    """Yield the models of the module docstring, built once."""
    return iter(_default_models())


@functools.lru_cache(maxsize=1)
def _default_models() -> tuple[SolvingModel, ...]:
    # Imported here because `pybridge.model.guess_walk` imports `pybridge.upper`, whose
    # report imports this package.
    from pybridge.model.guess_walk import WalkState, build_guess_walk, guess_walk_depth
    from pybridge.upper.windowed_marking import build_windowed_marking, windowed_marking_depth

    n = 4
    # The guess walk's controller reads only pointers and start flags.
    walk_states = tuple(
        WalkState(0, pointer, is_start, 0)
        for pointer, is_start in itertools.product(range(n), (False, True))
    )
    models = []
    for s, m, p in ((1, 1, 1), (1, 2, 1), (2, 1, 1)):
        models.append(SolvingModel(
            {"model": "guess walk", "n": n, "s": s, "m": m, "p": p},
            build_guess_walk(n, HOPS, s, m, p), guess_walk_depth(n, m, p), walk_states,
        ))
        models.append(SolvingModel(
            {"model": "windowed marking", "n": n, "s": s, "m": m, "p": p},
            build_windowed_marking(n, HOPS, s, m, p), windowed_marking_depth(n, HOPS, s, m, p),
        ))
    return tuple(models)


@functools.lru_cache(maxsize=None)
def is_local(entry: SolvingModel) -> bool:
    """Return whether the controller passes the locality check on `entry.states` at every layer."""
    if not entry.states:
        return True
    model = entry.model
    violation = find_controller_violation(model.controller, model.n, entry.states, entry.depth)
    return violation is None


@functools.lru_cache(maxsize=None)
def solves(entry: SolvingModel) -> bool:
    """Return whether the model returns the correct answer on every instance after its depth."""
    return entry.model.solves(entry.depth, HOPS)


@dataclass(frozen=True)
class TreeRuns:
    """The caches below L of one model on every instance of its tree family."""

    tree: TreeFamily
    caches: dict[Parameter, list[list[int]]]

    def uncached(self, g: Parameter, j: int) -> bool:
        """Return whether no layer below L caches the j-th path token of g."""
        token = self.tree.position(self.tree.path_node(g, j))
        return all(token not in cache for cache in self.caches[g])


@functools.lru_cache(maxsize=None)
def tree_runs(entry: SolvingModel) -> TreeRuns:
    """Run the model on every instance of its tree family."""
    model = entry.model
    tree = TreeFamily(model.n, HOPS, model.output)
    caches = {}
    for g in tree.parameters():
        trace = model.run(tree.build(g), tree.start(), entry.depth)
        caches[g] = [model.cache(layer, trace[layer]) for layer in range(entry.depth)]
    return TreeRuns(tree, caches)


def describe(entry: SolvingModel, **extra: Any) -> dict[str, Any]:
    """Return a model point as JSON values."""
    return {**entry.description, "L": entry.depth, "k": HOPS, **extra}


DOMAIN = (
    "k = 1, n = 4 and the guess walk and the windowed marking with (s, m, p) ∈ {(1, 1, 1), "
    "(1, 2, 1), (2, 1, 1)}, each at its depth, verified to solve on all 4^4 · 4 instances"
)


def check_models(
    statement: str, models: Callable[[], Iterator[SolvingModel]],
    claim: Callable[[SolvingModel], Iterator[tuple[bool, dict[str, Any]]]], rest: str = "",
) -> CheckResult:
    """Evaluate every (conclusion, extra) of claim(entry) on the solving models that fit."""
    tally = Tally()
    for entry in models():
        hypothesis = fits(entry.model.n, HOPS) and is_local(entry) and solves(entry)
        if not hypothesis:
            continue
        for conclusion, extra in claim(entry):
            tally.add(True, conclusion, lambda: describe(entry, **extra))
    return tally.result(statement, DOMAIN + rest)


@checker("CacheDepth.CacheTransformer.digit_eq_of_uncached")
def check_digit_eq_of_uncached(
    limits: CheckLimits, *, models: Callable[[], Iterator[SolvingModel]] = default_models
) -> CheckResult:
    """Check that two digits of the j-th path node that both leave it uncached are equal."""
    def claim(entry: SolvingModel):
        runs = tree_runs(entry)
        tree = runs.tree
        for g in tree.parameters():
            for j in range(HOPS):
                u = tree.index(g, j)
                for d in range(HOPS + 1):
                    for d2 in range(HOPS + 1):
                        both = runs.uncached(set_at(g, u, d), j) and runs.uncached(set_at(g, u, d2), j)
                        yield (not both) or d == d2, {"g": list(g), "j": j, "d": d, "d'": d2}
    return check_models("CacheDepth.CacheTransformer.digit_eq_of_uncached", models, claim,
                        ", every parameter g, j < k and digits d, d'")


@checker("CacheDepth.CacheTransformer.le_mul_of_locality")
def check_le_mul_of_locality(
    limits: CheckLimits, *, models: Callable[[], Iterator[SolvingModel]] = default_models,
    margin: int = 0,
) -> CheckResult:
    """Check k ≤ s·L and the proof's witness; `margin` is added to k in the conclusion."""
    def claim(entry: SolvingModel):
        runs = tree_runs(entry)
        witness = next(
            (g for g in runs.tree.parameters()
             if not any(runs.uncached(g, j) for j in range(HOPS))),
            None,
        )
        bound = HOPS + margin <= entry.model.s * entry.depth
        yield bound and witness is not None, {"witness": None if witness is None else list(witness)}
    return check_models("CacheDepth.CacheTransformer.le_mul_of_locality", models, claim)


@checker("CacheDepth.CacheTransformer.reachDepth_le_of_locality")
def check_reach_depth_le_of_locality(
    limits: CheckLimits, *, models: Callable[[], Iterator[SolvingModel]] = default_models,
    margin: int = 0,
) -> CheckResult:
    """Check ⌈k/s⌉ ≤ L; `margin` is added to ⌈k/s⌉."""
    def claim(entry: SolvingModel):
        bound = int(reach_depth(HOPS, entry.model.s)) + margin
        yield bound <= entry.depth, {"reachDepth": bound}
    return check_models("CacheDepth.CacheTransformer.reachDepth_le_of_locality", models, claim)


@checker("CacheDepth.CacheTransformer.maxBound_le_of_locality")
def check_max_bound_le_of_locality(
    limits: CheckLimits, *, models: Callable[[], Iterator[SolvingModel]] = default_models,
    margin: int = 0,
) -> CheckResult:
    """Check max(⌈k/s⌉, ⌈⌈log₂ n⌉/(H·m·p)⌉) ≤ L; `margin` is added to the bound."""
    def claim(entry: SolvingModel):
        model = entry.model
        bound = int(max_bound(model.n, HOPS, model.s, model.H, model.m, model.p)) + margin
        yield bound <= entry.depth, {"maxBound": bound}
    return check_models("CacheDepth.CacheTransformer.maxBound_le_of_locality", models, claim)
