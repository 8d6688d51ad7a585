"""Plain-text tables for the terminal."""

from __future__ import annotations

from typing import Iterable, Sequence


def _table(header: Sequence[str], rows: list[Sequence[str]], limit: int = 70) -> str:
    cells = [[c if len(c) <= limit else c[: limit - 1] + "…" for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells)
    return "\n".join(lines)


def format_statement_table(statements: Iterable, show_statement: bool = True) -> str:
    """Format one row per declaration: status, name, location and, optionally, its statement."""
    rows = []
    for s in statements:
        row = [s.status, s.name, f"{s.file}:{s.line}"]
        if show_statement:
            # Lean breaks long statements over indented lines; the table shows one line.
            row.append(" ".join((s.statement or "").split()))
        rows.append(row)
    header = ["status", "name", "source"] + (["statement"] if show_statement else [])
    return _table(header, rows)


def format_check_table(results: Iterable) -> str:
    """Format one row per numerical check: verdict, statement, instances and counterexample."""
    rows = []
    for r in results:
        verdict = "pass" if r.passed else "FAIL"
        detail = "" if r.passed else f"counterexample {r.counterexample}"
        rows.append([verdict, r.statement, str(r.instances), detail or r.domain])
    return _table(["check", "statement", "instances", "what was enumerated"], rows, limit=90)
