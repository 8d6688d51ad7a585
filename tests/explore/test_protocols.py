"""Tests of the segment protocols run in the Cache-Transformer mirror, and of the window property."""

from __future__ import annotations

import itertools

import pytest

from pybridge.explore.budget import Budget
from pybridge.explore.chain_shapes import chain_shape_instances
from pybridge.explore.protocol_runs import InstanceRun, evaluate_protocol, has_window_property
from pybridge.explore.protocols import FAMILY, MARK, RELAY, SegmentState, segment_protocol, segment_query
from pybridge.explore.symmetry import all_instances, instance_classes
from pybridge.model.locality import find_controller_violation

BY_NAME = {spec.name: spec for spec in FAMILY}


def least_depths(n: int, k: int, s: int, bits: int, instances) -> dict[str, int | None]:
    window = -(-((n - 1).bit_length()) // bits)
    depths = {}
    for spec in FAMILY:
        model, plan = spec.build(n, k, s, 1, 1, bits)
        depths[spec.name] = evaluate_protocol(model, k, s, window, plan.depth, instances, Budget()).depth
    return depths


def test_depths_match_schedules() -> None:
    # n = 5: c = 3 bits, k = 3, s = 2, b = 1 bit, so W = 3 and q = ⌈3/2⌉ = 2 segments.
    # Sequential relay moves one pointer per hop: 3·3 = 9 layers. Windowed relay moves one
    # pointer per segment: 2·3 = 6. Windowed marking marks the second head in 1 layer,
    # then sends the answer in 3: 1 + 3 = 4.
    assert least_depths(5, 3, 2, 1, instance_classes(5)) == {
        "sequential relay": 9, "windowed relay": 6, "windowed marking": 4,
    }


def test_wide_heads_need_one_layer_per_segment() -> None:
    # n = 4, b = 2 = c: W = 1. With k = 2, s = 1 every protocol needs one layer per hop: 2.
    assert least_depths(4, 2, 1, 2, instance_classes(4)) == {
        "sequential relay": 2, "windowed relay": 2, "windowed marking": 2,
    }


def test_several_heads_split_the_bits() -> None:
    # H = 2 heads of m·p = 1 bit carry b = 2 bits: n = 4, k = 1, s = 1 needs W = 1 layer.
    model, plan = segment_protocol(4, 1, 1, 2, 1, 1, 1, MARK)
    outcome = evaluate_protocol(model, 1, 1, 1, plan.depth, instance_classes(4), Budget())
    assert plan.depth == 1
    assert outcome.depth == 1


def test_reduced_and_plain_agree() -> None:
    for n, k, s, bits in [(3, 2, 1, 1), (4, 2, 1, 1), (4, 3, 2, 1)]:
        plain = list(all_instances(n))
        assert least_depths(n, k, s, bits, instance_classes(n)) == least_depths(n, k, s, bits, plain)


def test_chain_shapes_agree_with_classes() -> None:
    for n, k, s, bits in [(5, 2, 1, 1), (5, 3, 2, 2)]:
        window = -(-3 // bits)
        for spec in FAMILY:
            model, plan = spec.build(n, k, s, 1, 1, bits)
            on_classes = evaluate_protocol(model, k, s, window, plan.depth, instance_classes(n), Budget())
            on_shapes = evaluate_protocol(model, k, s, window, plan.depth, chain_shape_instances(n, k), Budget())
            assert on_shapes.depth == on_classes.depth, (n, k, s, bits, spec.name)
            assert (on_shapes.window_instance is None) == (on_classes.window_instance is None)


def test_controllers_are_locality_respecting() -> None:
    # States over pointers 0..2 and marks 0..2 (index and buffers unused by the controller).
    alphabet = [
        SegmentState(0, pointer, mark, 0, 0, 0) for pointer, mark in itertools.product(range(3), range(3))
    ]
    for identify in (RELAY, MARK):
        model, plan = segment_protocol(3, 3, 2, 1, 1, 1, 2, identify)
        assert find_controller_violation(model.controller, 3, alphabet, plan.depth) is None


def test_decoder_waits_for_every_chunk() -> None:
    # Without its last chunk the answer is unknown, so one layer less than the schedule
    # fails on some instance: the least depth is the scheduled depth, not below it.
    model, plan = BY_NAME["windowed marking"].build(4, 2, 1, 1, 1, 1)
    outcome = evaluate_protocol(model, 2, 1, 2, plan.depth, instance_classes(4), Budget())
    assert outcome.depth == plan.depth == 3


def test_marking_breaks_the_window_property() -> None:
    # n = 16, k = 4, s = 1, b = 1: W = 4 and marking needs 4 - 1 + 4 = 7 layers. It caches
    # t_0, t_1, t_2, t_3 at layers 0-3, so window [0, 4) caches hops 1, 2, 3 for the first
    # time: 3 > s = 1. Cycles only add hops to that window, so no instance has the property.
    model, plan = BY_NAME["windowed marking"].build(16, 4, 1, 1, 1, 1)
    outcome = evaluate_protocol(model, 4, 1, 4, plan.depth, chain_shape_instances(16, 4), Budget())
    assert outcome.depth == 7
    assert outcome.window_instance is None


def test_relay_keeps_the_window_property() -> None:
    # Windowed relay with s = 1 caches t_j during layers 4j..4j+3, one new hop per window.
    # On a chain that returns to x after 4 hops, hop 4 is x, cached in window 0 with no
    # other hop, so that instance has the property.
    model, plan = BY_NAME["windowed relay"].build(16, 4, 1, 1, 1, 1)
    outcome = evaluate_protocol(model, 4, 1, 4, plan.depth, chain_shape_instances(16, 4), Budget())
    assert outcome.depth == 16
    assert outcome.window_instance is not None


def test_window_property_counts_hop_indices() -> None:
    # Chain 1 → 2 → 3 of k = 2 hops (tokens 2 and 3), window W = 2, s = 1.
    crowded = InstanceRun(f=(0, 2, 3, 3), x=1, correct=(), first_cache=(None, 0, 1, 1))
    assert not has_window_property(crowded, k=2, s=1, depth=4, window=2)  # hops 1, 2 both in [0, 2)
    spread = InstanceRun(f=(0, 2, 3, 3), x=1, correct=(), first_cache=(None, 0, 1, 2))
    assert has_window_property(spread, k=2, s=1, depth=4, window=2)  # one hop in [0, 2), one in [2, 4)
    assert not has_window_property(spread, k=2, s=1, depth=2, window=2)  # hop 2 not cached below 2
    with pytest.raises(ValueError, match="window=0"):
        has_window_property(spread, k=2, s=1, depth=4, window=0)


def test_empty_instance_set_is_rejected() -> None:
    model, plan = BY_NAME["windowed marking"].build(4, 1, 1, 1, 1, 1)
    with pytest.raises(ValueError, match="no instances"):
        evaluate_protocol(model, 1, 1, 2, plan.depth, [], Budget())


def test_invalid_protocol_parameters() -> None:
    with pytest.raises(ValueError, match="segment=3"):
        segment_protocol(4, 2, 2, 1, 1, 1, 3, MARK)
    with pytest.raises(ValueError, match="identify='carrier'"):
        segment_protocol(4, 2, 2, 1, 1, 1, 2, "carrier")


def test_relay_respects_its_query() -> None:
    for name in ("sequential relay", "windowed relay"):
        model, plan = BY_NAME[name].build(5, 3, 2, 1, 1, 1)
        outcome = evaluate_protocol(
            model, 3, 2, 3, plan.depth, instance_classes(5), Budget(), query=segment_query(5, 1, 1, RELAY),
        )
        assert outcome.query_limited, outcome.query_violation


def test_marking_needs_whole_index() -> None:
    # With m·p = 1 a query takes 2 values, but marking must tell 4 receivers apart.
    assert segment_query(4, 1, 1, MARK) is None
    # With m·p = 2 the index itself fits in the query, and the runs respect it.
    query = segment_query(4, 1, 2, MARK)
    model, plan = BY_NAME["windowed marking"].build(4, 2, 1, 1, 1, 2)
    outcome = evaluate_protocol(model, 2, 1, 1, plan.depth, instance_classes(4), Budget(), query=query)
    assert outcome.query_limited


def test_broken_query_is_detected() -> None:
    # A constant query claims every receiver gets the same message, but the output receives
    # answer chunks that the other positions do not.
    model, plan = BY_NAME["windowed relay"].build(4, 1, 1, 1, 1, 1)
    outcome = evaluate_protocol(
        model, 1, 1, 2, plan.depth, instance_classes(4), Budget(), query=lambda layer, head, state: 0,
    )
    assert not outcome.query_limited
    assert outcome.query_violation["messages"][0] != outcome.query_violation["messages"][1]
