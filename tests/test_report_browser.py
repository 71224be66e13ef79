"""The report in a real browser: Debian's headless Chromium, driven by Playwright (which is never
allowed to download a browser of its own). The page loads with no console errors and no request
for anything outside itself, every chart is drawn, and Bengali is shaped with the inline font. A
screenshot is kept in the test output ($KHOBOR_TEST_OUTPUT, default test-output/)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from khobor.flows.report import write_report
from tests.conftest import PROJECT

pytestmark = pytest.mark.slow

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]
OUTPUT = Path(os.environ.get("KHOBOR_TEST_OUTPUT", PROJECT / "test-output"))


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found:
        return found
    why = os.environ.get("KHOBOR_CHROMIUM_UNAVAILABLE")
    if why:  # .ci/run tried to install it and could not
        pytest.skip(f"Chromium could not be installed, so the report is not checked in a browser: {why}")
    if os.environ.get("CI"):
        pytest.fail("Chromium is missing: .ci/run installs Debian's chromium package before the slow tests")
    pytest.skip("Chromium is not installed here: apt-get install -y chromium (as .ci/run does) to run this test")


@pytest.fixture(scope="module")
def browser_page(sample_warehouse, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    executable = chromium()
    report = write_report(sample_warehouse, out=tmp_path_factory.mktemp("report") / "report.html")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as pw:
        # Playwright gives the browser a new empty profile of its own.
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            console, requests = [], []
            page.on("console", lambda m: console.append((m.type, m.text)))
            page.on("pageerror", lambda e: console.append(("pageerror", str(e))))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(report.as_uri())
            page.wait_for_function("window.khoborReport && window.khoborReport.drawn + window.khoborReport.errors.length"
                                   " >= window.khoborReport.expected", timeout=60_000)
            OUTPUT.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(OUTPUT / "report.png"), full_page=True)
            yield page, console, requests, report
        finally:
            browser.close()


def test_the_page_loads_without_errors_or_outside_requests(browser_page):
    page, console, requests, report = browser_page
    assert [m for m in console if m[0] in ("error", "pageerror")] == []
    assert requests == [report.as_uri()]  # nothing but the page itself: no network, no other file
    assert (OUTPUT / "report.png").stat().st_size > 50_000


def test_every_chart_is_drawn(browser_page):
    page, *_ = browser_page
    state = page.evaluate("window.khoborReport")
    assert state["errors"] == [] and state["drawn"] == state["expected"] == 4
    for chart in ("entities", "trend", "pairs", "coverage"):
        marks = page.locator(f"#chart-{chart} svg .mark-rect path, #chart-{chart} svg .mark-line path, #chart-{chart} svg .mark-symbol path")
        assert marks.count() > 0, f"chart {chart} drew no marks"
        assert page.locator(f"#chart-{chart} svg").bounding_box()["height"] > 80


def test_bengali_is_shaped_with_the_inline_font(browser_page):
    page, *_ = browser_page
    shaping = page.evaluate("""() => {
        const c = document.createElement('canvas').getContext('2d');
        const width = (font, s) => { c.font = font; return c.measureText(s).width; };
        const f = "32px 'Khobor Bengali'";
        return {
            loaded: document.fonts.check(f, 'ক্ষ'),
            faces: [...document.fonts].filter(x => x.family.includes('Khobor Bengali') && x.status === 'loaded').length,
            conjunct: width(f, 'ক্ষ'), parts: width(f, 'ক') + width(f, '্') + width(f, 'ষ'),
            reph: width(f, 'র্ক'), reph_parts: width(f, 'র') + width(f, '্') + width(f, 'ক'),
        };
    }""")
    assert shaping["loaded"] and shaping["faces"] >= 1
    # Shaped, a conjunct and a reph are one cluster, far narrower than their letters side by side.
    assert shaping["conjunct"] < 0.8 * shaping["parts"], shaping
    assert shaping["reph"] < 0.8 * shaping["reph_parts"], shaping
    # The charts' Bengali labels are drawn in that font.
    label = page.locator("#chart-entities svg text", has_text="জাপান").first
    assert "Khobor Bengali" in label.evaluate("el => getComputedStyle(el).fontFamily || el.getAttribute('font-family')")
