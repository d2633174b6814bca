"""The status of every occurrence on an as-of day (records.md, "Status of an occurrence").

Pure functions of (records, as-of day): updates dated after the day are
ignored, so the status on any past day can be reproduced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta

from ktcn.engine.schedule import Bounds, Window, programme_bounds, windows
from ktcn.records.model import Agency, Programme, Settings, Task, Update, Workspace, pickled_by_arguments

DONE_ON_TIME, DONE_LATE, IN_PROGRESS, OVERDUE = "done_on_time", "done_late", "in_progress", "overdue"
ONGOING, CANCELLED, UPCOMING = "ongoing", "cancelled", "upcoming"
STATUSES = (DONE_ON_TIME, DONE_LATE, IN_PROGRESS, OVERDUE, ONGOING, CANCELLED, UPCOMING)
SHOW_AHEAD = timedelta(days=366)  # open-ended schedules are listed this far past the as-of day
Shift = Callable[[date], date]  # a written deadline to the one in force (deadline_rule)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One window of a task with its status as of a day."""

    __reduce__ = pickled_by_arguments

    task: Task
    label: str
    window_start: date
    window_end: date
    deadline: date | None  # effective: the latest extension, else the schedule's
    original_deadline: date | None
    status: str
    extended: bool
    due_soon: bool
    done_on: date | None
    updates: tuple[Update, ...]
    lead: tuple[str, ...]  # after agency succession
    moved_from: date | None = None  # the deadline as written, when the deadline rule moved it off a day off
    waiting_on: str | None = None  # `prog/task` whose completion the deadline counts from, while it is not done

    @property
    def programme(self) -> str:
        return self.task.programme


@dataclass(frozen=True, slots=True)
class Counts:
    """Occurrences by category; `extended` overlaps the others."""

    __reduce__ = pickled_by_arguments

    done_on_time: int = 0
    done_late: int = 0
    in_progress: int = 0
    overdue: int = 0
    ongoing: int = 0
    cancelled: int = 0
    extended: int = 0

    @property
    def total(self) -> int:
        return self.done_on_time + self.done_late + self.in_progress + self.overdue + self.ongoing + self.cancelled

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @property
    def with_deadline(self) -> int:
        """The base of progress: occurrences with a deadline that are still wanted (not ongoing, not cancelled)."""
        return self.done + self.in_progress + self.overdue

    @property
    def due(self) -> int:
        """The base of on-time rates: occurrences done or past their deadline ('nhiệm vụ đến hạn')."""
        return self.done + self.overdue

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __add__(self, other: Counts) -> Counts:
        # by slots, not dataclasses.fields(): the status views add some thirty thousand of these
        return Counts(*[getattr(self, name) + getattr(other, name) for name in self.__slots__])


def task_occurrences(task: Task, bounds: Bounds, as_of: date, warn_days: int,
                     agencies: Mapping[str, Agency], horizon: date | None = None,
                     shift: Shift | None = None, tasks: Sequence[Task] = ()) -> tuple[Occurrence, ...]:
    """Every occurrence of `task` whose window starts by `horizon` (default: `default_horizon`).

    `shift` turns a written deadline into the one in force (`ktcn.engine.working_days.deadline_shift`);
    None keeps deadlines as written.  `tasks` are the programme's, for a deadline counted from the day
    one of them was done (`after_task`).
    """
    found = windows(task.schedule, bounds, horizon or default_horizon(bounds, as_of))
    if not found:
        return ()
    known = [u for u in task.updates if u.date <= as_of]
    buckets = attribute(known, found, ongoing=task.schedule.form == "ongoing")
    cancelled_from = _cancelled_from(known, buckets)
    return tuple(
        _occurrence(task, window, buckets[i], i >= cancelled_from, as_of, warn_days, agencies, shift, tasks)
        for i, window in enumerate(found)
    )


def default_horizon(bounds: Bounds, as_of: date) -> date:
    """How far ahead occurrences are listed: to the end of the programme, and at least a year past `as_of`."""
    ahead = as_of + SHOW_AHEAD
    return max(bounds.end, ahead) if bounds.end else ahead


