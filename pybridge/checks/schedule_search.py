"""Exhaustive search over fixed cache schedules for models that solve k-hop pointer chasing.

For a fixed schedule, the full-information protocol is the model in which every position's
state is the set of facts (index, pointer, start flag) that have reached it, its own
included. Each head forwards the union of the facts of all cached positions, and every
position adds what it receives. Its
state is an int bitmask with one bit per fact, and its messages are such bitmasks, so it
has H = 1, m = 1 and p = 2n² bits. The search runs it through the mirror on all n^n · n
instances and asks whether the k-hop answer is a function of the output position's final
state. If so, decoding that function makes the protocol a model that solves.

No model with the same schedule does better, whatever its states, H, m and p. By
induction on the layers, the state of a position in any model with that schedule is a
function of its state in the full-information protocol: the initial state is a
function of its own fact, and a layer updates it from its own state and messages that
read only the cached states. So the search decides, for each schedule and output
position, whether some Cache-Transformer with that fixed schedule solves k-hop.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator, Sequence

from pybridge.checks.enumeration import hop_naive
from pybridge.model.controllers import schedule_controller
from pybridge.model.transformer import CachedView, CacheTransformer, all_instances

Instance = tuple[tuple[int, ...], int]
Schedule = tuple[tuple[int, ...], ...]
"""The caches of layers 0..L-1, each a set of positions in increasing order."""


def fact_bit(n: int, index: int, pointer: int, is_start: bool) -> int:
    """Return the bit of the fact (index, pointer, start flag) among the 2n² facts."""
    return 1 << (index * 2 * n + 2 * pointer + int(is_start))


def full_information_model(n: int, schedule: Schedule, output: int) -> CacheTransformer[int]:
    """Build the full-information protocol of `schedule`; it decodes every state to token 0.

    Layers at and after len(schedule) cache nothing.
    """

    def init(index: int, pointer: int, is_start: bool) -> int:
        return fact_bit(n, index, pointer, is_start)

    def message(layer: int, head: int, state: int, view: CachedView) -> int:
        known = 0
        for _, cached_state in view:
            known |= cached_state
        return known

    def update(layer: int, state: int, messages: tuple[int, ...]) -> int:
        return state | messages[0]

    def cache(layer: int) -> tuple[int, ...]:
        return schedule[layer] if layer < len(schedule) else ()

    return CacheTransformer(
        n=n,
        s=max((len(layer_cache) for layer_cache in schedule), default=0),
        H=1,
        m=1,
        p=2 * n * n,
        init=init,
        controller=schedule_controller(cache),
        message=message,
        update=update,
        output=output,
        decode=lambda state: 0,
    )


@functools.lru_cache(maxsize=1024)
def final_states(n: int, schedule: Schedule) -> tuple[tuple[Instance, tuple[int, ...]], ...]:
    """Run the full-information protocol of `schedule` and return each instance's final states."""
    model = full_information_model(n, schedule, 0)
    return tuple(((f, x), model.states_at(f, x, len(schedule))) for f, x in all_instances(n))


def find_decoder(n: int, k: int, schedule: Schedule, output: int) -> dict[int, int] | None:
    """Return a decoder from the output's final state to hop f k x, or None if none exists."""
    decoder: dict[int, int] = {}
    for (f, x), states in final_states(n, schedule):
        answer = hop_naive(f, k, x)
        if decoder.setdefault(states[output], answer) != answer:
            return None
    return decoder


def solving_model(n: int, k: int, schedule: Schedule, output: int) -> CacheTransformer[int] | None:
    """Return the full-information protocol with the decoder of `find_decoder`, or None."""
    decoder = find_decoder(n, k, schedule, output)
    if decoder is None:
        return None
    model = full_information_model(n, schedule, output)
    return CacheTransformer(
        n=model.n,
        s=model.s,
        H=model.H,
        m=model.m,
        p=model.p,
        init=model.init,
        controller=model.controller,
        message=model.message,
        update=model.update,
        output=output,
        decode=lambda state: decoder.get(state, 0),
    )


def subsets(n: int, size: int | None = None) -> list[tuple[int, ...]]:
    """Return the subsets of range(n), or those of exactly `size` elements, in increasing order."""
    sizes = range(n + 1) if size is None else [size]
    return [cache for count in sizes for cache in itertools.combinations(range(n), count)]


def all_schedules(n: int, depth: int) -> Iterator[Schedule]:
    """Yield every schedule of `depth` layers whose caches are subsets of range(n)."""
    return itertools.product(subsets(n), repeat=depth)


def exact_schedules(n: int, size: int, depth: int) -> Iterator[Schedule]:
    """Yield every schedule of `depth` layers whose caches hold exactly `size` positions."""
    return itertools.product(subsets(n, size), repeat=depth)


def covered(schedule: Sequence[Sequence[int]]) -> set[int]:
    """Return the positions that some cache of the schedule holds."""
    return {position for cache in schedule for position in cache}
