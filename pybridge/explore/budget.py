"""The limits of one explore run: wall-clock seconds and search states."""

from __future__ import annotations

import time
from dataclasses import dataclass, field


class BudgetExceeded(Exception):
    """The run reached --limit-seconds or --limit-states; the point in progress is dropped."""


@dataclass
class Budget:
    """Counts the states a run explores and stops it at its limits.

    A state is one game state expanded by a search, or one layer of one instance simulated
    by a protocol. `max_states` bounds the total for the run, which also bounds the memory
    of any one search, because a search stores at most the states it expanded and their
    successors. None means no limit.
    """

    max_seconds: float | None = None
    max_states: int | None = None
    states: int = 0
    started: float = field(default_factory=lambda: time.monotonic())
    next_clock_check: int = 0
    """The state count at which `charge_states` reads the clock next."""

    def charge_states(self, count: int) -> None:
        """Add `count` states; raises `BudgetExceeded` when a limit is reached."""
        self.states += count
        if self.max_states is not None and self.states > self.max_states:
            raise BudgetExceeded(f"the run explored more than --limit-states {self.max_states} states")
        # Reading the clock once per 256 states keeps its cost small against one state.
        if self.max_seconds is not None and self.states >= self.next_clock_check:
            self.next_clock_check = self.states + 256
            self.check_time()

    def check_time(self) -> None:
        """Raise `BudgetExceeded` when the run is past --limit-seconds."""
        if self.max_seconds is not None and self.elapsed() > self.max_seconds:
            raise BudgetExceeded(f"the run took more than --limit-seconds {self.max_seconds:g} s")

    def elapsed(self) -> float:
        """Return the seconds since the run started."""
        return time.monotonic() - self.started