def attribute(updates: Sequence[Update], found: Sequence[Window], ongoing: bool = False) -> list[list[Update]]:
    """Give each update to an occurrence: its `period`, else the earliest begun and not done, else its date's.

    Updates are taken in date order, so "not yet done" means not done by an
    earlier update; a late half-year report is thereby counted for its half.
    """
    buckets: list[list[Update]] = [[] for _ in found]
    closed = [False] * len(found)
    labels = {w.label: i for i, w in enumerate(found)}
    if len(found) == 1 and found[0].deadline:
        labels.setdefault(found[0].deadline.isoformat(), 0)  # a one-off task: its label or its date
    for update in sorted(updates, key=lambda u: u.date):
        i = labels.get(update.period.text) if update.period else None
        if i is None:
            i = _by_date(update.date, found) if ongoing else _earliest_open(update.date, found, closed)
        buckets[i].append(update)
        if update.status:
            closed[i] = update.status in ("done", "cancelled")
    return buckets


def _earliest_open(day: date, found: Sequence[Window], closed: Sequence[bool]) -> int:
    for i, window in enumerate(found):
        if window.start > day:
            break
        if not closed[i]:
            return i
    return _by_date(day, found)


def _by_date(day: date, found: Sequence[Window]) -> int:
    """The window holding `day`, else the last one begun by then, else the first."""
    for i, window in enumerate(found):
        if window.start <= day <= window.end:
            return i
    begun = [i for i, w in enumerate(found) if w.start <= day]
    return begun[-1] if begun else 0


def _cancelled_from(updates: Sequence[Update], buckets: Sequence[Sequence[Update]]) -> int:
    """A duty stopped by a last update `cancelled` without `period`: that occurrence and all after it."""
    with_status = sorted((u for u in updates if u.status), key=lambda u: u.date)
    if not with_status or with_status[-1].status != "cancelled" or with_status[-1].period:
        return len(buckets)
    last = with_status[-1]
    return next(i for i, bucket in enumerate(buckets) if any(u is last for u in bucket))


def _occurrence(task: Task, window: Window, updates: list[Update], stopped: bool, as_of: date,
                warn_days: int, agencies: Mapping[str, Agency], shift: Shift | None = None,
                tasks: Sequence[Task] = ()) -> Occurrence:
    scheduled, waiting = window.deadline, None
    if task.schedule.within:
        scheduled, waiting = _counted(task, window, as_of, shift, tasks)
    extensions = [u.extend_to for u in updates if u.extend_to]
    written = extensions[-1].end if extensions and scheduled else scheduled
    deadline = shift(written) if shift and written else written
    done_on = _done_on(updates)
    cancelled = stopped or _last_status(updates) == "cancelled"
    if waiting:  # its period has not begun: never overdue, done early if done
        status = CANCELLED if cancelled else DONE_ON_TIME if done_on else UPCOMING
    else:
        status = _status(window, deadline, done_on, cancelled, as_of)
    due_soon = status == IN_PROGRESS and deadline is not None and (deadline - as_of).days <= warn_days
    lead = _lead(task, deadline or window.end, agencies)
    return Occurrence(task, window.label, window.start, window.end, deadline, scheduled, status,
                      bool(extensions), due_soon, done_on, tuple(updates), lead,
                      written if written != deadline else None, waiting)


def _counted(task: Task, window: Window, as_of: date, shift: Shift | None,
             tasks: Sequence[Task]) -> tuple[date | None, str | None]:
    """A counted deadline (`within`), or None and the task it waits for while that is not done."""
    from ktcn.engine.relative import count_from, done_day
    from ktcn.engine.working_days import Deadlines, deadline_shift

    schedule = task.schedule
    deadlines = shift if isinstance(shift, Deadlines) else deadline_shift(Settings())
    if schedule.after_task:
        anchor = done_day(schedule.after_task, tasks, as_of)
        if anchor is None:
            return None, f"{task.programme}/{schedule.after_task}"
    else:  # a fixed day (the window's deadline holds it), or the end of each window of a recurring duty
        anchor = window.deadline if schedule.form == "within" else window.end  # type: ignore[assignment]
    return count_from(anchor, schedule.within, deadlines.calendar), None  # type: ignore[arg-type]


