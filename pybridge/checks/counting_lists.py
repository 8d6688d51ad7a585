"""Checkers for the list-counting lemmas of `CacheDepth/Counting/Functions.lean`.

`all_functions` mirrors Lean's `allFunctions` recursion, and the checkers compare it with
an independent enumeration by `itertools.product`. The pigeonhole lemmas are evaluated on
every short list over a small alphabet. `length_flatMap_le`, declared in
`CacheDepth/LowerBound/Reachability.lean`, is the inequality form of
`length_flatMap_of_length_eq` and is checked here on the same domain.

Some checkers take a keyword-only argument that replaces a formula or a hypothesis of the
statement. The registry never passes it; the tests pass a wrong variant to show that the
checker can fail.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence

from pybridge.checks.controller_support import Tally
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult

FUNCTION_MAX = 4
"""Largest domain size a and codomain size b of the enumerated functions Fin a → Fin b."""
ELEMENTS = (0, 1, 2)
"""The type α of the flatMap lemmas, whose pieces are lists over β = {0, 1}."""
PIECE_MAX_LENGTH = 2
"""Longest piece g a in the flatMap lemmas."""
FLATMAP_LIST_MAX_LENGTH = 3
"""Longest list l in the flatMap lemmas."""
SUBSET_ALPHABET = (0, 1, 2, 3)
"""The type α of `length_le_of_nodup_subset`."""
SUBSET_LIST_MAX_LENGTH = 4
"""Longest list l' in `length_le_of_nodup_subset`."""
COVER_MAX_N = 4
"""Largest n of `length_le_of_forall_mem`; its lists have length up to n + 1."""

Function = tuple[int, ...]
"""A function Fin a → Fin b as its values at 0, …, a - 1."""


def all_functions(b: int, a: int) -> list[Function]:
    """List every function Fin a → Fin b in the order of Lean's `allFunctions b a`.

    The Lean recursion puts, for each tail g in `allFunctions b a`, the b functions with
    value c at 0 and g on 1..a, c = 0, …, b - 1. So the value at 0 varies fastest.
    """
    if a == 0:
        return [()]
    return [(c, *tail) for tail in all_functions(b, a - 1) for c in range(b)]


def function_sizes(limits: CheckLimits) -> Iterator[tuple[int, int]]:
    """Yield every (b, a) with b, a ≤ min(max_n, 4), b first."""
    top = min(limits.max_n, FUNCTION_MAX)
    return itertools.product(range(top + 1), repeat=2)


def lists_over(alphabet: Sequence[int], max_length: int) -> Iterator[tuple[int, ...]]:
    """Yield every list over `alphabet` of length 0..max_length, shortest first."""
    for length in range(max_length + 1):
        yield from itertools.product(alphabet, repeat=length)


@checker("CacheDepth.mem_allFunctions")
def check_mem_all_functions(
    limits: CheckLimits, *, functions: Callable[[int, int], list[Function]] = all_functions
) -> CheckResult:
    """Check μ ∈ allFunctions b a for every μ : Fin a → Fin b from `itertools.product`.

    `functions` replaces the mirror of `allFunctions`.
    """
    tally = Tally()
    for b, a in function_sizes(limits):
        listed = set(functions(b, a))
        for mu in itertools.product(range(b), repeat=a):
            tally.add(True, mu in listed, {"b": b, "a": a, "mu": list(mu)})
    top = min(limits.max_n, FUNCTION_MAX)
    domain = f"all b, a ≤ {top} and every function Fin a → Fin b listed by itertools.product"
    return tally.result("CacheDepth.mem_allFunctions", domain)


@checker("CacheDepth.length_allFunctions")
def check_length_all_functions(
    limits: CheckLimits, *, count: Callable[[int, int], int] = pow
) -> CheckResult:
    """Check (allFunctions b a).length = b^a; `count(b, a)` replaces b^a."""
    tally = Tally()
    for b, a in function_sizes(limits):
        length = len(all_functions(b, a))
        tally.add(True, length == count(b, a), {"b": b, "a": a, "length": length})
    top = min(limits.max_n, FUNCTION_MAX)
    return tally.result("CacheDepth.length_allFunctions", f"all b, a ≤ {top}")


def piece_tables() -> Iterator[tuple[tuple[int, ...], ...]]:
    """Yield every map g from {0, 1, 2} to lists over {0, 1} of length ≤ 2, as a table."""
    pieces = list(lists_over((0, 1), PIECE_MAX_LENGTH))
    return itertools.product(pieces, repeat=len(ELEMENTS))


def flat_map(g: Sequence[Sequence[int]], entries: Sequence[int]) -> list[int]:
    """Return l.flatMap g: the pieces g a of the entries a of l, concatenated in order."""
    return [value for entry in entries for value in g[entry]]


