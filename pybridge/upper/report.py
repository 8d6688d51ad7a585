"""The upper-bound report: per parameter point, the lower bound, the conjectured bound and the constructions.

For every point (n, k, s, m·p) of a grid, with one head (H = 1), m = 1 and p = m·p, the
report lists

* `max_bound`, the lower bound max(⌈k/s⌉, ⌈log₂ n/(m·p)⌉), a theorem for 1 ≤ k and n ≥ 4k only
  (`max_bound_applies`);
* `product_bound`, the conjectured lower bound ⌈k/s⌉·⌈log₂ n/(m·p)⌉ without its constant,
  and whether the conjecture's hypotheses n ≥ 4k and 16·s² ≤ n hold there;
* every applicable construction, run on all n^n · n instances (`verification`);
* `upper`, the least depth among them, `doubling_upper_bound`, the formula
  min(k, ⌈k/s⌉·max(1, ⌈log₂ s⌉))·⌈log₂ n/(m·p)⌉, and the exact fractions upper / max_bound and
  upper / doubling_upper_bound.

`write_upper_bound_report` writes `upper-bound.json` and the table `upper-bound.txt`, each
through a temporary file and a rename, and only after every point has been computed, so an
error leaves the previous files as they were.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from pybridge.checks import formulas
from pybridge.checks.result import EnumerationTooLarge
from pybridge.fileio import write_atomically
from pybridge.upper.constructions import CONSTRUCTIONS, applicable_constructions
from pybridge.upper.report_table import format_upper_bound_table
from pybridge.upper.verification import verify_construction

JSON_NAME = "upper-bound.json"
TABLE_NAME = "upper-bound.txt"
SCHEMA_VERSION = 1
MAX_VERIFIED_N = 6
"""Largest n the report accepts: n = 6 already runs each model on 6^6 · 6 = 279,936 instances."""
CHECK_MAX_N = 5
"""Largest n that `cachedepth check` verifies. The default grid up to n = 5 took 2.5 minutes on
a 2-core AMD EPYC that was also building Lean; n = 6 has 18 times as many instances as n = 5."""


@dataclass(frozen=True)
class UpperBoundLimits:
    """The grid of the report: 2 ≤ n ≤ max_n, 1 ≤ k ≤ max_k, 1 ≤ s ≤ max_s, 1 ≤ m·p ≤ max_bandwidth.

    Raises `ValueError` when a bound is below the smallest grid value and
    `EnumerationTooLarge` when max_n exceeds 6.
    """

    max_n: int = 5
    max_k: int = 4
    max_s: int = 3
    max_bandwidth: int = 3

    def __post_init__(self) -> None:
        minimum = {"max_n": 2, "max_k": 1, "max_s": 1, "max_bandwidth": 1}
        for name, least in minimum.items():
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < least:
                raise ValueError(f"{name}={value!r} is invalid; it must be an int ≥ {least}")
        if self.max_n > MAX_VERIFIED_N:
            raise EnumerationTooLarge(
                f"max_n={self.max_n} would run every model on {self.max_n}^{self.max_n} · "
                f"{self.max_n} instances per point; the limit is max_n ≤ {MAX_VERIFIED_N}"
            )

    def points(self) -> list[tuple[int, int, int, int]]:
        """Return the grid points (n, k, s, m·p) in lexicographic order."""
        return [
            (n, k, s, bandwidth)
            for n in range(2, self.max_n + 1)
            for k in range(1, self.max_k + 1)
            for s in range(1, self.max_s + 1)
            for bandwidth in range(1, self.max_bandwidth + 1)
        ]

    def to_json(self) -> dict[str, int]:
        """Return the limits as a JSON-serialisable dict."""
        return {
            "max_n": self.max_n,
            "max_k": self.max_k,
            "max_s": self.max_s,
            "max_bandwidth": self.max_bandwidth,
        }


def check_limits(max_n: int) -> UpperBoundLimits:
    """Return the grid that `cachedepth check --max-n max_n` reports: n up to min(max_n, 5), at least 2."""
    return UpperBoundLimits(max_n=max(2, min(max_n, CHECK_MAX_N)))


@dataclass(frozen=True)
class UpperBoundReport:
    """The report document, its text table, and the paths it was written to."""

    document: dict[str, Any]
    table: str
    json_path: Path
    table_path: Path

    @property
    def ok(self) -> bool:
        """Whether every construction passed at every point."""
        return bool(self.document["ok"])

    def summary_lines(self) -> list[str]:
        """Return the summary line, then one line per point where a construction failed."""
        summary = self.document["summary"]
        lines = [
            f"upper bound: {summary['points_passed']} of {summary['points']} points passed; the "
            f"best construction is within the doubling bound at "
            f"{summary['points_upper_le_doubling_upper_bound']} points; table in {self.table_path}"
        ]
        for point in self.document["points"]:
            if not point["passed"]:
                failed = [c["construction"] for c in point["constructions"] if not c["passed"]]
                lines.append(
                    f"upper bound FAILED at n={point['n']}, k={point['k']}, s={point['s']}, "
                    f"m={point['m']}, p={point['p']}: {', '.join(failed)}"
                )
        return lines


def fraction_text(numerator: int, denominator: int) -> str:
    """Return numerator / denominator in lowest terms as text, such as "3/2" or "2"."""
    return str(Fraction(numerator, denominator))


def evaluate_point(n: int, k: int, s: int, bandwidth: int) -> dict[str, Any]:
    """Verify every applicable construction at one point and return the point's report entry."""
    m, p = 1, bandwidth
    lower = int(formulas.max_bound(n, k, s, 1, m, p))
    product = int(formulas.product_bound(n, k, s, 1, m, p))
    doubling_bound = int(formulas.doubling_upper_bound(n, k, s, m, p))
    verifications = [verify_construction(c, n, k, s, m, p) for c in applicable_constructions(n, k, s, m, p)]
    best = min(verifications, key=lambda v: v.depth)
    return {
        "n": n,
        "k": k,
        "s": s,
        "m": m,
        "p": p,
        "max_bound": lower,
        "max_bound_applies": 4 * k <= n,
        "product_bound": product,
        "product_conjecture_applies": 4 * k <= n and 16 * s * s <= n,
        "doubling_upper_bound": doubling_bound,
        "upper": best.depth,
        "best_construction": best.construction,
        "upper_over_max_bound": fraction_text(best.depth, lower),
        "upper_over_doubling_upper_bound": fraction_text(best.depth, doubling_bound),
        "passed": all(v.passed for v in verifications),
        "constructions": [v.to_json() for v in verifications],
    }


