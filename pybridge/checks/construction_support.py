"""Helpers shared by the checkers of the explicit constructions in `CacheDepth/UpperBound/`.

Each helper restates a Lean definition (`chunkCount`, `chunkMessage`, `natToken`) from the
searched ceiling logarithm and plain integer arithmetic, so the checkers do not reuse the
mirror's bit helpers for their expectations.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pybridge.checks.controller_support import Tally
from pybridge.checks.enumeration import hop_naive
from pybridge.checks.formulas import ceil_div, clog2_by_search
from pybridge.checks.result import CheckResult
from pybridge.model.transformer import CacheTransformer, all_instances

WIDTHS = (1, 2)
"""The message widths m·p of the construction runs (m = 1, p = width)."""


def chunk_count(n: int, width: int) -> int:
    """Return ⌈⌈log₂ n⌉ / width⌉ from the searched ceiling logarithm."""
    return int(ceil_div(clog2_by_search(n), width))


def digit(value: int, chunk: int, width: int) -> int:
    """Return digit `chunk` of `value` in base 2^width, as `chunkMessage` defines it."""
    return value // (2 ** width) ** chunk % 2 ** width


def nat_token(r: int, default: int, n: int) -> int:
    """Return `natToken r d`: r when r < n, else d."""
    return r if r < n else default


def construction_runs(
    max_n: int,
    max_k: int,
    cache_sizes: Callable[[int], Iterable[int]],
    build: Callable[[int, int, int, int, int], CacheTransformer],
    depth: Callable[[int, int, int, int], int],
) -> Iterator[tuple]:
    """Yield (n, s, width, k, model, f, x, run) for every run of one construction.

    The runs cover 2 ≤ n ≤ max_n, the cache sizes `cache_sizes(n)`, the widths `WIDTHS`, hop
    counts 1..max_k and every instance (f, x). `build(n, k, s, m, p)` builds the model and
    `depth(n, k, s, width)` gives the layers to run, so `run` lists the states after 0..depth.
    """
    for n in range(2, max_n + 1):
        for s, width, k in itertools.product(cache_sizes(n), WIDTHS, range(1, max_k + 1)):
            model = build(n, k, s, 1, width)
            layers = depth(n, k, s, width)
            for f, x in all_instances(n):
                yield n, s, width, k, model, f, x, model.run(f, x, layers)


def check_final_answers(statement: str, runs: Iterable[tuple], domain: str) -> CheckResult:
    """Check that the last state of every run decodes to hop f k x at every output position.

    `runs` yields (n, s, width, k, model, f, x, run), where `run` lists the state vectors.
    The states have `index` and `answer` fields, and the decoder is `natToken answer index`.
    """
    tally = Tally()
    for n, s, width, k, _model, f, x, run in runs:
        answer = hop_naive(f, k, x)
        for output in range(n):
            final = run[-1][output]
            parameters: dict[str, Any] = {"n": n, "s": s, "m·p": width, "k": k, "output": output,
                                          "f": list(f), "x": x}
            tally.add(True, nat_token(final.answer, final.index, n) == answer, parameters)
    return tally.result(statement, domain)
