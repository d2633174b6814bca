"""Working days and the civil-code deadline rule (issue 19), against the published calendars of 2024-2026.

The days off were checked against the government's announcements: Tết 2024 08-14/02 (Thông báo of the
Ministry of Labour), Tết 2025 25/01-02/02 (Thông báo 6150/TB-BLĐTBXH), Tết 2026 14-22/02 (5 days 16-20/02
with the weekends on either side), 30/4-1/5 2024 with 29/04 swapped for Saturday 04/05 (Công văn
2450/VPCP-KGVX), 2025 with 02/05 swapped for Saturday 26/04, 2/9 2025 on 01-02/09, 2/9 2026 with 31/08
swapped for Saturday 22/08, Giỗ Tổ on 18/04/2024, 07/04/2025 and 26/04/2026 (a Sunday: 27/04 off), and
Ngày Văn hóa Việt Nam 24/11 from 2026 (docs/records-readings.md, "Working days").
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ktcn.engine.schedule import Bounds
from ktcn.engine.status import task_occurrences
from ktcn.engine.working_days import WorkingCalendar, deadline_shift
from ktcn.records.model import DayNote, Settings, Update

from conftest import PROGRAMME, schedule_task

VN = WorkingCalendar(Settings())
D = date.fromisoformat

# Days off of the published calendars (weekdays only: weekends are off anyway).
DAYS_OFF = [
    # Tết 2024: Thursday 08/02 to Wednesday 14/02
    "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14",
    "2024-04-18",  # Giỗ Tổ Hùng Vương 2024
    "2024-04-29", "2024-04-30", "2024-05-01",  # 29/04 swapped for Saturday 04/05
    "2024-09-02", "2024-09-03",
    "2025-01-01",
    # Tết 2025: Saturday 25/01 to Sunday 02/02
    "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
    "2025-04-07",  # Giỗ Tổ 2025
    "2025-04-30", "2025-05-01", "2025-05-02",  # 02/05 swapped for Saturday 26/04
    "2025-09-01", "2025-09-02",
    "2026-01-01",
    # Tết 2026: Saturday 14/02 to Sunday 22/02
    "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
    "2026-04-27",  # Giỗ Tổ 2026 falls on Sunday 26/04: Monday off
    "2026-04-30", "2026-05-01",
    "2026-08-31", "2026-09-01", "2026-09-02",  # 31/08 swapped for Saturday 22/08
    "2026-11-24",  # Ngày Văn hóa Việt Nam
]
WORKED_WEEKENDS = ["2024-05-04", "2025-04-26", "2026-08-22"]
PLAIN_WORKING_DAYS = ["2024-02-15", "2024-02-29", "2025-02-03", "2025-04-29", "2025-05-05", "2025-09-03",
                      "2026-02-23", "2026-04-28", "2026-09-03", "2026-11-25", "2025-12-01"]


@pytest.mark.parametrize("day", DAYS_OFF)
def test_published_days_off(day):
    assert D(day).weekday() < 5 and not VN.is_working_day(D(day))


@pytest.mark.parametrize("day", WORKED_WEEKENDS)
def test_weekends_worked_in_exchange(day):
    assert D(day).weekday() == 5 and VN.is_working_day(D(day))


@pytest.mark.parametrize("day", PLAIN_WORKING_DAYS)
def test_plain_working_days(day):
    assert VN.is_working_day(D(day))


# Điều 148.5: the deadline in force for a deadline written on each day.
IN_FORCE = [
    ("2025-11-30", "2025-12-01"),  # Sunday: the yearly report
    ("2024-11-30", "2024-12-02"),  # Saturday
    ("2024-02-08", "2024-02-15"),  # first day of Tết 2024
    ("2024-02-10", "2024-02-15"),  # Tết's Saturday
    ("2025-01-25", "2025-02-03"),  # the Saturday Tết 2025 begins
    ("2025-04-26", "2025-04-26"),  # a Saturday worked: a working day, the deadline stays
    ("2025-04-30", "2025-05-05"),  # 30/4, 1/5, the swapped 2/5 and the weekend
    ("2024-04-27", "2024-05-02"),
    ("2024-05-04", "2024-05-04"),  # a Saturday worked
    ("2024-09-02", "2024-09-04"),
    ("2025-08-30", "2025-09-03"),  # 2/9 2025: Saturday 30/08 to Tuesday 02/09
    ("2026-02-14", "2026-02-23"),  # Tết 2026
    ("2026-04-26", "2026-04-28"),  # Giỗ Tổ on a Sunday, Monday off in its place
    ("2026-08-22", "2026-08-22"),
    ("2026-08-29", "2026-09-03"),
    ("2026-11-24", "2026-11-25"),
    ("2024-02-29", "2024-02-29"),  # leap day, a Thursday
    ("2025-12-31", "2025-12-31"),
    ("2022-12-31", "2023-01-03"),  # 01/01/2023 a Sunday: Monday 02/01 off in its place
]


@pytest.mark.parametrize(("written", "in_force"), IN_FORCE)
def test_deadline_in_force(written, in_force):
    assert VN.next_working_day(D(written)) == D(in_force)


# Điều 147: a count of working days starts the next day.
WORKING_DAY_COUNTS = [
    ("2025-01-20", 15, "2025-02-17"),  # across Tết 2025
    ("2025-04-25", 5, "2025-05-06"),  # counts the Saturday worked, skips 30/4-4/5
    ("2025-11-28", 1, "2025-12-01"),
    ("2024-02-07", 1, "2024-02-15"),
    ("2026-02-13", 5, "2026-02-27"),
    ("2025-11-30", 0, "2025-11-30"),
]


@pytest.mark.parametrize(("start", "count", "end"), WORKING_DAY_COUNTS)
def test_working_day_counts(start, count, end):
    assert VN.add_working_days(D(start), count) == D(end)


def test_workspace_days_override_the_package():
    own = Settings(holidays=(DayNote(D("2026-12-07"), "Nghỉ lễ địa phương"),),
                   working_days=(DayNote(D("2026-02-28")),))
    calendar = WorkingCalendar(own)
    assert not calendar.is_working_day(D("2026-12-07"))
    assert calendar.is_working_day(D("2026-02-28"))
    assert calendar.next_working_day(D("2026-12-06")) == D("2026-12-08")
    sources = {e.day: e.source for e in calendar.entries(2026)}
    assert sources[D("2026-12-07")] == "ktcn.yaml" and sources[D("2026-02-17")] == "package"


def test_no_public_holidays_leaves_weekends_only():
    calendar = WorkingCalendar(Settings(public_holidays="none"))
    assert calendar.is_working_day(D("2025-01-29")) and not calendar.is_working_day(D("2025-02-01"))
    assert calendar.entries(2025) == [] and not calendar.has_holidays


def test_as_written_moves_nothing():
    assert deadline_shift(Settings())(D("2025-11-30")) == D("2025-11-30")
    assert deadline_shift(Settings(deadline_rule="civil-code"))(D("2025-11-30")) == D("2025-12-01")


# --- the status engine -------------------------------------------------------------------------------------

YEARLY = "{every: 1y, day: 11-30, from: 2025}"
BOUNDS = Bounds(D("2025-01-01"), D("2025-12-31"))
CIVIL = deadline_shift(Settings(deadline_rule="civil-code"))


def _status(updates, as_of, shift):
    (found,) = task_occurrences(schedule_task(YEARLY, updates), BOUNDS, D(as_of), 14, {}, shift=shift)
    return found


@pytest.mark.parametrize(("updates", "as_of", "as_written", "civil_code"), [
    ((), "2025-11-30", "in_progress", "in_progress"),
    ((), "2025-12-01", "overdue", "in_progress"),  # the Monday after a Sunday deadline: still in time
    ((), "2025-12-02", "overdue", "overdue"),
    (((D("2025-12-01"), "done"),), "2025-12-05", "done_late", "done_on_time"),
    (((D("2025-12-02"), "done"),), "2025-12-05", "done_late", "done_late"),
    (((D("2025-11-28"), "done"),), "2025-12-05", "done_on_time", "done_on_time"),
])
def test_status_under_each_rule(updates, as_of, as_written, civil_code):
    log = [Update(day, status=status) for day, status in updates]
    assert _status(log, as_of, None).status == as_written
    found = _status(log, as_of, CIVIL)
    assert found.status == civil_code
    assert (found.deadline, found.moved_from) == (D("2025-12-01"), D("2025-11-30"))


def test_an_extension_to_a_day_off_moves_too():
    found = _status([Update(D("2025-10-01"), extend_to=_dateish("2026-02-14"))], "2025-10-02", CIVIL)
    assert (found.deadline, found.moved_from, found.original_deadline) == (D("2026-02-23"), D("2026-02-14"),
                                                                          D("2025-11-30"))


def _dateish(text):
    from ktcn.records.dateish import parse_dateish

    return parse_dateish(text)


SCHEDULES = st.sampled_from(["2025-06-30", "2025-Q4", "{every: 6m, from: 2024}", "{every: 1y, day: 11-30}",
                             "{every: 1m, from: 2025-01, until: 2025-12}", "ongoing", "{every: 1q, offset: -5d}",
                             '{rrule: "FREQ=MONTHLY;BYMONTHDAY=15", from: 2025-01-01, until: 2025-12-31}'])
DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31))


@settings(max_examples=60, deadline=None)
@given(SCHEDULES, st.lists(st.tuples(DAYS, st.sampled_from(["done", "in-progress", "cancelled", None])),
                           max_size=4), DAYS)
def test_as_written_is_todays_engine(schedule, log, as_of):
    """With deadline_rule: as-written, every occurrence is exactly what the engine gave before the rule existed."""
    task = schedule_task(schedule, [Update(d, status=s) for d, s in sorted(log, key=lambda u: u[0])])
    bounds = Bounds(D("2024-01-01"), D("2026-12-31"))
    before = task_occurrences(task, bounds, as_of, 14, {})
    now = task_occurrences(task, bounds, as_of, 14, {}, shift=deadline_shift(Settings(deadline_rule="as-written")))
    assert now == before and all(o.moved_from is None for o in now)
    moved = task_occurrences(task, bounds, as_of, 14, {}, shift=CIVIL)
    for plain, civil in zip(before, moved, strict=True):
        if plain.deadline is None:
            assert civil.deadline is None
            continue
        assert civil.deadline >= plain.deadline and VN.is_working_day(civil.deadline)
        assert all(not VN.is_working_day(plain.deadline + timedelta(days=n))
                   for n in range((civil.deadline - plain.deadline).days))
        assert civil.moved_from == (plain.deadline if civil.deadline != plain.deadline else None)


# --- through the real command ------------------------------------------------------------------------------

CIVIL_SETTINGS = """\
name: Sở Khoa học và Công nghệ
owner: skhcn
language: vi
deadline_rule: civil-code
holidays:
  - {date: 2025-12-01, name: Nghỉ lễ địa phương}
