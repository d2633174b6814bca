"""Deadlines counted from a day or an event (issue 19): Điều 147-148 Bộ luật Dân sự 2015, through the engine
and the real command."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ktcn.engine.relative import count_from
from ktcn.engine.schedule import Bounds
from ktcn.engine.status import task_occurrences
from ktcn.engine.working_days import WorkingCalendar, deadline_shift
from ktcn.records.model import Settings, Task, Update

from conftest import parse_schedule

D = date.fromisoformat
VN = WorkingCalendar(Settings())

COUNTS = [
    # (counted from, within, last day of the period) -- the first day is never counted (Điều 147)
    ("2025-03-10", (30, "d"), "2025-04-09"),
    ("2025-12-31", (1, "d"), "2026-01-01"),
    ("2025-03-10", (2, "w"), "2025-03-24"),  # same weekday of the last week
    ("2024-01-31", (1, "m"), "2024-02-29"),  # no 31 February: the month's last day, leap year
    ("2025-01-31", (1, "m"), "2025-02-28"),
    ("2025-03-31", (1, "m"), "2025-04-30"),
    ("2025-01-31", (3, "m"), "2025-04-30"),
    ("2024-02-29", (1, "y"), "2025-02-28"),  # a leap day counted a year on
    ("2025-05-15", (1, "y"), "2026-05-15"),
    ("2025-01-20", (15, "wd"), "2025-02-17"),  # across Tết 2025 (27/01-01/02 off)
    ("2025-04-25", (5, "wd"), "2025-05-06"),  # the Saturday 26/04 worked counts; 30/4-4/5 do not
    ("2025-02-01", (1, "wd"), "2025-02-03"),  # counted from a day off (Tết's Saturday)
    ("2026-02-14", (1, "wd"), "2026-02-23"),  # counted from the first day of Tết 2026
    ("2026-08-21", (1, "wd"), "2026-08-22"),  # the Saturday worked for 31/08/2026
    ("2024-04-26", (3, "wd"), "2024-05-04"),  # 29/04-01/05/2024 off; Saturday 04/05 worked in exchange
    ("2025-08-29", (2, "wd"), "2025-09-04"),  # 01-02/09/2025 off
    ("9999-06-01", (1, "y"), "9999-12-31"),  # past the last representable day: the last day, not a crash
    ("9999-12-30", (5, "d"), "9999-12-31"),
]


@pytest.mark.parametrize(("start", "within", "end"), COUNTS)
def test_counts(start, within, end):
    assert count_from(D(start), within, VN) == D(end)


BOUNDS = Bounds(D("2025-01-01"), D("2026-12-31"), D("2025-01-20"))
CIVIL, AS_WRITTEN = deadline_shift(Settings(deadline_rule="civil-code")), deadline_shift(Settings())


def task(tid: str, schedule: str, updates=()) -> Task:
    return Task(tid, f"Nhiệm vụ {tid}", ("a",), parse_schedule(schedule), updates=tuple(updates), programme="p")


def first(t: Task, as_of: str, shift=CIVIL, tasks=()):
    return task_occurrences(t, BOUNDS, D(as_of), 14, {}, shift=shift, tasks=tasks)[0]


@pytest.mark.parametrize(("schedule", "as_of", "shift", "deadline", "moved_from", "status"), [
    ("{within: 15wd, after: issued}", "2025-02-17", CIVIL, "2025-02-17", None, "in_progress"),
    ("{within: 15wd, after: issued}", "2025-02-18", CIVIL, "2025-02-17", None, "overdue"),
    # 30 days from 20/02 is Saturday 22/03: Monday 24/03 under civil-code, the Saturday as written
    ("{within: 30d, after: 2025-02-20}", "2025-03-24", CIVIL, "2025-03-24", "2025-03-22", "in_progress"),
    ("{within: 30d, after: 2025-02-20}", "2025-03-24", AS_WRITTEN, "2025-03-22", None, "overdue"),
    ("{within: 1m, after: 2024-01-31}", "2024-03-01", CIVIL, "2024-02-29", None, "overdue"),
    # a month from 30/03/2025 is 30/04/2025: 30/4 to 4/5 are off, Monday 05/05 is the deadline in force
    ("{within: 1m, after: 2025-03-30}", "2025-05-05", CIVIL, "2025-05-05", "2025-04-30", "in_progress"),
])
def test_counted_deadlines_and_their_status(schedule, as_of, shift, deadline, moved_from, status):
    found = first(task("t", schedule), as_of, shift)
    assert (found.deadline, found.moved_from, found.status) == (D(deadline), moved_from and D(moved_from), status)


def test_after_each_window_of_a_recurring_duty():
    """Decree 09/2019: "chậm nhất 05 ngày làm việc sau khi kết thúc kỳ báo cáo"."""
    found = task_occurrences(task("bc", "{every: 6m, within: 5wd, from: 2025}"), BOUNDS, D("2025-07-01"), 14, {},
                             shift=CIVIL)
    assert [(o.label, o.deadline) for o in found[:4]] == [
        ("2025-H1", D("2025-07-07")), ("2025-H2", D("2026-01-08")),  # 01/01/2026 is a holiday
        ("2026-H1", D("2026-07-07")), ("2026-H2", D("2027-01-08"))]


@pytest.mark.parametrize(("first_log", "as_of", "status", "deadline", "waiting"), [
    ((), "2025-12-31", "upcoming", None, "p/1"),  # waits: never overdue, however late
    (((("2025-03-03", "in-progress"),)), "2025-12-31", "upcoming", None, "p/1"),
    (((("2025-03-03", "done"),)), "2025-03-02", "upcoming", None, "p/1"),  # done after the as-of day
    (((("2025-03-03", "done"),)), "2025-03-13", "in_progress", "2025-03-13", None),  # 10 days from 03/03
    (((("2025-03-03", "done"),)), "2025-03-14", "overdue", "2025-03-13", None),
    (((("2025-03-03", "done"), ("2025-03-05", "in-progress"))), "2025-03-20", "upcoming", None, "p/1"),  # reopened
])
def test_waiting_on_another_task(first_log, as_of, status, deadline, waiting):
    one = task("1", "2025-06-30", [Update(D(d), status=s) for d, s in first_log])
    two = task("2", "{within: 10d, after_task: '1'}")
    found = first(two, as_of, tasks=(one, two))
    assert (found.status, found.deadline, found.waiting_on) == (status, deadline and D(deadline), waiting)


def test_a_waiting_task_done_early_is_on_time():
    one = task("1", "2025-06-30")
    two = task("2", "{within: 10d, after_task: '1'}", [Update(D("2025-02-01"), status="done")])
    assert first(two, "2025-03-01", tasks=(one, two)).status == "done_on_time"


# --- through the real command ------------------------------------------------------------------------------

PLAN = """\
id: kh-9
type: KH
title: Kế hoạch thử
issued: 2025-01-20
issuers: [skhcn]
period: {from: 2025, to: 2026}
tasks:
  - id: "1"
    title: Xây dựng quy chế
    lead: [skhcn]
    schedule: {within: 15wd, after: issued}
    updates:
      - {date: 2025-02-20, status: done}
  - id: "2"
    title: Ban hành hướng dẫn
    lead: [skhcn]
    schedule: {within: 30d, after_task: "1"}
  - id: "3"
    title: Triển khai
    lead: [skhcn]
    schedule: {within: 1m, after_task: "2"}
