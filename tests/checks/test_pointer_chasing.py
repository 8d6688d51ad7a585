"""Tests of the checkers for Hop.lean and Chain.lean and of the map enumeration helpers."""

from __future__ import annotations

import json
from collections.abc import Mapping

import networkx as nx
import numpy as np
import pytest

from pybridge.checks import DEFAULT_REGISTRY, CheckLimits, registered_statements
from pybridge.checks.chains import check_lists, functional_digraph
from pybridge.checks.map_checks import Evaluation, MapFamily, check_maps, map_family
from pybridge.checks.pointer_chasing import lean_mod

POINTER_MODULES = ("pybridge.checks.pointer_chasing", "pybridge.checks.chains")
POINTER_STATEMENTS = [
    name
    for name in registered_statements()
    if DEFAULT_REGISTRY.checker_for(name).__module__ in POINTER_MODULES
]
SMALL = CheckLimits(max_n=3, max_hops=4)


def test_pointer_statements_cover_both_files() -> None:
    assert "CacheDepth.hop_add" in POINTER_STATEMENTS
    assert "CacheDepth.exists_revisit_of_le" in POINTER_STATEMENTS
    assert len(POINTER_STATEMENTS) == 24


@pytest.mark.parametrize("statement", POINTER_STATEMENTS)
def test_checker_passes_default_limits(statement: str) -> None:
    result = DEFAULT_REGISTRY.checker_for(statement)(CheckLimits())
    assert result.statement == statement
    assert result.passed, result.to_json()
    assert result.counterexample is None
    assert result.instances > 0
    assert result.domain.startswith("all ")
    json.dumps(result.to_json())


def test_wrong_hop_one_smallest_counterexample() -> None:
    # Claims hop f 1 x = x. Every map on one token fixes it; the first map on two tokens
    # that moves a start is [0, 0], at x = 1.
    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        return True, family.hop(1) == family.starts

    result = check_maps("Test.wrong_hop_one", SMALL, (), evaluate)
    assert not result.passed
    assert result.counterexample == {"n": 2, "f": [0, 0], "x": 1}
    assert result.instances == 1 + 4 * 2 + 27 * 3


def test_wrong_hop_shift_counterexample_includes_hop_count() -> None:
    # Claims hop f (a + 1) x = hop f a x, false first for f = [0, 0], x = 1 and a = 0.
    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        a = values["a"]
        return True, family.hop(a + 1) == family.hop(a)

    result = check_maps("Test.wrong_shift", SMALL, ("a",), evaluate)
    assert result.counterexample == {"n": 2, "f": [0, 0], "x": 1, "a": 0}


def test_wrong_two_hops_equal_one_hop() -> None:
    # Claims hop f 2 x = hop f 1 x. The maps [0, 0] and [0, 1] satisfy it; [1, 0] swaps
    # the two tokens, so from x = 0 one hop gives 1 and two hops give 0.
    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        return True, family.hop(2) == family.hop(1)

    result = check_maps("Test.wrong_two_hops", SMALL, (), evaluate)
    assert result.counterexample == {"n": 2, "f": [1, 0], "x": 0}


def test_wrong_simple_chain_bound() -> None:
    # Claims IsSimpleChain f x k → k + 2 ≤ n; the chain of 0 hops on one token refutes it.
    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        k = values["k"]
        return family.is_simple_chain(k), k + 2 <= family.n

    result = check_maps("Test.wrong_succ_le", SMALL, ("k",), evaluate)
    assert result.counterexample == {"n": 1, "f": [0], "x": 0, "k": 0}


def test_counterexample_orders_maps_before_hop_counts() -> None:
    # Claims that for n ≥ 2, hop f a x = x implies a ≠ 3, and a ≠ 1 unless x = 0. The first
    # map [0, 0] fails only at x = 0, a = 3. The later identity map [0, 1] also fails at
    # x = 1, a = 1, which would come first if hop counts were ordered before maps.
    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        a = values["a"]
        hypothesis = (family.n >= 2) & (family.hop(a) == family.starts)
        conclusion = (a != 3) & ((family.starts == 0) | (a != 1))
        return hypothesis, conclusion

    result = check_maps("Test.order", SMALL, ("a",), evaluate)
    assert result.counterexample == {"n": 2, "f": [0, 0], "x": 0, "a": 3}


