"""Tests of the claimed formulas as exact fractions."""

from __future__ import annotations

from fractions import Fraction

import pytest

from pybridge.errorscaling.formulas import (
    adaptive_formula,
    oblivious_bound,
    oblivious_leading_term,
    separation_reference,
)


def test_adaptive_formula_values() -> None:
    assert adaptive_formula(4, 3) == Fraction(3, 4)
    assert adaptive_formula(6, 0) == 0
    assert adaptive_formula(5, 5) == 1


def test_adaptive_formula_rejects_zero_tokens() -> None:
    with pytest.raises(ValueError, match="n=0 is invalid"):
        adaptive_formula(0, 0)


def test_oblivious_bound_values() -> None:
    # (2/4)^1 + 2/5 = 9/10 and (3/4)^2 + 16/6 = 9/16 + 8/3 = 155/48.
    assert oblivious_bound(5, 2, 1) == Fraction(9, 10)
    assert oblivious_bound(6, 3, 2) == Fraction(155, 48)
    assert oblivious_leading_term(6, 3, 2) == Fraction(9, 16)


def test_oblivious_bound_needs_n_above_t() -> None:
    assert oblivious_bound(3, 1, 3) is None
    assert oblivious_bound(2, 1, 3) is None
    assert oblivious_leading_term(3, 1, 3) is None
    assert oblivious_bound(4, 1, 3) == Fraction(1, 1) + Fraction(54, 4)


def test_separation_reference_values() -> None:
    assert separation_reference(6, 2, 3) == 9
    assert separation_reference(6, 4, 2) == Fraction(3, 2)
    assert separation_reference(5, 3, 1) == 1
    assert separation_reference(5, 0, 2) is None
