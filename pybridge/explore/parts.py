"""The parts of the product conjecture and what the explorer decides about each.

The Lean statements quantify over every Cache-Transformer, which no program enumerates.
Each part is therefore evaluated against the segment protocols (`protocols`), which are
Cache-Transformers with locality-respecting controllers whose least solving depth is
measured on every instance. Parts about query-limited models
(`CacheDepth.CacheTransformer.IsQueryLimited`) use only the protocols whose runs respect
their query. A part *fails* when one of these models contradicts it at
an evaluated point, and the counterexample names the point, the model and the numbers.
A part *holds* when no evaluated model contradicts it at any point of its domain in the
grid. That is evidence, not a proof, except for `counting bounds`, whose statements
are about numbers alone. A part is *not decided within limits* when its domain has grid
points that the run did not evaluate, or when it is an existence claim that a finite
evaluation cannot settle (`CacheDepth.product_conjecture`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pybridge.explore.grid import FIRST_CONJECTURE_N
from pybridge.explore.points import Point

HOLDS = "holds"
FAILS = "fails"
UNDECIDED = "not decided within limits"

Record = dict[str, Any]


@dataclass(frozen=True)
class Row:
    """The evaluation of one part at one point: the numbers compared and whether they agree."""

    key: str
    values: str
    ok: bool
    counterexample: dict[str, Any] | None = None


@dataclass
class PartResult:
    """The verdict of one part over a run, with its per-point rows."""

    name: str
    statements: tuple[str, ...]
    question: str
    verdict: str
    rows: list[Row] = field(default_factory=list)
    domain_points: int = 0
    """Points of the grid that meet the part's hypotheses."""
    note: str = ""

    @property
    def evaluated(self) -> int:
        """Points of the domain that the run evaluated."""
        return len(self.rows)

    @property
    def largest_n(self) -> int | None:
        """The largest n among the evaluated points of the domain."""
        return max((Point.from_key(row.key).n for row in self.rows), default=None)

    def first_failure(self) -> Row | None:
        """Return the first row that contradicts the part, in grid order."""
        return next((row for row in self.rows if not row.ok), None)

    def to_json(self) -> dict[str, Any]:
        """Return the verdict and the counterexample as stored in explore.json."""
        failure = self.first_failure()
        return {
            "part": self.name,
            "statements": list(self.statements),
            "question": self.question,
            "verdict": self.verdict,
            "domain_points": self.domain_points,
            "evaluated_points": self.evaluated,
            "largest_n": self.largest_n,
            "counterexample": None if failure is None else failure.counterexample,
            "note": self.note,
        }


@dataclass(frozen=True)
class PartSpec:
    """A part: its Lean statements, its domain and the check at one evaluated point."""

    name: str
    statements: tuple[str, ...]
    question: str
    in_domain: Callable[[Point], bool]
    check: Callable[[Point, Record], Row]


def _best(record: Record, query_limited: bool = False) -> tuple[str, int] | None:
    best = record.get("best_query_limited" if query_limited else "best_protocol")
    return None if best is None else (best["name"], best["depth"])


def _solved_protocols(record: Record, query_limited: bool) -> list[tuple[str, dict[str, Any]]]:
    return [
        (name, run) for name, run in record["protocols"].items()
        if run["depth"] is not None and (run["query_limited"] or not query_limited)
    ]


def _check_max_bound(point: Point, record: Record) -> Row:
    bound = record["formulas"]["max_bound"]
    best = _best(record)
    if best is None:
        return Row(point.key, f"max bound {bound}, no protocol solved", True)
    name, depth = best
    ok = bound <= depth
    counterexample = None if ok else {"point": point.key, "model": name, "depth": depth, "max_bound": bound}
    relation = "≤" if ok else ">"
    return Row(point.key, f"max bound {bound} {relation} {depth} ({name})", ok, counterexample)


def _check_counting(point: Point, record: Record) -> Row:
    formulas = record["formulas"]
    counting = record["counting_bound"]
    checks = [counting == formulas["max_bound"]]
    text = f"counting bound {counting}, max bound {formulas['max_bound']}"
    if point.is_wide:
        checks.append(counting <= formulas["reach_depth"])
        text += f", ⌈k/s⌉ {formulas['reach_depth']}"
    best = _best(record)
    if best is not None:
        checks.append(counting <= best[1])
        text += f", best protocol {best[1]}"
    ok = all(checks)
    counterexample = None if ok else {"point": point.key, "counting_bound": counting, **formulas}
    return Row(point.key, text, ok, counterexample)


