"""`ktcn site`: the static site, built by the real command from records written here, read back as files.

The counts on its pages are those of `ktcn status --format json` (and of the
scorecard, `overdue` and `upcoming`); the site is self-contained, deterministic,
rebuilt incrementally, escaped, and made from templates the workspace may
override in the sandbox.  `tests/test_site_browser.py` opens it in Chromium.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ktcn.outputs.site.words import SITE_LABELS

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME, DEMO_SETTINGS

AS_OF = ("--as-of", "2026-01-20")
SECOND = """\
id: kh-2-2025
type: KH
number: 2/KH-SKHCN
title: Kế hoạch chuyển đổi số năm 2025
issued: 2025-02-01
issuers: [skhcn]
implements: [ctr-demo]
period: {from: 2025, to: 2026}
tasks:
  - id: "1a"
    title: Chuyển đổi số trong quản lý nhiệm vụ khoa học và công nghệ
    lead: [sttt]
    support: [lhh]
    schedule: {every: 1q, from: 2025}
    schedule_text: Hằng quý
    updates:
      - {date: 2025-03-25, status: done, evidence: [Báo cáo số 1/BC-STTTT]}
      - {date: 2025-07-10, status: done, note: "Gửi <b>muộn</b> & đủ", evidence: [Báo cáo số 2/BC-SKHCN]}
  - id: "1b"
    title: "Đào tạo <script>alert(1)</script> cán bộ"
    lead: [snv]
    schedule: 2026-01-31
"""
CLOSED = """\
id: ctr-cu-2019
type: CTr
number: 9/CTr-LHH
title: Chương trình đã kết thúc
issued: 2019-01-02
issuers: [lhh]
state: closed
period: {from: 2019, to: 2020}
tasks:
  - id: "1"
    title: Việc cũ
    lead: [lhh]
    schedule: 2020-06-30
