"""What a report holds (reports.md): the period, its tasks and their occurrences, the counts, the next period.

The `Report` built here is the view model every report template sees; its
fields are documented in docs/reports.md.  Building it is a pure function of
(workspace, options).

A report names tasks (nhiệm vụ) and occurrences (lượt, kỳ) each for what they
are: a recurring duty is one task with several occurrences in a period, and its
*standing* over the period follows from theirs (`standing`, docs/reports.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ktcn.engine.schedule import programme_bounds
from ktcn.engine.status import (
    CANCELLED,
    DONE_LATE,
    DONE_ON_TIME,
    IN_PROGRESS,
    ONGOING,
    OVERDUE,
    UPCOMING,
    Counts,
    Occurrence,
    count,
    successor,
    task_occurrences,
)
from ktcn.engine.working_days import deadline_shift
from ktcn.errors import UsageError
from ktcn.records.model import Agency, Programme, Signer, Task, Update, Workspace
from ktcn.records.omissions import Omissions
from ktcn.views.viewmodel import Selection, chosen_programmes


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


GROUPS = ("done", IN_PROGRESS, OVERDUE, CANCELLED, ONGOING, UPCOMING)  # section II's order of standings


@dataclass(frozen=True)
class TaskEntry:
    """One task in a report: its occurrences in the period and its standing over the period."""

    task: Task
    items: tuple[Item, ...]  # its occurrences in the report (deadline in the period, or carried over), by deadline
    standing: str  # a status of ktcn.engine.status, for the task over the period (`standing`)
    lead: tuple[str, ...]  # agency ids as of the report's as-of day (after mergers)
    support: tuple[str, ...]  # likewise, without those that lead

    @property
    def group(self) -> str:
        """The standing as section II groups it: 'done' for both kinds of done."""
        return "done" if self.standing in (DONE_ON_TIME, DONE_LATE) else self.standing

    @property
    def quiet(self) -> bool:
        """Ongoing work with nothing recorded in the period: section II names it by its appendix row only."""
        return self.standing == ONGOING and not self.updates

    @property
    def counted(self) -> bool:
        """Whether the counts include it: not when none of its occurrences has begun by the as-of day."""
        return self.standing != UPCOMING

    @property
    def extended(self) -> bool:
        return any(i.occurrence.extended for i in self.items)

    @property
    def carried_over(self) -> bool:
        return any(i.carried_over for i in self.items)

    @property
    def updates(self) -> tuple[Update, ...]:
        """The updates dated in the period, oldest first (an update belongs to one occurrence: no repeats)."""
        return tuple(sorted((u for i in self.items for u in i.updates), key=lambda u: u.date))

    @property
    def note(self) -> str | None:
        """The latest note of the period."""
        notes = [u.note for u in self.updates if u.note]
        return notes[-1] if notes else None

    @property
    def evidence(self) -> list[str]:
        """Every piece of evidence given in the period, each once."""
        return list(dict.fromkeys(e for u in self.updates for e in u.evidence))


def standing(statuses: Sequence[str], ongoing: bool) -> str:
    """A task's standing over a period, from the statuses of its occurrences in it, by deadline (docs/reports.md).

    Ongoing work is ongoing.  Occurrences that have not begun by the as-of day do not count; with none left,
    the task has not begun either.  One occurrence overdue makes the task overdue; else one in progress keeps
    it in progress; else a task whose last occurrence was stopped is stopped; what is left is done, on time
    only if every occurrence done was done on time.
    """
    if ongoing:
        return ONGOING
    begun = [s for s in statuses if s != UPCOMING]
    for status in (OVERDUE, IN_PROGRESS):
        if status in begun:
            return status
    if not begun:
        return UPCOMING
    if begun[-1] == CANCELLED:
        return CANCELLED
    return DONE_LATE if DONE_LATE in begun else DONE_ON_TIME


def count_tasks(entries: Sequence[TaskEntry]) -> Counts:
    """Tasks by standing, as `Counts` (its `extended`: tasks with an occurrence extended); begun tasks only."""
    counted = [e for e in entries if e.counted]
    tally = {status: sum(1 for e in counted if e.standing == status)
             for status in (DONE_ON_TIME, DONE_LATE, IN_PROGRESS, OVERDUE, ONGOING, CANCELLED)}
    return Counts(**tally, extended=sum(1 for e in counted if e.extended))


@dataclass(frozen=True)
class Section:
    """One programme in a report."""

    programme: Programme
    items: tuple[Item, ...]  # occurrences with a deadline, by deadline
    ongoing: tuple[Item, ...]  # ongoing work active in the period, once per year
    counts: Counts  # of occurrences (lượt)
    tasks: tuple[TaskEntry, ...] = ()  # one per task, in the programme's order
    task_counts: Counts = field(default_factory=Counts)  # of tasks (nhiệm vụ), by standing

    @property
    def several_occurrences(self) -> bool:
        """Whether a task with a deadline has more than one occurrence here: then occurrences are counted too."""
        return any(len(e.items) > 1 for e in self.tasks if e.standing != ONGOING)

    @property
    def groups(self) -> tuple[tuple[str, tuple[TaskEntry, ...]], ...]:
        """The tasks by standing, in section II's order, empty groups left out."""
        found = ((g, tuple(e for e in self.tasks if e.group == g)) for g in GROUPS)
        return tuple((g, entries) for g, entries in found if entries)


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
    recipients: tuple[str, ...]  # normalised: no dashes nor end punctuation, no 'Lưu' line
    sections: tuple[Section, ...]
    totals: Counts  # of occurrences
    upcoming: tuple[Item, ...]  # due in the next period
    narrative: dict[str, str] = field(default_factory=dict)
    agencies: dict[str, Agency] = field(default_factory=dict)
    omissions: Omissions = field(default_factory=Omissions)  # files with errors, when rendered anyway
    parent: str = ""  # the directly superior body (cơ quan chủ quản), as named on the as-of day
    archive: str = ""  # what follows 'Lưu:', e.g. "VT, SKHCN"
    task_totals: Counts = field(default_factory=Counts)  # of tasks, over all sections
    upcoming_tasks: tuple[TaskEntry, ...] = ()  # the tasks due in the next period, each once
    appendix: str = "tasks"  # tasks | occurrences: one appendix row per task, or per occurrence

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)

    @property
    def tasks(self) -> tuple[TaskEntry, ...]:
        return tuple(e for s in self.sections for e in s.tasks)


