"""Tests of the checker registry, the limits and the match between Lean theorems and checkers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pybridge.checks import (
    CheckerRegistry,
    CheckLimits,
    CheckResult,
    EnumerationTooLarge,
    UnknownStatementError,
    registered_statements,
    run_checks,
)
from pybridge.checks.result import make_result
from pybridge.build.modules import discover_modules
from pybridge.extraction.statements import scan_library

REPOSITORY = Path(__file__).resolve().parents[2]
LEAN_FILES = (
    "CacheDepth/PointerChasing/Hop.lean",
    "CacheDepth/PointerChasing/Chain.lean",
    "CacheDepth/Bounds/Arith.lean",
    "CacheDepth/Bounds/Formulas.lean",
)


def lean_declarations():
    """Return every declaration of the library, read by the extraction layer's scanner."""
    modules = discover_modules(REPOSITORY)
    return scan_library(REPOSITORY, modules)


def lean_theorem_names() -> list[str]:
    """Return the full name of every proved theorem; open statements have no checker."""
    return sorted(
        d.name for d in lean_declarations()
        if d.kind in ("theorem", "lemma") and not d.tagged_open
    )


def test_lean_files_exist() -> None:
    for relative in LEAN_FILES:
        assert (REPOSITORY / relative).is_file(), relative


def test_theorem_pattern_finds_known_names() -> None:
    names = lean_theorem_names()
    assert "CacheDepth.hop_add" in names
    assert "CacheDepth.hop_succ'" in names
    assert "CacheDepth.IsSimpleChain.mono" in names
    assert "CacheDepth.maxBound_le_doublingUpperBound" in names
    assert "CacheDepth.CacheTransformer.length_cacheTrace_le" in names
    assert "CacheDepth.Controller.IsOblivious.isLocalityRespecting" in names
    assert "CacheDepth.product_conjecture" not in names
    assert len(names) == len(set(names))


def test_every_lean_theorem_has_checker() -> None:
    missing = sorted(set(lean_theorem_names()) - set(registered_statements()))
    assert missing == [], f"Lean theorems without a checker in pybridge/checks/: {missing}"


def test_every_checker_names_lean_theorem() -> None:
    unknown = sorted(set(registered_statements()) - set(lean_theorem_names()))
    assert unknown == [], f"checkers for statements the Lean files do not declare: {unknown}"


def test_run_checks_small_limits_all_pass() -> None:
    limits = CheckLimits(max_n=3, max_hops=4, max_value=10, max_width=2)
    seen: list[str] = []
    results = run_checks(lean_theorem_names(), limits, progress=seen.append)
    names = [result.statement for result in results]
    assert names == registered_statements()
    assert seen == names
    failed = [result.to_json() for result in results if not result.passed]
    assert failed == []


def _constant_checker(statement: str, passed: bool, calls: list[str]):
    def check(limits: CheckLimits) -> CheckResult:
        calls.append(statement)
        counterexample = None if passed else {"n": 1}
        return make_result(statement, 1, "one instance", counterexample)

    return check


def test_run_checks_name_order_and_failures() -> None:
    registry = CheckerRegistry()
    calls: list[str] = []
    registry.checker("Test.zeta")(_constant_checker("Test.zeta", True, calls))
    registry.checker("Test.alpha")(_constant_checker("Test.alpha", False, calls))
    progress: list[str] = []

    known = ["Test.alpha", "Test.zeta", "Test.other"]
    results = registry.run_checks(known, CheckLimits(), progress.append)

    assert calls == ["Test.alpha", "Test.zeta"]
    assert progress == ["Test.alpha", "Test.zeta"]
    assert [result.passed for result in results] == [False, True]
    assert results[0].counterexample == {"n": 1}


def test_run_checks_unknown_statement_raises_first() -> None:
    registry = CheckerRegistry()
    calls: list[str] = []
    registry.checker("Test.kept")(_constant_checker("Test.kept", True, calls))
    registry.checker("Test.renamed")(_constant_checker("Test.renamed", True, calls))
    registry.checker("Test.removed")(_constant_checker("Test.removed", True, calls))

    with pytest.raises(UnknownStatementError) as raised:
        registry.run_checks(["Test.kept"], CheckLimits())

    message = str(raised.value)
    assert "Test.removed, Test.renamed" in message
    assert "Test.kept" not in message
    assert "renamed or removed" in message
    assert "pybridge/checks/" in message
    assert calls == []


