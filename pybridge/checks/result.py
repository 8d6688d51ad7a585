"""Results and enumeration limits of the numerical checkers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Every pointer map of the largest token count is held in memory at once.
MAX_POINTER_MAPS = 10**7
# The hop table keeps hop counts 0..2·max_hops as uint8, so one entry is one byte.
MAX_HOP_TABLE_ENTRIES = 10**8
# `CacheDepth.hop_periodic_of_eq` evaluates every (map, start, i, j, t) tuple.
MAX_HOP_TRIPLE_INSTANCES = 10**10
# The six-parameter formulas enumerate every (n, k, s, H, m, p) tuple.
MAX_FORMULA_TUPLES = 10**8
# The arithmetic checks compute 2^t for t ≤ max_value in signed 64-bit NumPy integers.
MAX_EXPONENT = 62


class EnumerationTooLarge(ValueError):
    """A limit that would make an exhaustive enumeration too large to run."""


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking one Lean statement on every instance of a finite domain."""

    statement: str
    """Full Lean name of the statement, e.g. `CacheDepth.hop_add`."""
    passed: bool
    instances: int
    """Number of instances that satisfy the hypotheses and were evaluated."""
    domain: str
    """One-sentence description of what was enumerated."""
    counterexample: dict[str, Any] | None
    """The first failing instance in enumeration order, with all its parameters."""
    reason: str | None = None
    """Explanation of a failure that has no counterexample, such as a vacuous domain."""

    def to_json(self) -> dict[str, Any]:
        """Return the result as a JSON-serialisable dict."""
        return {
            "statement": self.statement,
            "passed": self.passed,
            "instances": self.instances,
            "domain": self.domain,
            "counterexample": self.counterexample,
            "reason": self.reason,
        }


def make_result(
    statement: str, instances: int, domain: str, counterexample: dict[str, Any] | None
) -> CheckResult:
    """Build the result of an enumeration; an enumeration without instances fails as vacuous."""
    if instances == 0:
        return CheckResult(
            statement=statement,
            passed=False,
            instances=0,
            domain=domain,
            counterexample=None,
            reason=(
                "vacuous check: no instance in the domain satisfies the hypotheses; "
                "raise the limits or fix the checker's hypotheses"
            ),
        )
    return CheckResult(
        statement=statement,
        passed=counterexample is None,
        instances=instances,
        domain=domain,
        counterexample=counterexample,
    )


def _largest_below(limit: int, size: Callable[[int], int]) -> int:
    """Return the largest value v ≥ 0 with size(v) ≤ limit, assuming size is increasing."""
    value = 0
    while size(value + 1) <= limit:
        value += 1
    return value


def pointer_map_count_error(n: int, name: str = "max_n") -> EnumerationTooLarge | None:
    """Return the error for enumerating all n^n pointer maps, or None when n is in range.

    `name` is the parameter that the message names.
    """
    if n**n <= MAX_POINTER_MAPS:
        return None
    largest = _largest_below(MAX_POINTER_MAPS, lambda v: max(v, 1) ** v)
    return EnumerationTooLarge(
        f"{name}={n} would enumerate {n}^{n} = {n**n} pointer maps; the limit is 10^7 maps "
        f"({name} ≤ {largest}) because every map is held in memory"
    )


@dataclass(frozen=True)
class CheckLimits:
    """Bounds of the exhaustive enumerations.

    Raises `EnumerationTooLarge` on construction when a bound would make an enumeration too
    large, and `ValueError` or `TypeError` when a bound is not a valid count.
    """

    max_n: int = 6
    """Largest token count n for which all n^n pointer maps are enumerated."""
    max_hops: int = 8
    """Largest hop count in the pointer-chasing checks."""
    max_value: int = 40
    """Largest plain integer (a, b, c, n, k, s, t, L) in the arithmetic checks."""
    max_width: int = 4
    """Largest head count H, head dimension m and precision p in the formula checks."""

    def __post_init__(self) -> None:
        for name in ("max_n", "max_hops", "max_value", "max_width"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"{name}={value!r} is invalid; it must be an int")
            if value < 0:
                raise ValueError(f"{name}={value} is invalid; it must be at least 0")
        if self.max_n < 1:
            raise ValueError(
                f"max_n={self.max_n} is invalid; it must be at least 1 "
                "because Fin 0 has no start token"
            )
        self._validate_pointer_enumeration()
        self._validate_arithmetic_enumeration()

    def _validate_pointer_enumeration(self) -> None:
        error = pointer_map_count_error(self.max_n)
        if error is not None:
            raise error

        n = self.max_n
        layers = 2 * self.max_hops + 1
        entries = layers * n**n * n
        if entries > MAX_HOP_TABLE_ENTRIES:
            largest = _largest_below(MAX_HOP_TABLE_ENTRIES, lambda h: (2 * h + 1) * n**n * n)
            raise EnumerationTooLarge(
                f"max_hops={self.max_hops} with max_n={n} would store a hop table of "
                f"{layers} hop counts × {n}^{n} maps × {n} starts = {entries} entries, because "
                "CacheDepth.hop_add compares hop counts up to 2·max_hops; the limit is 10^8 "
                f"entries (max_hops ≤ {largest} for max_n={n})"
            )

        map_starts = sum(size ** (size + 1) for size in range(1, n + 1))
        triples = (self.max_hops + 1) ** 3 * map_starts
        if triples > MAX_HOP_TRIPLE_INSTANCES:
            largest = _largest_below(MAX_HOP_TRIPLE_INSTANCES, lambda h: (h + 1) ** 3 * map_starts)
            raise EnumerationTooLarge(
                f"max_hops={self.max_hops} with max_n={n} would evaluate {triples} "
                "(map, start, i, j, t) instances for CacheDepth.hop_periodic_of_eq; the limit is "
                f"10^10 instances (max_hops ≤ {largest} for max_n={n})"
            )

    def _validate_arithmetic_enumeration(self) -> None:
        if self.max_value > MAX_EXPONENT:
            raise EnumerationTooLarge(
                f"max_value={self.max_value} would overflow 2^max_value in signed 64-bit NumPy "
                f"integers; the limit is max_value ≤ {MAX_EXPONENT}"
            )

        tuples = (self.max_value + 1) ** 3 * (self.max_width + 1) ** 3
        if tuples > MAX_FORMULA_TUPLES:
            raise EnumerationTooLarge(
                f"max_value={self.max_value} with max_width={self.max_width} would enumerate "
                f"{self.max_value + 1}^3 · {self.max_width + 1}^3 = {tuples} (n, k, s, H, m, p) "
                "tuples for each six-parameter formula; the limit is 10^8 tuples"
            )