def _product_check(constant: int, query_limited: bool = False) -> Callable[[Point, Record], Row]:
    def check(point: Point, record: Record) -> Row:
        product = record["formulas"]["product_bound"]
        best = _best(record, query_limited)
        if best is None:
            return Row(point.key, f"product {product}, no protocol solved", True)
        name, depth = best
        ok = product <= constant * depth
        counterexample = None if ok else {
            "point": point.key, "model": name, "depth": depth, "product_bound": product,
            "constant": constant,
        }
        relation = "≤" if ok else ">"
        return Row(point.key, f"product {product} {relation} {constant}·{depth} ({name})", ok, counterexample)

    return check


def _check_conjecture(point: Point, record: Record) -> Row:
    product = record["formulas"]["product_bound"]
    best = _best(record, query_limited=True)
    if best is None:
        return Row(point.key, f"product {product}, no query-limited protocol solved", True)
    name, depth = best
    needed = -(-product // depth) if depth else None
    return Row(point.key, f"product {product}, {name} depth {depth}: c ≥ {needed}", True,
               {"point": point.key, "model": name, "depth": depth, "product_bound": product,
                "least_constant": needed})


def _check_window_gap(point: Point, record: Record) -> Row:
    solved = _solved_protocols(record, query_limited=True)
    missing = [(name, run["depth"]) for name, run in solved if run["window_instance"] is None]
    if not missing:
        return Row(point.key, f"all {len(solved)} query-limited protocols have a window instance", True)
    name, depth = missing[0]
    return Row(
        point.key, f"{name} (L = {depth}): no instance has the window property", False,
        {"point": point.key, "model": name, "depth": depth, "window": record["formulas"]["bandwidth_depth"]},
    )


def _check_gap_implication(point: Point, record: Record) -> Row:
    product = record["formulas"]["product_bound"]
    bound = record["formulas"]["max_bound"]
    applicable = [
        (name, run["depth"]) for name, run in _solved_protocols(record, query_limited=True)
        if run["window_instance"] is not None and bound <= run["depth"]
    ]
    failures = [(name, depth) for name, depth in applicable if product > 2 * depth]
    text = f"product {product} ≤ 2L for {len(applicable)} query-limited models with a window instance"
    if not failures:
        return Row(point.key, text, True)
    name, depth = failures[0]
    counterexample = {"point": point.key, "model": name, "depth": depth, "product_bound": product}
    return Row(point.key, text, False, counterexample)


def _check_relaxation(point: Point, record: Record) -> Row:
    relaxation = record["relaxation"]
    formulas = record["formulas"]
    optimum = relaxation["optimum"]
    best = _best(record)
    checks = [optimum <= formulas["max_bound"], optimum == formulas["bandwidth_depth"]]
    text = (f"relaxation optimum {optimum} ({relaxation['answers_per_fact']} answers per fact), "
            f"max {formulas['max_bound']}, product {formulas['product_bound']}, "
            f"doubling {formulas['doubling_upper_bound']}")
    if best is not None:
        checks.append(optimum <= best[1])
        text += f", best protocol {best[1]}"
    ok = all(checks)
    counterexample = None if ok else {
        "point": point.key, "relaxation_optimum": optimum,
        "best_protocol_depth": None if best is None else best[1], **formulas,
    }
    return Row(point.key, text, ok, counterexample)


def _in_relaxation_domain(point: Point) -> bool:
    # The grid evaluates every relabelling class only below the conjecture range.
    return point.n < FIRST_CONJECTURE_N


def _in_max_domain(point: Point) -> bool:
    return 4 * point.k <= point.n


PARTS: tuple[PartSpec, ...] = (
    PartSpec(
        "max bound",
        ("CacheDepth.MaxBoundHolds", "CacheDepth.ReachabilityHolds",
         "CacheDepth.CacheTransformer.bandwidthDepth_le_of_solves",
         "CacheDepth.CacheTransformer.maxBound_le_of_locality"),
        "does every protocol need at least max(⌈k/s⌉, W) layers? (reachability half open in Lean "
        "below (k + 1)^(k + 1) tokens)",
        _in_max_domain, _check_max_bound,
    ),
    PartSpec(
        "full-cache relaxation",
        ("CacheDepth.CacheTransformer.le_two_pow_of_solves",
         "CacheDepth.CacheTransformer.bandwidthDepth_le_of_solves", "CacheDepth.readout_solves",
         "CacheDepth.readout_optimal"),
        "is the relaxation's exact optimum (a lower bound for every model) equal to W, at most "
        "the max bound and at most every protocol depth?",
        _in_relaxation_domain, _check_relaxation,
    ),
    PartSpec(
        "per-window counting bounds",
        ("CacheDepth.windowCapacity", "CacheDepth.CountingArgument.Proves",
         "CacheDepth.maxArgument_proves", "CacheDepth.CountingArgument.bound_le_reachDepth",
         "CacheDepth.CountingArgument.bound_le_maxBound_of_pos"),
        "is the strongest counting-sound bound the max bound, ≤ ⌈k/s⌉ when wide, and ≤ every "
        "protocol depth?",
        lambda point: True, _check_counting,
    ),
    PartSpec(
        "product bound, c = 1",
        ("CacheDepth.ProductBoundHolds",),
        "is ⌈k/s⌉·W ≤ L for the least depth L of any protocol? (all locality-respecting models)",
        lambda point: point.in_conjecture_range, _product_check(1),
    ),
    PartSpec(
        "product bound, c = 2",
        ("CacheDepth.ProductBoundHolds",),
        "is ⌈k/s⌉·W ≤ 2L for the least depth L of any protocol? (all locality-respecting models)",
        lambda point: point.in_conjecture_range, _product_check(2),
    ),
    PartSpec(
        "query-limited product bound, c = 1",
        ("CacheDepth.QueryLimitedProductBoundHolds", "CacheDepth.CacheTransformer.IsQueryLimited"),
        "is ⌈k/s⌉·W ≤ L for the least depth L of a query-limited protocol?",
        lambda point: point.in_conjecture_range, _product_check(1, query_limited=True),
    ),
    PartSpec(
        "product conjecture",
        ("CacheDepth.product_conjecture", "CacheDepth.QueryLimitedProductBoundHolds"),
        "which constant c would ⌈k/s⌉·W ≤ c·L need for the query-limited protocols?",
        lambda point: point.in_conjecture_range, _check_conjecture,
    ),
    PartSpec(
        "gap statement",
        ("CacheDepth.WindowGap", "CacheDepth.window_gap"),
        "does each query-limited protocol, at its least depth, have an instance with the window property?",
        lambda point: point.in_conjecture_range, _check_window_gap,
    ),
    PartSpec(
        "gap implies conjecture",
        ("CacheDepth.product_conjecture_of_gap",),
        "where a query-limited protocol has a window instance and L ≥ max bound, is ⌈k/s⌉·W ≤ 2L?",
        lambda point: point.in_conjecture_range, _check_gap_implication,
    ),
    PartSpec(
        "variant: wide heads",
        ("CacheDepth.productBound_le_of_wide",),
        "with ⌈log₂ n⌉ ≤ H·m·p, 4k ≤ n: is ⌈k/s⌉·W ≤ L for the least protocol depth L?",
        lambda point: _in_max_domain(point) and point.is_wide, _product_check(1),
    ),
    PartSpec(
        "variant: chain fits the cache",
        ("CacheDepth.productBound_le_of_le_cache",),
        "with k ≤ s, 4k ≤ n: is ⌈k/s⌉·W ≤ L for the least protocol depth L?",
        lambda point: _in_max_domain(point) and point.k <= point.s, _product_check(1),
    ),
)


def evaluate_parts(grid: Sequence[Point], records: dict[str, Record]) -> list[PartResult]:
    """Decide every part from the finished records of a run over `grid`."""
    results = []
    for spec in PARTS:
        domain = [point for point in grid if spec.in_domain(point)]
        rows = [spec.check(point, records[point.key]) for point in domain if point.key in records]
        result = PartResult(spec.name, spec.statements, spec.question, UNDECIDED, rows, len(domain))
        if result.first_failure() is not None:
            result.verdict = FAILS
        elif spec.name == "product conjecture":
            result.verdict = UNDECIDED
            result.note = _conjecture_note(rows)
        elif rows and len(rows) == len(domain):
            result.verdict = HOLDS
        else:
            result.note = f"{len(domain) - len(rows)} of {len(domain)} domain points not evaluated"
        results.append(result)
    return results


def _conjecture_note(rows: list[Row]) -> str:
    constants = [row.counterexample for row in rows if row.counterexample and row.counterexample["least_constant"]]
    if not constants:
        return "an existence claim over all n; no evaluated point has a query-limited protocol in its domain"
    strongest = max(constants, key=lambda item: item["least_constant"])
    return (
        f"an existence claim over all n, so no finite run decides it; the evaluated query-limited "
        f"protocols need c ≥ {strongest['least_constant']} ({strongest['model']} at {strongest['point']}: "
        f"product {strongest['product_bound']}, depth {strongest['depth']})"
    )
