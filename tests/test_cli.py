"""Command-line errors that need no Lean run."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _cachedepth(*args, cwd=REPO, env=None):
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "pybridge.cli", *args], cwd=cwd, capture_output=True, text=True,
        check=False, env=env,
    )


def test_too_large_enumeration_is_rejected_before_building():
    done = _cachedepth("check", "--max-n", "9")
    assert done.returncode == 2
    assert "max_n=9" in done.stderr
    assert "compiling" not in done.stderr


def test_outside_checkout_names_expected_files(tmp_path):
    done = _cachedepth("build", cwd=tmp_path)
    assert done.returncode == 2
    assert "no CacheDepth checkout" in done.stderr
    assert "lakefile.lean" in done.stderr


def test_missing_toolchain_is_reported(tmp_path):
    (tmp_path / "lakefile.lean").write_text("")
    (tmp_path / "CacheDepth.lean").write_text("module\n")
    env = {"PATH": str(tmp_path)}
    done = _cachedepth("--root", str(tmp_path), "build", cwd=tmp_path, env=env)
    assert done.returncode == 2
    assert "no Lean toolchain found" in done.stderr
    assert "npm ci" in done.stderr


def test_import_of_missing_module_is_reported(tmp_path):
    (tmp_path / "lakefile.lean").write_text("")
    (tmp_path / "CacheDepth.lean").write_text("module\n\npublic import CacheDepth.Nowhere\n")
    done = _cachedepth("--root", str(tmp_path), "build", cwd=tmp_path)
    assert done.returncode == 2
    assert "CacheDepth.lean:3: imports CacheDepth.Nowhere" in done.stderr
