"""Tests of the checkers of the error-scaling theorems (`CacheDepth/ErrorScaling/`)."""

from __future__ import annotations

import dataclasses
import math
from fractions import Fraction

import pytest

from pybridge.checks import CheckerRegistry, error_scaling, registered_statements
from pybridge.checks.result import CheckLimits
from pybridge.errorscaling.formulas import oblivious_bound

SMALL = CheckLimits(max_n=3, max_hops=4, max_value=10, max_width=2)


def test_pending_names() -> None:
    assert sorted(error_scaling.PENDING) == [
        "CacheDepth.adaptiveSuccess_le",
        "CacheDepth.count_head_mem",
        "CacheDepth.count_head_mem_le",
        "CacheDepth.followView_eq",
        "CacheDepth.greedy_adaptiveSuccess",
        "CacheDepth.greedy_cached",
        "CacheDepth.greedy_stage_of_cached",
        "CacheDepth.greedy_success_iff",
        "CacheDepth.length_allMaps",
        "CacheDepth.length_filter_flatMap_map",
        "CacheDepth.length_filter_head",
        "CacheDepth.length_filter_mem_finRange",
        "CacheDepth.length_filter_mem_finRange_le",
        "CacheDepth.mem_allMaps",
        "CacheDepth.obliviousBound_one_stage",
        "CacheDepth.obliviousSuccess_le_one_stage",
        "CacheDepth.revealedView_nil",
        "CacheDepth.stageCache_zero",
    ]
    assert list(error_scaling.OPEN) == ["CacheDepth.oblivious_error_bound"]


def test_proved_checkers_registered_and_open_one_not() -> None:
    registered = set(registered_statements())
    for name in error_scaling.PENDING:
        assert name in registered, name
    for name in error_scaling.OPEN:
        assert name not in registered, name


def test_register_pending_runs_all() -> None:
    registry = CheckerRegistry()
    error_scaling.register_pending(registry)
    assert registry.registered_statements() == sorted(error_scaling.PENDING)
    results = registry.run_checks(list(error_scaling.PENDING), SMALL)
    assert [result.statement for result in results] == sorted(error_scaling.PENDING)
    assert [result.to_json() for result in results if not result.passed] == []


def test_register_pending_selected_names() -> None:
    registry = CheckerRegistry()
    error_scaling.register_pending(registry, ["CacheDepth.greedy_cached"])
    assert registry.registered_statements() == ["CacheDepth.greedy_cached"]
    with pytest.raises(KeyError):
        error_scaling.register_pending(registry, ["CacheDepth.no_such_theorem"])


@pytest.mark.parametrize("name", [*error_scaling.PENDING, *error_scaling.OPEN])
def test_checker_passes_small_limits(name: str) -> None:
    checkers = {**error_scaling.PENDING, **error_scaling.OPEN}
    result = checkers[name](SMALL)
    assert result.statement == name
    assert result.instances > 0
    assert result.counterexample is None
    assert result.passed


def test_adaptive_checker_reports_counterexample(monkeypatch: pytest.MonkeyPatch) -> None:
    real = error_scaling.max_adaptive_success

    def inflated(n: int, s: int, stages: int, later_size: int):
        optimum = real(n, s, stages, later_size=later_size)
        if (n, s, stages) == (2, 1, 2):
            return dataclasses.replace(optimum, count=optimum.count + 1)
        return optimum

    monkeypatch.setattr(error_scaling, "max_adaptive_success", inflated)
    result = error_scaling.check_adaptive_success_le(SMALL)
    assert not result.passed
    assert result.counterexample == {"n": 2, "s": 1, "T": 2, "best_count": 3}


def test_greedy_checker_reports_counterexample(monkeypatch: pytest.MonkeyPatch) -> None:
    # A greedy strategy that caches nothing succeeds nowhere.
    monkeypatch.setattr(error_scaling.strategies, "greedy_strategy", lambda first, start: lambda stage, view: [])
    result = error_scaling.check_greedy_adaptive_success(SMALL)
    assert not result.passed
    assert result.counterexample == {"n": 1, "first_cache": [0], "T": 1, "count": 0}


@pytest.mark.parametrize("n", range(2, 9))
def test_bound_holds_matches_fraction(n: int) -> None:
    for s in range(n + 1):
        for stages in range(1, n):
            bound = oblivious_bound(n, s, stages)
            scaled = bound * n**n
            for count in {0, 1, n ** (n - 1), s * n ** (n - 1), n**n, math.floor(scaled), math.ceil(scaled) + 1}:
                expected = Fraction(count, n**n) <= bound
                assert error_scaling.oblivious_bound_holds(count, n, s, stages) == expected, (n, s, stages, count)


def test_one_stage_checker_counts_instances() -> None:
    # Every subset C of Fin n and every s with |C| ≤ s ≤ n.
    # n = 1: sizes 0, 1 with 2, 1 values of s: 3.
    # n = 2: sizes 0, 1, 2 occur 1, 2, 1 times with 3, 2, 1 values of s: 3 + 4 + 1 = 8.
    # n = 3: sizes 0..3 occur 1, 3, 3, 1 times with 4, 3, 2, 1 values of s: 4 + 9 + 6 + 1 = 20.
    result = error_scaling.check_oblivious_success_le_one_stage(SMALL)
    assert result.instances == 3 + 8 + 20
    bound_result = error_scaling.check_oblivious_bound_one_stage(SMALL)
    assert bound_result.instances == 8 + 20
