"""Deadlines counted from a day or an event, as Bộ luật Dân sự 2015 counts them.

Điều 147: a period counted from a day or an event starts the next day.
Điều 148: a period of days ends at the end of its last day; of weeks, on the
same weekday of its last week; of months, on the same-numbered day of its last
month, or that month's last day when it has no such day (31/01 + 1 month is
28/02, or 29/02 in a leap year); of years, likewise.  Working days skip
weekends and holidays (`ktcn.engine.working_days`).  Whether a last day that is a day
off then moves on is the deadline rule's business (`deadline_rule`), applied
after the count like to any other deadline.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ktcn.engine.working_days import WorkingCalendar
from ktcn.records.model import Task, Update


def count_from(anchor: date, within: tuple[int, str], calendar: WorkingCalendar) -> date:
    """The last day of a period of `within` (N, unit) counted from `anchor` (which is not counted)."""
    count, unit = within
    try:
        if unit == "wd":
            return calendar.add_working_days(anchor, count)
        if unit == "d":
            return anchor + timedelta(days=count)
        if unit == "w":
            return anchor + timedelta(weeks=count)
        return anchor + relativedelta(months=count if unit == "m" else 12 * count)
    except (OverflowError, ValueError):  # counted past the year 9999: no day a person will reach
        return date.max


def done_day(task_id: str, tasks: Sequence[Task], as_of: date) -> date | None:
    """The day the programme's task `task_id` was done, as known on `as_of`; None while it is not done."""
    task = next((t for t in tasks if t.id == task_id), None)
    if task is None:
        return None
    return _first_of_last_done(sorted((u for u in task.updates if u.date <= as_of and u.status),
                                      key=lambda u: u.date))


def _first_of_last_done(updates: Sequence[Update]) -> date | None:
    """The first `done` of the final run of them: reopened work (in-progress after done) is not done."""
    found = None
    for update in updates:
        found = (found or update.date) if update.status == "done" else None
    return found