"""


@pytest.fixture
def demo(ws):
    return ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES, "programmes/demo.yaml": DEMO_PROGRAMME,
               "programmes/kh-2.yaml": SECOND, "programmes/cu.yaml": CLOSED})


def build(ktcn, *args: str, out: str = "site", code: int = 0) -> Path:
    result = ktcn("site", "-o", out, *AS_OF, *args)
    assert result.exit_code == code, result.stderr
    return Path(out)


def as_json(ktcn, *args: str) -> dict:
    result = ktcn(*args, *AS_OF, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def read(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def row_counts(html: str, attribute: str) -> dict[str, dict[str, int]]:
    """The counts of each table row marked `attribute="id"`: {id: {category: n}}."""
    rows = re.findall(rf'<tr {attribute}="([^"]*)">(.*?)</tr>', html, re.S)
    return {key: {k: int(v) for k, v in re.findall(r'data-count="(\w+)"[^>]*>(\d+)<', body)} for key, body in rows}


def figure_counts(html: str) -> dict[str, int]:
    """The key figures of a page (the first figures block)."""
    block = html[html.index('<ul class="figures">'):]
    block = block[:block.index("</p>")]
    return {k: int(v) for k, v in re.findall(r'data-count="(\w+)" data-value="(\d+)"', block)}


def test_overview_counts_are_those_of_status(demo, ktcn):
    site = build(ktcn)
    status = as_json(ktcn, "status")
    table = row_counts(read(site, "index.html"), "data-programme")
    for programme in status["programmes"]:
        assert table[programme["id"]] == {**programme["counts"], "total": sum(
            v for k, v in programme["counts"].items() if k != "extended")}
    assert {k: v for k, v in table[""].items() if k != "total"} == status["totals"]
    assert "ctr-cu-2019" in table  # listed apart, not in the totals
    everything = as_json(ktcn, "status", "--all")
    closed = next(p for p in everything["programmes"] if p["id"] == "ctr-cu-2019")
    assert {k: v for k, v in table["ctr-cu-2019"].items() if k != "total"} == closed["counts"]
    figures = figure_counts(read(site, "index.html"))
    totals = status["totals"]
    assert figures["overdue"] == totals["overdue"] and figures["ongoing"] == totals["ongoing"]
    assert figures["done"] == totals["done_on_time"] + totals["done_late"]
    assert figures["cancelled"] == totals["cancelled"] and figures["extended"] == totals["extended"]


def test_each_programme_page_counts_as_status_does(demo, ktcn):
    site = build(ktcn)
    for programme in as_json(ktcn, "status", "--all")["programmes"]:
        counts = programme["counts"]
        figures = figure_counts(read(site, f"p/{programme['id']}.html"))
        assert figures["overdue"] == counts["overdue"] and figures["in_progress"] == counts["in_progress"]
        assert figures["done"] == counts["done_on_time"] + counts["done_late"]
        assert figures["total"] == sum(v for k, v in counts.items() if k != "extended")


def test_agencies_are_the_scorecard_and_lists_are_overdue_and_upcoming(demo, ktcn):
    site = build(ktcn, "--days", "30")
    card = as_json(ktcn, "status", "--by", "agency")
    table = row_counts(read(site, "agencies.html"), "data-agency")
    for row in card["agencies"]:
        assert {k: v for k, v in table[row["id"]].items() if k != "total"} == row["counts"]
        page = figure_counts(read(site, f"a/{row['id']}.html"))
        assert page["overdue"] == row["counts"]["overdue"]
    overdue = as_json(ktcn, "overdue")["items"]
    rows = re.findall(r'<td data-label="[^"]*" class="date">([^<]*)</td>', read(site, "overdue.html"))
    assert rows == ["/".join(reversed(i["deadline"].split("-"))) for i in overdue]  # dd/mm/yyyy, same order
    upcoming = as_json(ktcn, "upcoming", "--days", "30")["items"]
    html = read(site, "upcoming.html")
    assert len(re.findall(r'class="date"', html)) == len(upcoming) > 0
    assert all(f"t/ctr-demo/{i['task']}.html" in html or f"/{i['task']}.html" in html for i in upcoming)


def _rate(counts: dict[str, int]) -> tuple[str, str]:
    """The on-time rate and progress as a page writes them, from the counts of `ktcn status --format json`."""
    done = counts["done_on_time"] + counts["done_late"]
    due, wanted = done + counts["overdue"], done + counts["in_progress"] + counts["overdue"]
    return (f"{round(100 * counts['done_on_time'] / due)}%" if due else "—",
            f"{round(100 * done / wanted)}%" if wanted else "—")


def _page_rates(html: str) -> tuple[str, str]:
    return (re.search(r'data-rate="on_time">([^<]*)<', html).group(1),
            re.search(r'data-rate="progress">([^<]*)<', html).group(1))


def test_bundled_records_every_number_on_the_site_is_that_of_status(tmp_path, monkeypatch, ktcn):
    """The site of the records shipped in records/: every figure, row and list length on the overview, the
    programme and agency pages, and the overdue and upcoming lists is what `ktcn status --format json` (with
    --all, --by agency), `ktcn overdue` and `ktcn upcoming` say."""
    import shutil

    shutil.copytree(Path(__file__).resolve().parent.parent / "records", tmp_path / "records",
                    ignore=shutil.ignore_patterns(".ktcn-cache"))
    monkeypatch.chdir(tmp_path / "records")
    site = build(ktcn, "--changes", "0", out=str(tmp_path / "public"))
    status, everything = as_json(ktcn, "status"), as_json(ktcn, "status", "--all")
    assert status["programmes"] and status["overdue"]  # the records still exercise the lists
    overview = read(site, "index.html")
    table = row_counts(overview, "data-programme")
    for programme in everything["programmes"]:
        counts = programme["counts"]
        total = sum(v for k, v in counts.items() if k != "extended")
        assert table[programme["id"]] == {**counts, "total": total}
        page = read(site, f"p/{programme['id']}.html")
        figures = figure_counts(page)
        assert figures == {"total": total, "done": counts["done_on_time"] + counts["done_late"],
                           "in_progress": counts["in_progress"], "overdue": counts["overdue"],
                           "ongoing": counts["ongoing"], "cancelled": counts["cancelled"],
                           "extended": counts["extended"]}
        assert _page_rates(page) == _rate(counts)
        cards = page.count('<article class="task"')
        assert '<h2 id="tasks-h">' in page and f"({cards})</h2>" in page  # the tasks heading counts the cards
    totals = status["totals"]
    assert {k: v for k, v in table[""].items() if k != "total"} == totals
    assert figure_counts(overview)["overdue"] == totals["overdue"] and _page_rates(overview) == _rate(totals)
    assert f"({len(status['overdue'])})</h2>" in overview and f"({len(status['due_soon'])})</h2>" in overview
    card = as_json(ktcn, "status", "--by", "agency")
    agencies = row_counts(read(site, "agencies.html"), "data-agency")
    for row in card["agencies"]:
        assert {k: v for k, v in agencies[row["id"]].items() if k != "total"} == row["counts"]
        page = read(site, f"a/{row['id']}.html")
        assert figure_counts(page)["overdue"] == row["counts"]["overdue"] and _page_rates(page) == _rate(row["counts"])
    listed = "".join(read(site, p.name) for p in sorted(site.glob("overdue*.html")))
    assert len(re.findall(r'class="date"', listed)) == len(as_json(ktcn, "overdue")["items"]) == len(status["overdue"])
    warn = re.search(r"warn_days:\s*(\d+)", Path("ktcn.yaml").read_text(encoding="utf-8"))
    upcoming = as_json(ktcn, "upcoming", "--days", warn.group(1) if warn else "14")["items"]
    listed = "".join(read(site, p.name) for p in sorted(site.glob("upcoming*.html")))
    assert len(re.findall(r'class="date"', listed)) == len(upcoming)


def test_a_build_runs_with_the_collector_paused_and_makes_no_garbage_in_cycles(tmp_path, monkeypatch, ktcn):
    """The site of the bundled records is built with the cyclic garbage collector off (forked workers inherit
    it): only the youngest objects are collected, after each programme and each page of the board (a page that
    imports macros leaves its context in a cycle), and the build leaves nothing only a collection would free, so
    the pause leaks nothing."""
    import gc
    import shutil

    import ktcn.outputs.site.build as site_build

    shutil.copytree(Path(__file__).resolve().parent.parent / "records", tmp_path / "records",
                    ignore=shutil.ignore_patterns(".ktcn-cache"))
    monkeypatch.chdir(tmp_path / "records")
    monkeypatch.setenv("KTCN_JOBS", "1")
    collections: list[int] = []
    seen: list[tuple[bool, list[int]]] = []
    left: list[type] = []
    real, real_site = site_build._build, site_build.build_site

    def watched(*args):
        before = len(collections)
        built = real(*args)
        seen.append((gc.isenabled(), collections[before:]))
        return built

    def whole(*args):
        gc.collect()
        built = real_site(*args)
        gc.set_debug(gc.DEBUG_SAVEALL)  # what only a collection would free, kept in gc.garbage to be looked at
        try:
            gc.collect()
            left.extend(type(found) for found in gc.garbage)
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
        return built

    def counted(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    monkeypatch.setattr(site_build, "_build", watched)
    monkeypatch.setattr(site_build, "build_site", whole)
    gc.callbacks.append(counted)
    try:
        build(ktcn, "--changes", "0", out=str(tmp_path / "public"))
    finally:
        gc.callbacks.remove(counted)
    [(collecting, during)] = seen
    assert not collecting
    assert set(during) == {0}  # the youngest only, after each programme and page: no pass of a running collector
    # Left in cycles: the build's one template environment (its templates refer to it), never a page's context
    # or rows, which would add up over a national site's 67,000 pages.
    from jinja2.environment import Environment
    from jinja2.runtime import Context, Macro

    assert Environment in left
    assert not {kind for kind in left if kind in (Context, Macro) or kind.__module__ == "ktcn.outputs.site.rows"}
    assert gc.isenabled()


def test_an_empty_chart_says_why_it_is_empty(ws, ktcn):
    ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES, "programmes/new.yaml": """\
