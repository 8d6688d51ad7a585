"""Python versions of the cache controllers of `CacheDepth/Controller/`.

Each function follows its Lean definition, including the order of the returned lists,
because `IsLocalityRespecting` compares caches as lists. A controller is called with the
layer and the state vector and returns a list of positions. A score vector `r` is a
sequence of naturals indexed by position.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from pybridge.model.transformer import Controller, StateVector

Score = Callable[[Hashable], int]
"""Maps one position's state to its score."""
Attention = Callable[[Hashable, Hashable], int]
"""Maps a query state and a key state to the attention the key receives from the query."""


def recent_positions(n: int, w: int) -> list[int]:
    """Return the last w positions n - w, …, n - 1, or all positions when w ≥ n.

    As in Lean, n - w is truncated at 0 and the candidates n - w + t for t < w that are not
    below n are dropped.
    """
    start = max(n - w, 0)
    return [start + t for t in range(w) if start + t < n]


def first_positions(n: int, a: int) -> list[int]:
    """Return the first a positions 0, …, a - 1, or all positions when a ≥ n."""
    return [t for t in range(a) if t < n]


def schedule_controller(schedule: Callable[[int], Sequence[int]]) -> Controller:
    """Return the controller that caches `schedule(layer)` at every layer, ignoring the states.

    This is Lean's `Controller.ofSchedule`.
    """

    def controller(layer: int, states: StateVector) -> list[int]:
        return list(schedule(layer))

    return controller


def sliding_window(n: int, s: int) -> Controller:
    """Return the controller that caches the last s positions at every layer."""
    return schedule_controller(lambda layer: recent_positions(n, s))


def sinks_and_window(n: int, a: int, w: int) -> Controller:
    """Return the StreamingLLM controller: the first a positions, then the last w positions.

    The two lists are concatenated as in Lean, so a position in both appears twice.
    """
    return schedule_controller(lambda layer: first_positions(n, a) + recent_positions(n, w))


def beats(r: Sequence[int], j: int, i: int) -> bool:
    """Return whether position j ranks above position i under the scores r.

    j ranks above i when its score is higher, or equal with a smaller index.
    """
    return r[i] < r[j] or (r[j] == r[i] and j < i)


def rank_of(r: Sequence[int], i: int) -> int:
    """Count the positions that rank above position i under r; the best position has rank 0."""
    return sum(1 for j in range(len(r)) if beats(r, j, i))


def top_positions(s: int, r: Sequence[int]) -> list[int]:
    """Return the positions of rank below s under r, in increasing index order."""
    return [i for i in range(len(r)) if rank_of(r, i) < s]


def top_by_score(s: int, score: Score) -> Controller:
    """Return the SnapKV-like controller that caches the top s positions by their own score."""

    def controller(layer: int, states: StateVector) -> list[int]:
        return top_positions(s, [score(state) for state in states])

    return controller


def accumulated_attention(attention: Attention, states: StateVector, i: int) -> int:
    """Sum the attention that position i receives from the queries of all positions."""
    return sum(attention(query, states[i]) for query in states)


def heavy_hitter(s: int, attention: Attention) -> Controller:
    """Return the H2O-like controller that caches the top s positions by accumulated attention."""

    def controller(layer: int, states: StateVector) -> list[int]:
        scores = [accumulated_attention(attention, states, i) for i in range(len(states))]
        return top_positions(s, scores)

    return controller


def match_attention(query: int, key: int) -> int:
    """Return 1 when the query equals the key, else 0."""
    return 1 if query == key else 0


def segment_controller(
    s: int, mark: Callable[[Hashable], bool], pointer: Callable[[Hashable], int]
) -> Controller:
    """Return Lean's `segmentController s mark ptr`: the chain segment from the first marked position.

    The cache is y, p(y), …, p^[s-1](y) for the first position y (in index order) whose
    state is marked, where p(i) is `pointer` of the state of i. It is empty when no state is
    marked. A chain that closes a cycle within s hops lists some positions twice.
    """

    def controller(layer: int, states: StateVector) -> list[int]:
        head = next((i for i, state in enumerate(states) if mark(state)), None)
        if head is None:
            return []
        cache = [head]
        for _ in range(s - 1):
            cache.append(pointer(states[cache[-1]]))
        return cache[:s]

    return controller
