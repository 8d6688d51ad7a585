from pybridge.extraction.elaborated import FIRST_CHECK_LINE, _statement_from_message, probe_source


def test_probe_lines_match_names():
    lines = probe_source(["CacheDepth.a", "CacheDepth.b"]).splitlines()
    assert lines[FIRST_CHECK_LINE - 1] == "#check @CacheDepth.a"
    assert lines[FIRST_CHECK_LINE] == "#check @CacheDepth.b"


def test_statement_prefix_is_removed():
    message = "CacheDepth.hop_one : ∀ {n : Nat} (f : PointerMap n) (x : Fin n), hop f 1 x = f x"
    assert _statement_from_message("CacheDepth.hop_one", message) == (
        "∀ {n : Nat} (f : PointerMap n) (x : Fin n), hop f 1 x = f x"
    )


def test_short_name_prefix_is_removed():
    assert _statement_from_message("CacheDepth.hop_one", "hop_one : True") == "True"