id: kh-moi
type: KH
title: Kế hoạch mới ban hành
issued: 2026-01-05
issuers: [skhcn]
tasks:
  - {id: "1", title: Việc đầu tiên, lead: [snv], schedule: 2027-12-31}
"""})
    overview = read(build(ktcn), "index.html")
    for words in ("Chưa có kỳ nào đến hạn (đã hoàn thành hoặc đã quá hạn), nên chưa tính được tỷ lệ đúng hạn.",
                  "Không có kỳ nào quá hạn chưa hoàn thành.",
                  "Chưa có kỳ nào được ghi là đã hoàn thành, nên chưa có gì để đếm theo quý."):
        assert f'<p class="muted">{words}</p>' in overview
    assert "Chưa có kỳ nào được ghi là đã hoàn thành" in read(Path("site"), "p/kh-moi.html")
    assert "Đang thực hiện trong hạn" in overview  # the one task is counted, in progress: its chart is drawn


def test_succession_on_agency_pages(demo, ktcn):
    site = build(ktcn)
    old, new = read(site, "a/sttt.html"), read(site, "a/skhcn.html")
    assert 'href="../a/skhcn.html"' in old and "28/02/2025" in old  # its successor, and its last day
    assert 'href="../a/sttt.html"' in new  # predecessors listed on the successor's page
    # kh-2/1a is led by sttt, which ceased before the task began: its occurrences are skhcn's
    assert "t/kh-2-2025/1a.html" in new and "t/kh-2-2025/1a.html" not in old.split("agency.leads")[0]
    assert "t/kh-2-2025/1a.html" in read(site, "a/lhh.html")  # and lhh supports it


def test_task_card_names_who_leads_it_now_after_a_merger(ws, ktcn):
    across = DEMO_PROGRAMME + """\
  - id: qua-sap-nhap
    title: Báo cáo đầu năm
    lead: [sttt]
    schedule: {every: 1y, day: 01-31, from: 2025}
