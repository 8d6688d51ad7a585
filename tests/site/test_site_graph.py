"""The dependency graph of the real sources: what each statement rests on, and the layout."""

from __future__ import annotations

import json
import re

import networkx as nx

from pybridge.extraction import OPEN, PROVED
from pybridge.site import DependencyGraph


def _graph(snapshot) -> DependencyGraph:
    return DependencyGraph(snapshot.declarations, snapshot.statements)


def test_open_dependencies_match_open_reasons(snapshot):
    graph = _graph(snapshot)
    for statement in snapshot.statements:
        rests_on = graph.open_dependencies(statement.name)
        if statement.status == PROVED:
            assert rests_on == [], statement.name
        reason = statement.open_reason or ""
        if reason.startswith("depends on open "):
            assert rests_on == reason.removeprefix("depends on open ").split(", "), statement.name


def test_uses_match_extraction(snapshot):
    graph = _graph(snapshot)
    for statement in snapshot.statements:
        assert graph.uses(statement.name) == statement.uses
    used_by = graph.used_by("CacheDepth.hop")
    assert "CacheDepth.hop_add" in used_by
    assert all("CacheDepth.hop" in graph.uses(name) for name in used_by)


def test_layout_puts_users_right_of_uses(snapshot):
    graph = _graph(snapshot)
    positions = {p.name: p for p in graph.layout()}
    assert set(positions) == {s.name for s in snapshot.statements}
    component = {}
    for index, members in enumerate(nx.strongly_connected_components(graph.graph)):
        for name in members:
            component[name] = index
    for user, used in graph.graph.edges:
        if component[user] != component[used]:
            assert positions[user].column > positions[used].column, (user, used)
    cells = [(p.column, p.row) for p in positions.values()]
    assert len(cells) == len(set(cells))


def test_graph_page_embeds_panel_data(site, snapshot):
    text = (site / "graph.html").read_text(encoding="utf-8")
    payload = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', text, re.S).group(1)
    assert "<" not in payload
    nodes = json.loads(payload)["nodes"]
    graph = _graph(snapshot)
    assert set(nodes) == {s.name for s in snapshot.statements}
    for name in ("CacheDepth.hop_add", "CacheDepth.product_conjecture_of_gap", "CacheDepth.window_gap"):
        assert nodes[name]["uses"] == sorted(graph.graph.successors(name))
        reachable = nx.descendants(graph.graph, name)
        assert nodes[name]["rests_on_open"] == sorted(n for n in reachable if graph.status[n] == OPEN)
    assert text.count('<g class="node ') == len(nodes)
    assert text.count('<path class="edge"') == graph.graph.number_of_edges()
