"""`cachedepth site` rejects bad input before the Lean build starts."""

from __future__ import annotations

import os
import subprocess
import sys

from site_helpers import REPO


def _cachedepth(*args, cwd=REPO):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "pybridge.cli", *args], cwd=cwd,
                          capture_output=True, text=True, check=False, env=env, timeout=60)


def test_corrupt_report_fails_before_build(tmp_path):
    report = tmp_path / "check-report.json"
    report.write_text("{truncated")
    done = _cachedepth("--root", str(REPO), "site", "--output", str(tmp_path))
    assert done.returncode == 2
    assert f"the check report {report} is not valid JSON" in done.stderr
    assert "Lean" not in done.stderr
    assert not (tmp_path / "site").exists()


def test_foreign_site_folder_fails_before_build(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep")
    done = _cachedepth("--root", str(REPO), "site", "--output", str(tmp_path),
                       "--site-dir", str(tmp_path / "mine"))
    assert done.returncode == 2
    assert f"{tmp_path / 'mine'} is not empty and was not written by `cachedepth site`" in done.stderr
    assert "Lean" not in done.stderr
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep"


def test_site_help_names_options():
    done = _cachedepth("site", "--help")
    assert done.returncode == 0
    assert "--site-dir" in done.stdout
    assert "--output" in done.stdout
