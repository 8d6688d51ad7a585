"""The indistinguishability checkers pass and fail without their hypotheses; the family works."""

from __future__ import annotations

import itertools

import pytest

from pybridge.checks import indistinguishable
from pybridge.checks.enumeration import hop_naive
from pybridge.checks.lower_bound_models import (
    LOCALITY_RESPECTING,
    OBLIVIOUS,
    UNRESTRICTED,
    chain_tracker,
    lower_bound_family,
    pointer_changes,
    schedule_scanner,
)
from pybridge.checks.result import CheckLimits
from pybridge.model.transformer import all_instances

SMALL = CheckLimits(max_n=3, max_hops=4, max_value=10, max_width=2)
CHECKERS = [
    indistinguishable.check_states_at_eq_of_uncached,
    indistinguishable.check_cache_trace_eq_of_uncached,
    indistinguishable.check_answer_eq_of_uncached,
    indistinguishable.check_cached_of_answer_ne,
]


@pytest.mark.parametrize("check", CHECKERS, ids=lambda check: check.__name__)
def test_checker_passes_default_limits(check) -> None:
    result = check(CheckLimits())
    assert result.passed, result
    assert result.instances >= 5000


def test_chain_tracker_solves_with_one_slot() -> None:
    for n in (1, 2, 3):
        model = chain_tracker(n)
        for depth in (1, 2, 3):
            for f, x in all_instances(n):
                assert model.answer(depth, f, x) == hop_naive(f, depth, x), (n, depth, f, x)
                cache = model.cache_trace(f, x, depth - 1)
                assert cache == [hop_naive(f, depth - 1, x)]


def test_scanner_solves_after_full_scan() -> None:
    for n, s, output, k in itertools.product((2, 3), (1, 2), (0, 1), (1, 2, 3)):
        if s >= n:
            continue
        model = schedule_scanner(n, s, output, k)
        scan = -(-(n - 1) // s)
        assert model.solves(scan, k), (n, s, output, k)
        assert model.solves(scan + 1, k), (n, s, output, k)
        if scan >= 1:
            assert not model.solves(scan - 1, k), (n, s, output, k)


def test_family_has_every_controller_class() -> None:
    classes = {entry.controller_class for entry in lower_bound_family(3)}
    assert classes == {OBLIVIOUS, LOCALITY_RESPECTING, UNRESTRICTED}


def test_family_schedule_controllers_oblivious() -> None:
    for entry in lower_bound_family(3):
        method = entry.description.get("controller")
        if method in ("slidingWindow", "sinksAndWindow", "ofSchedule"):
            assert entry.controller_class == OBLIVIOUS, entry.description


def test_pointer_changes_count() -> None:
    changes = list(pointer_changes(3))
    # 27 maps · 3 starts · 3 positions · 2 other values.
    assert len(changes) == 27 * 3 * 3 * 2
    for (f, x), g, j in changes:
        differing = [i for i in range(3) if f[i] != g[i]]
        assert differing == [j]


def test_states_eq_fails_when_cached() -> None:
    result = indistinguishable.check_states_at_eq_of_uncached(SMALL, require_uncached=False)
    assert not result.passed
    assert result.counterexample["layers"] >= 1


def test_cache_trace_eq_fails_when_cached() -> None:
    result = indistinguishable.check_cache_trace_eq_of_uncached(SMALL, require_uncached=False)
    assert not result.passed
    assert result.counterexample["layer"] >= 1


def test_answer_eq_fails_when_cached() -> None:
    result = indistinguishable.check_answer_eq_of_uncached(SMALL, require_uncached=False)
    assert not result.passed
    assert result.counterexample["L"] >= 1


def test_cached_of_answer_ne_fails_last_layer_skipped() -> None:
    result = indistinguishable.check_cached_of_answer_ne(SMALL, skipped_layers=1)
    assert not result.passed
    witness = result.counterexample
    assert hop_naive(witness["f"], witness["k"], witness["x"]) != hop_naive(
        witness["g"], witness["k"], witness["x"]
    )
