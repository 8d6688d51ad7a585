"""The guess-walk model: locality-respecting and correct, yet some chain tokens stay uncached."""

from __future__ import annotations

import itertools

import pytest

from pybridge.checks.enumeration import hop_naive
from pybridge.model.guess_walk import WalkState, build_guess_walk, guess_walk_depth
from pybridge.model.locality import find_controller_violation
from pybridge.model.transformer import all_instances

# Pointers that match and miss the guess t + 1, with and without the start flag.
ALPHABET = tuple(
    WalkState(0, pointer, is_start, answer)
    for pointer, is_start, answer in itertools.product(range(3), (False, True), (0, 1))
)


@pytest.mark.parametrize("n, k, s", [(3, 1, 1), (3, 2, 2), (3, 2, 3)])
def test_controller_is_local(n: int, k: int, s: int) -> None:
    model = build_guess_walk(n, k, s, 1, 1)
    # The state vectors index positions by place, so each alphabet entry's index field is unused.
    assert find_controller_violation(model.controller, n, ALPHABET, 1) is None


@pytest.mark.parametrize("n, k, width", [(2, 1, 1), (3, 2, 1), (4, 3, 1), (4, 3, 2), (4, 2, 1)])
def test_answers_every_instance(n: int, k: int, width: int) -> None:
    model = build_guess_walk(n, k, k, 1, width)
    depth = guess_walk_depth(n, 1, width)
    for f, x in all_instances(n):
        assert model.answer(depth, f, x) == hop_naive(f, k, x), (f, x)


def test_chain_tokens_stay_uncached_on_the_guessed_chain() -> None:
    n, k = 4, 3
    model = build_guess_walk(n, k, k, 1, 1)
    f = (1, 2, 3, 0)
    run = model.run(f, 0, guess_walk_depth(n, 1, 1))
    caches = [model.controller(layer, states) for layer, states in enumerate(run)]
    assert all(cache == [0] for cache in caches)
    # The chain is 0, 1, 2, 3: the chain tokens 1 and 2 are never cached, yet the answer is right.
    assert model.answer(len(run) - 1, f, 0) == 3


def test_redirected_chain_token_gets_cached() -> None:
    # Redirecting chain token 1 to a self-loop makes its pointer differ from the guess 2.
    n, k = 4, 3
    model = build_guess_walk(n, k, k, 1, 1)
    f = (1, 1, 3, 0)
    states = model.run(f, 0, 0)[0]
    assert model.controller(0, states) == [0, 1]
    assert model.answer(guess_walk_depth(n, 1, 1), f, 0) == 1


def test_small_cache_is_rejected() -> None:
    with pytest.raises(ValueError, match="s=1 is too small"):
        build_guess_walk(4, 2, 1, 1, 1)


def test_walk_without_verification_is_not_local() -> None:
    # Following two pointers from the start without caching the token in between reads an
    # uncached pointer: the locality search must reject it.
    def unverified(layer, states):
        head = next((i for i, state in enumerate(states) if state.is_start), None)
        if head is None:
            return []
        middle = states[head].pointer
        return [head, states[middle].pointer] if states[middle].pointer != head else [head]

    assert find_controller_violation(unverified, 3, ALPHABET, 1) is not None
