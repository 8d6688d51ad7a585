"""The claimed formulas, as exact fractions.

C7 claims that the best adaptive, locality-respecting cache succeeds with probability
exactly s/n for T ≥ 1 and s ≤ n. C6 claims that an oblivious random cache succeeds with
probability at most (s/(n-T))^T + 2T³/n for n > T. The separation between the two is
compared with (n/s)^(T-1).
"""

from __future__ import annotations

from fractions import Fraction


def adaptive_formula(n: int, s: int) -> Fraction:
    """Return s/n, the claimed success probability of the best adaptive cache."""
    if n < 1:
        raise ValueError(f"n={n} is invalid; s/n needs n ≥ 1")
    return Fraction(s, n)


def oblivious_bound(n: int, s: int, stages: int) -> Fraction | None:
    """Return (s/(n-T))^T + 2T³/n, or None when n ≤ T, where the claim does not apply."""
    if n <= stages:
        return None
    return Fraction(s, n - stages) ** stages + Fraction(2 * stages**3, n)


def oblivious_leading_term(n: int, s: int, stages: int) -> Fraction | None:
    """Return (s/(n-T))^T alone, or None when n ≤ T."""
    if n <= stages:
        return None
    return Fraction(s, n - stages) ** stages


def separation_reference(n: int, s: int, stages: int) -> Fraction | None:
    """Return (n/s)^(T-1), the expected size of Pr_adaptive / Pr_oblivious, or None for s = 0."""
    if s == 0:
        return None
    return Fraction(n, s) ** (stages - 1)
