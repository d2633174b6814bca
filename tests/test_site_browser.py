"""`ktcn site` in a real browser: Debian's Chromium, driven by Playwright, on pages opened from file://.

Every page of the bundled records' site is visited at 360 px: no console error,
no script error, no horizontal scrolling, every internal link and script found.
The search finds tasks typed without diacritics, the filters filter, the
keyboard reaches the skip link, printing opens the folded parts.  Screenshots at
1280 and 360 px (and a PDF of a programme page) are kept in tmp/artifacts/site/
(or $KTCN_ARTIFACTS/site/) for a person to look at.

Skips, saying why, when Chromium or Playwright is missing (.ci/run installs
Debian's chromium; Playwright comes with the test extra).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME, DEMO_SETTINGS, write_workspace

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(os.environ.get("KTCN_ARTIFACTS") or REPO / "tmp" / "artifacts") / "site"
AS_OF = "2026-01-20"
SEARCHABLE = """\
id: kh-cds-2025
type: KH
number: 5/KH-SKHCN
title: Kế hoạch chuyển đổi số ngành khoa học và công nghệ năm 2025
issued: 2025-02-01
issuers: [skhcn]
period: {from: 2025, to: 2026}
tasks:
  - id: "1"
    title: Chuyển đổi số trong quản lý nhiệm vụ khoa học và công nghệ
    lead: [skhcn]
    support: [lhh]
    schedule: {every: 1q, from: 2025}
    updates:
      - {date: 2025-03-25, status: done, evidence: [Báo cáo số 1/BC-SKHCN]}
  - id: "2"
    title: Đào tạo cán bộ về đổi mới sáng tạo
    lead: [snv]
    schedule: 2026-03-31
"""

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the test extra brings it
    sync_playwright = None

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run does)"),
    pytest.mark.skipif(sync_playwright is None, reason="Playwright is not installed (pip install -e '.[test]')"),
]


def make_site(records: Path, out: Path, *args: str) -> Path:
    """Build a site with the real command, in its own process."""
    done = subprocess.run([sys.executable, "-m", "ktcn", "site", "--records", str(records), "-o", str(out),
                           "--as-of", AS_OF, *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_playwright() as playwright:
        args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the bundled records, 'what changed' included (they are in this repository's git)."""
    changes = ("--changes", "3") if (REPO / ".git").exists() and shutil.which("git") else ("--changes", "0")
    return make_site(REPO / "records", tmp_path_factory.mktemp("bundled") / "public", *changes)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small workspace with progress logged, and tasks to search for."""
    root = write_workspace(tmp_path_factory.mktemp("demo"), {
        "ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES, "programmes/demo.yaml": DEMO_PROGRAMME,
        "programmes/cds.yaml": SEARCHABLE})
    return make_site(root, root / "public")


def watched(page: object) -> list[str]:
    """Collect the page's console errors and uncaught script errors."""
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}")
            if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    return problems


def crawl_at_360_px(browser, site: Path) -> set[Path]:
    """Visit every page reachable from the overview at 360 px: none scrolls sideways, every link resolves."""
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    problems = watched(page)
    to_visit, seen = [site / "index.html"], set()
    while to_visit:
        file = to_visit.pop()
        if file in seen:
            continue
        seen.add(file)
        page.goto(file.as_uri())
        where = file.relative_to(site).as_posix()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{where} scrolls sideways at 360 px: {width} px wide"
        links = page.evaluate("""() => Array.from(document.querySelectorAll('a[href], link[href], script[src]'))
                                 .map(e => e.href || e.src)""")
        for link in links:
            url = urlparse(link)
            assert url.scheme == "file", f"{where} links outside the site: {link}"
            target = Path(unquote(url.path))
            assert target.is_file(), f"{where}: broken link {link}"
            if target.suffix == ".html" and target not in seen:
                to_visit.append(target)
    assert problems == []
    context.close()
    return seen


def test_every_page_opens_cleanly_fits_360_px_and_links_resolve(browser, bundled):
    seen = crawl_at_360_px(browser, bundled)
    assert len(seen) == sum(1 for _ in bundled.rglob("*.html"))  # every page is reachable from the overview


def test_words_that_do_not_break_still_fit_360_px(browser, tmp_path):
    """A schedule given as written (a rule words would get wrong), a link as evidence, a long number: the
    fields beside their names, the task cards and the logs wrap them instead of widening the page."""
    long_link = "https://vanban.cantho.gov.vn/van-ban/quyet-dinh-so-1234-QD-UBND-ve-viec-phe-duyet-ke-hoach.pdf"
    programme = DEMO_PROGRAMME + f"""\
  - id: tuan-20
    title: Báo cáo tuần 20 hằng năm
    lead: [lhh]
    schedule: {{rrule: "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;BYSETPOS=1", from: 2024}}
    updates:
      - {{date: 2024-05-20, status: done, evidence: ["{long_link}"], note: "{long_link}"}}
"""
    root = write_workspace(tmp_path, {"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES,
                                      "programmes/demo.yaml": programme})
    site = make_site(root, root / "public")
    assert "FREQ=YEARLY;BYWEEKNO=20" in (site / "t/ctr-demo/tuan-20.html").read_text()
    assert len(crawl_at_360_px(browser, site)) == sum(1 for _ in site.rglob("*.html"))


