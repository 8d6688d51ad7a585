import pytest

from pybridge.build.modules import ModuleGraphError, discover_modules, import_graph, parse_imports


def _write(root, relative, text):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_parse_imports_reads_header_only():
    text = "module\n\n/-! doc -/\npublic import CacheDepth.A\nimport Init.Data\n\ndef x := 1\nimport Late\n"
    names, lines = parse_imports(text)
    assert names == ("CacheDepth.A", "Init.Data")
    assert lines == (4, 5)


def test_graph_orders_dependencies(tmp_path):
    _write(tmp_path, "CacheDepth.lean", "module\npublic import CacheDepth.B\n")
    _write(tmp_path, "CacheDepth/A.lean", "module\n")
    _write(tmp_path, "CacheDepth/B.lean", "module\npublic import CacheDepth.A\nimport Std\n")
    graph = import_graph(discover_modules(tmp_path))
    assert set(graph.edges) == {("CacheDepth.A", "CacheDepth.B"), ("CacheDepth.B", "CacheDepth")}


def test_missing_import_names_file_and_line(tmp_path):
    _write(tmp_path, "CacheDepth.lean", "module\n\npublic import CacheDepth.Missing\n")
    with pytest.raises(ModuleGraphError, match=r"CacheDepth.lean:3: imports CacheDepth.Missing"):
        import_graph(discover_modules(tmp_path))


def test_import_cycle_is_reported(tmp_path):
    _write(tmp_path, "CacheDepth.lean", "module\n")
    _write(tmp_path, "CacheDepth/A.lean", "module\nimport CacheDepth.B\n")
    _write(tmp_path, "CacheDepth/B.lean", "module\nimport CacheDepth.A\n")
    with pytest.raises(ModuleGraphError, match="import cycle"):
        import_graph(discover_modules(tmp_path))
