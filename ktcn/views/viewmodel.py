"""What the status views show, as plain data: the one view model behind the terminal, JSON, CSV and reports.

Building a view is a pure function of (workspace, selection, as-of day).
"""

from __future__ import annotations

import bisect
import difflib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ktcn.errors import UsageError

if TYPE_CHECKING:
    from ktcn.views.spool import Listed
from ktcn.engine.standing import Board, Rows, Standing, item_order
from ktcn.engine.status import (
    Counts,
    Occurrence,
    count,
    counted,
    due_between,
    programme_occurrences,
)
from ktcn.labels import Phrase
from ktcn.records.model import Programme, Task, Workspace


@dataclass(frozen=True)
class Selection:
    """Which programmes and agency a view covers: by default every active programme, every agency."""

    programmes: tuple[str, ...] = ()
    agency: str | None = None
    include_all: bool = False


@dataclass(frozen=True)
class ProgrammeSummary:
    """A programme and its counts by category."""

    programme: Programme
    counts: Counts


@dataclass(frozen=True)
class AgencySummary:
    """A lead agency and its counts by category."""

    agency: str
    counts: Counts

    @property
    def on_time_rate(self) -> float | None:
        """Done on time out of all occurrences due (done, or past their deadline)."""
        due = self.counts.due
        return self.counts.done_on_time / due if due else None


@dataclass(frozen=True)
class Scorecard:
    """Counts per lead agency on a day; `summed` adds the rows, `distinct` counts each occurrence once.

    An occurrence led jointly counts for each of its leads, so `summed` may
    exceed `distinct` (the dashboard's total); the view says so.
    """

    as_of: date
    rows: tuple[AgencySummary, ...]
    distinct: Counts

    @property
    def summed(self) -> Counts:
        return sum((r.counts for r in self.rows), Counts())

    @property
    def summed_rate(self) -> AgencySummary:
        """The rows' sum as one summary, for its on-time rate."""
        return AgencySummary("", self.summed)


@dataclass(frozen=True)
class StatusView:
    """The dashboard. `overdue` may hold only the latest items (see `Trimmer`); `totals.overdue` counts them all."""

    as_of: date
    programmes: tuple[ProgrammeSummary, ...]
    totals: Counts
    overdue: tuple[Occurrence, ...]
    due_soon: tuple[Occurrence, ...]
    due_soon_total: int  # `due_soon` may likewise hold only the first items
    hidden: tuple[str, ...]  # programmes left out because they are not active
    warn_days: int


Catalogue = Workspace | Board  # what knows the programmes and the agencies by id


def chosen_programmes(ws: Catalogue, selection: Selection) -> tuple[list[Programme], list[str]]:
    """The programmes a view covers, and the ids of those left out for not being active."""
    for wanted in selection.programmes:
        if ws.programme(wanted) is None:
            raise UsageError(Phrase("usage.no_programme", id=wanted), _close(wanted, [p.id for p in ws.programmes]))
    if selection.agency and ws.agency(selection.agency) is None:
        raise UsageError(Phrase("usage.no_agency", id=selection.agency),
                         _close(selection.agency, [a.id for a in ws.agencies]))
    chosen = [p for p in ws.programmes if chooses(selection, p)]
    hidden = [] if selection.programmes or selection.include_all else [p.id for p in ws.programmes
                                                                        if p.state != "active"]
    return chosen, hidden


def chooses(selection: Selection, programme: Programme) -> bool:
    """Named programmes if any, else all with --all, else the active ones."""
    if selection.programmes:
        return programme.id in selection.programmes
    return selection.include_all or programme.state == "active"


def _close(word: str, candidates: list[str]) -> Phrase | None:
    close = difflib.get_close_matches(word, candidates, n=1)
    return Phrase("usage.did_you_mean", choice=close[0]) if close else None


def selected_occurrences(ws: Workspace, selection: Selection, as_of: date,
                         horizon: date | None = None) -> list[tuple[Programme, tuple[Occurrence, ...]]]:
    """Occurrences per chosen programme, filtered to the selected lead agency."""
    programmes, _ = chosen_programmes(ws, selection)
    result = []
    for programme in programmes:
        found = programme_occurrences(programme, ws, as_of, horizon)
        if selection.agency:
            found = tuple(o for o in found if selection.agency in o.lead)
        result.append((programme, found))
    return result