"""
    ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES, "programmes/demo.yaml": across})
    # Due 31/01/2025 the report was sttt's; from 2026 (begun by the 20/01/2026 of AS_OF) it is skhcn's alone.
    html = read(build(ktcn), "t/ctr-demo/qua-sap-nhap.html")
    now = re.search(r"<dt>Chủ trì sau sáp nhập</dt><dd>(.*?)</dd>", html)
    assert now is not None, html
    assert "a/skhcn.html" in now.group(1) and "a/sttt.html" not in now.group(1)
    assert "a/sttt.html" in html  # the document's own lead is still named


def test_task_page_has_schedule_wording_occurrences_and_log(demo, ktcn):
    html = read(build(ktcn), "t/kh-2-2025/1a.html")
    assert "Hằng quý" in html and "hằng quý" in html  # the document's wording, and the schedule in words
    assert "Báo cáo số 2/BC-SKHCN" in html and "10/07/2025" in html
    assert html.count('data-occurrence="') == 5 + 1  # 2025-Q1..2026-Q1 begun, and the next one
    assert 'data-status="done_on_time"' in html and 'data-status="overdue"' in html
    assert 'href="../../p/kh-2-2025.html"' in html


def test_programme_page_groups_tasks_and_links_what_it_implements(demo, ktcn):
    html = read(build(ktcn), "p/kh-2-2025.html")
    assert "<h3>Mục 1</h3>" in html  # 1a and 1b: section 1 of the document
    assert 'href="../p/ctr-demo.html"' in html
    assert 'href="../p/kh-2-2025.html"' in read(Path("site"), "p/ctr-demo.html")  # implemented by
    assert "2/KH-SKHCN" in html and "01/02/2025" in html and "2025–2026" in html


def test_record_text_is_escaped_everywhere(demo, ktcn):
    site = build(ktcn)
    for name in ("p/kh-2-2025.html", "t/kh-2-2025/1b.html", "a/snv.html", "t/kh-2-2025/1a.html"):
        html = read(site, name)
        assert "<script>alert" not in html and "<b>muộn" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in read(site, "t/kh-2-2025/1b.html")
    index = "".join(p.read_text(encoding="utf-8") for p in (site / "search").glob("*.js"))
    assert "</script>" not in index and "<\\/script>" in index


def test_self_contained_nothing_fetched(demo, ktcn):
    site = build(ktcn)
    for page in site.rglob("*"):
        if page.suffix in (".html", ".css", ".js"):
            text = page.read_text(encoding="utf-8")
            assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), page
            assert "@import" not in text and "url(http" not in text and "fonts.googleapis" not in text
    assert (site / "assets/site.css").is_file() and (site / "assets/site.js").is_file()


def test_every_internal_link_and_script_exists(demo, ktcn):
    site = build(ktcn).resolve()
    for page in site.rglob("*.html"):
        for target in re.findall(r'(?:href|src)="([^"#?]+)', page.read_text(encoding="utf-8")):
            assert (page.parent / target).resolve().is_file(), f"{page.relative_to(site)} -> {target}"


def test_same_records_same_day_same_bytes(demo, ktcn):
    first, second = build(ktcn, out="one"), build(ktcn, out="two")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_rebuild_writes_only_what_changed_and_removes_what_is_gone(demo, ktcn):
    site = build(ktcn)
    stamps = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    again = ktcn("site", "-o", "site", *AS_OF)
    assert again.exit_code == 0 and " 0 " in again.stderr.split(":", 1)[1].split(",")[1]  # 0 files written
    assert all(p.stat().st_mtime_ns == stamp for p, stamp in stamps.items())
    path = Path("programmes/kh-2.yaml")
    path.write_text(path.read_text(encoding="utf-8").split('  - id: "1b"')[0], encoding="utf-8")
    build(ktcn)
    assert not (site / "t/kh-2-2025/1b.html").exists()
    assert (site / "t/ctr-demo/bc6.html").stat().st_mtime_ns == stamps[site / "t/ctr-demo/bc6.html"]
    assert "t/kh-2-2025/1b.html" not in read(site, ".ktcn-site")


def test_templates_compiled_once_are_loaded_from_the_cache_sealed(demo, ktcn, monkeypatch):
    """A build compiles the page templates and keeps them in the workspace's cache; the next build loads them
    (same bytes); a compiled template not sealed by this user is never run but compiled again; --no-cache
    keeps none."""
    from jinja2 import Environment

    compiled = []
    compile_template = Environment.compile
    monkeypatch.setattr(Environment, "compile", lambda self, *a, **k: compiled.append(1) or
                        compile_template(self, *a, **k))
    first = build(ktcn, out="one")
    kept = sorted(Path(".ktcn-cache").rglob("*.bin"))
    assert len(kept) == len(compiled) >= 14
    compiled.clear()
    second = build(ktcn, out="two")
    assert compiled == []
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    for path in kept:  # planted code: the seal does not match
        data = path.read_bytes()
        path.write_bytes(bytes([data[0] ^ 1]) + data[1:])
    third = build(ktcn, out="three")
    assert len(compiled) == len(kept)
    assert all((first / f).read_bytes() == (third / f).read_bytes() for f in files)
    for path in Path(".ktcn-cache").rglob("*.bin"):
        path.unlink()
    build(ktcn, "--no-cache", out="four")
    assert list(Path(".ktcn-cache").rglob("*.bin")) == []


def test_refuses_a_folder_that_is_not_its_own(demo, ktcn):
    Path("docs").mkdir()
    Path("docs/notes.txt").write_text("keep me", encoding="utf-8")
    result = ktcn("site", "-o", "docs", *AS_OF)
    assert result.exit_code == 2 and ".ktcn-site" in result.stderr
    assert [p.name for p in Path("docs").iterdir()] == ["notes.txt"]
    Path("afile").write_text("x", encoding="utf-8")
    assert ktcn("site", "-o", "afile", *AS_OF).exit_code == 2


def test_big_numbers_are_grouped_as_each_language_writes_them():
    from ktcn.outputs.site.render import grouped

    assert (grouped(169586, "vi"), grouped(169586, "en"), grouped(12, "vi")) == ("169.586", "169,586", "12")


def test_dates_and_words_in_either_language(demo, ktcn):
    vi = read(build(ktcn), "t/ctr-demo/hoi-thi.html")
    assert '<html lang="vi">' in vi and "31/10/2025" in vi and "Hoàn thành đúng hạn" in vi
    en = read(build(ktcn, "--lang", "en", out="en"), "t/ctr-demo/hoi-thi.html")
    assert '<html lang="en">' in en and "2025-10-31" in en and "Done on time" in en and "Hoàn thành" not in en


def test_charts_have_titles_text_equivalents_and_sums_that_match(demo, ktcn):
    html = read(build(ktcn), "index.html")
    charts = re.findall(r'<figure class="chart-box" id="(c\d)">(.*?)</figure>', html, re.S)
    assert [key for key, _ in charts] == ["c1", "c3", "c2", "c4"]
    for key, body in charts:
        assert f'aria-labelledby="{key}-t {key}-d"' in body and f'<title id="{key}-t">' in body
        assert "<table>" in body and "<caption>" in body  # the data as a table
    status = as_json(ktcn, "status")["totals"]
    ages = dict(charts)["c3"].split("<tbody>")[1]
    assert sum(int(n) for n in re.findall(r"<td>(\d+)</td>", ages)) == status["overdue"]
    quarters = dict(charts)["c4"].split("<tbody>")[1]
    done = [int(n) for n in re.findall(r"<tr><th scope=\"row\">[^<]*</th><td>\d+</td><td>\d+</td><td>(\d+)</td>",
                                       quarters)]
    assert sum(done) == status["done_on_time"] + status["done_late"]


def test_quarters_are_written_as_the_documents_write_them(demo, ktcn):
    """'Quý I/2025' in the chart's table, 'I' under its column: not 'Quý 1/2025' nor the English 'Q1'."""
    chart = read(build(ktcn), "index.html").split('id="c4"')[1].split("</figure>")[0]
    assert '<th scope="row">Quý I/2025</th>' in chart and '<th scope="row">Quý IV/2025</th>' in chart
    assert 'class="muted">IV</text>' in chart and not re.search(r">Q\d<|Quý \d", chart)
    english = read(build(ktcn, "--lang", "en", out="en"), "index.html").split('id="c4"')[1]
    assert '<th scope="row">Q1 2025</th>' in english and 'class="muted">Q4</text>' in english


