"""The style sheet and scripts that every page inlines, so the site works offline from
file:// without any network request.

The scripts build page content with `textContent` only, never `innerHTML`, so text that
comes from Lean cannot become markup in the browser either.
"""

STYLE = """
:root { --proved: #1a7f37; --open: #c2410c; --definition: #4657a8; --muted: #57606a; }
body { font-family: system-ui, sans-serif; margin: 0; color: #1f2328; line-height: 1.45; }
header.site { background: #24292f; color: #fff; padding: .6rem 1.2rem; display: flex;
  gap: 1.2rem; align-items: center; flex-wrap: wrap; }
header.site a { color: #fff; }
header.site form { margin-left: auto; }
main { padding: 1rem 1.2rem 3rem; max-width: 78rem; }
a { color: #0969da; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
code, pre, a.mono, td.mono { font-size: .88em; }
pre { background: #f6f8fa; padding: .5rem .7rem; overflow-x: auto; white-space: pre-wrap; }
.badge { display: inline-block; min-width: 5.5em; text-align: center; border-radius: 1em;
  padding: 0 .5em; color: #fff; font-size: .8em; font-weight: 600; }
.badge.proved { background: var(--proved); } .badge.open { background: var(--open); }
.badge.definition { background: var(--definition); } .badge.missing { background: #6e7781; }
.notice { border-left: 4px solid var(--open); background: #fff8f0; padding: .5rem .8rem; }
.notice.ok { border-color: var(--proved); background: #f0fff4; }
.docstring p { margin: .3rem 0; }
.facts th { width: 11rem; }
.meta { color: var(--muted); font-size: .9em; }
.card { border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem .9rem; margin: .8rem 0; }
.card h3 { margin: 0 0 .3rem; font-size: 1.05em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #eaeef2;
  overflow-wrap: anywhere; }
.claim > h3 { margin-bottom: .2rem; }
#statements th:nth-child(1) { width: 7rem; } #statements th:nth-child(2) { width: 30%; }
#statements th:nth-child(3) { width: 18%; }
.fail { color: #cf222e; font-weight: 600; } .pass { color: var(--proved); font-weight: 600; }
main.wide { max-width: none; }
#graph-layout { display: flex; gap: 1rem; align-items: flex-start; }
#graph-box { overflow: auto; border: 1px solid #d0d7de; height: 78vh; flex: 1; }
#graph-panel { width: 24rem; max-height: 78vh; overflow: auto; }
#graph-panel h2 { font-size: 1.05em; } #graph-panel h3 { font-size: .95em; margin: .6rem 0 .2rem; }
#graph-panel ul { padding-left: 1.1rem; margin: 0; font-size: .9em; }
svg .node rect { stroke: #fff; stroke-width: 1; cursor: pointer; }
svg .node text { fill: #fff; font: 11px ui-monospace, monospace; pointer-events: none; }
svg .node.proved rect { fill: var(--proved); } svg .node.open rect { fill: var(--open); }
svg .node.definition rect { fill: var(--definition); }
svg .edge { fill: none; stroke: #8c959f; stroke-opacity: .35; }
svg.focused .node { opacity: .25; } svg.focused .edge { stroke-opacity: .06; }
svg.focused .node.related, svg.focused .node.selected { opacity: 1; }
svg .node.selected rect { stroke: #000; stroke-width: 3; }
svg .node.rests-on rect { stroke: #cf222e; stroke-width: 3; }
svg.focused .edge.related { stroke: #24292f; stroke-opacity: .8; }
"""

SEARCH_SCRIPT = """
(function () {
  var input = document.getElementById('search');
  var status = document.getElementById('status-filter');
  var count = document.getElementById('match-count');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#statements tbody tr'));
  function apply() {
    var terms = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var selected = status.value;
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute('data-search');
      var match = (selected === 'all' || row.getAttribute('data-status') === selected) &&
        terms.every(function (term) { return text.indexOf(term) !== -1; });
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    count.textContent = shown + ' of ' + rows.length + ' statements shown';
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get('q')) { input.value = params.get('q'); }
  if (params.get('status')) { status.value = params.get('status'); }
  input.addEventListener('input', apply);
  status.addEventListener('change', apply);
  apply();
})();
"""

GRAPH_SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var svg = document.getElementById('graph');
  var panel = document.getElementById('graph-panel');
  function item(list, name) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = '#' + encodeURIComponent(name);
    a.textContent = name;
    li.appendChild(a);
    list.appendChild(li);
  }
  function section(title, names, emptyText) {
    var h = document.createElement('h3');
    h.textContent = title + ' (' + names.length + ')';
    panel.appendChild(h);
    if (names.length === 0) {
      var p = document.createElement('p');
      p.textContent = emptyText;
      panel.appendChild(p);
      return;
    }
    var list = document.createElement('ul');
    names.forEach(function (name) { item(list, name); });
    panel.appendChild(list);
  }
  function select(name) {
    var node = data.nodes[name];
    if (!node) { return; }
    var related = {};
    node.dependencies.forEach(function (d) { related[d] = true; });
    var restsOn = {};
    node.rests_on_open.forEach(function (d) { restsOn[d] = true; });

    svg.classList.add('focused');
    svg.querySelectorAll('.node').forEach(function (g) {
      var n = g.getAttribute('data-name');
      g.classList.toggle('selected', n === name);
      g.classList.toggle('related', !!related[n]);
      g.classList.toggle('rests-on', !!restsOn[n]);
    });
    svg.querySelectorAll('.edge').forEach(function (e) {
      var from = e.getAttribute('data-from');
      e.classList.toggle('related', from === name || !!related[from]);
    });

    panel.textContent = '';
    var h = document.createElement('h2');
    var link = document.createElement('a');
    link.href = node.href;
    link.textContent = name;
    h.appendChild(link);
    var badge = document.createElement('span');
    badge.className = 'badge ' + node.status;
    badge.textContent = node.status;
    h.appendChild(document.createTextNode(' '));
    h.appendChild(badge);
    panel.appendChild(h);
    section('Uses directly', node.uses, 'Uses no other statement of the library.');
    section('Rests on open statements', node.rests_on_open, 'Rests on no open statement.');
    section('Used by', node.used_by, 'No statement of the library uses it.');

    var rect = svg.querySelector('.node.selected rect');
    var box = document.getElementById('graph-box');
    if (rect) {
      box.scrollLeft = rect.x.baseVal.value - box.clientWidth / 2;
      box.scrollTop = rect.y.baseVal.value - box.clientHeight / 2;
    }
  }
  svg.querySelectorAll('.node').forEach(function (g) {
    g.addEventListener('click', function () {
      window.location.hash = encodeURIComponent(g.getAttribute('data-name'));
    });
  });
  function fromHash() {
    if (window.location.hash.length > 1) { select(decodeURIComponent(window.location.hash.slice(1))); }
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
"""
