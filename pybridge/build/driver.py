"""Build driver: compile the library's modules in import order.

Independent modules compile in parallel, up to the number of cores. A module whose key is
unchanged and whose outputs are intact is skipped (see `cache.py`). A module that fails to
compile stops only the modules that import it, directly or not. On the native toolchain
`lake build` does all of this instead.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import networkx as nx

from ..toolchain import LEAN_OPTIONS, Diagnostic, NativeToolchain, Toolchain, ToolchainError
from .cache import BuildCache, module_key
from .modules import LeanModule, discover_modules, import_graph

Progress = Callable[[str], None]

BUILT, CACHED, FAILED, BLOCKED = "built", "cached", "failed", "blocked"


@dataclass
class BuildReport:
    """Per-module outcome (`built`, `cached`, `failed` or `blocked` by a failed import)."""

    toolchain: str
    statuses: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    search_path: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(s in (BUILT, CACHED) for s in self.statuses.values()) and not any(
            d.severity == "error" for d in self.diagnostics
        )

    def to_json(self) -> dict:
        return {
            "toolchain": self.toolchain,
            "ok": self.ok,
            "modules": {
                name: {"status": status, "seconds": round(self.seconds.get(name, 0.0), 1)}
                for name, status in sorted(self.statuses.items())
            },
            "diagnostics": [d.to_json() for d in self.diagnostics],
        }


def default_build_dir(root: Path) -> Path:
    return root / ".cachedepth" / "build"


def _compile_one(
    toolchain: Toolchain, cache: BuildCache, module: LeanModule, key: str
) -> tuple[bool, list[Diagnostic]]:
    """Compile one module into a staging folder and commit it only if Lean reports no error."""
    cache.invalidate(module.name)
    cache.staging_dir.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(dir=cache.staging_dir, prefix=module.name + "."))
    try:
        stem = staged / Path(module.relative_path).with_suffix("")
        stem.parent.mkdir(parents=True, exist_ok=True)
        run = toolchain.compile_module(
            module.path, module.relative_path, stem.with_suffix(".olean"),
            stem.with_suffix(".ilean"), [cache.lib_dir],
        )
        diagnostics = list(run.diagnostics)
        if run.has_errors:
            if not any(d.severity == "error" for d in diagnostics):
                tail = run.raw_output.strip().splitlines()[-5:]
                diagnostics.append(Diagnostic(
                    module.relative_path, 1, 0, "error",
                    f"Lean exited with code {run.returncode} without a message; output ended with: "
                    + " | ".join(tail),
                ))
            return False, diagnostics
        if not stem.with_suffix(".olean").is_file():
            diagnostics.append(Diagnostic(
                module.relative_path, 1, 0, "error", "Lean reported success but wrote no .olean file",
            ))
            return False, diagnostics
        cache.commit(module.name, key, staged, diagnostics)
        return True, diagnostics
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def build_library(
    root: Path,
    toolchain: Toolchain,
    build_dir: Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Build every module of the library and return what happened to each."""
    say = progress or (lambda _message: None)
    if isinstance(toolchain, NativeToolchain):
        return _build_with_lake(root, toolchain, say)

    build_dir = build_dir or default_build_dir(root)
    cache = BuildCache(build_dir)
    shutil.rmtree(cache.staging_dir, ignore_errors=True)
    modules = discover_modules(root)
    graph = import_graph(modules)
    # Start first the modules with the longest chain of importers above them, so the
    # critical path of the build begins as early as possible.
    height: dict[str, int] = {}
    for name in reversed(list(nx.topological_sort(graph))):
        height[name] = 1 + max((height[d] for d in graph.successors(name)), default=0)
    order = sorted(nx.lexicographical_topological_sort(graph), key=lambda name: (-height[name], name))
    report = BuildReport(toolchain.info.describe(), search_path=[cache.lib_dir])

    # A key is computed when its module is scheduled, so an edit made while its imports
    # were compiling is part of the key recorded with its outputs.
    keys: dict[str, str] = {}

    def key_of(name: str) -> str:
        source = modules[name].path.read_bytes()
        return module_key(
            toolchain.info.version, LEAN_OPTIONS, source, [keys[d] for d in graph.predecessors(name)]
        )

    pending = set(order)
    running: dict[Future, str] = {}
    started: dict[str, float] = {}
    total = len(order)
    jobs = max(1, jobs or os.cpu_count() or 1)

    def ready(name: str) -> bool:
        return all(report.statuses.get(d) in (BUILT, CACHED) for d in graph.predecessors(name))

    def blocked(name: str) -> bool:
        return any(report.statuses.get(d) in (FAILED, BLOCKED) for d in graph.predecessors(name))

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        while pending or running:
            for name in [n for n in order if n in pending]:
                if blocked(name):
                    pending.discard(name)
                    report.statuses[name] = BLOCKED
                    say(f"[{len(report.statuses)}/{total}] {name}: not built, an import failed")
                elif ready(name):
                    keys[name] = key_of(name)
                    manifest = cache.is_current(name, keys[name])
                    if manifest is not None:
                        pending.discard(name)
                        report.statuses[name] = CACHED
                        report.diagnostics.extend(manifest.diagnostics)
                        say(f"[{len(report.statuses)}/{total}] {name}: up to date")
                    elif len(running) < jobs:
                        pending.discard(name)
                        started[name] = time.monotonic()
                        say(f"compiling {name} …")
                        running[pool.submit(_compile_one, toolchain, cache, modules[name], keys[name])] = name
            if not running:
                continue
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                name = running.pop(future)
                try:
                    success, diagnostics = future.result()
                except ToolchainError as error:
                    success, diagnostics = False, [
                        Diagnostic(modules[name].relative_path, 1, 0, "error", str(error))
                    ]
                report.seconds[name] = time.monotonic() - started[name]
                report.statuses[name] = BUILT if success else FAILED
                report.diagnostics.extend(diagnostics)
                for diagnostic in diagnostics:
                    if diagnostic.severity in ("error", "warning"):
                        say(diagnostic.format())
                verdict = "compiled" if success else "FAILED"
                say(f"[{len(report.statuses)}/{total}] {name}: {verdict} in {report.seconds[name]:.0f} s")
    return report


def _build_with_lake(root: Path, toolchain: NativeToolchain, say: Progress) -> BuildReport:
    say("running `lake build` …")
    done = toolchain.lake_build()
    report = BuildReport(toolchain.info.describe(), search_path=[root / ".lake" / "build" / "lib" / "lean"])
    status = BUILT if done.returncode == 0 else FAILED
    for name in discover_modules(root):
        report.statuses[name] = status
    if done.returncode != 0:
        report.diagnostics.append(Diagnostic("lakefile.lean", 1, 0, "error", f"`lake build` exited with {done.returncode}"))
    return report
