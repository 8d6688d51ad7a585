"""Checkers for `CacheDepth/Counting/UnionBound.lean`: `setAt`, duplicate-free lists and the union bound over lines.

The line lemmas are evaluated on line structures of small types. A line structure on
α = range(A) with D values is a table `vary[a][d]` such that a lies on its own line, every
point of a line has the same line, and the D values give D distinct points.
`mul_length_filter_le` runs on all of them, found by brute force over the tables.
`exists_forall_eq_false` runs on larger types, with one line structure per partition of
range(A) into lines of D points: its hypotheses and conclusion depend on the structures only
through their lines. Predicates are enumerated as all subsets.

Each checker takes a keyword-only argument that replaces a function, weakens a hypothesis or
changes the conclusion. The registry never passes it; the tests do, to show that the checker
can fail.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator, Sequence

from pybridge.checks.controller_support import Tally
from pybridge.checks.counting_lists import all_functions, lists_over
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult
from pybridge.model.tree_family import set_at

SET_AT_MAX = 3
"""Largest domain size N and codomain size of the `setAt` checks."""
LINE_SIZES = ((1, 1), (2, 1), (2, 2), (3, 1), (3, 3), (4, 1), (4, 2))
"""The (A, D) of the brute-force line structures: type size A and line length D."""
PARTITION_SIZES = ((2, 2), (4, 2), (6, 2), (3, 3), (6, 3))
"""The (A, D) of the union-bound check: k = D - 1 predicates on range(A)."""
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


def partitions_into_lines(points: tuple[int, ...], values: int) -> Iterator[tuple[tuple[int, ...], ...]]:
    """Yield every partition of `points` into blocks of `values` points, blocks in sorted order."""
    if not points:
        yield ()
        return
    first, rest = points[0], points[1:]
    for others in itertools.combinations(rest, values - 1):
        block = (first, *others)
        remaining = tuple(point for point in rest if point not in others)
        for tail in partitions_into_lines(remaining, values):
            yield (block, *tail)


def line_structure_of(blocks: Sequence[Sequence[int]], size: int) -> Table:
    """Return the line structure whose line through a is the block of a, in block order."""
    vary: list[tuple[int, ...]] = [()] * size
    for block in blocks:
        for point in block:
            vary[point] = tuple(block)
    return tuple(vary)


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


SetAt = Callable[[Sequence[int], int, int], tuple[int, ...]]
"""A mirror of Lean's `setAt`, replaceable in the checkers."""


@checker("CacheDepth.setAt_same")
def check_set_at_same(limits: CheckLimits, *, set_value: SetAt = set_at) -> CheckResult:
    """Check setAt g u b u = b for every g : Fin N → Fin B with N, B ≤ 3; `set_value` replaces setAt."""
    tally = Tally()
    for size, base, g in small_functions():
        for u, b in itertools.product(range(size), range(base)):
            tally.add(True, set_value(g, u, b)[u] == b, {"g": list(g), "u": u, "b": b})
    return tally.result("CacheDepth.setAt_same", f"every g : Fin N → Fin B with N, B ≤ {SET_AT_MAX}, u and b")


@checker("CacheDepth.setAt_setAt")
def check_set_at_set_at(limits: CheckLimits, *, set_value: SetAt = set_at) -> CheckResult:
    """Check setAt (setAt g u b) u b' = setAt g u b' against a direct tuple construction."""
    tally = Tally()
    for size, base, g in small_functions():
        for u, b, b2 in itertools.product(range(size), range(base), range(base)):
            expected = g[:u] + (b2,) + g[u + 1:]
            tally.add(True, set_value(set_value(g, u, b), u, b2) == expected,
                      {"g": list(g), "u": u, "b": b, "b'": b2})
    return tally.result("CacheDepth.setAt_setAt", f"every g : Fin N → Fin B with N, B ≤ {SET_AT_MAX}, u, b and b'")


@checker("CacheDepth.setAt_self")
def check_set_at_self(limits: CheckLimits, *, set_value: SetAt = set_at) -> CheckResult:
    """Check setAt g u (g u) = g."""
    tally = Tally()
    for size, base, g in small_functions():
        for u in range(size):
            tally.add(True, set_value(g, u, g[u]) == g, {"g": list(g), "u": u})
    return tally.result("CacheDepth.setAt_self", f"every g : Fin N → Fin B with N, B ≤ {SET_AT_MAX} and u")


