"""Checkers for `CacheDepth/Counting/UnionBound.lean`: `setAt`, duplicate-free lists and the union bound over lines.

The line lemmas are evaluated on every line structure of a small type. A line structure on
α = range(A) with D values is a table `vary[a][d]` such that a lies on its own line, every
point of a line has the same line, and the D values give D distinct points. The checkers
find all of them by brute force over the tables, and all predicates `bad` by brute force
over subsets, so they share nothing with the Lean proof except the statement.

Each checker takes a keyword-only argument that weakens a hypothesis or changes the
conclusion. The registry never passes it; the tests do, to show that the checker can fail.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator, Sequence

from pybridge.checks.controller_support import Tally
from pybridge.checks.counting_lists import all_functions, lists_over
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult
from pybridge.model.tree_family import set_at

SET_AT_MAX = 3
"""Largest domain size N and codomain size of the `setAt` checks."""
LINE_SIZES = ((1, 1), (2, 1), (2, 2), (3, 1), (3, 3), (4, 1), (4, 2))
"""The (A, D) of the line structures: type size A and line length D."""
FILTER_ALPHABET = (0, 1, 2)
FILTER_MAX_LENGTH = 4

Table = tuple[tuple[int, ...], ...]
"""A map vary : α → Fin D → α as the rows vary[a] = (vary a 0, …, vary a (D - 1))."""


def is_line_structure(vary: Table, size: int, values: int) -> bool:
    """Return whether `vary` meets the three line hypotheses of `mul_length_filter_le`."""
    for a in range(size):
        row = vary[a]
        if a not in row or len(set(row)) != values:
            return False
        for d in range(values):
            if vary[row[d]] != row:
                return False
    return True


@functools.lru_cache(maxsize=None)
def line_structures(size: int, values: int) -> tuple[Table, ...]:
    """Return every line structure on range(size) with `values` values, by brute force."""
    rows = list(itertools.product(range(size), repeat=values))
    found = []
    for vary in itertools.product(rows, repeat=size):
        if is_line_structure(vary, size, values):
            found.append(vary)
    return tuple(found)


def predicates(size: int) -> Iterator[tuple[bool, ...]]:
    """Yield every predicate on range(size) as its table of values."""
    return itertools.product((False, True), repeat=size)


def once_per_line(vary: Table, bad: Sequence[bool]) -> bool:
    """Return whether `bad` holds at most once on every line of `vary`."""
    return all(sum(bad[point] for point in row) <= 1 for row in vary)


def small_functions() -> Iterator[tuple[int, int, tuple[int, ...]]]:
    """Yield (N, B, g) for every g : Fin N → Fin B with 1 ≤ N, B ≤ SET_AT_MAX."""
    for size, base in itertools.product(range(1, SET_AT_MAX + 1), repeat=2):
        for g in itertools.product(range(base), repeat=size):
            yield size, base, g


@checker("CacheDepth.setAt_same")
def check_set_at_same(limits: CheckLimits) -> CheckResult:
    """Check setAt g u b u = b for every g : Fin N → Fin B with N, B ≤ 3."""
    tally = Tally()
    for size, base, g in small_functions():
        for u, b in itertools.product(range(size), range(base)):
            tally.add(True, set_at(g, u, b)[u] == b, {"g": list(g), "u": u, "b": b})
    return tally.result("CacheDepth.setAt_same", f"every g : Fin N → Fin B with N, B ≤ {SET_AT_MAX}, u and b")


@checker("CacheDepth.setAt_setAt")
def check_set_at_set_at(limits: CheckLimits) -> CheckResult:
    """Check setAt (setAt g u b) u b' = setAt g u b' against a direct tuple construction."""
    tally = Tally()
    for size, base, g in small_functions():
        for u, b, b2 in itertools.product(range(size), range(base), range(base)):
            expected = g[:u] + (b2,) + g[u + 1:]
            tally.add(True, set_at(set_at(g, u, b), u, b2) == expected,
                      {"g": list(g), "u": u, "b": b, "b'": b2})
    return tally.result("CacheDepth.setAt_setAt", f"every g : Fin N → Fin B with N, B ≤ {SET_AT_MAX}, u, b and b'")


@checker("CacheDepth.setAt_self")
def check_set_at_self(limits: CheckLimits) -> CheckResult:
    """Check setAt g u (g u) = g."""
    tally = Tally()
    for size, base, g in small_functions():
        for u in range(size):
            tally.add(True, set_at(g, u, g[u]) == g, {"g": list(g), "u": u})
    return tally.result("CacheDepth.setAt_self", f"every g : Fin N → Fin B with N, B ≤ {SET_AT_MAX} and u")


@checker("CacheDepth.eq_of_setAt_eq")
def check_eq_of_set_at_eq(limits: CheckLimits) -> CheckResult:
    """Check setAt g u b = setAt g u b' → b = b'."""
    tally = Tally()
    for size, base, g in small_functions():
        for u, b, b2 in itertools.product(range(size), range(base), range(base)):
            tally.add(set_at(g, u, b) == set_at(g, u, b2), b == b2,
                      {"g": list(g), "u": u, "b": b, "b'": b2})
    return tally.result("CacheDepth.eq_of_setAt_eq", f"every g : Fin N → Fin B with N, B ≤ {SET_AT_MAX}, u, b and b'")




@checker("CacheDepth.nodup_flatMap_map")
def check_nodup_flat_map_map(limits: CheckLimits, *, check_injective: bool = True) -> CheckResult:
    """Check the duplicate-free flatMap of maps on every φ : {0,1} × {0,1} → {0,1,2} and nodup l, m.

    `check_injective=False` drops the hypothesis that φ a b determines a ∈ l and b.
    """
    tally = Tally()
    small = (0, 1)
    nodup_lists = [entries for entries in lists_over(small, 2) if len(set(entries)) == len(entries)]
    for table in itertools.product(range(3), repeat=4):
        def phi(a: int, b: int) -> int:
            return table[2 * a + b]
        for left, right in itertools.product(nodup_lists, repeat=2):
            injective = all(
                (a == a2 and b == b2) or phi(a, b) != phi(a2, b2)
                for a in left for a2 in left for b in small for b2 in small
            )
            flat = [phi(a, b) for a in left for b in right]
            tally.add(injective or not check_injective, len(set(flat)) == len(flat),
                      {"phi": list(table), "l": list(left), "m": list(right)})
    domain = "every φ : {0,1} × {0,1} → {0,1,2} and duplicate-free lists l, m over {0, 1}"
    return tally.result("CacheDepth.nodup_flatMap_map", domain)


@checker("CacheDepth.nodup_allFunctions")
def check_nodup_all_functions(limits: CheckLimits) -> CheckResult:
    """Check that the mirror of allFunctions b a has no duplicates, for b, a ≤ min(max_n, 4)."""
    tally = Tally()
    top = min(limits.max_n, 4)
    for base, size in itertools.product(range(top + 1), repeat=2):
        listed = all_functions(base, size)
        tally.add(True, len(set(listed)) == len(listed), {"b": base, "a": size})
    return tally.result("CacheDepth.nodup_allFunctions", f"every b, a ≤ {top}")


@checker("CacheDepth.length_filter_false")
def check_length_filter_false(limits: CheckLimits) -> CheckResult:
    """Check that filtering by the constant predicate false leaves nothing."""
    tally = Tally()
    for entries in lists_over(FILTER_ALPHABET, FILTER_MAX_LENGTH):
        tally.add(True, len([a for a in entries if False]) == 0, {"l": list(entries)})
    return tally.result("CacheDepth.length_filter_false",
                        f"every list over {{0, 1, 2}} of length ≤ {FILTER_MAX_LENGTH}")


@checker("CacheDepth.length_filter_or_le")
def check_length_filter_or_le(limits: CheckLimits) -> CheckResult:
    """Check |filter (p || q)| ≤ |filter p| + |filter q| on every list and pair of predicates."""
    tally = Tally()
    tables = list(predicates(len(FILTER_ALPHABET)))
    for entries in lists_over(FILTER_ALPHABET, FILTER_MAX_LENGTH):
        for p, q in itertools.product(tables, repeat=2):
            both = sum(1 for a in entries if p[a] or q[a])
            tally.add(True, both <= sum(p[a] for a in entries) + sum(q[a] for a in entries),
                      {"l": list(entries), "p": list(p), "q": list(q)})
    return tally.result("CacheDepth.length_filter_or_le",
                        f"every list over {{0, 1, 2}} of length ≤ {FILTER_MAX_LENGTH} and predicates p, q")


LINE_DOMAIN = (
    "every line structure found by brute force on range(A) with D values, (A, D) in "
    f"{list(LINE_SIZES)}, every predicate that holds at most once per line, and F = range(A) "
    "and its reverse"
)


@checker("CacheDepth.mul_length_filter_le")
def check_mul_length_filter_le(limits: CheckLimits, *, factor_bonus: int = 0) -> CheckResult:
    """Check D·|filter bad F| ≤ |F|; `factor_bonus` is added to D in the conclusion."""
    tally = Tally()
    for size, values in LINE_SIZES:
        for vary in line_structures(size, values):
            for bad in predicates(size):
                for order in (list(range(size)), list(reversed(range(size)))):
                    count = sum(1 for a in order if bad[a])
                    tally.add(once_per_line(vary, bad), (values + factor_bonus) * count <= len(order),
                              {"A": size, "D": values, "vary": [list(r) for r in vary], "bad": list(bad)})
    return tally.result("CacheDepth.mul_length_filter_le", LINE_DOMAIN)


@checker("CacheDepth.exists_forall_eq_false")
def check_exists_forall_eq_false(limits: CheckLimits, *, extra_predicates: int = 0) -> CheckResult:
    """Check that k < D predicates, each at most once per line of its own structure, miss some element.

    The points are every choice of k = D - 1 (line structure, predicate) pairs on range(A),
    for the (A, D) of `LINE_SIZES` with D ≥ 2. `extra_predicates` raises k above D - 1.
    """
    tally = Tally()
    for size, values in LINE_SIZES:
        if values < 2:
            continue
        k = values - 1 + extra_predicates
        choices = [
            (vary, bad) for vary in line_structures(size, values) for bad in predicates(size)
            if once_per_line(vary, bad)
        ]
        for picked in itertools.combinations_with_replacement(choices, k):
            good = [a for a in range(size) if not any(bad[a] for _, bad in picked)]
            tally.add(True, bool(good), lambda: {
                "A": size, "D": values, "k": k, "bad": [list(bad) for _, bad in picked]})
    domain = (
        "every choice, with repetition, of k = D - 1 pairs of a line structure and a predicate "
        "that holds at most once per line, on range(A) for (A, D) in "
        f"{[pair for pair in LINE_SIZES if pair[1] >= 2]}"
    )
    return tally.result("CacheDepth.exists_forall_eq_false", domain)
