"""Tests of the checkers of the pointer relay, the readout and the doubling bound."""

from __future__ import annotations

import dataclasses

import pytest

from pybridge.checks import pointer_relay as relay_checks
from pybridge.checks import readout as readout_checks
from pybridge.checks import windowed_marking as marking_checks
from pybridge.checks.result import CheckLimits
from pybridge.model.controllers import sliding_window
from pybridge.upper.pointer_relay import build_pointer_relay
from pybridge.upper.readout import build_readout
from pybridge.upper.windowed_marking import build_windowed_marking

SMALL = CheckLimits(max_n=3, max_hops=4, max_value=6, max_width=2)

ALL_CHECKS = (
    relay_checks.check_receive_chunk,
    relay_checks.check_chunk_count_eq,
    relay_checks.check_chunk_count_pos,
    relay_checks.check_lt_pow_chunk_count,
    relay_checks.check_nat_token_val,
    relay_checks.check_relay_locality,
    relay_checks.check_relay_held,
    relay_checks.check_relay_step,
    relay_checks.check_relay_layer,
    relay_checks.check_relay_round,
    relay_checks.check_relay_solves,
    readout_checks.check_readout_locality,
    readout_checks.check_mem_recent,
    readout_checks.check_readout_view,
    readout_checks.check_readout_states,
    readout_checks.check_readout_solves,
    readout_checks.check_readout_optimal,
    readout_checks.check_one_le_stages,
    readout_checks.check_doubling_bound_met,
    readout_checks.check_view_pointer_map,
    readout_checks.check_readout_step,
    marking_checks.check_hop_congr,
    marking_checks.check_find_eq_of_agree,
    marking_checks.check_length_segment,
    marking_checks.check_hop_mem_segment,
    marking_checks.check_segment_locality,
    marking_checks.check_marking_locality,
    marking_checks.check_mark_layers,
    marking_checks.check_marking_view_hop,
    marking_checks.check_marking_step,
    marking_checks.check_marking_phase,
    marking_checks.check_readout_phase,
    marking_checks.check_marking_solves,
    marking_checks.check_depth_le_doubling,
    marking_checks.check_depth_lt_two_max,
    marking_checks.check_windowed_doubling_bound,
)


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda check: check.__name__)
def test_upper_checkers_pass(check) -> None:
    result = check(SMALL)
    assert result.passed, result.to_json()
    assert result.instances > 0


def _relay_that_never_moves(n: int, k: int, s: int, m: int, p: int):
    """The pointer relay whose update ignores every message: it never moves along the chain."""
    model = build_pointer_relay(n, k, s, m, p)
    return dataclasses.replace(model, update=lambda layer, state, messages: state)


def test_relay_checkers_fail_when_stuck(monkeypatch) -> None:
    monkeypatch.setattr(relay_checks, "build_pointer_relay", _relay_that_never_moves)
    for check in (relay_checks.check_relay_step, relay_checks.check_relay_round,
                  relay_checks.check_relay_solves, relay_checks.check_relay_layer):
        result = check(SMALL)
        assert not result.passed, check.__name__
        assert result.counterexample is not None


def _readout_with_one_cached(n: int, k: int, s: int, m: int, p: int):
    """The readout with a window of one position: its head cannot see the whole instance."""
    return dataclasses.replace(build_readout(n, k, s, m, p), controller=sliding_window(n, 1))


def test_readout_checkers_fail_with_a_small_window(monkeypatch) -> None:
    monkeypatch.setattr(readout_checks, "build_readout", _readout_with_one_cached)
    for check in (readout_checks.check_readout_states, readout_checks.check_readout_solves,
                  readout_checks.check_readout_view, readout_checks.check_doubling_bound_met):
        result = check(SMALL)
        assert not result.passed, check.__name__


def test_doubling_bound_checker_fails_one_layer_short(monkeypatch) -> None:
    # One chunk fewer leaves the top bit of token n - 1 unread.
    monkeypatch.setattr(readout_checks, "chunk_count", lambda n, width: relay_checks.chunk_count(n, width) - 1)
    result = readout_checks.check_doubling_bound_met(SMALL)
    assert not result.passed
    assert result.counterexample["solves"] is False


def _skipping_segment(s, mark, pointer):
    """A controller that caches the marked head and the token two hops on, skipping the one between.

    It reads the pointer of a position it does not cache, so it is not locality-respecting.
    """

    def controller(layer, states):
        head = next((i for i, state in enumerate(states) if mark(state)), None)
        if head is None or s < 1:
            return []
        return [head, pointer(states[pointer(states[head])])][:s]

    return controller


def test_segment_locality_catches_uncached_reads(monkeypatch) -> None:
    monkeypatch.setattr(marking_checks, "segment_controller", _skipping_segment)
    result = marking_checks.check_segment_locality(SMALL)
    assert not result.passed
    assert result.counterexample is not None


def _marking_that_never_marks(n: int, k: int, s: int, m: int, p: int):
    """The windowed marking whose update keeps every state: the window never moves."""
    model = build_windowed_marking(n, k, s, m, p)
    return dataclasses.replace(model, update=lambda layer, state, messages: state)


def test_marking_checkers_fail_when_the_window_never_moves(monkeypatch) -> None:
    monkeypatch.setattr(marking_checks, "build_windowed_marking", _marking_that_never_marks)
    for check in (marking_checks.check_marking_step, marking_checks.check_marking_phase,
                  marking_checks.check_readout_phase, marking_checks.check_marking_solves,
                  marking_checks.check_windowed_doubling_bound):
        result = check(SMALL)
        assert not result.passed, check.__name__


def test_windowed_doubling_checker_fails_one_layer_short(monkeypatch) -> None:
    monkeypatch.setattr(marking_checks, "chunk_count", lambda n, width: relay_checks.chunk_count(n, width) - 1)
    result = marking_checks.check_windowed_doubling_bound(SMALL)
    assert not result.passed
    assert result.counterexample["solves"] is False
