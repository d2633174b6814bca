"""The checks that need more than one field: ids, references, schedules against periods, the log.

Checks are plain functions in two registries.  `PROGRAMME_CHECKS` look at one
programme with the settings and agencies around it (`Context`), so a loader can
check each programme as it reads it and let it go; `WORKSPACE_CHECKS` look at
the registry and at small summaries of every programme (ids, references).
Checks that concern a single value (types, dates, slugs) happen while reading,
in `ktcn.records.convert`.  A check names the key path it objects to; the loader turns
that into line and column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property

from ktcn.engine.schedule import (
    MAX_OCCURRENCES,
    Bounds,
    Window,
    edge_windows,
    programme_bounds,
    schedule_start,
    windows,
)
from ktcn.records.diagnostics import Diagnostic, Text, diag
from ktcn.records.model import Agency, Programme, Settings, Span, Task
from ktcn.views.describe import period_words


@dataclass(frozen=True)
class Context:
    """What a check may consult besides the programme: the settings, the agencies, the day."""

    settings: Settings
    agencies: tuple[Agency, ...]
    today: date

    @cached_property
    def agency_index(self) -> dict[str, Agency]:
        return {a.id: a for a in self.agencies}

    @cached_property
    def ceased(self) -> dict[str, Agency]:
        return {a.id: a for a in self.agencies if a.until}

    @cached_property
    def suggest_agency(self) -> Callable[[str], Text]:
        return _agency_suggester(self.agencies)


@dataclass(frozen=True)
class Summary:
    """What the workspace checks need of a programme, so that the programme itself need not be kept."""

    id: str
    span: Span | None
    implements: tuple[str, ...]


ProgrammeCheck = Callable[[Context, Programme], Iterable[Diagnostic]]
WorkspaceCheck = Callable[[Context, Sequence[Summary]], Iterable[Diagnostic]]


def at(code: str, span: Span | None, *path: str | int, **args: object) -> Diagnostic:
    """A diagnostic at `path` below a record; line and column are resolved by the loader."""
    assert span is not None
    return diag(code, span.path, keypath=(*span.keypath, *path), **args)


def _where(span: Span | None) -> str:
    return f"{span.path}:{span.line}" if span else "?"


def unique_programme_ids(ctx: Context, summaries: Sequence[Summary]) -> Iterator[Diagnostic]:
    """Reported in every file that uses the id, so that checking only the changed file still catches it."""
    by_id: dict[str, list[Summary]] = {}
    for programme in summaries:
        by_id.setdefault(programme.id, []).append(programme)
    for programme_id, same in by_id.items():
        for programme in same[1:] if len(same) > 1 else ():
            yield at("KTCN201", programme.span, "id", id=programme_id, first=_where(same[0].span))
        if len(same) > 1:
            yield at("KTCN201", same[0].span, "id", id=programme_id, first=_where(same[1].span))


def unique_task_ids(ctx: Context, programme: Programme) -> Iterator[Diagnostic]:
    return _repeated_ids(programme.tasks)


def unique_agency_ids(ctx: Context, summaries: Sequence[Summary]) -> Iterator[Diagnostic]:
    return _repeated_ids(ctx.agencies)


def _repeated_ids(records: Iterable[Task | Agency]) -> Iterator[Diagnostic]:
    """Each later use of an id, naming where it was first used."""
    first: dict[str, Task | Agency] = {}
    for record in records:
        if record.id in first:
            yield at("KTCN201", record.span, "id", id=record.id, first=_where(first[record.id].span))
        else:
            first[record.id] = record


Reference = tuple[Span | None, tuple[str | int, ...], str]


def registry_agency_references(ctx: Context, summaries: Sequence[Summary]) -> Iterator[Diagnostic]:
    """The agencies ktcn.yaml and agencies.yaml name must exist."""
    return _unknown_agencies(ctx, _registry_refs(ctx))


def programme_agency_references(ctx: Context, programme: Programme) -> Iterator[Diagnostic]:
    """Every agency a programme names must be in agencies.yaml."""
    return _unknown_agencies(ctx, _programme_refs(programme))


def _unknown_agencies(ctx: Context, references: Iterable[Reference]) -> Iterator[Diagnostic]:
    known = ctx.agency_index
    for span, path, agency_id in references:
        if agency_id not in known:
            yield at("KTCN202", span, *path, id=agency_id, suggestion=ctx.suggest_agency(agency_id))


def _registry_refs(ctx: Context) -> Iterator[Reference]:
    settings = ctx.settings
    if settings.owner:
        yield settings.span, ("owner",), settings.owner
    if settings.signer and settings.signer.agency:
        yield settings.span, ("signer", "agency"), settings.signer.agency
    for agency in ctx.agencies:
        if agency.succeeded_by:
            yield agency.span, ("succeeded_by",), agency.succeeded_by
        if agency.parent:
            yield agency.span, ("parent",), agency.parent


def _programme_refs(programme: Programme) -> Iterator[Reference]:
    yield from ((programme.span, ("issuers", i), a) for i, a in enumerate(programme.issuers))
    for i, signer in enumerate(programme.signers):
        if signer.agency:
            yield programme.span, ("signers", i, "agency"), signer.agency
    for task in programme.tasks:
        for role in ("lead", "support", "to"):
            yield from ((task.span, (role, i), a) for i, a in enumerate(getattr(task, role)))
        yield from ((u.span, ("by",), u.by) for u in task.updates if u.by)


def _agency_suggester(agencies: tuple[Agency, ...]) -> Callable[[str], Text]:
    from ktcn.records.convert import Suggester  # here: a warm view's workspace checks parse nothing, import no YAML

    by_name = {_fold(name): a.id for a in agencies for name in (a.name, a.short or "", *a.aliases) if name}
    ids = [a.id for a in agencies]
    closest = Suggester(ids)

    def suggest(wrong: str) -> Text:
        if _fold(wrong) in by_name:
            right = by_name[_fold(wrong)]
            return Text(f"'{wrong}' is a name of '{right}': use the id", f"'{wrong}' là tên của '{right}': dùng mã")
        return closest(wrong) if ids else Text("add it to agencies.yaml", "thêm vào agencies.yaml")

    return suggest


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip()


def programme_references(ctx: Context, summaries: Sequence[Summary]) -> Iterator[Diagnostic]:
    known = {s.id for s in summaries}
    suggest = None  # made at the first unknown name: a national workspace has thousands of ids to sort and index
    for programme in summaries:
        for i, target in enumerate(programme.implements):
            if target not in known:
                if suggest is None:
                    from ktcn.records.convert import Suggester

                    suggest = Suggester(sorted(known))
                yield at("KTCN203", programme.span, "implements", i, id=target, suggestion=suggest(target))


def schedules_fit_period(ctx: Context, programme: Programme) -> Iterator[Diagnostic]:
    """Schedules need a start; deadlines stay inside the programme period; `period:` names an occurrence."""
    bounds = programme_bounds(programme)
    today = ctx.today
    for task in programme.tasks:
        if schedule_start(task.schedule, bounds) is None:
            yield at("KTCN308", task.span, "schedule")
            continue
        edges = edge_windows(task.schedule, bounds)
        if not edges and task.schedule.form in ("every", "rrule"):
            period = f"{programme.period_from or bounds.start or ''}..{programme.period_to or ''}"
            yield at("KTCN309", task.span, "schedule", period=period)
            continue
        yield from _outside_period(programme, task, edges, bounds)
        if any(u.period for u in task.updates):  # only then are all the labels needed
            latest = max(u.date for u in task.updates)
            horizon = max(today, latest, bounds.start or today) + timedelta(days=366)
            yield from _unknown_periods(task, windows(task.schedule, bounds, horizon))


def _outside_period(programme: Programme, task: Task, found: tuple[Window, ...],
                    bounds: Bounds) -> Iterator[Diagnostic]:
    if bounds.start is None or not programme.period_from:
        return
    for window in found:
        deadline = window.deadline
        if deadline and (deadline < bounds.start or (bounds.end and deadline > bounds.end)):
            period = f"{programme.period_from}..{programme.period_to or ''}"
            words = Text(*(period_words(window.label, window.start, window.end, lang) for lang in ("en", "vi")))
            yield at("KTCN501", task.span, "schedule", deadline=deadline, label=words, period=period)
            return  # one warning per task is enough to send the reader to its schedule


def _unknown_periods(task: Task, found: tuple[Window, ...]) -> Iterator[Diagnostic]:
    if len(found) >= MAX_OCCURRENCES:
        return
    labels = {w.label for w in found}
    if task.schedule.form == "due" and found:
        labels.add(found[0].deadline.isoformat())
    for update in task.updates:
        if update.period and update.period.text not in labels:
            shown = ", ".join(w.label for w in found[:6]) + (", ..." if len(found) > 6 else "")
            yield at("KTCN307", update.span, "period", value=update.period.text, choices=shown or "-")


def update_log(ctx: Context, programme: Programme) -> Iterator[Diagnostic]:
    """The log runs oldest first, after the issue date, not in the future; done means 100%."""
    for task in programme.tasks:
        previous = None
        for update in task.updates:
            if previous and update.date < previous:
                yield at("KTCN502", update.span, "date", date=update.date, previous=previous)
            previous = update.date
            if programme.issued and update.date < programme.issued:
                yield at("KTCN503", update.span, "date", date=update.date, issued=programme.issued)
            if update.date > ctx.today:
                yield at("KTCN504", update.span, "date", date=update.date, today=ctx.today)
            if update.status == "done" and update.progress is not None and update.progress < 100:
                yield at("KTCN505", update.span, "progress", progress=update.progress)


def assignments_after_until(ctx: Context, programme: Programme) -> Iterator[Diagnostic]:
    """A document issued, or an update made, after an agency ceased should name its successor."""
    ceased = ctx.ceased
    if not ceased:
        return
    if programme.issued:
        for task in programme.tasks:
            for role in ("lead", "support", "to"):
                for i, agency_id in enumerate(getattr(task, role)):
                    agency = ceased.get(agency_id)
                    if agency and programme.issued > agency.until:  # type: ignore[operator]
                        yield _ceased(task.span, (role, i), agency)
    for task in programme.tasks:
        for update in task.updates:
            agency = ceased.get(update.by or "")
            if agency and update.date > agency.until:  # type: ignore[operator]
                yield _ceased(update.span, ("by",), agency)


def _ceased(span: Span | None, path: tuple[str | int, ...], agency: Agency) -> Diagnostic:
    successor = f"; successor: {agency.succeeded_by}" if agency.succeeded_by else ""
    successor_vi = f"; cơ quan kế nhiệm: {agency.succeeded_by}" if agency.succeeded_by else ""
    return at("KTCN506", span, *path, id=agency.id, until=agency.until, successor=Text(successor, successor_vi))


_NUMBER_TYPE = re.compile(r"^[^/]*/\s*([^-/\s]+)")
_PARTY_NUMBER = re.compile(r"^\s*\d+\s*-\s*([^/\s]+)\s*/")


def number_matches_type(ctx: Context, programme: Programme) -> Iterator[Diagnostic]:
    """`958/CTr-SKHCN-LHH` must be a CTr; a CV's number carries no type code (`3645/UBND-KGVX`)."""
    from ktcn.records.schema import TYPE_CODES

    if not programme.number:
        return
    match = _PARTY_NUMBER.match(programme.number) or _NUMBER_TYPE.match(programme.number)
    found = match.group(1) if match else None
    if found in TYPE_CODES and found != programme.type:
        yield at("KTCN508", programme.span, "number", number=programme.number, found=found, type=programme.type)


