"""Tests of the checkers of `CacheDepth/ErrorScaling/TwoStages.lean`."""

from __future__ import annotations

import itertools

from pybridge.checks import two_stages
from pybridge.checks.result import CheckLimits

SMALL = CheckLimits(max_n=4, max_hops=4, max_value=6, max_width=2)


def test_two_stage_checkers_pass() -> None:
    checks = [getattr(two_stages, name) for name in dir(two_stages) if name.startswith("check_")]
    assert len(checks) >= 14
    for check in checks:
        result = check(SMALL)
        assert result.passed, result.to_json()
        assert result.instances > 0


def test_two_stage_count_by_hand() -> None:
    # n = 3, C1 = {1}, C2 = {2}: f(0) = 1 and f(1) = 2, f(2) free: 3 maps of 27.
    maps = list(itertools.product(range(3), repeat=3))
    count = sum(1 for f in maps if f[0] in (1,) and f[f[0]] in (2,))
    assert count == 3
    assert count * 3 * 3 <= 3 ** 3 * (3 + 1 * 1)


def test_two_stage_count_fails_with_smaller_cache() -> None:
    # The count bound is tight enough to fail for s - 1: n = 3, C1 = C2 = {0, 1} has 15 maps.
    points = list(two_stages._two_stage_points(SMALL))
    broken = [
        (n, s, count)
        for n, s, _, _, count in points
        if s >= 1 and count * n * n > n ** n * (n + (s - 1) ** 2)
    ]
    assert (3, 2, 15) in broken
