"""Static HTML site of the formal statements: claims, modules, evidence and dependencies.

`cachedepth site` builds it; the pages work offline from file:// and need no server.
"""

from .builder import build_site, render_site
from .context import SiteContext
from .errors import CheckReportError, SiteError
from .evidence import CheckEvidence, CheckRecord, load_check_evidence
from .graph import DependencyGraph
from .snapshot import LibrarySnapshot
from .writer import MARKER, write_site

__all__ = [
    "MARKER", "CheckEvidence", "CheckRecord", "CheckReportError", "DependencyGraph",
    "LibrarySnapshot", "SiteContext", "SiteError", "build_site", "load_check_evidence",
    "render_site", "write_site",
]
