"""From a schedule to its occurrences: windows with a deadline and a label.

Pure functions of (schedule, bounds).  Windows of `every` are aligned to the
calendar (records.md, "Schedules"): years start 1 January, quarters and half
years at their usual months, months on day 1, weeks on Monday; the first
window is the aligned one that contains `from`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import islice

from ktcn.records.dateish import DateIsh, month_end
from ktcn.records.diagnostics import Text
from ktcn.records.model import Programme, Schedule

MAX_OCCURRENCES = 5_000  # a weekly duty over 96 years; more means a runaway RRULE
CACHED_SCHEDULES = 2_048
_UNIT_MONTHS = {"y": 12, "q": 3, "m": 1}


@dataclass(frozen=True, slots=True)
class Window:
    """One occurrence of a schedule before any update is applied."""

    label: str
    start: date
    end: date
    deadline: date | None  # None for ongoing work


@dataclass(frozen=True, slots=True)
class Bounds:
    """Where a schedule may run when it does not say: the programme's period."""

    start: date | None
    end: date | None  # None: open-ended
    issued: date | None = None  # the programme's issue date: what `after: issued` counts from


def programme_bounds(programme: Programme) -> Bounds:
    """The default bounds of a programme's schedules: its period, else its issue date onward."""
    start = programme.period_from.start if programme.period_from else programme.issued
    end = programme.period_to.end if programme.period_to else None
    return Bounds(start, end, programme.issued)


# Bounded: hits come from tasks of one programme sharing a schedule (every 6m...), and a streaming
# validate must not keep every programme's windows (a national workspace has ~50,000 distinct ones).
@lru_cache(maxsize=CACHED_SCHEDULES)
def windows(schedule: Schedule, bounds: Bounds, horizon: date) -> tuple[Window, ...]:
    """The schedule's occurrences, in order; open-ended schedules stop at windows starting after `horizon`."""
    if schedule.form == "due":
        return (_due_window(schedule.due, bounds),)  # type: ignore[arg-type]
    if schedule.form == "within":
        return _counted_window(schedule, bounds)
    start = schedule.start.start if schedule.start else bounds.start
    if start is None:
        return ()
    until = schedule.until.end if schedule.until else bounds.end
    last = min(until, horizon) if until else horizon
    if schedule.form == "ongoing":
        found = _ongoing_windows(start, until, last)
    elif schedule.form == "every":
        found = _every_windows(schedule, start, until, last)
    else:
        found = _rrule_windows(schedule.rrule or "", start, until, last)
    return tuple(islice(found, MAX_OCCURRENCES))


def schedule_start(schedule: Schedule, bounds: Bounds) -> date | None:
    """The first day the schedule runs from, or None when nothing says."""
    if schedule.form == "due":
        return bounds.start or schedule.due.start  # type: ignore[union-attr]
    return schedule.start.start if schedule.start else bounds.start


def _counted_window(schedule: Schedule, bounds: Bounds) -> tuple[Window, ...]:
    """A deadline counted from a day: one window from that day, its deadline the day counted from.

    The count itself needs the working-day calendar, and a count from another
    task's completion the day it was done: `ktcn.engine.relative` makes the deadline.
    """
    if schedule.after_task:
        start = bounds.start or bounds.issued
        return (Window(f"sau-{schedule.after_task}", start, start, None),) if start else ()
    anchor = bounds.issued if schedule.after == "issued" else schedule.after
    if not isinstance(anchor, date):
        return ()
    start = min(bounds.start, anchor) if bounds.start else anchor
    return (Window(anchor.isoformat(), start, anchor, anchor),)


def _due_window(due: DateIsh, bounds: Bounds) -> Window:
    start = min(bounds.start, due.start) if bounds.start else due.start
    return Window(due.text, start, due.end, due.end)


def _ongoing_windows(start: date, until: date | None, last: date) -> Iterator[Window]:
    for year in range(start.year, last.year + 1):
        window_start = max(start, date(year, 1, 1))
        window_end = min(date(year, 12, 31), until) if until else date(year, 12, 31)
        if window_start <= window_end:
            yield Window(str(year), window_start, window_end, None)


