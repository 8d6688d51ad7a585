from pybridge.build.cache import BuildCache, module_key


def _stage(tmp_path, content=b"olean"):
    staged = tmp_path / "staged"
    (staged / "CacheDepth").mkdir(parents=True)
    (staged / "CacheDepth" / "A.olean").write_bytes(content)
    (staged / "CacheDepth" / "A.ilean").write_bytes(b"ilean")
    return staged


def test_key_changes_with_source_and_dependencies():
    base = module_key("v1", ("-Dx",), b"source", ["k1"])
    assert module_key("v1", ("-Dx",), b"source2", ["k1"]) != base
    assert module_key("v1", ("-Dx",), b"source", ["k2"]) != base
    assert module_key("v2", ("-Dx",), b"source", ["k1"]) != base
    assert module_key("v1", ("-Dx",), b"source", ["k1"]) == base


def test_committed_module_is_current(tmp_path):
    cache = BuildCache(tmp_path / "build")
    cache.commit("CacheDepth.A", "key", _stage(tmp_path), [])
    assert cache.is_current("CacheDepth.A", "key") is not None
    assert cache.is_current("CacheDepth.A", "other-key") is None


def test_truncated_output_is_not_trusted(tmp_path):
    cache = BuildCache(tmp_path / "build")
    cache.commit("CacheDepth.A", "key", _stage(tmp_path), [])
    (cache.lib_dir / "CacheDepth" / "A.olean").write_bytes(b"ole")
    assert cache.is_current("CacheDepth.A", "key") is None


def test_missing_output_is_not_trusted(tmp_path):
    cache = BuildCache(tmp_path / "build")
    cache.commit("CacheDepth.A", "key", _stage(tmp_path), [])
    (cache.lib_dir / "CacheDepth" / "A.ilean").unlink()
    assert cache.is_current("CacheDepth.A", "key") is None


def test_corrupt_manifest_is_ignored(tmp_path):
    cache = BuildCache(tmp_path / "build")
    cache.commit("CacheDepth.A", "key", _stage(tmp_path), [])
    cache.manifest_path("CacheDepth.A").write_text("{ truncated")
    assert cache.load("CacheDepth.A") is None
    assert cache.is_current("CacheDepth.A", "key") is None


def test_invalidate_removes_trust(tmp_path):
    cache = BuildCache(tmp_path / "build")
    cache.commit("CacheDepth.A", "key", _stage(tmp_path), [])
    cache.invalidate("CacheDepth.A")
    assert cache.is_current("CacheDepth.A", "key") is None
