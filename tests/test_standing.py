"""Standings: what the status views need of a programme on a day, the days it holds for, and its cache.

A standing says it holds from `since` until the day before `until`.  That
claim is what lets a cached one stand in for a computation, so it is checked
day by day on the bundled records and on the hand-made workspace of
test_status (a late report, an extension, a merged agency, a cancelled duty).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

import ktcn.records.loader as loader_module
import ktcn.records.standings as standings_module
from ktcn.engine.standing import board_of, standing
from ktcn.records import cache as cache_module
from ktcn.records.loader import load, load_board
from ktcn.views.viewmodel import Selection, Trimmer, status_view, upcoming_from_board, upcoming_items

from conftest import DEMO_AGENCIES, DEMO_PROGRAMME

BUNDLED = Path(__file__).resolve().parent.parent / "records"
DAY = timedelta(days=1)


def claims_hold(root: Path, first: date, last: date, step: int) -> int:
    """Walk each programme's standings from `first` to `last`; every `step`-th day and each last claimed day
    must give the standing that claims it.  Returns how many intervals were walked."""
    ws = load(root, first, use_cache=False)
    intervals = 0
    for programme in ws.programmes:
        day = first
        while day <= last:
            claimed = standing(programme, day, ws.settings.warn_days, ws.agency_index)
            assert claimed.since == day and claimed.until > day
            end = min(claimed.until - DAY, last)
            for check in [*(day + DAY * k for k in range(step, (end - day).days, step)), end]:
                assert standing(programme, check, ws.settings.warn_days, ws.agency_index) == claimed, (
                    f"{programme.id}: the standing of {day} claims {check} (until {claimed.until})")
            intervals += 1
            day = claimed.until
    return intervals


def test_standings_hold_on_the_days_they_claim_bundled_records():
    assert claims_hold(BUNDLED, date(2024, 1, 1), date(2027, 12, 31), step=5) > 40


def test_standings_hold_on_the_days_they_claim_demo(ws):
    root = ws({"agencies.yaml": DEMO_AGENCIES, "programmes/demo.yaml": DEMO_PROGRAMME})
    assert claims_hold(root, date(2023, 12, 1), date(2027, 3, 1), step=1) > 15


def test_a_standing_ends_where_the_status_changes(ws):
    """Not only safe but useful: it ends on the day a deadline passes, not before without reason."""
    root = ws({"programmes/p.yaml": """\
        id: kh-1
        type: KH
        title: Kế hoạch
        issued: 2025-01-10
        issuers: [skhcn]
        tasks:
          - {id: "1", title: Một việc, lead: [skhcn], schedule: 2025-12-31}
        """})
    programme = load(root, use_cache=False).programmes[0]
    on = standing(programme, date(2025, 6, 1), warn_days=14, agencies={})
    assert (on.since, on.until) == (date(2025, 6, 1), date(2025, 12, 17))  # due soon from 14 days before
    soon = standing(programme, on.until, warn_days=14, agencies={})
    assert len(soon.due_soon) == 1 and soon.until == date(2026, 1, 1)  # overdue the day after the deadline
    late = standing(programme, soon.until, warn_days=14, agencies={})
    assert len(late.overdue) == 1 and late.until == date.max  # nothing left to change it


@pytest.fixture
def computed(monkeypatch):
    """Count the programmes parsed, unpickled and whose standing was computed."""
    counts = {"parsed": 0, "unpickled": 0, "computed": 0}
    real_parse, real_programme, real_standing = loader_module._parse, cache_module.Cache.programme, \
        standings_module.standing

    def parse(file, display, data, record, build):
        counts["parsed"] += record is loader_module.PROGRAMME
        return real_parse(file, display, data, record, build)

    def programme(self, file, entry):
        counts["unpickled"] += 1
        return real_programme(self, file, entry)

    def compute(*args, **kwargs):
        counts["computed"] += 1
        return real_standing(*args, **kwargs)

    monkeypatch.setattr(loader_module, "_parse", parse)
    monkeypatch.setattr(cache_module.Cache, "programme", programme)
    monkeypatch.setattr(standings_module, "standing", compute)
    return counts


@pytest.fixture
def bundled(tmp_path):
    return Path(shutil.copytree(BUNDLED, tmp_path / "records", ignore=shutil.ignore_patterns(".ktcn-cache")))


def test_a_warm_status_reads_no_programme(bundled, computed):
    first = load_board(bundled, date(2026, 6, 30))
    assert computed == {"parsed": 6, "unpickled": 0, "computed": 6}
    computed.update(parsed=0, computed=0)
    again = load_board(bundled, date(2026, 7, 1))  # a later day the standings still hold for
    assert computed == {"parsed": 0, "unpickled": 0, "computed": 0}
    assert again.standings == first.standings


def test_standings_are_computed_again_when_they_stop_holding(bundled, computed):
    first = load_board(bundled, date(2026, 6, 30))
    ends = sorted(s.until for s in first.standings)
    computed.update(parsed=0, computed=0)
    load_board(bundled, ends[0])
    assert computed == {"parsed": 0, "unpickled": 1, "computed": 1}  # only the one whose claim ended
    computed.update(unpickled=0, computed=0)
    load_board(bundled, date(2026, 6, 29))  # before: no standing claims that day
    assert computed["computed"] == 6


def test_standings_follow_an_edit_and_the_agencies(ws, computed):
    root = ws({"agencies.yaml": DEMO_AGENCIES, "programmes/demo.yaml": DEMO_PROGRAMME})
    day = date(2025, 9, 30)
    leads = {o.lead for o in load_board(root, day).standings[0].overdue}
    assert leads == {("sttt",)}  # bc-2024 was due before Sở TT&TT merged
    merged_earlier = DEMO_AGENCIES.replace("until: 2025-02-28", "until: 2024-06-30")
    (root / "agencies.yaml").write_text(merged_earlier, encoding="utf-8")
    assert {o.lead for o in load_board(root, day).standings[0].overdue} == {("skhcn",)}
    (root / "programmes/demo.yaml").write_text(DEMO_PROGRAMME.replace(
        "    title: Báo cáo năm 2024\n    lead: [sttt]\n    schedule: 2024-12-31\n",
        "    title: Báo cáo năm 2024\n    lead: [sttt]\n    schedule: 2024-12-31\n    updates:\n"
        "      - {date: 2025-01-05, status: done}\n"), encoding="utf-8")
    assert load_board(root, day).standings[0].overdue == ()
    assert computed["computed"] == 3


def test_a_corrupt_standing_is_a_miss(bundled, computed):
    load_board(bundled, date(2026, 6, 30))
    for stored in (bundled / ".ktcn-cache").rglob("*.standing.pkl"):
        stored.write_bytes(b"not a pickle")
    computed.update(parsed=0, computed=0)
    assert len(load_board(bundled, date(2026, 6, 30)).standings) == 6
    assert computed["computed"] == 6


@pytest.mark.parametrize("agency", [None, "lhh-cantho", "skhcn-cantho"])
def test_a_trimmed_board_gives_the_same_view(agency):
    """What the table shows is the same whether the loader kept every overdue item or the latest few."""
    ws = load(BUNDLED, date(2026, 6, 30), use_cache=False)
    selection = Selection(agency=agency)
    whole = status_view(board_of(ws, date(2026, 6, 30)), selection)
    trimmed = status_view(board_of(ws, date(2026, 6, 30), Trimmer(selection, overdue=8, by_lead=False)), selection)
    assert whole.totals.overdue == len(whole.overdue) > 8
    assert trimmed.overdue[-8:] == whole.overdue[-8:]
    assert (trimmed.programmes, trimmed.totals, trimmed.due_soon, trimmed.hidden) == \
        (whole.programmes, whole.totals, whole.due_soon, whole.hidden)


@pytest.mark.parametrize("agency", [None, "lhh-cantho", "skhcn-cantho"])
def test_a_board_cut_to_the_first_due_soon_items_gives_the_same_view(agency):
    day = date(2025, 12, 20)  # five occurrences due soon in the bundled records
    ws = load(BUNDLED, day, use_cache=False)
    selection = Selection(agency=agency)
    whole = status_view(board_of(ws, day), selection)
    trimmed = status_view(board_of(ws, day, Trimmer(selection, overdue=8, due_soon=2, by_lead=False)), selection)
    assert whole.due_soon_total == len(whole.due_soon) and len(board_of(ws, day).standings) == 6
    assert trimmed.due_soon_total == whole.due_soon_total
    assert trimmed.due_soon[:2] == whole.due_soon[:2] and len(trimmed.due_soon) <= 2 * 6
    assert whole.due_soon_total == {None: 5, "lhh-cantho": 4, "skhcn-cantho": 4}[agency]


def test_status_reads_the_same_cold_warm_and_without_cache(bundled, ktcn):
    args = ("status", "--records", str(bundled), "--as-of", "2026-06-30", "--all")  # closed ones too: 142 overdue
    uncached = ktcn(*args, "--no-cache")
    assert not (bundled / ".ktcn-cache").exists()
    cold, warm = ktcn(*args), ktcn(*args)
    assert uncached.exit_code == cold.exit_code == warm.exit_code == 0
    assert uncached.stdout == cold.stdout == warm.stdout
    assert "142" in warm.stdout  # the overdue count comes from all items, though the table keeps eight
    as_json = [json.loads(ktcn(*args, "--format", "json", *extra).stdout) for extra in ((), ("--no-cache",))]
    assert as_json[0] == as_json[1] and len(as_json[0]["overdue"]) == 142


@pytest.mark.parametrize("day", ["2026-06-30", "2025-12-20"])
@pytest.mark.parametrize("view", [("--agency", "lhh-cantho"), ("--by", "agency"), ("--format", "csv"),
                                  ("--programme", "ctr-70-2016"), ()])
def test_every_status_view_reads_the_same_from_the_cache(bundled, ktcn, view, day):
    """The cache keeps only the latest overdue items at the head of a standing; views that need more read on."""
    args = ("status", "--records", str(bundled), "--as-of", day, "--all", *view)  # closed programmes too
    ktcn("status", "--records", str(bundled), "--as-of", day, "--all")  # stores every standing
    cached, uncached = ktcn(*args), ktcn(*args, "--no-cache")
    assert cached.exit_code == uncached.exit_code == 0
    assert cached.stdout == uncached.stdout
    overdue = [ktcn("overdue", "--records", str(bundled), "--as-of", day, "--all", *extra).stdout
               for extra in ((), ("--no-cache",))]
    assert overdue[0] == overdue[1] and overdue[0].count("\n") > 130  # far more than a standing's head of 16


def test_a_standing_whose_cached_programme_is_gone_is_computed_from_the_file(bundled, computed):
    """After a validate, status computes standings from the cached programmes; a lost one is parsed again."""
    from ktcn.records.loader import validate_workspace

    day = date(2026, 6, 30)
    validate_workspace(bundled, day)
    entry = cache_module.Cache(bundled)._path(bundled / "programmes/kh-231-2024.yaml")
    data = entry.read_bytes()
    (length,) = cache_module._LENGTH.unpack_from(data, cache_module.MAC_BYTES)
    entry.write_bytes(data[:cache_module.MAC_BYTES + cache_module._LENGTH.size + length])  # the header stays
    computed.update(parsed=0, computed=0)
    board = load_board(bundled, day)
    assert computed["parsed"] == 1 and computed["computed"] == 6
    assert board.standings == load_board(bundled, day, use_cache=False).standings


def _as_listed(items):
    """What `ktcn upcoming` shows of each item (a standing keeps a task's listed fields only, not its log)."""
    from ktcn.views.viewmodel import item_json

    return [(replace(o, task=None), o.task.id, o.task.title, o.task.lead, o.task.schedule, o.task.kind,
             *(item_json(o, o.window_start, "days_left", lang) for lang in ("vi", "en"))) for o in items]


def upcoming_agrees(root: Path, first: date, last: date, agencies: tuple[str | None, ...]) -> int:
    """Day by day, `ktcn upcoming`'s list from the (cached) standings against every programme's occurrences,
    for each `--days` up to warn_days; returns how many non-empty lists were compared."""
    compared, day = 0, first
    while day <= last:
        ws = load(root, day, use_cache=False)
        warn_days = ws.settings.warn_days
        for agency in agencies:
            selection = Selection(agency=agency)
            board = load_board(root, day, trim=Trimmer(selection, overdue=0, by_lead=False))
            for days in sorted({0, 1, 6, warn_days}):
                expected = upcoming_items(ws, selection, day, days)
                assert _as_listed(upcoming_from_board(board, selection, days)) == _as_listed(expected), (day, days)
                compared += bool(expected)
        day += DAY
    return compared


def test_upcoming_from_the_standings_is_every_programmes_list_bundled(bundled):
    assert upcoming_agrees(bundled, date(2025, 11, 1), date(2026, 1, 15), (None, "skhcn-cantho")) > 50


def test_upcoming_from_the_standings_is_every_programmes_list_demo(ws):
    """The demo has a window that begins after the day and is due within warn_days: upcoming, not due soon."""
    root = ws({"agencies.yaml": DEMO_AGENCIES, "programmes/demo.yaml": DEMO_PROGRAMME})
    assert upcoming_agrees(root, date(2024, 11, 1), date(2026, 2, 1), (None, "sttt", "skhcn")) > 20


AHEAD_PROGRAMME = """\
id: ctr-ahead
type: CTr
title: Báo cáo định kỳ
issued: 2025-01-02
issuers: [skhcn]
period: {from: 2025, to: 2026}
tasks:
  - id: thang
    kind: report
    title: Báo cáo tháng
    lead: [skhcn]
    schedule: {every: 1m, offset: -20d}
    updates:
      - {date: 2025-02-03, status: done}
      - {date: 2025-04-01, status: done, period: 2025-04}
  - id: tuan
    kind: report
    title: Báo cáo tuần
    lead: [lhh]
    schedule: {every: 2w, from: 2025-03-03, until: 2025-06-30}
  - id: quy
    title: Kiểm tra quý
    lead: [sttt]
    schedule: {every: 1q}
    updates:
      - {date: 2025-05-20, status: cancelled, period: 2025-Q3}
"""


def test_upcoming_from_the_standings_lists_windows_not_begun(ws):
    """Windows that begin after the day yet are due within warn_days are upcoming without being due soon."""
    root = ws({"agencies.yaml": DEMO_AGENCIES, "programmes/ahead.yaml": AHEAD_PROGRAMME,
               "ktcn.yaml": "name: Thử\nowner: skhcn\nplace: Cần Thơ\nlanguage: vi\nwarn_days: 45\n"})
    assert upcoming_agrees(root, date(2025, 1, 1), date(2025, 9, 30), (None, "lhh", "sttt")) > 200
    board = load_board(root, date(2025, 3, 20))
    assert {o.status for s in board.standings for o in s.ahead} == {"upcoming"}


def test_a_warm_upcoming_reads_no_programme(bundled, computed, ktcn):
    args = ("upcoming", "--records", str(bundled), "--as-of", "2025-12-20")
    cold = ktcn(*args)
    computed.update(parsed=0, computed=0, unpickled=0)
    warm = ktcn(*args)
    assert computed == {"parsed": 0, "unpickled": 0, "computed": 0}
    assert warm.exit_code == cold.exit_code == 0 and warm.stdout == cold.stdout
    assert warm.stdout.count("\n") > 5


@pytest.mark.parametrize("extra", [(), ("--days", "3"), ("--days", "30"), ("--days", "400"), ("--lang", "en"),
                                   ("--format", "json"), ("--format", "csv"), ("--agency", "lhh-cantho")])
def test_upcoming_reads_the_same_from_the_cache(bundled, ktcn, extra):
    """Within warn_days from the standings, further ahead from the programmes: the same text either way."""
    args = ("upcoming", "--records", str(bundled), "--as-of", "2025-12-20", *extra)
    uncached, cold, warm = ktcn(*args, "--no-cache"), ktcn(*args), ktcn(*args)
    assert uncached.exit_code == cold.exit_code == warm.exit_code == 0
    assert uncached.stdout == cold.stdout == warm.stdout