def build_report(ws: Workspace, selection: Selection, period: Period, as_of: date, report_date: date,
                 kind: str, lang: str, narrative: dict[str, str] | None = None,
                 omitted: Omissions | None = None, appendix: str = "tasks") -> Report:
    """Everything a report template needs, for `period`, with statuses as of `as_of`."""
    programmes = reported_programmes(ws, selection, period)
    sections = tuple(_section(p, ws, period, as_of, selection.agency) for p in programmes)
    upcoming = tuple(sorted((i for p in programmes for i in _next_items(p, ws, period, as_of, selection.agency)),
                            key=_item_order))
    owner = ws.agency(ws.settings.owner) if ws.settings.owner else None
    code = agency_code(owner)
    recipients, archive = closing_lines(ws.settings.recipients, ws.settings.archive, code)
    return Report(
        kind=kind, period=period, as_of=as_of, date=report_date, lang=lang, owner=owner,
        owner_code=code, place=ws.settings.place or "", signer=ws.settings.signer,
        recipients=recipients, sections=sections, totals=sum((s.counts for s in sections), Counts()),
        upcoming=upcoming, narrative=narrative or {}, agencies=ws.agency_index, omissions=omitted or Omissions(),
        parent=parent_name(ws, owner, as_of), archive=archive,
        task_totals=sum((s.task_counts for s in sections), Counts()),
        upcoming_tasks=_next_tasks(upcoming, ws, as_of), appendix=appendix,
    )


def parent_name(ws: Workspace, owner: Agency | None, as_of: date) -> str:
    """The directly superior body: `parent` of ktcn.yaml, else the owner's `parent` in the registry, as of `as_of`.

    An empty `parent:` in ktcn.yaml says there is none (a body with no superior prints its own name alone).
    """
    if ws.settings.parent is not None:
        return ws.settings.parent.strip()
    if owner is None or not owner.parent:
        return ""
    found = ws.agency(successor(owner.parent, as_of, ws.agency_index))
    return found.name if found else ""


