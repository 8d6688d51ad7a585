"""The chain-identification game: a finite model of locality-respecting chain following.

The game abstracts a Cache-Transformer (`CacheDepth/Model/CacheTransformer.lean`) to what
its positions store about the chain t_j = f^j(x), j = 0..k, of one instance (f, x).

* A position may store self-facts "I am t_j". At the start only x stores "I am t_0".
* At each layer the player (the controller) picks a cache C of at most s positions. A
  position may be cached only if it stores a self-fact, or if C itself determines that it
  is a chain token: the indices C determines are the smallest set D that contains j for
  every self-fact "I am t_j" stored in C, and j + 1 whenever j < k is in D and t_j is in C
  (the pointer of t_j is part of its own state). This is the locality rule: a cache can
  depend on a position that it leaves out only through what cached positions store.
* Each position receives b = H·m·p bits per layer from the cache. A position t_j with
  j ∈ D can receive the self-fact "I am t_j", which costs `identify_bits`. The output
  position can receive the answer "t_k is token z" once k ∈ D, which costs c = ⌈log₂ n⌉
  bits, or `identify_bits` when the output is t_k itself. Received bits of an unfinished
  fact are kept, and a layer adds bits only to facts whose index is in that layer's D.
  The output spends its bits on the answer first, and every position spends them on its
  self-facts in increasing j.
* The game ends when the output stores the answer. Its value on an instance is the least
  number of layers over all cache choices, found by breadth-first search over game states.
  The value of a point is the maximum over instances.

Two variants differ only in `identify_bits`:

* routing (`identify_bits = c`): a position learns that it is the next chain token only
  by receiving a whole pointer. This is the suggested "knowledge game" in which messages
  move pointers as units.
* marking (`identify_bits = 1`): one bit tells a position that it is the next chain token,
  which a Cache-Transformer can do because each message is any function of the receiver's
  own state (which contains its index) and the cached states.

Neither variant is a proved lower bound on the depth of Cache-Transformers. The routing
game needs more layers than the Lean model does, because the model also moves partial
information such as the one-bit marks (`protocols.windowed_marking` is a model that beats
it). Both variants also restrict what the controller may cache: a Cache-Transformer may
cache positions that nobody has identified, for instance by a fixed schedule. And the
search picks the best cache sequence for each instance separately, which no single
controller has to match. So the game is a model of chain-following strategies, reported
beside the verified protocols and the proved bounds, and not a bound itself.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from pybridge.explore.budget import Budget
from pybridge.explore.symmetry import OUTPUT
from pybridge.model.transformer import hop

ROUTING = "routing"
MARKING = "marking"
VARIANTS = (ROUTING, MARKING)


@dataclass(frozen=True)
class GameRules:
    """The parameters of the game: k hops, cache size s, pointer bits c and layer bits b."""

    k: int
    s: int
    pointer_bits: int
    layer_bits: int
    identify_bits: int

    @classmethod
    def for_variant(cls, variant: str, k: int, s: int, pointer_bits: int, layer_bits: int) -> GameRules:
        """Return the rules of `variant` ("routing" or "marking"); raises `ValueError` otherwise."""
        if variant == ROUTING:
            identify_bits = pointer_bits
        elif variant == MARKING:
            identify_bits = 1
        else:
            raise ValueError(f"game variant {variant!r} is invalid; expected one of {VARIANTS}")
        return cls(k, s, pointer_bits, layer_bits, identify_bits)


@dataclass(frozen=True)
class GameState:
    """The facts the positions store after some layers.

    `marks` is the set of completed self-facts (position, j). `progress` lists the bits
    received toward unfinished self-facts, as sorted ((position, j), bits) pairs.
    `answer_bits` counts the bits of the answer the output has received.
    """

    marks: frozenset[tuple[int, int]]
    progress: tuple[tuple[tuple[int, int], int], ...]
    answer_bits: int


@dataclass(frozen=True)
class GameResult:
    """The value of the game on one instance and the number of states the search expanded.

    `layers` is None when no cache sequence ends the game, as with s = 0.
    """

    layers: int | None
    states: int


def determined_indices(
    cache: Sequence[int], marks: frozenset[tuple[int, int]], chain: Sequence[int], k: int,
) -> set[int]:
    """Return D, the chain indices that the cached positions determine (module docstring)."""
    cached = set(cache)
    determined = {j for position, j in marks if position in cached}
    frontier = list(determined)
    while frontier:
        j = frontier.pop()
        if j < k and chain[j] in cached and j + 1 not in determined:
            determined.add(j + 1)
            frontier.append(j + 1)
    return determined


def is_valid_cache(
    cache: Sequence[int], marks: frozenset[tuple[int, int]], chain: Sequence[int], k: int,
) -> bool:
    """Return whether every cached position stores a self-fact or is identified by the cache."""
    marked = {position for position, _ in marks}
    determined = determined_indices(cache, marks, chain, k)
    identified = {chain[j] for j in determined}
    return all(position in marked or position in identified for position in cache)


def _answer_cost(rules: GameRules, chain: Sequence[int]) -> int:
    return rules.identify_bits if chain[rules.k] == OUTPUT else rules.pointer_bits


def apply_layer(state: GameState, cache: Sequence[int], chain: Sequence[int], rules: GameRules) -> GameState:
    """Return the state after one layer with `cache`, with the message rules of the module docstring."""
    determined = determined_indices(cache, state.marks, chain, rules.k)
    progress = dict(state.progress)
    marks = set(state.marks)
    answer_bits = state.answer_bits
    answer_cost = _answer_cost(rules, chain)

    pending: dict[int, list[int]] = {}
    for j in sorted(determined):
        position = chain[j]
        if (position, j) in marks:
            continue
        if position == OUTPUT and j == rules.k:
            continue  # the output's self-fact "I am t_k" is the answer itself
        pending.setdefault(position, []).append(j)

    budget_per_position = rules.layer_bits
    if rules.k in determined and answer_bits < answer_cost:
        spent = min(answer_cost - answer_bits, budget_per_position)
        answer_bits += spent
        output_left = budget_per_position - spent
    else:
        output_left = budget_per_position

    for position, indices in pending.items():
        left = output_left if position == OUTPUT else budget_per_position
        for j in indices:
            if left == 0:
                break
            have = progress.get((position, j), 0)
            spent = min(rules.identify_bits - have, left)
            left -= spent
            if have + spent >= rules.identify_bits:
                progress.pop((position, j), None)
                marks.add((position, j))
            else:
                progress[(position, j)] = have + spent

    return GameState(frozenset(marks), tuple(sorted(progress.items())), answer_bits)


def candidate_caches(state: GameState, chain: Sequence[int], rules: GameRules) -> list[tuple[int, ...]]:
    """Return every valid non-empty cache of at most s positions, as sorted tuples."""
    candidates = sorted({position for position, _ in state.marks} | set(chain))
    caches = []
    for size in range(1, min(rules.s, len(candidates)) + 1):
        for cache in itertools.combinations(candidates, size):
            if is_valid_cache(cache, state.marks, chain, rules.k):
                caches.append(cache)
    return caches


def solve_instance(f: Sequence[int], x: int, rules: GameRules, budget: Budget) -> GameResult:
    """Return the least number of layers after which the output stores f^k(x), by BFS.

    Every state the search expands is charged to `budget`, which raises `BudgetExceeded`
    when its limits are reached.
    """
    chain = [hop(f, j, x) for j in range(rules.k + 1)]
    answer_cost = _answer_cost(rules, chain)
    start = GameState(frozenset({(x, 0)}), (), 0)
    if answer_cost == 0:
        return GameResult(0, 0)

    # The search expands every state of a level before it stops, so the number of expanded
    # states is the number of states first reached in fewer layers than the value. That
    # number is the same for every instance of a class, which the plain and the reduced
    # state counts rely on.
    seen = {start}
    frontier = [start]
    expanded = 0
    layers = 0
    while frontier:
        layers += 1
        following = []
        finished = False
        for state in frontier:
            expanded += 1
            budget.charge_states(1)
            for cache in candidate_caches(state, chain, rules):
                successor = apply_layer(state, cache, chain, rules)
                if successor.answer_bits >= answer_cost:
                    finished = True
                elif successor not in seen:
                    seen.add(successor)
                    following.append(successor)
        if finished:
            return GameResult(layers, expanded)
        frontier = following
    return GameResult(None, expanded)
