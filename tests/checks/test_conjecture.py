"""The conjecture checkers pass, and a strengthened claim is refuted, so they can fail."""

from pybridge.checks import conjecture
from pybridge.checks.formulas import bandwidth_depth, ceil_div, product_bound
from pybridge.checks.grid import check_grid
from pybridge.checks.result import CheckLimits


def test_conjecture_checkers_pass():
    limits = CheckLimits()
    for check in (
        conjecture.check_length_filter_le_add,
        conjecture.check_length_filter_lt_le_windows,
        conjecture.check_product_conjecture_of_gap,
        conjecture.check_product_bound_le_of_wide,
        conjecture.check_product_bound_le_of_le_cache,
    ):
        result = check(limits)
        assert result.passed, result
        assert result.instances > 1000


def test_gap_arithmetic_fails_with_constant_one():
    """With c = 1 instead of 2 the arithmetic step is false; the grid finds a witness."""

    def evaluate(n, k, s, H, m, p, L):
        W = bandwidth_depth(n, H, m, p)
        hypothesis = (k >= 1) & (s >= 1) & (W >= 1) & (k <= ceil_div(L, W) * s) & (W <= L)
        return hypothesis, product_bound(n, k, s, H, m, p) <= L

    result = check_grid("constant one", conjecture._MODEL_AXES, evaluate)
    assert not result.passed
    witness = result.counterexample
    W = int(bandwidth_depth(witness["n"], witness["H"], witness["m"], witness["p"]))
    values = [witness[key] for key in "n k s H m p".split()]
    assert int(product_bound(*values)) > witness["L"]
    assert W <= witness["L"]