def test_search_index_holds_every_task_programme_and_agency(demo, ktcn):
    site = build(ktcn)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((site / "search").glob("*.js")))
    entries = json.loads("[" + text.replace("(window.KTCN_SEARCH = window.KTCN_SEARCH || []).push(\n", "")
                         .replace("\n);\n", ",").rstrip(",") + "]")
    kinds = {(e[0], e[1]) for e in entries}
    assert {("t", "t/kh-2-2025/1a.html"), ("p", "p/ctr-cu-2019.html"), ("a", "a/snv.html")} <= kinds
    task = next(e for e in entries if e[1] == "t/kh-2-2025/1a.html")
    assert task[4] == "skhcn" and "done_on_time" in task[5].split() and "2025" in task[6].split()
    assert '<script src="search/index-000.js"></script>' in read(site, "search.html")


def _git_with_first_commit(monkeypatch: pytest.MonkeyPatch, **env: str) -> list[str]:
    """The demo workspace made a git repository with one commit (the site left out); the git command to go on."""
    for key, value in {"GIT_AUTHOR_NAME": "Thư ký", "GIT_AUTHOR_EMAIL": "a@b.vn", "GIT_COMMITTER_NAME": "Thư ký",
                       "GIT_COMMITTER_EMAIL": "a@b.vn", **env}.items():
        monkeypatch.setenv(key, value)
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], check=True)
    Path(".gitignore").write_text("site/\n", encoding="utf-8")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Hồ sơ ban đầu"], check=True)
    return git


def test_changes_page_from_git_history_in_diff_words(demo, ktcn, monkeypatch):
    git = _git_with_first_commit(monkeypatch, GIT_AUTHOR_DATE="2026-01-05T10:00:00",
                                 GIT_COMMITTER_DATE="2026-01-05T10:00:00")
    path = Path("programmes/kh-2.yaml")
    path.write_text(path.read_text(encoding="utf-8").replace("    schedule: 2026-01-31\n", "    schedule: 2026-01-31\n"
                    "    updates:\n      - {date: 2026-01-10, status: done}\n"), encoding="utf-8")
    subprocess.run([*git, "commit", "-q", "-am", "Cập nhật nhiệm vụ 1b"], check=True)
    html = read(build(ktcn), "changes.html")
    assert html.count("<h2 id=\"commit-") == 2 and "Lần lưu ngày 05/01/2026</h2>" in html
    assert "Lời ghi:</span> Cập nhật nhiệm vụ 1b" in html and "Lời ghi:</span> Hồ sơ ban đầu" in html
    assert "cập nhật mới" in html.lower()  # ktcn diff's words
    # each commit is headed by its day, its id given once: not ktcn diff's title of two ids and an arrow
    assert "Thay đổi hồ sơ:" not in html and not re.search(r"[0-9a-f]{10} → [0-9a-f]{10}", html)
    assert 'href="changes.html"' in read(Path("site"), "index.html")


def test_changes_page_names_programmes_and_agencies_not_their_ids(demo, ktcn, monkeypatch):
    """ktcn diff's review names programmes and agencies by id (a secretary's words); on the site its headings,
    its flags' tasks and the agencies of a 'ceased agency' flag read as the other pages do."""
    git = _git_with_first_commit(monkeypatch)
    path = Path("programmes/kh-2.yaml")
    path.write_text(path.read_text(encoding="utf-8").replace("    lead: [snv]\n", "    lead: [snv, sttt]\n"),
                    encoding="utf-8")
    subprocess.run([*git, "commit", "-q", "-am", "Thêm cơ quan chủ trì"], check=True)
    html = read(build(ktcn), "changes.html")
    assert "<h4>2/KH-SKHCN · Kế hoạch chuyển đổi số năm 2025</h4>" in html
    assert ("<li>2/KH-SKHCN · 1b: giao cho cơ quan đã thôi hoạt động: Sở Thông tin và Truyền thông (28/02/2025"
            " → Sở KH&amp;CN)</li>") in html
    assert "<li>Chủ trì: Sở Nội vụ → Sở Nội vụ, Sở Thông tin và Truyền thông</li>" in html
    assert "kh-2-2025" not in re.sub(r'href="[^"]*"', "", html)


def test_no_changes_page_outside_git(demo, ktcn):
    site = build(ktcn)
    assert not (site / "changes.html").exists()
    assert "changes.html" not in read(site, "index.html") + read(site, "t/ctr-demo/bc6.html")


