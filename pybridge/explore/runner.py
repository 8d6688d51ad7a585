"""Run the grid: evaluate each unfinished point and record it as soon as it finishes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pybridge.explore.budget import Budget, BudgetExceeded
from pybridge.explore.evaluate import evaluate_point
from pybridge.explore.grid import GridPoint
from pybridge.explore.store import ResultsStore


@dataclass(frozen=True)
class RunOutcome:
    """The end of a run: the points it finished now, the ones it skipped, and why it stopped."""

    finished: int
    skipped: int
    remaining: int
    stopped_by: str | None
    """The limit that stopped the run, or None when every point is finished."""
    stopped_at: str | None
    """The key of the point that was in progress when the run stopped."""


def run_grid(
    points: list[GridPoint], store: ResultsStore, budget: Budget,
    progress: Callable[[str], None] = lambda message: None,
) -> RunOutcome:
    """Evaluate every point of `points` missing from `store`, in order, until a limit stops the run.

    Each finished point is written to the store before the next one starts. The point in
    progress when a limit is reached is dropped, so a rerun evaluates it from the start.
    """
    todo = [item for item in points if item.point.key not in store.records]
    skipped = len(points) - len(todo)
    if skipped:
        progress(f"skipping {skipped} points already in {store.path}")

    finished = 0
    for index, item in enumerate(todo):
        try:
            budget.check_time()
            record = evaluate_point(item, budget)
        except BudgetExceeded as error:
            return RunOutcome(finished, skipped, len(todo) - index, str(error), item.point.key)
        store.add(record)
        finished += 1
        progress(
            f"[{skipped + finished}/{len(points)}] {item.point.key} ({item.instance_set}): "
            f"{record['states']} states in {record['seconds']:.2f} s"
        )
    return RunOutcome(finished, skipped, 0, None, None)