@checker("CacheDepth.eq_of_setAt_eq")
def check_eq_of_set_at_eq(limits: CheckLimits, *, set_value: SetAt = set_at) -> CheckResult:
    """Check setAt g u b = setAt g u b' → b = b'."""
    tally = Tally()
    for size, base, g in small_functions():
        for u, b, b2 in itertools.product(range(size), range(base), range(base)):
            tally.add(set_value(g, u, b) == set_value(g, u, b2), b == b2,
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
def check_nodup_all_functions(
    limits: CheckLimits, *, functions: Callable[[int, int], list] = all_functions
) -> CheckResult:
    """Check that the mirror of allFunctions b a has no duplicates, for b, a ≤ min(max_n, 4).

    `functions` replaces the mirror.
    """
    tally = Tally()
    top = min(limits.max_n, 4)
    for base, size in itertools.product(range(top + 1), repeat=2):
        listed = functions(base, size)
        tally.add(True, len(set(listed)) == len(listed), {"b": base, "a": size})
    return tally.result("CacheDepth.nodup_allFunctions", f"every b, a ≤ {top}")


@checker("CacheDepth.length_filter_false")
def check_length_filter_false(
    limits: CheckLimits, *, predicate: Callable[[int], bool] = lambda entry: False
) -> CheckResult:
    """Check that filtering by the constant predicate false leaves nothing; `predicate` replaces it."""
    tally = Tally()
    for entries in lists_over(FILTER_ALPHABET, FILTER_MAX_LENGTH):
        kept = [entry for entry in entries if predicate(entry)]
        tally.add(True, len(kept) == 0, {"l": list(entries)})
    return tally.result("CacheDepth.length_filter_false",
                        f"every list over {{0, 1, 2}} of length ≤ {FILTER_MAX_LENGTH}")


@checker("CacheDepth.length_filter_or_le")
def check_length_filter_or_le(
    limits: CheckLimits, *, bound: Callable[[int, int], int] = lambda left, right: left + right
) -> CheckResult:
    """Check |filter (p || q)| ≤ |filter p| + |filter q| on every list and pair of predicates.

    `bound(|filter p|, |filter q|)` replaces the sum.
    """
    tally = Tally()
    tables = list(predicates(len(FILTER_ALPHABET)))
    for entries in lists_over(FILTER_ALPHABET, FILTER_MAX_LENGTH):
        for p, q in itertools.product(tables, repeat=2):
            both = sum(1 for a in entries if p[a] or q[a])
            left, right = sum(p[a] for a in entries), sum(q[a] for a in entries)
            tally.add(True, both <= bound(left, right),
                      {"l": list(entries), "p": list(p), "q": list(q)})
    return tally.result("CacheDepth.length_filter_or_le",
                        f"every list over {{0, 1, 2}} of length ≤ {FILTER_MAX_LENGTH} and predicates p, q")


LINE_DOMAIN = (
    "every line structure found by brute force on range(A) with D values, (A, D) in "
    f"{list(LINE_SIZES)}, every predicate that holds at most once per line, and F = range(A)"
)


@checker("CacheDepth.mul_length_filter_le")
def check_mul_length_filter_le(limits: CheckLimits, *, factor_bonus: int = 0) -> CheckResult:
    """Check D·|filter bad F| ≤ |F|; `factor_bonus` is added to D in the conclusion."""
    tally = Tally()
    for size, values in LINE_SIZES:
        for vary in line_structures(size, values):
            for bad in predicates(size):
                count = sum(bad)
                tally.add(once_per_line(vary, bad), (values + factor_bonus) * count <= size,
                          {"A": size, "D": values, "vary": [list(r) for r in vary], "bad": list(bad)})
    return tally.result("CacheDepth.mul_length_filter_le", LINE_DOMAIN)


@checker("CacheDepth.exists_forall_eq_false")
def check_exists_forall_eq_false(limits: CheckLimits, *, extra_predicates: int = 0) -> CheckResult:
    """Check that k < D predicates, each at most once per line of its own structure, miss some element.

    The points are every choice, with repetition, of k = D - 1 pairs (partition into lines,
    predicate at most once per line) on range(A), for the (A, D) of `PARTITION_SIZES`.
    `extra_predicates` raises k above D - 1.
    """
    tally = Tally()
    for size, values in PARTITION_SIZES:
        k = values - 1 + extra_predicates
        structures = [
            line_structure_of(blocks, size)
            for blocks in partitions_into_lines(tuple(range(size)), values)
        ]
        choices = [
            (vary, bad) for vary in structures for bad in predicates(size)
            if once_per_line(vary, bad)
        ]
        for picked in itertools.combinations_with_replacement(choices, k):
            good = [a for a in range(size) if not any(bad[a] for _, bad in picked)]
            tally.add(True, bool(good), lambda: {
                "A": size, "D": values, "k": k,
                "lines": [sorted(set(vary)) for vary, _ in picked],
                "bad": [list(bad) for _, bad in picked]})
    domain = (
        "every choice, with repetition, of k = D - 1 pairs of a partition of range(A) into "
        "lines of D points and a predicate that holds at most once per line, for (A, D) in "
        f"{list(PARTITION_SIZES)}"
    )
    return tally.result("CacheDepth.exists_forall_eq_false", domain)
