"""Work limits of the exact searches. Beyond them a search raises `EnumerationTooLarge`.

The limits keep one search to seconds. Measured with `max_oblivious_success` and
`max_adaptive_success` on a 2-core AMD EPYC machine, the slowest point of the report grid
(n = 6, T = 4) took under half a second, and one point with n = 7 took up to about 7 s in
the adaptive search.
"""

from __future__ import annotations

import math

from pybridge.checks.result import CheckLimits, EnumerationTooLarge

MAX_MAPS = 10**5
"""The adaptive search and the greedy simulation hold every map and its chain as Python
tuples, so n^n may be at most this (n ≤ 6)."""

MAX_STAGES = 8
"""Largest stage count T of any search."""

MAX_SCHEDULES = 10**5
"""Schedules the oblivious search may evaluate; (n, s, T) = (6, 3, 5) evaluates 29536."""

MAX_ADAPTIVE_NODES = 2 * 10**6
"""Information classes the adaptive search may visit; (6, 6, 5) visits 186625."""

REPORT_MAX_N = 6
"""Largest n of the report grid: the adaptive searches for n ≤ 7 and T ≤ 4 took about 45 s
together on the machine named above, almost all of it for n = 7."""

REPORT_MAX_STAGES = 4
"""Largest T of the report grid: T = ⌈log₂ k⌉ ≤ 4 covers every k ≤ 16."""


def _largest_n_within_maps() -> int:
    n = 1
    while (n + 1) ** (n + 1) <= MAX_MAPS:
        n += 1
    return n


def check_stage_count(stages: int) -> None:
    """Raise `EnumerationTooLarge` when T exceeds MAX_STAGES."""
    if stages > MAX_STAGES:
        raise EnumerationTooLarge(
            f"T={stages} stages is too large for an exact search; the limit is T ≤ {MAX_STAGES}"
        )


def check_map_count(n: int) -> None:
    """Raise `EnumerationTooLarge` when the n^n maps exceed MAX_MAPS."""
    if n**n > MAX_MAPS:
        raise EnumerationTooLarge(
            f"n={n} would enumerate {n}^{n} = {n**n} pointer maps for the adaptive search; "
            f"the limit is 10^5 maps (n ≤ {_largest_n_within_maps()}) because every map "
            "and its chain are held as Python tuples"
        )


def check_schedule_count(searched: int, n: int, s: int, stages: int) -> None:
    """Raise `EnumerationTooLarge` once the oblivious search has evaluated too many schedules."""
    if searched > MAX_SCHEDULES:
        raise EnumerationTooLarge(
            f"the oblivious search for n={n}, s={s}, T={stages} evaluated more than "
            f"{MAX_SCHEDULES} schedules and stopped; lower n or T"
        )


def check_plain_schedule_count(n: int, s: int, stages: int) -> None:
    """Raise `EnumerationTooLarge` when C(n, min(s, n))^T exceeds MAX_SCHEDULES."""
    schedules = math.comb(n, min(s, n)) ** stages
    if schedules > MAX_SCHEDULES:
        raise EnumerationTooLarge(
            f"the search over every schedule for n={n}, s={s}, T={stages} would evaluate "
            f"C({n}, {min(s, n)})^{stages} = {schedules} schedules; the limit is "
            f"{MAX_SCHEDULES}. Use the search with symmetry reduction, or lower n or T"
        )


def check_node_count(nodes: int, n: int, s: int, stages: int) -> None:
    """Raise `EnumerationTooLarge` once the adaptive search has visited too many nodes."""
    if nodes > MAX_ADAPTIVE_NODES:
        raise EnumerationTooLarge(
            f"the adaptive search for n={n}, s={s}, T={stages} visited more than "
            f"{MAX_ADAPTIVE_NODES} information classes and stopped; lower n or T"
        )


def report_ranges(limits: CheckLimits) -> tuple[int, int]:
    """Return (largest n, largest T) of the report grid for `limits`.

    n runs to min(limits.max_n, REPORT_MAX_N) and T to REPORT_MAX_STAGES.
    """
    return min(limits.max_n, REPORT_MAX_N), REPORT_MAX_STAGES
