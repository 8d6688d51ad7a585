"""Pointer doubling with every position cached (s ≥ n): depth T·W + popcount(k) - 1.

Write B = m·p for the bits of one message, W = ⌈⌈log₂ n⌉ / B⌉ for the layers that carry one
token in B-bit chunks (`pointer_bits`), T = ⌊log₂ k⌋ + 1 for the bit length of k, and
popcount(k) for its number of one bits. The model has one head, output position 0, and
is built for one hop count k ≥ 1 and a cache of s ≥ n positions.

**States.** `DoublingState(index, powers, current, received, answer)`: the position's own
index; the tuple of powers (f^[1] i, f^[2] i, …, f^[2^j] i) computed so far; whether it is
the token reached by the composition so far; the chunks of the power being received;
and the bits of the answer received so far (output position only). Initially `powers`
is (f i,), `current` is the start flag, and `received` and `answer` are 0.

**Controller.** Every layer caches all n positions (`sliding_window(n, s)` with s ≥ n), an
oblivious schedule, hence locality-respecting.

**Schedule.** For j = 0, …, T - 2, in this order:

* If bit j of k is 1, one *marking* layer: every position y receives 1 if the current
  position's power f^[2^j] points to y, else 0, and sets `current` to that bit. The
  current token moves from c to f^[2^j] c.
* W *doubling* layers: in layer c of them, every position i receives chunk c of
  f^[2^j] (f^[2^j] i), read from the cached state of the position f^[2^j] i, and adds it to
  `received`. After the last chunk every position appends the received token, which is
  f^[2^(j+1)] i, to `powers` and clears `received`.

Then W *sending* layers: in layer c of them, the output position receives chunk c of
f^[2^(T-1)] applied to the current token, and adds it to `answer`; every other position
receives 0 and keeps its state. The marking layers have moved the current token from x to
f^[k - 2^(T-1)] x, so `answer` ends as f^[k] x, which `decode` returns.

**Depth.** `doubling_depth` = (T - 1)·W doubling + (popcount(k) - 1) marking + W sending
layers = T·W + popcount(k) - 1, for n ≥ 2, k ≥ 1, s ≥ n, m·p ≥ 1. One layer fewer fails:
the output then misses the last chunk, which holds the top bit of token n - 1.

**Dominated in this model.** A message may be any function of the cached states, so with
every position cached the output can compute f^[k] x in one message; `readout.py` does
that in W layers. This model is kept because it is the pointer-doubling protocol that
the upper bound names, run and checked in the mirror.

**No windowed version for s < n.** `windowed_marking.py` covers every cache size without
doubling: its controller caches the s chain tokens from the marked one by following their
cached pointers, which is locality-respecting, and one message then reads the token s hops
ahead. Doubling inside a window would spend ⌈log₂ s⌉ stages on what one message does here.
"""

from __future__ import annotations

from typing import NamedTuple

from pybridge.model.controllers import sliding_window
from pybridge.model.transformer import CachedView, CacheTransformer
from pybridge.upper.pointer_bits import (
    OUTPUT,
    add_chunk,
    chunk_of,
    pointer_layers,
    validate_full_cache,
)

MARK = "mark"
DOUBLE = "double"
SEND = "send"


class Step(NamedTuple):
    """The work of one layer: its kind (MARK, DOUBLE or SEND), its chunk, and the index j of
    the power f^[2^j] it uses."""

    kind: str
    power: int
    chunk: int


class DoublingState(NamedTuple):
    """A position's index, its powers f^[2^j] i, whether it is current, and the chunks it received."""

    index: int
    powers: tuple[int, ...]
    current: bool
    received: int
    answer: int


def validate_doubling(n: int, k: int, s: int, m: int, p: int) -> None:
    """Raise `ValueError` unless the parameters are valid and the cache can contain every position."""
    validate_full_cache(
        n, k, s, m, p, "pointer doubling", "every doubling layer reads arbitrary positions"
    )


def doubling_schedule(n: int, k: int, s: int, m: int, p: int) -> tuple[Step, ...]:
    """Return the steps of layers 0, 1, … of the doubling model, as the module docstring lists them.

    Raises the errors of `validate_doubling`.
    """
    validate_doubling(n, k, s, m, p)
    chunks = pointer_layers(n, m * p)
    top = k.bit_length() - 1
    steps: list[Step] = []
    for power in range(top):
        if (k >> power) & 1:
            steps.append(Step(MARK, power, 0))
        steps.extend(Step(DOUBLE, power, chunk) for chunk in range(chunks))
    steps.extend(Step(SEND, top, chunk) for chunk in range(chunks))
    return tuple(steps)


def doubling_depth(n: int, k: int, s: int, m: int, p: int) -> int:
    """Return T·W + popcount(k) - 1 with T the bit length of k and W = ⌈⌈log₂ n⌉ / (m·p)⌉.

    Raises the errors of `validate_doubling`.
    """
    validate_doubling(n, k, s, m, p)
    return k.bit_length() * pointer_layers(n, m * p) + bin(k).count("1") - 1


def current_state(view: CachedView) -> DoublingState | None:
    """Return the state of the cached current position, or None when no cached position is current."""
    for _, state in view:
        if state.current:
            return state
    return None


def build_doubling(n: int, k: int, s: int, m: int, p: int) -> CacheTransformer[DoublingState]:
    """Build the pointer-doubling model for k-hop pointer chasing on n tokens with one head.

    Run it with `doubling_depth(n, k, s, m, p)` layers; later layers change nothing. Raises
    the errors of `validate_doubling`.
    """
    schedule = doubling_schedule(n, k, s, m, p)
    bandwidth = m * p
    last_chunk = pointer_layers(n, bandwidth) - 1

    def init(index: int, pointer: int, is_start: bool) -> DoublingState:
        return DoublingState(index, (pointer,), is_start, 0, 0)

    def message(layer: int, head: int, state: DoublingState, view: CachedView) -> int:
        if layer >= len(schedule):
            return 0
        step = schedule[layer]
        if step.kind == DOUBLE:
            target = dict(view)[state.powers[step.power]]
            return chunk_of(target.powers[step.power], step.chunk, bandwidth)
        # A run has exactly one current position, and the cache contains every position.
        current = current_state(view)
        if current is None:
            return 0
        if step.kind == MARK:
            return 1 if current.powers[step.power] == state.index else 0
        if state.index != OUTPUT:
            return 0
        return chunk_of(current.powers[step.power], step.chunk, bandwidth)

    def update(layer: int, state: DoublingState, messages: tuple[int, ...]) -> DoublingState:
        if layer >= len(schedule):
            return state
        step = schedule[layer]
        if step.kind == MARK:
            return state._replace(current=messages[0] == 1)
        if step.kind == SEND:
            if state.index != OUTPUT:
                return state
            return state._replace(answer=add_chunk(state.answer, messages[0], step.chunk, bandwidth))
        received = add_chunk(state.received, messages[0], step.chunk, bandwidth)
        if step.chunk < last_chunk:
            return state._replace(received=received)
        return state._replace(powers=state.powers + (received,), received=0)

    return CacheTransformer(
        n=n,
        s=s,
        H=1,
        m=m,
        p=p,
        init=init,
        controller=sliding_window(n, s),
        message=message,
        update=update,
        output=OUTPUT,
        decode=lambda state: state.answer,
    )
