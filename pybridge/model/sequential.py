"""The sequential follower of `CacheDepth/UpperBound/Sequential.lean`, executable.

Every definition follows the Lean one line by line. The state is (index, pointer, active,
last announced token), and the controller is `topByScore 1` with the score "active first".
The message is the pointer announced by the first active cached position, or the
receiver's own index when none is active. The update records the announced token and
makes the position active when that token is the position itself.
"""

from __future__ import annotations

from typing import NamedTuple

from pybridge.model.controllers import top_by_score
from pybridge.model.transformer import CachedView, CacheTransformer


class FollowState(NamedTuple):
    """A position's index, its pointer, whether it is the chain token reached, and `ans`."""

    idx: int
    ptr: int
    active: bool
    ans: int


def follow_score(state: FollowState) -> int:
    """Return the Lean `FollowState.score`: 1 for the active position, 0 otherwise."""
    return 1 if state.active else 0


def announced(view: CachedView, default: int) -> int:
    """Return the pointer of the first active entry of `view`, or `default`."""
    return next((state.ptr for _, state in view if state.active), default)


def read_token(value: int, n: int, default: int) -> int:
    """Return `value` when it is a token in range(n), else `default` (Lean `readToken`)."""
    return value if value < n else default


def sequential_follower(n: int, s: int, m: int, p: int, output: int) -> CacheTransformer[FollowState]:
    """Build the Lean `sequentialFollower n s m p hs hw o` for `s ≥ 1` and `n ≤ 2^(m·p)`.

    Raises `ValueError` naming the parameter when a hypothesis of the Lean definition fails.
    """
    if s < 1:
        raise ValueError(f"s={s} is invalid; the sequential follower needs a cache of at least 1")
    if n > 2 ** (m * p):
        raise ValueError(
            f"n={n} > 2^(m·p)={2 ** (m * p)}: one message cannot name every token; "
            "choose m·p ≥ ⌈log₂ n⌉"
        )

    def init(index: int, pointer: int, is_start: bool) -> FollowState:
        return FollowState(index, pointer, is_start, index)

    def message(layer: int, head: int, state: FollowState, view: CachedView) -> int:
        return announced(view, state.idx)

    def update(layer: int, state: FollowState, messages: tuple[int, ...]) -> FollowState:
        token = read_token(messages[0], n, state.idx)
        return FollowState(state.idx, state.ptr, state.idx == token, token)

    return CacheTransformer(
        n=n, s=s, H=1, m=m, p=p, init=init, controller=top_by_score(1, follow_score),
        message=message, update=update, output=output, decode=lambda state: state.ans,
    )
