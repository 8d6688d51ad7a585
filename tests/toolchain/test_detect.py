import pytest

from pybridge.toolchain import ToolchainError, detect_toolchain


def test_no_toolchain_explains_both_installs(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CACHEDEPTH_TOOLCHAIN", raising=False)
    with pytest.raises(ToolchainError) as error:
        detect_toolchain(tmp_path)
    assert "npm ci" in str(error.value)
    assert "elan" in str(error.value)


def test_invalid_toolchain_choice_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setenv("CACHEDEPTH_TOOLCHAIN", "wasm")
    with pytest.raises(ToolchainError, match="'wasm' is invalid"):
        detect_toolchain(tmp_path)


def test_forced_npm_without_install_names_missing_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CACHEDEPTH_TOOLCHAIN", "npm")
    with pytest.raises(ToolchainError, match="npm toolchain not installed"):
        detect_toolchain(tmp_path)
