"""Content-hash cache for compiled modules.

A module's key hashes the toolchain version, the Lean options, its source and the keys of
the project modules it imports, so a change anywhere upstream changes the key. After a
successful compile a manifest records the key and the SHA-256 of every output file. A
module is skipped only when its manifest exists, its key matches and every output still
has the recorded hash; anything else (missing, truncated or edited outputs, an unreadable
manifest) makes it recompile.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..fileio import sha256_file, write_atomically
from ..toolchain import Diagnostic


def module_key(toolchain_version: str, options: tuple[str, ...], source: bytes, dependency_keys: list[str]) -> str:
    digest = hashlib.sha256()
    for part in (toolchain_version, " ".join(options), *sorted(dependency_keys)):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(source)
    return digest.hexdigest()


@dataclass
class Manifest:
    """What a successful compile of one module produced."""

    module: str
    key: str
    outputs: dict[str, str]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "module": self.module,
            "key": self.key,
            "outputs": self.outputs,
            "diagnostics": [d.to_json() for d in self.diagnostics],
        }


class BuildCache:
    """Manifests under `<build>/manifests/`, outputs under `<build>/lib/`."""

    def __init__(self, build_dir: Path) -> None:
        self.build_dir = build_dir
        self.lib_dir = build_dir / "lib"
        self.manifest_dir = build_dir / "manifests"
        self.staging_dir = build_dir / "staging"

    def manifest_path(self, module: str) -> Path:
        return self.manifest_dir / f"{module}.json"

    def load(self, module: str) -> Manifest | None:
        """Return the module's manifest, or None when it is missing or unreadable."""
        try:
            data = json.loads(self.manifest_path(module).read_text(encoding="utf-8"))
            return Manifest(
                data["module"], data["key"], dict(data["outputs"]),
                [Diagnostic.from_json(d) for d in data.get("diagnostics", [])],
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def is_current(self, module: str, key: str) -> Manifest | None:
        """Return the manifest when the module's outputs are up to date and intact."""
        manifest = self.load(module)
        if manifest is None or manifest.key != key or not manifest.outputs:
            return None
        for relative, expected in manifest.outputs.items():
            path = self.lib_dir / relative
            if not path.is_file() or sha256_file(path) != expected:
                return None
        return manifest

    def invalidate(self, module: str) -> None:
        """Forget a module's outputs, so no later run trusts them."""
        self.manifest_path(module).unlink(missing_ok=True)

    def commit(self, module: str, key: str, staged: Path, diagnostics: list[Diagnostic]) -> Manifest:
        """Move staged outputs into the library folder, then record the manifest.

        The manifest is written last: if the process dies before that, the module has no
        manifest and is recompiled next time.
        """
        outputs = {}
        for path in sorted(p for p in staged.rglob("*") if p.is_file()):
            relative = path.relative_to(staged)
            target = self.lib_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            outputs[str(relative)] = sha256_file(path)
            os.replace(path, target)
        manifest = Manifest(module, key, outputs, diagnostics)
        write_atomically(self.manifest_path(module), json.dumps(manifest.to_json(), indent=1))
        return manifest
