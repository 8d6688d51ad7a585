"""Helpers for the site tests: check reports, small projects, and a module whose
docstrings contain HTML."""

from __future__ import annotations

import json
from pathlib import Path

from pybridge.checks import CheckLimits

REPO = Path(__file__).resolve().parents[2]
CHECKED = ("CacheDepth.hop_add", "CacheDepth.ceilDiv_le_iff", "CacheDepth.slidingWindow_isLocalityRespecting")
SMALL_LIMITS = CheckLimits(max_n=3, max_hops=3, max_value=8, max_width=2)

# A module whose docstrings contain HTML, and whose `uses_gap` rests on the open `base_gap`.
EVIL = '''module

@[expose] public section

namespace CacheDepth

/-- Uses <script>alert("docstring")</script> & `a < b`. -/
theorem evil_name : 1 < 2 := by
  decide

/-- A claim that rests on nothing proved.

Status: open -/
theorem base_gap : 2 < 1 := by
  sorry

/-- Status: open

Rests on `base_gap`. -/
theorem uses_gap : 2 < 1 := base_gap

end CacheDepth
'''


def write_report(path: Path, checks: list[dict]) -> Path:
    """Write a check report with the fields that `cachedepth check` writes and the site reads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "schema_version": 1,
        "ok": all(c["passed"] for c in checks),
        "toolchain": "test",
        "limits": {"max_n": SMALL_LIMITS.max_n, "max_hops": SMALL_LIMITS.max_hops,
                   "max_value": SMALL_LIMITS.max_value},
        "checks": checks,
    }), encoding="utf-8")
    return path


def make_project(root: Path, modules: dict[str, str]) -> Path:
    """Create a minimal CacheDepth checkout: `modules` maps file names under CacheDepth/ to
    their Lean text, and CacheDepth.lean imports them all."""
    (root / "CacheDepth").mkdir(parents=True)
    (root / "lakefile.lean").write_text("")
    imports = "".join(f"public import CacheDepth.{Path(name).stem}\n" for name in modules)
    (root / "CacheDepth.lean").write_text(f"module\n\n{imports}")
    for name, text in modules.items():
        (root / "CacheDepth" / name).write_text(text, encoding="utf-8")
    return root
