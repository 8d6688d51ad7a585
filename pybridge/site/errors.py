"""Errors of the site builder. Each message names the file or folder and what to do."""


class SiteError(RuntimeError):
    """The site cannot be built or written."""


class CheckReportError(SiteError):
    """The check report exists but cannot be read as a `cachedepth check` report."""
