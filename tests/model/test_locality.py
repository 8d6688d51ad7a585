"""Tests of the exhaustive locality search."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pybridge.checks import EnumerationTooLarge
from pybridge.model import (
    LocalityPair,
    find_controller_violation,
    find_locality_violation,
    heavy_hitter,
    is_oblivious,
    locality_violations,
    match_attention,
    pairs_outside_caches,
    schedule_controller,
    sinks_and_window,
    sliding_window,
    top_by_score,
)
from pybridge.model.locality import vector_pair_count

STATES = (0, 1, 2)


def layer_zero(controller):
    return lambda states: controller(0, states)


def test_heavy_hitter_first_violation() -> None:
    # The Lean counterexample with v and w swapped comes first in enumeration order.
    rule = layer_zero(heavy_hitter(1, match_attention))
    violation = find_locality_violation(rule, 3, (0, 1))
    assert violation == LocalityPair((0, 1, 0), (0, 1, 1), 2, [0], [1])


def test_heavy_hitter_lean_counterexample_found() -> None:
    rule = layer_zero(heavy_hitter(1, match_attention))
    lean_counterexample = ((0, 1, 1), (0, 1, 0), 2, [1], [0])
    assert lean_counterexample in list(locality_violations(rule, 3, (0, 1)))
    assert lean_counterexample in list(locality_violations(rule, 3, STATES))


def test_heavy_hitter_two_positions_local() -> None:
    for s in range(4):
        rule = layer_zero(heavy_hitter(s, match_attention))
        assert find_locality_violation(rule, 2, STATES) is None, s


@pytest.mark.parametrize("n", [0, 1, 2, 3])
def test_top_by_score_no_violation(n: int) -> None:
    scores = [
        lambda state: state,
        lambda state: 2 - state,
        lambda state: state % 2,
        lambda state: 0,
    ]
    for s in range(n + 2):
        for score in scores:
            assert find_locality_violation(layer_zero(top_by_score(s, score)), n, STATES) is None


@pytest.mark.parametrize("n", [0, 1, 2, 3])
def test_windows_no_violation(n: int) -> None:
    for s in range(n + 2):
        assert find_locality_violation(layer_zero(sliding_window(n, s)), n, STATES) is None
        for a in range(n + 2):
            controller = sinks_and_window(n, a, s)
            assert find_locality_violation(layer_zero(controller), n, STATES) is None


def test_non_local_rule_caught() -> None:
    # Caches position 0 iff position 1's state is odd: position 1 steers the cache
    # without ever being cached.
    def rule(states: tuple[int, ...]) -> list[int]:
        return [0] if states[1] % 2 == 1 else []

    violation = find_locality_violation(rule, 2, STATES)
    assert violation == LocalityPair((0, 0), (0, 1), 1, [], [0])


def test_reordered_cache_is_violation() -> None:
    # Caches are compared as lists, so the same positions in another order differ.
    def rule(states: tuple[int, ...]) -> list[int]:
        return [0, 1] if states[2] == 0 else [1, 0]

    violation = find_locality_violation(rule, 3, (0, 1))
    assert violation == LocalityPair((0, 0, 0), (0, 0, 1), 2, [0, 1], [1, 0])


def test_pairs_outside_caches_count() -> None:
    # An empty cache puts every pair in the hypotheses: 3^2 vectors · 2 positions · 2 letters.
    pairs = list(pairs_outside_caches(lambda states: [], 2, STATES))
    assert len(pairs) == 36 == vector_pair_count(2, 3)
    assert all(pair.cache_v == pair.cache_w == [] for pair in pairs)


def test_pairs_outside_caches_skip_cached_position() -> None:
    pairs = list(pairs_outside_caches(lambda states: [0], 2, (0, 1)))
    assert {pair.j for pair in pairs} == {1}
    assert len(pairs) == 4


def test_rule_called_once_per_vector() -> None:
    calls: list[tuple[int, ...]] = []

    def rule(states: tuple[int, ...]) -> list[int]:
        calls.append(states)
        return []

    list(pairs_outside_caches(rule, 3, STATES))
    assert len(calls) == 27
    assert len(set(calls)) == 27


def test_controller_violation_reports_layer() -> None:
    # Layer 0 is a fixed schedule; layer 1 caches position 0 iff position 1's state is 2.
    def controller(layer: int, states: tuple[int, ...]) -> list[int]:
        if layer == 0:
            return [0]
        return [0] if states[1] == 2 else []

    found = find_controller_violation(controller, 2, STATES, 2)
    assert found == (1, LocalityPair((0, 0), (0, 2), 1, [], [0]))
    assert find_controller_violation(controller, 2, STATES, 1) is None


def test_is_oblivious_schedule() -> None:
    controller = schedule_controller([[1, 0]].__getitem__)
    assert is_oblivious(layer_zero(controller), 3, STATES)


def test_is_oblivious_top_by_score_false() -> None:
    assert not is_oblivious(layer_zero(top_by_score(1, lambda state: state)), 2, STATES)


def test_is_oblivious_full_heavy_hitter() -> None:
    # With s ≥ n every position is cached in index order, whatever the states.
    assert is_oblivious(layer_zero(heavy_hitter(3, match_attention)), 3, STATES)


def test_too_many_pairs_raises() -> None:
    # 3^14 · 14 · 2 = 133923132 pairs.
    with pytest.raises(EnumerationTooLarge) as raised:
        find_locality_violation(lambda states: [], 14, STATES)
    message = str(raised.value)
    assert "133923132" in message
    assert "10^7" in message


def test_too_many_pairs_raises_before_iteration() -> None:
    with pytest.raises(EnumerationTooLarge):
        pairs_outside_caches(lambda states: [], 14, STATES)


def test_pair_limit_boundary() -> None:
    # 3^11 · 11 · 2 = 3897234 pairs are accepted; the generator is not run.
    assert vector_pair_count(11, 3) == 3897234
    pairs_outside_caches(lambda states: [], 11, STATES)


def test_too_many_vectors_raises() -> None:
    with pytest.raises(EnumerationTooLarge, match="14348907 state vectors"):
        is_oblivious(lambda states: [], 15, STATES)


def test_repeated_letter_raises() -> None:
    with pytest.raises(ValueError, match="repeats a letter"):
        find_locality_violation(lambda states: [], 2, (0, 1, 1))


def test_negative_n_raises() -> None:
    with pytest.raises(ValueError, match="n=-1"):
        is_oblivious(lambda states: [], -1, STATES)


def test_limit_error_in_fresh_interpreter() -> None:
    # The model package imports pybridge.checks only when it raises, because the checker
    # modules import the model package. Importing the model package first must still work.
    code = (
        "import pybridge.model.locality as locality\n"
        "try:\n"
        "    locality.find_locality_violation(lambda v: [], 14, (0, 1, 2))\n"
        "except Exception as error:\n"
        "    print(type(error).__module__, type(error).__name__)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "pybridge.checks.result EnumerationTooLarge"
