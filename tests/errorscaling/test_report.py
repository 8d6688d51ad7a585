"""Tests of the error-scaling report files and of the reported formula failures."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ElementTree
from fractions import Fraction
from pathlib import Path

import matplotlib.image
import pytest

from pybridge.checks.result import CheckLimits
from pybridge.errorscaling import plot, report
from pybridge.errorscaling.limits import report_ranges
from pybridge.errorscaling.points import ScalingPoint, compute_point, format_point_table
from pybridge.errorscaling.report import write_error_scaling_report

REPORT_NAMES = ("error-scaling.json", "error-scaling.png", "error-scaling.svg")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def parse_fraction(text: str) -> Fraction:
    numerator, denominator = text.split("/")
    return Fraction(int(numerator), int(denominator))


@pytest.fixture(scope="module")
def written_report(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("report")
    summary = write_error_scaling_report(folder, CheckLimits(max_n=3))
    return folder, summary


def test_report_writes_three_files(written_report) -> None:
    folder, summary = written_report
    assert sorted(path.name for path in folder.iterdir()) == sorted(REPORT_NAMES)
    assert sorted(path.name for path in summary.files) == sorted(REPORT_NAMES)


def test_report_json_covers_grid(written_report) -> None:
    folder, _ = written_report
    document = json.loads((folder / "error-scaling.json").read_text(encoding="utf-8"))
    found = [(point["n"], point["s"], point["T"]) for point in document["points"]]
    expected = [(n, s, t) for n in range(1, 4) for t in range(1, 5) for s in range(n + 1)]
    assert sorted(found) == sorted(expected)
    assert len(found) == len(set(found))
    assert document["all_formulas_hold"] is True
    assert document["formula_failures"] == []


def test_report_json_values_consistent(written_report) -> None:
    folder, _ = written_report
    document = json.loads((folder / "error-scaling.json").read_text(encoding="utf-8"))
    for point in document["points"]:
        n, s, stages = point["n"], point["s"], point["T"]
        oblivious = parse_fraction(point["oblivious"])
        adaptive = parse_fraction(point["adaptive"])
        assert parse_fraction(point["adaptive_formula"]) == Fraction(s, n)
        assert point["adaptive_formula_holds"] == (adaptive == Fraction(s, n))
        if n > stages:
            bound = parse_fraction(point["oblivious_bound"])
            assert bound == Fraction(s, n - stages) ** stages + Fraction(2 * stages**3, n)
            assert point["oblivious_bound_holds"] == (oblivious <= bound)
        else:
            assert point["oblivious_bound"] is None
            assert point["oblivious_bound_holds"] is None
        if oblivious > 0:
            assert parse_fraction(point["separation"]) == adaptive / oblivious
        else:
            assert point["separation"] is None
        assert len(point["oblivious_schedule"]) == stages


def test_report_json_hand_point(written_report) -> None:
    # n = 3, s = 2, T = 2: the best schedule reaches 5/9 and the best strategy 2/3
    # (hand computations in test_oblivious.py and test_adaptive.py).
    folder, _ = written_report
    document = json.loads((folder / "error-scaling.json").read_text(encoding="utf-8"))
    point = next(p for p in document["points"] if (p["n"], p["s"], p["T"]) == (3, 2, 2))
    assert point["oblivious"] == "5/9"
    assert point["adaptive"] == "2/3"
    assert point["separation"] == "6/5"
    assert point["separation_reference"] == "3/2"


def test_report_png_valid(written_report) -> None:
    folder, _ = written_report
    data = (folder / "error-scaling.png").read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    pixels = matplotlib.image.imread(folder / "error-scaling.png")
    assert pixels.shape[0] > 100
    assert pixels.shape[1] > 100


def test_report_svg_valid(written_report) -> None:
    folder, _ = written_report
    root = ElementTree.parse(folder / "error-scaling.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(list(root.iter())) > 50


def test_svg_repeatable() -> None:
    points = [compute_point(3, s, stages) for s in range(4) for stages in (1, 2)]
    assert plot.render_svg(points) == plot.render_svg(points)


def test_summary_lines_name_ranges(written_report) -> None:
    _, summary = written_report
    lines = summary.lines()
    # n = 1, 2, 3 with s = 0..n gives 2 + 3 + 4 = 9 points per T, 36 for T ≤ 4; n > T
    # leaves n = 2 with T = 1 (3 points) and n = 3 with T = 1, 2 (8 points).
    assert lines[0].startswith("error scaling: 36 points with n ≤ 3")
    assert "holds at all 36 points" in lines[1]
    assert "holds at all 11 points with n > T" in lines[2]
    assert summary.to_json()["all_formulas_hold"] is True


def test_report_under_file_raises_and_writes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the report folder should be\n")
    with pytest.raises(OSError):
        write_error_scaling_report(blocker / "reports", CheckLimits(max_n=2))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["not-a-folder"]


def test_report_render_error_keeps_old_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in REPORT_NAMES:
        (tmp_path / name).write_text(f"old {name}\n")

    def broken_render(points):
        raise RuntimeError("renderer failed")

    monkeypatch.setattr(plot, "render_svg", broken_render)
    with pytest.raises(RuntimeError, match="renderer failed"):
        write_error_scaling_report(tmp_path, CheckLimits(max_n=2))
    for name in REPORT_NAMES:
        assert (tmp_path / name).read_text() == f"old {name}\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(REPORT_NAMES)


def test_report_write_error_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in REPORT_NAMES:
        (tmp_path / name).write_text(f"old {name}\n")
    real_replace = os.replace

    def failing_replace(source, target):
        if str(target).endswith(".svg"):
            raise OSError(28, "No space left on device")
        return real_replace(source, target)

    monkeypatch.setattr("os.replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        write_error_scaling_report(tmp_path, CheckLimits(max_n=2))

    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(REPORT_NAMES)
    assert (tmp_path / "error-scaling.png").read_bytes().startswith(PNG_SIGNATURE)
    assert (tmp_path / "error-scaling.svg").read_text() == "old error-scaling.svg\n"
    assert (tmp_path / "error-scaling.json").read_text() == "old error-scaling.json\n"


def test_point_failures_name_point_and_values() -> None:
    # Made-up values: at n = 5, s = 1, T = 1 the C6 bound is 1/4 + 2/5 = 13/20 and s/n = 1/5.
    point = ScalingPoint(5, 1, 1, Fraction(1), ((0,),), Fraction(1, 2))
    failures = point.failures()
    assert [failure["claim"] for failure in failures] == [
        "Pr_adaptive = s/n", "Pr_oblivious ≤ (s/(n−T))^T + 2T³/n",
    ]
    assert failures[0] == {
        "claim": "Pr_adaptive = s/n", "n": 5, "s": 1, "T": 1,
        "quantity": "Pr_adaptive", "exact": "1/2", "formula": "1/5",
    }
    assert failures[1] == {
        "claim": "Pr_oblivious ≤ (s/(n−T))^T + 2T³/n", "n": 5, "s": 1, "T": 1,
        "quantity": "Pr_oblivious", "exact": "1/1", "formula": "13/20",
    }


def test_point_without_failures() -> None:
    assert compute_point(4, 2, 2).failures() == []


def test_report_with_failing_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A made-up point where C7 fails and C6 holds: s/n = 1/3 and the C6 bound is 7/6.
    bad = ScalingPoint(3, 1, 1, Fraction(1, 3), ((0,),), Fraction(1, 2))
    monkeypatch.setattr(report, "compute_points", lambda max_n, max_stages: [bad])
    summary = write_error_scaling_report(tmp_path, CheckLimits(max_n=3))

    assert not summary.all_formulas_hold
    assert "FAILS at 1 of 1 points" in summary.lines()[1]
    assert "holds at all 1 points with n > T" in summary.lines()[2]
    assert (
        "error scaling: FORMULA FAILS: Pr_adaptive = s/n at n=3, s=1, T=1: "
        "exact Pr_adaptive = 1/2, formula = 1/3"
    ) in summary.lines()
    document = json.loads((tmp_path / "error-scaling.json").read_text(encoding="utf-8"))
    assert document["all_formulas_hold"] is False
    assert document["formula_failures"][0]["n"] == 3
    assert summary.to_json()["formula_failures"] == document["formula_failures"]


def test_report_ranges_capped() -> None:
    assert report_ranges(CheckLimits(max_n=7)) == (6, 4)
    assert report_ranges(CheckLimits(max_n=3)) == (3, 4)


def test_point_table_lists_values() -> None:
    table = format_point_table([compute_point(3, 2, 2)])
    lines = table.splitlines()
    assert lines[0].split() == ["n", "s", "T", "Pr_oblivious", "C6", "bound", "Pr_adaptive", "s/n", "ratio", "(n/s)^(T-1)"]
    # The C6 bound at (3, 2, 2) is (2/1)² + 16/3 = 28/3.
    assert lines[1].split() == ["3", "2", "2", "5/9", "28/3", "2/3", "2/3", "6/5", "3/2"]


def test_point_table_marks_missing_bound() -> None:
    row = format_point_table([compute_point(2, 1, 3)]).splitlines()[1].split()
    assert row[4] == "n/a"