def _lead(task: Task, on: date, agencies: Mapping[str, Agency]) -> tuple[str, ...]:
    """The task's lead agencies on `on`, after mergers (most tasks name no merged agency: nothing to do)."""
    if not any((agency := agencies.get(a)) is not None and agency.until is not None for a in task.lead):
        return task.lead
    return tuple(dict.fromkeys(successor(a, on, agencies) for a in task.lead))


def _last_status(updates: Iterable[Update]) -> str | None:
    statuses = [u.status for u in updates if u.status]
    return statuses[-1] if statuses else None


def _done_on(updates: Sequence[Update]) -> date | None:
    """The day it was done: the first `done` of the final run of them (later ones only add evidence)."""
    done_on = None
    for update in updates:
        if update.status == "done":
            done_on = done_on or update.date
        elif update.status:
            done_on = None
    return done_on


def _status(window: Window, deadline: date | None, done_on: date | None, cancelled: bool, as_of: date) -> str:
    if cancelled:
        return CANCELLED
    if done_on and deadline:
        return DONE_ON_TIME if done_on <= deadline else DONE_LATE
    if window.start > as_of:
        return UPCOMING
    if deadline is None:
        return ONGOING
    return IN_PROGRESS if as_of <= deadline else OVERDUE


def successor(agency_id: str, on: date, agencies: Mapping[str, Agency]) -> str:
    """Who answers for `agency_id`'s work due on `on`: follow `succeeded_by` past each `until`."""
    agency = agencies.get(agency_id)
    if agency is None or agency.until is None or on <= agency.until:
        return agency_id  # the common case, asked hundreds of thousands of times on a national workspace
    seen = {agency_id}
    while agency and agency.until and agency.succeeded_by and on > agency.until:
        if agency.succeeded_by in seen:
            break  # a cycle in agencies.yaml; the validator reports what it can
        seen.add(agency.succeeded_by)
        agency_id = agency.succeeded_by
        agency = agencies.get(agency_id)
    return agency_id


def programme_occurrences(programme: Programme, ws: Workspace, as_of: date,
                          horizon: date | None = None) -> tuple[Occurrence, ...]:
    """The occurrences of every task of `programme`."""
    from ktcn.engine.working_days import deadline_shift

    bounds = programme_bounds(programme)
    warn_days, shift = ws.settings.warn_days, deadline_shift(ws.settings)
    return tuple(o for task in programme.tasks
                 for o in task_occurrences(task, bounds, as_of, warn_days, ws.agency_index, horizon, shift,
                                           programme.tasks))


def due_between(occurrence: Occurrence, start: date, until: date) -> bool:
    """Whether an occurrence still wanted (neither done nor stopped) has its deadline from `start` to `until`."""
    return bool(occurrence.deadline and start <= occurrence.deadline <= until
                and occurrence.status not in (DONE_ON_TIME, DONE_LATE, CANCELLED))


def counted(occurrences: Iterable[Occurrence], as_of: date) -> list[Occurrence]:
    """The occurrences that the counts include on `as_of`.

    Windows that begin after the day are not counted, whatever their status;
    ongoing work counts once, for the year of the as-of day, if it is active
    then (records.md).
    """
    year = str(as_of.year)
    return [o for o in occurrences
            if o.window_start <= as_of and (o.task.schedule.form != "ongoing" or o.label == year)]


def count(occurrences: Iterable[Occurrence]) -> Counts:
    """Counts by category of already-selected occurrences (see `counted`)."""
    tally = dict.fromkeys(STATUSES, 0)
    extended = 0
    for occurrence in occurrences:
        tally[occurrence.status] += 1
        extended += occurrence.extended
    tally.pop(UPCOMING)
    return Counts(**tally, extended=extended)
