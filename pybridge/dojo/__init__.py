"""LeanDojo interoperation: theorem records for the library, and `lean_dojo.Theorem`
objects when the optional `lean_dojo` package and a native toolchain are present."""

from .bridge import build_theorems, missing_requirements
from .records import TheoremRecord, end_position, keyword_position, theorem_records

__all__ = ["TheoremRecord", "build_theorems", "end_position", "keyword_position",
           "missing_requirements", "theorem_records"]
