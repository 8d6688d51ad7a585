"""Build `lean_dojo.Theorem` objects from the records, when LeanDojo can run here.

LeanDojo (the optional extra `pip install '.[dojo]'`) needs a native Lean toolchain
(`lean` and `lake` from elan) to trace a repository; the npm toolchain cannot serve it.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from .records import TheoremRecord


def missing_requirements(records: list[TheoremRecord]) -> list[str]:
    """Return what is missing to build `lean_dojo.Theorem` objects, in words; empty when nothing is."""
    missing = []
    if importlib.util.find_spec("lean_dojo") is None:
        missing.append("the Python package lean_dojo (install it with `pip install '.[dojo]'`)")
    for tool in ("lean", "lake"):
        if shutil.which(tool) is None:
            missing.append(f"`{tool}` on PATH (a native Lean toolchain, installed with elan)")
    if any(record.commit is None for record in records):
        missing.append("a Git commit of the checkout (LeanDojo names a repository by URL and commit)")
    return missing


def build_theorems(records: list[TheoremRecord]) -> list:
    """Return one `lean_dojo.Theorem` per record, sharing one `LeanGitRepo` per (url, commit).

    `LeanGitRepo` queries GitHub for a github.com URL and copies a local repository to a
    temporary folder, so this step may use the network.
    """
    # NOTE: no test runs this path, because lean_dojo is not installed here. It follows the
    # constructors LeanGitRepo(url, commit) and Theorem(repo, file_path, full_name) of the
    # lean-dojo/LeanDojo sources (src/lean_dojo/data_extraction/lean.py).
    from lean_dojo import LeanGitRepo, Theorem

    repositories: dict[tuple[str, str], object] = {}
    theorems = []
    for record in records:
        key = (record.url, record.commit)
        if key not in repositories:
            repositories[key] = LeanGitRepo(record.url, record.commit)
        theorems.append(Theorem(repositories[key], Path(record.file_path), record.full_name))
    return theorems
