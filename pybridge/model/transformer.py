"""An executable mirror of `CacheDepth.CacheTransformer` (`CacheDepth/Model/CacheTransformer.lean`).

Positions and tokens are the ints 0..n-1, a pointer map is a sequence `f` with `f[i]` the
token that position i points to, and a state vector is a tuple of n states. States may be
any hashable Python values. The Lean structure carries a proof that every cache has at
most s positions. The mirror has no such proof, so it checks that bound, the cache
positions and the messages at run time, and raises `ValueError` when a component breaks
them.
"""

from __future__ import annotations

import itertools
import numbers
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Generic, TypeVar

State = TypeVar("State", bound=Hashable)

StateVector = tuple[State, ...]
"""The states of positions 0..n-1."""
Controller = Callable[[int, StateVector], Sequence[int]]
"""Maps a layer and the current state vector to the list of cached positions."""
CachedView = tuple[tuple[int, State], ...]
"""The cached positions with their states, in cache order."""
Instance = tuple[Sequence[int], int]
"""A pointer map f and a start token x."""


def is_index(value: object, size: int) -> bool:
    """Return whether `value` is an integer in range(size); NumPy integers count, bools do not."""
    if type(value) is int:
        return 0 <= value < size
    return (
        isinstance(value, numbers.Integral)
        and not isinstance(value, bool)
        and 0 <= int(value) < size
    )


def hop(f: Sequence[int], k: int, x: int) -> int:
    """Return f^[k] x by Lean's recursion hop f (k + 1) x = hop f k (f x)."""
    token = x
    for _ in range(k):
        token = f[token]
    return token


def all_instances(n: int) -> Iterator[tuple[tuple[int, ...], int]]:
    """Yield every pointer map on n tokens and every start, maps in lexicographic order."""
    for f in itertools.product(range(n), repeat=n):
        for x in range(n):
            yield f, x


