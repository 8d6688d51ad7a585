"""Scheduling and caching of the build driver, with a stand-in for Lean.

The stand-in compiles instantly, so these tests can cover orderings and failures that
would take many minutes with the real toolchain; `tests/integration` builds the real
library.
"""

import threading
import time

from pybridge.build.driver import BLOCKED, BUILT, CACHED, FAILED, build_library
from pybridge.toolchain import Diagnostic, LeanRun, ToolchainError, ToolchainInfo


class StandInLean:
    """Writes an .olean per module; fails on sources containing BROKEN or CRASH."""

    def __init__(self, delay=0.0):
        self.info = ToolchainInfo("stand-in", "stand-in 1", "test")
        self.compiled = []
        self.delay = delay
        self.active = 0
        self.max_active = 0
        self.lock = threading.Lock()

    def compile_module(self, source, display_name, olean, ilean, search_path):
        with self.lock:
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            time.sleep(self.delay)
            text = source.read_text()
            self.compiled.append(display_name)
            if "CRASH" in text:
                olean.write_bytes(b"partial")
                raise ToolchainError("Lean crashed")
            if "BROKEN" in text:
                return LeanRun(1, [Diagnostic(display_name, 2, 4, "error", "unknown identifier 'BROKEN'")])
            olean.write_bytes(text.encode())
            ilean.write_bytes(b"{}")
            return LeanRun(0, [])
        finally:
            with self.lock:
                self.active -= 1

    def elaborate(self, source, display_name, search_path):
        raise AssertionError("not used")


def _project(tmp_path, modules):
    for name, text in modules.items():
        path = tmp_path / (name.replace(".", "/") + ".lean")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


DIAMOND = {
    "CacheDepth": "module\npublic import CacheDepth.C\npublic import CacheDepth.D\n",
    "CacheDepth.A": "module\n",
    "CacheDepth.B": "module\n",
    "CacheDepth.C": "module\npublic import CacheDepth.A\n",
    "CacheDepth.D": "module\npublic import CacheDepth.B\n",
}


def test_cold_then_warm_build(tmp_path):
    root = _project(tmp_path, DIAMOND)
    lean = StandInLean()
    report = build_library(root, lean, jobs=2)
    assert report.ok
    assert set(report.statuses.values()) == {BUILT}
    assert lean.compiled.index("CacheDepth/A.lean") < lean.compiled.index("CacheDepth/C.lean")
    assert lean.compiled[-1] == "CacheDepth.lean"
    warm = StandInLean()
    report = build_library(root, warm, jobs=2)
    assert warm.compiled == []
    assert set(report.statuses.values()) == {CACHED}


def test_touching_a_leaf_rebuilds_only_its_dependents(tmp_path):
    root = _project(tmp_path, DIAMOND)
    build_library(root, StandInLean(), jobs=2)
    (root / "CacheDepth/A.lean").write_text("module\n-- edited\n")
    lean = StandInLean()
    report = build_library(root, lean, jobs=2)
    assert sorted(lean.compiled) == ["CacheDepth.lean", "CacheDepth/A.lean", "CacheDepth/C.lean"]
    assert report.statuses["CacheDepth.B"] == CACHED


def test_failure_blocks_dependents_but_not_independent_modules(tmp_path):
    modules = dict(DIAMOND, **{"CacheDepth.A": "module\nBROKEN\n"})
    root = _project(tmp_path, modules)
    report = build_library(root, StandInLean(), jobs=2)
    assert not report.ok
    assert report.statuses["CacheDepth.A"] == FAILED
    assert report.statuses["CacheDepth.C"] == BLOCKED
    assert report.statuses["CacheDepth"] == BLOCKED
    assert report.statuses["CacheDepth.B"] == BUILT
    assert report.statuses["CacheDepth.D"] == BUILT
    assert [d.format() for d in report.diagnostics] == [
        "CacheDepth/A.lean:2:4: error: unknown identifier 'BROKEN'"
    ]


def test_independent_modules_compile_in_parallel(tmp_path):
    root = _project(tmp_path, DIAMOND)
    lean = StandInLean(delay=0.2)
    build_library(root, lean, jobs=2)
    assert lean.max_active == 2


def test_jobs_limit_is_respected(tmp_path):
    root = _project(tmp_path, DIAMOND)
    lean = StandInLean(delay=0.05)
    build_library(root, lean, jobs=1)
    assert lean.max_active == 1


def test_crash_leaves_no_trusted_output(tmp_path):
    modules = dict(DIAMOND, **{"CacheDepth.B": "module\nCRASH\n"})
    root = _project(tmp_path, modules)
    report = build_library(root, StandInLean(), jobs=2)
    assert report.statuses["CacheDepth.B"] == FAILED
    assert "Lean crashed" in report.diagnostics[0].message
    assert not (root / ".cachedepth/build/lib/CacheDepth/B.olean").exists()
    assert not (root / ".cachedepth/build/manifests/CacheDepth.B.json").exists()
    assert not list((root / ".cachedepth/build/staging").iterdir())
    (root / "CacheDepth/B.lean").write_text("module\n")
    lean = StandInLean()
    report = build_library(root, lean, jobs=2)
    assert report.ok
    assert "CacheDepth/B.lean" in lean.compiled


def test_corrupted_output_is_rebuilt(tmp_path):
    root = _project(tmp_path, DIAMOND)
    build_library(root, StandInLean(), jobs=2)
    (root / ".cachedepth/build/lib/CacheDepth/B.olean").write_bytes(b"garbage")
    lean = StandInLean()
    report = build_library(root, lean, jobs=2)
    assert lean.compiled == ["CacheDepth/B.lean"]
    assert report.ok


def test_critical_path_starts_first(tmp_path):
    modules = {
        "CacheDepth": "module\npublic import CacheDepth.C\npublic import CacheDepth.D\n",
        "CacheDepth.A": "module\n",
        "CacheDepth.B": "module\npublic import CacheDepth.A\n",
        "CacheDepth.C": "module\npublic import CacheDepth.B\n",
        "CacheDepth.D": "module\n",
    }
    root = _project(tmp_path, modules)
    lean = StandInLean()
    build_library(root, lean, jobs=1)
    assert lean.compiled[0] == "CacheDepth/A.lean"
    assert lean.compiled.index("CacheDepth/D.lean") > lean.compiled.index("CacheDepth/B.lean")
