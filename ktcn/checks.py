"""The checks that need more than one field: ids, references, schedules against periods, the log.

Each check is a plain function `(workspace, today) -> diagnostics`, registered in
`CHECKS`.  Checks that concern a single value (types, dates, slugs) happen while
reading, in `ktcn.convert`.  A check names the key path it objects to; the loader
turns that into line and column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta

from ktcn.convert import did_you_mean
from ktcn.diagnostics import Diagnostic, Text, diag
from ktcn.model import Agency, Programme, Span, Task, Workspace
from ktcn.schedule import (
    MAX_OCCURRENCES,
    Bounds,
    Window,
    edge_windows,
    programme_bounds,
    schedule_start,
    windows,
)
from ktcn.schema import TYPE_CODES

Check = Callable[[Workspace, date], Iterable[Diagnostic]]


def at(code: str, span: Span | None, *path: str | int, **args: object) -> Diagnostic:
    """A diagnostic at `path` below a record; line and column are resolved by the loader."""
    assert span is not None
    return diag(code, span.path, keypath=(*span.keypath, *path), **args)


def _where(span: Span | None) -> str:
    return f"{span.path}:{span.line}" if span else "?"


def unique_programme_ids(ws: Workspace, today: date) -> Iterator[Diagnostic]:
    """Reported in every file that uses the id, so that checking only the changed file still catches it."""
    by_id: dict[str, list[Programme]] = {}
    for programme in ws.programmes:
        by_id.setdefault(programme.id, []).append(programme)
    for programme_id, same in by_id.items():
        for programme in same[1:] if len(same) > 1 else ():
            yield at("KTCN201", programme.span, "id", id=programme_id, first=_where(same[0].span))
        if len(same) > 1:
            yield at("KTCN201", same[0].span, "id", id=programme_id, first=_where(same[1].span))


def unique_task_ids(ws: Workspace, today: date) -> Iterator[Diagnostic]:
    for programme in ws.programmes:
        first: dict[str, Task] = {}
        for task in programme.tasks:
            if task.id in first:
                yield at("KTCN201", task.span, "id", id=task.id, first=_where(first[task.id].span))
            else:
                first[task.id] = task


def unique_agency_ids(ws: Workspace, today: date) -> Iterator[Diagnostic]:
    first: dict[str, Agency] = {}
    for agency in ws.agencies:
        if agency.id in first:
            yield at("KTCN201", agency.span, "id", id=agency.id, first=_where(first[agency.id].span))
        else:
            first[agency.id] = agency


def agency_references(ws: Workspace, today: date) -> Iterator[Diagnostic]:
    """Every agency id named anywhere must be in agencies.yaml."""
    known = ws.agency_index
    suggest = _agency_suggester(ws.agencies)
    for span, path, agency_id in _agency_refs(ws):
        if agency_id not in known:
            yield at("KTCN202", span, *path, id=agency_id, suggestion=suggest(agency_id))


def _agency_refs(ws: Workspace) -> Iterator[tuple[Span | None, tuple[str | int, ...], str]]:
    settings = ws.settings
    if settings.owner:
        yield settings.span, ("owner",), settings.owner
    if settings.signer and settings.signer.agency:
        yield settings.span, ("signer", "agency"), settings.signer.agency
    for agency in ws.agencies:
        if agency.succeeded_by:
            yield agency.span, ("succeeded_by",), agency.succeeded_by
    for programme in ws.programmes:
        yield from ((programme.span, ("issuers", i), a) for i, a in enumerate(programme.issuers))
        for i, signer in enumerate(programme.signers):
            if signer.agency:
                yield programme.span, ("signers", i, "agency"), signer.agency
        for task in programme.tasks:
            for role in ("lead", "support", "to"):
                yield from ((task.span, (role, i), a) for i, a in enumerate(getattr(task, role)))
            yield from ((u.span, ("by",), u.by) for u in task.updates if u.by)


def _agency_suggester(agencies: tuple[Agency, ...]) -> Callable[[str], Text]:
    by_name = {_fold(name): a.id for a in agencies for name in (a.name, a.short or "", *a.aliases) if name}
    ids = [a.id for a in agencies]

    def suggest(wrong: str) -> Text:
        if _fold(wrong) in by_name:
            right = by_name[_fold(wrong)]
            return Text(f"'{wrong}' is a name of '{right}': use the id", f"'{wrong}' là tên của '{right}': dùng mã")
        return did_you_mean(wrong, ids) if ids else Text("add it to agencies.yaml", "thêm vào agencies.yaml")

    return suggest


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip()


def programme_references(ws: Workspace, today: date) -> Iterator[Diagnostic]:
    known = ws.programme_index
    for programme in ws.programmes:
        for i, target in enumerate(programme.implements):
            if target not in known:
                yield at("KTCN203", programme.span, "implements", i, id=target,
                         suggestion=did_you_mean(target, sorted(known)))


def schedules_fit_period(ws: Workspace, today: date) -> Iterator[Diagnostic]:
    """Schedules need a start; deadlines stay inside the programme period; `period:` names an occurrence."""
    for programme in ws.programmes:
        bounds = programme_bounds(programme)
        for task in programme.tasks:
            if schedule_start(task.schedule, bounds) is None:
                yield at("KTCN308", task.span, "schedule")
                continue
            yield from _outside_period(programme, task, edge_windows(task.schedule, bounds), bounds)
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
            yield at("KTCN501", task.span, "schedule", deadline=deadline.isoformat(), label=window.label,
                     period=period)
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


def update_log(ws: Workspace, today: date) -> Iterator[Diagnostic]:
    """The log runs oldest first, after the issue date, not in the future; done means 100%."""
    for programme in ws.programmes:
        for task in programme.tasks:
            previous = None
            for update in task.updates:
                if previous and update.date < previous:
                    yield at("KTCN502", update.span, "date", date=update.date, previous=previous)
                previous = update.date
                if programme.issued and update.date < programme.issued:
                    yield at("KTCN503", update.span, "date", date=update.date, issued=programme.issued)
                if update.date > today:
                    yield at("KTCN504", update.span, "date", date=update.date, today=today)
                if update.status == "done" and update.progress is not None and update.progress < 100:
                    yield at("KTCN505", update.span, "progress", progress=update.progress)


def assignments_after_until(ws: Workspace, today: date) -> Iterator[Diagnostic]:
    """A document issued, or an update made, after an agency ceased should name its successor."""
    ceased = {a.id: a for a in ws.agencies if a.until}
    if not ceased:
        return
    for programme in ws.programmes:
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


def number_matches_type(ws: Workspace, today: date) -> Iterator[Diagnostic]:
    """`958/CTr-SKHCN-LHH` must be a CTr; a CV's number carries no type code (`3645/UBND-KGVX`)."""
    for programme in ws.programmes:
        if not programme.number:
            continue
        match = _PARTY_NUMBER.match(programme.number) or _NUMBER_TYPE.match(programme.number)
        found = match.group(1) if match else None
        if found in TYPE_CODES and found != programme.type:
            yield at("KTCN508", programme.span, "number", number=programme.number, found=found,
                     type=programme.type)


CHECKS: tuple[Check, ...] = (
    unique_programme_ids,
    unique_task_ids,
    unique_agency_ids,
    agency_references,
    programme_references,
    schedules_fit_period,
    update_log,
    assignments_after_until,
    number_matches_type,
)


def run_checks(ws: Workspace, today: date) -> list[Diagnostic]:
    """Run every registered check."""
    return [d for check in CHECKS for d in check(ws, today)]
