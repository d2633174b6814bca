"""The records, as immutable values.

These mirror `records.md` one to one.  Every record keeps the `Span` where it
starts in its file; a field's own position is found from the record's key path
when a diagnostic needs it (see `loader.locate`).  Text is NFC-normalised.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from operator import attrgetter
from pathlib import Path
from typing import Any

from ktcn.records.dateish import DateIsh
from ktcn.records.diagnostics import Diagnostic


def pickled_by_arguments(self: Any) -> tuple[type, tuple]:
    """Pickle as constructor arguments: a cached workspace loads far faster than with dataclasses' __setstate__."""
    cls = type(self)
    fields_of = _FIELDS_OF.get(cls)
    if fields_of is None:  # one getter per class: a cold run pickles about a million records
        fields_of = _FIELDS_OF[cls] = attrgetter(*cls.__slots__)
    return cls, fields_of(self)


_FIELDS_OF: dict[type, Callable[[Any], tuple]] = {}  # every record class has two fields or more: a tuple


@dataclass(frozen=True, slots=True)
class Span:
    """Where a record starts: file, 1-based line and column, and its key path."""

    __reduce__ = pickled_by_arguments

    path: str
    line: int
    column: int
    keypath: tuple[str | int, ...] = ()


@dataclass(frozen=True, slots=True)
class Signer:
    """A signature block: the signer, the lines above the position, the agency."""

    __reduce__ = pickled_by_arguments

    name: str
    position: str
    authority: tuple[str, ...] = ()
    agency: str | None = None
    span: Span | None = field(default=None, compare=False)  # where it was written, not what it says


@dataclass(frozen=True, slots=True)
class DayNote:
    """A day of ktcn.yaml's `holidays:` or `working_days:` lists, with what it is."""

    __reduce__ = pickled_by_arguments

    day: date
    name: str | None = None
    span: Span | None = field(default=None, compare=False)  # where it was written, not what it says


@dataclass(frozen=True, slots=True)
class Settings:
    """ktcn.yaml: who keeps the records and how they are shown."""

    __reduce__ = pickled_by_arguments

    name: str = ""
    owner: str | None = None
    place: str | None = None
    language: str = "vi"
    warn_days: int = 14
    cutoff: str = "calendar"
    signer: Signer | None = None
    recipients: tuple[str, ...] = ()
    parent: str | None = None  # the directly superior body (cơ quan chủ quản) as printed in report headers
    archive: str | None = None  # the 'Lưu:' line of reports, e.g. "VT, VP"
    deadline_rule: str = "as-written"  # as-written | civil-code (Điều 148.5: a deadline on a day off moves on)
    public_holidays: str = "vn"  # vn: the `holidays` package's Vietnamese calendar | none
    holidays: tuple[DayNote, ...] = ()  # the workspace's own days off (local holidays, announced swaps)
    working_days: tuple[DayNote, ...] = ()  # weekend days worked in exchange (ngày làm bù)
    span: Span | None = field(default=None, compare=False)  # where it was written, not what it says


@dataclass(frozen=True, slots=True)
class Agency:
    """An agency of agencies.yaml; `until` and `succeeded_by` record a merger."""

    __reduce__ = pickled_by_arguments

    id: str
    name: str
    short: str | None = None
    aliases: tuple[str, ...] = ()
    until: date | None = None
    succeeded_by: str | None = None
    group: bool = False
    parent: str | None = None  # agency id of its directly superior body (cơ quan chủ quản)
    span: Span | None = field(default=None, compare=False)  # where it was written, not what it says

    @property
    def label(self) -> str:
        """The name tables use: the short name when there is one."""
        return self.short or self.name


@dataclass(frozen=True, slots=True)
class Schedule:
    """One of four forms (`due`, `ongoing`, `every`, `rrule`) plus modifiers."""

    __reduce__ = pickled_by_arguments

    form: str  # due | ongoing | every | rrule
    due: DateIsh | None = None
    every_count: int = 0
    every_unit: str = ""  # y | q | m | w
    rrule: str | None = None
    start: DateIsh | None = None  # `from`
    until: DateIsh | None = None
    day: tuple[int, int] | None = None  # (month, day)
    offset_days: int = 0
    # A deadline counted from a day or an event (Điều 147-148 Bộ luật Dân sự 2015), docs/working-days.md:
    within: tuple[int, str] | None = None  # (N, unit): d days, wd working days, w weeks, m months, y years
    after: date | str | None = None  # the day counted from: a date, or "issued" (the programme's issue date)
    after_task: str | None = None  # ...or the day another task of the programme was done
    span: Span | None = field(default=None, compare=False)  # where it was written, not what it says


@dataclass(frozen=True, slots=True)
class Update:
    """One entry of a task's progress log."""

    __reduce__ = pickled_by_arguments

    date: date
    status: str | None = None  # in-progress | done | cancelled
    progress: float | None = None
    note: str | None = None
    evidence: tuple[str, ...] = ()
    by: str | None = None
    period: DateIsh | None = None
    extend_to: DateIsh | None = None
    span: Span | None = field(default=None, compare=False)  # where it was written, not what it says


@dataclass(frozen=True, slots=True)
class Task:
    """An obligation of a programme: work, an event to hold, or a report to send."""

    __reduce__ = pickled_by_arguments

    id: str
    title: str
    lead: tuple[str, ...]
    schedule: Schedule
    kind: str = "work"  # work | event | report
    support: tuple[str, ...] = ()
    to: tuple[str, ...] = ()
    schedule_text: str | None = None
    updates: tuple[Update, ...] = ()
    programme: str = ""  # id of the programme holding the task
    span: Span | None = field(default=None, compare=False)  # where it was written, not what it says

    @property
    def ref(self) -> str:
        """The global id `<programme id>/<task id>`."""
        return f"{self.programme}/{self.id}"


@dataclass(frozen=True, slots=True)
class Programme:
    """One document: a programme, plan, letter, resolution...; its tasks and who signed it."""

    __reduce__ = pickled_by_arguments

    id: str
    type: str
    title: str
    number: str | None = None
    issued: date | None = None
    place: str | None = None
    issuers: tuple[str, ...] = ()
    signers: tuple[Signer, ...] = ()
    period_from: DateIsh | None = None
    period_to: DateIsh | None = None
    state: str = "active"  # draft | active | closed | superseded
    basis: tuple[str, ...] = ()
    implements: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()
    tasks: tuple[Task, ...] = ()
    span: Span | None = field(default=None, compare=False)  # where it was written, not what it says


class ById:
    """Agencies and programmes looked up by id, for a record holding `agencies` and `programmes`."""

    agencies: tuple[Agency, ...]
    programmes: tuple[Programme, ...]

    @cached_property
    def agency_index(self) -> dict[str, Agency]:
        return {a.id: a for a in self.agencies}

    @cached_property
    def programme_index(self) -> dict[str, Programme]:
        return {p.id: p for p in self.programmes}

    def agency(self, agency_id: str) -> Agency | None:
        return self.agency_index.get(agency_id)

    def programme(self, programme_id: str) -> Programme | None:
        return self.programme_index.get(programme_id)


@dataclass(frozen=True)
class Workspace(ById):
    """Everything loaded from one workspace, with the problems found on the way."""

    root: Path
    settings: Settings
    agencies: tuple[Agency, ...]
    programmes: tuple[Programme, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    left_out: tuple[str, ...] = ()  # programme files that could not be read into a programme
