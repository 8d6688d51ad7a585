"""The `cachedepth explore` command: options, the run, and what it prints and writes.

It starts no Lean process. Exit status: 0 when every point is finished, 2 for invalid
options or an unusable explore.json, 3 when a limit stopped the run (rerun to resume),
130 when interrupted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pybridge.explore.budget import Budget
from pybridge.explore.grid import GridParameters, grid_points
from pybridge.explore.parts import evaluate_parts
from pybridge.explore.plots import write_heatmaps
from pybridge.explore.runner import run_grid
from pybridge.explore.store import RESULTS_NAME, ResultsFileError, ResultsStore
from pybridge.explore.table import format_optima, format_part, format_summary
from pybridge.explore.validation import check_records

EXIT_STOPPED = 3


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is invalid; the limit must be more than 0 seconds")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is invalid; the value must be at least 1")
    return value


def _natural(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is invalid; the value must be at least 0")
    return value


def add_explore_parser(subcommands: argparse._SubParsersAction) -> None:
    """Add the `explore` subcommand and its options to the `cachedepth` parser."""
    explore = subcommands.add_parser(
        "explore",
        help="test the product conjecture and its parts on small cases (starts no Lean process)",
        description=(
            "Evaluate the parts of the product conjecture on small parameter points: exact game "
            "optima and protocol depths on every instance up to relabelling (n ≤ 7) or on one "
            "instance per chain shape (n ≥ 16), compared with the max, product and doubling "
            "bounds. Finished points are kept in explore.json, and a rerun resumes."
        ),
    )
    explore.add_argument("--max-n", type=_positive_int, default=5,
                         help="largest token count n of the exhaustive range, 2..7 (default 5)")
    explore.add_argument("--max-shape-n", type=_natural, default=16,
                         help="largest n of the conjecture range n = 16, 32, 64, …, evaluated on chain "
                              "shapes; 0 leaves the range out (default 16)")
    explore.add_argument("--limit-seconds", type=_positive_float, default=None,
                         help="stop the run after this many seconds of wall time (default: no limit)")
    explore.add_argument("--limit-states", type=_positive_int, default=None,
                         help="stop the run after exploring this many search states in total, which "
                              "also caps the memory of each search (default: no limit)")
    explore.add_argument("--output", type=Path, default=Path("reports/explore"),
                         help="folder for explore.json and the heatmaps (default: reports/explore)")
    explore.add_argument("--restart", action="store_true",
                         help="discard the stored results in the output folder instead of resuming")
    explore.add_argument("--no-plots", action="store_true", help="skip the heatmaps")


def run_explore(args: argparse.Namespace) -> int:
    """Run `cachedepth explore` with parsed options and return its exit status."""
    try:
        parameters = GridParameters(args.max_n, args.max_shape_n)
    except ValueError as error:
        say(f"error: {error}")
        return 2

    points = grid_points(parameters)
    path = args.output / RESULTS_NAME
    try:
        store = ResultsStore.open(path, parameters.to_json(), restart=args.restart)
        check_records(path, store.records, [item.point.key for item in points])
    except ResultsFileError as error:
        say(f"error: {error}")
        return 2

    budget = Budget(args.limit_seconds, args.limit_states)
    say(f"exploring {len(points)} points; results go to {path}")
    try:
        outcome = run_grid(points, store, budget, progress=say)
    except KeyboardInterrupt:
        say(f"interrupted; {len(store.records)} finished points are kept in {path}; "
            "rerun the same command to resume")
        return 130

    grid = [item.point for item in points]
    results = evaluate_parts(grid, store.records)
    store.parts = [result.to_json() for result in results]
    store.save()

    records = [store.records[point.key] for point in grid if point.key in store.records]
    print(format_optima(records))
    for result in results:
        print()
        print(format_part(result))
    print()
    print(format_summary(results))

    if not args.no_plots:
        for written in write_heatmaps(records, args.output):
            say(f"wrote {written}")
    say(f"wrote {path} ({len(store.records)} of {len(points)} points, {budget.states} states "
        f"explored in {budget.elapsed():.1f} s)")

    if outcome.stopped_by is not None:
        if outcome.finished == 0:
            hint = (f"{outcome.stopped_at} alone needs more than this run's limit; raise "
                    "--limit-states or --limit-seconds")
        else:
            hint = "rerun the same command to resume; finished points are kept"
        say(f"stopped: {outcome.stopped_by} while evaluating {outcome.stopped_at}; "
            f"{outcome.remaining} points remain. {hint}")
        return EXIT_STOPPED
    return 0
