"""The list-counting checkers pass, and each fails on a wrong variant of its statement."""

from __future__ import annotations

import itertools

import pytest

from pybridge.checks import counting_lists
from pybridge.checks.counting_lists import all_functions
from pybridge.checks.result import CheckLimits

CHECKERS = [
    counting_lists.check_mem_all_functions,
    counting_lists.check_length_all_functions,
    counting_lists.check_length_flat_map_of_length_eq,
    counting_lists.check_length_flat_map_le,
    counting_lists.check_length_le_of_nodup_subset,
    counting_lists.check_length_le_of_forall_mem,
]


@pytest.mark.parametrize("check", CHECKERS, ids=lambda check: check.__name__)
def test_checker_passes_default_limits(check) -> None:
    result = check(CheckLimits())
    assert result.passed, result
    assert result.instances >= 25


def test_all_functions_value_at_zero_fastest() -> None:
    # allFunctions 2 2: tails [0], [1] in order, and for each tail the values c = 0, 1 at 0.
    assert all_functions(2, 2) == [(0, 0), (1, 0), (0, 1), (1, 1)]
    assert all_functions(3, 0) == [()]
    assert all_functions(0, 2) == []


def test_all_functions_matches_product() -> None:
    for b, a in itertools.product(range(4), repeat=2):
        listed = all_functions(b, a)
        assert sorted(listed) == sorted(itertools.product(range(b), repeat=a))
        assert len(set(listed)) == len(listed)


def test_mem_all_functions_fails_missing_entry() -> None:
    def missing_last(b: int, a: int) -> list[tuple[int, ...]]:
        return all_functions(b, a)[:-1]

    result = counting_lists.check_mem_all_functions(CheckLimits(), functions=missing_last)
    assert not result.passed
    witness = result.counterexample
    assert tuple(witness["mu"]) == all_functions(witness["b"], witness["a"])[-1]


def test_length_all_functions_fails_swapped_power() -> None:
    result = counting_lists.check_length_all_functions(CheckLimits(), count=lambda b, a: a**b)
    assert not result.passed
    witness = result.counterexample
    assert witness["length"] == witness["b"] ** witness["a"]
    assert witness["length"] != witness["a"] ** witness["b"]


def test_flat_map_eq_fails_sum_formula() -> None:
    result = counting_lists.check_length_flat_map_of_length_eq(
        CheckLimits(), expected=lambda length, c: length + c
    )
    assert not result.passed
    witness = result.counterexample
    assert len(witness["l"]) * witness["c"] != len(witness["l"]) + witness["c"]


def test_flat_map_le_fails_lower_bound() -> None:
    result = counting_lists.check_length_flat_map_le(
        CheckLimits(), expected=lambda length, c: max(length * c - 1, 0)
    )
    assert not result.passed
    witness = result.counterexample
    pieces = [witness["g"][entry] for entry in witness["l"]]
    assert sum(len(piece) for piece in pieces) == len(witness["l"]) * witness["c"]


def test_nodup_subset_fails_without_nodup() -> None:
    result = counting_lists.check_length_le_of_nodup_subset(CheckLimits(), require_nodup=False)
    assert not result.passed
    witness = result.counterexample
    assert len(set(witness["l"])) < len(witness["l"])
    assert len(witness["l"]) > len(witness["l'"])


def test_forall_mem_fails_with_margin() -> None:
    result = counting_lists.check_length_le_of_forall_mem(CheckLimits(), margin=1)
    assert not result.passed
    assert len(result.counterexample["l"]) == result.counterexample["n"]
