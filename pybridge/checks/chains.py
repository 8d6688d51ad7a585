"""Checkers for the chains and simple chains of `CacheDepth/PointerChasing/Chain.lean`.

The chain of k hops from x is the list hop f 0 x, …, hop f k x, which is column (r, x) of
the first k + 1 layers of the hop table. `IsSimpleChain f x k` is the statement that
i ↦ hop f i x is injective on 0..k.

Two statements are checked on the functional digraph of f, built with networkx with an
edge i → f i per token, for n ≤ min(max_n, 5). `mem_chain` uses shortest-path distances.
`IsSimpleChain.succ_le` treats a simple chain as a path of k edges through k + 1 distinct
nodes. The pigeonhole lemmas on lists enumerate duplicate-free lists with itertools.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np

from pybridge.checks.map_checks import Evaluation, MapFamily, check_maps
from pybridge.checks.map_checks import describe_map_domain, map_family
from pybridge.checks.registry import checker
from pybridge.checks.result import CheckLimits, CheckResult, make_result

GRAPH_MAX_N = 5
"""Largest token count for the networkx checks, which build one graph per map."""

ListEvaluation = Callable[[int, tuple[int, ...]], tuple[bool, bool]]
"""Called with the bound and one list; returns the hypothesis and the conclusion."""


def check_lists(
    statement: str, limits: CheckLimits, bound_name: str, evaluate: ListEvaluation, hypotheses: str
) -> CheckResult:
    """Check `evaluate(bound, entries)` on all bounds ≤ max_n and all duplicate-free lists.

    The lists have entries in 0..max_n and lengths 0..max_n + 1, so lists one entry longer
    than the bound are in range. The order is bound, then length, then lexicographic.
    """
    top = limits.max_n
    instances = 0
    counterexample: dict[str, Any] | None = None
    for bound in range(top + 1):
        for length in range(top + 2):
            for entries in itertools.permutations(range(top + 1), length):
                hypothesis, conclusion = evaluate(bound, entries)
                if not hypothesis:
                    continue
                instances += 1
                if not conclusion and counterexample is None:
                    counterexample = {bound_name: bound, "l": list(entries)}

    domain = (
        f"all {bound_name} ≤ {top} and all duplicate-free lists l with entries in 0..{top} "
        f"and lengths 0..{top + 1}, with {hypotheses}"
    )
    return make_result(statement, instances, domain, counterexample)


def is_nodup(entries: Sequence[int]) -> bool:
    """Return whether `entries` has no repeated value."""
    return len(set(entries)) == len(entries)


@checker("CacheDepth.length_le_of_nodup_of_lt")
def check_length_le_of_nodup_of_lt(limits: CheckLimits) -> CheckResult:
    """Check l.Nodup → (∀ a ∈ l, a < m) → l.length ≤ m over duplicate-free lists of naturals."""

    def evaluate(bound: int, entries: tuple[int, ...]) -> tuple[bool, bool]:
        hypothesis = is_nodup(entries) and all(a < bound for a in entries)
        return hypothesis, len(entries) <= bound

    return check_lists(
        "CacheDepth.length_le_of_nodup_of_lt", limits, "m", evaluate, "every entry < m"
    )


@checker("CacheDepth.length_le_of_nodup_fin")
def check_length_le_of_nodup_fin(limits: CheckLimits) -> CheckResult:
    """Check that a duplicate-free list of tokens of Fin n has length ≤ n, for n = 0..max_n."""

    def evaluate(bound: int, entries: tuple[int, ...]) -> tuple[bool, bool]:
        hypothesis = is_nodup(entries) and all(a < bound for a in entries)
        return hypothesis, len(entries) <= bound

    return check_lists(
        "CacheDepth.length_le_of_nodup_fin", limits, "n", evaluate, "every entry a token of Fin n"
    )


def chain(family: MapFamily, k: int) -> np.ndarray:
    """Return the chains of k hops of all maps and starts, shape (k + 1, M, n)."""
    return family.hops[: k + 1]


@checker("CacheDepth.chain_succ")
def check_chain_succ(limits: CheckLimits) -> CheckResult:
    """Check chain f x (k + 1) = chain f x k ++ [hop f (k + 1) x] for all k ≤ max_hops.

    Chains are prefixes of the hop table, so this only confirms the slicing.
    """

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        k = values["k"]
        appended = np.concatenate([chain(family, k), family.hop(k + 1)[None]])
        return True, np.all(chain(family, k + 1) == appended, axis=0)

    return check_maps("CacheDepth.chain_succ", limits, ("k",), evaluate)


@checker("CacheDepth.length_chain")
def check_length_chain(limits: CheckLimits) -> CheckResult:
    """Check (chain f x k).length = k + 1 for all k ≤ max_hops."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        k = values["k"]
        return True, chain(family, k).shape[0] == k + 1

    return check_maps("CacheDepth.length_chain", limits, ("k",), evaluate)


