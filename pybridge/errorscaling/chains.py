"""Pointer maps, their chains from the start token 0, and the caches of size s."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

START = 0
"""The start token. Relabelling the tokens makes every start equivalent, so it is fixed."""

PointerMap = tuple[int, ...]
"""A map f on the tokens 0..n-1, stored as (f(0), ..., f(n-1))."""

Cache = tuple[int, ...]
"""A set of tokens, stored sorted."""


def all_pointer_maps(n: int) -> list[PointerMap]:
    """Return all n^n maps on the tokens 0..n-1 in lexicographic order."""
    return list(itertools.product(range(n), repeat=n))


def chain_tokens(f: Sequence[int], stages: int) -> tuple[int, ...]:
    """Return (y_1, ..., y_T) with y_i = f^i(0) and T = `stages`."""
    tokens = []
    token = START
    for _ in range(stages):
        token = f[token]
        tokens.append(token)
    return tuple(tokens)


def caches_of_size(n: int, s: int) -> list[Cache]:
    """Return every set of exactly min(s, n) tokens among 0..n-1, in lexicographic order.

    Success is monotone in each cache, and a larger cache also reveals more pairs, so
    a best oblivious schedule and a best adaptive strategy can always fill every cache to
    min(s, n) tokens. The searches therefore only try caches of this size.
    """
    return list(itertools.combinations(range(n), min(s, n)))


def validate_parameters(n: int, s: int, stages: int) -> None:
    """Raise `ValueError` unless n ≥ 1, s ≥ 0 and stages ≥ 0."""
    if n < 1:
        raise ValueError(f"n={n} is invalid; the start token 0 needs n ≥ 1")
    if s < 0:
        raise ValueError(f"s={s} is invalid; a cache size must be at least 0")
    if stages < 0:
        raise ValueError(f"T={stages} is invalid; a stage count must be at least 0")
