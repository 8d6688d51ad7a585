"""Segment protocols: Cache-Transformers that follow the chain one cached segment per step.

Each protocol is a `pybridge.model.CacheTransformer`, the executable mirror of
`CacheDepth.CacheTransformer`, so the mirror checks at run time that every cache has at
most s positions and every message fits in m·p bits. With c = ⌈log₂ n⌉, b = H·m·p,
W = ⌈c/b⌉, a segment length g ≤ s and q = ⌈k/g⌉ segments:

* The controller caches a *segment*. Its head is the position with the newest mark (top 1
  by its own mark, ties to the smaller index). The head is followed by the tokens its
  pointers reach, g - 1 hops in all, fewer in the last segment. It reads only cached states, so it is
  locality-respecting: the head is the top-1 position of a per-position score, which is
  locality-respecting (`CacheDepth.topByScore_isLocalityRespecting`), and each further
  entry is the pointer of an entry already cached.
* The start x carries the first mark. The cached segment determines the token after it,
  which becomes the next head. In *relay* protocols every position receives that token's
  index in W layers of b bits, and the position whose index it is marks itself. In
  *marking* protocols every position receives one bit that says whether it is that token,
  so identification takes one layer.
* In the last segment the cache determines t_k = f^k(x), and the output position receives
  its index in W chunks of b bits. The decoder returns the received index once all W
  chunks are in, and the output position itself before.

So a relay protocol needs (q - 1)·W + W = q·W layers and a marking protocol q - 1 + W
layers.

`CacheDepth.CacheTransformer.IsQueryLimited` asks that each message depend on the
receiver's state only through an m·p-bit query. Relay protocols are query-limited with the
query "is the receiver the output position" (1 bit): every other receiver gets the same
chunk. Marking protocols compare the receiver's whole index with the next head, so they
are query-limited only when an index fits in the query, n ≤ 2^(m·p); `segment_query`
returns the query or None. The explorer runs three members of the family:

* sequential relay (g = 1): one hop per W layers, the chain follower for any bandwidth;
* windowed relay (g = s): q·W = ⌈k/s⌉·W layers, the product bound;
* windowed marking (g = s): ⌈k/s⌉ + W - 1 layers.

The decoder waits for all chunks so that correctness after any number of layers is the
same on every instance of a class (`symmetry`): a relabelling moves every cache and every
completed index with it, and "t_k is the output position" is a role. A decoder that read
a partial index would be right on instances whose answer has small labels, so its
least solving depth on class representatives could be smaller than on all instances.

Pointer doubling (`CacheDepth.doublingUpperBound`) needs no separate member: in this model
one message may depend on every cached state, so a cached segment already yields the
token g hops ahead, which doubling would reach in ⌈log₂ g⌉ stages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from pybridge.checks import formulas
from pybridge.explore.symmetry import OUTPUT
from pybridge.model.transformer import CachedView, CacheTransformer, StateVector

RELAY = "pointer"
MARK = "bit"


class SegmentState(NamedTuple):
    """A position's state in a segment protocol.

    `mark` is 0 for an unmarked position, 1 for the start and ℓ + 2 for a position marked
    at layer ℓ, so the newest mark has the largest value. `buffer` collects the chunks of
    the next head's index (relay only), `answer` the chunks of f^k(x) and `answer_chunks`
    their number (output only).
    """

    index: int
    pointer: int
    mark: int
    buffer: int
    answer: int
    answer_chunks: int


@dataclass(frozen=True)
class SegmentSchedule:
    """The layer plan of a segment protocol, computed from its parameters alone."""

    n: int
    k: int
    segment: int
    layer_bits: int
    identify: str
    pointer_bits: int = field(init=False)
    """c = ⌈log₂ n⌉."""
    chunks: int = field(init=False)
    """W = ⌈c/b⌉, the layers that move one index of c bits."""
    segments: int = field(init=False)
    """q = ⌈k/g⌉."""
    identify_layers: int = field(init=False)
    """Layers that identify the next head: W for relay, 1 for marking."""
    final_start: int = field(init=False)
    """The first layer of the last segment, (q - 1) times the identify layers."""
    depth: int = field(init=False)
    """The layers the protocol is built for: the last segment's start plus W."""

    def __post_init__(self) -> None:
        # The derived values are read at every message, so they are computed once here.
        derived = {"pointer_bits": int(formulas.clog2(self.n))}
        derived["chunks"] = -(-derived["pointer_bits"] // self.layer_bits)
        derived["segments"] = -(-self.k // self.segment)
        derived["identify_layers"] = derived["chunks"] if self.identify == RELAY else 1
        derived["final_start"] = (derived["segments"] - 1) * derived["identify_layers"]
        derived["depth"] = derived["final_start"] + derived["chunks"]
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    def segment_of(self, layer: int) -> int:
        """Return the segment cached at `layer`."""
        return min(layer // self.identify_layers, self.segments - 1)

    def segment_length(self, segment: int) -> int:
        """Return the hops of `segment`: g, or what is left of k for the last one."""
        return min(self.segment, self.k - segment * self.segment)


def segment_protocol(
    n: int, k: int, s: int, H: int, m: int, p: int, segment: int, identify: str,
) -> tuple[CacheTransformer[SegmentState], SegmentSchedule]:
    """Build the segment protocol with segment length `segment` and identification `identify`.

    `identify` is "pointer" (relay) or "bit" (marking). Raises `ValueError` for n < 2,
    k < 1, a segment length outside 1..s, H·m·p < 1 or another `identify`.
    """
    if n < 2 or k < 1 or not 1 <= segment <= s or H * m * p < 1:
        raise ValueError(
            f"segment protocol with n={n}, k={k}, s={s}, segment={segment}, H·m·p={H * m * p} "
            "is invalid; it needs n ≥ 2, k ≥ 1, 1 ≤ segment ≤ s and H·m·p ≥ 1"
        )
    if identify not in (RELAY, MARK):
        raise ValueError(f"identify={identify!r} is invalid; expected {RELAY!r} or {MARK!r}")

    plan = SegmentSchedule(n, k, segment, H * m * p, identify)
    head_bits = m * p
    head_mask = (1 << head_bits) - 1
    chunk_mask = (1 << plan.layer_bits) - 1

    def init(index: int, pointer: int, is_start: bool) -> SegmentState:
        return SegmentState(index, pointer, 1 if is_start else 0, 0, 0, 0)

    def controller(layer: int, states: StateVector) -> list[int]:
        # The top-1 position by mark with ties to the smaller index, which is
        # `top_positions(1, marks)[0]` computed in one pass instead of n rank counts.
        head = min(range(len(states)), key=lambda position: (-states[position].mark, position))
        cache = [head]
        for _ in range(plan.segment_length(plan.segment_of(layer)) - 1):
            cache.append(states[cache[-1]].pointer)
        return cache

    # The mirror passes the same view object to every receiver of a layer, so the exit
    # token is computed once per layer. The memo keeps the view itself, not its id, so a
    # new view can never match a stale entry.
    memo: list = [None, -1, 0]

    def exit_token(layer: int, view: CachedView) -> int:
        """Return the token after the cached segment, read from the cached pointers only."""
        if memo[0] is view and memo[1] == layer:
            return memo[2]
        cached = dict(view)
        token = view[0][0]
        for _ in range(plan.segment_length(plan.segment_of(layer))):
            token = cached[token].pointer
        memo[:] = [view, layer, token]
        return token

    def chunk_value(layer: int, state: SegmentState, view: CachedView) -> int:
        """Return the b bits that position `state.index` receives at `layer`."""
        if layer < plan.final_start:
            step = layer - plan.segment_of(layer) * plan.identify_layers
            token = exit_token(layer, view)
            if identify == MARK:
                return 1 if state.index == token else 0
            return (token >> (step * plan.layer_bits)) & chunk_mask
        step = layer - plan.final_start
        if state.index != OUTPUT or step >= plan.chunks:
            return 0
        return (exit_token(layer, view) >> (step * plan.layer_bits)) & chunk_mask

    def message(layer: int, head: int, state: SegmentState, view: CachedView) -> int:
        return (chunk_value(layer, state, view) >> (head * head_bits)) & head_mask

    def update(layer: int, state: SegmentState, messages: tuple[int, ...]) -> SegmentState:
        value = sum(part << (head * head_bits) for head, part in enumerate(messages))
        if layer < plan.final_start:
            if identify == MARK:
                return state._replace(mark=layer + 2) if value == 1 else state
            step = layer - plan.segment_of(layer) * plan.identify_layers
            buffer = state.buffer | (value << (step * plan.layer_bits))
            if step < plan.identify_layers - 1:
                return state._replace(buffer=buffer)
            if buffer == state.index:
                return state._replace(mark=layer + 2, buffer=0)
            return state._replace(buffer=0)
        step = layer - plan.final_start
        if state.index != OUTPUT or step >= plan.chunks:
            return state
        answer = state.answer | (value << (step * plan.layer_bits))
        return state._replace(answer=answer, answer_chunks=state.answer_chunks + 1)

    def decode(state: SegmentState) -> int:
        if state.answer_chunks < plan.chunks or state.answer >= n:
            return OUTPUT
        return state.answer

    model = CacheTransformer(
        n=n, s=s, H=H, m=m, p=p, init=init, controller=controller, message=message,
        update=update, output=OUTPUT, decode=decode,
    )
    return model, plan


Query = Callable[[int, int, SegmentState], int]
"""Maps a layer, a head and a receiver's state to its query, an int below 2^(m·p)."""


def segment_query(n: int, m: int, p: int, identify: str) -> Query | None:
    """Return the query through which the protocol's messages read the receiver, or None.

    None means the protocol is not query-limited at these parameters: a marking protocol
    with n > 2^(m·p) must tell n receivers apart with m·p-bit queries.
    """
    if identify == RELAY:
        return lambda layer, head, state: 1 if state.index == OUTPUT else 0
    if n <= 2 ** (m * p):
        return lambda layer, head, state: state.index
    return None


@dataclass(frozen=True)
class ProtocolSpec:
    """A member of the protocol family: its name, segment rule and identification."""

    name: str
    full_segments: bool
    """True for segments of s tokens, False for single tokens."""
    identify: str

    def build(
        self, n: int, k: int, s: int, H: int, m: int, p: int,
    ) -> tuple[CacheTransformer[SegmentState], SegmentSchedule]:
        """Build this member at one parameter point."""
        segment = s if self.full_segments else 1
        return segment_protocol(n, k, s, H, m, p, segment, self.identify)

    def query(self, n: int, m: int, p: int) -> Query | None:
        """Return this member's query at one parameter point (`segment_query`)."""
        return segment_query(n, m, p, self.identify)


FAMILY = (
    ProtocolSpec("sequential relay", full_segments=False, identify=RELAY),
    ProtocolSpec("windowed relay", full_segments=True, identify=RELAY),
    ProtocolSpec("windowed marking", full_segments=True, identify=MARK),
)
"""The protocol family that the explorer runs at every point."""
