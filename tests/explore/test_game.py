"""Tests of the chain-identification game: hand-computed values and rule details."""

from __future__ import annotations

import pytest

from pybridge.explore.budget import Budget, BudgetExceeded
from pybridge.explore.game import (
    MARKING,
    ROUTING,
    GameRules,
    determined_indices,
    is_valid_cache,
    solve_instance,
)
from pybridge.explore.symmetry import all_instances, instance_classes


def worst_value(n: int, k: int, s: int, bits: int, variant: str, instances) -> int:
    rules = GameRules.for_variant(variant, k, s, (n - 1).bit_length(), bits)
    return max(solve_instance(item.f, item.x, rules, Budget()).layers for item in instances)


def test_two_hops_one_slot_one_bit() -> None:
    # n = 4, so a pointer costs c = 2 bits; k = 2, s = 1, b = 1. Worst instance: a chain
    # x → t_1 → t_2 of distinct tokens off the output. The output needs t_2, which only a
    # cache holding t_1 determines, and t_1 can be cached only once it stores "I am t_1"
    # (s = 1 leaves no room for x beside it). Routing: the mark costs 2 bits (layers 1-2),
    # then the answer 2 bits (layers 3-4): 4 layers. Marking: the mark costs 1 bit (layer 1),
    # then the answer 2 bits: 3 layers. Shorter chains (cycles) only help.
    classes = instance_classes(4)
    assert worst_value(4, 2, 1, 1, ROUTING, classes) == 4
    assert worst_value(4, 2, 1, 1, MARKING, classes) == 3


def test_two_hops_fit_the_cache() -> None:
    # n = 4, k = 2, s = 2, b = 1: layer 1 caches x and t_1 (t_1 is identified by x's pointer
    # inside the same cache), so t_2 is determined at once; the answer needs c = 2 bits at
    # 1 bit per layer: 2 layers in both variants.
    classes = instance_classes(4)
    assert worst_value(4, 2, 2, 1, ROUTING, classes) == 2
    assert worst_value(4, 2, 2, 1, MARKING, classes) == 2


def test_output_as_answer_costs_a_mark() -> None:
    # f = [0, 0, 2, 3], x = 1, k = 1: t_1 = 0 is the output itself. Caching x determines
    # t_1 at layer 1, and the output learns "I am t_1" for identify_bits: 1 bit (marking,
    # 1 layer) or c = 2 bits (routing, 2 layers at b = 1).
    f, x = (0, 0, 2, 3), 1
    marking = GameRules.for_variant(MARKING, 1, 1, 2, 1)
    routing = GameRules.for_variant(ROUTING, 1, 1, 2, 1)
    assert solve_instance(f, x, marking, Budget()).layers == 1
    assert solve_instance(f, x, routing, Budget()).layers == 2


def test_empty_cache_never_finishes() -> None:
    rules = GameRules(k=1, s=0, pointer_bits=2, layer_bits=1, identify_bits=1)
    result = solve_instance((0, 2, 3, 3), 1, rules, Budget())
    assert result.layers is None


def test_cache_needs_identified_positions() -> None:
    chain = [1, 2, 3]  # t_0 = 1, t_1 = 2, t_2 = 3
    marks = frozenset({(1, 0)})
    assert is_valid_cache((1,), marks, chain, 2)
    assert is_valid_cache((1, 2), marks, chain, 2)
    assert not is_valid_cache((2,), marks, chain, 2)  # nothing cached identifies t_1
    assert not is_valid_cache((1, 3), marks, chain, 2)  # t_2 needs t_1's pointer in the cache


def test_determined_indices_follow_cycles() -> None:
    # f(1) = 2, f(2) = 1: the chain of k = 3 hops is 1, 2, 1, 2.
    chain = [1, 2, 1, 2]
    assert determined_indices((1, 2), frozenset({(1, 0)}), chain, 3) == {0, 1, 2, 3}
    assert determined_indices((1,), frozenset({(1, 0)}), chain, 3) == {0, 1}


def test_unknown_variant_is_rejected() -> None:
    with pytest.raises(ValueError, match="'bogus'"):
        GameRules.for_variant("bogus", 1, 1, 2, 1)


def test_reduced_and_plain_agree() -> None:
    for n, k, s, bits in [(3, 2, 1, 1), (3, 3, 2, 2), (4, 2, 1, 1), (4, 3, 2, 1)]:
        classes = instance_classes(n)
        plain = list(all_instances(n))
        for variant in (ROUTING, MARKING):
            assert worst_value(n, k, s, bits, variant, classes) == worst_value(n, k, s, bits, variant, plain)


def test_state_counts_are_label_free() -> None:
    # The plain state count equals the reduced one weighted by class sizes, because every
    # instance of a class expands the same number of states.
    n, k, s, bits = 4, 2, 1, 1
    rules = GameRules.for_variant(ROUTING, k, s, 2, bits)
    plain = sum(solve_instance(item.f, item.x, rules, Budget()).states for item in all_instances(n))
    weighted = sum(
        item.size * solve_instance(item.f, item.x, rules, Budget()).states for item in instance_classes(n)
    )
    assert plain == weighted


def test_state_limit_stops_search() -> None:
    rules = GameRules.for_variant(ROUTING, 3, 1, 3, 1)
    with pytest.raises(BudgetExceeded, match="--limit-states 5"):
        solve_instance((0, 2, 3, 4, 4), 1, rules, Budget(max_states=5))
