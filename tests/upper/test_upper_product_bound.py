"""The marker relay against the conjectured product bound, where the conjecture's hypotheses hold.

At n = 2^W tokens, k = W hops, s = 1 and m·p = 1, the hypotheses n ≥ 4k and 16·s² ≤ n hold
for W ≥ 4, the product bound is k·W = W², and the marker relay needs k - 1 + W = 2W - 1
layers. So L·c ≥ W² fails for every constant c once W > 2c. Exhaustive runs are out of
reach at n = 16 (16^16 maps), so the model is run on sampled instances there; its
correctness argument does not depend on n and is checked exhaustively for n ≤ 4 elsewhere.
"""

from __future__ import annotations

import random

from pybridge.checks import formulas
from pybridge.upper.marker_relay import build_marker_relay, marker_relay_depth

N, K, S, M, P = 16, 4, 1, 1, 1


def follow(f: list[int], k: int, x: int) -> int:
    for _ in range(k):
        x = f[x]
    return x


def sampled_instances(count: int) -> list[tuple[list[int], int]]:
    generator = random.Random(20260420)
    instances = [(list(range(1, N)) + [N - 1], 0), (list(range(N)), 5)]
    for _ in range(count):
        instances.append(([generator.randrange(N) for _ in range(N)], generator.randrange(N)))
    return instances


def first_cache_layer(caches: list[list[int]], token: int) -> int:
    return next((layer for layer, cache in enumerate(caches) if token in cache), len(caches))


def test_hypotheses_hold_at_sampled_point() -> None:
    assert 4 * K <= N
    assert 16 * S * S <= N


def test_marker_relay_below_half_product_bound() -> None:
    # ⌈log₂ 16⌉ = 4, so W = 4 and the depth is 3 + 4 = 7, while ⌈4/1⌉·⌈4/1⌉ = 16 > 2·7.
    depth = marker_relay_depth(N, K, S, M, P)
    product = int(formulas.product_bound(N, K, S, 1, M, P))
    assert depth == 7
    assert product == 16
    assert 2 * depth < product


def test_marker_relay_solves_sampled_instances() -> None:
    model = build_marker_relay(N, K, S, M, P)
    depth = marker_relay_depth(N, K, S, M, P)
    for f, x in sampled_instances(200):
        assert model.answer(depth, f, x) == follow(f, K, x), (f, x)


def test_first_window_caches_several_new_chain_tokens() -> None:
    # The first W = 4 layers cache c_0, c_1, c_2, c_3, so on a chain without repeats the
    # window [0, 4) caches the hop tokens c_1, c_2, c_3 for the first time: 3 > s = 1.
    model = build_marker_relay(N, K, S, M, P)
    depth = marker_relay_depth(N, K, S, M, P)
    f, x = list(range(1, N)) + [N - 1], 0
    trace = model.run(f, x, depth)
    caches = [model.cache(layer, states) for layer, states in enumerate(trace[:-1])]
    new_in_first_window = [t for t in range(1, K + 1) if first_cache_layer(caches, follow(f, t, x)) < 4]
    assert new_in_first_window == [1, 2, 3]


def test_family_breaks_every_constant() -> None:
    # n stays at most 2^12 because formulas.clog2 builds a lookup table of size about n.
    for width in range(4, 13):
        n, k = 2**width, width
        assert 4 * k <= n
        assert 16 <= n
        depth = marker_relay_depth(n, k, 1, 1, 1)
        product = int(formulas.product_bound(n, k, 1, 1, 1, 1))
        assert depth == 2 * width - 1
        assert product == width * width
    # With c = 5 the bound c·L ≥ W² fails at W = 12: 5·23 = 115 < 144.
    assert 5 * marker_relay_depth(2**12, 12, 1, 1, 1) < int(formulas.product_bound(2**12, 12, 1, 1, 1, 1))