"""
CIVIL_SETTINGS = "name: Sở KH&CN\nowner: skhcn\nlanguage: vi\ndeadline_rule: civil-code\n"


def test_show_explains_the_count(ws, ktcn):
    ws({"ktcn.yaml": CIVIL_SETTINGS, "programmes/kh-9.yaml": PLAN})
    text = " ".join(ktcn("show", "kh-9/1", "--as-of", "2025-02-10").stdout.split())
    assert "trong thời hạn 15 ngày làm việc kể từ ngày ban hành văn bản (không tính ngày đó" in text
    assert "17/02/2025" in text
    waiting = " ".join(ktcn("show", "kh-9/3", "--as-of", "2025-12-31").stdout.split())
    assert "Chưa đến hạn: chờ nhiệm vụ kh-9/2 hoàn thành" in waiting and "Quá hạn" not in waiting


def test_statuses_on_two_days(ws, ktcn):
    ws({"ktcn.yaml": CIVIL_SETTINGS, "programmes/kh-9.yaml": PLAN})

    def statuses(day):
        document = json.loads(ktcn("show", "kh-9", "--as-of", day, "--format", "json").stdout)
        return {t["id"]: [(o["status"], o["deadline"], o.get("waiting_on")) for o in t["occurrences"]]
                for t in document["tasks"]}

    assert statuses("2025-03-24") == {
        "1": [("done_late", "2025-02-17", None)],
        "2": [("in_progress", "2025-03-24", None)],  # 30 days from 20/02: Saturday 22/03, in force Monday 24/03
        "3": [("upcoming", None, "kh-9/2")]}
    overdue = json.loads(ktcn("overdue", "--as-of", "2025-03-25", "--format", "json").stdout)["items"]
    assert [(i["task"], i["deadline"], i["deadline_written"]) for i in overdue] == [("2", "2025-03-24",
                                                                                    "2025-03-22")]


def test_schema_accepts_the_new_form(ktcn):
    from ktcn.records.schema_export import json_schema

    schedule = json_schema("programme")["$defs"]["schedule"]
    assert {"within", "after", "after_task"} <= set(schedule["properties"])
    assert {"required": ["within"], "not": {"anyOf": [{"required": [f]} for f in ("due", "ongoing", "every",
                                                                                     "rrule")]}} in schedule["oneOf"]


@pytest.mark.parametrize(("schedule", "code"), [
    ("{within: 15wd}", "KTCN301"),  # counted from nothing
    ("{within: 15wd, after: issued, after_task: '1'}", "KTCN301"),
    ("{within: 15x, after: issued}", "KTCN306"),
    ("{every: 6m, day: 06-30, within: 5wd}", "KTCN302"),
    ("{due: 2025-06-30, within: 5wd}", "KTCN302"),
])
def test_bad_counted_schedules(ws, ktcn, schedule, code):
    ws({"programmes/kh-9.yaml": PLAN.replace("{within: 1m, after_task: \"2\"}", schedule)})
    result = ktcn("validate")
    assert result.exit_code == 1 and code in result.stdout + result.stderr, result.stdout + result.stderr


def test_diff_flags_a_moved_count(ws, ktcn, monkeypatch):
    """Lengthening a count (15 to 25 working days) moves the deadline: flagged like a moved date."""
    import subprocess

    from conftest import PROGRAMME

    counted = PROGRAMME.replace("schedule: 2025-06-30", "schedule: {within: 15wd, after: issued}")
    root = ws({"programmes/p.yaml": counted})
    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(key, "Thư ký")
    for key in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "a@b.vn")

    def git(*args):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "đầu")
    path = root / "programmes/p.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("within: 15wd", "within: 25wd"), encoding="utf-8")
    git("commit", "-qam", "dời hạn")
    document = json.loads(ktcn("diff", "HEAD~1..HEAD", "--as-of", "2025-08-01", "--format", "json").stdout)
    # issued Friday 10/01/2025: 15 working days end 07/02/2025 (Tết 27/01-01/02 skipped), 25 end 21/02/2025
    assert [(f["kind"], f["detail"]) for f in document["flags"]] == [("deadline-moved", "2025-02-07 → 2025-02-21")]


def test_a_count_from_a_task_is_named_after_it(ws, ktcn):
    ws({"ktcn.yaml": CIVIL_SETTINGS, "programmes/kh-9.yaml": PLAN})
    document = json.loads(ktcn("show", "kh-9/3", "--as-of", "2025-03-24", "--format", "json").stdout)
    assert [(o["label"], o["label_words"]) for o in document["occurrences"]] == [("sau-2", "sau nhiệm vụ 2")]