def _every_windows(schedule: Schedule, start: date, until: date | None, last: date) -> Iterator[Window]:
    window_start = _first_window_start(schedule, start)
    while window_start <= last:
        next_start = _next_start(schedule, window_start)
        yield _every_window(schedule, window_start, next_start, until)
        window_start = next_start


def _every_window(schedule: Schedule, window_start: date, next_start: date, until: date | None) -> Window:
    natural_end = next_start - timedelta(days=1)
    window_end = min(natural_end, until) if until else natural_end
    deadline = _deadline(schedule, window_start, window_end)
    return Window(_label(schedule, window_start), window_start, window_end, deadline)


@lru_cache(maxsize=CACHED_SCHEDULES)
def edge_windows(schedule: Schedule, bounds: Bounds) -> tuple[Window, ...]:
    """The first and the last window of a schedule, found without walking the ones between.

    Deadlines only grow from one window to the next, so these two decide whether
    every deadline stays inside a period (the validator's question).  A schedule
    with no end has no last window.
    """
    start = schedule_start(schedule, bounds)
    if start is None or schedule.form in ("ongoing", "within"):
        return ()  # a counted deadline is known only with the calendar and the log: no period check
    if schedule.form == "due":
        return (_due_window(schedule.due, bounds),)  # type: ignore[arg-type]
    until = schedule.until.end if schedule.until else bounds.end
    if schedule.form == "rrule":
        return _rrule_edges(schedule.rrule or "", start, until)
    first_start = _first_window_start(schedule, start)
    if until is not None and until < first_start:
        return ()
    first = _every_window(schedule, first_start, _next_start(schedule, first_start), until)
    if until is None:
        return (first,)
    last_start = _window_start_holding(schedule, first_start, until)
    return first, _every_window(schedule, last_start, _next_start(schedule, last_start), until)


