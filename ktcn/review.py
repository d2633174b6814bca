"""What a change to the records does, in the words a reviewer reads (`ktcn diff`).

`compare` is a pure function of two loaded workspaces and an as-of day: tasks
added or removed, fields changed (deadlines in words, before and after), new
updates and extensions, statuses that moved, and the review flags that a merge
request should not pass silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from ktcn.describe import describe_schedule
from ktcn.labels import day_text, label
from ktcn.model import Programme, Task, Update, Workspace
from ktcn.schedule import programme_bounds
from ktcn.status import DONE_LATE, DONE_ON_TIME, UPCOMING, task_occurrences

TASK_FIELDS = ("title", "kind", "lead", "support", "to", "schedule", "schedule_text")
FLAGS = ("log-edited", "log-deleted", "done-without-evidence", "deadline-moved", "ceased-agency")


@dataclass(frozen=True)
class Change:
    """One field, before and after, in words."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Flag:
    """Something a reviewer must look at; `kind` is one of FLAGS."""

    kind: str
    task: str
    detail: str


@dataclass(frozen=True)
class TaskReview:
    ref: str
    title: str
    state: str  # added | removed | changed
    changes: tuple[Change, ...] = ()
    new_updates: tuple[Update, ...] = ()
    moves: tuple[tuple[str, str | None, str], ...] = ()  # (occurrence, status before, status after)


@dataclass(frozen=True)
class ProgrammeReview:
    id: str
    title: str
    state: str  # added | removed | changed
    changes: tuple[Change, ...] = ()
    tasks: tuple[TaskReview, ...] = ()


@dataclass(frozen=True)
class Review:
    before: str
    after: str
    as_of: date
    programmes: tuple[ProgrammeReview, ...] = ()
    flags: tuple[Flag, ...] = field(default=())

    @property
    def moved_to(self) -> dict[str, int]:
        """How many occurrences moved into each status ('done' joins on time and late)."""
        counts: dict[str, int] = {}
        for programme in self.programmes:
            for task in programme.tasks:
                for _, _, after in task.moves:
                    key = "done" if after in (DONE_ON_TIME, DONE_LATE) else after
                    counts[key] = counts.get(key, 0) + 1
        return counts


def compare(before: Workspace, after: Workspace, as_of: date, lang: str, names: tuple[str, str]) -> Review:
    """The review of the change from `before` to `after`, statuses as of `as_of`."""
    old, new = before.programme_index, after.programme_index
    programmes, flags = [], []
    for programme_id in sorted(old.keys() | new.keys()):
        reviewed = _programme(old.get(programme_id), new.get(programme_id), before, after, as_of, lang, flags)
        if reviewed.state != "changed" or reviewed.changes or reviewed.tasks:
            programmes.append(reviewed)
    return Review(names[0], names[1], as_of, tuple(programmes), tuple(flags))


def _programme(old: Programme | None, new: Programme | None, before: Workspace, after: Workspace, as_of: date,
               lang: str, flags: list[Flag]) -> ProgrammeReview:
    if old is None or new is None:
        present = new or old
        assert present is not None
        state = "added" if old is None else "removed"
        tasks = tuple(TaskReview(t.ref, t.title, state) for t in present.tasks)
        if new is not None:
            for task in new.tasks:
                flags.extend(_ceased_agencies(None, task, after, as_of, lang))
        return ProgrammeReview(present.id, present.title, state, (), tasks)
    compared = ("title", "state", "period_from", "period_to", "number")
    changes = tuple(Change(f, _words(getattr(old, f), lang), _words(getattr(new, f), lang))
                    for f in compared if getattr(old, f) != getattr(new, f))
    old_tasks = {t.id: t for t in old.tasks}
    new_tasks = {t.id: t for t in new.tasks}
    tasks = []
    for task_id in [t.id for t in new.tasks] + [t.id for t in old.tasks if t.id not in new_tasks]:
        reviewed = _task(old_tasks.get(task_id), new_tasks.get(task_id), old, new, before, after, as_of, lang, flags)
        if reviewed is not None:
            tasks.append(reviewed)
    return ProgrammeReview(new.id, new.title, "changed", changes, tuple(tasks))


def _task(old: Task | None, new: Task | None, old_programme: Programme, new_programme: Programme, before: Workspace,
          after: Workspace, as_of: date, lang: str, flags: list[Flag]) -> TaskReview | None:
    if new is None:
        assert old is not None
        return TaskReview(old.ref, old.title, "removed")
    flags.extend(_ceased_agencies(old, new, after, as_of, lang))
    if old is None:
        flags.extend(_done_without_evidence(new, new.updates, lang))
        return TaskReview(new.ref, new.title, "added", new_updates=new.updates)
    changes = tuple(_field_change(name, old, new, lang) for name in TASK_FIELDS
                    if getattr(old, name) != getattr(new, name))  # records compare without their source spans
    new_updates = _log_review(old, new, flags, lang)
    before_status = _statuses(old, old_programme, before, as_of)
    after_status = _statuses(new, new_programme, after, as_of)
    if old.schedule.form == new.schedule.form == "due" and len(before_status) == len(after_status) == 1:
        before_status = {next(iter(after_status)): next(iter(before_status.values()))}  # one occurrence either way
    moves = tuple((label_, before_status.get(label_, (None, None))[0], status)
                  for label_, (status, _) in after_status.items() if before_status.get(label_, (None,))[0] != status)
    flags.extend(_moved_deadlines(new, before_status, after_status, new_updates, lang))
    if not (changes or new_updates or moves):
        return None
    return TaskReview(new.ref, new.title, "changed", changes, new_updates, moves)