def summarize(points: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the counts and extreme ratios over all points."""
    ratios = [Fraction(point["upper_over_max_bound"]) for point in points]
    return {
        "points": len(points),
        "points_passed": sum(1 for point in points if point["passed"]),
        "points_upper_le_doubling_upper_bound": sum(
            1 for point in points if point["upper"] <= point["doubling_upper_bound"]
        ),
        "points_upper_lt_max_bound": sum(1 for point in points if point["upper"] < point["max_bound"]),
        "points_upper_lt_product_bound": sum(
            1 for point in points if point["upper"] < point["product_bound"]
        ),
        "max_upper_over_max_bound": str(max(ratios)),
    }


def build_upper_bound_document(
    limits: UpperBoundLimits, progress: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Evaluate every grid point of `limits` and return the report document.

    `progress`, when given, receives one line per value of n.
    """
    points = []
    for n, k, s, bandwidth in limits.points():
        if progress is not None and k == 1 and s == 1 and bandwidth == 1:
            progress(f"upper bound: verifying the constructions on all instances with n = {n} …")
        points.append(evaluate_point(n, k, s, bandwidth))
    return {
        "schema_version": SCHEMA_VERSION,
        "ok": all(point["passed"] for point in points),
        "heads": 1,
        "limits": limits.to_json(),
        "constructions": {c.name: c.requirement for c in CONSTRUCTIONS},
        "summary": summarize(points),
        "points": points,
    }


def write_upper_bound_report(
    output_dir: Path,
    limits: UpperBoundLimits | None = None,
    progress: Callable[[str], None] | None = None,
) -> UpperBoundReport:
    """Compute the report for `limits` (default `UpperBoundLimits()`) and write it to `output_dir`.

    Writes `upper-bound.json` and `upper-bound.txt` atomically, after the whole report has
    been computed. Raises the errors of `UpperBoundLimits` and `verify_construction`, and
    `OSError` when a file cannot be written.
    """
    limits = UpperBoundLimits() if limits is None else limits
    document = build_upper_bound_document(limits, progress)
    table = format_upper_bound_table(document)
    json_path = Path(output_dir) / JSON_NAME
    table_path = Path(output_dir) / TABLE_NAME
    write_atomically(json_path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    write_atomically(table_path, table + "\n")
    return UpperBoundReport(document, table, json_path, table_path)
