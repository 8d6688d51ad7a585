"""Exhaustive search for violations of `CacheDepth.IsLocalityRespecting` on a finite alphabet.

A cache rule maps a state vector to a list of positions, as one layer of a controller does.
It is locality-respecting when any two vectors v, w that differ only at a position j, with
j in neither cache, get the same cache. Caches are compared as lists, as in Lean, so a
rule that reorders its cache violates the property.

Vectors are enumerated in lexicographic order of their entries' positions in `alphabet`.
For each vector v, the positions j run in increasing order, and the vectors w that differ
from v at j take the other letters in alphabet order. Each unordered pair is therefore met
twice, once in each order, and the first violation found is the first in this order.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import NamedTuple

from pybridge.model.transformer import Controller, StateVector

CacheRule = Callable[[StateVector], Sequence[int]]
"""One layer of a controller: maps a state vector to the cached positions."""

MAX_VECTOR_PAIRS = 10**7
"""Largest number of (v, w) pairs that `pairs_outside_caches` enumerates."""
MAX_STATE_VECTORS = 10**7
"""Largest number of state vectors that `is_oblivious` enumerates."""


class LocalityPair(NamedTuple):
    """Two state vectors that differ only at position j, with j in neither cache, and their caches.

    The pair violates locality when the two caches differ.
    """

    v: StateVector
    w: StateVector
    j: int
    cache_v: list[int]
    cache_w: list[int]


def vector_pair_count(n: int, alphabet_size: int) -> int:
    """Count the ordered pairs (v, w) of vectors over the alphabet that differ at one position."""
    return alphabet_size**n * n * max(alphabet_size - 1, 0)


def pairs_outside_caches(
    rule: CacheRule, n: int, alphabet: Iterable[Hashable]
) -> Iterator[LocalityPair]:
    """Yield every pair (v, w) over `alphabet` that differs only at a position j in neither cache.

    These are the pairs that meet the hypotheses of `IsLocalityRespecting`, in the order
    of the module docstring. `rule` is called once per vector. Raises `ValueError` when n
    is negative or the alphabet repeats a letter, and `EnumerationTooLarge` when there are
    more than 10^7 vector pairs, both before the first pair is yielded.
    """
    letters = _validate_alphabet(n, alphabet)
    pairs = vector_pair_count(n, len(letters))
    if pairs > MAX_VECTOR_PAIRS:
        # Imported here because importing pybridge.checks loads the checker modules, which
        # import this package.
        from pybridge.checks.result import EnumerationTooLarge

        raise EnumerationTooLarge(
            f"n={n} with an alphabet of {len(letters)} letters gives {pairs} vector pairs "
            "(v, w) that differ at one position; the limit is 10^7 pairs, so lower n or use a "
            "smaller alphabet"
        )

    return _pairs_outside_caches(rule, n, letters)


def _pairs_outside_caches(
    rule: CacheRule, n: int, letters: tuple[Hashable, ...]
) -> Iterator[LocalityPair]:
    caches: dict[StateVector, list[int]] = {}

    def cache_of(vector: StateVector) -> list[int]:
        if vector not in caches:
            caches[vector] = list(rule(vector))
        return caches[vector]

    for v in itertools.product(letters, repeat=n):
        cache_v = cache_of(v)
        for j in range(n):
            if j in cache_v:
                continue
            for letter in letters:
                if letter == v[j]:
                    continue
                w = v[:j] + (letter,) + v[j + 1 :]
                cache_w = cache_of(w)
                if j not in cache_w:
                    yield LocalityPair(v, w, j, cache_v, cache_w)


def locality_violations(
    rule: CacheRule, n: int, alphabet: Iterable[Hashable]
) -> Iterator[LocalityPair]:
    """Yield every pair of `pairs_outside_caches` whose two caches differ, as lists."""
    for pair in pairs_outside_caches(rule, n, alphabet):
        if pair.cache_v != pair.cache_w:
            yield pair


def find_locality_violation(
    rule: CacheRule, n: int, alphabet: Iterable[Hashable]
) -> LocalityPair | None:
    """Return the first locality violation of `rule`, or None when the rule has none.

    The order and the errors are those of `pairs_outside_caches`.
    """
    return next(locality_violations(rule, n, alphabet), None)


def find_controller_violation(
    controller: Controller, n: int, alphabet: Iterable[Hashable], layers: int
) -> tuple[int, LocalityPair] | None:
    """Return the first layer below `layers` whose cache rule violates locality, and the violation.

    Returns None when the rules of layers 0..layers-1 are all locality-respecting.
    """
    letters = tuple(alphabet)
    for layer in range(layers):
        violation = find_locality_violation(
            lambda states: controller(layer, states), n, letters
        )
        if violation is not None:
            return layer, violation
    return None


def is_oblivious(rule: CacheRule, n: int, alphabet: Iterable[Hashable]) -> bool:
    """Return whether `rule` gives the same cache, as a list, for every vector over `alphabet`.

    Raises `ValueError` when n is negative or the alphabet repeats a letter, and
    `EnumerationTooLarge` when there are more than 10^7 vectors.
    """
    letters = _validate_alphabet(n, alphabet)
    vectors = len(letters) ** n
    if vectors > MAX_STATE_VECTORS:
        # Imported here for the reason given in `pairs_outside_caches`.
        from pybridge.checks.result import EnumerationTooLarge

        raise EnumerationTooLarge(
            f"n={n} with an alphabet of {len(letters)} letters gives {vectors} state vectors; "
            "the limit is 10^7 vectors, so lower n or use a smaller alphabet"
        )

    first: list[int] | None = None
    for vector in itertools.product(letters, repeat=n):
        cache = list(rule(vector))
        if first is None:
            first = cache
        elif cache != first:
            return False
    return True


def _validate_alphabet(n: int, alphabet: Iterable[Hashable]) -> tuple[Hashable, ...]:
    if n < 0:
        raise ValueError(f"n={n} is invalid; a position count must be at least 0")
    letters = tuple(alphabet)
    if len(set(letters)) != len(letters):
        raise ValueError(f"the alphabet {letters} repeats a letter; each letter must occur once")
    return letters
