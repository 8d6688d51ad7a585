"""Tests of the Cache-Transformer mirror and the chain-follower example."""

from __future__ import annotations

import dataclasses
import itertools
from fractions import Fraction

import numpy as np
import pytest

from pybridge.model import CacheTransformer, all_instances, chain_follower, hop


def copy_model(cache: list[int], message_value: int = 0, s: int = 1) -> CacheTransformer[int]:
    """Build a model on two tokens whose state is a token and whose one head copies a state.

    Every state starts as the position's pointer, plus 10 at the start position. The
    controller caches `cache`, and the head sends the state of the first cached position,
    or `message_value` when the cache is empty. The update replaces the state with the
    message, and the decoder reduces the output state modulo 2.
    """

    def message(layer: int, head: int, state: int, view: tuple[tuple[int, int], ...]) -> int:
        return view[0][1] if view else message_value

    return CacheTransformer(
        n=2,
        s=s,
        H=1,
        m=2,
        p=3,
        init=lambda index, pointer, is_start: pointer + (10 if is_start else 0),
        controller=lambda layer, states: list(cache),
        message=message,
        update=lambda layer, state, messages: messages[0],
        output=0,
        decode=lambda state: state % 2,
    )


def test_copy_model_run_trace() -> None:
    model = copy_model([1])
    # f = [1, 0] and x = 1: position 0 points to 1, position 1 to 0 and is the start.
    trace = model.run([1, 0], 1, 2)
    assert trace == [(1, 10), (10, 10), (10, 10)]
    assert model.states_at([1, 0], 1, 1) == (10, 10)
    assert model.cache_trace([1, 0], 1, 0) == [1]
    assert model.cached_view(0, (1, 10)) == ((1, 10),)
    assert model.answer(0, [1, 0], 1) == 1
    assert model.answer(1, [1, 0], 1) == 0


def test_initial_states_mark_start() -> None:
    model = copy_model([1])
    assert model.initial_states([0, 1], 0) == (10, 1)
    assert model.initial_states([0, 1], 1) == (0, 11)


def test_chain_follower_answers_hops() -> None:
    model = chain_follower(3)
    f, x = [1, 2, 0], 0
    assert [model.answer(depth, f, x) for depth in range(5)] == [0, 1, 2, 0, 1]


def test_chain_follower_solves_k_with_k_layers() -> None:
    for n in (1, 2, 3):
        model = chain_follower(n)
        for k in (1, 2, 3):
            assert model.solves(k, k), (n, k)


def test_chain_follower_fails_other_hop_counts() -> None:
    model = chain_follower(3)
    assert not model.solves(1, 2)
    assert not model.solves(2, 1)
    assert not model.solves(0, 0)


def test_chain_follower_message_width() -> None:
    assert chain_follower(3).message_count == 4
    assert chain_follower(1).message_count == 1
    assert chain_follower(5).p == 3


def test_chain_follower_rejects_zero_tokens() -> None:
    with pytest.raises(ValueError, match="n=0 is invalid"):
        chain_follower(0)


def test_success_count_matches_brute_force() -> None:
    # With one layer the follower's answer is f x, right for 2 hops iff f x = f (f x).
    model = chain_follower(2)
    instances = list(all_instances(2))
    expected = sum(1 for f, x in instances if f[x] == f[f[x]])
    assert expected == 6
    assert model.success_count(1, 2, instances) == 6
    assert model.success_probability(1, 2, instances) == Fraction(3, 4)


def test_success_probability_is_fraction() -> None:
    probability = chain_follower(2).success_probability(1, 1, list(all_instances(2)))
    assert isinstance(probability, Fraction)
    assert probability == 1


def test_success_count_repeated_instance_counts_twice() -> None:
    model = chain_follower(2)
    instance = ((1, 0), 0)
    assert model.success_count(1, 1, [instance, instance]) == 2
    assert model.success_count(1, 2, [instance, instance]) == 0


