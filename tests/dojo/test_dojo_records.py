"""LeanDojo theorem records of the real sources, checked against the .lean files read
directly, and the repository fields."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pybridge.dojo import theorem_records
from pybridge.gitinfo import github_base_url, repository_info

REPO = Path(__file__).resolve().parents[2]
DECLARATION_LINE = re.compile(r"^(?:@\[[^\]]*\]\s*)*(?:(?:private|protected|nonrec)\s+)*(theorem|lemma)\s+(\S+)")


@pytest.fixture(scope="module")
def records():
    return theorem_records(REPO)


def _lines(file_path: str) -> list[str]:
    return (REPO / file_path).read_text(encoding="utf-8").splitlines()


def test_start_is_theorem_keyword(records):
    assert records
    for record in records:
        line, column = record.start
        text = _lines(record.file_path)[line - 1]
        match = DECLARATION_LINE.match(text)
        assert match is not None, record
        assert column == match.start(1) + 1, record
        short = match.group(2).removeprefix("_root_.")
        assert record.full_name == short or record.full_name.endswith("." + short), record


COMMAND_WORDS = ("theorem", "lemma", "def", "abbrev", "structure", "class", "inductive", "instance",
                 "noncomputable", "private", "protected", "public", "end", "namespace", "section",
                 "open", "variable", "example", "attribute", "set_option", "universe")


def _code(text: str) -> str:
    return text.split("--")[0].rstrip()


def _last_code_line(lines: list[str], start: int) -> int:
    """Return the 1-based line that ends the declaration starting at line `start`: the last
    line with code before the next docstring, attribute or command keyword in column 0."""
    last = start
    for number in range(start + 1, len(lines) + 1):
        text = lines[number - 1]
        words = text.split()
        if text.startswith(("/-", "@[", "#")) or (text[:1].isalpha() and words[0] in COMMAND_WORDS):
            break
        if _code(text):
            last = number
    return last


def test_end_is_past_last_proof_character(records):
    for record in records:
        lines = _lines(record.file_path)
        expected_line = _last_code_line(lines, record.start[0])
        assert record.end == (expected_line, len(_code(lines[expected_line - 1])) + 1), record


def test_known_theorems_are_exported(records):
    by_name = {r.full_name: r for r in records}
    assert by_name["CacheDepth.hop_add"].file_path == "CacheDepth/PointerChasing/Hop.lean"
    assert by_name["CacheDepth.hop_add"].status == "proved"
    assert by_name["CacheDepth.product_conjecture"].status == "open"
    assert "CacheDepth.hop" not in by_name  # a definition, not a theorem


def test_repository_fields_come_from_git(records):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True)
    remote = subprocess.run(["git", "-C", str(REPO), "remote", "get-url", "origin"], capture_output=True, text=True)
    expected_url = remote.stdout.strip() if remote.returncode == 0 else str(REPO)
    for record in records:
        expected_commit = head.stdout.strip() if head.returncode == 0 else None
        assert record.commit == (expected_commit or None)
        assert record.url == expected_url


def test_checkout_without_git_uses_path(tmp_path):
    root = tmp_path / "copy"
    root.mkdir()
    shutil.copy(REPO / "lakefile.lean", root)
    shutil.copy(REPO / "CacheDepth.lean", root)
    (root / "CacheDepth").mkdir()
    shutil.copytree(REPO / "CacheDepth" / "PointerChasing", root / "CacheDepth" / "PointerChasing")
    info = repository_info(root)
    records = theorem_records(root, info)
    assert info.commit is None
    assert {r.url for r in records} == {str(root.resolve())}
    assert "CacheDepth.hop_add" in {r.full_name for r in records}


@pytest.mark.parametrize("remote, expected", [
    ("https://github.com/owner/cache-depth.git", "https://github.com/owner/cache-depth"),
    ("git@github.com:owner/cache-depth.git", "https://github.com/owner/cache-depth"),
    ("ssh://git@github.com/owner/cache-depth", "https://github.com/owner/cache-depth"),
    ("https://token@github.com/owner/cache-depth/", "https://github.com/owner/cache-depth"),
    ("https://gitlab.com/owner/cache-depth.git", None),
    ("/srv/git/cache-depth", None),
])
def test_github_base_url(remote, expected):
    assert github_base_url(remote) == expected