def test_records_with_errors_build_what_can_be_read_and_exit_1(demo, ktcn):
    Path("programmes/broken.yaml").write_text("id: broken\ntitle: [\n", encoding="utf-8")
    site = build(ktcn, code=1)
    html = read(site, "index.html")
    assert "programmes/broken.yaml" in html and 'class="notice"' in html
    assert (site / "p/ctr-demo.html").is_file()


def test_workspace_templates_override_in_the_sandbox(demo, ktcn):
    own = Path("templates/site")
    own.mkdir(parents=True)
    (own / "task.html.j2").write_text('{% extends "_base.html.j2" %}{% block content %}<h1>RIÊNG {{ task.title }}'
                                      "</h1>{% endblock %}", encoding="utf-8")
    (own / "site.css").write_text("body { color: #000; }\n", encoding="utf-8")
    site = build(ktcn)
    assert "<h1>RIÊNG Báo cáo 6 tháng</h1>" in read(site, "t/ctr-demo/bc6.html")
    assert read(site, "assets/site.css") == "body { color: #000; }\n"
    assert '<ul class="figures">' in read(site, "index.html")  # the others are the built-in ones
    (own / "task.html.j2").write_text("{{ task.__class__.__mro__ }}", encoding="utf-8")
    result = ktcn("site", "-o", "site", *AS_OF)
    assert result.exit_code == 2 and "task.html.j2" in result.stderr
    (own / "task.html.j2").unlink()
    (own / "task.html.j2").symlink_to(Path("ktcn.yaml").resolve())  # a link out of the folder is not read
    result = ktcn("site", "-o", "site", *AS_OF)
    assert result.exit_code == 2 and "task.html.j2" in result.stderr


def test_workspace_templates_say_words_and_lay_rows_out_their_own_way(demo, ktcn):
    """A word written `{{ t('key') }}` is put in the template once, in the build's language; lists ktcn writes
    whole (`{{ task.log }}`) can still be looped over and their rows written field by field."""
    own = Path("templates/site")
    own.mkdir(parents=True)
    (own / "task.html.j2").write_text(
        '{% extends "_base.html.j2" %}{% block content %}<h1>{{ t(\'nav.overview\') }}|{{ t(\'task.later\') }}'
        "|{{ t('task.later', n=3) }}</h1><ol>{% for u in task.log %}<li>{{ u.date }}={{ u.note }}</li>"
        "{% endfor %}</ol><p>{{ task.lead|join(' + ') }}</p>{% endblock %}", encoding="utf-8")
    site = build(ktcn)
    html = read(site, "t/kh-2-2025/1a.html")
    assert "<h1>Tổng quan|Và {n} kỳ sau nữa, chưa đến.|Và 3 kỳ sau nữa, chưa đến.</h1>" in html
    assert "<li>10/07/2025=Gửi &lt;b&gt;muộn&lt;/b&gt; &amp; đủ</li>" in html
    assert '<p><a href="../../a/sttt.html"' in html
    assert "<h1>Overview|" in read(build(ktcn, "--lang", "en", out="en"), "t/kh-2-2025/1a.html")
    (own / "task.html.j2").write_text("{{ t('no.such.word') }}", encoding="utf-8")
    result = ktcn("site", "-o", "site", *AS_OF)
    assert result.exit_code == 2 and "task.html.j2" in result.stderr


def test_a_workspace_list_template_gets_its_rows_whole(demo, ktcn):
    """Rows come back from the worker processes lean (their markup and what the lists sort by) only for the
    built-in templates; a workspace's own may write any field of a row."""
    own = Path("templates/site")
    own.mkdir(parents=True)
    (own / "items.html.j2").write_text(
        '{% extends "_base.html.j2" %}{% block content %}<ol>{% for i in items %}<li class="x">{{ i.deadline_text }}|'
        "{{ i.title }}|{{ i.programme_label }}|{{ i.chip.text }}|{{ i.lead_links|join(', ') }}</li>{% endfor %}"
        "</ol>{% endblock %}", encoding="utf-8")
    (own / "agency.html.j2").write_text(
        '{% extends "_base.html.j2" %}{% block content %}<ul>{% for r in lists.leads.rows %}<li class="x">'
        "{{ r.lead_names }}|{{ r.chips|length }}</li>{% endfor %}</ul>{% endblock %}", encoding="utf-8")
    site = build(ktcn)
    overdue = json.loads(ktcn("overdue", *AS_OF, "--format", "json").stdout)["items"]
    html = read(site, "overdue.html")
    assert html.count('<li class="x">') == len(overdue) > 0
    assert f"|{overdue[0]['title']}|" in html and "||" not in html and "|</li>" not in html
    assert re.search(r'<li class="x">[^|<]+\|[1-9]\d*</li>', read(site, "a/lhh.html"))


def test_long_lists_are_paged(demo, ktcn, monkeypatch):
    from ktcn.outputs.site import board_pages

    monkeypatch.setattr(board_pages, "ITEMS_PER_PAGE", 2)
    monkeypatch.setattr(board_pages, "TASKS_PER_PAGE", 2)
    monkeypatch.setattr(board_pages, "FIRST_ON_AGENCY_PAGE", 1)
    site = build(ktcn)
    assert (site / "overdue-2.html").is_file() and 'aria-current="page">2<' in read(site, "overdue-2.html")
    assert (site / "a/lhh-leads-2.html").is_file() and (site / "a/lhh-overdue-2.html").is_file()
    assert 'href="../a/lhh-leads-2.html"' in read(site, "a/lhh.html")
    assert read(site, "a/lhh.html").count('<tr data-agency="') == 3  # one row of each of its lists on its page