def test_success_count_returns_int() -> None:
    count = chain_follower(2).success_count(1, 1, [((0, 0), 1)])
    assert type(count) is int


def test_success_probability_empty_list_raises() -> None:
    with pytest.raises(ValueError, match="empty"):
        chain_follower(2).success_probability(1, 1, [])


def test_solves_on_empty_list() -> None:
    assert chain_follower(2).solves_on(0, 3, [])


def test_hop_follows_lean_recursion() -> None:
    for f in itertools.product(range(3), repeat=3):
        for x in range(3):
            assert hop(f, 0, x) == x
            for k in range(4):
                assert hop(f, k + 1, x) == hop(f, k, f[x])


def test_all_instances_order_and_count() -> None:
    instances = list(all_instances(2))
    assert len(instances) == 8
    assert instances[:3] == [((0, 0), 0), ((0, 0), 1), ((0, 1), 0)]


def test_numpy_tokens_accepted() -> None:
    model = chain_follower(3)
    f = np.array([1, 2, 0])
    assert model.answer(2, f, np.int64(0)) == 2


def test_oversized_cache_raises() -> None:
    model = copy_model([0, 1], s=1)
    with pytest.raises(ValueError) as raised:
        model.run([0, 1], 0, 1)
    message = str(raised.value)
    assert "layer 0" in message
    assert "[0, 1]" in message
    assert "s=1" in message


def test_oversized_cache_raises_in_cache_trace() -> None:
    model = copy_model([0, 1], s=1)
    with pytest.raises(ValueError, match=r"layer 0: .*\[0, 1\]"):
        model.cache_trace([0, 1], 0, 0)


def test_cache_position_out_of_range_raises() -> None:
    model = copy_model([2], s=1)
    with pytest.raises(ValueError) as raised:
        model.answer(1, [0, 1], 0)
    message = str(raised.value)
    assert "layer 0" in message
    assert "[2]" in message
    assert "range(2)" in message


def test_cache_position_bool_raises() -> None:
    model = copy_model([True], s=1)
    with pytest.raises(ValueError, match="True"):
        model.run([0, 1], 0, 1)


def test_message_out_of_range_raises() -> None:
    # m · p = 6, so messages must lie in range(64).
    model = copy_model([], message_value=64)
    with pytest.raises(ValueError) as raised:
        model.run([0, 1], 0, 1)
    message = str(raised.value)
    assert "layer 0, head 0, position 0" in message
    assert "64" in message
    assert "range(2**(m*p)) = range(64)" in message


def test_message_at_upper_bound_accepted() -> None:
    model = copy_model([], message_value=63)
    assert model.states_at([0, 1], 0, 1) == (63, 63)


def test_message_negative_raises() -> None:
    model = copy_model([], message_value=-1)
    with pytest.raises(ValueError, match="message -1"):
        model.run([0, 1], 0, 1)


def test_decode_out_of_range_raises() -> None:
    model = CacheTransformer(
        n=2,
        s=0,
        H=0,
        m=0,
        p=0,
        init=lambda index, pointer, is_start: 0,
        controller=lambda layer, states: [],
        message=lambda layer, head, state, view: 0,
        update=lambda layer, state, messages: state,
        output=1,
        decode=lambda state: 5,
    )
    with pytest.raises(ValueError, match="decode returned 5"):
        model.answer(0, [0, 0], 0)


def test_invalid_instance_raises() -> None:
    model = chain_follower(2)
    with pytest.raises(ValueError, match="3 entries"):
        model.answer(1, [0, 1, 0], 0)
    with pytest.raises(ValueError, match="contains 2"):
        model.answer(1, [0, 2], 0)
    with pytest.raises(ValueError, match="x=2"):
        model.answer(1, [0, 1], 2)


def test_invalid_parameters_raise() -> None:
    with pytest.raises(ValueError, match="output=2"):
        dataclasses.replace(copy_model([0]), output=2)
    with pytest.raises(ValueError, match="s=-1"):
        copy_model([0], s=-1)