def closing_lines(recipients: Sequence[str], archive: str | None, code: str) -> tuple[tuple[str, ...], str]:
    """The 'Nơi nhận' entries without list dashes nor end punctuation, and the one 'Lưu' line's text.

    Offices write recipients as they print them ("- UBND thành phố (để báo cáo);", "Lưu: VT, VP."): the dash
    and the ';' or '.' are the report's to add.  A 'Lưu' entry among them is the archive line, unless
    `archive` in ktcn.yaml says otherwise; without either, it is 'VT' and the keeper's code.
    """
    entries, filed = [], None
    for line in recipients:
        text = _bare(line)
        if not text:
            continue
        archived = _ARCHIVE.match(text)
        if archived:
            filed = filed or _bare(archived.group(1))
        else:
            entries.append(text)
    given = _bare(_ARCHIVE.sub(r"\1", archive.strip())) if archive and archive.strip() else None
    return tuple(dict.fromkeys(entries)), given or filed or ("VT" + (f", {code}" if code else ""))


_ARCHIVE = re.compile(r"^(?:lưu|filed)\b\s*:?\s*(.*)$", re.IGNORECASE)


def _bare(text: str) -> str:
    """An entry without leading dashes or bullets and without trailing ';', ',' or '.' (an ellipsis stays)."""
    text = re.sub(r"^[\s\-–—+•*]+", "", text.strip())
    return re.sub(r"(?<!\.\.)[\s;,.]+$", "", text)


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
    items, ongoing, entries = [], [], []
    for task in programme.tasks:
        mine = [i for i in _task_items(task, programme, ws, period, as_of)
                if not agency or agency in i.occurrence.lead]
        if not mine:
            continue
        (ongoing if task.schedule.form == "ongoing" else items).extend(mine)
        entries.append(task_entry(task, mine, ws, as_of))
    counted = [i for i in (*items, *ongoing) if i.status != UPCOMING]
    return Section(programme, tuple(sorted(items, key=_item_order)), tuple(ongoing),
                   count(i.occurrence for i in counted), tuple(entries), count_tasks(entries))


def task_entry(task: Task, items: Sequence[Item], ws: Workspace, as_of: date) -> TaskEntry:
    """A task with its occurrences in the report; its agencies named as of `as_of`, after mergers."""
    lead = as_of_agencies(task.lead, ws.agency_index, as_of)
    support = tuple(a for a in as_of_agencies(task.support, ws.agency_index, as_of) if a not in lead)
    ordered = tuple(sorted(items, key=_item_order))
    return TaskEntry(task, ordered, standing([i.status for i in ordered], task.schedule.form == "ongoing"),
                     lead, support)


def as_of_agencies(ids: Sequence[str], agencies: dict[str, Agency], as_of: date) -> tuple[str, ...]:
    """Agency ids as they are on `as_of`: each ceased agency replaced by its successor, each named once."""
    return tuple(dict.fromkeys(successor(a, as_of, agencies) for a in ids))


def _task_items(task: Task, programme: Programme, ws: Workspace, period: Period, as_of: date) -> list[Item]:
    bounds, shift = programme_bounds(programme), deadline_shift(ws.settings)
    now = task_occurrences(task, bounds, as_of, ws.settings.warn_days, ws.agency_index, period.end, shift,
                           programme.tasks)
    before = {o.label: o for o in task_occurrences(task, bounds, period.start - timedelta(days=1),
                                                   ws.settings.warn_days, ws.agency_index, period.end, shift,
                                                   programme.tasks)}
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
                                           following.end, deadline_shift(ws.settings), programme.tasks):
            wanted = occurrence.status != CANCELLED and (not agency or agency in occurrence.lead)
            if wanted and occurrence.deadline and following.start <= occurrence.deadline <= following.end:
                items.append(Item(occurrence, False, ()))
    return items


def _next_tasks(upcoming: Sequence[Item], ws: Workspace, as_of: date) -> tuple[TaskEntry, ...]:
    """The next period's occurrences gathered by task, in the order of each task's first deadline."""
    by_task: dict[str, list[Item]] = {}
    for item in upcoming:
        by_task.setdefault(item.task.ref, []).append(item)
    return tuple(replace(task_entry(found[0].task, found, ws, as_of), standing=UPCOMING)
                 for found in by_task.values())


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
