"""Writing the site folder: atomic replacement, and errors that name the folder."""

from __future__ import annotations

import re

import pytest

from pybridge.site import MARKER, SiteError, write_site


def test_new_site_replaces_old_one(tmp_path):
    target = tmp_path / "site"
    write_site(target, {"index.html": "old", "modules/a.html": "gone"})
    write_site(target, {"index.html": "new"})
    assert (target / "index.html").read_text() == "new"
    assert not (target / "modules").exists()
    assert (target / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_failed_write_keeps_old_site(tmp_path):
    target = tmp_path / "site"
    write_site(target, {"index.html": "old"})
    # "a.html" is written as a file, so "a.html/b.html" cannot be created below it.
    with pytest.raises(SiteError, match=re.escape(str(target))):
        write_site(target, {"a.html": "x", "a.html/b.html": "y"})
    assert (target / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_folder_of_other_files_is_not_replaced(tmp_path):
    target = tmp_path / "documents"
    target.mkdir()
    (target / "notes.txt").write_text("keep me")
    with pytest.raises(SiteError, match="not written by `cachedepth site`"):
        write_site(target, {"index.html": "new"})
    assert (target / "notes.txt").read_text() == "keep me"
    assert not (target / "index.html").exists()


def test_empty_folder_is_used(tmp_path):
    target = tmp_path / "empty"
    target.mkdir()
    write_site(target, {"index.html": "new"})
    assert (target / "index.html").read_text() == "new"


def test_unwritable_parent_is_reported(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder")
    with pytest.raises(SiteError, match="is not a writable folder; pass a writable --site-dir"):
        write_site(blocker / "site", {"index.html": "x"})
    assert blocker.read_text() == "a file, not a folder"