def _field_change(name: str, old: Task, new: Task, lang: str) -> Change:
    if name == "schedule":
        return Change(name, describe_schedule(old.schedule, lang), describe_schedule(new.schedule, lang))
    return Change(name, _words(getattr(old, name), lang), _words(getattr(new, name), lang))


def _words(value: object, lang: str) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or "—"
    if isinstance(value, date):
        return day_text(value, lang)
    return "—" if value is None else str(value)


def _log_review(old: Task, new: Task, flags: list[Flag], lang: str) -> tuple[Update, ...]:
    """The log is append-only: earlier entries must stay as they were."""
    for index, entry in enumerate(old.updates):
        if index >= len(new.updates):
            flags.append(Flag("log-deleted", new.ref, day_text(entry.date, lang)))
        elif entry != new.updates[index]:
            flags.append(Flag("log-edited", new.ref, day_text(entry.date, lang)))
    added = new.updates[len(old.updates):]
    flags.extend(_done_without_evidence(new, added, lang))
    return added


def _done_without_evidence(task: Task, updates: tuple[Update, ...], lang: str) -> list[Flag]:
    return [Flag("done-without-evidence", task.ref, day_text(u.date, lang))
            for u in updates if u.status == "done" and not u.evidence]


def _statuses(task: Task, programme: Programme, ws: Workspace, as_of: date) -> dict[str, tuple[str, date | None]]:
    found = task_occurrences(task, programme_bounds(programme), as_of, ws.settings.warn_days, ws.agency_index)
    return {o.label: (o.status, o.original_deadline) for o in found if o.status != UPCOMING}


def _moved_deadlines(task: Task, before: dict, after: dict, new_updates: tuple[Update, ...], lang: str) -> list[Flag]:
    """A schedule's deadline moved by editing it, not by a recorded extension (gia hạn)."""
    if any(u.extend_to for u in new_updates):
        return []
    moved = [f"{label_}: {day_text(before[label_][1], lang)} → {day_text(deadline, lang)}"
             for label_, (_, deadline) in after.items()
             if label_ in before and before[label_][1] and deadline and before[label_][1] != deadline]
    return [Flag("deadline-moved", task.ref, "; ".join(moved))] if moved else []


def _ceased_agencies(old: Task | None, new: Task, after: Workspace, as_of: date, lang: str) -> list[Flag]:
    """Newly named agencies that had ceased by the as-of day."""
    before = set() if old is None else {*old.lead, *old.support, *old.to}
    flags = []
    for agency_id in dict.fromkeys((*new.lead, *new.support, *new.to)):
        agency = after.agency(agency_id)
        if agency_id not in before and agency and agency.until and agency.until < as_of:
            successor = f" → {agency.succeeded_by}" if agency.succeeded_by else ""
            flags.append(Flag("ceased-agency", new.ref, f"{agency_id} ({day_text(agency.until, lang)}{successor})"))
    return flags


def review_json(review: Review) -> dict:
    """The review as stable JSON (dates ISO)."""
    def update(u: Update) -> dict:
        return {"date": u.date.isoformat(), "status": u.status, "progress": u.progress, "note": u.note,
                "evidence": list(u.evidence), "period": u.period.text if u.period else None,
                "extend_to": u.extend_to.text if u.extend_to else None}

    def task(t: TaskReview) -> dict:
        return {"ref": t.ref, "title": t.title, "state": t.state,
                "changes": [{f.name: getattr(c, f.name) for f in fields(c)} for c in t.changes],
                "new_updates": [update(u) for u in t.new_updates],
                "moves": [{"occurrence": o, "before": b, "after": a} for o, b, a in t.moves]}

    return {"before": review.before, "after": review.after, "as_of": review.as_of.isoformat(),
            "programmes": [{"id": p.id, "title": p.title, "state": p.state,
                            "changes": [{"field": c.field, "before": c.before, "after": c.after} for c in p.changes],
                            "tasks": [task(t) for t in p.tasks]} for p in review.programmes],
            "flags": [{"kind": f.kind, "task": f.task, "detail": f.detail} for f in review.flags],
            "moved_to": review.moved_to}


def flag_words(flag: Flag, lang: str) -> str:
    return label(f"diff.flag.{flag.kind}", lang, detail=flag.detail)
