"""The page shell shared by every page, and the escaping and link helpers.

Every string that reaches a page from Lean (names, docstrings, statements, source text)
goes through `escape` or `docstring_html`; nothing else inserts it.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from .assets import STYLE

_CODE_SPAN = re.compile(r"`([^`\n]+)`")
_BOLD = re.compile(r"\*\*([^*\n]+)\*\*")


def escape(text: object) -> str:
    """Escape text for HTML content and for double- or single-quoted attribute values."""
    return html.escape(str(text), quote=True)


def inline_html(text: str) -> str:
    """Escape one line of docstring text, then show its `code spans` as <code> and its
    **bold** spans as <strong>."""
    text = _CODE_SPAN.sub(lambda m: f"<code>{m.group(1)}</code>", escape(text))
    return _BOLD.sub(lambda m: f"<strong>{m.group(1)}</strong>", text)


def docstring_html(text: str) -> str:
    """Render a Lean docstring as escaped HTML: blank lines separate paragraphs, lines that
    start with `* ` or `- ` become list items, and `code spans` become <code>."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in paragraph.splitlines()]
        if lines and lines[0].startswith(("* ", "- ")):
            items: list[str] = []
            for line in lines:
                if line.startswith(("* ", "- ")) or not items:
                    items.append(line[2:] if line.startswith(("* ", "- ")) else line)
                else:
                    items[-1] += " " + line
            blocks.append("<ul>" + "".join(f"<li>{inline_html(item)}</li>" for item in items) + "</ul>")
        elif lines and lines[0].startswith("#"):
            heading = lines[0].lstrip("#").strip()
            rest = " ".join(lines[1:])
            blocks.append(f"<p><strong>{inline_html(heading)}</strong></p>"
                          + (f"<p>{inline_html(rest)}</p>" if rest else ""))
        else:
            blocks.append(f"<p>{inline_html(' '.join(lines))}</p>")
    return "\n".join(blocks)


def json_for_script(value: object) -> str:
    """Serialize `value` for a <script type="application/json"> element: `<`, `>` and `&`
    become \\u escapes, so no string in it can close the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def module_page(module: str) -> str:
    """Return the path of a module's page relative to the site folder."""
    return f"modules/{module}.html"


def statement_href(module: str, name: str, prefix: str = "") -> str:
    """Return the link to a statement's card on its module page; `prefix` leads back to the
    site folder from the linking page (`""` or `"../"`)."""
    return f"{prefix}{quote(module_page(module))}#{quote(name, safe='.')}"


def source_href(root: Path, page_folder: Path, file: str, line: int) -> str:
    """Return a relative link from a page in `page_folder` to `file` (relative to `root`)
    with a line anchor. Editors and code hosts honour `#L<line>`; a browser opening the
    plain file ignores it."""
    relative = os.path.relpath(root / file, page_folder)
    return quote(Path(relative).as_posix()) + f"#L{line}"


def page(title: str, body: str, prefix: str = "", script: str = "", wide: bool = False) -> str:
    """Return a whole HTML page with the shared header, inline style and optional script.
    A `wide` page uses the whole window width."""
    tail = f"<script>{script}</script>\n" if script else ""
    main = '<main class="wide">' if wide else "<main>"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · CacheDepth</title>
<style>{STYLE}</style>
</head>
<body>
<header class="site">
<strong><a href="{prefix}index.html">CacheDepth</a></strong>
<a href="{prefix}index.html#claims">Claims</a>
<a href="{prefix}index.html#statements">Statements</a>
<a href="{prefix}graph.html">Dependency graph</a>
<form action="{prefix}index.html" method="get" role="search">
<input name="q" placeholder="Search statements" aria-label="Search statements">
</form>
</header>
{main}
{body}
</main>
{tail}</body>
</html>
"""