def calendar_days(ctx: Context, summaries: Sequence[Summary]) -> Iterator[Diagnostic]:
    """ktcn.yaml's `holidays:` and `working_days:`: each day once, in one list, and changing something."""
    from ktcn.engine.working_days import WorkingCalendar

    settings = ctx.settings
    if not settings.holidays and not settings.working_days:
        return  # the common case: nothing to check, and the holidays package stays unloaded
    seen: dict[date, tuple[str, Span | None]] = {}
    plain = WorkingCalendar(replace(settings, holidays=(), working_days=()))
    for name, notes in (("holidays", settings.holidays), ("working_days", settings.working_days)):
        for note in notes:
            if note.span is None:
                continue
            if note.day in seen:
                first_list, first_span = seen[note.day]
                yield diag("KTCN310", note.span.path, keypath=note.span.keypath, day=note.day, list=name,
                           first=f"'{first_list}', {_where(first_span)}")
                continue
            seen[note.day] = (name, note.span)
            if plain.is_working_day(note.day) == (name == "working_days"):
                yield diag("KTCN509", note.span.path, keypath=note.span.keypath, day=note.day, list=name,
                           weekday=Text(_weekday(note.day, "en"), _weekday(note.day, "vi")),
                           already=Text("a working day", "ngày làm việc") if name == "working_days"
                           else Text("a day off", "ngày nghỉ"))