def check_flat_map_lengths(
    statement: str,
    hypothesis: Callable[[int, int], bool],
    conclusion: Callable[[int, int, int], bool],
    hypothesis_text: str,
) -> CheckResult:
    """Check a flatMap length lemma on every list l, piece table g and piece bound c ≤ 2.

    `hypothesis(length of g a, c)` must hold for every entry a of l, and
    `conclusion(length of l.flatMap g, length of l, c)` is the claim.
    """
    tally = Tally()
    lists = list(lists_over(ELEMENTS, FLATMAP_LIST_MAX_LENGTH))
    for g in piece_tables():
        for entries in lists:
            flat_length = len(flat_map(g, entries))
            for c in range(PIECE_MAX_LENGTH + 1):
                holds = all(hypothesis(len(g[entry]), c) for entry in entries)
                tally.add(
                    holds,
                    conclusion(flat_length, len(entries), c),
                    lambda: {"l": list(entries), "g": [list(piece) for piece in g], "c": c},
                )
    domain = (
        f"all lists l over {{0, 1, 2}} of length ≤ {FLATMAP_LIST_MAX_LENGTH}, all maps g from "
        f"{{0, 1, 2}} to lists over {{0, 1}} of length ≤ {PIECE_MAX_LENGTH}, and all "
        f"c ≤ {PIECE_MAX_LENGTH}, with {hypothesis_text}"
    )
    return tally.result(statement, domain)


def product_length(length: int, c: int) -> int:
    """Return l.length · c, the length both flatMap lemmas compare with."""
    return length * c


@checker("CacheDepth.length_flatMap_of_length_eq")
def check_length_flat_map_of_length_eq(
    limits: CheckLimits, *, expected: Callable[[int, int], int] = product_length
) -> CheckResult:
    """Check (∀ a ∈ l, (g a).length = c) → (l.flatMap g).length = l.length · c.

    `expected(l.length, c)` replaces l.length · c.
    """
    return check_flat_map_lengths(
        "CacheDepth.length_flatMap_of_length_eq",
        lambda piece_length, c: piece_length == c,
        lambda flat_length, length, c: flat_length == expected(length, c),
        "(g a).length = c for every entry a of l",
    )


@checker("CacheDepth.length_flatMap_le")
def check_length_flat_map_le(
    limits: CheckLimits, *, expected: Callable[[int, int], int] = product_length
) -> CheckResult:
    """Check (∀ a ∈ l, (g a).length ≤ c) → (l.flatMap g).length ≤ l.length · c.

    `expected(l.length, c)` replaces l.length · c.
    """
    return check_flat_map_lengths(
        "CacheDepth.length_flatMap_le",
        lambda piece_length, c: piece_length <= c,
        lambda flat_length, length, c: flat_length <= expected(length, c),
        "(g a).length ≤ c for every entry a of l",
    )


@checker("CacheDepth.length_le_of_nodup_subset")
def check_length_le_of_nodup_subset(
    limits: CheckLimits, *, require_nodup: bool = True
) -> CheckResult:
    """Check l.Nodup → (∀ x ∈ l, x ∈ l') → l.length ≤ l'.length.

    `require_nodup=False` drops the first hypothesis.
    """
    tally = Tally()
    targets = list(lists_over(SUBSET_ALPHABET, SUBSET_LIST_MAX_LENGTH))
    for entries in lists_over(SUBSET_ALPHABET, len(SUBSET_ALPHABET)):
        nodup = len(set(entries)) == len(entries)
        for target in targets:
            contained = all(entry in target for entry in entries)
            tally.add(
                (nodup or not require_nodup) and contained,
                len(entries) <= len(target),
                lambda: {"l": list(entries), "l'": list(target)},
            )
    domain = (
        f"all lists l of length ≤ {len(SUBSET_ALPHABET)} and l' of length ≤ "
        f"{SUBSET_LIST_MAX_LENGTH} over {{0, 1, 2, 3}}, with l duplicate-free and every "
        "entry of l in l'"
    )
    return tally.result("CacheDepth.length_le_of_nodup_subset", domain)


@checker("CacheDepth.length_le_of_forall_mem")
def check_length_le_of_forall_mem(limits: CheckLimits, *, margin: int = 0) -> CheckResult:
    """Check (∀ y : Fin n, y ∈ l) → n ≤ l.length; `margin` is added to n in the conclusion."""
    tally = Tally()
    top = min(limits.max_n, COVER_MAX_N)
    for n in range(top + 1):
        for entries in lists_over(range(n), n + 1):
            covers = set(entries) == set(range(n))
            tally.add(covers, n + margin <= len(entries), {"n": n, "l": list(entries)})
    domain = (
        f"all n ≤ {top} and all lists over Fin n of length ≤ n + 1 that contain every "
        "element of Fin n"
    )
    return tally.result("CacheDepth.length_le_of_forall_mem", domain)


@checker("CacheDepth.nodup_finRange")
def check_nodup_fin_range(limits: CheckLimits) -> CheckResult:
    """Check that List.finRange n, mirrored as range(n), has no duplicates, for n ≤ max_value."""
    tally = Tally()
    for n in range(limits.max_value + 1):
        positions = list(range(n))
        tally.add(True, len(set(positions)) == len(positions), {"n": n})
    return tally.result("CacheDepth.nodup_finRange", f"all n ≤ {limits.max_value}")
