"""Run a construction on every instance and check its answer, its cache sizes and its depth.

For each pointer map f on n tokens and each start x, the model runs exactly
`depth(n, k, s, m, p)` layers. The check compares the decoded answer with f^[k] x taken from
`hop_table`, which iterates the maps with NumPy and shares no code with the models; it
records the largest cache any layer used; and it decodes the output position after one
layer fewer, to confirm that the depth cannot be lowered for this construction.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from pybridge.checks.enumeration import all_pointer_maps, hop_table
from pybridge.model.transformer import CacheTransformer, StateVector
from pybridge.upper.constructions import Construction


@dataclass(frozen=True)
class Verification:
    """The outcome of running one construction on every instance of one parameter point."""

    construction: str
    n: int
    k: int
    s: int
    m: int
    p: int
    depth: int
    instances: int
    max_cache: int
    """The largest number of positions that the controller cached at any layer of any run."""
    counterexample: dict[str, Any] | None
    """The first instance, in lexicographic order of (f, x), answered wrongly after `depth` layers
    or on which the mirror raised `ValueError`."""
    fewer_layers_counterexample: dict[str, Any] | None
    """The first instance answered wrongly after depth - 1 layers; None when there is none or depth = 0."""

    @property
    def correct(self) -> bool:
        """Whether every instance was answered correctly."""
        return self.counterexample is None

    @property
    def cache_within_size(self) -> bool:
        """Whether no layer cached more than s positions."""
        return self.max_cache <= self.s

    @property
    def depth_is_exact(self) -> bool:
        """Whether one layer fewer answers some instance wrongly."""
        return self.fewer_layers_counterexample is not None

    @property
    def passed(self) -> bool:
        """Whether the construction is correct, within the cache size, and needs all its layers."""
        return self.correct and self.cache_within_size and self.depth_is_exact

    def to_json(self) -> dict[str, Any]:
        """Return the outcome as a JSON-serialisable dict."""
        return {
            "construction": self.construction,
            "depth": self.depth,
            "instances": self.instances,
            "max_cache": self.max_cache,
            "correct": self.correct,
            "cache_within_size": self.cache_within_size,
            "depth_is_exact": self.depth_is_exact,
            "passed": self.passed,
            "counterexample": self.counterexample,
            "fewer_layers_counterexample": self.fewer_layers_counterexample,
        }


def with_cache_sizes(model: CacheTransformer, sizes: list[int]) -> CacheTransformer:
    """Return a copy of `model` whose controller appends the length of every cache it returns to `sizes`."""
    controller = model.controller

    def recording_controller(layer: int, states: StateVector) -> list[int]:
        cache = list(controller(layer, states))
        sizes.append(len(cache))
        return cache

    return dataclasses.replace(model, controller=recording_controller)


def verify_construction(construction: Construction, n: int, k: int, s: int, m: int, p: int) -> Verification:
    """Run `construction` on all n^n · n instances and return what the module docstring checks.

    Raises `ValueError` when the construction is not defined for the parameters, and
    `EnumerationTooLarge` when n^n exceeds 10^7 maps.
    """
    if not construction.applies(n, k, s, m, p):
        raise ValueError(
            f"{construction.name} is not defined for n={n}, k={k}, s={s}, m={m}, p={p}; "
            f"it needs {construction.requirement}"
        )
    depth = construction.depth(n, k, s, m, p)
    sizes: list[int] = []
    model = with_cache_sizes(construction.build(n, k, s, m, p), sizes)
    maps = all_pointer_maps(n)
    answers = hop_table(maps, k)[k]

    instances = 0
    max_cache = 0
    counterexample = None
    fewer_layers_counterexample = None
    for row, pointer_map in enumerate(maps):
        f = tuple(int(token) for token in pointer_map)
        for x in range(n):
            instances += 1
            expected = int(answers[row, x])
            try:
                trace = model.run(f, x, depth)
            except ValueError as error:
                # The mirror raises when a cache exceeds s or a message is out of range.
                if counterexample is None:
                    counterexample = {"f": list(f), "x": x, "error": str(error)}
                continue
            finally:
                max_cache = max(max_cache, max(sizes, default=0))
                sizes.clear()

            answer = model.decode(trace[depth][model.output])
            if counterexample is None and answer != expected:
                counterexample = {"f": list(f), "x": x, "answer": answer, "expected": expected}
            if depth > 0 and fewer_layers_counterexample is None:
                early = model.decode(trace[depth - 1][model.output])
                if early != expected:
                    fewer_layers_counterexample = {
                        "f": list(f), "x": x, "answer": early, "expected": expected,
                    }

    return Verification(
        construction=construction.name,
        n=n,
        k=k,
        s=s,
        m=m,
        p=p,
        depth=depth,
        instances=instances,
        max_cache=max_cache,
        counterexample=counterexample,
        fewer_layers_counterexample=fewer_layers_counterexample,
    )
