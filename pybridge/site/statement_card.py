"""The card that shows one statement: status, docstring, statement, source, axioms,
numerical evidence and dependencies."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from ..extraction import DEFINITION, OPEN, Statement
from .context import SiteContext
from .evidence import CheckRecord
from .layout import docstring_html, escape, source_href, statement_href

AXIOMS_UNAVAILABLE = (
    "not available with this toolchain: the extraction does not run <code>#print axioms</code>"
)


def evidence_text(context: SiteContext, statement: Statement) -> str:
    """Return the HTML that summarizes the numerical checks of `statement`."""
    evidence = context.evidence
    if statement.status == DEFINITION:
        return "none: definitions are not checked numerically"
    if not evidence.exists:
        return "no check report: run <code>cachedepth check</code>"
    records = evidence.for_statement(statement.name)
    if not records:
        if statement.status == OPEN:
            return "none: open statements have no numerical checker"
        return "no check of this statement in the report"
    parts = [_record_html(record) for record in records]
    if evidence.stale:
        parts.append('<span class="meta">(the report is older than the Lean sources)</span>')
    return "<br>".join(parts)


def _record_html(record: CheckRecord) -> str:
    if record.passed:
        return (f'<span class="pass">pass</span> on {record.instances} instances: '
                f"{escape(record.domain)}")
    detail = ""
    if record.counterexample is not None:
        detail = f"; counterexample <code>{escape(json.dumps(record.counterexample, ensure_ascii=False))}</code>"
    if record.reason:
        detail += f"; {escape(record.reason)}"
    return (f'<span class="fail">FAIL</span> on {record.instances} instances: '
            f"{escape(record.domain)}{detail}")


def _name_links(context: SiteContext, names: list[str], prefix: str, empty: str) -> str:
    if not names:
        return f'<span class="meta">{escape(empty)}</span>'
    links = []
    for name in names:
        target = context.by_name[name]
        links.append(f'<a href="{statement_href(target.module, name, prefix)}" '
                     f'class="mono">{escape(name)}</a>')
    return ", ".join(links)


def statement_card(context: SiteContext, statement: Statement, folder: str, anchor: bool) -> str:
    """Return the card of `statement` for a page in `folder` of the site (`""` for the top
    folder, `"modules"`). With `anchor` (module pages), the card carries the statement's
    name as its id and also lists what it uses, what uses it, and its Lean source; without
    it (the claims on the front page), those three are left to the module page."""
    name = statement.name
    graph = context.graph
    id_attribute = f' id="{escape(name)}"' if anchor else ""
    prefix = "../" * len(Path(folder).parts)
    page_folder = context.site_dir / folder

    lines = [
        f'<article class="card statement" data-status="{escape(statement.status)}"{id_attribute}>',
        f'<h3><span class="badge {escape(statement.status)}">{escape(statement.status)}</span> '
        f'<a class="mono" href="{statement_href(statement.module, name, prefix)}">{escape(name)}</a> '
        f'<span class="meta">{escape(statement.kind)}</span></h3>',
    ]
    if statement.open_reason:
        lines.append(f'<p class="meta">Open: {escape(statement.open_reason)}</p>')
    if statement.docstring:
        lines.append(f'<div class="docstring">{docstring_html(statement.docstring)}</div>')
    else:
        lines.append('<p class="meta">No docstring.</p>')
    declaration = context.declarations.get(name)
    if statement.statement is not None:
        lines.append(f'<pre class="statement">{escape(statement.statement)}</pre>')
    else:
        lines.append('<p class="meta">Not elaborated by Lean in this build; the signature as '
                     "written in the source:</p>")
        signature = declaration.text.split(":=", 1)[0].rstrip() if declaration else ""
        lines.append(f'<pre class="signature">{escape(signature)}</pre>')

    source = f'<a href="{escape(source_href(context.snapshot.root, page_folder, statement.file, statement.line))}">' \
             f'{escape(statement.file)}:{statement.line}</a>'
    web = context.repository.web_url(statement.file, statement.line)
    if web:
        source += f' · <a href="{escape(web)}">at commit {escape(context.repository.commit[:10])}</a>'
    lines += [
        "<table class=\"facts\">",
        f"<tr><th>Source</th><td>{source}</td></tr>",
        f"<tr><th>Axioms</th><td>{AXIOMS_UNAVAILABLE}</td></tr>",
        f"<tr><th>Numerical evidence</th><td>{evidence_text(context, statement)}</td></tr>",
    ]
    if anchor:
        lines += [
            f"<tr><th>Uses</th><td>{_name_links(context, graph.uses(name), prefix, 'no other statement')}</td></tr>",
            f"<tr><th>Used by</th><td>{_name_links(context, graph.used_by(name), prefix, 'no statement')}</td></tr>",
        ]
    lines += [
        "<tr><th>Rests on open</th><td>"
        f"{_name_links(context, graph.open_dependencies(name), prefix, 'no open statement')}</td></tr>",
        "</table>",
    ]
    if anchor and declaration is not None:
        lines.append(f"<details><summary>Lean source</summary><pre>{escape(declaration.text)}</pre></details>")
    graph_link = f"{prefix}graph.html#{quote(name, safe='.')}"
    lines.append(f'<p class="meta"><a href="{graph_link}">Show in the dependency graph</a></p>')
    lines.append("</article>")
    return "\n".join(lines)
