"""Pages of the site built from the real Lean sources (scanned, not elaborated)."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import unquote

from site_helpers import CHECKED, EVIL, REPO, make_project, write_report

from pybridge.claims import CLAIMS
from pybridge.extraction import DEFINITION, OPEN
from pybridge.site import LibrarySnapshot, build_site, load_check_evidence


def _page(site: Path, module: str) -> str:
    return (site / "modules" / f"{module}.html").read_text(encoding="utf-8")


def _card(page_text: str, name: str) -> str:
    """Return the card whose id is `name`, up to its closing tag."""
    start = page_text.index(f'id="{html.escape(name)}"')
    return page_text[start:page_text.index("</article>", start)]


def _claim_section(index: str, claim_id: str) -> str:
    start = index.index(f'id="claim-{claim_id}"')
    return index[start:index.index("</section>", start)]


def test_front_page_lists_every_claim(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    for claim in CLAIMS:
        section = _claim_section(index, claim.id)
        assert html.escape(claim.text) in section
        assert html.escape(claim.target) in section
        for name in claim.statements:
            assert f'#{name}"' in section, f"{claim.id} does not link {name}"
        if not claim.statements:
            assert "No Lean statement formalizes this claim yet" in section


def test_claim_cards_show_status(site, snapshot):
    index = (site / "index.html").read_text(encoding="utf-8")
    status = {s.name: s.status for s in snapshot.statements}
    section = _claim_section(index, "C2")
    card = section[section.index("CacheDepth.product_conjecture") - 300:]
    assert f'<span class="badge {OPEN}">{OPEN}</span>' in card
    assert status["CacheDepth.product_conjecture"] == OPEN


def test_one_page_per_module(site, snapshot):
    pages = {p.stem for p in (site / "modules").glob("*.html")}
    assert pages == set(snapshot.module_files)


def test_every_statement_has_a_card(site, snapshot):
    for statement in snapshot.statements:
        page_text = _page(site, statement.module)
        opening = (f'<article class="card statement" data-status="{statement.status}" '
                   f'id="{html.escape(statement.name)}">')
        assert opening in page_text
        assert "not available with this toolchain" in _card(page_text, statement.name)


def test_card_links_source_line(site):
    lines = (REPO / "CacheDepth/PointerChasing/Hop.lean").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if text.startswith("theorem hop_add "))
    card = _card(_page(site, "CacheDepth.PointerChasing.Hop"), "CacheDepth.hop_add")
    href = re.search(r'<th>Source</th><td><a href="([^"]+)"', card).group(1)
    path, anchor = html.unescape(href).split("#")
    assert anchor == f"L{line}"
    target = Path(os.path.normpath(site / "modules" / unquote(path)))
    assert target == REPO / "CacheDepth/PointerChasing/Hop.lean"


def test_card_shows_docstring_and_signature(site, snapshot):
    hop_add = next(s for s in snapshot.statements if s.name == "CacheDepth.hop_add")
    card = _card(_page(site, "CacheDepth.PointerChasing.Hop"), "CacheDepth.hop_add")
    first_words = hop_add.docstring.split("`")[0]
    assert html.escape(first_words) in card
    assert "Not elaborated by Lean in this build" in card
    assert html.escape("theorem hop_add (a b : Nat)") in card


def test_card_lists_uses_and_users(site, snapshot):
    card = _card(_page(site, "CacheDepth.PointerChasing.Hop"), "CacheDepth.hop_add")
    uses_row = card[card.index("<th>Uses</th>"):].split("</tr>")[0]
    users_row = card[card.index("<th>Used by</th>"):].split("</tr>")[0]
    hop_add = next(s for s in snapshot.statements if s.name == "CacheDepth.hop_add")
    users = [s.name for s in snapshot.statements if "CacheDepth.hop_add" in s.uses]
    assert hop_add.uses
    assert users
    linked_uses = [html.unescape(n) for n in re.findall(r'class="mono">([^<]+)</a>', uses_row)]
    linked_users = [html.unescape(n) for n in re.findall(r'class="mono">([^<]+)</a>', users_row)]
    assert linked_uses == hop_add.uses
    assert linked_users == sorted(users)


def test_card_shows_passing_evidence(site, real_checks):
    for record in real_checks:
        module = {"CacheDepth.hop_add": "CacheDepth.PointerChasing.Hop",
                  "CacheDepth.ceilDiv_le_iff": "CacheDepth.Bounds.Arith",
                  "CacheDepth.slidingWindow_isLocalityRespecting": "CacheDepth.Controller.Window"}
        card = _card(_page(site, module[record["statement"]]), record["statement"])
        assert record["passed"]
        assert f'<span class="pass">pass</span> on {record["instances"]} instances' in card
        assert html.escape(record["domain"]) in card
    assert {r["statement"] for r in real_checks} == set(CHECKED)


def test_unchecked_statements_say_why(site, snapshot):
    page_text = _page(site, "CacheDepth.Conjecture")
    assert "open statements have no numerical checker" in _card(page_text, "CacheDepth.product_conjecture")
    assert "definitions are not checked" in _card(page_text, "CacheDepth.WindowGap")
    assert "no check of this statement in the report" in _card(page_text, "CacheDepth.product_conjecture_of_gap")
    assert {s.status for s in snapshot.statements if s.name == "CacheDepth.WindowGap"} == {DEFINITION}


def test_failing_check_shows_counterexample(tmp_path, snapshot):
    report = write_report(tmp_path / "check-report.json", [{
        "statement": "CacheDepth.hop_add", "passed": False, "instances": 7,
        "domain": "maps with n < 3", "counterexample": {"a": 1, "f": [0, "<b>"]}, "reason": None,
    }])
    evidence = load_check_evidence(report, snapshot.source_paths())
    site = build_site(snapshot, evidence, tmp_path / "site")
    card = _card(_page(site, "CacheDepth.PointerChasing.Hop"), "CacheDepth.hop_add")
    assert '<span class="fail">FAIL</span> on 7 instances: maps with n &lt; 3' in card
    assert html.escape('{"a": 1, "f": [0, "<b>"]}') in card
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "0 checks passed, 1 failed" in index


def test_missing_report_is_stated(tmp_path, snapshot):
    evidence = load_check_evidence(tmp_path / "check-report.json", snapshot.source_paths())
    site = build_site(snapshot, evidence, tmp_path / "site")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "No check report at" in index
    assert html.escape(str(tmp_path / "check-report.json")) in index
    card = _card(_page(site, "CacheDepth.PointerChasing.Hop"), "CacheDepth.hop_add")
    assert "no check report" in card


def test_stale_report_is_stated(tmp_path, snapshot, real_checks):
    report = write_report(tmp_path / "check-report.json", real_checks)
    newest = max(p.stat().st_mtime for p in snapshot.source_paths())
    os.utime(report, (newest - 3600, newest - 3600))
    evidence = load_check_evidence(report, snapshot.source_paths())
    site = build_site(snapshot, evidence, tmp_path / "site")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "The report is older than the Lean sources" in index
    card = _card(_page(site, "CacheDepth.PointerChasing.Hop"), "CacheDepth.hop_add")
    assert "the report is older than the Lean sources" in card


def test_lean_text_is_escaped(evil_site):
    site = evil_site
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert len(pages) == 4  # index, graph, CacheDepth and CacheDepth.Evil
    for text in pages:
        assert '<script>alert("docstring")' not in text
    module = _page(site, "CacheDepth.Evil")
    assert "&lt;script&gt;alert(&quot;docstring&quot;)&lt;/script&gt; &amp; <code>a &lt; b</code>" in module
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in index


def test_open_dependency_is_listed(evil_site):
    site = evil_site
    card = _card(_page(site, "CacheDepth.Evil"), "CacheDepth.uses_gap")
    rests_on = card[card.index("<th>Rests on open</th>"):].split("</tr>")[0]
    assert "CacheDepth.base_gap" in rests_on
    evil = _card(_page(site, "CacheDepth.Evil"), "CacheDepth.evil_name")
    assert "no open statement" in evil.split("<th>Rests on open</th>")[1].split("</tr>")[0]


def test_audit_problems_are_listed(tmp_path):
    untagged = EVIL.replace("Status: open\n\nRests on", "Rests on")
    root = make_project(tmp_path / "project", {"Evil.lean": untagged})
    snapshot = LibrarySnapshot.from_sources(root)
    evidence = load_check_evidence(root / "reports/check-report.json", snapshot.source_paths())
    site = build_site(snapshot, evidence, root / "reports/site")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Audit problems" in index
    assert "CacheDepth.uses_gap is open" in index
