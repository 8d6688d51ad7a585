"""The built site in headless Chromium, opened from file:// URLs.

`.ci/run` installs the Debian packages `chromium` and `chromium-driver`; without them these
tests are skipped. Selenium is a test dependency and is given both paths, so it never
downloads a driver.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pybridge.extraction import OPEN, PROVED

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="headless Chromium is not installed: install the Debian packages chromium and "
           "chromium-driver (.ci/run does)",
)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--disable-gpu"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _open(browser, path: Path, fragment: str = ""):
    browser.get(path.as_uri() + fragment)
    return browser


def _console_errors(browser) -> list[dict]:
    return [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]


def _visible_rows(browser):
    from selenium.webdriver.common.by import By

    rows = browser.find_elements(By.CSS_SELECTOR, "#statements tbody tr")
    return [row for row in rows if row.is_displayed()]


def test_pages_load_without_console_errors(browser, site):
    pages = [site / "index.html", site / "graph.html", *sorted((site / "modules").glob("*.html"))]
    for page in pages:
        _open(browser, page)
        assert browser.title.endswith("· CacheDepth"), page
        assert _console_errors(browser) == [], page


def test_search_finds_theorem(browser, site, snapshot):
    from selenium.webdriver.common.by import By

    _open(browser, site / "index.html")
    search = browser.find_element(By.ID, "search")
    search.send_keys("hop_add")
    names = [row.find_element(By.CSS_SELECTOR, "td a").text for row in _visible_rows(browser)]
    expected = sorted(s.name for s in snapshot.statements if "hop_add" in s.name)
    assert sorted(names) == expected
    assert "CacheDepth.hop_add" in names
    count = browser.find_element(By.ID, "match-count").text
    assert count == f"{len(expected)} of {len(snapshot.statements)} statements shown"


def test_search_matches_docstring_text(browser, site, snapshot):
    from selenium.webdriver.common.by import By

    _open(browser, site / "index.html", "?q=galois+connection")
    names = [row.find_element(By.CSS_SELECTOR, "td a").text for row in _visible_rows(browser)]
    expected = [s.name for s in snapshot.statements
                if "galois" in (s.docstring or "").lower() and "connection" in (s.docstring or "").lower()]
    assert "CacheDepth.ceilDiv_le_iff" in expected
    assert names == expected


def test_status_filter_hides_proved(browser, site, snapshot):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, site / "index.html")
    Select(browser.find_element(By.ID, "status-filter")).select_by_value(OPEN)
    rows = _visible_rows(browser)
    statuses = {row.get_attribute("data-status") for row in rows}
    assert statuses == {OPEN}
    assert len(rows) == sum(1 for s in snapshot.statements if s.status == OPEN)
    hidden = [row for row in browser.find_elements(By.CSS_SELECTOR, f'#statements tr[data-status="{PROVED}"]')
              if row.is_displayed()]
    assert hidden == []


def test_graph_selection_lists_open_dependencies(browser, evil_site):
    from selenium.webdriver.common.by import By

    _open(browser, evil_site / "graph.html", "#CacheDepth.uses_gap")
    panel = browser.find_element(By.ID, "graph-panel").text
    rests_on = panel.split("Rests on open statements (1)")[1].split("Used by")[0]
    assert rests_on.split() == ["CacheDepth.base_gap"]
    selected = browser.find_elements(By.CSS_SELECTOR, "svg .node.selected")
    assert [g.get_attribute("data-name") for g in selected] == ["CacheDepth.uses_gap"]
    outlined = browser.find_elements(By.CSS_SELECTOR, "svg .node.rests-on")
    assert [g.get_attribute("data-name") for g in outlined] == ["CacheDepth.base_gap"]
    assert _console_errors(browser) == []


def test_html_in_docstring_shows_as_text(browser, evil_site):
    from selenium.webdriver.common.by import By

    _open(browser, evil_site / "modules" / "CacheDepth.Evil.html")
    card = browser.find_element(By.ID, "CacheDepth.evil_name")
    assert 'Uses <script>alert("docstring")</script> & a < b.' in card.text
    assert browser.find_elements(By.CSS_SELECTOR, "article script") == []
    assert _console_errors(browser) == []


def test_lean_text_shows_literally(browser, site, snapshot):
    from selenium.webdriver.common.by import By

    hop_add = next(s for s in snapshot.statements if s.name == "CacheDepth.hop_add")
    _open(browser, site / "modules" / "CacheDepth.PointerChasing.Hop.html", "#CacheDepth.hop_add")
    card = browser.find_element(By.ID, "CacheDepth.hop_add")
    assert "theorem hop_add (a b : Nat)" in card.text
    assert hop_add.docstring.replace("`", "").split(":")[0] in card.text


def test_screenshot_is_saved(browser, site, tmp_path):
    _open(browser, site / "index.html")
    path = tmp_path / "index.png"
    assert browser.save_screenshot(str(path))
    assert path.stat().st_size > 1000
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
