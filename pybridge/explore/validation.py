"""Checks that the points stored in explore.json belong to the run's grid and are complete."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pybridge.explore.game import VARIANTS
from pybridge.explore.protocols import FAMILY
from pybridge.explore.store import ResultsFileError

FORMULA_NAMES = ("reach_depth", "bandwidth_depth", "max_bound", "product_bound", "doubling_upper_bound")


def _is_count(value: Any) -> bool:
    return type(value) is int and value >= 0


def _record_problem(record: dict[str, Any]) -> str | None:
    """Return what is wrong with one stored record, or None when it is complete."""
    formulas = record.get("formulas")
    if not isinstance(formulas, dict) or not all(_is_count(formulas.get(name)) for name in FORMULA_NAMES):
        return "its formulas are missing or not counts"
    if not _is_count(record.get("counting_bound")):
        return "its counting bound is missing"

    games = record.get("games")
    if not isinstance(games, dict) or set(games) != set(VARIANTS):
        return f"its games are not exactly {list(VARIANTS)}"
    for variant, game in games.items():
        if not isinstance(game, dict) or not (game.get("optimum") is None or _is_count(game.get("optimum"))):
            return f"its {variant} game has no valid optimum"

    protocols = record.get("protocols")
    names = {spec.name for spec in FAMILY}
    if not isinstance(protocols, dict) or set(protocols) != names:
        return f"its protocols are not exactly {sorted(names)}"
    for name, run in protocols.items():
        if not isinstance(run, dict) or not (run.get("depth") is None or _is_count(run.get("depth"))):
            return f"its protocol {name!r} has no valid depth"
        if "window_instance" not in run:
            return f"its protocol {name!r} lacks window_instance"
        if not isinstance(run.get("query_limited"), bool):
            return f"its protocol {name!r} lacks query_limited"

    for field_name in ("best_protocol", "best_query_limited"):
        if field_name not in record:
            return f"it lacks {field_name}"
        best = record[field_name]
        if best is not None and (
            not isinstance(best, dict) or best.get("name") not in names or not _is_count(best.get("depth"))
        ):
            return f"its {field_name} is invalid"
    for name in ("instance_set", "point"):
        if name not in record:
            return f"it lacks {name}"
    return None


def check_records(path: Path, records: dict[str, dict[str, Any]], grid_keys: Iterable[str]) -> None:
    """Raise `ResultsFileError` when a stored point is not in the grid or is incomplete."""
    known = set(grid_keys)
    for key, record in records.items():
        if key not in known:
            raise ResultsFileError(
                f"{path} contains the point {key}, which is not in this run's grid; the file was "
                "written by another version or edited. Delete it or pass --restart"
            )
        problem = _record_problem(record)
        if problem is not None:
            raise ResultsFileError(
                f"{path} contains an incomplete record for {key}: {problem}. Delete the file or "
                "pass --restart"
            )
