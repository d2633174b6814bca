"""Where each programme stands on a day: the little the status views need of it, small enough to cache.

A standing holds a programme's counts by lead agencies, its overdue and
due-soon occurrences, and the days it holds for.  The status of an occurrence
depends on the day only through a few dates: an update's date (from then on
it is known), a window's start (counted, no longer upcoming), a deadline
(overdue the day after), the deadline less `warn_days` (due soon), New Year
(which year of ongoing work is counted) and the listing horizon (a window
a year ahead joins the list).  Between two such dates nothing changes, so a
standing computed on Monday serves the following days from the cache until
the next of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from ktcn.engine.schedule import programme_bounds
from ktcn.engine.status import (
    OVERDUE,
    SHOW_AHEAD,
    Counts,
    Occurrence,
    Shift,
    count,
    counted,
    due_between,
    task_occurrences,
)
from ktcn.records.diagnostics import Diagnostic
from ktcn.records.model import Agency, ById, Programme, Settings, Task, Workspace, pickled_by_arguments

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Standing:
    """One programme on the days `since` to `until` (excluded): the same on each of them."""

    __reduce__ = pickled_by_arguments

    programme: Programme  # its heading only (see `heading`): the views name it, they do not read it
    counts: tuple[tuple[tuple[str, ...], Counts], ...]  # counted occurrences by their lead agencies
    overdue: tuple[Occurrence, ...]  # in item order (deadline, programme, task)
    due_soon: tuple[Occurrence, ...]
    due_soon_total: int  # how many are due soon; a view's cut (views.Trimmer) keeps only the first few
    ahead: tuple[Occurrence, ...]  # still wanted, due within warn_days, yet not due soon (see `upcoming`)
    since: date = field(compare=False)  # the days it holds for, not what it says
    until: date = field(compare=False)

    def holds(self, day: date) -> bool:
        return self.since <= day < self.until

    def upcoming(self, day: date, days: int) -> tuple[Occurrence, ...]:
        """What `ktcn upcoming --days days` lists of this programme on `day` (one the standing holds on).

        Right for `days` up to the `warn_days` it was computed with: due-soon
        and `ahead` hold every occurrence still wanted whose deadline is that
        near, and none can come nearer before the standing stops holding
        (a deadline less warn_days is one of the days it ends on).  A window is
        listed once it begins by the last day, as `views.upcoming_items` reads
        them.
        """
        last = day + timedelta(days=days)
        return tuple(o for o in (*self.due_soon, *self.ahead)
                     if o.window_start <= last and due_between(o, day, last))

    def counts_for(self, agency: str | None = None) -> Counts:
        """The counts of the occurrences `agency` leads (all of them when None)."""
        return sum((c for lead, c in self.counts if agency is None or agency in lead), Counts())


def standing(programme: Programme, as_of: date, warn_days: int, agencies: Mapping[str, Agency],
             shift: Shift | None = None) -> Standing:
    """Where `programme` stands on `as_of`, and until when that holds (`shift`: the deadline rule's)."""
    bounds = programme_bounds(programme)
    found = ((task, task_occurrences(task, bounds, as_of, warn_days, agencies, shift=shift, tasks=programme.tasks))
             for task in programme.tasks)
    return standing_of(programme, found, as_of, warn_days)


def standing_of(programme: Programme, occurrences: Iterable[tuple[Task, Sequence[Occurrence]]], as_of: date,
                warn_days: int) -> Standing:
    """`standing` from each task's occurrences on `as_of`, already computed.

    The static site needs every occurrence for its pages as well: computing
    them is most of the cost, so they are computed once and counted here.
    """
    by_lead: dict[tuple[str, ...], list[Occurrence]] = {}
    overdue: list[Occurrence] = []
    due_soon: list[Occurrence] = []
    ahead: list[Occurrence] = []
    until = date.max
    for task, found in occurrences:
        until = min(until, _next_change(task, found, as_of, warn_days))
        included = counted(found, as_of)
        listed = None
        for occurrence in included:
            by_lead.setdefault(occurrence.lead, []).append(occurrence)
            if occurrence.status == OVERDUE or occurrence.due_soon:  # never both: due soon is still in progress
                listed = listed or _as_listed(task)
                (overdue if occurrence.status == OVERDUE else due_soon).append(replace(occurrence, task=listed))
        for occurrence in _ahead(found, included, as_of, warn_days):
            listed = listed or _as_listed(task)
            ahead.append(replace(occurrence, task=listed))
    counts = tuple((lead, count(found)) for lead, found in sorted(by_lead.items()))
    return Standing(heading(programme), counts, tuple(sorted(overdue, key=item_order)),
                    tuple(sorted(due_soon, key=item_order)), len(due_soon), tuple(sorted(ahead, key=item_order)),
                    as_of, until)


def _ahead(found: Sequence[Occurrence], included: Sequence[Occurrence], as_of: date,
           warn_days: int) -> Iterable[Occurrence]:
    """Occurrences still wanted and due within `warn_days` that are not due soon: windows not begun yet above all."""
    soon = {id(o) for o in included if o.due_soon}
    last = as_of + timedelta(days=warn_days)
    return (o for o in found if id(o) not in soon and due_between(o, as_of, last))


def heading(programme: Programme) -> Programme:
    """What the status views show of a programme: its id, type, number, title and state; nothing else."""
    return Programme(programme.id, programme.type, programme.title, programme.number, state=programme.state)


def item_order(occurrence: Occurrence) -> tuple[date, str, str]:
    """How lists of occurrences are sorted: by deadline, then programme, then task."""
    return (occurrence.deadline or date.max, occurrence.programme, occurrence.task.id)


def _as_listed(task: Task) -> Task:
    """What lists of occurrences show of a task; the rest (its whole log above all) would only weigh on the cache.

    An occurrence keeps its own updates.
    """
    return Task(task.id, task.title, task.lead, task.schedule, task.kind, programme=task.programme)


def _next_change(task: Task, found: Sequence[Occurrence], as_of: date, warn_days: int) -> date:
    """The first day after `as_of` on which any of the task's occurrences could read differently."""
    days = [u.date for u in task.updates]
    for occurrence in found:
        days.append(occurrence.window_start)
        if occurrence.deadline:
            days += (occurrence.deadline + ONE_DAY, occurrence.deadline - timedelta(days=warn_days))
    if task.schedule.form == "ongoing":
        days.append(date(as_of.year + 1, 1, 1) if as_of.year < date.max.year else date.max)
    # Windows are listed up to a year ahead; the next one (they are contiguous) joins the list that much earlier.
    days.append(found[-1].window_end + ONE_DAY - SHOW_AHEAD if found else as_of + ONE_DAY)
    return min((day for day in days if day > as_of), default=date.max)


@dataclass(frozen=True)
class Board(ById):
    """Every programme's standing on one day, with the registry and the diagnostics of the load."""

    root: Path
    as_of: date
    settings: Settings
    agencies: tuple[Agency, ...]
    standings: tuple[Standing, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    left_out: tuple[str, ...] = ()  # programme files that could not be read into a programme
    rows: tuple[Any, ...] = ()  # with a `Trim` that has `rows`: what they made of each standing, in the same order

    @cached_property
    def programmes(self) -> tuple[Programme, ...]:  # type: ignore[override]
        """The programmes' headings (see `heading`)."""
        return tuple(s.programme for s in self.standings)


class Trim(Protocol):
    """What a view keeps of each standing as the loader reads it; one with a `rows` attribute (`Rows`, or None)
    also has the loader make those rows of each standing, or take them from the cache (`Board.rows`)."""

    @property
    def latest_overdue(self) -> int | None:
        """Of each programme, how many of the latest overdue items the view needs (None: all)."""

    def __call__(self, found: Standing) -> Standing: ...


class Rows(Protocol):
    """What a view makes of each programme's overdue items (`Trim.rows`): plain data the cache keeps beside the
    standing (`ktcn.records.cache.Cache.rows`), so that a warm view reads them instead of the occurrences."""

    tag: str  # which view, in which words: the cache keeps one set of rows per tag; "" after `begin`: none wanted

    def begin(self, settings: Settings, agencies: tuple[Agency, ...]) -> None:
        """Learn what the rows' words depend on besides the standing (the language, the agencies' names)."""

    def make(self, found: Standing) -> Any:
        """The rows of a standing: text, numbers and tuples only."""


def rows_maker(trim: Trim | None, settings: Settings, agencies: tuple[Agency, ...]) -> Rows | None:
    """The trim's rows maker, begun for these settings and agencies; None when it has none or wants no rows."""
    maker: Rows | None = getattr(trim, "rows", None)
    if maker is None:
        return None
    maker.begin(settings, agencies)
    return maker if maker.tag else None


def board_of(ws: Workspace, as_of: date, trim: Trim | None = None) -> Board:
    """The board of a workspace already in memory."""
    from ktcn.engine.working_days import deadline_shift

    shift = deadline_shift(ws.settings)
    found = [standing(p, as_of, ws.settings.warn_days, ws.agency_index, shift) for p in ws.programmes]
    maker = rows_maker(trim, ws.settings, ws.agencies)
    rows = tuple(maker.make(s) for s in found) if maker is not None else ()
    return Board(ws.root, as_of, ws.settings, ws.agencies, tuple(map(trim, found) if trim else found),
                 ws.diagnostics, ws.left_out, rows)
