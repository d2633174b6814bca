"""Statuses on two as-of days, computed by hand, through the real `status`, `overdue`, `upcoming`, `show` JSON.

The workspace holds a six-monthly report sent late, an extended event whose
lead agency was merged away, a duty cancelled in its second year, ongoing work,
a missed report, and a task due soon.  Expected values were worked out by hand
from records.md before running the code.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ktcn.engine.schedule import Bounds
from ktcn.engine.status import task_occurrences
from ktcn.records.dateish import parse_label
from ktcn.records.model import Update

from conftest import DEMO_AGENCIES as AGENCIES
from conftest import DEMO_PROGRAMME as PROGRAMME

ZERO = dict.fromkeys(("done_on_time", "done_late", "in_progress", "overdue", "ongoing", "cancelled", "extended"), 0)


@pytest.fixture
def demo(ws):
    return ws({"agencies.yaml": AGENCIES, "programmes/demo.yaml": PROGRAMME})


def run_json(ktcn, *args):
    result = ktcn(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_status_counts_on_two_days(demo, ktcn):
    early = run_json(ktcn, "status", "--as-of", "2025-09-30")
    assert early["totals"] == {**ZERO, "done_on_time": 2, "done_late": 2, "in_progress": 3, "overdue": 1,
                               "ongoing": 1, "cancelled": 1, "extended": 1}
    assert early["programmes"][0]["counts"] == early["totals"]
    late = run_json(ktcn, "status", "--as-of", "2026-01-20")
    assert late["totals"] == {**ZERO, "done_on_time": 3, "done_late": 2, "in_progress": 1, "overdue": 3,
                              "ongoing": 1, "cancelled": 2, "extended": 1}


def test_overdue_on_two_days(demo, ktcn):
    early = run_json(ktcn, "overdue", "--as-of", "2025-09-30")
    assert early == {"as_of": "2025-09-30", "items": [
        {"programme": "ctr-demo", "task": "bc-2024", "title": "Báo cáo năm 2024", "occurrence": "2024-12-31",
         "occurrence_words": "2024-12-31", "deadline": "2024-12-31", "days_late": 273, "lead": ["sttt"],
         "status": "overdue", "last_note": ""}],
        "record_errors": 0, "left_out": [], "files_with_errors": []}
    late = run_json(ktcn, "overdue", "--as-of", "2026-01-20")
    assert [(i["task"], i["occurrence"], i["deadline"], i["days_late"], i["lead"]) for i in late["items"]] == [
        ("bc-2024", "2024-12-31", "2024-12-31", 385, ["sttt"]),
        ("soon", "2025-10-10", "2025-10-10", 102, ["lhh"]),
        ("bc6", "2025-H2", "2025-12-31", 20, ["lhh"]),
    ]


def test_upcoming_and_due_soon(demo, ktcn):
    soon = run_json(ktcn, "upcoming", "--as-of", "2025-09-30")
    assert [(i["task"], i["days_left"]) for i in soon["items"]] == [("soon", 10)]
    month = run_json(ktcn, "upcoming", "--as-of", "2025-09-30", "--days", "40")
    assert [(i["task"], i["deadline"], i["days_left"]) for i in month["items"]] == [
        ("soon", "2025-10-10", 10), ("hoi-thi", "2025-10-31", 31)]
    status = run_json(ktcn, "status", "--as-of", "2025-09-30")
    assert [i["task"] for i in status["due_soon"]] == ["soon"]


def occurrences(ktcn, ref, as_of):
    shown = run_json(ktcn, "show", ref, "--as-of", as_of)
    return [(o["label"], o["deadline"], o["status"]) for o in shown["occurrences"]], shown


def test_late_six_monthly_report_counts_for_the_half_it_reports_on(demo, ktcn):
    found, _ = occurrences(ktcn, "ctr-demo/bc6", "2025-09-30")
    assert found == [
        ("2024-H1", "2024-06-30", "done_late"), ("2024-H2", "2024-12-31", "done_on_time"),
        ("2025-H1", "2025-06-30", "done_late"), ("2025-H2", "2025-12-31", "in_progress"),
        ("2026-H1", "2026-06-30", "upcoming"), ("2026-H2", "2026-12-31", "upcoming")]


def test_extension_keeps_the_original_deadline_and_moves_the_lead_to_the_successor(demo, ktcn):
    found, shown = occurrences(ktcn, "ctr-demo/hoi-thi", "2025-09-30")
    assert found == [("2025-06-30", "2025-10-31", "in_progress")]
    occurrence = shown["occurrences"][0]
    assert (occurrence["original_deadline"], occurrence["extended"], occurrence["lead"]) == (
        "2025-06-30", True, ["skhcn"])
    found, _ = occurrences(ktcn, "ctr-demo/hoi-thi", "2026-01-20")
    assert found == [("2025-06-30", "2025-10-31", "done_on_time")]


def test_cancelled_duty_stops_from_the_occurrence_it_was_cancelled_in(demo, ktcn):
    found, _ = occurrences(ktcn, "ctr-demo/tong-hop", "2026-01-20")
    assert found == [("2024", "2024-11-30", "done_on_time"), ("2025", "2025-11-30", "cancelled"),
                     ("2026", "2026-11-30", "cancelled")]


def test_updates_after_the_as_of_day_are_ignored(demo, ktcn):
    found, shown = occurrences(ktcn, "ctr-demo/hoi-thi", "2025-03-01")
    assert found == [("2025-06-30", "2025-06-30", "in_progress")]
    assert shown["occurrences"][0]["updates"] == []


def test_agency_filter_follows_succession(demo, ktcn):
    skhcn = run_json(ktcn, "status", "--as-of", "2025-09-30", "--agency", "skhcn")
    assert skhcn["totals"] == {**ZERO, "in_progress": 1, "ongoing": 1, "extended": 1}  # hoi-thi moved to skhcn
    sttt = run_json(ktcn, "overdue", "--as-of", "2025-09-30", "--agency", "sttt")
    assert [i["task"] for i in sttt["items"]] == ["bc-2024"]  # due before the merger: still sttt's


def test_agency_scorecard_names_its_base(demo, ktcn):
    card = run_json(ktcn, "status", "--as-of", "2026-01-20", "--by", "agency")
    lhh = next(a for a in card["agencies"] if a["id"] == "lhh")
    # lhh: bc6 2024-H1 late, 2024-H2 on time, 2025-H1 late, 2025-H2 overdue, 2026-H1 in progress; soon overdue
    assert lhh["counts"] == {**ZERO, "done_on_time": 1, "done_late": 2, "overdue": 2, "in_progress": 1}
    assert lhh["on_time_rate"] == 0.2  # 1 on time out of 5 due (done or overdue)


def test_overdue_fail_flag_and_table_output(demo, ktcn):
    assert ktcn("overdue", "--as-of", "2025-09-30", "--fail").exit_code == 1
    assert ktcn("overdue", "--as-of", "2024-06-01", "--fail").exit_code == 0
    table = ktcn("overdue", "--as-of", "2025-09-30", "--lang", "vi")
    assert "Việc quá hạn chưa hoàn thành đến ngày 30/09/2025: 1" in table.stdout
    assert "ctr-demo/bc-2024" in table.stdout and "\x1b[" not in table.stdout  # no colour in a pipe


def test_csv_output(demo, ktcn):
    result = ktcn("overdue", "--as-of", "2025-09-30", "--format", "csv")
    assert result.stdout.splitlines() == [
        "programme,task,title,occurrence,deadline,days_late,lead,status,last_note",
        "ctr-demo,bc-2024,Báo cáo năm 2024,2024-12-31,2024-12-31,273,sttt,overdue,",
    ]


def test_status_table_in_english_fits_100_columns(demo, ktcn):
    from rich.cells import cell_len

    result = ktcn("status", "--as-of", "2025-09-30", "--lang", "en")
    assert "Where the tasks stand on 2025-09-30" in result.stdout
    assert "Overdue (1)" in result.stdout and "Due within 14 days (1)" in result.stdout
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 100


def test_show_programme_and_unknown_ids(demo, ktcn):
    shown = run_json(ktcn, "show", "ctr-demo", "--as-of", "2025-09-30")
    assert [t["id"] for t in shown["tasks"]] == ["bc6", "hoi-thi", "tong-hop", "thuong-xuyen", "bc-2024", "soon"]
    missing = ktcn("show", "ctr-demo/bc7")
    assert missing.exit_code == 2 and "did you mean 'bc6'?" in missing.stderr
    assert ktcn("status", "--programme", "ctr-dem").exit_code == 2
    assert ktcn("status", "--agency", "nobody").exit_code == 2


def test_show_programme_table_in_vietnamese(demo, ktcn):
    shown = ktcn("show", "ctr-demo", "--lang", "vi", "--as-of", "2025-09-30").stdout
    assert "Trạng thái: đang thực hiện" in shown and "Ngày ban hành: 15/01/2024" in shown


def test_show_table_gives_schedule_in_words_and_the_log(demo, ktcn):
    result = ktcn("show", "ctr-demo/tong-hop", "--as-of", "2026-01-20", "--lang", "vi")
    assert "Thời hạn: hằng năm, trước ngày 30/11" in result.stdout
    assert "25/11/2024  hoàn thành" in result.stdout
    assert "01/05/2025  dừng thực hiện — Dừng theo Quyết định 99/QĐ-UBND" in result.stdout


def test_drafts_are_left_out_unless_asked(ws, ktcn):
    draft = PROGRAMME.replace("id: ctr-demo", "id: ctr-draft").replace("issued: 2024-01-15\n", "state: draft\n")
    ws({"agencies.yaml": AGENCIES, "programmes/demo.yaml": PROGRAMME, "programmes/draft.yaml": draft})
    assert [p["id"] for p in run_json(ktcn, "status")["programmes"]] == ["ctr-demo"]
    assert [p["id"] for p in run_json(ktcn, "status", "--all")["programmes"]] == ["ctr-demo", "ctr-draft"]
    assert [p["id"] for p in run_json(ktcn, "status", "-p", "ctr-draft")["programmes"]] == ["ctr-draft"]


# --- property: the status on day A does not depend on what was written after A ------------------

statuses = st.sampled_from([None, "in-progress", "done", "cancelled"])


@st.composite
def logs(draw: st.DrawFn) -> list[Update]:
    dates = sorted(draw(st.lists(st.dates(date(2024, 1, 1), date(2026, 12, 31)), max_size=8)))
    updates = []
    for day in dates:
        period = draw(st.sampled_from([None, "2024-H1", "2025-H2"]))
        extend = draw(st.sampled_from([None, "2025-03", "2026-Q2"]))
        updates.append(Update(day, draw(statuses), period=parse_label(period) if period else None,
                              extend_to=parse_label(extend) if extend else None))
    return updates


@settings(max_examples=150, deadline=None)
@given(logs(), st.dates(date(2024, 1, 1), date(2027, 6, 30)))
def test_status_on_a_day_ignores_later_updates(updates, as_of):
    from conftest import schedule_task

    task = schedule_task("{every: 6m}", updates)
    bounds = Bounds(date(2024, 1, 1), date(2026, 12, 31))
    everything = task_occurrences(task, bounds, as_of, 14, {})
    known = task_occurrences(schedule_task("{every: 6m}", [u for u in updates if u.date <= as_of]),
                             bounds, as_of, 14, {})
    assert [(o.label, o.status, o.deadline, o.extended) for o in everything] == [
        (o.label, o.status, o.deadline, o.extended) for o in known]


def test_record_text_is_never_read_as_terminal_markup(ws, ktcn):
    tricky = PROGRAMME.replace("title: Sắp đến hạn", 'title: "Sắp [/] đến [bold red]hạn[/bold red]"')
    ws({"agencies.yaml": AGENCIES, "programmes/demo.yaml": tricky})
    for command in (["status"], ["overdue"], ["show", "ctr-demo"], ["upcoming", "--days", "60"]):
        result = ktcn(*command, "--as-of", "2025-10-01")
        assert result.exit_code == 0, result.stderr
    assert "Sắp [/] đến [bold red]hạn[/bold red]" in ktcn("show", "ctr-demo", "--as-of", "2025-10-01",
                                                         "--lang", "en").stdout.replace("\n", "")
