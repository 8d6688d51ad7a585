"""The error-scaling figure: exact probabilities against the two formulas over T.

The figure has one panel per cache size s at the largest n of the grid. Each panel plots,
on a log scale over T, the exact oblivious and adaptive optima, the C6 bound with its
leading term (s/(n−T))^T, and the C7 value s/n. It is drawn with matplotlib's
object-oriented API on the Agg canvas, so it never touches pyplot's global state.
"""

from __future__ import annotations

import io

from pybridge.errorscaling.formulas import oblivious_leading_term
from pybridge.errorscaling.points import ScalingPoint


def _panel_sizes(points: list[ScalingPoint], n: int) -> list[int]:
    # s = 0 gives probability 0, which a log scale cannot show, and s = n gives 1 everywhere.
    sizes = sorted({point.s for point in points if point.n == n and 0 < point.s < n})
    return sizes or sorted({point.s for point in points if point.n == n and point.s > 0})


def _draw(points: list[ScalingPoint]):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    n = max(point.n for point in points)
    sizes = _panel_sizes(points, n)
    figure = Figure(figsize=(3.2 * max(len(sizes), 1), 3.6), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.subplots(1, max(len(sizes), 1), squeeze=False, sharey=True)[0]

    for panel, s in zip(axes, sizes):
        row = sorted((point for point in points if point.n == n and point.s == s), key=lambda p: p.stages)
        stages = [point.stages for point in row]
        with_bound = [point for point in row if point.oblivious_bound is not None]
        panel.plot(stages, [float(point.oblivious) for point in row], "o-", color="tab:blue",
                   label="Pr_oblivious, exact maximum")
        panel.plot([point.stages for point in with_bound],
                   [float(point.oblivious_bound) for point in with_bound], "--", color="tab:blue",
                   label="C6 bound (s/(n−T))^T + 2T³/n")
        panel.plot([point.stages for point in with_bound],
                   [float(oblivious_leading_term(n, s, point.stages)) for point in with_bound], ":",
                   color="tab:blue", label="leading term (s/(n−T))^T")
        panel.plot(stages, [float(point.adaptive) for point in row], "s-", color="tab:orange",
                   label="Pr_adaptive, exact maximum")
        panel.plot(stages, [float(point.adaptive_formula) for point in row], "--", color="black",
                   linewidth=1, label="C7 value s/n")
        panel.axhline(1.0, color="0.6", linewidth=0.8)
        panel.set_yscale("log")
        panel.set_xticks(stages)
        panel.set_xlabel("doubling stages T")
        panel.set_title(f"n = {n}, s = {s}")
    axes[0].set_ylabel("success probability")
    handles, labels = axes[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside lower center", ncols=3, fontsize="small")
    figure.suptitle("Exact success probability of oblivious and adaptive caches")
    return figure


def render_png(points: list[ScalingPoint]) -> bytes:
    """Return the figure as PNG bytes; raises `ValueError` when `points` is empty."""
    if not points:
        raise ValueError("no points to plot; the grid needs n ≥ 1 and T ≥ 1")
    buffer = io.BytesIO()
    _draw(points).savefig(buffer, format="png", dpi=120)
    return buffer.getvalue()


def render_svg(points: list[ScalingPoint]) -> str:
    """Return the figure as SVG text with fixed element ids and no date, so equal points
    give equal files."""
    if not points:
        raise ValueError("no points to plot; the grid needs n ≥ 1 and T ≥ 1")
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "cachedepth-error-scaling"}):
        _draw(points).savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
