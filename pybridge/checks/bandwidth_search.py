"""Exhaustive search for Cache-Transformers that beat the bandwidth bound on tiny instances.

The protocol class, for n tokens, B message bits per layer, depth L and an output position o:

* every position starts in the state (its input, no messages), where its input is the
  fact (index, pointer, start flag);
* the cache schedule is fixed: for L = 1 any set of positions, listed in increasing order
  (only the full cache when n = 5), and for L ≥ 2 the full cache at every layer;
* at each layer every position receives one message in range(2^B), any function of its
  own state and the cached view, and appends it to its state (H = 1, m = 1, p = B);
* the answer is any function of the output position's final state.

The search decides whether some member solves k-hop pointer chasing on all n^n · n
instances. The output's final state is its own fact and its L messages. The messages on
the instances that share a view key (the output's fact and the cached facts for L = 1, the
whole instance for L ≥ 2, nothing for L = 0) are equal, so such instances need one answer.
Then, for each fact of the output, the search enumerates every decoder table from the
2^(B·L) message sequences to tokens, in lexicographic order, and keeps the first whose
values include the answers of all view keys with that fact. Each key's messages are then
the first sequence that the table decodes to its answer. No member of the class is
skipped: a member's decoder restricted to one fact is one of the enumerated tables, and
its messages on each key are one of the sequences.

For L ≥ 2, and for L = 1 with the full cache, the view of every layer determines the
instance, so the messages may be any function of the instance. Any Cache-Transformer
with H·m·p = B and L layers has an output state that is a function of its own input and
L message tuples of at most 2^B values each, so the class then contains an equivalent of
every such model, whatever its controller and cache size.

`solution_model` turns a solution into a mirror `CacheTransformer`, so a found model can be
run and its answers compared with the hops.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pybridge.checks.enumeration import hop_naive
from pybridge.model.controllers import schedule_controller
from pybridge.model.transformer import CachedView, CacheTransformer, all_instances

SEARCH_MAX_N = 5
"""Largest token count of the search; n = 5 has 3125 · 5 instances."""
PARTIAL_CACHE_MAX_N = 4
"""Largest token count at which one-layer schedules with partial caches are searched."""
MAX_SEQUENCES = 4
"""Largest number 2^(B·L) of message sequences, so at most 5^4 decoder tables per fact."""

Instance = tuple[tuple[int, ...], int]
Fact = tuple[int, int, bool]
"""A position's input: its index, its pointer and whether it is the start."""
Schedule = tuple[tuple[int, ...], ...]
"""The caches of layers 0..L-1."""


@dataclass(frozen=True)
class SearchPoint:
    """Token count n, message bits B, depth L and hop count k of one search."""

    n: int
    bits: int
    depth: int
    k: int


@dataclass(frozen=True)
class BandwidthSolution:
    """A member of the class that solves: its decoder tables and its message sequences.

    `decoders[(pointer, is_start)]` maps the index of a message sequence, read as base-2^B
    digits with layer 0 most significant, to the answer. `sequences[(pointer, is_start),
    key]` is the message sequence index of the instances with that output fact and view key.
    """

    point: SearchPoint
    output: int
    schedule: Schedule
    decoders: dict[tuple[int, bool], tuple[int, ...]]
    sequences: dict[Any, int]


def fact(f: tuple[int, ...], x: int, position: int) -> Fact:
    """Return the input of `position` on the instance (f, x)."""
    return (position, f[position], position == x)


def search_schedules(n: int, depth: int) -> list[Schedule]:
    """Return the schedules of the class for n tokens and `depth` layers."""
    full = tuple(range(n))
    if depth == 0:
        return [()]
    if depth == 1 and n <= PARTIAL_CACHE_MAX_N:
        subsets = itertools.chain.from_iterable(
            itertools.combinations(range(n), size) for size in range(n + 1)
        )
        return [(cache,) for cache in subsets]
    return [(full,) * depth]


def view_positions(n: int, schedule: Schedule) -> tuple[int, ...] | None:
    """Return the cached positions whose facts the messages may read, or None for all of them.

    With the full cache at some layer the view determines the instance, so None stands for
    "the whole instance".
    """
    if not schedule:
        return ()
    if len(schedule) == 1 and len(schedule[0]) < n:
        return schedule[0]
    return None


@functools.lru_cache(maxsize=16)
def hop_answers(n: int, k: int) -> tuple[tuple[Instance, int], ...]:
    """Return every instance (f, x) on n tokens with its answer hop f k x."""
    return tuple(((f, x), hop_naive(f, k, x)) for f, x in all_instances(n))


@functools.lru_cache(maxsize=512)
def answer_groups(
    n: int, k: int, output: int, positions: tuple[int, ...] | None
) -> dict[tuple[int, bool], dict[Any, int]] | None:
    """Group the answers by the output's (pointer, start flag), then by view key.

    The view key is the tuple of facts of `positions`, or the instance when `positions` is
    None. Returns None when two instances with the same fact and key have different
    answers, because no message table can then separate them.
    """
    groups: dict[tuple[int, bool], dict[Any, int]] = {}
    for instance, answer in hop_answers(n, k):
        f, x = instance
        if positions is None:
            key: Any = instance
        else:
            key = tuple(fact(f, x, position) for position in positions)
        by_key = groups.setdefault((f[output], output == x), {})
        if by_key.setdefault(key, answer) != answer:
            return None
    return groups