@dataclass(frozen=True)
class CacheTransformer(Generic[State]):
    """A Cache-Transformer on n positions with a shared cache of at most s positions.

    It has H heads, and each head sends one message in range(2**(m*p)) per layer, where m
    is the head dimension and p the precision. The depth is chosen when the model runs.
    """

    n: int
    s: int
    H: int
    m: int
    p: int
    init: Callable[[int, int, bool], State]
    """Maps a position, the token it points to and whether it is the start to a state."""
    controller: Controller
    message: Callable[[int, int, State, CachedView], int]
    """Maps a layer, a head, the receiver's state and the cached view to a message."""
    update: Callable[[int, State, tuple[int, ...]], State]
    """Maps a layer, the old state and the messages of heads 0..H-1 to the new state."""
    output: int
    """The position whose final state is decoded."""
    decode: Callable[[State], int]
    """Maps the final state of the output position to the answer, a token."""

    def __post_init__(self) -> None:
        for name in ("n", "s", "H", "m", "p"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"{name}={value!r} is invalid; it must be an int ≥ 0")
        if not is_index(self.output, self.n):
            raise ValueError(
                f"output={self.output!r} is invalid; it must be a position in range({self.n})"
            )

    @property
    def message_count(self) -> int:
        """Number of distinct messages one head can send in one layer, 2**(m*p)."""
        return 2 ** (self.m * self.p)

    def initial_states(self, f: Sequence[int], x: int) -> StateVector:
        """Return the initial state vector of the instance (f, x).

        Raises `ValueError` when f is not a map on n tokens or x is not a token.
        """
        self._validate_instance(f, x)
        return tuple(self.init(i, f[i], i == x) for i in range(self.n))

    def cache(self, layer: int, states: StateVector) -> list[int]:
        """Return the controller's cache at `layer` for `states`.

        Raises `ValueError`, naming the layer and the cache, when the cache has more than s
        positions or a position outside range(n).
        """
        cache = list(self.controller(layer, states))
        if len(cache) > self.s:
            raise ValueError(
                f"layer {layer}: the controller returned the cache {cache} of {len(cache)} "
                f"positions, but the cache size is s={self.s}"
            )
        for position in cache:
            if not is_index(position, self.n):
                raise ValueError(
                    f"layer {layer}: the controller returned the cache {cache}, whose entry "
                    f"{position!r} is not a position in range({self.n})"
                )
        return cache

    def cached_view(self, layer: int, states: StateVector) -> CachedView:
        """Return the cached positions of `layer` with their states, in cache order."""
        return tuple((j, states[j]) for j in self.cache(layer, states))

    def apply_layer(self, layer: int, states: StateVector) -> StateVector:
        """Compute the state vector after `layer` from the state vector before it.

        Every position updates its state from its own state and its heads' messages, which
        read only the cached view. Raises `ValueError` when a message is not in
        range(2**(m*p)), and the errors of `cache`.
        """
        view = self.cached_view(layer, states)
        updated = []
        for position, state in enumerate(states):
            messages = tuple(self.message(layer, head, state, view) for head in range(self.H))
            for head, value in enumerate(messages):
                if not is_index(value, self.message_count):
                    raise ValueError(
                        f"layer {layer}, head {head}, position {position}: the message "
                        f"{value!r} is not in range(2**(m*p)) = range({self.message_count}) "
                        f"for m={self.m}, p={self.p}"
                    )
            updated.append(self.update(layer, state, messages))
        return tuple(updated)

    def run(self, f: Sequence[int], x: int, layers: int) -> list[StateVector]:
        """Run `layers` layers on (f, x) and return the state vectors after 0..layers layers.

        Raises the errors of `initial_states`, `cache` and `apply_layer`.
        """
        trace = [self.initial_states(f, x)]
        for layer in range(layers):
            trace.append(self.apply_layer(layer, trace[-1]))
        return trace

    def states_at(self, f: Sequence[int], x: int, layers: int) -> StateVector:
        """Return the state vector after `layers` layers on (f, x)."""
        return self.run(f, x, layers)[-1]

    def cache_trace(self, f: Sequence[int], x: int, layer: int) -> list[int]:
        """Return the cache used at `layer` on (f, x), checked as in `cache`."""
        return self.cache(layer, self.states_at(f, x, layer))

    def answer(self, L: int, f: Sequence[int], x: int) -> int:
        """Run L layers on (f, x) and decode the final state of the output position.

        Raises `ValueError` when `decode` returns a value that is not a token, and the
        errors of `run`.
        """
        result = self.decode(self.states_at(f, x, L)[self.output])
        if not is_index(result, self.n):
            raise ValueError(
                f"decode returned {result!r} after {L} layers on f={list(f)}, x={x}; "
                f"expected a token in range({self.n})"
            )
        return result

    def solves_on(self, L: int, k: int, instances: Iterable[Instance]) -> bool:
        """Return whether the answer after L layers is hop f k x on every (f, x) in `instances`."""
        return all(self.answer(L, f, x) == hop(f, k, x) for f, x in instances)

    def solves(self, L: int, k: int) -> bool:
        """Return whether the answer after L layers is hop f k x on all n^n · n instances."""
        return self.solves_on(L, k, all_instances(self.n))

    def success_count(self, L: int, k: int, instances: Iterable[Instance]) -> int:
        """Count the instances of `instances` whose answer after L layers is hop f k x.

        A repeated instance counts once per occurrence, as in Lean's `List.filter`.
        """
        return sum(1 for f, x in instances if self.answer(L, f, x) == hop(f, k, x))

    def success_probability(self, L: int, k: int, instances: Sequence[Instance]) -> Fraction:
        """Return the success count divided by the number of instances in the list.

        This is the success probability under the uniform distribution on the list. Raises
        `ValueError` for an empty list, which has no uniform distribution.
        """
        if not instances:
            raise ValueError("the instance list is empty, so no success probability is defined")
        return Fraction(self.success_count(L, k, instances), len(instances))

    def _validate_instance(self, f: Sequence[int], x: int) -> None:
        if len(f) != self.n:
            raise ValueError(
                f"f={list(f)} has {len(f)} entries; expected a map on n={self.n} tokens"
            )
        for token in f:
            if not is_index(token, self.n):
                raise ValueError(
                    f"f={list(f)} contains {token!r}, which is not a token in range({self.n})"
                )
        if not is_index(x, self.n):
            raise ValueError(f"x={x!r} is not a token in range({self.n})")
