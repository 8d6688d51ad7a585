"""Tests of the checkers for the controller and model files and their match with Lean theorems."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from pybridge.checks import DEFAULT_REGISTRY, CheckLimits, registered_statements
from pybridge.checks import controllers as controller_checks
from pybridge.checks import model_checks
from pybridge.model import heavy_hitter, match_attention, sliding_window, top_by_score

REPOSITORY = Path(__file__).resolve().parents[2]
LEAN_FILES = (
    "CacheDepth/Controller/Window.lean",
    "CacheDepth/Controller/Locality.lean",
    "CacheDepth/Controller/TopScore.lean",
    "CacheDepth/Controller/HeavyHitter.lean",
    "CacheDepth/Model/CacheTransformer.lean",
)
CHECKER_MODULES = ("pybridge.checks.controllers", "pybridge.checks.ranking", "pybridge.checks.model_checks")
# A declaration line: optional modifiers, then `theorem` and the name up to the binders.
THEOREM_PATTERN = re.compile(
    r"^(?:@\[[^\]]*\]\s*)?(?:(?:private|protected|nonrec)\s+)*theorem\s+([^\s:({\[]+)"
)
NAMESPACE_PATTERN = re.compile(r"^namespace\s+(\S+)")
END_PATTERN = re.compile(r"^end\s+(\S+)")
NEW_STATEMENTS = [
    name
    for name in registered_statements()
    if DEFAULT_REGISTRY.checker_for(name).__module__ in CHECKER_MODULES
]
SMALL = CheckLimits(max_n=3, max_hops=4, max_value=10, max_width=2)


def lean_theorem_names() -> list[str]:
    """Return the full name of every theorem in LEAN_FILES, following `namespace` and `end`."""
    names = []
    for relative in LEAN_FILES:
        namespaces: list[str] = []
        for line in (REPOSITORY / relative).read_text(encoding="utf-8").splitlines():
            if match := NAMESPACE_PATTERN.match(line):
                namespaces.extend(match.group(1).split("."))
            elif match := END_PATTERN.match(line):
                closed = match.group(1).split(".")
                if namespaces[-len(closed) :] == closed:
                    del namespaces[-len(closed) :]
            elif match := THEOREM_PATTERN.match(line):
                names.append(".".join([*namespaces, match.group(1)]))
    return sorted(names)


def test_theorem_scan_finds_namespaced_names() -> None:
    names = lean_theorem_names()
    assert "CacheDepth.CacheTransformer.length_cacheTrace_le" in names
    assert "CacheDepth.CacheTransformer.Solves.solvesOn" in names
    assert "CacheDepth.Controller.IsOblivious.isLocalityRespecting" in names
    assert "CacheDepth.heavyHitter_not_isLocalityRespecting" in names
    assert "CacheDepth.length_recentPositions_le" in names
    assert len(names) == len(set(names)) == 30


def test_every_lean_theorem_has_checker() -> None:
    missing = sorted(set(lean_theorem_names()) - set(registered_statements()))
    assert missing == [], f"Lean theorems without a checker in pybridge/checks/: {missing}"


def test_every_new_checker_names_lean_theorem() -> None:
    unknown = sorted(set(NEW_STATEMENTS) - set(lean_theorem_names()))
    assert unknown == [], f"checkers for statements the Lean files do not declare: {unknown}"


@pytest.mark.parametrize("statement", NEW_STATEMENTS)
def test_checker_passes_default_limits(statement: str) -> None:
    result = DEFAULT_REGISTRY.checker_for(statement)(CheckLimits())
    assert result.statement == statement
    assert result.passed, result.to_json()
    assert result.counterexample is None
    assert result.instances > 0
    assert result.domain.startswith("all ")
    json.dumps(result.to_json())


@pytest.mark.parametrize("statement", NEW_STATEMENTS)
def test_checker_passes_small_limits(statement: str) -> None:
    result = DEFAULT_REGISTRY.checker_for(statement)(SMALL)
    assert result.passed, result.to_json()


def test_heavy_hitter_checker_reports_violation() -> None:
    check = DEFAULT_REGISTRY.checker_for("CacheDepth.heavyHitter_not_isLocalityRespecting")
    result = check(CheckLimits())
    assert result.passed
    assert "v = [0, 1, 0], w = [0, 1, 1], j = 2" in result.domain
    assert "caches [0] and [1]" in result.domain
    assert "smallest n with a violation is 3, for s = 1" in result.domain


def test_heavy_hitter_checker_fails_without_violation(monkeypatch: pytest.MonkeyPatch) -> None:
    # A per-state score is locality-respecting, so the search must come back empty.
    monkeypatch.setattr(
        controller_checks, "heavy_hitter", lambda s, attention: top_by_score(s, lambda x: x)
    )
    result = controller_checks.check_heavy_hitter_not_locality(CheckLimits())
    assert not result.passed
    assert result.counterexample is None
    assert result.instances > 0
    assert "no locality violation found" in result.reason


def test_top_by_score_checker_catches_non_local_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        controller_checks, "top_by_score", lambda s, score: heavy_hitter(s, match_attention)
    )
    result = controller_checks.check_top_by_score_locality(CheckLimits())
    assert not result.passed
    # Heavy hitters are local for n ≤ 2 and for s = 0, so the first failure is the Lean
    # counterexample's pair, swapped, at the first score table.
    assert result.counterexample == {
        "n": 3,
        "s": 1,
        "score": [0, 0, 0],
        "layer": 0,
        "v": [0, 1, 0],
        "w": [0, 1, 1],
        "j": 2,
        "cache_v": [0],
        "cache_w": [1],
    }


def test_oblivious_checker_catches_non_local_oblivious_claim(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Claiming every controller oblivious puts heavy hitters into the hypothesis.
    monkeypatch.setattr(controller_checks, "is_oblivious", lambda rule, n, alphabet: True)
    result = controller_checks.check_oblivious_locality(CheckLimits())
    assert not result.passed
    assert result.counterexample["n"] == 2
    assert "rule" in result.counterexample


def test_length_checker_catches_oversized_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(controller_checks, "sliding_window", lambda n, s: sliding_window(n, s + 1))
    result = controller_checks.check_length_sliding_window_le(CheckLimits())
    assert not result.passed
    assert result.counterexample == {"n": 1, "s": 0, "layer": 0, "v": [0]}


def test_model_length_checker_catches_oversized_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    model_checks.model_family.cache_clear()
    model_checks.family_answers.cache_clear()
    monkeypatch.setattr(model_checks, "sliding_window", lambda n, s: sliding_window(n, s + 1))
    try:
        result = model_checks.check_length_cache_trace_le(CheckLimits())
    finally:
        model_checks.model_family.cache_clear()
        model_checks.family_answers.cache_clear()
    assert not result.passed
    counterexample = result.counterexample
    assert counterexample["controller"] == "slidingWindow"
    assert counterexample["s"] == 0
    assert counterexample["cache"] == [0]


def test_solves_on_checker_covers_chain_follower() -> None:
    # The chain follower solves k hops with k layers for n = 2 and 3, so the hypothesis
    # M.Solves L k is met beyond the single-token models, which solve everything.
    for n in (2, 3):
        description, model = model_checks.model_family(n)[0]
        assert description["model"] == "chainFollower"
        answers = model_checks.family_answers(n)[0]
        for depth in (1, 2, 3):
            assert all(
                answer == model_checks.hop_naive(f, depth, x)
                for (f, x), answer in answers[depth].items()
            )


def test_family_answers_match_mirror() -> None:
    for (_, model), answers in zip(model_checks.model_family(2), model_checks.family_answers(2)):
        for depth, by_instance in answers.items():
            for (f, x), answer in by_instance.items():
                assert model.answer(depth, f, x) == answer


def test_random_models_deterministic() -> None:
    first = model_checks.seeded_value(1, "message", 0, 1, 2, ((0, 1),))
    assert first == model_checks.seeded_value(1, "message", 0, 1, 2, ((0, 1),))
    assert first != model_checks.seeded_value(2, "message", 0, 1, 2, ((0, 1),))


def test_random_eviction_schedule_keeps_size() -> None:
    for n in range(1, 5):
        for s in range(n + 1):
            schedule = controller_checks.random_eviction_schedule(
                n, s, 4, np.random.default_rng(0)
            )
            assert len(schedule) == 4
            for cache in schedule:
                assert len(cache) == s
                assert len(set(cache)) == s
                assert all(0 <= position < n for position in cache)
