"""Tests of the part verdicts on hand-made records, and of the counting bound."""

from __future__ import annotations

from pathlib import Path

from pybridge.build.modules import discover_modules
from pybridge.explore.evaluate import counting_bound, window_capacity
from pybridge.explore.parts import FAILS, HOLDS, PARTS, UNDECIDED, evaluate_parts
from pybridge.explore.points import Point, with_layer_bits
from pybridge.explore.protocols import FAMILY
from pybridge.extraction.statements import scan_library

CONJECTURE_POINT = with_layer_bits(16, 4, 1, 1)  # max bound 4, product bound 16
SMALL_POINT = with_layer_bits(4, 1, 1, 1)  # 4k ≤ n holds, 16s² ≤ n does not


def make_record(point: Point, depth: int, window_instance: bool = True, limited_depth: int | None = None) -> dict:
    """Build a record in which every protocol has least depth `depth`.

    With `limited_depth`, the first protocol is query-limited with that depth instead and the
    others are not query-limited; without it every protocol is query-limited.
    """
    window = {"f": [0], "x": 0} if window_instance else None
    protocols = {
        spec.name: {"design_depth": depth, "depth": depth, "states": 1, "window_instance": window,
                    "query_limited": limited_depth is None, "query_violation": None}
        for spec in FAMILY
    }
    limited = {"name": FAMILY[0].name, "depth": depth}
    if limited_depth is not None:
        protocols[FAMILY[0].name].update(depth=limited_depth, query_limited=True)
        limited = {"name": FAMILY[0].name, "depth": limited_depth}
    return {
        "key": point.key,
        "point": {"n": point.n, "k": point.k, "s": point.s, "H": point.H, "m": point.m, "p": point.p},
        "instance_set": "chain shapes",
        "formulas": point.formulas(),
        "counting_bound": counting_bound(point),
        "relaxation": {"answers_per_fact": point.n, "optimum": point.bandwidth_depth},
        "games": {"routing": {"optimum": depth}, "marking": {"optimum": depth}},
        "protocols": protocols,
        "best_protocol": {"name": FAMILY[1].name, "depth": min(depth, limited["depth"])},
        "best_query_limited": limited,
    }


def verdicts(grid, records) -> dict[str, object]:
    return {result.name: result for result in evaluate_parts(grid, {r["key"]: r for r in records})}


def test_counting_bound_by_hand() -> None:
    # windowCapacity(L) = s·L once n ≤ 2^(b·L). n = 5, k = 3, s = 2, b = 1: L = 2 gives
    # 2^2 = 4 < 5, so capacity 0; L = 3 gives 8 ≥ 5 and capacity 6 ≥ 3. Bound 3 = max(2, 3).
    point = with_layer_bits(5, 3, 2, 1)
    assert window_capacity(point, 2) == 0
    assert window_capacity(point, 3) == 6
    assert counting_bound(point) == 3
    # n = 16, k = 4, s = 1, b = 1: bandwidth needs L ≥ 4 and reach needs L ≥ 4.
    assert counting_bound(CONJECTURE_POINT) == 4


def test_fast_model_breaks_product_bound() -> None:
    results = verdicts([CONJECTURE_POINT], [make_record(CONJECTURE_POINT, 7)])
    assert results["product bound, c = 1"].verdict == FAILS
    assert results["product bound, c = 2"].verdict == FAILS  # 16 > 2·7
    failure = results["product bound, c = 2"].first_failure()
    assert failure.counterexample["depth"] == 7
    assert failure.counterexample["product_bound"] == 16
    assert results["max bound"].verdict == HOLDS  # 4 ≤ 7


def test_slow_model_keeps_product_bound() -> None:
    results = verdicts([CONJECTURE_POINT], [make_record(CONJECTURE_POINT, 16)])
    assert results["product bound, c = 1"].verdict == HOLDS
    assert results["product bound, c = 2"].verdict == HOLDS


def test_model_below_max_bound_fails() -> None:
    results = verdicts([CONJECTURE_POINT], [make_record(CONJECTURE_POINT, 3)])
    assert results["max bound"].verdict == FAILS
    assert results["max bound"].first_failure().counterexample["max_bound"] == 4
    assert results["per-window counting bounds"].verdict == FAILS  # counting bound 4 > depth 3