class Trimmer:
    """What a view keeps of each standing as the loader reads it, so that memory does not grow with the workspace.

    Only the selected agency's part of a chosen programme; of its overdue
    occurrences only those that may be among the latest `overdue` of the whole
    workspace, and of the due-soon ones those that may be among the first
    `due_soon` (None: all; 0: none); the counts by lead agencies only when
    `by_lead` (the scorecard), else their sum.
    """

    def __init__(self, selection: Selection, overdue: int | None = None, due_soon: int | None = None,
                 by_lead: bool = True, spool: Spools | None = None) -> None:
        self.selection, self.overdue, self.by_lead, self.spool = selection, overdue, by_lead, spool
        self.rows: Rows | None = None  # the rows the view draws, made of each standing (`ktcn.engine.standing.Rows`)
        self._latest = _Leaders(overdue, latest=True)
        self._first = _Leaders(due_soon, latest=False)

    @property
    def latest_overdue(self) -> int | None:
        """How many of each programme's latest overdue items this needs before the agency is filtered."""
        return self.overdue if self.overdue == 0 or not self.selection.agency else None

    def __call__(self, found: Standing) -> Standing:
        if not chooses(self.selection, found.programme):
            return replace(found, counts=(), overdue=(), due_soon=(), due_soon_total=0, ahead=())
        agency = self.selection.agency
        counts = tuple((lead, c) for lead, c in found.counts if _led(agency, lead))
        if not self.by_lead:  # one total: a national workspace has some thirty thousand lead tuples
            counts = (((agency,) if agency else (), sum((c for _, c in counts), Counts())),)
        soon = [o for o in found.due_soon if _led(agency, o.lead)]
        overdue = tuple(o for o in found.overdue if _led(agency, o.lead) and self._latest.admit(o))
        due_soon = tuple(o for o in soon if self._first.admit(o))
        if self.spool is not None:  # set aside on disk: the view lists them from there
            self.spool.overdue.extend(overdue)
            self.spool.due_soon.extend(due_soon)
            overdue, due_soon = (), ()
        return replace(found, counts=counts, overdue=overdue, due_soon=due_soon, due_soon_total=len(soon))


class Spools:
    """Where a `Trimmer` sets aside every overdue and due-soon occurrence it keeps (`ktcn.views.spool`), for the
    JSON lists: held in memory, a national workspace's took half a gigabyte."""

    def __init__(self) -> None:
        from ktcn.views.spool import Spool

        self.overdue, self.due_soon = Spool(), Spool()


class _Leaders:
    """Admits an occurrence while it is among the `n` latest (or first) seen so far, in item order; so each of
    the final `n` is admitted.  Among equals, as in a stable sort, the later one counts as the later."""

    def __init__(self, n: int | None, latest: bool) -> None:
        self.n, self.latest = n, latest
        self._kept: list[tuple[date, str, str]] = []  # ascending

    def admit(self, occurrence: Occurrence) -> bool:
        if self.n is None:
            return True
        key = item_order(occurrence)
        if len(self._kept) >= self.n:
            if self.n == 0 or (key < self._kept[0] if self.latest else key >= self._kept[-1]):
                return False
            self._kept.pop(0 if self.latest else -1)
        bisect.insort(self._kept, key)
        return True


def _led(agency: str | None, lead: tuple[str, ...]) -> bool:
    """Whether occurrences with these lead agencies are in a view of `agency` (None: of every agency)."""
    return agency is None or agency in lead


def _chosen_standings(board: Board, selection: Selection) -> tuple[list[Standing], list[str]]:
    _, hidden = chosen_programmes(board, selection)  # checks the ids it names
    return [s for s in board.standings if chooses(selection, s.programme)], hidden


def status_view(board: Board, selection: Selection) -> StatusView:
    """The dashboard: counts per programme and in total, what is overdue and what is due soon."""
    standings, hidden = _chosen_standings(board, selection)
    agency = selection.agency
    summaries = [ProgrammeSummary(s.programme, s.counts_for(agency)) for s in standings]
    overdue = (o for s in standings for o in s.overdue if _led(agency, o.lead))
    due_soon = (o for s in standings for o in s.due_soon if _led(agency, o.lead))
    totals = sum((s.counts for s in summaries), Counts())
    return StatusView(board.as_of, tuple(summaries), totals, tuple(sorted(overdue, key=item_order)),
                      tuple(sorted(due_soon, key=item_order)), sum(_due_soon_count(s, agency) for s in standings),
                      tuple(hidden), board.settings.warn_days)


def _due_soon_count(found: Standing, agency: str | None) -> int:
    """A whole list is counted for the agency; a cut one was cut for it (`Trimmer`), with its total kept."""
    if len(found.due_soon) < found.due_soon_total:
        return found.due_soon_total
    return sum(_led(agency, o.lead) for o in found.due_soon)


