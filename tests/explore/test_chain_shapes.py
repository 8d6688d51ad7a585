"""Tests of the chain-shape instances used beyond exhaustive enumeration."""

from __future__ import annotations

import pytest

from pybridge.explore.budget import Budget
from pybridge.explore.chain_shapes import chain_shape_instances, chain_shapes
from pybridge.explore.game import MARKING, ROUTING, GameRules, solve_instance
from pybridge.explore.symmetry import OUTPUT, instance_classes
from pybridge.model.transformer import hop


def test_shape_count() -> None:
    # One shape with k + 1 distinct tokens, plus one per pair μ < d ≤ k: 1 + k(k + 1)/2.
    for k in range(0, 7):
        assert len(list(chain_shapes(k))) == 1 + k * (k + 1) // 2


def test_sizes_partition_instances() -> None:
    for n in range(1, 7):
        for k in range(0, 5):
            total = sum(item.size for item in chain_shape_instances(n, k))
            assert total == n**n * n, (n, k)


def test_instances_have_their_shape() -> None:
    n, k = 8, 3
    seen = set()
    for item in chain_shape_instances(n, k):
        chain = [hop(item.f, j, item.x) for j in range(k + 1)]
        distinct = len(dict.fromkeys(chain))
        role = chain.index(OUTPUT) if OUTPUT in chain else None
        loop = None if distinct == k + 1 else chain.index(hop(item.f, distinct, item.x))
        seen.add((distinct, loop, role))
        off_chain = set(range(n)) - set(chain)
        assert all(item.f[token] == token for token in off_chain)
    # Every (shape, role) pair appears once: 1 + 6 shapes with their roles.
    expected = {(k + 1, None, role) for role in [None, *range(k + 1)]}
    for distinct in range(1, k + 1):
        for loop in range(distinct):
            expected |= {(distinct, loop, role) for role in [None, *range(distinct)]}
    assert seen == expected


def test_game_agrees_with_classes() -> None:
    n = 5
    for k, s, bits in [(2, 1, 1), (3, 2, 1), (3, 1, 2)]:
        for variant in (ROUTING, MARKING):
            rules = GameRules.for_variant(variant, k, s, 3, bits)
            on_classes = max(solve_instance(i.f, i.x, rules, Budget()).layers for i in instance_classes(n))
            on_shapes = max(solve_instance(i.f, i.x, rules, Budget()).layers for i in chain_shape_instances(n, k))
            assert on_shapes == on_classes, (k, s, bits, variant)


def test_invalid_arguments() -> None:
    with pytest.raises(ValueError, match="k=-1"):
        chain_shape_instances(4, -1)
