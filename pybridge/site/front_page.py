"""The front page: the state of the build and of the numerical evidence, every claim of
arXiv 2604.17935 next to the statements that formalize it, and a searchable list of all
statements."""

from __future__ import annotations

from ..claims import CLAIMS, Claim
from ..extraction import DEFINITION, OPEN, PROVED, Statement
from .assets import SEARCH_SCRIPT
from .context import SiteContext
from .layout import escape, inline_html, page, statement_href
from .module_page import render_module_list
from .statement_card import statement_card

_TIME = "%Y-%m-%d %H:%M UTC"


def evidence_notice(context: SiteContext) -> str:
    """Return the notice that states where the numerical evidence comes from and how current it is."""
    evidence = context.evidence
    if not evidence.exists:
        return (f'<p class="notice">No check report at <code>{escape(evidence.path)}</code>, so no '
                "numerical evidence is shown. Run <code>cachedepth check</code>, then build the site again.</p>")
    summary = (f"Numerical evidence from <code>{escape(evidence.path)}</code>, written "
               f"{evidence.written_at.strftime(_TIME)}")
    if evidence.limits:
        limits = ", ".join(f"{escape(k)} = {escape(v)}" for k, v in sorted(evidence.limits.items()))
        summary += f", with enumeration limits {limits}"
    checks = [r for records in evidence.records.values() for r in records]
    failed = sum(1 for r in checks if not r.passed)
    summary += f": {len(checks) - failed} checks passed, {failed} failed."
    unknown = sorted(n for n in evidence.records if n not in context.by_name)
    if unknown:
        summary += (f" {len(unknown)} checked statement(s) are not in the sources: "
                    f"{escape(', '.join(unknown))}.")
    if evidence.stale:
        return (f'<p class="notice">{summary} The report is older than the Lean sources '
                f"(<code>{escape(evidence.newest_source)}</code> changed "
                f"{evidence.newest_source_at.strftime(_TIME)}), so it may not match them. Run "
                "<code>cachedepth check</code> to refresh it.</p>")
    css = "notice ok" if failed == 0 and not unknown else "notice"
    return f'<p class="{css}">{summary}</p>'


def _build_notice(context: SiteContext) -> str:
    snapshot = context.snapshot
    repository = context.repository
    origin = "no Git commit"
    if repository.commit:
        origin = f"commit <code>{escape(repository.commit[:12])}</code>"
        if repository.dirty:
            origin += " with uncommitted changes"
    counts = {status: sum(1 for s in snapshot.statements if s.status == status)
              for status in (PROVED, OPEN, DEFINITION)}
    parts = [
        f"<p>Built from {origin} of <code>{escape(repository.location)}</code>. Toolchain: "
        f"{escape(snapshot.toolchain)}. {counts[PROVED]} proved, {counts[OPEN]} open, "
        f"{counts[DEFINITION]} definitions.</p>",
    ]
    if not snapshot.elaborated:
        parts.append('<p class="notice">Lean did not elaborate the statements of this build, so '
                     "each card shows the Lean source in place of the elaborated statement.</p>")
    if snapshot.problems:
        items = "".join(f"<li><code>{escape(p.file)}:{p.line}</code>: {escape(p.message)}</li>"
                        for p in snapshot.problems)
        parts.append(f'<div class="notice"><p>Audit problems:</p><ul>{items}</ul></div>')
    return "\n".join(parts)


def _claim_section(context: SiteContext, claim: Claim) -> str:
    present = [context.by_name[n] for n in claim.statements if n in context.by_name]
    missing = [n for n in claim.statements if n not in context.by_name]
    counts = ", ".join(f"{sum(1 for s in present if s.status == status)} {label}"
                       for status, label in ((PROVED, "proved"), (OPEN, "open"), (DEFINITION, "definitions")))
    parts = [
        f'<section class="claim card" id="claim-{escape(claim.id)}">',
        f"<h3>{escape(claim.id)}. {escape(claim.title)}</h3>",
        f"<p>{escape(claim.text)}</p>",
        f'<p class="meta">Status to reach: {escape(claim.target)}. '
        + (f"Formalized by {len(present)} statements: {counts}.</p>" if present
           else "No Lean statement formalizes this claim yet.</p>"),
    ]
    if missing:
        parts.append(f'<p class="notice">Listed in <code>pybridge/claims.py</code> but not declared '
                     f"in the sources: {escape(', '.join(missing))}.</p>")
    parts.extend(statement_card(context, s, "", anchor=False) for s in present)
    parts.append("</section>")
    return "\n".join(parts)


def search_text(context: SiteContext, statement: Statement) -> str:
    """Return the lower-case text that the search box matches: name, module, docstring,
    the elaborated statement and the source signature up to `:=`."""
    declaration = context.declarations.get(statement.name)
    signature = declaration.text.split(":=", 1)[0] if declaration else ""
    fields = [statement.name, statement.module, statement.kind, statement.docstring or "",
              statement.statement or "", signature]
    return " ".join(" ".join(fields).split()).lower()


def _statement_rows(context: SiteContext) -> str:
    rows = []
    for s in context.snapshot.statements:
        summary = (s.docstring or "").strip().split("\n\n", 1)[0]
        rows.append(
            f'<tr data-status="{escape(s.status)}" data-search="{escape(search_text(context, s))}">'
            f'<td><span class="badge {escape(s.status)}">{escape(s.status)}</span></td>'
            f'<td><a class="mono" href="{statement_href(s.module, s.name)}">{escape(s.name)}</a></td>'
            f'<td class="mono">{escape(s.module)}</td><td>{inline_html(" ".join(summary.split()))}</td></tr>')
    return "\n".join(rows)


def render_front_page(context: SiteContext) -> str:
    """Return index.html."""
    claims = "\n".join(_claim_section(context, claim) for claim in CLAIMS)
    body = f"""<h1>CacheDepth: the formal statements</h1>
<p>A Lean 4 formalization of depth–cache tradeoffs for k-hop pointer chasing in Transformers
whose layers share a compressed KV cache (arXiv 2604.17935). Each claim of the paper is listed
with the Lean statements that formalize it, their status and their numerical evidence.</p>
{_build_notice(context)}
{evidence_notice(context)}
<h2 id="claims">Claims of the paper</h2>
{claims}
<h2 id="modules">Modules</h2>
{render_module_list(context)}
<h2 id="statements">All statements</h2>
<p><label>Search names and text <input id="search" type="search" placeholder="e.g. hop_add or cache"></label>
<label>Status <select id="status-filter">
<option value="all">all</option><option value="{PROVED}">proved</option>
<option value="{OPEN}">open</option><option value="{DEFINITION}">definition</option>
</select></label> <span id="match-count" class="meta"></span></p>
<table id="statements">
<thead><tr><th>Status</th><th>Name</th><th>Module</th><th>Summary</th></tr></thead>
<tbody>
{_statement_rows(context)}
</tbody>
</table>
"""
    return page("Formal statements", body, script=SEARCH_SCRIPT)
