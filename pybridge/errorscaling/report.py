"""The error-scaling report that `cachedepth check` writes: a JSON file and a figure.

`write_error_scaling_report` computes every point of the grid, renders the figure and the
JSON document in memory, and only then writes the three files. Each file is written to a
temporary file in the report folder and renamed, so an error leaves every file either as
it was or complete.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pybridge.checks.result import CheckLimits
from pybridge.fileio import write_atomically
from pybridge.errorscaling.limits import report_ranges
from pybridge.errorscaling.points import (
    ADAPTIVE_CLAIM,
    OBLIVIOUS_CLAIM,
    ScalingPoint,
    compute_points,
    format_point_table,
)

JSON_NAME = "error-scaling.json"
PNG_NAME = "error-scaling.png"
SVG_NAME = "error-scaling.svg"

MODEL = (
    "f uniform over all n^n maps on the tokens 0..n-1, start token 0, chain y_i = f^i(0) "
    "for i = 1..T; stage i caches a set C_i of at most s tokens and succeeds when y_i ∈ C_i. "
    "Pr_oblivious is the maximum over all schedules C_1..C_T fixed in advance. Pr_adaptive "
    "is the maximum over all strategies that choose C_i from the pairs (j, f(j)) of the "
    "tokens j cached in stages 1..i-1."
)


@dataclass(frozen=True)
class ErrorScalingSummary:
    """Findings of the error-scaling report, for the check output and check-report.json."""

    max_n: int
    max_stages: int
    points: list[ScalingPoint]
    failures: list[dict[str, Any]]
    """One record per formula and point where the formula fails, with the exact values."""
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def all_formulas_hold(self) -> bool:
        return not self.failures

    def lines(self) -> list[str]:
        """Return the lines that `cachedepth check` prints: ranges, one line per claim, failures."""
        bounded = [point for point in self.points if point.oblivious_holds is not None]
        vacuous = [point for point in bounded if point.oblivious_bound >= 1]
        adaptive_failures = [f for f in self.failures if f["claim"] == ADAPTIVE_CLAIM]
        oblivious_failures = [f for f in self.failures if f["claim"] == OBLIVIOUS_CLAIM]
        lines = [
            f"error scaling: {len(self.points)} points with n ≤ {self.max_n}, 0 ≤ s ≤ n, "
            f"1 ≤ T ≤ {self.max_stages}, computed exactly in {self.seconds:.1f} s",
            f"error scaling C7, {ADAPTIVE_CLAIM}: "
            + _verdict(len(self.points), len(adaptive_failures), "points"),
            f"error scaling C6, {OBLIVIOUS_CLAIM}: "
            + _verdict(len(bounded), len(oblivious_failures), "points with n > T")
            + f" (the bound is at least 1 at {len(vacuous)} of them)",
        ]
        for failure in self.failures:
            lines.append(
                f"error scaling: FORMULA FAILS: {failure['claim']} at n={failure['n']}, "
                f"s={failure['s']}, T={failure['T']}: exact {failure['quantity']} = "
                f"{failure['exact']}, formula = {failure['formula']}"
            )
        if self.failures:
            lines.append("error scaling: formula failures do not change the check verdict")
        return lines

    def table(self) -> str:
        """Return the table of the points with the largest n."""
        return format_point_table([point for point in self.points if point.n == self.max_n])

    def to_json(self) -> dict[str, Any]:
        """Return the summary for check-report.json; the points are in error-scaling.json."""
        return {
            "max_n": self.max_n,
            "max_stages": self.max_stages,
            "points": len(self.points),
            "all_formulas_hold": self.all_formulas_hold,
            "formula_failures": self.failures,
            "files": [path.name for path in self.files],
        }


def _verdict(total: int, failed: int, population: str) -> str:
    if failed == 0:
        return f"holds at all {total} {population}"
    return f"FAILS at {failed} of {total} {population}"


def report_document(summary: ErrorScalingSummary) -> dict[str, Any]:
    """Return the error-scaling.json document: the model, the claims and every point."""
    return {
        "schema_version": 1,
        "model": MODEL,
        "claims": {
            "C6": f"{OBLIVIOUS_CLAIM}, for n > T",
            "C7": f"{ADAPTIVE_CLAIM}, for T ≥ 1 and s ≤ n",
            "separation": "Pr_adaptive / Pr_oblivious, reported next to (n/s)^(T−1)",
        },
        "ranges": {"n": f"1..{summary.max_n}", "s": "0..n", "T": f"1..{summary.max_stages}"},
        "all_formulas_hold": summary.all_formulas_hold,
        "formula_failures": summary.failures,
        "points": [point.to_json() for point in summary.points],
    }


def _write_bytes_atomically(path: Path, data: bytes) -> None:
    # The bytes counterpart of pybridge.fileio.write_atomically, which writes text only.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_error_scaling_report(output_dir: Path, limits: CheckLimits) -> ErrorScalingSummary:
    """Compute the error-scaling grid for `limits` and write the report into `output_dir`.

    Writes error-scaling.png, error-scaling.svg and then error-scaling.json. The grid runs
    over n ≤ min(limits.max_n, 6), 0 ≤ s ≤ n and 1 ≤ T ≤ 4 (see `limits.report_ranges`).
    Raises `OSError` when the folder cannot be created or written; files written before
    the error stay complete.
    """
    from pybridge.errorscaling.plot import render_png, render_svg

    started = time.monotonic()
    max_n, max_stages = report_ranges(limits)
    points = compute_points(max_n, max_stages)
    failures = [failure for point in points for failure in point.failures()]
    computed = ErrorScalingSummary(max_n, max_stages, points, failures, seconds=time.monotonic() - started)

    png = render_png(points)
    svg = render_svg(points)
    document = json.dumps(report_document(computed), indent=2, ensure_ascii=False) + "\n"

    output_dir.mkdir(parents=True, exist_ok=True)
    png_path, svg_path, json_path = output_dir / PNG_NAME, output_dir / SVG_NAME, output_dir / JSON_NAME
    _write_bytes_atomically(png_path, png)
    write_atomically(svg_path, svg)
    write_atomically(json_path, document)
    return ErrorScalingSummary(
        max_n, max_stages, points, failures, [json_path, png_path, svg_path], computed.seconds
    )