def sequence_count(bits: int, depth: int) -> int:
    """Return the number 2^(B·L) of message sequences of one position."""
    return 2 ** (bits * depth)


def find_model(point: SearchPoint, output: int, schedule: Schedule) -> BandwidthSolution | None:
    """Return the first member of the class that solves, or None when no member does."""
    groups = answer_groups(point.n, point.k, output, view_positions(point.n, schedule))
    if groups is None:
        return None
    sequences = sequence_count(point.bits, point.depth)
    decoders: dict[tuple[int, bool], tuple[int, ...]] = {}
    assigned: dict[Any, int] = {}
    for own, keys in groups.items():
        needed = set(keys.values())
        table = next(
            (
                table
                for table in itertools.product(range(point.n), repeat=sequences)
                if needed <= set(table)
            ),
            None,
        )
        if table is None:
            return None
        decoders[own] = table
        for key, answer in keys.items():
            assigned[own, key] = table.index(answer)
    return BandwidthSolution(point, output, schedule, decoders, assigned)


def search_points(max_n: int) -> Iterator[SearchPoint]:
    """Yield every point with 2 ≤ n ≤ min(max_n, 5), B ≤ 2, L ≤ 2, 2^(B·L) ≤ 4 and k ≤ 2."""
    for n in range(2, min(max_n, SEARCH_MAX_N) + 1):
        for bits in range(3):
            for depth in range(3):
                if sequence_count(bits, depth) > MAX_SEQUENCES:
                    continue
                for k in (1, 2):
                    yield SearchPoint(n, bits, depth, k)


def search_results(
    max_n: int,
) -> Iterator[tuple[SearchPoint, int, Schedule, BandwidthSolution | None]]:
    """Search every point of `search_points`, every output position and every schedule."""
    for point in search_points(max_n):
        for output in range(point.n):
            for schedule in search_schedules(point.n, point.depth):
                yield point, output, schedule, find_model(point, output, schedule)


def describe_search(point: SearchPoint, output: int, schedule: Schedule) -> dict[str, Any]:
    """Return a search point as JSON values; H = 1, m = 1 and p = B."""
    return {
        "n": point.n,
        "H": 1,
        "m": 1,
        "p": point.bits,
        "L": point.depth,
        "k": point.k,
        "output": output,
        "schedule": [list(cache) for cache in schedule],
    }


def class_size(point: SearchPoint, output: int, schedule: Schedule) -> int:
    """Count the (message table, decoder table) pairs that one search covers.

    A message table maps each (output fact, view key) pair to a sequence of L messages,
    and a decoder table maps each (output fact, sequence) pair to a token. Messages to
    other positions never reach the output's state, so they are not counted.
    """
    positions = view_positions(point.n, schedule)
    pairs = set()
    for f, x in all_instances(point.n):
        key = (f, x) if positions is None else tuple(fact(f, x, j) for j in positions)
        pairs.add(((f[output], output == x), key))
    sequences = sequence_count(point.bits, point.depth)
    facts = 2 * point.n
    return sequences ** len(pairs) * point.n ** (facts * sequences)


def solution_model(solution: BandwidthSolution) -> CacheTransformer:
    """Build the found member as a mirror model with H = 1, m = 1 and p = B."""
    point = solution.point
    n, bits, depth = point.n, point.bits, point.depth
    caches = solution.schedule

    def init(index: int, pointer: int, is_start: bool) -> tuple[Fact, tuple[int, ...]]:
        return (index, pointer, is_start), ()

    def key_of(view: CachedView) -> Any:
        facts = tuple(state[0] for _, state in view)
        if len(caches) == 1 and len(caches[0]) < n:
            return facts
        f = tuple(pointer for _, pointer, _ in facts)
        x = next(index for index, _, is_start in facts if is_start)
        return f, x

    def message(layer: int, head: int, state: Any, view: CachedView) -> int:
        (_, pointer, is_start), _ = state
        # Only the output's messages matter; other receivers get sequence 0.
        sequence = solution.sequences.get(((pointer, is_start), key_of(view)), 0)
        # Digit `layer` of the sequence index, layer 0 most significant.
        return (sequence >> (bits * (depth - 1 - layer))) % (2**bits)

    def update(layer: int, state: Any, messages: tuple[int, ...]) -> Any:
        return state[0], (*state[1], messages[0])

    def decode(state: Any) -> int:
        (_, pointer, is_start), received = state
        index = 0
        for value in received:
            index = index * 2**bits + value
        return solution.decoders[(pointer, is_start)][index]

    return CacheTransformer(
        n=n,
        s=n,
        H=1,
        m=1,
        p=bits,
        init=init,
        controller=schedule_controller(lambda layer: caches[layer] if layer < depth else ()),
        message=message,
        update=update,
        output=solution.output,
        decode=decode,
    )
