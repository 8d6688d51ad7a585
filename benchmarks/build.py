"""Benchmark the build driver: cold build, warm build, and rebuild after touching one leaf.

Runs in a temporary copy of the Lean sources (the checkout is not modified) with the
toolchain that `cachedepth` would pick. Usage:

    python3 benchmarks/build.py [--leaf CacheDepth/Conjecture.lean]

Prints one line per scenario: wall time, and which modules compiled.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from pybridge.build.driver import BUILT, build_library
from pybridge.toolchain import detect_toolchain

REPO = Path(__file__).resolve().parents[1]


def _copy_project(target: Path) -> None:
    for name in ("lakefile.lean", "lean-toolchain", "CacheDepth.lean"):
        shutil.copy2(REPO / name, target / name)
    shutil.copytree(REPO / "CacheDepth", target / "CacheDepth")
    if (REPO / "node_modules").is_dir():
        (target / "node_modules").symlink_to(REPO / "node_modules")


def _timed(label: str, root: Path, toolchain) -> float:
    started = time.monotonic()
    report = build_library(root, toolchain)
    seconds = time.monotonic() - started
    compiled = sorted(n for n, s in report.statuses.items() if s == BUILT)
    print(f"{label:<32} {seconds:9.2f} s   compiled: {', '.join(compiled) or 'nothing'}", flush=True)
    if not report.ok:
        details = "\n".join(d.format() for d in report.diagnostics if d.severity == "error")
        raise SystemExit(f"{label}: the build failed\n{details}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leaf", default="CacheDepth/Conjecture.lean",
                        help="module file to touch for the incremental scenario")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cachedepth-bench-") as folder:
        root = Path(folder)
        _copy_project(root)
        toolchain = detect_toolchain(root)
        print(f"toolchain: {toolchain.info.describe()}")
        cold = _timed("cold build", root, toolchain)
        warm = _timed("warm build, nothing changed", root, toolchain)
        leaf = root / args.leaf
        leaf.write_text(leaf.read_text() + "\n-- touched by the benchmark\n")
        _timed(f"after touching {Path(args.leaf).name}", root, toolchain)
        print(f"warm / cold = {100 * warm / cold:.2f} % (goal: under 5 %)")


if __name__ == "__main__":
    main()
