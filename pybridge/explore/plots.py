"""Heatmaps of optimum / max bound and optimum / product bound over (⌈k/s⌉, W).

The horizontal axis is ⌈k/s⌉ and the vertical axis W = ⌈log₂ n/(H·m·p)⌉, the two factors
of both bounds. Several points can share a cell, for instance different n with the same
W. A cell of optimum / max bound shows the largest ratio among its points (the point
furthest above the max bound), and a cell of optimum / product bound the smallest (the
point furthest below the product bound). Empty cells have no evaluated point. Four
optima are drawn: the least depth of the protocol family (an upper bound on the Lean
model's optimum), the least depth of its query-limited members, and the values of the
routing and marking games.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import numpy as np  # noqa: E402

HEATMAP_NAME = "explore-heatmaps"

OPTIMA = (
    ("least protocol depth", lambda record: (record["best_protocol"] or {}).get("depth")),
    ("least query-limited depth", lambda record: (record["best_query_limited"] or {}).get("depth")),
    ("routing game", lambda record: record["games"]["routing"]["optimum"]),
    ("marking game", lambda record: record["games"]["marking"]["optimum"]),
)
BOUNDS = (("max bound", "max_bound", max), ("product bound", "product_bound", min))
"""Each bound with the aggregate that picks one ratio per cell."""


def _grid(records: Sequence[dict[str, Any]], optimum, bound: str, pick) -> tuple[list[int], list[int], np.ndarray]:
    reach = sorted({record["formulas"]["reach_depth"] for record in records})
    window = sorted({record["formulas"]["bandwidth_depth"] for record in records})
    cells = np.full((len(window), len(reach)), np.nan)
    for record in records:
        value = optimum(record)
        denominator = record["formulas"][bound]
        if value is None or denominator == 0:
            continue
        row = window.index(record["formulas"]["bandwidth_depth"])
        column = reach.index(record["formulas"]["reach_depth"])
        ratio = value / denominator
        cells[row, column] = ratio if np.isnan(cells[row, column]) else pick(ratio, cells[row, column])
    return reach, window, cells


def write_heatmaps(records: Sequence[dict[str, Any]], folder: Path) -> list[Path]:
    """Draw the heatmaps of `records` into folder/explore-heatmaps.png and .svg; return both paths.

    Returns an empty list and writes nothing when there are no records.
    """
    if not records:
        return []
    figure, axes = plt.subplots(len(OPTIMA), len(BOUNDS), figsize=(11, 4 * len(OPTIMA)), squeeze=False)
    for row_index, (optimum_name, optimum) in enumerate(OPTIMA):
        for column_index, (bound_name, bound, pick) in enumerate(BOUNDS):
            axis = axes[row_index][column_index]
            reach, window, cells = _grid(records, optimum, bound, pick)
            image = axis.imshow(cells, origin="lower", cmap="viridis", aspect="auto")
            axis.set_xticks(range(len(reach)), [str(value) for value in reach])
            axis.set_yticks(range(len(window)), [str(value) for value in window])
            axis.set_xlabel("⌈k/s⌉")
            axis.set_ylabel("W = ⌈log₂ n / (H·m·p)⌉")
            axis.set_title(f"{optimum_name} / {bound_name} ({pick.__name__} per cell)")
            for (row, column), value in np.ndenumerate(cells):
                if not np.isnan(value):
                    axis.text(column, row, f"{value:.2f}", ha="center", va="center", color="white", fontsize=8)
            figure.colorbar(image, ax=axis)
    figure.tight_layout()

    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{HEATMAP_NAME}.png", folder / f"{HEATMAP_NAME}.svg"]
    for path in paths:
        figure.savefig(path)
    plt.close(figure)
    return paths
