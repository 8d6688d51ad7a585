"""The native Lean toolchain: `lean` and `lake` on PATH, as installed by elan.

With it, `lake build` builds the library (Lake does its own change tracking) and
`lake env lean` elaborates probe files against the built library.

NOTE: this path has not run yet: the development and CI machines cannot install Lean with
elan, so only the npm toolchain is tested end to end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .base import LEAN_OPTIONS, LeanRun, ToolchainError, ToolchainInfo
from .diagnostics import parse_json_messages


def native_available() -> bool:
    """Return whether both `lean` and `lake` are on PATH."""
    return shutil.which("lean") is not None and shutil.which("lake") is not None


class NativeToolchain:
    """Lean and Lake from PATH."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        if not native_available():
            raise ToolchainError("native toolchain not found: `lean` and `lake` must both be on PATH")
        version = subprocess.run(
            ["lean", "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
        self.info = ToolchainInfo("native", version or "unknown version", shutil.which("lean") or "")

    def lake_build(self) -> subprocess.CompletedProcess:
        """Run `lake build` in the project root; Lake prints its diagnostics itself."""
        return subprocess.run(["lake", "build"], cwd=self.root, text=True, check=False)

    def compile_module(
        self, source: Path, display_name: str, olean: Path, ilean: Path, search_path: list[Path]
    ) -> LeanRun:
        env = dict(os.environ)
        env["LEAN_PATH"] = os.pathsep.join(str(p) for p in search_path)
        done = subprocess.run(
            ["lake", "env", "lean", *LEAN_OPTIONS, "--json", str(source), "-o", str(olean), "-i", str(ilean)],
            cwd=self.root, env=env, capture_output=True, text=True, check=False,
        )
        output = done.stdout + done.stderr
        return LeanRun(done.returncode, parse_json_messages(output, display_name), output)

    def elaborate(self, source: Path, display_name: str, search_path: list[Path]) -> LeanRun:
        done = subprocess.run(
            ["lake", "env", "lean", *LEAN_OPTIONS, "--json", str(source)],
            cwd=self.root, capture_output=True, text=True, check=False,
        )
        output = done.stdout + done.stderr
        return LeanRun(done.returncode, parse_json_messages(output, display_name), output)
