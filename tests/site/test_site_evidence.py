"""Reading check-report.json: valid reports, and errors that name the file and the fix."""

from __future__ import annotations

import json

import pytest

from site_helpers import write_report

from pybridge.site import CheckReportError, load_check_evidence


def test_records_are_grouped_by_statement(tmp_path, real_checks):
    report = write_report(tmp_path / "check-report.json", real_checks + real_checks[:1])
    evidence = load_check_evidence(report, [])
    first = real_checks[0]
    assert len(evidence.for_statement(first["statement"])) == 2
    assert evidence.for_statement(first["statement"])[0].instances == first["instances"]
    assert evidence.for_statement("CacheDepth.nothing") == []
    assert evidence.limits["max_n"] == 3
    assert not evidence.stale


@pytest.mark.parametrize("content, message", [
    ("{not json", "is not valid JSON"),
    ('{"ok": true}', 'has no "checks" list'),
    ('[1, 2]', 'has no "checks" list'),
    ('{"checks": [3]}', 'entry 0 of "checks" is not a JSON object'),
    ('{"checks": [{"statement": "x", "passed": true}]}', "lacks the field(s) instances, domain"),
    ('{"checks": [{"statement": "x", "passed": "yes", "instances": 1, "domain": ""}]}', "wrong type"),
])
def test_invalid_report_names_file(tmp_path, content, message):
    report = tmp_path / "check-report.json"
    report.write_text(content)
    with pytest.raises(CheckReportError) as error:
        load_check_evidence(report, [])
    assert str(report) in str(error.value)
    assert message in str(error.value)
    assert "run `cachedepth check`" in str(error.value)


def test_missing_report_gives_empty_evidence(tmp_path):
    evidence = load_check_evidence(tmp_path / "check-report.json", [])
    assert not evidence.exists
    assert evidence.records == {}
    assert not evidence.stale


def test_report_with_only_checks_is_read(tmp_path):
    report = tmp_path / "check-report.json"
    report.write_text(json.dumps({"checks": []}))
    evidence = load_check_evidence(report, [])
    assert evidence.exists
    assert evidence.limits == {}
    assert evidence.ok is None
