"""The dependency-graph page: an SVG drawing of every statement and the references
between them, with a panel that lists what the selected statement uses and rests on."""

from __future__ import annotations

from .assets import GRAPH_SCRIPT
from .context import SiteContext
from .layout import escape, json_for_script, page, statement_href

ROW_HEIGHT = 22
BOX_HEIGHT = 18
COLUMN_GAP = 70
CHARACTER_WIDTH = 6.8  # 11px monospace, an estimate that errs wide
PADDING = 8


def _label(name: str) -> str:
    return name.removeprefix("CacheDepth.")


def graph_svg(context: SiteContext) -> str:
    """Return the SVG drawing: one box per statement, coloured by status, and one curve
    from each statement to every statement it uses."""
    positions = context.graph.layout()
    widths: dict[int, float] = {}
    for position in positions:
        width = len(_label(position.name)) * CHARACTER_WIDTH + 2 * PADDING
        widths[position.column] = max(widths.get(position.column, 0.0), width)
    left: dict[int, float] = {}
    x = 10.0
    for column in sorted(widths):
        left[column] = x
        x += widths[column] + COLUMN_GAP
    height = (max((p.row for p in positions), default=0) + 1) * ROW_HEIGHT + 20
    box = {p.name: (left[p.column], 10 + p.row * ROW_HEIGHT, widths[p.column]) for p in positions}

    edges = []
    for source, target in sorted(context.graph.graph.edges):
        sx, sy, _ = box[source]
        tx, ty, tw = box[target]
        start = (sx, sy + BOX_HEIGHT / 2)
        end = (tx + tw, ty + BOX_HEIGHT / 2)
        middle = (start[0] + end[0]) / 2
        edges.append(
            f'<path class="edge" data-from="{escape(source)}" data-to="{escape(target)}" '
            f'd="M{start[0]:.1f},{start[1]:.1f} C{middle:.1f},{start[1]:.1f} '
            f'{middle:.1f},{end[1]:.1f} {end[0]:.1f},{end[1]:.1f}"/>')

    nodes = []
    for position in positions:
        name = position.name
        status = context.graph.status[name]
        nx_, ny, width = box[name]
        nodes.append(
            f'<g class="node {escape(status)}" data-name="{escape(name)}">'
            f"<title>{escape(name)} ({escape(status)})</title>"
            f'<rect x="{nx_:.1f}" y="{ny:.1f}" width="{width:.1f}" height="{BOX_HEIGHT}" rx="4"/>'
            f'<text x="{nx_ + PADDING:.1f}" y="{ny + 13:.1f}">{escape(_label(name))}</text></g>')
    return (f'<svg id="graph" xmlns="http://www.w3.org/2000/svg" width="{x:.0f}" height="{height}" '
            f'role="img" aria-label="Dependency graph of the statements">\n'
            + "\n".join(edges) + "\n" + "\n".join(nodes) + "\n</svg>")


def graph_data(context: SiteContext) -> dict:
    """Return, per statement, the lists the panel shows, computed here with networkx."""
    graph = context.graph
    nodes = {}
    for name in graph.graph:
        statement = context.by_name[name]
        nodes[name] = {
            "status": statement.status,
            "href": statement_href(statement.module, name),
            "uses": graph.uses(name),
            "used_by": graph.used_by(name),
            "dependencies": graph.dependencies(name),
            "rests_on_open": graph.open_dependencies(name),
        }
    return {"nodes": nodes}


def render_graph_page(context: SiteContext) -> str:
    """Return graph.html."""
    body = f"""<h1>Dependency graph</h1>
<p>Each box is a statement: <span class="badge proved">proved</span>
<span class="badge open">open</span> <span class="badge definition">definition</span>.
A curve joins a statement (right) to each statement its source text mentions (left).
Select a box to highlight everything it uses; open statements it rests on get a red outline.
References are found by name in the source text, as the status propagation does.</p>
<div id="graph-layout">
<div id="graph-box">
{graph_svg(context)}
</div>
<div id="graph-panel"><p class="meta">Select a statement to list what it uses and the open
statements it rests on.</p></div>
</div>
<script type="application/json" id="graph-data">{json_for_script(graph_data(context))}</script>
"""
    return page("Dependency graph", body, script=GRAPH_SCRIPT, wide=True)