def agency_scorecard(board: Board, selection: Selection) -> Scorecard:
    """Counts per lead agency (after succession), in Vietnamese alphabetical order of their names.

    An occurrence led jointly counts for each lead; `distinct` counts it once.
    """
    from ktcn.views.collation import sort_key

    per_agency: dict[str, Counts] = defaultdict(Counts)
    distinct = Counts()
    for found in _chosen_standings(board, selection)[0]:
        for lead, counts in found.counts:
            if _led(selection.agency, lead):
                distinct += counts
            for agency in lead:
                if selection.agency in (None, agency):
                    per_agency[agency] += counts

    def name(agency_id: str) -> str:
        agency = board.agency(agency_id)
        return agency.label if agency else agency_id

    order = sorted(per_agency, key=lambda a: (sort_key(name(a)), a))
    return Scorecard(board.as_of, tuple(AgencySummary(a, per_agency[a]) for a in order), distinct)


def overdue_items(board: Board, selection: Selection) -> tuple[Occurrence, ...]:
    """Every overdue occurrence, by deadline, then programme, then task."""
    items = (o for s in _chosen_standings(board, selection)[0] for o in s.overdue if _led(selection.agency, o.lead))
    return tuple(sorted(items, key=item_order))


def upcoming_items(ws: Workspace, selection: Selection, as_of: date, days: int) -> tuple[Occurrence, ...]:
    """Occurrences not done nor stopped whose deadline falls in the next `days` days, soonest first."""
    until = as_of + timedelta(days=days)
    found = selected_occurrences(ws, selection, as_of, horizon=until)
    items = (o for _, occurrences in found for o in occurrences if due_between(o, as_of, until))
    return tuple(sorted(items, key=item_order))


def upcoming_from_board(board: Board, selection: Selection, days: int) -> tuple[Occurrence, ...]:
    """`upcoming_items` from the programmes' standings, for `days` up to the board's warn_days (see
    `Standing.upcoming`): a warm run reads only what the cache holds for the status views."""
    standings, _ = _chosen_standings(board, selection)
    items = (o for s in standings for o in s.upcoming(board.as_of, days) if _led(selection.agency, o.lead))
    return tuple(sorted(items, key=item_order))


def find_task(ws: Workspace, reference: str) -> tuple[Programme, Task | None]:
    """`prog-id` or `prog-id/task-id`; an unknown one is a usage error with a did-you-mean."""
    programme_id, _, task_id = reference.partition("/")
    programme = ws.programme(programme_id)
    if programme is None:
        raise UsageError(Phrase("usage.no_programme", id=programme_id),
                         _close(programme_id, [p.id for p in ws.programmes]))
    if not task_id:
        return programme, None
    task = next((t for t in programme.tasks if t.id == task_id), None)
    if task is None:
        raise UsageError(Phrase("usage.no_task", id=task_id, programme=programme_id),
                         _close(task_id, [t.id for t in programme.tasks]))
    return programme, task


def last_note(occurrence: Occurrence) -> str:
    """The latest note among the occurrence's own updates ("" when none has one)."""
    notes = [u.note for u in occurrence.updates if u.note]
    return notes[-1] if notes else ""


# --- JSON (cli.md, "JSON output"): stable field names, ISO dates -----------------------------


def item_json(occurrence: Occurrence | Listed, as_of: date, days_field: str, lang: str = "en") -> dict[str, Any]:
    """An overdue or upcoming item (an occurrence, or its row set aside in a `ktcn.views.spool.Spool`);
    `occurrence` is the machine label, `occurrence_words` says it in `lang`."""
    from ktcn.views.describe import occurrence_words
    from ktcn.views.spool import Listed, listed

    row = occurrence if isinstance(occurrence, Listed) else listed(occurrence)
    deadline = row.deadline
    days = (as_of - deadline).days if days_field == "days_late" else (deadline - as_of).days  # type: ignore[operator]
    return {
        "programme": row.programme,
        "task": row.task_id,
        "title": row.title,
        "occurrence": row.label,
        "occurrence_words": occurrence_words(row, lang),
        "deadline": _iso(deadline),
        days_field: days,
        "lead": list(row.lead),
        "status": row.status,
        "last_note": row.last_note,
        **moved_json(row),
    }


