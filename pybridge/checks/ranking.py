"""Checkers for the counting and ranking lemmas of `CacheDepth/Controller/TopScore.lean`.

The counting lemmas on `List.filter` run over every list of length ≤ 4 over {0, 1, 2} and
every pair of predicates on {0, 1, 2}. The lemmas on ranks run over every score vector of
n ≤ min(max_n, 4) positions with scores 0..3.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import (
    Iterator,
    Sequence,
)
from dataclasses import dataclass
from pybridge.checks.registry import checker
from pybridge.checks.result import (
    CheckLimits,
    CheckResult,
)
from pybridge.model.controllers import (
    beats,
    rank_of,
    top_positions,
)
from pybridge.checks.controller_support import (
    LIST_MAX_LENGTH,
    PREDICATE_ALPHABET,
    SCORE_VALUES,
    Tally,
    position_counts,
)


# TopScore.lean: counting lemmas and List.finRange


def counting_cases() -> Iterator[tuple[tuple[bool, ...], tuple[bool, ...], tuple[int, ...]]]:
    """Yield every pair of predicates P, Q on {0, 1, 2} and every list over {0, 1, 2} of length ≤ 4.

    A predicate is given by its truth table, so P[x] is the value at x. The order is P,
    then Q, then the list by length and lexicographically.
    """
    predicates = list(itertools.product((False, True), repeat=len(PREDICATE_ALPHABET)))
    lists = [
        entries
        for length in range(LIST_MAX_LENGTH + 1)
        for entries in itertools.product(PREDICATE_ALPHABET, repeat=length)
    ]
    for p_table in predicates:
        for q_table in predicates:
            for entries in lists:
                yield p_table, q_table, entries


def count_kept(table: Sequence[bool], entries: Sequence[int]) -> int:
    """Return (l.filter P).length for the predicate with truth table `table`."""
    return sum(1 for x in entries if table[x])


def counting_domain(extra: str = "") -> str:
    """Return the domain sentence of the counting lemmas."""
    return (
        "all predicates P, Q on {0, 1, 2} and all lists l over {0, 1, 2} of length "
        f"≤ {LIST_MAX_LENGTH}{extra}, with P x → Q x for every x ∈ l"
    )


@checker("CacheDepth.length_filter_le_of_imp")
def check_length_filter_le_of_imp(limits: CheckLimits) -> CheckResult:
    """Check (∀ x ∈ l, P x → Q x) → (l.filter P).length ≤ (l.filter Q).length."""
    tally = Tally()
    for p_table, q_table, entries in counting_cases():
        hypothesis = all(q_table[x] for x in entries if p_table[x])
        conclusion = count_kept(p_table, entries) <= count_kept(q_table, entries)
        parameters = {"P": list(p_table), "Q": list(q_table), "l": list(entries)}
        tally.add(hypothesis, conclusion, parameters)
    return tally.result("CacheDepth.length_filter_le_of_imp", counting_domain())


@checker("CacheDepth.length_filter_lt_of_imp")
def check_length_filter_lt_of_imp(limits: CheckLimits) -> CheckResult:
    """Check the strict count when moreover some a ∈ l has P a = false and Q a = true."""
    tally = Tally()
    for p_table, q_table, entries in counting_cases():
        if not all(q_table[x] for x in entries if p_table[x]):
            continue
        for a in PREDICATE_ALPHABET:
            hypothesis = a in entries and not p_table[a] and q_table[a]
            conclusion = count_kept(p_table, entries) < count_kept(q_table, entries)
            parameters = {"P": list(p_table), "Q": list(q_table), "l": list(entries), "a": a}
            tally.add(hypothesis, conclusion, parameters)
    domain = counting_domain(" and all a ∈ {0, 1, 2}") + ", a ∈ l, P a = false and Q a = true"
    return tally.result("CacheDepth.length_filter_lt_of_imp", domain)


@checker("CacheDepth.pairwise_lt_finRange")
def check_pairwise_lt_fin_range(limits: CheckLimits) -> CheckResult:
    """Check that List.finRange n, the list 0, …, n - 1, is strictly increasing, for n ≤ max_value.

    Each index pair i < j of each n is one instance.
    """
    tally = Tally()
    for n in range(limits.max_value + 1):
        positions = list(range(n))
        for i, j in itertools.combinations(range(n), 2):
            tally.add(True, positions[i] < positions[j], {"n": n, "i": i, "j": j})
    domain = f"all n ≤ {limits.max_value} and all index pairs i < j < n"
    return tally.result("CacheDepth.pairwise_lt_finRange", domain)


# TopScore.lean: ranks and top positions


@dataclass(frozen=True)
class ScoreFamily:
    """Every score vector of n positions over `SCORE_VALUES`, with its ranks and top positions."""

    n: int
    vectors: tuple[tuple[int, ...], ...]
    ranks: dict[tuple[int, ...], tuple[int, ...]]
    """rank_of(r, i) for each position i of each vector r."""
    tops: dict[tuple[tuple[int, ...], int], list[int]]
    """top_positions(s, r) for each vector r and each s ≤ n + 1."""

    def neighbours(self, r: tuple[int, ...], j: int) -> Iterator[tuple[int, ...]]:
        """Yield every score vector that agrees with r off position j, r itself included."""
        for value in SCORE_VALUES:
            yield r[:j] + (value,) + r[j + 1 :]


@functools.lru_cache(maxsize=8)
def score_family(n: int) -> ScoreFamily:
    """Return the cached score family of n positions."""
    vectors = tuple(itertools.product(SCORE_VALUES, repeat=n))
    ranks = {r: tuple(rank_of(r, i) for i in range(n)) for r in vectors}
    tops = {(r, s): top_positions(s, r) for r in vectors for s in range(n + 2)}
    return ScoreFamily(n, vectors, ranks, tops)


def score_families(limits: CheckLimits) -> Iterator[ScoreFamily]:
    """Yield the score families of n = 0..min(max_n, 4) positions."""
    for n in position_counts(limits):
        yield score_family(n)


def score_domain(limits: CheckLimits, quantifiers: str, hypotheses: str | None = None) -> str:
    """Return the domain sentence of a rank lemma."""
    top = max(position_counts(limits))
    sentence = (
        f"all score vectors r over 0..{SCORE_VALUES[-1]} of n ≤ {top} positions, {quantifiers}"
    )
    if hypotheses:
        sentence += f", with {hypotheses}"
    return sentence


@checker("CacheDepth.beats_self")
def check_beats_self(limits: CheckLimits) -> CheckResult:
    """Check beats r i i = false."""
    tally = Tally()
    for family in score_families(limits):
        for r in family.vectors:
            for i in range(family.n):
                tally.add(True, not beats(r, i, i), {"r": list(r), "i": i})
    return tally.result("CacheDepth.beats_self", score_domain(limits, "all positions i"))


@checker("CacheDepth.beats_trans")
def check_beats_trans(limits: CheckLimits) -> CheckResult:
    """Check beats r a b → beats r b c → beats r a c."""
    tally = Tally()
    for family in score_families(limits):
        for r in family.vectors:
            for a, b, c in itertools.product(range(family.n), repeat=3):
                hypothesis = beats(r, a, b) and beats(r, b, c)
                tally.add(hypothesis, beats(r, a, c), {"r": list(r), "a": a, "b": b, "c": c})
    domain = score_domain(limits, "all positions a, b, c", "beats r a b and beats r b c")
    return tally.result("CacheDepth.beats_trans", domain)


@checker("CacheDepth.beats_total")
def check_beats_total(limits: CheckLimits) -> CheckResult:
    """Check a ≠ b → beats r a b ∨ beats r b a."""
    tally = Tally()
    for family in score_families(limits):
        for r in family.vectors:
            for a, b in itertools.product(range(family.n), repeat=2):
                conclusion = beats(r, a, b) or beats(r, b, a)
                tally.add(a != b, conclusion, {"r": list(r), "a": a, "b": b})
    domain = score_domain(limits, "all positions a, b", "a ≠ b")
    return tally.result("CacheDepth.beats_total", domain)


@checker("CacheDepth.rankOf_lt_of_beats")
def check_rank_of_lt_of_beats(limits: CheckLimits) -> CheckResult:
    """Check beats r j i → rankOf r j < rankOf r i."""
    tally = Tally()
    for family in score_families(limits):
        for r in family.vectors:
            ranks = family.ranks[r]
            for i, j in itertools.product(range(family.n), repeat=2):
                tally.add(beats(r, j, i), ranks[j] < ranks[i], {"r": list(r), "i": i, "j": j})
    domain = score_domain(limits, "all positions i, j", "beats r j i")
    return tally.result("CacheDepth.rankOf_lt_of_beats", domain)


@checker("CacheDepth.rankOf_injective")
def check_rank_of_injective(limits: CheckLimits) -> CheckResult:
    """Check rankOf r i = rankOf r j → i = j."""
    tally = Tally()
    for family in score_families(limits):
        for r in family.vectors:
            ranks = family.ranks[r]
            for i, j in itertools.product(range(family.n), repeat=2):
                tally.add(ranks[i] == ranks[j], i == j, {"r": list(r), "i": i, "j": j})
    domain = score_domain(limits, "all positions i, j", "rankOf r i = rankOf r j")
    return tally.result("CacheDepth.rankOf_injective", domain)


@checker("CacheDepth.mem_topPositions")
def check_mem_top_positions(limits: CheckLimits) -> CheckResult:
    """Check i ∈ topPositions s r ↔ rankOf r i < s for all s ≤ n + 1."""
    tally = Tally()
    for family in score_families(limits):
        for r in family.vectors:
            for s in range(family.n + 2):
                top = family.tops[r, s]
                for i in range(family.n):
                    conclusion = (i in top) == (family.ranks[r][i] < s)
                    tally.add(True, conclusion, {"s": s, "r": list(r), "i": i})
    domain = score_domain(limits, "all s ≤ n + 1 and all positions i")
    return tally.result("CacheDepth.mem_topPositions", domain)


@checker("CacheDepth.length_topPositions_le")
def check_length_top_positions_le(limits: CheckLimits) -> CheckResult:
    """Check (topPositions s r).length ≤ s for all s ≤ n + 1."""
    tally = Tally()
    for family in score_families(limits):
        for r in family.vectors:
            for s in range(family.n + 2):
                tally.add(True, len(family.tops[r, s]) <= s, {"s": s, "r": list(r)})
    return tally.result("CacheDepth.length_topPositions_le", score_domain(limits, "all s ≤ n + 1"))


def neighbour_pairs(
    family: ScoreFamily,
) -> Iterator[tuple[tuple[int, ...], int, tuple[int, ...]]]:
    """Yield (r, j, r') for every vector r, position j and vector r' that agrees with r off j."""
    for r in family.vectors:
        for j in range(family.n):
            for r_prime in family.neighbours(r, j):
                yield r, j, r_prime


NEIGHBOURS = "all positions j and all score vectors r' that agree with r off j"


@checker("CacheDepth.beats_congr")
def check_beats_congr(limits: CheckLimits) -> CheckResult:
    """Check (∀ y ≠ j, r y = r' y) → x ≠ j → i ≠ j → beats r x i = beats r' x i."""
    tally = Tally()
    for family in score_families(limits):
        for r, j, r_prime in neighbour_pairs(family):
            for x, i in itertools.product(range(family.n), repeat=2):
                tally.add(
                    x != j and i != j,
                    beats(r, x, i) == beats(r_prime, x, i),
                    {"r": list(r), "r'": list(r_prime), "j": j, "x": x, "i": i},
                )
    domain = score_domain(limits, f"{NEIGHBOURS}, all positions x, i", "x ≠ j and i ≠ j")
    return tally.result("CacheDepth.beats_congr", domain)


@checker("CacheDepth.beats_eq_false_of_rank")
def check_beats_eq_false_of_rank(limits: CheckLimits) -> CheckResult:
    """Check i ≠ j → rankOf r i < s → s ≤ rankOf r' j → beats r' j i = false, r' = r off j."""
    tally = Tally()
    for family in score_families(limits):
        for r, j, r_prime in neighbour_pairs(family):
            for i in range(family.n):
                for s in range(family.n + 2):
                    hypothesis = (
                        i != j and family.ranks[r][i] < s and s <= family.ranks[r_prime][j]
                    )
                    tally.add(
                        hypothesis,
                        not beats(r_prime, j, i),
                        {"s": s, "r": list(r), "r'": list(r_prime), "i": i, "j": j},
                    )
    domain = score_domain(
        limits,
        f"{NEIGHBOURS}, all positions i and all s ≤ n + 1",
        "i ≠ j, rankOf r i < s and s ≤ rankOf r' j",
    )
    return tally.result("CacheDepth.beats_eq_false_of_rank", domain)


@checker("CacheDepth.rankOf_eq_of_outside")
def check_rank_of_eq_of_outside(limits: CheckLimits) -> CheckResult:
    """Check that i keeps its rank when j, outside the top s under r and r', changes its score."""
    tally = Tally()
    for family in score_families(limits):
        for r, j, r_prime in neighbour_pairs(family):
            ranks, ranks_prime = family.ranks[r], family.ranks[r_prime]
            for i in range(family.n):
                for s in range(family.n + 2):
                    hypothesis = i != j and ranks[i] < s and s <= ranks[j] and s <= ranks_prime[j]
                    tally.add(
                        hypothesis,
                        ranks_prime[i] == ranks[i],
                        {"s": s, "r": list(r), "r'": list(r_prime), "i": i, "j": j},
                    )
    domain = score_domain(
        limits,
        f"{NEIGHBOURS}, all positions i and all s ≤ n + 1",
        "i ≠ j, rankOf r i < s, s ≤ rankOf r j and s ≤ rankOf r' j",
    )
    return tally.result("CacheDepth.rankOf_eq_of_outside", domain)


@checker("CacheDepth.topPositions_eq_of_outside")
def check_top_positions_eq_of_outside(limits: CheckLimits) -> CheckResult:
    """Check j ∉ topPositions s r → j ∉ topPositions s r' → both lists are equal, r' = r off j."""
    tally = Tally()
    for family in score_families(limits):
        for r, j, r_prime in neighbour_pairs(family):
            for s in range(family.n + 2):
                top, top_prime = family.tops[r, s], family.tops[r_prime, s]
                tally.add(
                    j not in top and j not in top_prime,
                    top == top_prime,
                    {"s": s, "r": list(r), "r'": list(r_prime), "j": j},
                )
    domain = score_domain(
        limits,
        f"{NEIGHBOURS} and all s ≤ n + 1",
        "j ∉ topPositions s r and j ∉ topPositions s r'",
    )
    return tally.result("CacheDepth.topPositions_eq_of_outside", domain)
