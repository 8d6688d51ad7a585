"""The claim-to-statement mapping in pybridge/claims.py against the Lean sources."""

from __future__ import annotations

from pathlib import Path

from pybridge.build.modules import discover_modules
from pybridge.claims import CLAIMS, claim_names
from pybridge.extraction.statements import scan_library

REPO = Path(__file__).resolve().parents[1]


def test_every_mapped_name_is_declared():
    declared = {d.name for d in scan_library(REPO, discover_modules(REPO))}
    missing = [name for name in claim_names() if name not in declared]
    assert missing == [], (
        f"pybridge/claims.py lists names that no Lean file declares: {missing}; "
        "update the mapping after renaming or removing a Lean statement")


def test_claims_are_c1_to_c8():
    assert [claim.id for claim in CLAIMS] == [f"C{i}" for i in range(1, 9)]


def test_claims_have_text_and_target():
    for claim in CLAIMS:
        assert claim.title, claim.id
        assert claim.text, claim.id
        assert claim.target, claim.id
        assert len(set(claim.statements)) == len(claim.statements), claim.id


def test_open_claims_map_to_open_statements():
    assert "CacheDepth.product_conjecture" in dict((c.id, c.statements) for c in CLAIMS)["C2"]
    assert "CacheDepth.window_gap" in dict((c.id, c.statements) for c in CLAIMS)["C3"]
