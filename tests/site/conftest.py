"""Fixtures for the site tests: the real Lean sources read by the source scanner (no Lean
process starts), a check report from real numerical checkers, and small projects."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_helpers import CHECKED, EVIL, REPO, SMALL_LIMITS, make_project, write_report

from pybridge.checks import DEFAULT_REGISTRY
from pybridge.site import LibrarySnapshot, build_site, load_check_evidence


@pytest.fixture(scope="session")
def snapshot() -> LibrarySnapshot:
    return LibrarySnapshot.from_sources(REPO)


@pytest.fixture(scope="session")
def real_checks() -> list[dict]:
    """Results of the real checkers of a few statements, on small limits."""
    return [DEFAULT_REGISTRY.checker_for(name)(SMALL_LIMITS).to_json() for name in CHECKED]


@pytest.fixture(scope="session")
def evil_site(tmp_path_factory) -> Path:
    """The site of a small project built from `EVIL`, without a check report."""
    root = make_project(tmp_path_factory.mktemp("evil") / "project", {"Evil.lean": EVIL})
    snapshot = LibrarySnapshot.from_sources(root)
    evidence = load_check_evidence(root / "reports/check-report.json", snapshot.source_paths())
    return build_site(snapshot, evidence, root / "reports/site")


@pytest.fixture(scope="session")
def site(tmp_path_factory, snapshot, real_checks) -> Path:
    """The site of the real sources with the real check results, built once per session."""
    reports = tmp_path_factory.mktemp("reports")
    report = write_report(reports / "check-report.json", real_checks)
    evidence = load_check_evidence(report, snapshot.source_paths())
    return build_site(snapshot, evidence, reports / "site")