def test_conjecture_is_never_decided() -> None:
    results = verdicts([CONJECTURE_POINT], [make_record(CONJECTURE_POINT, 7)])
    conjecture = results["product conjecture"]
    assert conjecture.verdict == UNDECIDED
    assert "c ≥ 3" in conjecture.note  # ⌈16 / 7⌉ = 3


def test_missing_window_instance_fails_gap() -> None:
    results = verdicts([CONJECTURE_POINT], [make_record(CONJECTURE_POINT, 16, window_instance=False)])
    assert results["gap statement"].verdict == FAILS
    # With no window instance the implication has nothing to check at this point.
    implication = results["gap implies conjecture"]
    assert implication.verdict == HOLDS
    assert "for 0 query-limited models" in implication.rows[0].values


def test_gap_with_window_instance_holds() -> None:
    results = verdicts([CONJECTURE_POINT], [make_record(CONJECTURE_POINT, 16)])
    assert results["gap statement"].verdict == HOLDS
    assert results["gap implies conjecture"].verdict == HOLDS


def test_unevaluated_points_leave_part_undecided() -> None:
    results = verdicts([SMALL_POINT, CONJECTURE_POINT], [make_record(SMALL_POINT, 2)])
    assert results["max bound"].verdict == UNDECIDED
    assert "1 of 2" in results["max bound"].note
    assert results["gap statement"].verdict == UNDECIDED
    assert results["gap statement"].evaluated == 0


def test_small_point_outside_conjecture_domain() -> None:
    results = verdicts([SMALL_POINT], [make_record(SMALL_POINT, 2)])
    assert results["product bound, c = 1"].domain_points == 0
    assert results["max bound"].verdict == HOLDS
    assert results["variant: chain fits the cache"].verdict == HOLDS  # k = s = 1, product 2 ≤ 2


def test_query_limited_parts_ignore_other_models() -> None:
    # A fast model that is not query-limited (depth 7) breaks ProductBoundHolds, but the
    # query-limited parts see only the query-limited model of depth 16 = product bound.
    record = make_record(CONJECTURE_POINT, 7, limited_depth=16)
    results = verdicts([CONJECTURE_POINT], [record])
    assert results["product bound, c = 1"].verdict == FAILS
    assert results["query-limited product bound, c = 1"].verdict == HOLDS
    assert "c ≥ 1" in results["product conjecture"].note


def test_gap_ignores_models_without_query_limit() -> None:
    record = make_record(CONJECTURE_POINT, 7, limited_depth=16)
    for name, run in record["protocols"].items():
        if not run["query_limited"]:
            run["window_instance"] = None
    results = verdicts([CONJECTURE_POINT], [record])
    assert results["gap statement"].verdict == HOLDS
    assert "all 1 query-limited" in results["gap statement"].rows[0].values


def test_part_statements_exist_in_lean() -> None:
    # Reads the Lean sources with the extraction scanner; no Lean process starts.
    repository = Path(__file__).resolve().parents[2]
    declared = {declaration.name for declaration in scan_library(repository, discover_modules(repository))}
    for spec in PARTS:
        for statement in spec.statements:
            assert statement in declared, (spec.name, statement)


def test_relaxation_part_fails_below_its_optimum() -> None:
    # n = 4, b = 1: the relaxation needs ⌈log₂ 4⌉ = 2 layers, so a protocol of depth 1 would
    # contradict the lower bound.
    record = make_record(SMALL_POINT, 1)
    result = verdicts([SMALL_POINT], [record])["full-cache relaxation"]
    assert result.verdict == FAILS
    assert result.first_failure().counterexample["relaxation_optimum"] == 2


def test_relaxation_part_holds_at_protocol_depth() -> None:
    result = verdicts([SMALL_POINT], [make_record(SMALL_POINT, 2)])["full-cache relaxation"]
    assert result.verdict == HOLDS


def test_relaxation_part_skips_conjecture_range() -> None:
    result = verdicts([CONJECTURE_POINT], [make_record(CONJECTURE_POINT, 16)])["full-cache relaxation"]
    assert result.domain_points == 0
