"""The upper-bound report: complete files, exact ratios, and no partial files on error."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from pybridge.checks import EnumerationTooLarge
from pybridge.upper import UpperBoundLimits, check_limits, write_upper_bound_report
from pybridge.upper import report as report_module

SMALL = UpperBoundLimits(max_n=3, max_k=3, max_s=3, max_bandwidth=2)


def test_report_files_complete(tmp_path) -> None:
    written = write_upper_bound_report(tmp_path, SMALL)
    document = json.loads((tmp_path / "upper-bound.json").read_text(encoding="utf-8"))
    table = (tmp_path / "upper-bound.txt").read_text(encoding="utf-8")

    assert document == written.document
    assert document["ok"] is True
    assert written.ok
    # n ∈ {2, 3}, k ∈ {1, 2, 3}, s ∈ {1, 2, 3}, m·p ∈ {1, 2}: 2·3·3·2 = 36 points.
    assert len(document["points"]) == 36
    assert document["summary"]["points"] == 36
    assert document["summary"]["points_passed"] == 36
    # One header line, one rule, 36 rows, then a blank line and three summary lines.
    assert len(table.splitlines()) == 2 + 36 + 4
    assert not list(tmp_path.glob(".*.tmp"))


def test_report_point_values(tmp_path) -> None:
    document = write_upper_bound_report(tmp_path, SMALL).document
    point = next(
        entry for entry in document["points"]
        if (entry["n"], entry["k"], entry["s"], entry["p"]) == (3, 2, 1, 1)
    )
    # n = 3, k = 2, s = 1, m·p = 1: W = ⌈log₂ 3⌉ = 2; max(2, 2) = 2; product 2·2 = 4;
    # doublingUpperBound = min(2, 2·1)·2 = 4; pointer relay 2·2 = 4, marker relay 1 + 2 = 3.
    assert point["max_bound"] == 2
    assert point["product_bound"] == 4
    assert point["doubling_upper_bound"] == 4
    depths = {entry["construction"]: entry["depth"] for entry in point["constructions"]}
    # The windowed marking with s = 1 needs ⌈2/1⌉ - 1 + 2 = 3 layers, a tie that the earlier
    # construction in the catalog wins.
    assert depths == {"pointer relay": 4, "marker relay": 3, "windowed marking": 3}
    assert point["upper"] == 3
    assert point["best_construction"] == "marker relay"
    assert point["upper_over_max_bound"] == "3/2"
    assert point["upper_over_doubling_upper_bound"] == "3/4"
    assert point["constructions"][1]["instances"] == 3**3 * 3


def test_report_ratios_are_exact_fractions(tmp_path) -> None:
    document = write_upper_bound_report(tmp_path, SMALL).document
    for point in document["points"]:
        assert Fraction(point["upper_over_max_bound"]) == Fraction(point["upper"], point["max_bound"])
        assert Fraction(point["upper_over_doubling_upper_bound"]) == Fraction(
            point["upper"], point["doubling_upper_bound"]
        )


def test_report_error_keeps_old_files(tmp_path, monkeypatch) -> None:
    (tmp_path / "upper-bound.json").write_text("old json\n", encoding="utf-8")
    (tmp_path / "upper-bound.txt").write_text("old table\n", encoding="utf-8")
    calls = []

    def failing_point(n, k, s, bandwidth):
        calls.append((n, k, s, bandwidth))
        if len(calls) == 5:
            raise RuntimeError("simulated failure in the middle of the grid")
        return real_point(n, k, s, bandwidth)

    real_point = report_module.evaluate_point
    monkeypatch.setattr(report_module, "evaluate_point", failing_point)
    with pytest.raises(RuntimeError, match="simulated failure"):
        write_upper_bound_report(tmp_path, SMALL)

    assert len(calls) == 5
    assert (tmp_path / "upper-bound.json").read_text(encoding="utf-8") == "old json\n"
    assert (tmp_path / "upper-bound.txt").read_text(encoding="utf-8") == "old table\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["upper-bound.json", "upper-bound.txt"]


def test_failed_point_marks_report(tmp_path, monkeypatch) -> None:
    real_point = report_module.evaluate_point

    def point_with_failure(n, k, s, bandwidth):
        entry = real_point(n, k, s, bandwidth)
        if (n, k, s, bandwidth) == (2, 1, 1, 1):
            entry["passed"] = False
            entry["constructions"][0]["passed"] = False
        return entry

    monkeypatch.setattr(report_module, "evaluate_point", point_with_failure)
    written = write_upper_bound_report(tmp_path, SMALL)
    assert not written.ok
    assert written.document["summary"]["points_passed"] == 35
    assert "FAIL" in written.table
    assert any("FAILED at n=2, k=1, s=1" in line for line in written.summary_lines())


def test_limits_reject_invalid_values() -> None:
    with pytest.raises(ValueError, match="max_n=1"):
        UpperBoundLimits(max_n=1)
    with pytest.raises(ValueError, match="max_k=0"):
        UpperBoundLimits(max_k=0)
    with pytest.raises(EnumerationTooLarge, match="max_n=7"):
        UpperBoundLimits(max_n=7)


def test_check_limits_follow_max_n() -> None:
    assert check_limits(6).max_n == 5
    assert check_limits(3).max_n == 3
    assert check_limits(1).max_n == 2
