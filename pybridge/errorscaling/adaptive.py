"""Exact maximum success count of adaptive, locality-respecting caches.

Before stage i the cache has seen the pairs (j, f(j)) of every token j it cached in stages
1..i-1, and nothing else. A strategy maps that information to the cache C_i. The search
below walks the game tree: a node is an information class, the set of maps that reveal
the same pairs and succeeded in every earlier stage. A deterministic strategy fixes C_1, so
at every later stage distinct histories reveal distinct pair sets, and the strategy may
choose each node's cache independently. The best strategy therefore takes, at every node,
the cache whose subtree counts the most successful maps. Randomised strategies average
deterministic ones, so they cannot do better.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from pybridge.errorscaling.chains import (
    Cache,
    all_pointer_maps,
    caches_of_size,
    chain_tokens,
    validate_parameters,
)
from pybridge.errorscaling.limits import check_map_count, check_node_count, check_stage_count


@dataclass(frozen=True)
class AdaptiveOptimum:
    """The maximum success count of an adaptive cache for (n, s, T)."""

    n: int
    s: int
    stages: int
    count: int
    """Number of maps, out of n^n, on which the best strategy succeeds."""
    nodes_searched: int
    """Information classes at which the search compared caches."""

    @property
    def probability(self) -> Fraction:
        return Fraction(self.count, self.n**self.n)


class _GameTree:
    """The maps and chains of one (n, s, T) with a branch-and-bound search over strategies."""

    def __init__(self, n: int, s: int, stages: int, later_size: int) -> None:
        self.stages = stages
        self.maps = all_pointer_maps(n)
        self.chains = [chain_tokens(f, stages) for f in self.maps]
        self.caches = caches_of_size(n, later_size)
        self.n = n
        self.s = s
        self.nodes = 0

    def best_count(self, stage: int, members: list[int], caches: Sequence[Cache]) -> int:
        """Return the most maps of `members` that any strategy makes succeed from `stage` on.

        `members` are the indices of the maps of one information class at the start of
        `stage` (0-based). A cache C can make at most the members with y_{stage+1} ∈ C
        succeed, so the caches are tried in decreasing order of that bound and the search
        stops once the bound cannot beat the best count found. The bound only prunes
        caches that cannot win, so the result is the exact maximum.
        """
        self.nodes += 1
        check_node_count(self.nodes, self.n, self.s, self.stages)
        histogram = [0] * self.n
        for member in members:
            histogram[self.chains[member][stage]] += 1
        bounds = [(sum(histogram[token] for token in cache), cache) for cache in caches]
        bounds.sort(key=lambda pair: pair[0], reverse=True)
        if stage == self.stages - 1:
            return bounds[0][0]

        best = 0
        for bound, cache in bounds:
            if bound <= best:
                break
            cached = frozenset(cache)
            classes: dict[tuple[int, ...], list[int]] = {}
            for member in members:
                if self.chains[member][stage] in cached:
                    f = self.maps[member]
                    classes.setdefault(tuple(f[token] for token in cache), []).append(member)
            count = sum(self.best_count(stage + 1, group, self.caches) for group in classes.values())
            best = max(best, count)
        return best


def first_cache_representatives(n: int, s: int) -> list[Cache]:
    """Return one first cache of min(s, n) tokens per symmetry class: with and without 0.

    A permutation σ of the tokens that fixes 0 turns a strategy into one that caches σ(C)
    wherever the first caches C, and the map f into σ∘f∘σ⁻¹, so both strategies succeed on
    equally many maps. Two first caches of the same size are related by such a σ exactly
    when both or neither contain 0.
    """
    size = min(s, n)
    representatives = [tuple(range(size))]
    if size < n and size > 0:
        representatives.append(tuple(range(1, size + 1)))
    return representatives


def max_adaptive_success(
    n: int, s: int, stages: int, reduce_symmetry: bool = True, later_size: int | None = None
) -> AdaptiveOptimum:
    """Find the maximum success count over all adaptive strategies for (n, s, T), T ≥ 1.

    The first cache has at most s tokens, and so has every later cache unless
    `later_size` sets another maximum for stages 2..T. With `reduce_symmetry`, the first
    cache is tried once per symmetry class (see `first_cache_representatives`). Later
    caches always run over every cache. Raises `EnumerationTooLarge` when T or the n^n
    maps exceed the limits of `limits.py`, and during the search once it has visited more
    nodes than they allow.
    """
    validate_parameters(n, s, stages)
    if stages < 1:
        raise ValueError(f"T={stages} is invalid; the adaptive search needs at least one stage")
    later_size = s if later_size is None else later_size
    validate_parameters(n, later_size, stages)
    check_stage_count(stages)
    check_map_count(n)
    tree = _GameTree(n, s, stages, later_size)
    if reduce_symmetry:
        first_caches = first_cache_representatives(n, s)
    else:
        first_caches = caches_of_size(n, s)
    count = tree.best_count(0, list(range(len(tree.maps))), first_caches)
    return AdaptiveOptimum(n, s, stages, count, tree.nodes)