working_days:
  - 2026-02-28
"""

YEARLY_REPORT = PROGRAMME.replace("schedule: 2025-06-30", "schedule: {every: 1y, day: 11-30}")


def test_status_and_show_with_civil_code(ws, ktcn):
    ws({"ktcn.yaml": CIVIL_SETTINGS, "programmes/kh-1.yaml": YEARLY_REPORT})
    shown = ktcn("show", "kh-1/1", "--as-of", "2025-12-01")  # Sunday, then the workspace's own day off
    assert shown.exit_code == 0
    assert "30/11/2025 (CN) → 02/12/2025 Đang thực hiện trong hạn" in " ".join(shown.stdout.split())
    document = json.loads(ktcn("show", "kh-1/1", "--as-of", "2025-12-02", "--format", "json").stdout)
    first = document["occurrences"][0]
    assert (first["deadline"], first["deadline_written"], first["status"]) == ("2025-12-02", "2025-11-30",
                                                                               "in_progress")
    late = json.loads(ktcn("overdue", "--as-of", "2025-12-03", "--format", "json").stdout)["items"]
    assert [(i["deadline"], i["deadline_written"], i["days_late"]) for i in late] == [("2025-12-02", "2025-11-30",
                                                                                       1)]
    assert json.loads(ktcn("overdue", "--as-of", "2025-12-02", "--format", "json").stdout)["items"] == []


def test_as_written_workspace_keeps_written_deadlines(ws, ktcn):
    ws({"programmes/kh-1.yaml": YEARLY_REPORT})
    late = json.loads(ktcn("overdue", "--as-of", "2025-12-01", "--format", "json").stdout)["items"]
    assert [(i["deadline"], "deadline_written" in i) for i in late] == [("2025-11-30", False)]


def test_holidays_command_in_vietnamese(ws, ktcn):
    ws({"ktcn.yaml": CIVIL_SETTINGS, "programmes/kh-1.yaml": YEARLY_REPORT})
    result = ktcn("holidays", "--year", "2026")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for words in ("Ngày nghỉ và ngày làm bù năm 2026", "17/02/2026 Thứ Ba nghỉ Tết Nguyên Đán",
                  "28/02/2026 Thứ Bảy làm bù", "ktcn.yaml, dòng 8", "22/08/2026 Thứ Bảy làm bù",
                  "Bộ luật Dân sự 2015"):
        assert words in text, words
    assert "Monday" not in text and "package" not in text


def test_holidays_command_json(ws, ktcn):
    ws({"ktcn.yaml": CIVIL_SETTINGS, "programmes/kh-1.yaml": YEARLY_REPORT})
    document = json.loads(ktcn("holidays", "--year", "2025", "--format", "json").stdout)
    days = {d["date"]: d for d in document["days"]}
    assert document["deadline_rule"] == "civil-code"
    assert days["2025-12-01"] == {"date": "2025-12-01", "weekday": 1, "working": False,
                                  "name": "Nghỉ lễ địa phương", "source": "ktcn.yaml", "line": 6}
    assert days["2025-04-26"]["working"] and days["2025-04-26"]["source"] == "package"
    assert days["2025-01-29"]["source"] == "package" and not days["2025-01-29"]["working"]


@pytest.mark.parametrize(("lists", "code", "line"), [
    ("holidays: [2026-12-07, 2026-12-07]\n", "KTCN310", 4),
    ("holidays: [2026-12-07]\nworking_days: [2026-12-07]\n", "KTCN310", 5),
    ("working_days: [2026-03-04]\n", "KTCN509", 4),  # a Wednesday: a working day anyway
    ("holidays: [2026-02-17]\n", "KTCN509", 4),  # Tết: a day off anyway
    ("holidays: [2026-02-30]\n", "KTCN105", 4),
    ("holidays: [{name: Nghỉ}]\n", "KTCN102", 4),
    ("deadline_rule: civil\n", "KTCN107", 4),
])
def test_bad_calendar_entries(ws, ktcn, lists, code, line):
    ws({"ktcn.yaml": "name: Sở KH&CN\nowner: skhcn\nlanguage: en\n" + lists, "programmes/kh-1.yaml": PROGRAMME})
    result = ktcn("validate", "--strict")
    assert result.exit_code == 1
    found = [row for row in (result.stdout + result.stderr).splitlines() if code in row]
    assert found and f"ktcn.yaml:{line}:" in found[0], result.stdout + result.stderr


def test_init_writes_civil_code(tmp_path, ktcn, monkeypatch):
    monkeypatch.delenv("KTCN_RECORDS", raising=False)
    assert ktcn("init", str(tmp_path / "ho-so")).exit_code == 0
    assert "deadline_rule: civil-code" in (tmp_path / "ho-so" / "ktcn.yaml").read_text(encoding="utf-8")
    assert ktcn("validate", "--records", str(tmp_path / "ho-so")).exit_code == 0


def test_bundled_records_count_the_sunday_report_on_time(ktcn):
    """records/ says civil-code: the yearly report due Sunday 30/11/2025 is in time on Monday 01/12/2025."""
    from pathlib import Path

    records = str(Path(__file__).parent.parent / "records")
    document = json.loads(ktcn("show", "kh-231-2024/iii-2", "--records", records, "--as-of", "2025-12-01",
                               "--format", "json").stdout)
    year = next(o for o in document["occurrences"] if o["label"] == "2025")
    assert (year["deadline"], year["deadline_written"], year["status"]) == ("2025-12-01", "2025-11-30",
                                                                            "in_progress")


def test_site_calendar_and_report_say_both_days(ws, ktcn, tmp_path):
    ws({"ktcn.yaml": CIVIL_SETTINGS, "programmes/kh-1.yaml": YEARLY_REPORT})
    assert ktcn("site", "-o", str(tmp_path / "site"), "--as-of", "2025-12-03").exit_code == 0
    overdue = (tmp_path / "site" / "overdue.html").read_text(encoding="utf-8")
    assert ">30/11/2025 (CN) → 02/12/2025<" in overdue
    ics = ktcn("calendar", "--as-of", "2025-12-03").stdout.replace("\r\n ", "")
    assert "DUE;VALUE=DATE:20251202" in ics and "30/11/2025 (CN) → 02/12/2025" in ics
    report = " ".join(ktcn("report", "--year", "2025", "--as-of", "2025-12-31").stdout.split())
    assert "30/11/2025 (CN) → 02/12/2025" in report


def test_a_moved_deadline_takes_two_lines_in_an_80_column_list(ws, ktcn, monkeypatch):
    """The written day over the day in force: the deadline column stays as wide as a date and its weekday, so
    the lead agencies keep their column beside the task at 80 columns."""
    monkeypatch.setenv("COLUMNS", "80")
    ws({"ktcn.yaml": CIVIL_SETTINGS, "programmes/kh-1.yaml": YEARLY_REPORT})
    lines = ktcn("overdue", "--as-of", "2025-12-03").stdout.splitlines()
    row = next(n for n, line in enumerate(lines) if line.startswith("30/11/2025 (CN) "))
    assert lines[row + 1].startswith("→ 02/12/2025")
    assert "kh-1/1" in lines[row] and "Sở KH&CN" in lines[row]  # the lead on the row, not pushed under it
    assert "Chủ trì" in next(line for line in lines if line.startswith("Thời hạn"))
    assert max(len(line) for line in lines) <= 80