def counted_deadlines(ctx: Context, programme: Programme) -> Iterator[Diagnostic]:
    """`after_task` names a task of the programme, tasks do not wait on each other in a ring, and a count of
    working days has holidays to skip."""
    ids = {t.id: t for t in programme.tasks}
    waits = {t.id: t.schedule.after_task for t in programme.tasks if t.schedule.after_task}
    for task in programme.tasks:
        schedule = task.schedule
        if schedule.after_task and schedule.after_task not in ids:
            from ktcn.records.convert import did_you_mean  # only here: a warm view's checks import no parser

            yield at("KTCN204", task.span, "schedule", "after_task", id=schedule.after_task,
                     suggestion=did_you_mean(schedule.after_task, list(ids)))
        elif schedule.after_task and _in_ring(task.id, waits):
            yield at("KTCN311", task.span, "schedule", "after_task", id=task.id,
                     ring=" → ".join(_ring(task.id, waits)))
        if schedule.within and schedule.within[1] == "wd" and ctx.settings.public_holidays == "none" \
                and not ctx.settings.holidays:
            yield at("KTCN312", task.span, "schedule", "within", value=f"{schedule.within[0]}wd")


def _ring(start: str, waits: dict[str, str]) -> list[str]:
    """The tasks `start` waits on, in turn, until one waits on nothing or a task comes back."""
    path = [start]
    while (following := waits.get(path[-1])) is not None and following not in path:
        path.append(following)
    return [*path, following] if following is not None else path


