import json

from pybridge.toolchain import Diagnostic, parse_json_messages


def _message(line: int, column: int, severity: str, text: str) -> str:
    return json.dumps({
        "caption": "", "data": text, "fileName": "X.lean", "severity": severity,
        "pos": {"line": line, "column": column}, "endPos": {"line": line, "column": column + 3},
    })


def test_parse_skips_debug_noise_and_echo():
    output = "\n".join([
        "[DEBUG:A] lean_main entered, argc=3",
        "theorem t : 1 = 1 := rfl",
        "{ not json",
        _message(4, 2, "error", "unknown identifier 'x'"),
        "[DEBUG:N] Reporting complete, hasErrors = true",
        _message(7, 8, "warning", "declaration uses `sorry`"),
    ])
    diagnostics = parse_json_messages(output, "CacheDepth/X.lean")
    assert [d.severity for d in diagnostics] == ["error", "warning"]
    assert diagnostics[0].file == "CacheDepth/X.lean"
    assert (diagnostics[0].line, diagnostics[0].column) == (4, 2)
    assert diagnostics[1].message == "declaration uses `sorry`"


def test_format_is_file_line_column_severity_message():
    diagnostic = Diagnostic("A.lean", 3, 5, "error", "type mismatch")
    assert diagnostic.format() == "A.lean:3:5: error: type mismatch"


def test_json_round_trip():
    diagnostic = Diagnostic("A.lean", 3, 5, "warning", "w", 3, 9)
    assert Diagnostic.from_json(diagnostic.to_json()) == diagnostic
