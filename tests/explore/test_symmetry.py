"""Tests of the instance classes up to relabelling and their networkx certificate."""

from __future__ import annotations

import math

import pytest

from pybridge.explore.symmetry import (
    InstanceClass,
    all_instances,
    certify_classes,
    instance_classes,
    plain_instance_count,
    unlabelled_map_count,
)


def test_unlabelled_maps_match_oeis() -> None:
    # OEIS A001372, functional digraphs on n unlabelled nodes: 1, 3, 7, 19, 47, 130.
    expected = {1: 1, 2: 3, 3: 7, 4: 19, 5: 47, 6: 130}
    for n, count in expected.items():
        assert unlabelled_map_count(n) == count, n


def test_two_tokens_have_trivial_symmetry() -> None:
    # The only relabelling fixing the output 0 on {0, 1} is the identity, so each of the
    # 2^2 maps times 2 starts is its own class.
    classes = instance_classes(2)
    assert len(classes) == 8
    assert all(item.size == 1 for item in classes)


def test_three_tokens_burnside_count() -> None:
    # Relabellings fixing 0 on {0, 1, 2}: the identity and the swap (1 2). The identity fixes
    # all 27·3 = 81 instances. The swap fixes (f, x) when x = 0, f(0) = 0 and f(2) is the swap
    # of f(1): 3 instances. Burnside: (81 + 3) / 2 = 42 classes.
    assert len(instance_classes(3)) == 42


def test_class_sizes_partition_instances() -> None:
    for n in range(1, 6):
        classes = instance_classes(n)
        assert sum(item.size for item in classes) == n**n * n
        group_order = math.factorial(n - 1)
        for item in classes:
            assert group_order % item.size == 0, (n, item)


def test_plain_enumeration_count() -> None:
    assert sum(1 for _ in all_instances(4)) == plain_instance_count(4) == 1024


def test_certificate_accepts_classes() -> None:
    for n in range(1, 6):
        certify_classes(n, instance_classes(n))


def test_certificate_rejects_isomorphic_representatives() -> None:
    classes = instance_classes(3)
    # A class of size 2 is not fixed by the swap (1 2), so its relabelled representative is
    # a different labelled instance. It replaces another class of the same size, so the
    # sizes still add up and only the isomorphism test can catch it.
    first = next(item for item in classes if item.size == 2)
    swap = [0, 2, 1]
    relabelled_f = [0] * 3
    for token in range(3):
        relabelled_f[swap[token]] = swap[first.f[token]]
    twin = InstanceClass(tuple(relabelled_f), swap[first.x], first.size)
    assert (twin.f, twin.x) != (first.f, first.x)
    victim = next(index for index, item in enumerate(classes) if item.size == first.size and item != first)
    damaged = list(classes)
    damaged[victim] = twin
    with pytest.raises(AssertionError, match="isomorphic"):
        certify_classes(3, damaged)


def test_certificate_rejects_missing_class() -> None:
    with pytest.raises(AssertionError, match="expected n\\^n·n"):
        certify_classes(3, instance_classes(3)[1:])


def test_class_enumeration_rejects_large_n() -> None:
    with pytest.raises(ValueError, match="n=8"):
        instance_classes(8)
