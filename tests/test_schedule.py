"""Schedules to occurrences: every example of records.md, and the calendar's corners.

Each case is written as a person writes it in YAML and read through the real
converter, so the test covers the shorthands and YAML's date readings too.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ktcn.engine.schedule import Bounds, windows
from ktcn.views.describe import describe_schedule

from conftest import parse_schedule

PROGRAMME_2024_2030 = Bounds(date(2024, 1, 1), date(2030, 12, 31))
FAR = date(2040, 1, 1)


schedule_of = parse_schedule


def deadlines(text: str, bounds: Bounds = PROGRAMME_2024_2030, horizon: date = FAR) -> list[str]:
    return [str(w.deadline) for w in windows(schedule_of(text), bounds, horizon)]


def labels(text: str, bounds: Bounds = PROGRAMME_2024_2030) -> list[str]:
    return [w.label for w in windows(schedule_of(text), bounds, FAR)]


@pytest.mark.parametrize(("text", "first"), [
    # the examples of records.md, "Schedules"
    ("{every: 1y, day: 11-30, from: 2024}", ["2024-11-30", "2025-11-30", "2026-11-30"]),
    ("{every: 2y, day: 12-31, from: 2025}", ["2025-12-31", "2027-12-31", "2029-12-31"]),
    ("{every: 6m, from: 2016-06-14}", ["2016-06-30", "2016-12-31", "2017-06-30"]),
    ("{every: 1y, day: 12-31, from: 2022, until: 2026}",
     ["2022-12-31", "2023-12-31", "2024-12-31", "2025-12-31", "2026-12-31"]),
    # one-off deadlines and the date-ish forms, quoted or not
    ("2025-11-30", ["2025-11-30"]),
    ("'2025-11-30'", ["2025-11-30"]),
    ("{due: 2025-06}", ["2025-06-30"]),
    ("2025-Q3", ["2025-09-30"]),
    ("2021-Q4", ["2021-12-31"]),
    ("2025-H2", ["2025-12-31"]),
    ("2025", ["2025-12-31"]),
    ("{due: 2024-02}", ["2024-02-29"]),
    # month ends and leap years
    ("{every: 1m, from: 2025-01, until: 2025-04}", ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"]),
    ("{every: 1m, from: 2024-01-20, until: 2024-03}", ["2024-01-31", "2024-02-29", "2024-03-31"]),
    ("{every: 1y, day: 02-29, from: 2023, until: 2025}", ["2023-02-28", "2024-02-29", "2025-02-28"]),
    # quarters and halves aligned to the calendar, whatever day `from` is
    ("{every: 1q, from: 2025-02-15, until: 2025}", ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]),
    ("{every: 3m, from: 2025-05-01, until: 2025}", ["2025-06-30", "2025-09-30", "2025-12-31"]),
    ("{every: 2q, from: 2025, until: 2026}", ["2025-06-30", "2025-12-31", "2026-06-30", "2026-12-31"]),
    # `until` cuts the last window, and its deadline with it
    ("{every: 6m, from: 2025, until: 2025-09-30}", ["2025-06-30", "2025-09-30"]),
    ("{every: 1y, from: 2024, until: 2025-06}", ["2024-12-31", "2025-06-30"]),
    # offsets shift each deadline from the window's last day
    ("{every: 1q, offset: 15d, from: 2025, until: 2025-06}", ["2025-04-15", "2025-07-15"]),
    ("{every: 1m, offset: -5d, from: 2025-03, until: 2025-04}", ["2025-03-26", "2025-04-25"]),
    # weeks start on Monday
    ("{every: 1w, from: 2025-02-12, until: 2025-02-23}", ["2025-02-16", "2025-02-23"]),
    ("{every: 2w, from: 2025-01-01, until: 2025-01-31}", ["2025-01-12", "2025-01-26", "2025-01-31"]),
    # RRULE instances are the deadlines
    ("{rrule: 'FREQ=MONTHLY;BYMONTHDAY=15', from: 2025-01-01, until: 2025-04-30}",
     ["2025-01-15", "2025-02-15", "2025-03-15", "2025-04-15"]),
    ("{rrule: 'RRULE:FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=18', from: 2024, until: 2026}",
     ["2024-05-18", "2025-05-18", "2026-05-18"]),
])
def test_deadlines(text, first):
    assert deadlines(text, Bounds(date(2000, 1, 1), None))[: len(first)] == first


@pytest.mark.parametrize(("text", "expected"), [
    ("{every: 1y, from: 2024, until: 2026}", ["2024", "2025", "2026"]),
    ("{every: 6m, from: 2025, until: 2025}", ["2025-H1", "2025-H2"]),
    ("{every: 1q, from: 2025-08, until: 2025}", ["2025-Q3", "2025-Q4"]),
    ("{every: 1m, from: 2025-11, until: 2025}", ["2025-11", "2025-12"]),
    ("{every: 2m, from: 2025-07, until: 2025}", ["2025-07", "2025-09", "2025-11"]),
    ("{every: 1w, from: 2025-02-12, until: 2025-02-17}", ["2025-W07", "2025-W08"]),
    ("{every: 2y, from: 2025, until: 2028}", ["2025", "2027"]),
    ("{due: 2021-Q4}", ["2021-Q4"]),
    ("2025-11-30", ["2025-11-30"]),
    ("{ongoing: true, from: 2025}", ["2025", "2026", "2027", "2028", "2029", "2030"]),
    ("ongoing", ["2024", "2025", "2026", "2027", "2028", "2029", "2030"]),
    ("{rrule: 'FREQ=MONTHLY;BYMONTHDAY=15', from: 2025-01-01, until: 2025-02-28}", ["2025-01-15", "2025-02-15"]),
])
def test_labels(text, expected):
    assert labels(text) == expected


def test_windows_default_to_the_programme_period():
    assert deadlines("{every: 1y, day: 06-30}", Bounds(date(2024, 1, 1), date(2025, 12, 31))) == [
        "2024-06-30", "2025-06-30"]


def test_open_ended_schedules_stop_at_the_horizon():
    found = windows(schedule_of("{every: 1y}"), Bounds(date(2024, 3, 1), None), date(2026, 6, 1))
    assert [w.label for w in found] == ["2024", "2025", "2026"]


def test_ongoing_has_no_deadline_and_one_window_per_year():
    found = windows(schedule_of("{ongoing: true, from: 2025-07-01, until: 2026-03-31}"), PROGRAMME_2024_2030, FAR)
    assert [(w.label, str(w.start), str(w.end), w.deadline) for w in found] == [
        ("2025", "2025-07-01", "2025-12-31", None), ("2026", "2026-01-01", "2026-03-31", None)]


def test_rrule_windows_run_from_the_day_after_the_previous_instance():
    found = windows(schedule_of("{rrule: 'FREQ=MONTHLY;BYMONTHDAY=15', from: 2025-01-01, until: 2025-03-31}"),
                    PROGRAMME_2024_2030, FAR)
    assert [(str(w.start), str(w.end)) for w in found] == [
        ("2025-01-01", "2025-01-15"), ("2025-01-16", "2025-02-15"), ("2025-02-16", "2025-03-15")]


def test_first_window_is_the_aligned_one_containing_from():
    (first, *_) = windows(schedule_of("{every: 6m, from: 2016-06-14}"), Bounds(None, None), date(2017, 1, 1))
    assert (str(first.start), str(first.end), first.label) == ("2016-01-01", "2016-06-30", "2016-H1")


@pytest.mark.parametrize(("text", "vi", "en"), [
    ("{every: 1y, day: 11-30, from: 2024}", "hằng năm, trước ngày 30/11, từ 2024", "yearly, by 11-30, from 2024"),
    ("{every: 2y, day: 12-31}", "định kỳ 2 năm một lần, trước ngày 31/12", "every 2 years, by 12-31"),
    ("{every: 6m}", "định kỳ 6 tháng một lần, hạn cuối mỗi kỳ", "every 6 months, due at the end of each period"),
    ("ongoing", "thực hiện thường xuyên", "ongoing"),
    ("2021-Q4", "trong quý IV/2021", "in Q4 2021"),
    ("2025-11-30", "trước ngày 30/11/2025", "by 2025-11-30"),
    ("2025-H1", "trong 6 tháng đầu năm 2025", "in H1 2025"),
    ("{every: 1q, offset: 15d}", "hằng quý, hạn cuối mỗi kỳ cộng 15 ngày",
     "quarterly, due at the end of each period plus 15 days"),
])
def test_schedule_in_words(text, vi, en):
    schedule = schedule_of(text)
    assert (describe_schedule(schedule, "vi"), describe_schedule(schedule, "en")) == (vi, en)


@pytest.mark.parametrize(("rule", "vi", "en"), [
    ("FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15", "hằng năm, trước ngày 15/06 và 15/12, từ 2024",
     "yearly, by 06-15 and 12-15, from 2024"),
    ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "định kỳ 3 tháng một lần, trước ngày 15, từ 2024",
     "every 3 months, by day 15 of the month, from 2024"),
    ("FREQ=MONTHLY;BYDAY=-1FR", "hằng tháng, vào thứ Sáu cuối cùng của tháng, từ 2024",
     "monthly, on the last Friday of the month, from 2024"),
    ("FREQ=WEEKLY;BYDAY=MO,TH", "hằng tuần, vào thứ Hai và thứ Năm, từ 2024",
     "weekly, on Monday and Thursday, from 2024"),
    ("FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=-1", "hằng năm, trước ngày cuối các tháng 3 và 9, từ 2024",
     "yearly, by the last day of March and September, from 2024"),
    ("FREQ=MONTHLY;BYMONTHDAY=-1", "hằng tháng, trước ngày cuối tháng, từ 2024",
     "monthly, by the last day of the month, from 2024"),
    # What words would get wrong is given as written: every Friday, the 31st (skipped in short months), week numbers.
    ("FREQ=MONTHLY;BYDAY=FR", "lặp lại theo quy tắc FREQ=MONTHLY;BYDAY=FR, từ 2024",
     "recurring: FREQ=MONTHLY;BYDAY=FR, from 2024"),
    ("FREQ=MONTHLY;BYMONTHDAY=31", "lặp lại theo quy tắc FREQ=MONTHLY;BYMONTHDAY=31, từ 2024",
     "recurring: FREQ=MONTHLY;BYMONTHDAY=31, from 2024"),
    ("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "lặp lại theo quy tắc FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO, từ 2024",
     "recurring: FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO, from 2024"),
])
def test_rrule_in_words_as_the_documents_put_it(rule, vi, en):
    """A director reads 'hằng năm, trước ngày 15/06 và 15/12', not FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15."""
    schedule = schedule_of(f'{{rrule: "{rule}", from: 2024}}')
    assert (describe_schedule(schedule, "vi"), describe_schedule(schedule, "en")) == (vi, en)


# --- properties -------------------------------------------------------------------------------

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def every_schedules(draw: st.DrawFn) -> tuple[str, date, date]:
    unit = draw(st.sampled_from("yqmw"))
    count = draw(st.integers(1, 4 if unit != "w" else 8))
    start, until = sorted((draw(days), draw(days)))
    extra = draw(st.sampled_from(["", ", offset: 10d", ", offset: -3d"] + ([", day: 03-31"] if unit == "y" else [])))
    return f"{{every: {count}{unit}, from: {start}, until: {until}{extra}}}", start, until


@settings(max_examples=200, deadline=None)
@given(every_schedules())
def test_windows_are_ordered_contiguous_and_inside_bounds(case):
    text, start, until = case
    found = windows(schedule_of(text), Bounds(None, None), FAR)
    assert found, text
    assert found[0].start <= start <= found[0].end  # the first window holds `from`
    assert found[-1].start <= until
    for previous, current in pairwise(found):
        assert current.start == previous.end + timedelta(days=1)  # ordered, contiguous, no overlap
    for window in found:
        assert window.start <= window.end <= until
    assert len({w.label for w in found}) == len(found)  # labels name windows one to one


@pytest.mark.parametrize("text", [
    "{every: 1y, day: 11-30, from: 2024}", "{every: 6m, from: 2016-06-14, until: 2020}", "{every: 1q, offset: 15d}",
    "{every: 2y, day: 12-31, from: 2025}", "{every: 1m, from: 2025-03-10, until: 2026-02-14}",
    "{every: 2w, offset: -3d}",
    "{rrule: 'FREQ=MONTHLY;BYMONTHDAY=15', from: 2025-01-01, until: 2026-04-30}", "2025-Q3", "ongoing",
    "{every: 1y, from: 2031}",
])
def test_edge_windows_are_the_first_and_last_of_all_windows(text):
    from ktcn.engine.schedule import edge_windows

    bounds = Bounds(date(2024, 1, 1), date(2030, 12, 31))
    schedule = schedule_of(text)
    every = windows(schedule, bounds, FAR)
    edges = edge_windows(schedule, bounds)
    if not every or schedule.form == "ongoing":
        expected = []
    else:
        expected = [every[0], every[-1]] if len(every) > 1 else [every[0]]
    assert [(w.label, w.deadline) for w in edges] == [(w.label, w.deadline) for w in expected]
