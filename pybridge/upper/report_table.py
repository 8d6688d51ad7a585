"""The plain-text table of the upper-bound report, one row per parameter point."""

from __future__ import annotations

from typing import Any

from pybridge.upper.constructions import CONSTRUCTIONS

HEADER = (
    "n", "k", "s", "m·p", "max", "product", *(c.name for c in CONSTRUCTIONS),
    "upper", "doubling bound", "upper/max", "upper/doubling", "n≥4k", "16s²≤n", "check",
)


def point_row(point: dict[str, Any]) -> list[str]:
    """Return the cells of one point; a construction that does not apply gets "-"."""
    depths = {entry["construction"]: entry for entry in point["constructions"]}
    cells = [str(point[name]) for name in ("n", "k", "s")]
    cells.append(str(point["m"] * point["p"]))
    cells += [str(point["max_bound"]), str(point["product_bound"])]
    cells += [str(depths[c.name]["depth"]) if c.name in depths else "-" for c in CONSTRUCTIONS]
    cells += [
        str(point["upper"]),
        str(point["doubling_upper_bound"]),
        point["upper_over_max_bound"],
        point["upper_over_doubling_upper_bound"],
        "yes" if point["max_bound_applies"] else "no",
        "yes" if point["product_conjecture_applies"] else "no",
        "pass" if point["passed"] else "FAIL",
    ]
    return cells


def format_upper_bound_table(document: dict[str, Any]) -> str:
    """Format the report document as an aligned table followed by a summary."""
    rows = [list(HEADER)] + [point_row(point) for point in document["points"]]
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADER))]
    lines = ["  ".join(cell.rjust(width) for cell, width in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))

    summary = document["summary"]
    lines += [
        "",
        "max: the lower bound max(⌈k/s⌉, ⌈log₂ n/(m·p)⌉) with one head, stated for n ≥ 4k (the "
        "bandwidth half is proved for every model, the reachability half for oblivious "
        "controllers); product: the conjectured ⌈k/s⌉·⌈log₂ n/(m·p)⌉, for n ≥ 4k and 16s² ≤ n;",
        "doubling bound: min(k, ⌈k/s⌉·max(1, ⌈log₂ s⌉))·⌈log₂ n/(m·p)⌉, met everywhere by the "
        "windowed marking (windowed_doubling_bound in Lean); upper: the least depth of the "
        "constructions, each run on all n^n·n instances.",
        f"{summary['points_passed']} of {summary['points']} points passed; upper ≤ doubling bound "
        f"at {summary['points_upper_le_doubling_upper_bound']} points; upper < max at "
        f"{summary['points_upper_lt_max_bound']} points; upper < product at "
        f"{summary['points_upper_lt_product_bound']} points; largest upper/max: "
        f"{summary['max_upper_over_max_bound']}.",
    ]
    return "\n".join(lines)
