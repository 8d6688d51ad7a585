"""`cachedepth check` with the Lean steps replaced by stubs: the error-scaling output."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from pybridge import cli
from pybridge.extraction import DEFINITION, OPEN, PROVED


def run_check_without_lean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> tuple[int, str]:
    toolchain = SimpleNamespace(info=SimpleNamespace(describe=lambda: "stub toolchain"))
    build = SimpleNamespace(ok=True, to_json=lambda: {"stub": True})
    document = {"counts": {PROVED: 0, OPEN: 0, DEFINITION: 0}, "problems": []}
    monkeypatch.setattr(cli, "_build", lambda args, root: (toolchain, build))
    monkeypatch.setattr(cli, "_extract", lambda root, toolchain, report, output: ([], [], [], document))
    monkeypatch.setattr(cli, "run_checks", lambda names, limits, progress=None: [])
    args = argparse.Namespace(max_n=3, output=tmp_path, jobs=None)
    status = cli.command_check(args, tmp_path)
    return status, capsys.readouterr().out


def test_check_writes_error_scaling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    # The exit status also depends on the other reports of `check`, so only the
    # error-scaling parts are asserted here.
    _, output = run_check_without_lean(tmp_path, monkeypatch, capsys)

    adaptive_line = "error scaling C7, Pr_adaptive = s/n: holds at all 36 points"
    oblivious_line = "error scaling C6, Pr_oblivious ≤ (s/(n−T))^T + 2T³/n: holds at all 11 points"
    assert adaptive_line in output
    assert oblivious_line in output
    assert output.index(oblivious_line) < output.index("verdict:")
    for name in ("error-scaling.json", "error-scaling.png", "error-scaling.svg"):
        assert (tmp_path / name).is_file(), name
    report = json.loads((tmp_path / "check-report.json").read_text(encoding="utf-8"))
    assert report["error_scaling"]["all_formulas_hold"] is True
    assert report["error_scaling"]["formula_failures"] == []
    assert report["error_scaling"]["points"] == 36