@pytest.mark.parametrize("width", [1280, 360])
def test_screenshots_for_a_person_to_look_at(browser, bundled, demo, width):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = watched(page)
    shots = {"overview": bundled / "index.html", "programme": bundled / "p/ctr-958-2022.html",
             "task": bundled / "t/ctr-958-2022/5b.html", "agency": bundled / "a/skhcn-cantho.html",
             "overdue": bundled / "overdue.html", "upcoming": bundled / "upcoming.html",
             "changes": bundled / "changes.html", "demo-overview": demo / "index.html",
             "demo-programme": demo / "p/ctr-demo.html", "demo-task": demo / "t/ctr-demo/hoi-thi.html",
             "demo-agency": demo / "a/skhcn.html"}
    for name, file in shots.items():
        if not file.exists():  # no 'what changed' page when the checkout has no git history
            continue
        page.goto(file.as_uri())
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    page.goto((demo / "search.html").as_uri() + "?q=chuyen+doi+so")
    page.wait_for_selector("#search-list li")
    page.screenshot(path=str(ARTIFACTS / f"search-{width}.png"), full_page=True)
    assert problems == []
    assert (ARTIFACTS / f"overview-{width}.png").stat().st_size > 10_000
    context.close()


def test_search_typed_without_diacritics(browser, demo):
    page = browser.new_page()
    problems = watched(page)
    page.goto((demo / "search.html").as_uri())
    page.fill("#q", "chuyen doi so")
    page.wait_for_selector("#search-list li")
    found = page.locator("#search-list li a").all_inner_texts()
    assert "Chuyển đổi số trong quản lý nhiệm vụ khoa học và công nghệ" in found
    assert "Kế hoạch chuyển đổi số ngành khoa học và công nghệ năm 2025" in found
    page.fill("#q", "DDAO TAO")  # "dd" is how Telex types đ; case does not matter
    page.wait_for_timeout(1000)
    assert page.locator("#search-list li a").all_inner_texts() == ["Đào tạo cán bộ về đổi mới sáng tạo"]
    page.fill("#q", "")
    page.select_option("#s-agency", "snv")  # filters alone list what they choose
    page.select_option("#s-year", "2026")
    page.wait_for_function("document.querySelectorAll('#search-list li').length > 0")
    assert "Đào tạo cán bộ về đổi mới sáng tạo" in page.locator("#search-list li a").all_inner_texts()
    page.select_option("#s-category", "done_on_time")  # of snv's tasks, only the yearly summary was done on time
    page.wait_for_function("document.querySelectorAll('#search-list .kind-t').length === 1")
    tasks = page.locator("#search-list li", has=page.locator(".kind-t")).locator("a").all_inner_texts()
    assert tasks == ["Tổng hợp báo cáo năm"]
    assert problems == []
    page.close()


def test_search_box_of_any_page_opens_the_search_with_the_words(browser, demo):
    page = browser.new_page()
    page.goto((demo / "t/ctr-demo/bc6.html").as_uri())
    page.fill("#quick-q", "dao tao can bo")
    page.press("#quick-q", "Enter")
    page.wait_for_selector("#search-list li")
    assert page.input_value("#q") == "dao tao can bo"
    assert page.locator("#search-list li a").first.inner_text() == "Đào tạo cán bộ về đổi mới sáng tạo"
    page.close()


def test_the_script_folds_as_python_does(browser, demo):
    from ktcn.views.collation import fold

    samples = ["Chuyển đổi số", "ĐỔI MỚI SÁNG TẠO", "Nghệ An, Cần Thơ", "Ủy ban nhân dân", "Quý IV/2025",
               "e\u0301 (typed with a combining mark)", "Sở KH&CN"]
    page = browser.new_page()
    page.goto((demo / "index.html").as_uri())
    assert page.evaluate("samples => samples.map(window.KTCN.fold)", samples) == [fold(s) for s in samples]
    page.close()


def test_list_filters_by_status_agency_and_words(browser, demo):
    page = browser.new_page()
    problems = watched(page)
    page.goto((demo / "p/ctr-demo.html").as_uri())
    tasks = page.locator("article.task")
    total = tasks.count()
    page.select_option("#tasks-category", "overdue")
    shown = [t for t in tasks.all() if t.is_visible()]
    assert 0 < len(shown) < total
    assert all("overdue" in t.get_attribute("data-cat").split() for t in shown)
    assert page.locator("form[data-filters=tasks] .count").inner_text().endswith(f"{len(shown)}/{total}")
    page.click("form[data-filters=tasks] button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('article.task:not([hidden])').length === {total}")
    page.fill("#tasks-text", "bao cao 6 thang")
    page.wait_for_function("document.querySelectorAll('article.task:not([hidden])').length === 1")
    page.fill("#tasks-text", "")
    page.select_option("#tasks-agency", "lhh")
    assert all("lhh" in t.get_attribute("data-agency").split() for t in tasks.all() if t.is_visible())
    assert problems == []
    page.close()


def test_keyboard_reaches_the_skip_link_and_focus_shows(browser, demo):
    page = browser.new_page()
    page.goto((demo / "p/ctr-demo.html").as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.evaluate("document.activeElement.getBoundingClientRect().left") >= 0  # shown when focused
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.close()


def test_printing_opens_the_folded_parts_and_hides_the_navigation(browser, demo):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page()
    page.goto((demo / "p/ctr-demo.html").as_uri())
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("Array.from(document.querySelectorAll('details')).every(d => d.open)")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.top nav')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('details.filter-box')).display") == "none"
    page.pdf(path=str(ARTIFACTS / "programme-print.pdf"), format="A4")
    assert (ARTIFACTS / "programme-print.pdf").stat().st_size > 10_000
    page.close()


def test_printing_shows_the_folded_parts_without_the_script(browser, demo):
    """A print preview that fires no 'beforeprint' (or a browser with scripts off) still prints the progress
    logs and the document's bases folded under their summaries."""
    page = browser.new_page()
    page.goto((demo / "p/ctr-demo.html").as_uri())
    folded = page.locator("details:not([open]) ol.log").first
    assert not folded.is_visible()
    page.emulate_media(media="print")
    assert folded.is_visible()
    page.close()