def _in_ring(start: str, waits: dict[str, str]) -> bool:
    return _ring(start, waits)[-1] == start and len(_ring(start, waits)) > 1


def _weekday(day: date, lang: str) -> str:
    from ktcn.labels import weekday_text

    return weekday_text(day, lang, long=True)


PROGRAMME_CHECKS: tuple[ProgrammeCheck, ...] = (
    unique_task_ids,
    programme_agency_references,
    schedules_fit_period,
    update_log,
    assignments_after_until,
    number_matches_type,
    counted_deadlines,
)
WORKSPACE_CHECKS: tuple[WorkspaceCheck, ...] = (
    unique_programme_ids,
    unique_agency_ids,
    registry_agency_references,
    programme_references,
    calendar_days,
)


def summary(programme: Programme) -> Summary:
    return Summary(programme.id, programme.span, programme.implements)


def check_programme(ctx: Context, programme: Programme) -> list[Diagnostic]:
    """Every programme check on one programme."""
    return [d for check in PROGRAMME_CHECKS for d in check(ctx, programme)]


def findings_hold_until(ctx: Context, programme: Programme, findings: Sequence[Diagnostic]) -> date:
    """The first day after `ctx.today` on which the programme checks could find otherwise (`date.max`: never).

    Two checks read the day: an update dated after it (KTCN504, whose message
    names the day) and the periods an update may name, listed up to a year past
    the day (KTCN307: more are listed as the day moves on, so such a finding
    may go away and its list of choices grows).  Without either, the findings
    stay as they are.
    """
    if any(u.date > ctx.today for task in programme.tasks for u in task.updates):
        return ctx.today + timedelta(days=1)
    if any(f.code == "KTCN307" for f in findings):
        return ctx.today + timedelta(days=1)
    return date.max


def check_workspace(ctx: Context, summaries: Sequence[Summary]) -> list[Diagnostic]:
    """Every workspace check, on the registry and the programmes' summaries."""
    return [d for check in WORKSPACE_CHECKS for d in check(ctx, summaries)]
