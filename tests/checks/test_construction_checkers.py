"""Tests of the checkers of the two explicit constructions (sequential follower, marker relay)."""

from __future__ import annotations

from pybridge.checks import marker_relay as relay_checks
from pybridge.checks import sequential_follower as follower_checks
from pybridge.checks.enumeration import hop_naive
from pybridge.checks.formulas import ceil_div, clog2_by_search
from pybridge.checks.result import CheckLimits
from pybridge.model.marker_relay import marker_relay
from pybridge.model.sequential import sequential_follower
from pybridge.model.transformer import all_instances

SMALL = CheckLimits(max_n=3, max_hops=4, max_value=6, max_width=2)


def test_follower_checkers_pass() -> None:
    for check in (
        follower_checks.check_mem_top_one,
        follower_checks.check_find_unique,
        follower_checks.check_follower_locality,
        follower_checks.check_follower_invariant,
        follower_checks.check_follower_solves,
        follower_checks.check_announced_eq,
        follower_checks.check_read_token,
    ):
        result = check(SMALL)
        assert result.passed, result.to_json()
        assert result.instances > 0


def test_relay_checkers_pass() -> None:
    for check in (
        relay_checks.check_relay_locality,
        relay_checks.check_relay_find,
        relay_checks.check_relay_step,
        relay_checks.check_relay_marking,
        relay_checks.check_relay_readout,
        relay_checks.check_relay_solves,
        relay_checks.check_clog2_two_pow,
        relay_checks.check_four_mul,
        relay_checks.check_product_false,
    ):
        result = check(SMALL)
        assert result.passed, result.to_json()
        assert result.instances > 0


def test_relay_one_layer_short_fails() -> None:
    # With n = 4 the answer has two bits, so k + 1 layers leave the high bit unread.
    n, k = 4, 2
    model = marker_relay(n, 1, 1, k, 0)
    wrong = [
        (f, x)
        for f, x in all_instances(n)
        if model.answer(k + 1, f, x) != hop_naive(f, k, x)
    ]
    assert wrong


def test_follower_one_layer_short_fails() -> None:
    # The follower with k - 1 layers answers hop f (k - 1) x, which differs on some instance.
    n, k = 3, 2
    model = sequential_follower(n, 1, 2, 1, 0)
    wrong = [
        (f, x)
        for f, x in all_instances(n)
        if model.answer(k - 1, f, x) != hop_naive(f, k, x)
    ]
    assert wrong


def test_relay_witness_sizes() -> None:
    # c = 1: W = 6, n = 64, the relay uses 6 + 6 = 12 layers, the product bound is 36 > 12.
    assert clog2_by_search(64) == 6
    assert int(ceil_div(6, 1)) * int(ceil_div(6, 1)) == 36
    assert 1 * (6 + clog2_by_search(64)) == 12
