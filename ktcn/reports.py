"""What a report holds (reports.md): the period, the occurrences in it, the counts, the next period's work.

The `Report` built here is the view model every report template sees; its
fields are documented in docs/reports.md.  Building it is a pure function of
(workspace, options).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ktcn.errors import UsageError
from ktcn.model import Agency, Programme, Signer, Task, Workspace
from ktcn.omissions import Omissions
from ktcn.schedule import programme_bounds
from ktcn.status import (
    CANCELLED,
    IN_PROGRESS,
    OVERDUE,
    UPCOMING,
    Counts,
    Occurrence,
    count,
    task_occurrences,
)
from ktcn.views import Selection, chosen_programmes


@dataclass(frozen=True)
class Period:
    """The days a report covers, and how to name them."""

    start: date
    end: date
    kind: str  # year | half | range | programme
    year: int = 0
    half: int = 0

    @property
    def next(self) -> Period:
        """The period after this one, for 'phương hướng' (next year, or next half)."""
        if self.kind == "half":
            return self._shifted(months=6, half=2 if self.half == 1 else 1, year=self.year + (self.half == 2))
        if self.kind == "year":
            return self._shifted(months=12, year=self.year + 1)
        length = self.end - self.start
        return Period(self.end + timedelta(days=1), self.end + timedelta(days=1) + length, "range")

    def _shifted(self, months: int, year: int, half: int = 0) -> Period:
        from dateutil.relativedelta import relativedelta

        return Period(self.start + relativedelta(months=months), self.end + relativedelta(months=months),
                      self.kind, year, half)


def report_period(year: int | None, half: int | None, start: date | None, end: date | None,
                  cutoff: str) -> Period:
    """The period from the command-line options; `decree-09` cuts years at 15 December."""
    if (start or end) and (year or half):
        raise UsageError("give either --year (and --half) or --from and --to, not both")
    if start or end:
        if not (start and end):
            raise UsageError("--from and --to go together")
        if start > end:
            raise UsageError(f"--from {start} is after --to {end}")
        return Period(start, end, "range")
    if year is None:
        raise UsageError("say which period: --year Y, --year Y --half 1|2, or --from D --to D")
    if half not in (None, 1, 2):
        raise UsageError("--half is 1 or 2")
    if cutoff == "decree-09":
        return _decree_09(year, half)
    if half:
        return Period(date(year, 1 if half == 1 else 7, 1), date(year, 6, 30) if half == 1 else date(year, 12, 31),
                      "half", year, half)
    return Period(date(year, 1, 1), date(year, 12, 31), "year", year)


def _decree_09(year: int, half: int | None) -> Period:
    """Decree 09/2019/NĐ-CP: data from 15 December of the previous year to 14 December (14 June for H1)."""
    if half == 1:
        return Period(date(year - 1, 12, 15), date(year, 6, 14), "half", year, 1)
    if half == 2:
        return Period(date(year, 6, 15), date(year, 12, 14), "half", year, 2)
    return Period(date(year - 1, 12, 15), date(year, 12, 14), "year", year)


@dataclass(frozen=True)
class Item:
    """One occurrence in a report: its status on the as-of day and what happened in the period."""

    occurrence: Occurrence
    carried_over: bool  # due before the period and not done at its start (chuyển tiếp)
    updates: tuple  # the updates dated in the period

    @property
    def task(self) -> Task:
        return self.occurrence.task

    @property
    def status(self) -> str:
        return self.occurrence.status

    @property
    def notes(self) -> list[str]:
        return [u.note for u in self.updates if u.note]

    @property
    def evidence(self) -> list[str]:
        return [e for u in self.updates for e in u.evidence]


@dataclass(frozen=True)
class Section:
    """One programme in a report."""

    programme: Programme
    items: tuple[Item, ...]  # occurrences with a deadline, by deadline
    ongoing: tuple[Item, ...]  # ongoing work active in the period, once per year
    counts: Counts


@dataclass(frozen=True)
class Report:
    """The view model of every report template (docs/reports.md lists the fields)."""

    kind: str  # annual | half-year | final | period
    period: Period
    as_of: date
    date: date  # of the date line
    lang: str
    owner: Agency | None
    owner_code: str
    place: str
    signer: Signer | None
    recipients: tuple[str, ...]
    sections: tuple[Section, ...]
    totals: Counts
    upcoming: tuple[Item, ...]  # due in the next period
    narrative: dict[str, str] = field(default_factory=dict)
    agencies: dict[str, Agency] = field(default_factory=dict)
    omissions: Omissions = field(default_factory=Omissions)  # files with errors, when rendered anyway

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)


def build_report(ws: Workspace, selection: Selection, period: Period, as_of: date, report_date: date,
                 kind: str, lang: str, narrative: dict[str, str] | None = None,
                 omitted: Omissions | None = None) -> Report:
    """Everything a report template needs, for `period`, with statuses as of `as_of`."""
    programmes = reported_programmes(ws, selection, period)
    sections = tuple(_section(p, ws, period, as_of, selection.agency) for p in programmes)
    upcoming = tuple(sorted((i for p in programmes for i in _next_items(p, ws, period, as_of, selection.agency)),
                            key=_item_order))
    owner = ws.agency(ws.settings.owner) if ws.settings.owner else None
    return Report(
        kind=kind, period=period, as_of=as_of, date=report_date, lang=lang, owner=owner,
        owner_code=agency_code(owner), place=ws.settings.place or "", signer=ws.settings.signer,
        recipients=ws.settings.recipients, sections=sections, totals=sum((s.counts for s in sections), Counts()),
        upcoming=upcoming, narrative=narrative or {}, agencies=ws.agency_index, omissions=omitted or Omissions(),
    )


def reported_programmes(ws: Workspace, selection: Selection, period: Period) -> list[Programme]:
    """The programmes a report covers: those named, else every one in force during some of the period.

    Unlike the status views, a report does not go by `state`: a programme
    closed since still reports on the part of its term inside the period.
    Drafts are left out (unless named, or with --all): nothing is owed on a
    document not yet signed.
    """
    chosen, _ = chosen_programmes(ws, Selection(selection.programmes, selection.agency, include_all=True))
    if selection.programmes:
        return chosen
    return [p for p in chosen if (selection.include_all or p.state != "draft") and _in_force(p, period)]


def _in_force(programme: Programme, period: Period) -> bool:
    bounds = programme_bounds(programme)
    return (bounds.start is None or bounds.start <= period.end) and (bounds.end is None or bounds.end >= period.start)


def _section(programme: Programme, ws: Workspace, period: Period, as_of: date, agency: str | None) -> Section:
    items, ongoing = [], []
    for task in programme.tasks:
        for item in _task_items(task, programme, ws, period, as_of):
            if agency and agency not in item.occurrence.lead:
                continue
            (ongoing if task.schedule.form == "ongoing" else items).append(item)
    counted = [i for i in (*items, *ongoing) if i.status != UPCOMING]
    return Section(programme, tuple(sorted(items, key=_item_order)), tuple(ongoing),
                   count(i.occurrence for i in counted))


def _task_items(task: Task, programme: Programme, ws: Workspace, period: Period, as_of: date) -> list[Item]:
    bounds = programme_bounds(programme)
    now = task_occurrences(task, bounds, as_of, ws.settings.warn_days, ws.agency_index, horizon=period.end)
    before = {o.label: o for o in task_occurrences(task, bounds, period.start - timedelta(days=1),
                                                   ws.settings.warn_days, ws.agency_index, horizon=period.end)}
    items = []
    for occurrence in now:
        earlier = before.get(occurrence.label)
        carried = bool(earlier and earlier.deadline and earlier.deadline < period.start
                       and earlier.status in (OVERDUE, IN_PROGRESS))
        if carried or _in_period(occurrence, period):
            updates = tuple(u for u in occurrence.updates if period.start <= u.date <= period.end)
            items.append(Item(occurrence, carried and not _in_period(occurrence, period), updates))
    return items


def _in_period(occurrence: Occurrence, period: Period) -> bool:
    if occurrence.deadline is None:  # ongoing: its year's window overlaps the period
        return occurrence.window_start <= period.end and occurrence.window_end >= period.start
    return any(d and period.start <= d <= period.end for d in (occurrence.deadline, occurrence.original_deadline))


def _next_items(programme: Programme, ws: Workspace, period: Period, as_of: date, agency: str | None) -> list[Item]:
    following = period.next
    bounds = programme_bounds(programme)
    items = []
    for task in programme.tasks:
        if task.schedule.form == "ongoing":
            continue
        for occurrence in task_occurrences(task, bounds, as_of, ws.settings.warn_days, ws.agency_index,
                                           horizon=following.end):
            wanted = occurrence.status != CANCELLED and (not agency or agency in occurrence.lead)
            if wanted and occurrence.deadline and following.start <= occurrence.deadline <= following.end:
                items.append(Item(occurrence, False, ()))
    return items


def _item_order(item: Item) -> tuple[date, str, str]:
    occurrence = item.occurrence
    return (occurrence.deadline or date.max, occurrence.programme, _natural(occurrence.task.id))


def _natural(text: str) -> str:
    """Task ids sort as people number them: 2 before 10."""
    return re.sub(r"\d+", lambda m: m.group().zfill(6), text)


def agency_code(agency: Agency | None) -> str:
    """The issuer code of a document number: 'Sở KH&CN' -> 'SKHCN', 'Liên hiệp Hội' -> 'LHH'."""
    if agency is None:
        return ""
    words = (agency.short or agency.name).replace("&", "").split()
    letters = []
    for word in words:
        capitals = [c for c in word if c.isupper()]
        letters.append("".join(capitals) if len(capitals) >= 2 else word[0].upper())
    plain = unicodedata.normalize("NFD", "".join(letters).replace("Đ", "D"))
    return "".join(c for c in plain if c.isascii() and c.isalnum())


def parse_narrative(text: str) -> dict[str, str]:
    """A narrative file: Markdown whose `## ` headings name the parts the office writes by hand.

    Headings are matched loosely: 'Tồn tại, hạn chế' -> 'limitations', 'Kiến nghị' -> 'proposals',
    'Phương hướng' -> 'direction', 'Tình hình chung' -> 'overview'; any other heading is kept under its
    own text.
    """
    parts: dict[str, list[str]] = {}
    current = "overview"
    for line in text.splitlines():
        heading = re.match(r"^##\s+(.*?)\s*#*\s*$", line)
        if heading:
            current = _narrative_key(heading.group(1))
            parts.setdefault(current, [])
        else:
            parts.setdefault(current, []).append(line)
    return {key: "\n".join(lines).strip() for key, lines in parts.items() if "\n".join(lines).strip()}


_NARRATIVE_KEYS = (("tồn tại", "limitations"), ("hạn chế", "limitations"), ("limitation", "limitations"),
                   ("kiến nghị", "proposals"), ("đề xuất", "proposals"), ("proposal", "proposals"),
                   ("phương hướng", "direction"), ("direction", "direction"),
                   ("tình hình chung", "overview"), ("overview", "overview"))


def _narrative_key(heading: str) -> str:
    folded = unicodedata.normalize("NFC", heading).casefold()
    return next((key for word, key in _NARRATIVE_KEYS if word in folded), folded)


def names(ids: Sequence[str], agencies: dict[str, Agency], short: bool = True) -> list[str]:
    """Agency ids as names (short names in tables)."""
    found = [agencies.get(i) for i in ids]
    return [(a.label if short else a.name) if a else i for a, i in zip(found, ids, strict=True)]
