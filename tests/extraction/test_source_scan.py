from pybridge.extraction import scan_declarations
from pybridge.extraction.source_scan import strip_comments

SAMPLE = '''module

public import CacheDepth.Other

/-! # Title -/

@[expose] public section

namespace CacheDepth

/-- A pointer map. -/
abbrev PointerMap (n : Nat) : Type := Fin n → Fin n

variable {n : Nat}

/-- Hops compose.

instance `(f, x)` at the start of a docstring line is prose, not a declaration. -/
theorem hop_add (a b : Nat) : a + b = b + a := by
  -- sorry in a comment does not count
  omega

namespace Inner

@[simp] theorem helper : True := by
  /- a block comment with sorry -/
  trivial

end Inner

/-- The open one.

Status: open -/
theorem conjecture : 1 = 2 := by
  sorry

theorem _root_.top_level : True := trivial

end CacheDepth
'''


def _by_name():
    return {d.name: d for d in scan_declarations(SAMPLE, "CacheDepth.Sample", "CacheDepth/Sample.lean")}


def test_names_follow_namespaces():
    assert list(_by_name()) == [
        "CacheDepth.PointerMap", "CacheDepth.hop_add", "CacheDepth.Inner.helper",
        "CacheDepth.conjecture", "top_level",
    ]


def test_kinds_positions_and_docstrings():
    declarations = _by_name()
    hop_add = declarations["CacheDepth.hop_add"]
    assert hop_add.kind == "theorem"
    assert (hop_add.line, hop_add.column) == (19, 8)
    assert hop_add.docstring.startswith("Hops compose.\n\ninstance `(f, x)`")
    assert declarations["CacheDepth.PointerMap"].is_definition
    assert declarations["CacheDepth.Inner.helper"].docstring is None


def test_sorry_only_counts_outside_comments():
    declarations = _by_name()
    assert not declarations["CacheDepth.hop_add"].uses_sorry
    assert not declarations["CacheDepth.Inner.helper"].uses_sorry
    assert declarations["CacheDepth.conjecture"].uses_sorry


def test_status_tag_is_read_from_docstring():
    declarations = _by_name()
    assert declarations["CacheDepth.conjecture"].tagged_open
    assert not declarations["CacheDepth.hop_add"].tagged_open


def test_declaration_text_stops_before_next_docstring():
    text = _by_name()["CacheDepth.hop_add"].text
    assert text.startswith("theorem hop_add")
    assert "namespace" not in text
    assert "Inner" not in text


def test_strip_comments_handles_nesting():
    assert strip_comments("a /- x /- y -/ z -/ b -- c\nd") == "a  b \nd"
