"""End-to-end tests on the real Lean library with whichever toolchain is available.

On the npm toolchain each Lean process takes minutes, so these tests share one cold build
(the module-scoped fixture) and then read its outputs back.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pybridge.build.driver import BLOCKED, BUILT, FAILED, build_library
from pybridge.build.modules import discover_modules
from pybridge.extraction import OPEN, extract_statements
from pybridge.toolchain import NpmToolchain, detect_toolchain

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.lean


def _cachedepth(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pybridge.cli", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def check_run(tmp_path_factory):
    output = tmp_path_factory.mktemp("reports")
    done = _cachedepth("check", "--max-n", "4", "--output", str(output))
    return done, output


def test_check_succeeds_on_real_library(check_run):
    done, output = check_run
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "verdict: OK" in done.stdout
    report = json.loads((output / "check-report.json").read_text())
    assert report["ok"] is True
    assert report["toolchain"].split()[0] in ("npm", "native")
    assert all(c["passed"] for c in report["checks"])
    assert len(report["checks"]) >= 40


def test_extracted_statements_are_elaborated(check_run):
    _, output = check_run
    document = json.loads((output / "statements.json").read_text())
    by_name = {s["name"]: s for s in document["statements"]}
    hop_add = by_name["CacheDepth.hop_add"]
    assert hop_add["status"] == "proved"
    assert hop_add["module"] == "CacheDepth.PointerChasing.Hop"
    assert "hop f (a + b) x = hop f b (hop f a x)" in hop_add["statement"]
    assert by_name["CacheDepth.hop"]["status"] == "definition"
    assert by_name["CacheDepth.ceilDiv_le_iff"]["docstring"].startswith("The Galois connection")
    assert all(s["statement"] for s in document["statements"])


def test_warm_build_recompiles_nothing(check_run):
    done = _cachedepth("build")
    assert done.returncode == 0, done.stderr[-3000:]
    modules = discover_modules(REPO)
    if "native" not in done.stderr.splitlines()[0]:
        assert done.stderr.count(": up to date") == len(modules)
        assert "compiling" not in done.stderr


def test_statements_table_filters_by_status(check_run):
    done = _cachedepth("statements", "--status", "definition", "--brief")
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [l for l in done.stdout.splitlines()[2:] if l.strip()]
    assert lines
    assert all(l.startswith("definition") for l in lines)
    assert any("CacheDepth.ceilDiv" in l for l in lines)


def test_site_shows_elaborated_statements_and_evidence(check_run, tmp_path):
    _, output = check_run
    site = tmp_path / "site"
    done = _cachedepth("site", "--output", str(output), "--site-dir", str(site))
    assert done.returncode == 0, done.stderr[-3000:]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "No check report" not in index
    assert "Lean did not elaborate" not in index
    report = json.loads((output / "check-report.json").read_text())
    hop_add = next(c for c in report["checks"] if c["statement"] == "CacheDepth.hop_add")
    page = (site / "modules" / "CacheDepth.PointerChasing.Hop.html").read_text(encoding="utf-8")
    assert '<pre class="statement">' in page
    assert html.escape("hop f (a + b) x = hop f b (hop f a x)") in page
    assert f'<span class="pass">pass</span> on {hop_add["instances"]} instances' in page


def test_broken_module_is_reported_and_others_still_build(tmp_path):
    """A type error in one module fails it and its importers only; a bare sorry is flagged."""
    (tmp_path / "lakefile.lean").write_text((REPO / "lakefile.lean").read_text())
    (tmp_path / "lean-toolchain").write_text((REPO / "lean-toolchain").read_text())
    (tmp_path / "CacheDepth").mkdir()
    (tmp_path / "CacheDepth.lean").write_text(
        "module\n\npublic import CacheDepth.Good\npublic import CacheDepth.Bad\n"
    )
    (tmp_path / "CacheDepth/Good.lean").write_text(
        "module\n\npublic section\n\nnamespace CacheDepth\n\n"
        "/-- An unproved claim without the status tag. -/\n"
        "theorem untagged : 1 = 1 := by\n  sorry\n\nend CacheDepth\n"
    )
    (tmp_path / "CacheDepth/Bad.lean").write_text(
        "module\n\npublic section\n\ntheorem wrong : (2 : Nat) = 3 := rfl\n"
    )
    if (REPO / "node_modules").is_dir():
        (tmp_path / "node_modules").symlink_to(REPO / "node_modules")
    if shutil.which("lake") is None and not (tmp_path / "node_modules").exists():
        pytest.skip("no Lean toolchain")
    toolchain = detect_toolchain(tmp_path)
    if not isinstance(toolchain, NpmToolchain):
        pytest.skip("the per-module report is produced by the npm build driver; Lake reports its own")
    report = build_library(tmp_path, toolchain, jobs=2)
    assert report.statuses == {
        "CacheDepth.Good": BUILT, "CacheDepth.Bad": FAILED, "CacheDepth": BLOCKED,
    }
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert errors and all(d.file == "CacheDepth/Bad.lean" for d in errors)
    assert errors[0].line == 5
    assert (tmp_path / ".cachedepth/build/lib/CacheDepth/Good.olean").is_file()
    assert not (tmp_path / ".cachedepth/build/lib/CacheDepth/Bad.olean").exists()
    statements, problems, _ = extract_statements(
        tmp_path, toolchain, report.search_path, report.diagnostics, tmp_path / "extract", elaborate=False
    )
    assert [s.status for s in statements if s.name == "CacheDepth.untagged"] == [OPEN]
    assert any("lacks a line `Status: open`" in p.message for p in problems)