def test_a_pager_links_the_first_the_last_and_the_nearest_pages_and_every_page_is_reached(demo, ktcn, monkeypatch):
    from ktcn.outputs.site import board_pages

    assert board_pages.pager_numbers(1, 700) == [1, 2, 3, 4, 700]
    assert board_pages.pager_numbers(350, 700) == [1, 347, 348, 349, 350, 351, 352, 353, 700]
    assert board_pages.pager_numbers(2, 3) == [1, 2, 3]
    monkeypatch.setattr(board_pages, "ITEMS_PER_PAGE", 1)
    monkeypatch.setattr(board_pages, "PAGER_REACH", 1)
    site = build(ktcn)
    pages = sorted(site.glob("overdue*.html"))
    assert len(pages) >= 5
    first = read(site, "overdue.html")
    assert 'href="overdue-2.html"' in first and 'href="overdue-3.html"' not in first
    assert f'href="overdue-{len(pages)}.html"' in first and '<li class="gap" aria-hidden="true">…</li>' in first
    reached, waiting = set(), ["overdue.html"]
    while waiting:
        name = waiting.pop()
        if name not in reached:
            reached.add(name)
            waiting.extend(re.findall(r'<a href="(overdue[-0-9]*\.html)"', read(site, name)))
    assert reached == {p.name for p in pages}


def test_print_stylesheet_and_accessible_frame(demo, ktcn):
    site = build(ktcn)
    css = read(site, "assets/site.css")
    assert "@media print" in css and ":focus-visible" in css
    html = read(site, "p/ctr-demo.html")
    assert '<a class="skip" href="#main">' in html and '<main id="main"' in html
    assert html.count("<h1>") == 1 and '<th scope="col">' in html
    assert re.search(r'<label for="tasks-category">', html) and 'aria-current="page"' in html


def test_no_page_of_a_province_weighs_300_kb(tmp_path, ktcn):
    """A generated province (benchmarks/gen_corpus.py): long lists are cut into pages, none over 300 KB."""
    corpus = tmp_path / "province"
    generator = Path(__file__).resolve().parent.parent / "benchmarks" / "gen_corpus.py"
    subprocess.run([sys.executable, str(generator), "--size", "province", "--seed", "1", "--out", str(corpus)],
                   check=True, capture_output=True)
    result = ktcn("site", "--records", str(corpus), "-o", str(tmp_path / "public"), "--as-of", "2026-06-30")
    assert result.exit_code == 0, result.stderr
    sizes = {p.relative_to(tmp_path).as_posix(): p.stat().st_size for p in (tmp_path / "public").rglob("*")
             if p.suffix in (".html", ".js", ".css")}
    assert len(sizes) > 1700 and max(sizes.values()) < 300 * 1024, max(sizes.items(), key=lambda item: item[1])


def test_docs_name_every_template():
    from ktcn.outputs.site.render import folders

    documented = (Path(__file__).resolve().parent.parent / "docs" / "site.md").read_text(encoding="utf-8")
    built_in = folders(Path("."))[1]
    for template in built_in.iterdir():
        assert f"`{template.name}`" in documented, template.name


def test_headings_never_skip_a_level(demo, ktcn):
    site = build(ktcn)
    for page in site.rglob("*.html"):
        levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", page.read_text(encoding="utf-8"))]
        assert levels[0] == 1 and levels.count(1) == 1, page
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (page, levels)


@pytest.mark.parametrize("key", sorted(SITE_LABELS))
def test_every_site_word_exists_in_both_languages_with_the_same_fields(key):
    import string

    vi, en = SITE_LABELS[key]
    fields = [{name for _, name, _, _ in string.Formatter().parse(text) if name} for text in (vi, en)]
    assert vi.strip() and en.strip() and fields[0] == fields[1]


@given(st.text())
def test_rows_escape_text_as_markupsafe_does_with_either_escaper(text):
    from markupsafe import escape

    from ktcn.outputs.site.rows import esc, escaped

    assert esc(text) == escaped(text) == str(escape(text))
    assert type(esc(text)) is str


MERGED_PROVINCES = """\
agencies:
  - {id: skhcn, name: Sở Khoa học và Công nghệ tỉnh Ninh Bình, short: Sở KH&CN}
  - {id: stc-hanam, name: Sở Tài chính tỉnh Hà Nam, short: Sở Tài chính}
  - {id: stc-namdinh, name: Sở Tài chính tỉnh Nam Định, short: Sở Tài chính}
  - {id: tt-ud, name: Trung tâm Ứng dụng tiến bộ khoa học và công nghệ, short: Trung tâm}
  - {id: tt-tk, name: Trung tâm Thông tin và Thống kê khoa học và công nghệ, short: Trung tâm}
"""
TWO_FINANCE_OFFICES = """\
id: kh-5-2025
type: KH
number: 5/KH-SKHCN
title: Kế hoạch năm 2025
issued: 2025-01-10
issuers: [skhcn]
period: {from: 2025, to: 2025}
tasks:
  - {id: "1", title: Rà soát kinh phí tỉnh Hà Nam, lead: [stc-hanam], schedule: 2025-06-30}
  - {id: "2", title: Rà soát kinh phí tỉnh Nam Định, lead: [stc-namdinh], support: [skhcn], schedule: 2025-06-30}
  - {id: "3", title: Ứng dụng và thống kê, lead: [tt-ud, tt-tk], schedule: 2025-06-30}
"""


