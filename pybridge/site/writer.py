"""Write the site folder as a whole: build it in a temporary folder next to the target,
then rename it into place, so a failure leaves the previous site intact."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import SiteError

MARKER = ".cachedepth-site"
"""File in every site folder; a non-empty folder without it is never replaced or deleted."""


def check_site_target(target: Path) -> None:
    """Raise `SiteError` unless `target` is absent, empty, or a site written earlier, and
    its nearest existing parent is a writable folder."""
    ancestor = target.absolute().parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir() or not os.access(ancestor, os.W_OK | os.X_OK):
        raise SiteError(f"cannot create the site folder {target}: {ancestor} is not a writable "
                        "folder; pass a writable --site-dir")
    if not target.exists():
        return
    if not target.is_dir():
        raise SiteError(f"{target} exists and is not a folder; choose another --site-dir or remove it")
    if any(target.iterdir()) and not (target / MARKER).is_file():
        raise SiteError(
            f"{target} is not empty and was not written by `cachedepth site` (no {MARKER} file), "
            "so it is not replaced; choose another --site-dir or empty the folder")


def write_site(target: Path, pages: dict[str, str]) -> Path:
    """Write `pages` (relative path → text) as the folder `target` and return it.

    The new folder replaces an older site in two renames. Between them `target` is briefly
    absent; a reader never sees a half-written site. Raises `SiteError` when `target` contains
    something other than a site, or when its parent folder cannot be written.
    """
    target = target.absolute()
    check_site_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.new-"))
    except OSError as error:
        raise SiteError(f"cannot create the site folder {target}: {error}; pass a writable "
                        "--site-dir") from error

    old: Path | None = None
    try:
        for relative, text in pages.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        (staging / MARKER).write_text("written by `cachedepth site`; the next build replaces this folder\n",
                                      encoding="utf-8")
        os.chmod(staging, 0o755)  # mkdtemp creates the folder readable by its owner only
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
            os.replace(target, old / "site")
        os.replace(staging, target)
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            if (old / "site").exists() and not target.exists():
                os.replace(old / "site", target)
            shutil.rmtree(old, ignore_errors=True)
        if isinstance(error, OSError):
            raise SiteError(f"cannot write the site folder {target}: {error}; the previous site, "
                            "if any, is unchanged") from error
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return target
