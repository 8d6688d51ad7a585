"""The controllers of the constructions are locality-respecting, checked by exhaustive search."""

from __future__ import annotations

import pytest

from pybridge.model import find_controller_violation, is_oblivious
from pybridge.model.controllers import top_positions
from pybridge.upper.doubling import DoublingState, build_doubling, doubling_depth
from pybridge.upper.marker_relay import MarkerState, build_marker_relay, marker_relay_depth
from pybridge.upper.pointer_relay import RelayState, build_pointer_relay, pointer_relay_depth
from pybridge.upper.readout import ReadoutState, build_readout, readout_depth
from pybridge.upper.windowed_marking import WindowState, build_windowed_marking, windowed_marking_depth

# Alphabets mix the field the score reads with fields it must ignore.
MARKER_STATES = (
    MarkerState(0, 1, False, 0),
    MarkerState(0, 1, True, 0),
    MarkerState(2, 0, True, 1),
)
RELAY_STATES = (
    RelayState(0, 1, False, 0, 0),
    RelayState(1, 2, True, 1, 1),
    RelayState(2, 0, False, 1, 2),
)


@pytest.mark.parametrize("n, s", [(3, 1), (3, 2), (4, 1), (4, 2)])
def test_marker_relay_controller_is_local(n: int, s: int) -> None:
    model = build_marker_relay(n, 3, s, 1, 1)
    layers = marker_relay_depth(n, 3, s, 1, 1)
    assert find_controller_violation(model.controller, n, MARKER_STATES, layers) is None


@pytest.mark.parametrize("n, s", [(3, 1), (3, 2), (4, 1), (4, 2)])
def test_pointer_relay_controller_is_local(n: int, s: int) -> None:
    model = build_pointer_relay(n, 2, s, 1, 1)
    layers = pointer_relay_depth(n, 2, s, 1, 1)
    assert find_controller_violation(model.controller, n, RELAY_STATES, layers) is None


# The segment controller reads the marks and the pointers of the positions it caches.
WINDOW_STATES = (
    WindowState(0, 1, False, 0),
    WindowState(0, 2, True, 0),
    WindowState(1, 0, False, 3),
    WindowState(2, 2, True, 1),
)


@pytest.mark.parametrize("n, s", [(3, 1), (3, 2), (4, 2)])
def test_windowed_marking_controller_is_local(n: int, s: int) -> None:
    model = build_windowed_marking(n, 3, s, 1, 1)
    layers = windowed_marking_depth(n, 3, s, 1, 1)
    assert find_controller_violation(model.controller, n, WINDOW_STATES, layers) is None


def test_full_cache_controllers_are_oblivious() -> None:
    doubling_states = (DoublingState(0, (1,), False, 0, 0), DoublingState(1, (0, 1), True, 1, 0))
    readout_states = (ReadoutState(0, 1, False, 0), ReadoutState(2, 0, True, 1))
    for build, depth, alphabet in [
        (build_doubling, doubling_depth, doubling_states),
        (build_readout, readout_depth, readout_states),
    ]:
        model = build(3, 3, 3, 1, 1)
        for layer in range(depth(3, 3, 3, 1, 1)):
            rule = lambda states, layer=layer: model.controller(layer, states)
            assert is_oblivious(rule, 3, alphabet), (build.__name__, layer)
            assert rule(alphabet[:1] * 3) == [0, 1, 2]


def test_successor_controller_is_not_local() -> None:
    # Caching the successor of the current token reads another position's state, so an
    # uncached current token changes the cache: the search must find that.
    def successor_controller(layer, states):
        scores = [0] * len(states)
        for state in states:
            if state.current:
                scores[state.pointer] = 1
        return top_positions(1, scores)

    violation = find_controller_violation(successor_controller, 3, MARKER_STATES, 1)
    assert violation is not None
