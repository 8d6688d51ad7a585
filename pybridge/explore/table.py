"""Plain-text tables of an explore run: optima per point, one table per part, and a summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pybridge.explore.parts import PartResult

MAX_HOLDING_ROWS = 8
"""Rows that agree with a part shown per part table; failing rows are always shown."""


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Align `rows` under `header` in columns separated by two spaces."""
    widths = [len(title) for title in header]
    for row in rows:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row)]
    lines = ["  ".join(title.ljust(width) for title, width in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    lines.extend("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)
    return "\n".join(lines)


def _number(value: Any) -> str:
    return "-" if value is None else str(value)


def format_optima(records: Sequence[dict[str, Any]]) -> str:
    """Format one row per point: the bounds, the relaxation and game optima and the least protocol depths."""
    rows = []
    for record in records:
        point = record["point"]
        formulas = record["formulas"]
        best = record["best_protocol"]
        limited = record["best_query_limited"]
        rows.append([
            str(point["n"]), str(point["k"]), str(point["s"]),
            str(point["H"] * point["m"] * point["p"]),
            "all" if record["instance_set"] == "all classes" else "shapes",
            str(record["instance_count"]),
            str(formulas["max_bound"]), str(formulas["product_bound"]),
            str(formulas["doubling_upper_bound"]),
            "-" if record["relaxation"] is None else str(record["relaxation"]["optimum"]),
            _number(record["games"]["routing"]["optimum"]),
            _number(record["games"]["marking"]["optimum"]),
            "-" if best is None else f"{best['depth']} ({best['name']})",
            "-" if limited is None else f"{limited['depth']} ({limited['name']})",
        ])
    header = ["n", "k", "s", "Hmp", "instances", "classes", "max", "product", "doubling",
              "relaxation", "routing game", "marking game", "least protocol depth",
              "least query-limited depth"]
    return format_table(header, rows)


def format_part(result: PartResult) -> str:
    """Format one part: its verdict, statements, question and the rows of its domain."""
    lines = [
        f"{result.name}: {result.verdict}",
        f"  Lean: {', '.join(result.statements)}",
        f"  decided per point: {result.question}",
    ]
    if result.note:
        lines.append(f"  note: {result.note}")
    failing = [row for row in result.rows if not row.ok]
    holding = [row for row in result.rows if row.ok]
    shown = failing + holding[:MAX_HOLDING_ROWS]
    if shown:
        rows = [[row.key, "yes" if row.ok else "NO", row.values] for row in shown]
        lines.append(format_table(["point", "agrees", "values"], rows))
    hidden = len(holding) - min(len(holding), MAX_HOLDING_ROWS)
    if hidden:
        lines.append(f"… and {hidden} more points that agree (all rows are in explore.json)")
    return "\n".join(lines)


def format_summary(results: Sequence[PartResult]) -> str:
    """Format one row per part: verdict, evaluated points, largest n and the counterexample."""
    rows = []
    for result in results:
        failure = result.first_failure()
        if failure is not None:
            detail = f"counterexample {failure.key}: {failure.values}"
        else:
            detail = result.note
        rows.append([
            result.name, result.verdict, f"{result.evaluated}/{result.domain_points}",
            _number(result.largest_n), detail,
        ])
    return format_table(["part", "verdict", "points", "largest n", "counterexample or note"], rows)