def test_vacuous_map_check_fails() -> None:
    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        return family.hop(0) != family.starts, True

    result = check_maps("Test.vacuous", SMALL, (), evaluate)
    assert not result.passed
    assert result.instances == 0
    assert result.counterexample is None
    assert result.reason is not None
    assert "vacuous" in result.reason


def test_integer_mask_rejected() -> None:
    def evaluate(family: MapFamily, values: Mapping[str, int]) -> Evaluation:
        return True, family.hop(1)

    with pytest.raises(TypeError, match="expected bool"):
        check_maps("Test.integer_mask", SMALL, (), evaluate)


def test_wrong_list_bound_counterexample() -> None:
    # Claims a duplicate-free list below m has length ≤ m - 1; the empty list at m = 0
    # already refutes it.
    def evaluate(bound: int, entries: tuple[int, ...]) -> tuple[bool, bool]:
        return all(a < bound for a in entries), len(entries) <= bound - 1

    result = check_lists("Test.wrong_list", SMALL, "m", evaluate, "every entry < m")
    assert result.counterexample == {"m": 0, "l": []}


def test_wrong_list_bound_with_positive_m() -> None:
    # Claims length ≤ m / 2 for m ≥ 1; the first failure is m = 1 with the list [0].
    def evaluate(bound: int, entries: tuple[int, ...]) -> tuple[bool, bool]:
        return bound >= 1 and all(a < bound for a in entries), 2 * len(entries) <= bound

    result = check_lists("Test.half_list", SMALL, "m", evaluate, "every entry < m")
    assert result.counterexample == {"m": 1, "l": [0]}


def test_list_enumeration_counts() -> None:
    # Duplicate-free lists with entries < m number Σ_L m! / (m - L)!: 1, 2, 5, 16 for m ≤ 3.
    result = check_lists("Test.count", SMALL, "m", lambda m, l: (all(a < m for a in l), True), "-")
    assert result.instances == 1 + 2 + 5 + 16


@pytest.mark.parametrize("n", range(1, 5))
def test_simple_chain_mask_matches_simple_path(n: int) -> None:
    family = map_family(n, 8)
    for k in range(6):
        mask = family.is_simple_chain(k)
        for row, f in enumerate(family.maps.tolist()):
            graph = functional_digraph(f)
            for x in range(n):
                walk = family.hops[: k + 1, row, x].tolist()
                assert mask[row, x] == nx.is_simple_path(graph, walk), (f, x, k)


@pytest.mark.parametrize("n", range(1, 5))
def test_chain_nodup_mask_matches_set(n: int) -> None:
    family = map_family(n, 8)
    for k in range(6):
        mask = family.chain_is_nodup(k)
        for row in range(family.shape[0]):
            for x in range(n):
                walk = family.hops[: k + 1, row, x].tolist()
                assert mask[row, x] == (len(set(walk)) == len(walk))


def test_functional_digraph_edges() -> None:
    graph = functional_digraph([1, 1, 0])
    assert sorted(graph.nodes) == [0, 1, 2]
    assert sorted(graph.edges) == [(0, 1), (1, 1), (2, 0)]


def test_family_hop_from_and_step() -> None:
    family = map_family(3, 4)
    row = 1 * 9 + 2 * 3 + 0  # the map [1, 2, 0], a 3-cycle
    tokens = np.broadcast_to(np.array([2, 0, 1], dtype=np.uint8), family.shape)
    assert family.step(tokens)[row].tolist() == [0, 1, 2]
    assert family.hop_from(2, tokens)[row].tolist() == [1, 2, 0]


def test_family_hop_beyond_table_rejected() -> None:
    with pytest.raises(ValueError, match="exceeds the table's k_max=4"):
        map_family(2, 4).hop(5)


def test_lean_mod_zero_divisor() -> None:
    assert lean_mod(7, 0) == 7
    assert lean_mod(7, 3) == 1
