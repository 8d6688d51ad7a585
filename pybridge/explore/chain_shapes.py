"""Instances up to everything off the chain: one instance per chain shape and output role.

The hypotheses of the product conjecture need n ≥ 16·s², far beyond exhaustive
enumeration. But the game and the segment protocols never read the pointer of a token
outside the chain x = t_0, t_1, …, t_k: the game is defined on the chain alone, and the
protocols cache only chain tokens, so only chain tokens' states reach a message. For such
an evaluation an instance is fixed up to relabelling by

* the shape of its chain: either t_0, …, t_k are distinct, or d ≤ k tokens t_0, …, t_{d-1}
  are distinct and t_d = t_μ for some μ < d (a tail of μ tokens and a cycle of d - μ);
* the role of the output position: off the chain, or equal to t_i for one i < d.

`chain_shape_instances` returns one instance per pair, with every token off the chain
pointing to itself, and the number of instances on n tokens that the pair stands for.
Those numbers add up to n^n · n (tested). The claim that an evaluation reads only chain
pointers is tested by comparing it on chain shapes with the exhaustive classes for n ≤ 5.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from pybridge.explore.symmetry import OUTPUT, InstanceClass


def chain_shapes(k: int) -> Iterator[tuple[int, int | None]]:
    """Yield (d, μ) for every chain shape of k hops: d distinct tokens, then t_d = t_μ.

    The shape with k + 1 distinct tokens has μ = None.
    """
    yield k + 1, None
    for distinct in range(1, k + 1):
        for loop_start in range(distinct):
            yield distinct, loop_start


def _ordered_choices(available: int, count: int) -> int:
    return math.perm(available, count) if 0 <= count <= available else 0


def chain_shape_instances(n: int, k: int) -> list[InstanceClass]:
    """Return one instance per chain shape and output role on n tokens, with its class size.

    A class whose shape needs more tokens than n have is left out. Raises `ValueError`
    when n < 1 or k < 0.
    """
    if n < 1 or k < 0:
        raise ValueError(f"n={n}, k={k} is invalid; chain shapes need n ≥ 1 and k ≥ 0")
    instances = []
    for distinct, loop_start in chain_shapes(k):
        fixed_pointers = distinct if loop_start is not None else distinct - 1
        free = n ** (n - fixed_pointers)
        for role in [None, *range(distinct)]:
            if role is None:
                tokens = list(range(1, distinct + 1))
                choices = _ordered_choices(n - 1, distinct)
            else:
                others = iter(range(1, distinct))
                tokens = [OUTPUT if index == role else next(others) for index in range(distinct)]
                choices = _ordered_choices(n - 1, distinct - 1)
            if choices == 0:
                continue
            f = list(range(n))
            for index in range(distinct - 1):
                f[tokens[index]] = tokens[index + 1]
            if loop_start is not None:
                f[tokens[distinct - 1]] = tokens[loop_start]
            instances.append(InstanceClass(tuple(f), tokens[0], choices * free))
    return instances
