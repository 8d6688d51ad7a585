"""`cachedepth dojo`: the JSON export, and the message when LeanDojo cannot run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pybridge.dojo import missing_requirements, theorem_records

REPO = Path(__file__).resolve().parents[2]


def _cachedepth(*args):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "pybridge.cli", "--root", str(REPO), *args], cwd=REPO,
                          capture_output=True, text=True, check=False, env=env, timeout=60)


def test_export_writes_leandojo_records(tmp_path):
    done = _cachedepth("dojo", "--export-only", "--output", str(tmp_path))
    assert done.returncode == 0, done.stderr
    records = json.loads((tmp_path / "dojo-theorems.json").read_text(encoding="utf-8"))
    assert isinstance(records, list)
    assert f"wrote {len(records)} theorem records" in done.stderr
    expected = {r.full_name: r for r in theorem_records(REPO)}
    assert {r["full_name"] for r in records} == set(expected)
    for record in records:
        assert set(record) == {"url", "commit", "file_path", "full_name", "start", "end", "status"}
        assert record["file_path"].endswith(".lean")
        assert record["start"] == list(expected[record["full_name"]].start)
        assert record["end"] == list(expected[record["full_name"]].end)
        assert record["start"] < record["end"]


def test_missing_lean_dojo_is_named(tmp_path):
    missing = missing_requirements(theorem_records(REPO))
    if not missing:
        pytest.skip("lean_dojo and a native toolchain are present; the command would contact the network")
    done = _cachedepth("dojo", "--output", str(tmp_path))
    assert done.returncode == 2
    assert "cannot build lean_dojo.Theorem objects" in done.stderr
    for requirement in missing:
        assert requirement in done.stderr
    assert (tmp_path / "dojo-theorems.json").is_file()
