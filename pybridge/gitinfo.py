"""Read-only facts about the checkout's Git repository: remote, commit, uncommitted changes.

Only local `git` commands run here (`remote get-url`, `rev-parse`, `status`); nothing
contacts a remote host.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

_SCP_LIKE = re.compile(r"^(?:[\w.-]+@)?(?P<host>[\w.-]+):(?P<path>[^/].*)$")


@dataclass(frozen=True)
class RepositoryInfo:
    """Origin of the checkout. Fields are None when Git cannot determine them."""

    root: Path
    remote: str | None
    """`git remote get-url origin`, or None without a remote named origin."""
    commit: str | None
    """`git rev-parse HEAD`, or None outside a Git repository or before the first commit."""
    dirty: bool
    """Whether `git status --porcelain` lists any change to tracked or untracked files."""

    @property
    def location(self) -> str:
        """Return the remote URL, or the checkout's absolute path when there is no remote."""
        return self.remote or str(self.root.resolve())

    def web_url(self, file: str, line: int) -> str | None:
        """Return a GitHub URL of `file` at `line` for this commit, or None when the remote
        is not on github.com or the commit is unknown. The URL is only formed, never opened."""
        base = github_base_url(self.remote) if self.remote else None
        if base is None or self.commit is None:
            return None
        return f"{base}/blob/{self.commit}/{file}#L{line}"


def github_base_url(remote: str) -> str | None:
    """Return `https://github.com/OWNER/REPO` for a github.com remote (HTTPS or SSH), else None."""
    url = remote.strip()
    match = _SCP_LIKE.match(url)
    if match and "://" not in url:
        url = f"https://{match['host']}/{match['path']}"
    url = re.sub(r"^(?:ssh|git)://(?:[\w.-]+@)?", "https://", url)
    url = re.sub(r"^https?://[^/@]+@", "https://", url)
    url = url.removesuffix("/").removesuffix(".git")
    if not re.fullmatch(r"https?://github\.com/[\w.-]+/[\w.-]+", url):
        return None
    return "https://" + url.split("://", 1)[1]


def _git(root: Path, *args: str) -> str | None:
    if shutil.which("git") is None:
        return None
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    return done.stdout.strip() if done.returncode == 0 else None


def repository_info(root: Path) -> RepositoryInfo:
    """Collect the remote, commit and change state of the checkout at `root`."""
    status = _git(root, "status", "--porcelain")
    return RepositoryInfo(
        root=root,
        remote=_git(root, "remote", "get-url", "origin") or None,
        commit=_git(root, "rev-parse", "HEAD") or None,
        dirty=bool(status),
    )
