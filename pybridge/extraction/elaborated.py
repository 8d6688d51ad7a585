"""Elaborated statements: ask Lean for the type of every declaration with `#check`.

One probe file imports the whole library and issues `#check @Name` once per line; each
answer is matched back to its declaration by line number. `#print axioms` would tell which
axioms a proof uses, but Lean rejects it in files that import `module` files, so this
project does not report axioms.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..fileio import write_atomically
from ..toolchain import Diagnostic, Toolchain

# `open CacheDepth` makes Lean print the library's names without the namespace prefix.
PROBE_HEADER = "import CacheDepth\nopen CacheDepth\n"
FIRST_CHECK_LINE = PROBE_HEADER.count("\n") + 1


def probe_source(names: list[str]) -> str:
    """Return the probe file, whose line `FIRST_CHECK_LINE + i` checks `names[i]`."""
    return PROBE_HEADER + "".join(f"#check @{name}\n" for name in names)


def _statement_from_message(name: str, message: str) -> str:
    prefix = f"{name} : "
    if message.startswith(prefix):
        return message[len(prefix):]
    head, separator, tail = message.partition(" : ")
    return tail if separator else message


def elaborate_statements(
    toolchain: Toolchain, names: list[str], work_dir: Path, search_path: list[Path], library_key: str
) -> tuple[dict[str, str], list[Diagnostic]]:
    """Return `{name: elaborated statement}` and the probe's error diagnostics.

    Results are cached in `work_dir` under a key made from `library_key` (which changes
    whenever any module changes) and the names, so a warm run starts no Lean process.
    """
    key = hashlib.sha256((library_key + "\n" + "\n".join(names)).encode()).hexdigest()[:24]
    cache = work_dir / f"statements-{key}.json"
    if cache.is_file():
        try:
            data = json.loads(cache.read_text(encoding="utf-8"))
            return dict(data["statements"]), [Diagnostic.from_json(d) for d in data["errors"]]
        except (ValueError, KeyError, TypeError):
            pass
    probe = work_dir / "Probe.lean"
    write_atomically(probe, probe_source(names))
    run = toolchain.elaborate(probe, str(probe), search_path)
    by_line = {d.line: d for d in run.diagnostics if d.severity == "information"}
    statements = {}
    for index, name in enumerate(names):
        message = by_line.get(FIRST_CHECK_LINE + index)
        if message is not None:
            statements[name] = _statement_from_message(name, message.message)
    errors = [d for d in run.diagnostics if d.severity == "error"]
    if run.returncode != 0 and not errors:
        errors.append(Diagnostic(str(probe), 1, 0, "error",
                                 f"Lean exited with code {run.returncode} on the probe file"))
    if not errors:
        write_atomically(cache, json.dumps({
            "statements": statements, "errors": [d.to_json() for d in errors],
        }))
    return statements, errors