def test_default_run_checks_unknown_statement_raises() -> None:
    known = [name for name in registered_statements() if name != "CacheDepth.hop_add"]
    with pytest.raises(UnknownStatementError, match=r"CacheDepth\.hop_add\b"):
        run_checks(known, CheckLimits())


def test_checker_exception_propagates() -> None:
    registry = CheckerRegistry()

    @registry.checker("Test.broken")
    def check_broken(limits: CheckLimits) -> CheckResult:
        raise ZeroDivisionError("bug in the checker")

    with pytest.raises(ZeroDivisionError, match="bug in the checker"):
        registry.run_checks(["Test.broken"], CheckLimits())


def test_checker_wrong_statement_name_raises() -> None:
    registry = CheckerRegistry()
    registry.checker("Test.registered")(_constant_checker("Test.other", True, []))
    with pytest.raises(RuntimeError, match="returned a result for Test.other"):
        registry.run_checks(["Test.registered"], CheckLimits())


def test_duplicate_registration_raises() -> None:
    registry = CheckerRegistry()
    registry.checker("Test.twice")(_constant_checker("Test.twice", True, []))
    with pytest.raises(ValueError, match="Test.twice already has the checker"):
        registry.checker("Test.twice")(_constant_checker("Test.twice", True, []))


def test_limits_max_n_9_too_large() -> None:
    with pytest.raises(EnumerationTooLarge) as raised:
        CheckLimits(max_n=9)
    message = str(raised.value)
    assert "max_n=9" in message
    assert "9^9 = 387420489" in message
    assert "10^7" in message
    assert "max_n ≤ 7" in message
    assert "held in memory" in message


def test_limits_max_n_7_accepted() -> None:
    assert CheckLimits(max_n=7).max_n == 7


def test_limits_hop_table_too_large() -> None:
    with pytest.raises(EnumerationTooLarge, match=r"max_hops=9 with max_n=7 .*max_hops ≤ 8"):
        CheckLimits(max_n=7, max_hops=9)


def test_limits_hop_triples_too_large() -> None:
    with pytest.raises(EnumerationTooLarge, match=r"max_hops=40 .*hop_periodic_of_eq"):
        CheckLimits(max_n=6, max_hops=40)


def test_limits_max_value_overflow() -> None:
    with pytest.raises(EnumerationTooLarge, match=r"max_value=63 .*max_value ≤ 62"):
        CheckLimits(max_value=63)


def test_limits_formula_grid_too_large() -> None:
    with pytest.raises(EnumerationTooLarge, match=r"max_width=30 .*10\^8 tuples"):
        CheckLimits(max_width=30)


@pytest.mark.parametrize("field", ["max_n", "max_hops", "max_value", "max_width"])
def test_limits_negative_rejected(field: str) -> None:
    with pytest.raises(ValueError, match=f"{field}=-1 is invalid"):
        CheckLimits(**{field: -1})


def test_limits_max_n_zero_rejected() -> None:
    with pytest.raises(ValueError, match="max_n=0 is invalid"):
        CheckLimits(max_n=0)


def test_limits_bool_rejected() -> None:
    with pytest.raises(TypeError, match="max_hops=True"):
        CheckLimits(max_hops=True)


def test_result_to_json_serialisable() -> None:
    result = make_result("Test.statement", 3, "three instances", {"n": 2, "f": [1, 0], "x": 0})
    encoded = json.loads(json.dumps(result.to_json()))
    assert encoded == {
        "statement": "Test.statement",
        "passed": False,
        "instances": 3,
        "domain": "three instances",
        "counterexample": {"n": 2, "f": [1, 0], "x": 0},
        "reason": None,
    }


def test_result_without_instances_is_vacuous() -> None:
    result = make_result("Test.statement", 0, "nothing", None)
    assert not result.passed
    assert result.reason is not None
    assert "vacuous" in result.reason
