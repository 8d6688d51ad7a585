"""Every construction answers f^[k] x on every instance, within the cache size, using all its layers."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from pybridge.model.transformer import all_instances
from pybridge.upper import CONSTRUCTIONS, verify_construction
from pybridge.upper.doubling import build_doubling, doubling_depth
from pybridge.upper.marker_relay import build_marker_relay, marker_relay_depth
from pybridge.upper.pointer_relay import build_pointer_relay
from pybridge.upper.readout import build_readout

BY_NAME = {construction.name: construction for construction in CONSTRUCTIONS}
ANY_CACHE = ("pointer relay", "marker relay", "windowed marking")
FULL_CACHE = ("doubling", "readout")

# Models for any cache size: every n ≤ 3, and n = 4 on a sparser grid to stay within the time budget.
RELAY_POINTS = [
    (n, k, s, bandwidth)
    for n, k, s, bandwidth in itertools.product((2, 3), (1, 2, 3, 4), (1, 2, 3), (1, 2, 3))
] + [(4, k, s, bandwidth) for k, s, bandwidth in itertools.product((1, 2, 3, 4), (1, 3), (1, 2))]
# The full-cache models need s ≥ n; s = n + 1 checks that a larger cache changes nothing.
FULL_CACHE_POINTS = [
    (n, k, s, bandwidth)
    for n in (2, 3, 4)
    for k, bandwidth in itertools.product((1, 2, 3, 4), (1, 2))
    for s in (n, n + 1)
]


def follow(f: tuple[int, ...], k: int, x: int) -> int:
    for _ in range(k):
        x = f[x]
    return x


def assert_passes(name: str, n: int, k: int, s: int, bandwidth: int) -> None:
    result = verify_construction(BY_NAME[name], n, k, s, 1, bandwidth)
    assert result.instances == n**n * n
    assert result.counterexample is None, result.counterexample
    assert result.max_cache <= s
    assert result.fewer_layers_counterexample is not None
    assert result.passed


@pytest.mark.parametrize("name", ANY_CACHE)
def test_any_cache_models_solve_every_instance(name: str) -> None:
    for n, k, s, bandwidth in RELAY_POINTS:
        assert_passes(name, n, k, s, bandwidth)


@pytest.mark.parametrize("name", FULL_CACHE)
def test_full_cache_models_solve_every_instance(name: str) -> None:
    for n, k, s, bandwidth in FULL_CACHE_POINTS:
        assert_passes(name, n, k, s, bandwidth)


def test_marker_relay_answers_by_direct_run() -> None:
    # Checks the answer with the mirror's own `answer` and a loop in this file, without
    # the verification module.
    n, k, s, m, p = 3, 3, 1, 1, 1
    model = build_marker_relay(n, k, s, m, p)
    depth = marker_relay_depth(n, k, s, m, p)
    for f, x in all_instances(n):
        assert model.answer(depth, f, x) == follow(f, k, x), (f, x)


def test_doubling_answers_by_direct_run() -> None:
    n, k, s, m, p = 3, 4, 3, 1, 2
    model = build_doubling(n, k, s, m, p)
    depth = doubling_depth(n, k, s, m, p)
    for f, x in all_instances(n):
        assert model.answer(depth, f, x) == follow(f, k, x), (f, x)


def test_relay_caches_hold_chain_token() -> None:
    # On the chain 0 → 1 → 2 → 3 the marker relay caches c_0, c_1, c_2 and then keeps c_2
    # while it sends the answer; with s = 1 the cache is exactly that token.
    f, x = (1, 2, 3, 3), 0
    model = build_marker_relay(4, 3, 1, 1, 1)
    trace = model.run(f, x, 4)
    caches = [model.cache(layer, states) for layer, states in enumerate(trace[:-1])]
    assert caches == [[0], [1], [2], [2]]


def test_full_cache_models_reject_small_cache() -> None:
    for build in (build_doubling, build_readout):
        with pytest.raises(ValueError, match="s ≥ 4"):
            build(4, 2, 3, 1, 1)


@pytest.mark.parametrize("build", [build_pointer_relay, build_marker_relay])
def test_constructions_reject_invalid_parameters(build) -> None:
    for n, k, s, m, p in [(1, 1, 1, 1, 1), (3, 0, 1, 1, 1), (3, 1, 0, 1, 1), (3, 1, 1, 0, 1)]:
        with pytest.raises(ValueError, match="invalid"):
            build(n, k, s, m, p)


def test_verification_finds_wrong_answer() -> None:
    # A marker relay built for k = 2 but checked as a k = 3 construction answers f^[2] x.
    wrong = dataclasses.replace(
        BY_NAME["marker relay"],
        build=lambda n, k, s, m, p: build_marker_relay(n, k - 1, s, m, p),
    )
    result = verify_construction(wrong, 3, 3, 1, 1, 1)
    assert result.counterexample is not None
    assert not result.passed


def test_verification_finds_oversized_cache() -> None:
    # The marker relay built with cache size 2 but checked against s = 1.
    oversized = dataclasses.replace(
        BY_NAME["marker relay"],
        build=lambda n, k, s, m, p: dataclasses.replace(
            build_marker_relay(n, k, s + 1, m, p), s=s
        ),
    )
    result = verify_construction(oversized, 3, 2, 1, 1, 1)
    assert result.max_cache == 2
    assert not result.cache_within_size
    assert result.counterexample is not None
    assert "cache size is s=1" in result.counterexample["error"]


def test_verification_finds_spare_layer() -> None:
    padded = dataclasses.replace(
        BY_NAME["marker relay"],
        depth=lambda n, k, s, m, p: marker_relay_depth(n, k, s, m, p) + 1,
    )
    result = verify_construction(padded, 3, 2, 1, 1, 1)
    assert result.correct
    assert not result.depth_is_exact
    assert not result.passed


def test_verification_rejects_inapplicable_construction() -> None:
    with pytest.raises(ValueError, match="needs s ≥ n"):
        verify_construction(BY_NAME["readout"], 4, 2, 2, 1, 1)