def functional_digraph(f: Sequence[int]) -> nx.DiGraph:
    """Return the functional digraph of f: nodes 0..n-1 and an edge i → f i for each i."""
    graph = nx.DiGraph()
    graph.add_nodes_from(range(len(f)))
    graph.add_edges_from(enumerate(f))
    return graph


def graph_domain(limits: CheckLimits, params: Sequence[str]) -> str:
    """Return the domain sentence of a networkx enumeration."""
    return describe_map_domain(limits, params, max_n=min(limits.max_n, GRAPH_MAX_N))


@checker("CacheDepth.mem_chain")
def check_mem_chain(limits: CheckLimits) -> CheckResult:
    """Check y ∈ chain f x k ↔ ∃ i ≤ k, hop f i x = y, for all tokens y and k ≤ max_hops.

    The right side is computed on the functional digraph: in it the walk of each length from
    x is unique, so some i ≤ k reaches y exactly when the distance from x to y is at most k.
    """
    statement = "CacheDepth.mem_chain"
    instances = 0
    counterexample: dict[str, Any] | None = None
    for n in range(1, min(limits.max_n, GRAPH_MAX_N) + 1):
        family = map_family(n, 2 * limits.max_hops)
        walks = chain(family, limits.max_hops).transpose(1, 2, 0).tolist()
        for row, f in enumerate(family.maps.tolist()):
            graph = functional_digraph(f)
            for x in range(n):
                distances = nx.single_source_shortest_path_length(graph, x)
                for k in range(limits.max_hops + 1):
                    on_chain = set(walks[row][x][: k + 1])
                    for y in range(n):
                        instances += 1
                        reached = y in distances and distances[y] <= k
                        if (y in on_chain) != reached and counterexample is None:
                            counterexample = {"n": n, "f": f, "x": x, "k": k, "y": y}

    domain = graph_domain(limits, ("k",)) + ", all tokens y"
    return make_result(statement, instances, domain, counterexample)


@checker("CacheDepth.answer_mem_chain")
def check_answer_mem_chain(limits: CheckLimits) -> CheckResult:
    """Check hop f k x ∈ chain f x k for all k ≤ max_hops."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        k = values["k"]
        return True, np.any(chain(family, k) == family.hop(k), axis=0)

    return check_maps("CacheDepth.answer_mem_chain", limits, ("k",), evaluate)


@checker("CacheDepth.IsSimpleChain.mono")
def check_simple_chain_mono(limits: CheckLimits) -> CheckResult:
    """Check IsSimpleChain f x k → j ≤ k → IsSimpleChain f x j for all j, k ≤ max_hops."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        j, k = values["j"], values["k"]
        if j > k:
            return False, True
        return family.is_simple_chain(k), family.is_simple_chain(j)

    return check_maps(
        "CacheDepth.IsSimpleChain.mono",
        limits,
        ("j", "k"),
        evaluate,
        hypotheses="IsSimpleChain f x k and j ≤ k",
    )


