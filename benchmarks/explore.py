"""Measure the conjecture explorer: search rates, the gain from symmetry, and the feasible range.

Three measurements, printed as Markdown tables:

* rates: states per second of the two game variants and of the protocol runs at one
  exhaustive point and one chain-shape point. A game state is one expanded search state,
  a protocol state one simulated layer of one instance.
* symmetry: at n = 6 (k = 3, s = 1, b = 1) the states of the search over relabelling
  classes against the plain search over all 6^6 · 6 instances, for the routing game and the
  windowed marking protocol. With --plain the plain search runs in full (minutes);
  without it the plain count is the class-size-weighted sum of per-class counts, which
  equals the full count because every instance of a class expands the same number of
  states (tests/explore/test_game.py checks this at n = 4).
* range: for each instance set, the largest n whose hardest grid point (k as large as the
  grid allows, s = 1, b = 1) `evaluate_point` finishes within --budget-seconds.

Run from the repository root: `python -m benchmarks.explore`.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.enumeration import describe_machine
from pybridge.explore.budget import Budget, BudgetExceeded
from pybridge.explore.chain_shapes import chain_shape_instances
from pybridge.explore.evaluate import evaluate_point
from pybridge.explore.game import MARKING, ROUTING, GameRules, solve_instance
from pybridge.explore.grid import CHAIN_SHAPES, EXHAUSTIVE, GridPoint
from pybridge.explore.points import Point, with_layer_bits
from pybridge.explore.protocol_runs import evaluate_protocol
from pybridge.explore.protocols import FAMILY
from pybridge.explore.symmetry import all_instances, instance_classes

MARKING_PROTOCOL = next(spec for spec in FAMILY if spec.name == "windowed marking")


def game_run(point: Point, variant: str, instances) -> tuple[int, int, float]:
    """Return (worst value, states, seconds) of one game variant over `instances`."""
    rules = GameRules.for_variant(variant, point.k, point.s, point.pointer_bits, point.layer_bits)
    budget = Budget()
    started = time.perf_counter()
    worst = max(solve_instance(item.f, item.x, rules, budget).layers for item in instances)
    return worst, budget.states, time.perf_counter() - started


def protocol_run(point: Point, spec, instances) -> tuple[int, int, float]:
    """Return (least depth, states, seconds) of one protocol over `instances`."""
    model, plan = spec.build(point.n, point.k, point.s, point.H, point.m, point.p)
    started = time.perf_counter()
    outcome = evaluate_protocol(model, point.k, point.s, point.bandwidth_depth, plan.depth, instances, Budget())
    return outcome.depth, outcome.states, time.perf_counter() - started


def measure_rates() -> None:
    print("| point | instances | evaluation | states | seconds | states/s |")
    print("|---|---|---|---|---|---|")
    for point, instances, label in [
        (with_layer_bits(6, 3, 1, 1), instance_classes(6), "all classes"),
        (with_layer_bits(32, 8, 1, 1), chain_shape_instances(32, 8), "chain shapes"),
    ]:
        rows = [(f"{variant} game", game_run(point, variant, instances)) for variant in (ROUTING, MARKING)]
        rows += [(spec.name, protocol_run(point, spec, instances)) for spec in FAMILY]
        for name, (_, states, seconds) in rows:
            print(f"| {point.key} | {len(instances):,} {label} | {name} | {states:,} | "
                  f"{seconds:.2f} | {states / seconds:,.0f} |")


def measure_symmetry(plain_in_full: bool) -> None:
    point = with_layer_bits(6, 3, 1, 1)
    classes = instance_classes(6)
    print(f"Point {point.key}: {len(classes):,} classes, {6**6 * 6:,} instances.")
    print()
    print("| evaluation | result (reduced) | reduced states | plain states | plain / reduced | plain measured |")
    print("|---|---|---|---|---|---|")

    rules = GameRules.for_variant(ROUTING, point.k, point.s, point.pointer_bits, point.layer_bits)
    reduced = [(item, solve_instance(item.f, item.x, rules, Budget())) for item in classes]
    reduced_states = sum(result.states for _, result in reduced)
    value = max(result.layers for _, result in reduced)
    if plain_in_full:
        plain_value, plain_states, _ = game_run(point, ROUTING, all_instances(6))
        assert plain_value == value, (plain_value, value)
    else:
        plain_states = sum(item.size * result.states for item, result in reduced)
    print(f"| routing game | value {value} | {reduced_states:,} | {plain_states:,} | "
          f"{plain_states / reduced_states:.1f}× | {'yes' if plain_in_full else 'no (weighted)'} |")

    depth, reduced_states, _ = protocol_run(point, MARKING_PROTOCOL, classes)
    if plain_in_full:
        plain_depth, plain_states, _ = protocol_run(point, MARKING_PROTOCOL, list(all_instances(6)))
        assert plain_depth == depth, (plain_depth, depth)
    else:
        # Every instance is simulated for the same number of layers, so the plain count is
        # the reduced count per instance times the number of instances.
        plain_states = reduced_states // len(classes) * 6**6 * 6
    print(f"| windowed marking protocol | depth {depth} | {reduced_states:,} | {plain_states:,} | "
          f"{plain_states / reduced_states:.1f}× | {'yes' if plain_in_full else 'no (weighted)'} |")


def measure_range(budget_seconds: float) -> None:
    print(f"Budget: {budget_seconds:g} s per point (games and all three protocols).")
    print()
    print("| instance set | point | instances | states | seconds | finished |")
    print("|---|---|---|---|---|---|")
    candidates = [(GridPoint(with_layer_bits(n, 3, 1, 1), EXHAUSTIVE)) for n in range(4, 8)]
    candidates += [GridPoint(with_layer_bits(n, n // 4, 1, 1), CHAIN_SHAPES) for n in (16, 32, 64)]
    stopped = set()
    for item in candidates:
        if item.instance_set in stopped:
            continue
        budget = Budget(max_seconds=budget_seconds)
        count = len(item.instances())
        try:
            record = evaluate_point(item, budget)
        except BudgetExceeded:
            print(f"| {item.instance_set} | {item.point.key} | {count:,} | >{budget.states:,} | "
                  f">{budget_seconds:g} | no |")
            stopped.add(item.instance_set)
            continue
        print(f"| {item.instance_set} | {item.point.key} | {count:,} | {record['states']:,} | "
              f"{record['seconds']:.1f} | yes |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget-seconds", type=float, default=60.0,
                        help="wall-time budget per point for the range measurement (default 60)")
    parser.add_argument("--plain", action="store_true",
                        help="run the plain search at n = 6 in full instead of weighting class counts")
    args = parser.parse_args()
    if not args.budget_seconds > 0:
        parser.error(f"--budget-seconds {args.budget_seconds} is invalid; it must be more than 0")

    print(f"Machine: {describe_machine()}")
    print()
    print("## Rates")
    measure_rates()
    print()
    print("## Symmetry reduction at n = 6")
    measure_symmetry(args.plain)
    print()
    print("## Largest point within the budget")
    measure_range(args.budget_seconds)


if __name__ == "__main__":
    main()
