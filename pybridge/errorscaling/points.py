"""The exact probabilities and the formulas at every point (n, s, T) of a grid."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from pybridge.errorscaling.adaptive import max_adaptive_success
from pybridge.errorscaling.formulas import (
    adaptive_formula,
    oblivious_bound,
    separation_reference,
)
from pybridge.errorscaling.oblivious import Schedule, max_oblivious_success

ADAPTIVE_CLAIM = "Pr_adaptive = s/n"
OBLIVIOUS_CLAIM = "Pr_oblivious ≤ (s/(n−T))^T + 2T³/n"


def fraction_text(value: Fraction | None) -> str | None:
    """Return `value` as "p/q" (also for integers, e.g. "1/1"), or None."""
    if value is None:
        return None
    return f"{value.numerator}/{value.denominator}"


@dataclass(frozen=True)
class ScalingPoint:
    """The exact optima and the formula values at one (n, s, T)."""

    n: int
    s: int
    stages: int
    oblivious: Fraction
    """Maximum success probability over all oblivious schedules."""
    oblivious_schedule: Schedule
    adaptive: Fraction
    """Maximum success probability over all adaptive strategies."""

    @property
    def adaptive_formula(self) -> Fraction:
        return adaptive_formula(self.n, self.s)

    @property
    def adaptive_holds(self) -> bool:
        return self.adaptive == self.adaptive_formula

    @property
    def oblivious_bound(self) -> Fraction | None:
        """The C6 bound, or None when n ≤ T, where C6 makes no claim."""
        return oblivious_bound(self.n, self.s, self.stages)

    @property
    def oblivious_holds(self) -> bool | None:
        bound = self.oblivious_bound
        return None if bound is None else self.oblivious <= bound

    @property
    def separation(self) -> Fraction | None:
        """Pr_adaptive / Pr_oblivious, or None when Pr_oblivious = 0."""
        return None if self.oblivious == 0 else self.adaptive / self.oblivious

    @property
    def separation_reference(self) -> Fraction | None:
        return separation_reference(self.n, self.s, self.stages)

    def failures(self) -> list[dict[str, Any]]:
        """Return one record per formula that fails at this point, with the exact values."""
        found = []
        if not self.adaptive_holds:
            found.append(self._failure(ADAPTIVE_CLAIM, "Pr_adaptive", self.adaptive, self.adaptive_formula))
        if self.oblivious_holds is False:
            found.append(self._failure(OBLIVIOUS_CLAIM, "Pr_oblivious", self.oblivious, self.oblivious_bound))
        return found

    def _failure(self, claim: str, quantity: str, exact: Fraction, formula: Fraction | None) -> dict[str, Any]:
        return {
            "claim": claim,
            "n": self.n,
            "s": self.s,
            "T": self.stages,
            "quantity": quantity,
            "exact": fraction_text(exact),
            "formula": fraction_text(formula),
        }

    def to_json(self) -> dict[str, Any]:
        """Return the point with every probability as a "p/q" string."""
        return {
            "n": self.n,
            "s": self.s,
            "T": self.stages,
            "oblivious": fraction_text(self.oblivious),
            "oblivious_schedule": [list(cache) for cache in self.oblivious_schedule],
            "oblivious_bound": fraction_text(self.oblivious_bound),
            "oblivious_bound_holds": self.oblivious_holds,
            "adaptive": fraction_text(self.adaptive),
            "adaptive_formula": fraction_text(self.adaptive_formula),
            "adaptive_formula_holds": self.adaptive_holds,
            "separation": fraction_text(self.separation),
            "separation_reference": fraction_text(self.separation_reference),
        }


def compute_point(n: int, s: int, stages: int) -> ScalingPoint:
    """Compute both exact optima at (n, s, T); raises `EnumerationTooLarge` past the limits."""
    oblivious = max_oblivious_success(n, s, stages)
    adaptive = max_adaptive_success(n, s, stages)
    return ScalingPoint(n, s, stages, oblivious.probability, oblivious.schedule, adaptive.probability)


def compute_points(max_n: int, max_stages: int) -> list[ScalingPoint]:
    """Compute every point with 1 ≤ n ≤ max_n, 0 ≤ s ≤ n and 1 ≤ T ≤ max_stages."""
    return [
        compute_point(n, s, stages)
        for n in range(1, max_n + 1)
        for stages in range(1, max_stages + 1)
        for s in range(n + 1)
    ]


def format_point_table(points: list[ScalingPoint]) -> str:
    """Return a plain-text table of the points: exact values, formulas and separation."""
    header = ("n", "s", "T", "Pr_oblivious", "C6 bound", "Pr_adaptive", "s/n", "ratio", "(n/s)^(T-1)")
    rows = [header]
    for point in points:
        rows.append((
            str(point.n),
            str(point.s),
            str(point.stages),
            str(point.oblivious),
            "n/a" if point.oblivious_bound is None else str(point.oblivious_bound),
            str(point.adaptive),
            str(point.adaptive_formula),
            "-" if point.separation is None else str(point.separation),
            "-" if point.separation_reference is None else str(point.separation_reference),
        ))
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    return "\n".join(
        "  ".join(cell.rjust(width) for cell, width in zip(row, widths)).rstrip() for row in rows
    )
