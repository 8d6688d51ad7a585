"""End-to-end tests of `cachedepth explore` on tiny grids (no Lean process is involved)."""

from __future__ import annotations

import json

import pytest

from pybridge.cli import main
from pybridge.explore.grid import GridParameters, grid_points
from pybridge.explore.parts import PARTS

TINY = ["--max-n", "3", "--max-shape-n", "0"]
TINY_POINTS = len(grid_points(GridParameters(max_n=3, max_shape_n=0)))


def explore(tmp_path, *options: str) -> int:
    return main(["explore", *TINY, "--output", str(tmp_path / "out"), *options])


def stored(tmp_path) -> dict:
    return json.loads((tmp_path / "out" / "explore.json").read_text())


def test_tiny_run_writes_everything(tmp_path, capsys) -> None:
    assert explore(tmp_path) == 0
    output = capsys.readouterr().out
    document = stored(tmp_path)
    assert len(document["points"]) == TINY_POINTS
    assert [part["part"] for part in document["parts"]] == [spec.name for spec in PARTS]
    for spec in PARTS:
        assert f"{spec.name}:" in output
    assert "least protocol depth" in output
    assert (tmp_path / "out" / "explore-heatmaps.png").stat().st_size > 0
    assert (tmp_path / "out" / "explore-heatmaps.svg").stat().st_size > 0


def test_state_limit_run_resumes(tmp_path, capsys) -> None:
    assert explore(tmp_path, "--limit-states", "1000", "--no-plots") == 3
    assert "rerun the same command to resume" in capsys.readouterr().err
    first = {point["key"]: point for point in stored(tmp_path)["points"]}
    assert 0 < len(first) < TINY_POINTS

    assert explore(tmp_path, "--no-plots") == 0
    assert f"skipping {len(first)} points" in capsys.readouterr().err
    keys = [point["key"] for point in stored(tmp_path)["points"]]
    assert len(keys) == len(set(keys)) == TINY_POINTS
    second = {point["key"]: point for point in stored(tmp_path)["points"]}
    for key, record in first.items():
        assert second[key] == record


def test_state_limit_below_one_point(tmp_path, capsys) -> None:
    assert explore(tmp_path, "--limit-states", "10", "--no-plots") == 3
    assert "alone needs more than this run's limit" in capsys.readouterr().err


def test_corrupt_results_file(tmp_path, capsys) -> None:
    results = tmp_path / "out" / "explore.json"
    results.parent.mkdir()
    results.write_text("{ damaged")
    assert explore(tmp_path, "--no-plots") == 2
    error = capsys.readouterr().err
    assert str(results) in error
    assert "not valid JSON" in error


def test_other_grid_is_not_mixed(tmp_path, capsys) -> None:
    assert explore(tmp_path, "--no-plots") == 0
    capsys.readouterr()
    options = ["explore", "--max-n", "2", "--max-shape-n", "0", "--output", str(tmp_path / "out"), "--no-plots"]
    assert main(options) == 2
    assert "--restart" in capsys.readouterr().err
    assert main([*options, "--restart"]) == 0
    assert len(stored(tmp_path)["points"]) == len(grid_points(GridParameters(max_n=2, max_shape_n=0)))


def test_invalid_grid_options(tmp_path, capsys) -> None:
    assert main(["explore", "--max-n", "9", "--output", str(tmp_path)]) == 2
    assert "--max-n 9 is invalid" in capsys.readouterr().err
    assert main(["explore", "--max-n", "3", "--max-shape-n", "8", "--output", str(tmp_path)]) == 2
    assert "--max-shape-n 8 is invalid" in capsys.readouterr().err


def test_invalid_limit_value(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["explore", "--limit-seconds", "soon"])
    assert exit_info.value.code == 2
    assert "'soon' is not a number of seconds" in capsys.readouterr().err


def test_runs_outside_checkout(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["explore", *TINY, "--no-plots"]) == 0
    assert (tmp_path / "reports" / "explore" / "explore.json").is_file()
