"""Tests of the full-cache relaxation: answers per output fact and the exact optimum."""

from __future__ import annotations

import itertools

import pytest

from pybridge.checks.enumeration import hop_naive
from pybridge.explore.relaxation import answers_per_fact, relaxation_optimum, relaxation_record
from pybridge.explore.symmetry import OUTPUT, instance_classes


def brute_force_answers(n: int, k: int) -> int:
    """Count the answers per output fact over every instance, with no symmetry."""
    answers: dict[tuple[int, bool], set[int]] = {}
    for f in itertools.product(range(n), repeat=n):
        for x in range(n):
            answers.setdefault((f[OUTPUT], x == OUTPUT), set()).add(hop_naive(f, k, x))
    return max(len(found) for found in answers.values())


@pytest.mark.parametrize("n", [1, 2, 3, 4])
@pytest.mark.parametrize("k", [0, 1, 2, 3])
def test_classes_match_brute_force(n: int, k: int) -> None:
    assert answers_per_fact(n, k, instance_classes(n)) == brute_force_answers(n, k)


def test_zero_hops_has_one_answer_per_fact() -> None:
    # With k = 0 the answer is the start; a non-start output still sees n - 1 possible starts.
    assert answers_per_fact(4, 0, instance_classes(4)) == 3


def test_optimum_by_hand() -> None:
    assert relaxation_optimum(1, 1) == 0
    assert relaxation_optimum(2, 1) == 1
    assert relaxation_optimum(5, 1) == 3
    assert relaxation_optimum(5, 2) == 2
    assert relaxation_optimum(4, 2) == 1


def test_record_at_small_point() -> None:
    # n = 5, k = 2, b = 1: every token is an answer for a non-start output, so 5 answers and
    # ⌈log₂ 5⌉ = 3 layers, the bandwidth depth.
    assert relaxation_record(5, 2, 1, instance_classes(5)) == {"answers_per_fact": 5, "optimum": 3}
