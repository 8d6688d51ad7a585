from pybridge.extraction import DEFINITION, OPEN, PROVED, classify, scan_declarations
from pybridge.toolchain import Diagnostic

HEADER = "module\n\n@[expose] public section\n\nnamespace CacheDepth\n\n"


def _classify(body: str, diagnostics=()):
    declarations = scan_declarations(HEADER + body + "\nend CacheDepth\n", "CacheDepth.T", "CacheDepth/T.lean")
    statements, problems = classify(declarations, {}, list(diagnostics))
    return {s.name.split(".")[-1]: s for s in statements}, problems


def test_proved_open_and_definition():
    statements, problems = _classify(
        "def d : Nat := 1\n\n"
        "theorem p : d = 1 := rfl\n\n"
        "/-- Claim.\n\nStatus: open -/\ntheorem c : d = 2 := by\n  sorry\n"
    )
    assert statements["d"].status == DEFINITION
    assert statements["p"].status == PROVED
    assert statements["c"].status == OPEN
    assert statements["c"].open_reason == "closed by sorry"
    assert problems == []


def test_untagged_sorry_is_an_error():
    _, problems = _classify("theorem c : 1 = 2 := by\n  sorry\n")
    assert len(problems) == 1
    assert "CacheDepth.c is open" in problems[0].message
    assert "Status: open" in problems[0].message
    assert problems[0].line == 7


def test_dependence_on_open_statement_propagates():
    statements, problems = _classify(
        "/-- Status: open -/\ntheorem c : 1 = 2 := by\n  sorry\n\n"
        "theorem uses_c : 2 = 3 := by\n  have := c\n  omega\n\n"
        "theorem uses_uses : 3 = 4 := by\n  have := uses_c\n  omega\n"
    )
    assert statements["uses_c"].status == OPEN
    assert statements["uses_uses"].open_reason == "depends on open CacheDepth.c"
    assert {p.message.split()[0] for p in problems} == {"CacheDepth.uses_c", "CacheDepth.uses_uses"}


def test_stale_open_tag_is_an_error():
    _, problems = _classify("/-- Status: open -/\ntheorem p : 1 = 1 := rfl\n")
    assert "is proved but its docstring says" in problems[0].message


def test_axiom_and_native_decide_are_errors():
    _, problems = _classify("axiom bad : False\n\ntheorem q : 2 + 2 = 4 := by native_decide\n")
    messages = " ".join(p.message for p in problems)
    assert "`axiom` declaration" in messages
    assert "native_decide" in messages


def test_compiler_sorry_warning_marks_statement_open():
    diagnostic = Diagnostic("CacheDepth/T.lean", 7, 8, "warning", "declaration uses `sorry`")
    statements, problems = _classify("theorem hidden : 1 = 2 := by\n  exact?\n", [diagnostic])
    assert statements["hidden"].status == OPEN
    assert len(problems) == 1
