"""Evaluate one point: formulas, counting bound, relaxation optimum, game optima and protocol depths.

The result is the JSON record that explore.json stores for the point; its fields are
listed in docs/explore.md.
"""

from __future__ import annotations

import time
from typing import Any

from pybridge.explore.budget import Budget
from pybridge.explore.game import VARIANTS, GameRules, solve_instance
from pybridge.explore.grid import EXHAUSTIVE, GridPoint
from pybridge.explore.points import Point
from pybridge.explore.protocol_runs import evaluate_protocol
from pybridge.explore.protocols import FAMILY
from pybridge.explore.relaxation import relaxation_record
from pybridge.explore.symmetry import InstanceClass


def window_capacity(point: Point, window: int) -> int:
    """Return `CacheDepth.windowCapacity n s H m p W`: s·W if n ≤ 2^(H·m·p·W), else 0."""
    return point.s * window if point.n <= 2 ** (point.layer_bits * window) else 0


def counting_bound(point: Point) -> int:
    """Return the largest depth bound a counting-sound argument proves for k hops.

    An argument proves B when every L with k ≤ hops(L) has B ≤ L (`CountingArgument.Proves`),
    and hops(L) ≥ windowCapacity(L) for every sound argument, so no argument proves more
    than the least L with k ≤ windowCapacity(L). The argument hops = windowCapacity, which
    is counting-sound, proves exactly that L.
    """
    window = 0
    while point.k > window_capacity(point, window):
        window += 1
    return window


def _instance_json(f: tuple[int, ...], x: int) -> dict[str, Any]:
    return {"f": list(f), "x": x}


def _game_record(point: Point, variant: str, instances: list[InstanceClass], budget: Budget) -> dict[str, Any]:
    rules = GameRules.for_variant(variant, point.k, point.s, point.pointer_bits, point.layer_bits)
    worst: tuple[int, InstanceClass] | None = None
    states = 0
    unsolved = None
    for instance in instances:
        result = solve_instance(instance.f, instance.x, rules, budget)
        states += result.states
        if result.layers is None:
            unsolved = instance
            break
        if worst is None or result.layers > worst[0]:
            worst = (result.layers, instance)
    if unsolved is not None:
        return {"optimum": None, "worst_instance": _instance_json(unsolved.f, unsolved.x), "states": states}
    assert worst is not None
    return {"optimum": worst[0], "worst_instance": _instance_json(worst[1].f, worst[1].x), "states": states}


def _protocol_record(point: Point, spec, instances: list[InstanceClass], budget: Budget) -> dict[str, Any]:
    model, plan = spec.build(point.n, point.k, point.s, point.H, point.m, point.p)
    outcome = evaluate_protocol(
        model, point.k, point.s, point.bandwidth_depth, plan.depth, instances, budget,
        query=spec.query(point.n, point.m, point.p),
    )
    window = outcome.window_instance
    return {
        "design_depth": plan.depth,
        "depth": outcome.depth,
        "states": outcome.states,
        "window_instance": None if window is None else _instance_json(*window),
        "query_limited": outcome.query_limited,
        "query_violation": outcome.query_violation,
    }


def _least(protocols: dict[str, dict[str, Any]], query_limited_only: bool) -> dict[str, Any] | None:
    solved = [
        (record["depth"], name) for name, record in protocols.items()
        if record["depth"] is not None and (record["query_limited"] or not query_limited_only)
    ]
    if not solved:
        return None
    depth, name = min(solved)
    return {"name": name, "depth": depth}


def evaluate_point(grid_point: GridPoint, budget: Budget) -> dict[str, Any]:
    """Evaluate every game variant and protocol at `grid_point` and return its record.

    Raises `BudgetExceeded` from `budget` when the run reaches its limits.
    """
    started = time.monotonic()
    states_before = budget.states
    point = grid_point.point
    instances = grid_point.instances()

    games = {variant: _game_record(point, variant, instances, budget) for variant in VARIANTS}
    protocols = {spec.name: _protocol_record(point, spec, instances, budget) for spec in FAMILY}
    # Chain shapes fix the pointers off the chain, so they do not give every output fact.
    relaxation = (
        relaxation_record(point.n, point.k, point.layer_bits, instances)
        if grid_point.instance_set == EXHAUSTIVE else None
    )

    return {
        "key": point.key,
        "point": {"n": point.n, "k": point.k, "s": point.s, "H": point.H, "m": point.m, "p": point.p},
        "instance_set": grid_point.instance_set,
        "instance_count": len(instances),
        "instances_represented": sum(instance.size for instance in instances),
        "formulas": point.formulas(),
        "counting_bound": counting_bound(point),
        "relaxation": relaxation,
        "games": games,
        "protocols": protocols,
        "best_protocol": _least(protocols, query_limited_only=False),
        "best_query_limited": _least(protocols, query_limited_only=True),
        "states": budget.states - states_before,
        "seconds": round(time.monotonic() - started, 3),
    }