def status_json(view: StatusView, lang: str = "en", spools: Spools | None = None) -> dict[str, Any]:
    """The dashboard as JSON; with `spools` (what the load's `Trimmer` set aside), its lists are `Streamed`
    (`ktcn.views.jsonstream`): each item is made as it is written."""
    from ktcn.views.jsonstream import Streamed

    def items(found: Iterable[Occurrence | Listed], days_field: str) -> Iterator[dict[str, Any]]:
        return (item_json(o, view.as_of, days_field, lang) for o in found)

    return {
        "as_of": view.as_of.isoformat(),
        "programmes": [{"id": s.programme.id, "title": s.programme.title, "number": s.programme.number,
                        "counts": s.counts.as_dict()} for s in view.programmes],
        "totals": view.totals.as_dict(),
        "overdue": Streamed(items(spools.overdue, "days_late")) if spools else list(items(view.overdue, "days_late")),
        "due_soon": (Streamed(items(spools.due_soon, "days_left")) if spools
                     else list(items(view.due_soon, "days_left"))),
    }


def scorecard_json(card: Scorecard) -> dict[str, Any]:
    """The scorecard; `summed` adds the rows (a joint task counts for each lead), `distinct` counts it once."""
    return {
        "as_of": card.as_of.isoformat(),
        "agencies": [{"id": r.agency, "counts": r.counts.as_dict(), "due": r.counts.due,
                      "on_time_rate": None if r.on_time_rate is None else round(r.on_time_rate, 4)} for r in card.rows],
        "summed": card.summed.as_dict(),
        "distinct": card.distinct.as_dict(),
    }


def occurrence_json(occurrence: Occurrence, lang: str = "en") -> dict[str, Any]:
    """An occurrence; `label` is the machine's, `label_words` the period in words in `lang`."""
    from ktcn.views.describe import occurrence_words

    return {
        "label": occurrence.label,
        "label_words": occurrence_words(occurrence, lang),
        "window_start": occurrence.window_start.isoformat(),
        "window_end": occurrence.window_end.isoformat(),
        "deadline": _iso(occurrence.deadline),
        "original_deadline": _iso(occurrence.original_deadline),
        "status": occurrence.status,
        "extended": occurrence.extended,
        "due_soon": occurrence.due_soon,
        "done_on": _iso(occurrence.done_on),
        "lead": list(occurrence.lead),
        "updates": [update_json(u) for u in occurrence.updates],
        **moved_json(occurrence),
    }


def moved_json(occurrence: Occurrence | Listed) -> dict[str, str]:
    """`deadline_written` where the deadline rule moved the deadline off a day off; `waiting_on` (`prog/task`)
    while a counted deadline waits for another task to be done.

    Absent otherwise, so the output of every other workspace stays as it was.
    """
    found = {"deadline_written": occurrence.moved_from.isoformat()} if occurrence.moved_from else {}
    return found | ({"waiting_on": occurrence.waiting_on} if occurrence.waiting_on else {})


def update_json(update: Any) -> dict[str, Any]:
    return {
        "date": update.date.isoformat(),
        "status": update.status,
        "progress": update.progress,
        "note": update.note,
        "evidence": list(update.evidence),
        "by": update.by,
        "period": update.period.text if update.period else None,
        "extend_to": update.extend_to.text if update.extend_to else None,
    }


def task_json(task: Task, occurrences: tuple[Occurrence, ...], schedule_words: str, lang: str = "en") -> dict[str, Any]:
    return {
        "programme": task.programme,
        "id": task.id,
        "kind": task.kind,
        "title": task.title,
        "lead": list(task.lead),
        "support": list(task.support),
        "to": list(task.to),
        "schedule": schedule_words,
        "schedule_text": task.schedule_text,
        "occurrences": [occurrence_json(o, lang) for o in occurrences],
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def programme_json(programme: Programme, occurrences: tuple[Occurrence, ...], as_of: date,
                   lang: str) -> dict[str, Any]:
    """A programme's fields, its counts on `as_of`, and each task with its occurrences."""
    from ktcn.views.describe import describe_schedule

    by_task: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_task[occurrence.task.id].append(occurrence)
    return {
        "id": programme.id,
        "number": programme.number,
        "type": programme.type,
        "title": programme.title,
        "issued": _iso(programme.issued),
        "period": {"from": programme.period_from.text if programme.period_from else None,
                   "to": programme.period_to.text if programme.period_to else None},
        "state": programme.state,
        "issuers": list(programme.issuers),
        "counts": count(counted(occurrences, as_of)).as_dict(),
        "tasks": [task_json(t, tuple(by_task[t.id]), describe_schedule(t.schedule, lang), lang)
                  for t in programme.tasks],
    }
