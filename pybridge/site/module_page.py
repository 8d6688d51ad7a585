"""One page per Lean module: its docstring and a card for each of its statements."""

from __future__ import annotations

from urllib.parse import quote

from ..extraction import DEFINITION, OPEN, PROVED
from .context import SiteContext
from .layout import docstring_html, escape, module_page, page, source_href
from .statement_card import statement_card


def render_module_page(context: SiteContext, module: str) -> str:
    """Return the page of `module`."""
    statements = context.statements_of(module)
    counts = {status: sum(1 for s in statements if s.status == status) for status in (PROVED, OPEN, DEFINITION)}
    file = context.snapshot.module_files[module]
    source = source_href(context.snapshot.root, context.site_dir / "modules", file, 1)
    parts = [
        f'<h1 class="mono">{escape(module)}</h1>',
        f'<p class="meta">Source <a href="{escape(source)}">{escape(file)}</a> · '
        f"{counts[PROVED]} proved, {counts[OPEN]} open, {counts[DEFINITION]} definitions</p>",
    ]
    docstring = context.snapshot.module_docstrings.get(module)
    if docstring:
        parts.append(f'<div class="docstring card">{docstring_html(docstring)}</div>')
    if not statements:
        parts.append("<p>This module declares no statements; it only imports other modules.</p>")
    parts.extend(statement_card(context, s, "modules", anchor=True) for s in statements)
    return page(module, "\n".join(parts), prefix="../")


def render_module_list(context: SiteContext) -> str:
    """Return the HTML list of every module with its statement counts, for the front page."""
    items = []
    for module, file in context.snapshot.module_files.items():
        statements = context.statements_of(module)
        opened = sum(1 for s in statements if s.status == OPEN)
        items.append(
            f'<li><a class="mono" href="{escape(quote(module_page(module)))}">{escape(module)}</a> '
            f'<span class="meta">{len(statements)} statements, {opened} open</span></li>')
    return "<ul>\n" + "\n".join(items) + "\n</ul>"
