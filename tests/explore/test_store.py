"""Tests of explore.json: resuming, rejecting damaged or foreign files, and the budget."""

from __future__ import annotations

import json

import pytest

from pybridge.explore import budget as budget_module
from pybridge.explore.budget import Budget, BudgetExceeded
from pybridge.explore.store import SCHEMA, ResultsFileError, ResultsStore
from pybridge.explore.validation import check_records

PARAMETERS = {"max_n": 3, "max_shape_n": 0}


def test_missing_file_starts_empty(tmp_path) -> None:
    store = ResultsStore.open(tmp_path / "explore.json", PARAMETERS)
    assert store.records == {}
    assert not (tmp_path / "explore.json").exists()


def test_added_point_survives_reopen(tmp_path) -> None:
    path = tmp_path / "explore.json"
    store = ResultsStore.open(path, PARAMETERS)
    store.add({"key": "n=2,k=1,s=1,H=1,m=1,p=1", "value": 1})
    reopened = ResultsStore.open(path, PARAMETERS)
    assert list(reopened.records) == ["n=2,k=1,s=1,H=1,m=1,p=1"]
    assert json.loads(path.read_text())["schema"] == SCHEMA


def test_corrupt_file_names_path(tmp_path) -> None:
    path = tmp_path / "explore.json"
    path.write_text('{"schema": "cachedepth-explore", "points": [')
    with pytest.raises(ResultsFileError) as error:
        ResultsStore.open(path, PARAMETERS)
    assert str(path) in str(error.value)
    assert "not valid JSON" in str(error.value)
    assert "--restart" in str(error.value)


def test_foreign_file_is_rejected(tmp_path) -> None:
    path = tmp_path / "explore.json"
    path.write_text(json.dumps({"schema_version": 1, "checks": []}))
    with pytest.raises(ResultsFileError, match="not an explore results file"):
        ResultsStore.open(path, PARAMETERS)


def test_other_grid_is_rejected(tmp_path) -> None:
    path = tmp_path / "explore.json"
    ResultsStore.open(path, PARAMETERS).save()
    with pytest.raises(ResultsFileError) as error:
        ResultsStore.open(path, {"max_n": 4, "max_shape_n": 0})
    message = str(error.value)
    assert "--max-n 3" in message
    assert "--max-n 4" in message


def test_restart_ignores_stored_file(tmp_path) -> None:
    path = tmp_path / "explore.json"
    path.write_text("not json")
    assert ResultsStore.open(path, PARAMETERS, restart=True).records == {}


def test_point_outside_grid_is_rejected(tmp_path) -> None:
    path = tmp_path / "explore.json"
    with pytest.raises(ResultsFileError, match="n=9,k=1"):
        check_records(path, {"n=9,k=1,s=1,H=1,m=1,p=1": {}}, ["n=2,k=1,s=1,H=1,m=1,p=1"])


def test_incomplete_record_is_rejected(tmp_path) -> None:
    path = tmp_path / "explore.json"
    key = "n=2,k=1,s=1,H=1,m=1,p=1"
    with pytest.raises(ResultsFileError, match="incomplete record"):
        check_records(path, {key: {"key": key, "formulas": {}}}, [key])


def test_state_limit_raises() -> None:
    budget = Budget(max_states=10)
    budget.charge_states(10)
    with pytest.raises(BudgetExceeded, match="--limit-states 10"):
        budget.charge_states(1)


def test_time_limit_raises(monkeypatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(budget_module.time, "monotonic", lambda: clock[0])
    budget = Budget(max_seconds=5)
    budget.check_time()
    clock[0] = 106.0
    with pytest.raises(BudgetExceeded, match="--limit-seconds 5"):
        budget.check_time()


def test_time_limit_checked_during_batches(monkeypatch) -> None:
    # Charges of 7 states never land on a multiple of 256 before 1792, but the clock must be
    # read at least once per 256 states anyway.
    clock = [0.0]
    monkeypatch.setattr(budget_module.time, "monotonic", lambda: clock[0])
    budget = Budget(max_seconds=1)
    clock[0] = 2.0
    with pytest.raises(BudgetExceeded):
        for _ in range(40):
            budget.charge_states(7)
