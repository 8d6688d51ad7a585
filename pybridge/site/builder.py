"""Render every page of the site and write the folder."""

from __future__ import annotations

from pathlib import Path

from ..gitinfo import RepositoryInfo, repository_info
from .context import SiteContext
from .evidence import CheckEvidence
from .front_page import render_front_page
from .graph_page import render_graph_page
from .layout import module_page
from .module_page import render_module_page
from .snapshot import LibrarySnapshot
from .writer import write_site


def render_site(context: SiteContext) -> dict[str, str]:
    """Return every page of the site, keyed by its path relative to the site folder."""
    pages = {
        "index.html": render_front_page(context),
        "graph.html": render_graph_page(context),
    }
    for module in context.snapshot.module_files:
        pages[module_page(module)] = render_module_page(context, module)
    return pages


def build_site(snapshot: LibrarySnapshot, evidence: CheckEvidence, site_dir: Path,
               repository: RepositoryInfo | None = None) -> Path:
    """Render the site for `snapshot` and `evidence` and write it to `site_dir` atomically.

    `repository` defaults to what local Git reports about `snapshot.root`.
    """
    site_dir = site_dir.absolute()
    context = SiteContext(snapshot=snapshot, evidence=evidence,
                          repository=repository or repository_info(snapshot.root), site_dir=site_dir)
    return write_site(site_dir, render_site(context))