@checker("CacheDepth.IsSimpleChain.answer_ne")
def check_simple_chain_answer_ne(limits: CheckLimits) -> CheckResult:
    """Check IsSimpleChain f x k → i < k → hop f i x ≠ hop f k x for all i, k ≤ max_hops."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        i, k = values["i"], values["k"]
        if not i < k:
            return False, True
        return family.is_simple_chain(k), family.hop(i) != family.hop(k)

    return check_maps(
        "CacheDepth.IsSimpleChain.answer_ne",
        limits,
        ("i", "k"),
        evaluate,
        hypotheses="IsSimpleChain f x k and i < k",
    )


@checker("CacheDepth.IsSimpleChain.nodup")
def check_simple_chain_nodup(limits: CheckLimits) -> CheckResult:
    """Check IsSimpleChain f x k → (chain f x k).Nodup for all k ≤ max_hops."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        k = values["k"]
        return family.is_simple_chain(k), family.chain_is_nodup(k)

    return check_maps(
        "CacheDepth.IsSimpleChain.nodup",
        limits,
        ("k",),
        evaluate,
        hypotheses="IsSimpleChain f x k",
    )


@checker("CacheDepth.IsSimpleChain.distinct_tokens")
def check_simple_chain_distinct_tokens(limits: CheckLimits) -> CheckResult:
    """Check IsSimpleChain f x k → (chain f x k).Nodup ∧ (chain f x k).length = k + 1."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        k = values["k"]
        length_ok = chain(family, k).shape[0] == k + 1
        return family.is_simple_chain(k), family.chain_is_nodup(k) & length_ok

    return check_maps(
        "CacheDepth.IsSimpleChain.distinct_tokens",
        limits,
        ("k",),
        evaluate,
        hypotheses="IsSimpleChain f x k",
    )


@checker("CacheDepth.IsSimpleChain.succ_le")
def check_simple_chain_succ_le(limits: CheckLimits) -> CheckResult:
    """Check IsSimpleChain f x k → k + 1 ≤ n for all k ≤ max_hops.

    The hypothesis is evaluated on the functional digraph: the chain must be a simple path,
    that is k edges through k + 1 distinct nodes.
    """
    statement = "CacheDepth.IsSimpleChain.succ_le"
    instances = 0
    counterexample: dict[str, Any] | None = None
    for n in range(1, min(limits.max_n, GRAPH_MAX_N) + 1):
        family = map_family(n, 2 * limits.max_hops)
        walks = chain(family, limits.max_hops).transpose(1, 2, 0).tolist()
        for row, f in enumerate(family.maps.tolist()):
            graph = functional_digraph(f)
            for x in range(n):
                for k in range(limits.max_hops + 1):
                    if not nx.is_simple_path(graph, walks[row][x][: k + 1]):
                        continue
                    instances += 1
                    if not k + 1 <= n and counterexample is None:
                        counterexample = {"n": n, "f": f, "x": x, "k": k}

    domain = graph_domain(limits, ("k",)) + ", with IsSimpleChain f x k"
    return make_result(statement, instances, domain, counterexample)


@checker("CacheDepth.not_isSimpleChain_of_le")
def check_not_simple_chain_of_le(limits: CheckLimits) -> CheckResult:
    """Check n ≤ k → ¬ IsSimpleChain f x k for all k ≤ max_hops."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        k = values["k"]
        if family.n > k:
            return False, True
        return True, ~family.is_simple_chain(k)

    return check_maps(
        "CacheDepth.not_isSimpleChain_of_le", limits, ("k",), evaluate, hypotheses="n ≤ k"
    )


@checker("CacheDepth.exists_revisit_of_le")
def check_exists_revisit_of_le(limits: CheckLimits) -> CheckResult:
    """Check n ≤ k → ∃ i j, i < j ∧ j ≤ k ∧ hop f i x = hop f j x, by search over all such pairs."""

    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        k = values["k"]
        if family.n > k:
            return False, True
        revisit = np.zeros(family.shape, dtype=bool)
        for j in range(k + 1):
            for i in range(j):
                revisit |= family.hop(i) == family.hop(j)
        return True, revisit

    return check_maps(
        "CacheDepth.exists_revisit_of_le", limits, ("k",), evaluate, hypotheses="n ≤ k"
    )