def test_agencies_of_the_same_short_name_are_told_apart(ws, ktcn):
    """After provinces merge, each former province's 'Sở Tài chính' is in the registry: a director reading
    'Sở Tài chính' twice in a chart cannot tell which is late.  The short name says whose it is; when the full
    names differ by too much to say in a few words, the full name."""
    ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": MERGED_PROVINCES, "programmes/kh-5.yaml": TWO_FINANCE_OFFICES})
    site = build(ktcn)
    chart = re.findall(r'class="label">([^<]*)</text>', read(site, "agencies.html"))
    assert {"Sở Tài chính (Hà Nam)", "Sở Tài chính (Nam Định)"} <= set(chart)
    page = read(site, "p/kh-5-2025.html")
    assert ">Sở Tài chính (Hà Nam)</a>" in page and ">Sở Tài chính (Nam Định)</a>" in page
    assert ">Sở KH&amp;CN</a>" in page  # a short name no other agency has stays as it is
    # two centres whose names part at their second word: too much to say beside 'Trung tâm'
    assert ">Trung tâm Ứng dụng tiến bộ khoa học và công nghệ</a>" in page
    assert ">Trung tâm Thông tin và Thống kê khoa học và công nghệ</a>" in page


def test_the_keepers_own_agency_keeps_its_short_name(ws, ktcn):
    """On the site of the Sở KH&CN of Nam Định, 'Sở Tài chính' is Nam Định's own; Hà Nam's is told apart."""
    settings = DEMO_SETTINGS.replace("name: Sở Khoa học và Công nghệ\n",
                                     "name: Sở Khoa học và Công nghệ tỉnh Nam Định\n")
    ws({"ktcn.yaml": settings, "agencies.yaml": MERGED_PROVINCES, "programmes/kh-5.yaml": TWO_FINANCE_OFFICES})
    page = read(build(ktcn), "p/kh-5-2025.html")
    assert ">Sở Tài chính</a>" in page and ">Sở Tài chính (Hà Nam)</a>" in page
    assert "(Nam Định)" not in page


def test_no_page_abbreviates_hoan_thanh(demo, ktcn):
    """'HT đúng hạn', 'Quá hạn chưa HT' are the terminal's narrow columns, explained there by a legend; a director
    reading a chip or a column head on the site gets the words ('hoàn thành đúng hạn')."""
    site = build(ktcn)
    for page in site.rglob("*.html"):
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        assert not re.search(r"\bHT\b", text), f"{page.relative_to(site)} says 'HT'"
    assert '<th scope="col">Hoàn thành đúng hạn</th>' in read(site, "index.html")
    assert "hoàn thành đúng hạn</span>" in read(site, "p/ctr-demo.html")  # a chip's words


ENDED = """\
id: kh-9-2016
type: KH
number: 9/KH-SKHCN
title: Kế hoạch giai đoạn 2016-2020
issued: 2016-01-10
issuers: [skhcn]
period: {from: 2016, to: 2020}
tasks:
  - {id: "1", title: Tuyên truyền thường xuyên, lead: [skhcn], schedule: ongoing}
"""


def test_a_timeline_with_no_chip_does_not_say_and_n_more(ws, ktcn):
    """Ongoing work shows only the year that counts; when the programme's years are past, none: its card and
    its rows then link to the task's page for its occurrences, not for 'and 5 more' after nothing."""
    ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES, "programmes/kh-9.yaml": ENDED})
    site = build(ktcn)
    card = read(site, "p/kh-9-2016.html")
    card = card[card.index('<article class="task"'):card.index("</article>")]
    assert '<li class="chip s-' not in card
    assert ">5 kỳ thực hiện: xem trang nhiệm vụ</a>" in card and "kỳ khác" not in card
    assert ">5 kỳ thực hiện: xem trang nhiệm vụ</a>" in read(site, "a/skhcn.html")


DRAFT = """\
id: ctr-hoptac-2025
type: CTr
title: Chương trình hợp tác với Viện Hàn lâm giai đoạn 2025-2027
issued: 2025-03-01
issuers: [skhcn]
period: {from: 2025, to: 2027}
tasks:
  - {id: "1", title: Ký kết thỏa thuận hợp tác, lead: [skhcn], support: [lhh], schedule: 2025-06-30}
"""


def test_a_programme_without_number_is_named_by_its_type_and_term(ws, ktcn):
    """A draft, or a plan not yet numbered, has no number; its id (ctr-hoptac-2025) is the records' name, not a
    director's. The charts name it as the tables do (their rows hold no term: the whole programme is asked)."""
    ws({"ktcn.yaml": DEMO_SETTINGS, "agencies.yaml": DEMO_AGENCIES, "programmes/demo.yaml": DEMO_PROGRAMME,
        "programmes/draft.yaml": DRAFT})
    site = build(ktcn)
    for page in ("index.html", "programmes.html", "a/lhh.html", "t/ctr-hoptac-2025/1.html"):
        html = read(site, page)
        assert ">Chương trình 2025–2027</a>" in html, page
        assert ">ctr-hoptac-2025<" not in html, page
    for page in ("index.html", "programmes.html", "p/ctr-hoptac-2025.html"):
        assert 'class="label">Chương trình 2025–2027 <tspan' in read(site, page), page
    english = build(ktcn, "--lang", "en", out="site-en")
    assert ">Programme 2025–2027</a>" in read(english, "index.html")