def _window_start_holding(schedule: Schedule, first_start: date, day: date) -> date:
    """The start of the window (on the grid that begins at `first_start`) that holds `day`."""
    if schedule.every_unit == "w":
        weeks = schedule.every_count
        return first_start + timedelta(weeks=weeks * ((day - first_start).days // (7 * weeks)))
    length = schedule.every_count * _UNIT_MONTHS[schedule.every_unit]
    months = (day.year - first_start.year) * 12 + day.month - first_start.month
    return _months_later(first_start, length * (months // length))


def _rrule_edges(rule: str, start: date, until: date | None) -> tuple[Window, ...]:
    from dateutil.rrule import rrulestr

    recurrence = rrulestr(rule.removeprefix("RRULE:"), dtstart=datetime.combine(start, datetime.min.time()))
    first = recurrence.after(datetime.combine(start, datetime.min.time()), inc=True)
    if first is None or (until and first.date() > until):
        return ()
    last = recurrence.before(datetime.combine(until, datetime.max.time()), inc=True) if until else None
    edges = [Window(first.date().isoformat(), start, first.date(), first.date())]
    if last is not None and last != first:
        edges.append(Window(last.date().isoformat(), last.date(), last.date(), last.date()))
    return tuple(edges)


def _next_start(schedule: Schedule, window_start: date) -> date:
    """The start of the window after the one that starts on `window_start` (a Monday, or a 1st of a month)."""
    if schedule.every_unit == "w":
        return window_start + timedelta(weeks=schedule.every_count)
    return _months_later(window_start, schedule.every_count * _UNIT_MONTHS[schedule.every_unit])


def _months_later(first_of_month: date, months: int) -> date:
    """The 1st of the month `months` after that of `first_of_month`, which is a 1st.

    What `relativedelta(months=...)` gives on a 1st (the same ValueError past
    the year 9999), without its hundred lines of Python: every window of every
    validated schedule steps through here.
    """
    years, month = divmod(first_of_month.month - 1 + months, 12)
    return date(first_of_month.year + years, month + 1, 1)


def _first_window_start(schedule: Schedule, start: date) -> date:
    """The aligned window containing `start`: a grid from 1 January (Monday for weeks)."""
    if schedule.every_unit == "w":
        return start - timedelta(days=start.weekday())
    length = schedule.every_count * _UNIT_MONTHS[schedule.every_unit]
    months_in = start.month - 1
    return _months_later(date(start.year, 1, 1), months_in - months_in % length)


def _label(schedule: Schedule, start: date) -> str:
    if schedule.every_unit == "w":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    length = schedule.every_count * _UNIT_MONTHS[schedule.every_unit]
    if length % 12 == 0:
        return str(start.year)
    if length == 6 and start.month in (1, 7):
        return f"{start.year}-H{1 if start.month == 1 else 2}"
    if length == 3 and start.month % 3 == 1:
        return f"{start.year}-Q{(start.month + 2) // 3}"
    return f"{start.year}-{start.month:02d}"


def _deadline(schedule: Schedule, window_start: date, window_end: date) -> date:
    """Last day of the window, or `day` in its first year (never past the window), then `offset`."""
    deadline = window_end
    if schedule.day:
        month, day = schedule.day
        deadline = min(date(window_start.year, month, min(day, month_end(window_start.year, month).day)),
                       window_end)
    return deadline + timedelta(days=schedule.offset_days)


def _rrule_windows(rule: str, start: date, until: date | None, last: date) -> Iterator[Window]:
    from dateutil.rrule import rrulestr

    recurrence = rrulestr(rule.removeprefix("RRULE:"), dtstart=datetime.combine(start, datetime.min.time()))
    window_start = start
    for instance in recurrence:
        day = instance.date()
        if day > last or (until and day > until):
            return
        yield Window(day.isoformat(), window_start, day, day)
        window_start = day + timedelta(days=1)


# Deadlines are days: a rule finer than a day (SECONDLY over two years is 63 million instances) has no use.
RRULE_FREQUENCIES = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")
RRULE_PARTS = frozenset({"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS",
                         "BYYEARDAY", "BYWEEKNO"})
MAX_RRULE_INTERVAL = 1000
# dateutil looks for a rule's next instance until the year 9999, period by period, however long it takes:
# a rule that never matches (30 February, daily) costs 10 s.  Probing from here bounds that to 40 years.
_PROBE_START = datetime(9960, 1, 1)


@lru_cache(maxsize=256)
def rrule_problem(rule: str) -> Text | None:
    """What makes an RRULE unusable as a schedule of deadlines, or None when it is fine."""
    from dateutil.rrule import rrulestr

    body = rule.strip().removeprefix("RRULE:")
    parts = rrule_parts(body)
    if parts.get("FREQ") not in RRULE_FREQUENCIES:
        return Text("FREQ must be YEARLY, MONTHLY, WEEKLY or DAILY (deadlines are days)",
                    "FREQ phải là YEARLY, MONTHLY, WEEKLY hoặc DAILY (thời hạn tính theo ngày)")
    unknown = sorted(set(parts) - RRULE_PARTS)
    if unknown:
        return Text(f"{', '.join(unknown)} has no use for deadlines, which are days",
                    f"{', '.join(unknown)} không dùng được: thời hạn tính theo ngày")
    interval = parts.get("INTERVAL", "1")
    if not (interval.isascii() and interval.isdigit() and 1 <= int(interval) <= MAX_RRULE_INTERVAL):
        return Text(f"INTERVAL must be a whole number 1..{MAX_RRULE_INTERVAL} (0 never moves on)",
                    f"INTERVAL phải là số nguyên 1..{MAX_RRULE_INTERVAL} (0 thì không bao giờ sang kỳ sau)")
    try:
        rrulestr(body, dtstart=datetime(2000, 1, 1))
        probe = ";".join(f"{k}={v}" for k, v in parts.items() if k not in ("COUNT", "UNTIL"))
        found = rrulestr(probe, dtstart=_PROBE_START).after(_PROBE_START, inc=True)
    except (ValueError, TypeError, AttributeError, IndexError, OverflowError) as error:
        return Text(str(error) or "cannot be read", str(error) or "không đọc được")
    if found is None:
        return Text("the rule never gives a date (none in 40 years)",
                    "quy tắc không cho ra ngày nào (không có ngày nào trong 40 năm)")
    return None


def rrule_parts(body: str) -> dict[str, str]:
    """An RRULE's parts by upper-case name (`FREQ` → `MONTHLY`), as written; no check."""
    parts: dict[str, str] = {}
    for piece in body.split(";"):
        name, _, value = piece.partition("=")
        parts[name.strip().upper()] = value.strip()
    return parts
