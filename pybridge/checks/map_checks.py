"""Evaluate a statement about pointer maps on every map, start token and hop-count tuple.

A statement is checked for each token count n = 1..max_n on all n^n maps and all n starts
at once: NumPy arrays of shape (M, n) hold one value per map r and start x. The hop counts
that a statement quantifies over run through 0..max_hops in a Python loop.

Enumeration order, which decides the reported counterexample, is: n, then the map f
(lexicographic in its list of images), then the start x, then the hop counts in the order
the statement binds them.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from pybridge.checks.enumeration import all_pointer_maps, hop_table
from pybridge.checks.result import CheckLimits, CheckResult, make_result

Mask = np.ndarray | bool
"""A boolean array of shape (M, n), or one bool for every map and start."""
Evaluation = tuple[Mask, Mask]
"""The hypothesis mask and the conclusion mask of one hop-count tuple."""


class MapFamily:
    """All pointer maps on n tokens, their hops from every start, and derived masks.

    Arrays are read-only because families are cached and shared between checkers.
    """

    def __init__(self, n: int, k_max: int) -> None:
        self.n = n
        self.maps = all_pointer_maps(n)
        self.hops = hop_table(self.maps, k_max)
        self.shape: tuple[int, int] = self.maps.shape
        self.starts = np.broadcast_to(np.arange(n, dtype=self.maps.dtype), self.shape)
        self._flat_maps = self.maps.ravel()
        self._row_offsets = (np.arange(self.shape[0], dtype=np.int64) * n)[:, None]
        self._simple: dict[int, np.ndarray] = {}
        for array in (self.maps, self.hops):
            array.flags.writeable = False

    @property
    def k_max(self) -> int:
        """Largest hop count stored in the table."""
        return self.hops.shape[0] - 1

    def hop(self, k: int) -> np.ndarray:
        """Return f^[k] x for every map f and start x, computed by the table's recursion."""
        if k > self.k_max:
            raise ValueError(f"hop count {k} exceeds the table's k_max={self.k_max}")
        return self.hops[k]

    def hop_from(self, k: int, tokens: np.ndarray) -> np.ndarray:
        """Return f^[k] y where y = tokens[r, x] and f is map r."""
        return np.take(self.hop(k).ravel(), self._row_offsets + tokens)

    def step(self, tokens: np.ndarray) -> np.ndarray:
        """Return f y where y = tokens[r, x] and f is map r."""
        return np.take(self._flat_maps, self._row_offsets + tokens)

    def is_simple_chain(self, k: int) -> np.ndarray:
        """Return the mask of `IsSimpleChain f x k`: hop i x = hop j x with i, j ≤ k forces i = j.

        The mask is computed from the definition over all ordered pairs (i, j), not from the
        mask of k - 1, so that `IsSimpleChain.mono` is not built into it.
        """
        if k not in self._simple:
            simple = np.ones(self.shape, dtype=bool)
            for i in range(k + 1):
                for j in range(k + 1):
                    if i != j:
                        simple &= self.hop(i) != self.hop(j)
            simple.flags.writeable = False
            self._simple[k] = simple
        return self._simple[k]

    def chain_is_nodup(self, k: int) -> np.ndarray:
        """Return the mask of `(chain f x k).Nodup`, from the sorted chain's neighbours."""
        chain = np.sort(self.hops[: k + 1], axis=0)
        return np.all(chain[1:] != chain[:-1], axis=0)


@functools.lru_cache(maxsize=8)
def map_family(n: int, k_max: int) -> MapFamily:
    """Return the cached family of all pointer maps on n tokens with hops up to k_max."""
    return MapFamily(n, k_max)


def describe_map_domain(
    limits: CheckLimits, params: Sequence[str], max_n: int | None = None
) -> str:
    """Return the domain sentence of a map enumeration over `params` ≤ max_hops."""
    top = limits.max_n if max_n is None else max_n
    sentence = f"all maps Fin n → Fin n for 1 ≤ n ≤ {top}, all starts x"
    if params:
        sentence += f", all {', '.join(params)} ≤ {limits.max_hops}"
    return sentence


class FirstFailure:
    """The count of instances and the earliest failing instance of a map enumeration."""

    def __init__(self) -> None:
        self.instances = 0
        self._key: tuple[int, ...] | None = None
        self.counterexample: dict[str, Any] | None = None

    def add(
        self, family: MapFamily, values: Mapping[str, int], hypothesis: Mask, conclusion: Mask
    ) -> None:
        """Count the instances that satisfy `hypothesis` and record the earliest failure."""
        if np.ndim(hypothesis) == 0 and not hypothesis:
            return
        hypothesis = np.broadcast_to(hypothesis, family.shape)
        conclusion = np.broadcast_to(conclusion, family.shape)
        if hypothesis.dtype != np.bool_ or conclusion.dtype != np.bool_:
            raise TypeError(
                f"masks of dtype {hypothesis.dtype} and {conclusion.dtype} for {dict(values)}; "
                "expected bool, because ~ on integers is a bitwise complement"
            )
        self.instances += int(np.count_nonzero(hypothesis))
        failing = hypothesis & ~conclusion
        if not failing.any():
            return
        row, start = divmod(int(np.argmax(failing)), family.n)
        key = (family.n, row, start, *values.values())
        if self._key is None or key < self._key:
            self._key = key
            self.counterexample = {
                "n": family.n,
                "f": family.maps[row].tolist(),
                "x": start,
                **{name: int(value) for name, value in values.items()},
            }


def check_maps(
    statement: str,
    limits: CheckLimits,
    params: Sequence[str],
    evaluate: Callable[[MapFamily, Mapping[str, int]], Evaluation],
    hypotheses: str | None = None,
) -> CheckResult:
    """Check `evaluate` on all maps for n = 1..max_n, all starts and all `params` ≤ max_hops.

    `evaluate(family, values)` returns the hypothesis and conclusion masks for one tuple of
    hop counts. The family's hop table reaches 2·max_hops, so a statement may use hop
    counts such as a + b. `hypotheses` is appended to the domain sentence.
    """
    failure = FirstFailure()
    for n in range(1, limits.max_n + 1):
        family = map_family(n, 2 * limits.max_hops)
        for values in itertools.product(range(limits.max_hops + 1), repeat=len(params)):
            assignment = dict(zip(params, values))
            hypothesis, conclusion = evaluate(family, assignment)
            failure.add(family, assignment, hypothesis, conclusion)

    domain = describe_map_domain(limits, params)
    if hypotheses:
        domain += f", with {hypotheses}"
    return make_result(statement, failure.instances, domain, failure.counterexample)
