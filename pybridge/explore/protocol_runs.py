"""Run a protocol on a set of instances: its least solving depth and the gap statement.

The least solving depth is the least L such that the answer after L layers is f^k(x) on
every instance of the set, as in `CacheDepth.CacheTransformer.Solves`. When a query is
given, every layer of every run is also checked against `CacheTransformer.IsQueryLimited`:
receivers with the same query must get the same message from the same cached view. The
check covers the states the runs reach, not every state the Lean definition quantifies
over, so it confirms the protocol's design on what is evaluated rather than proving it. The window
property is the body of `CacheDepth.WindowGap` for one instance: every hop token
f^t(x), 1 ≤ t ≤ k, is cached below L, and every aligned window [i·W, (i+1)·W) of layers
caches at most s of the hop indices t for the first time, with `firstCacheLayer` and
`newInWindow` as in `CacheDepth/Conjecture.lean`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pybridge.explore.budget import Budget
from pybridge.explore.symmetry import InstanceClass
from pybridge.model.transformer import CacheTransformer, hop, is_index


@dataclass(frozen=True)
class InstanceRun:
    """The outcome of one run on one instance: correctness per depth and first cache layers."""

    f: tuple[int, ...]
    x: int
    correct: tuple[bool, ...]
    """correct[L] is whether the answer after L layers is f^k(x), for L = 0..max depth."""
    first_cache: tuple[int | None, ...]
    """The first layer below the max depth whose cache contains each position, or None."""
    query_violation: dict[str, Any] | None = None
    """Two receivers with the same query and different messages, when the query was checked."""


@dataclass(frozen=True)
class ProtocolOutcome:
    """The least solving depth of a protocol on an instance set, and the gap statement there."""

    depth: int | None
    """The least L at which every instance is answered, or None within the max depth."""
    states: int
    window_instance: tuple[tuple[int, ...], int] | None
    """An instance (f, x) with the window property at `depth`, or None when none has it."""
    query_limited: bool
    """Whether a query was given and no run broke it."""
    query_violation: dict[str, Any] | None
    """The first run's counterexample to the query, if any."""


Query = Callable[[int, int, Any], int]
"""Maps a layer, a head and a receiver's state to its query."""


def find_query_violation(model: CacheTransformer, query: Query, trace: Sequence) -> dict[str, Any] | None:
    """Find the first layer of `trace` where two receivers share a query but not a message.

    A query outside range(2^(m·p)) also counts as a violation. Returns the violation as a
    dict, or None when every layer agrees.
    """
    for layer, states in enumerate(trace[:-1]):
        view = model.cached_view(layer, states)
        for head in range(model.H):
            messages: dict[int, tuple[int, int]] = {}
            for position, state in enumerate(states):
                key = query(layer, head, state)
                if not is_index(key, model.message_count):
                    return {"layer": layer, "head": head, "position": position, "query": key,
                            "problem": f"query outside range(2^(m·p)) = range({model.message_count})"}
                message = model.message(layer, head, state, view)
                first = messages.setdefault(key, (position, message))
                if first[1] != message:
                    return {"layer": layer, "head": head, "query": key, "positions": [first[0], position],
                            "messages": [first[1], message]}
    return None


def run_instance(
    model: CacheTransformer, k: int, f: Sequence[int], x: int, max_depth: int, query: Query | None = None,
) -> InstanceRun:
    """Run `model` for `max_depth` layers on (f, x) and record correctness and first cache layers.

    With a query, also record the first violation of the query on this run.

    Raises `ValueError` when the decoder returns a value that is not a token, and the
    errors of `CacheTransformer.run` (cache too large, message out of range).
    """
    trace = model.run(f, x, max_depth)
    target = hop(f, k, x)
    correct = []
    for states in trace:
        answer = model.decode(states[model.output])
        if not is_index(answer, model.n):
            raise ValueError(f"decode returned {answer!r} on f={list(f)}, x={x}; expected a token")
        correct.append(answer == target)

    first_cache: list[int | None] = [None] * model.n
    for layer in range(max_depth):
        for position in model.cache(layer, trace[layer]):
            if first_cache[position] is None:
                first_cache[position] = layer
    violation = None if query is None else find_query_violation(model, query, trace)
    if violation is not None:
        violation = {"f": list(f), "x": x, **violation}
    return InstanceRun(tuple(f), x, tuple(correct), tuple(first_cache), violation)


def has_window_property(run: InstanceRun, k: int, s: int, depth: int, window: int) -> bool:
    """Return whether the instance satisfies the body of `CacheDepth.WindowGap` at `depth` layers.

    `window` is W = `bandwidthDepth n H m p` and must be at least 1.
    """
    if window < 1:
        raise ValueError(f"window={window} is invalid; the window width W must be at least 1")

    def first_cache_layer(position: int) -> int:
        layer = run.first_cache[position]
        return depth if layer is None or layer >= depth else layer

    layers = [first_cache_layer(hop(run.f, t, run.x)) for t in range(1, k + 1)]
    if any(layer >= depth for layer in layers):
        return False
    counts: dict[int, int] = {}
    for layer in layers:
        counts[layer // window] = counts.get(layer // window, 0) + 1
    return all(count <= s for count in counts.values())


def evaluate_protocol(
    model: CacheTransformer, k: int, s: int, window: int, max_depth: int,
    instances: Iterable[InstanceClass], budget: Budget, query: Query | None = None,
) -> ProtocolOutcome:
    """Find the least solving depth of `model` on `instances` and test the window property there.

    With a query, every run is also checked against it (module docstring). Each simulated
    layer of each instance is one state charged to `budget`. Raises
    `ValueError` for an empty instance set, on which every depth would count as solving.
    """
    runs = []
    solved = [True] * (max_depth + 1)
    states = 0
    for instance in instances:
        budget.charge_states(max_depth + 1)
        states += max_depth + 1
        run = run_instance(model, k, instance.f, instance.x, max_depth, query)
        runs.append(run)
        solved = [before and now for before, now in zip(solved, run.correct)]

    if not runs:
        raise ValueError("the instance set is empty: no instances to evaluate the protocol on")
    depth = next((layers for layers, ok in enumerate(solved) if ok), None)
    window_instance = None
    if depth is not None:
        for run in runs:
            if has_window_property(run, k, s, depth, window):
                window_instance = (run.f, run.x)
                break
    violation = next((run.query_violation for run in runs if run.query_violation is not None), None)
    query_limited = query is not None and violation is None
    return ProtocolOutcome(depth, states, window_instance, query_limited, violation)
