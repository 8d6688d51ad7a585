"""Exact success probabilities of oblivious and adaptive caches on random pointer chains.

The model: a pointer map f on the tokens 0..n-1 is drawn uniformly from all n^n maps, the
start token is 0, and the chain tokens are y_i = f^i(0) for i = 1..T. Stage i caches a set
C_i of at most s tokens, and the success event is y_i ∈ C_i for every stage i. An oblivious
cache fixes C_1..C_T in advance. An adaptive cache chooses C_i from the pairs (j, f(j)) of
the tokens j cached in stages 1..i-1. Every probability here is an exact `Fraction`.
"""

from pybridge.errorscaling.adaptive import max_adaptive_success
from pybridge.errorscaling.formulas import (
    adaptive_formula,
    oblivious_bound,
    separation_reference,
)
from pybridge.errorscaling.oblivious import max_oblivious_success, schedule_success_count
from pybridge.errorscaling.report import ErrorScalingSummary, write_error_scaling_report

__all__ = [
    "ErrorScalingSummary",
    "adaptive_formula",
    "max_adaptive_success",
    "max_oblivious_success",
    "oblivious_bound",
    "schedule_success_count",
    "separation_reference",
    "write_error_scaling_report",
]
