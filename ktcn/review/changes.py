"""What a change to the records does, in the words a reviewer reads (`ktcn diff`).

`compare` is a pure function of two loaded workspaces and an as-of day: tasks
added or removed, fields changed (deadlines in words, before and after), new
updates and extensions, statuses that moved, and the review flags that a merge
request should not pass silently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import date

from ktcn.engine.schedule import programme_bounds
from ktcn.engine.status import CANCELLED, DONE_LATE, DONE_ON_TIME, OVERDUE, UPCOMING, Occurrence, task_occurrences
from ktcn.labels import LABELS, day_text, in_force_text, label
from ktcn.records.model import Programme, Task, Update, Workspace
from ktcn.views.describe import describe_schedule, occurrence_words

TASK_FIELDS = ("title", "kind", "lead", "support", "to", "schedule", "schedule_text")
FLAGS = ("log-edited", "log-deleted", "done-without-evidence", "deadline-moved", "ceased-agency", "overdue-dropped",
         "task-removed-with-log", "path-skipped", "duplicate-id")


@dataclass(frozen=True)
class Change:
    """One field, before and after, in words."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Flag:
    """Something a reviewer must look at; `kind` is one of FLAGS (`task` is empty for a file of the tree)."""

    kind: str
    task: str
    detail: str


@dataclass(frozen=True)
class TaskReview:
    ref: str
    title: str
    state: str  # added | removed | changed | renamed (a new id for a task that goes on: `renamed_from`)
    changes: tuple[Change, ...] = ()
    new_updates: tuple[Update, ...] = ()
    moves: tuple[tuple[str, str | None, str], ...] = ()  # (occurrence, status before, status after)
    renamed_from: str | None = None
    periods: tuple[tuple[str, str], ...] = ()  # each moved occurrence's label with its name in words


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


@dataclass
class _Scope:
    """What every part of one comparison shares: both workspaces, the day, the language, the flags so far."""

    before: Workspace
    after: Workspace
    as_of: date
    lang: str
    flags: list[Flag]
    renamed: dict[str, Task]  # ref of a new task -> the removed task it goes on from
    continued: dict[str, str]  # ref of a removed task -> ref of the task that goes on from it


def compare(before: Workspace, after: Workspace, as_of: date, lang: str, names: tuple[str, str],
            flags: tuple[Flag, ...] = ()) -> Review:
    """The review of the change from `before` to `after`, statuses as of `as_of`; `flags` raised beforehand."""
    old, new = before.programme_index, after.programme_index
    renamed = _renames(before, after)
    scope = _Scope(before, after, as_of, lang, [*flags, *_duplicates(after)], renamed,
                   {task.ref: ref for ref, task in renamed.items()})
    programmes = []
    for programme_id in sorted(old.keys() | new.keys()):
        reviewed = _programme(old.get(programme_id), new.get(programme_id), scope)
        if reviewed.state != "changed" or reviewed.changes or reviewed.tasks:
            programmes.append(reviewed)
    return Review(names[0], names[1], as_of, tuple(programmes), tuple(scope.flags))


def _duplicates(ws: Workspace) -> list[Flag]:
    """Ids given twice: only one copy is compared, so the other could carry any change unseen."""
    flags = [Flag("duplicate-id", programme_id, f"{programme_id} ×{n}")
             for programme_id, n in Counter(p.id for p in ws.programmes).items() if n > 1]
    for programme in ws.programmes:
        flags += [Flag("duplicate-id", f"{programme.id}/{task_id}", f"{programme.id}/{task_id} ×{n}")
                  for task_id, n in Counter(t.id for t in programme.tasks).items() if n > 1]
    return flags


def _programme(old: Programme | None, new: Programme | None, scope: _Scope) -> ProgrammeReview:
    if old is None or new is None:
        return _whole_programme(old, new, scope)
    compared = ("title", "state", "period_from", "period_to", "number")
    lang = scope.lang
    changes = tuple(Change(f, _field_words(f, getattr(old, f), lang), _field_words(f, getattr(new, f), lang))
                    for f in compared if getattr(old, f) != getattr(new, f))
    old_tasks = {t.id: t for t in old.tasks}
    new_tasks = {t.id: t for t in new.tasks}
    tasks = []
    for task_id in [t.id for t in new.tasks] + [t.id for t in old.tasks if t.id not in new_tasks]:
        was, now = old_tasks.get(task_id), new_tasks.get(task_id)
        if was is None and now is not None and now.ref in scope.renamed:
            reviewed = _renamed(now, scope)
        elif now is None and was is not None:
            reviewed = _removed(was, new, scope)
        else:
            reviewed = _task(was, now, old, new, scope)
        if reviewed is not None:
            tasks.append(reviewed)
    return ProgrammeReview(new.id, new.title, "changed", changes, tuple(tasks))


def _whole_programme(old: Programme | None, new: Programme | None, scope: _Scope) -> ProgrammeReview:
    """A programme added or removed: each task listed; a task that goes on under another id is reviewed as such."""
    present = new or old
    assert present is not None
    state = "added" if old is None else "removed"
    tasks = []
    for task in present.tasks:
        if new is not None and task.ref in scope.renamed:
            tasks.append(_renamed(task, scope))
            continue
        tasks.append(TaskReview(task.ref, task.title, state))
        if new is not None:
            scope.flags.extend(_ceased_agencies(None, task, scope.after, scope.as_of, scope.lang))
        elif task.ref not in scope.continued:
            scope.flags.extend(_history_lost(task, present, scope))
    return ProgrammeReview(present.id, present.title, state, (), tuple(tasks))


def _removed(old: Task, new_programme: Programme, scope: _Scope) -> TaskReview | None:
    """A task gone from a programme that stays; nothing to list when it goes on under a new id in the same one."""
    successor = scope.continued.get(old.ref)
    if successor is None:
        old_programme = scope.before.programme_index[old.programme]
        scope.flags.extend(_history_lost(old, old_programme, scope))
    elif successor.split("/", 1)[0] == new_programme.id:
        return None  # listed once, as renamed
    return TaskReview(old.ref, old.title, "removed")


def _history_lost(old: Task, programme: Programme, scope: _Scope) -> list[Flag]:
    """A task removed outright takes its progress log and its overdue occurrences with it."""
    flags = []
    if old.updates:
        dates = ", ".join(day_text(u.date, scope.lang) for u in old.updates)
        flags.append(Flag("task-removed-with-log", old.ref, dates))
    overdue = [o for o in _occurrences(old, programme, scope.before, scope.as_of).values() if o.status == OVERDUE]
    if overdue:
        flags.append(Flag("overdue-dropped", old.ref, _occurrence_words(overdue, scope.lang)))
    return flags


def _renamed(new: Task, scope: _Scope) -> TaskReview:
    """A task under a new id that goes on from a removed one: compared with it, log and deadlines included."""
    old = scope.renamed[new.ref]
    old_programme = scope.before.programme_index[old.programme]
    new_programme = scope.after.programme_index[new.programme]
    reviewed = _task(old, new, old_programme, new_programme, scope)
    return TaskReview(new.ref, new.title, "renamed", *(
        (reviewed.changes, reviewed.new_updates, reviewed.moves) if reviewed else ((), (), ())), renamed_from=old.ref)


def _task(old: Task | None, new: Task | None, old_programme: Programme, new_programme: Programme,
          scope: _Scope) -> TaskReview | None:
    assert new is not None
    lang, flags = scope.lang, scope.flags
    flags.extend(_ceased_agencies(old, new, scope.after, scope.as_of, lang))
    if old is None:
        flags.extend(_done_without_evidence(new, new.updates, lang))
        return TaskReview(new.ref, new.title, "added", new_updates=new.updates)
    changes = tuple(_field_change(name, old, new, lang) for name in TASK_FIELDS
                    if getattr(old, name) != getattr(new, name))  # records compare without their source spans
    new_updates = _log_review(old, new, flags, lang)
    before = _occurrences(old, old_programme, scope.before, scope.as_of)
    after = _occurrences(new, new_programme, scope.after, scope.as_of)
    one_off = ("due", "within")  # a counted deadline is one occurrence too, labelled by the day it counts from
    if old.schedule.form in one_off and new.schedule.form in one_off and len(before) == len(after) == 1:
        before = {next(iter(after)): next(iter(before.values()))}  # one occurrence either way: the same one
    moves = _moves(before, after)
    flags.extend(_moved_deadlines(new, before, after, new_updates, lang))
    flags.extend(_dropped_overdue(new, before, after, new_updates, lang))
    if not (changes or new_updates or moves):
        return None
    periods = tuple((key, occurrence_words(after.get(key) or before[key], lang)) for key, _, _ in moves)
    return TaskReview(new.ref, new.title, "changed", changes, new_updates, moves, periods=periods)


def _field_change(name: str, old: Task, new: Task, lang: str) -> Change:
    if name == "schedule":
        return Change(name, describe_schedule(old.schedule, lang), describe_schedule(new.schedule, lang))
    return Change(name, _field_words(name, getattr(old, name), lang), _field_words(name, getattr(new, name), lang))


# Fields whose values are the record format's keywords (records.md): said in the reader's words, as the views
# say them ("đang thực hiện → đã kết thúc", not "active → closed" on a Vietnamese page).
_KEYWORD_FIELDS = {"state": "state", "kind": "kind"}


def _field_words(field: str, value: object, lang: str) -> str:
    prefix = _KEYWORD_FIELDS.get(field)
    if prefix and isinstance(value, str) and f"{prefix}.{value}" in LABELS:
        return label(f"{prefix}.{value}", lang)
    return _words(value, lang)


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


def _occurrences(task: Task, programme: Programme, ws: Workspace, as_of: date) -> dict[str, Occurrence]:
    from ktcn.engine.working_days import deadline_shift

    found = task_occurrences(task, programme_bounds(programme), as_of, ws.settings.warn_days, ws.agency_index,
                             shift=deadline_shift(ws.settings), tasks=programme.tasks)
    return {o.label: o for o in found}


def _begun(found: dict[str, Occurrence]) -> dict[str, Occurrence]:
    return {key: o for key, o in found.items() if o.status != UPCOMING}


def _moves(before: dict[str, Occurrence], after: dict[str, Occurrence]) -> tuple[tuple[str, str | None, str], ...]:
    """Each begun occurrence whose status is not what it was (None: not begun, or not there, before)."""
    was = {key: o.status for key, o in _begun(before).items()}
    return tuple((key, was.get(key), o.status) for key, o in _begun(after).items() if was.get(key) != o.status)


def _moved_deadlines(task: Task, before: dict[str, Occurrence], after: dict[str, Occurrence],
                     new_updates: tuple[Update, ...], lang: str) -> list[Flag]:
    """Deadlines moved by editing the schedule, each without a recorded extension (gia hạn) of its own.

    An extension recorded for one occurrence explains that occurrence only:
    the others moved by the same edit are still flagged.
    """
    added = {id(u) for u in new_updates if u.extend_to}
    was = _begun(before)
    moved = [f"{_named(o, lang)}{day_text(was[key].original_deadline, lang)} → {day_text(o.original_deadline, lang)}"
             for key, o in _begun(after).items()
             if key in was and was[key].original_deadline and o.original_deadline
             and was[key].original_deadline != o.original_deadline and not any(id(u) in added for u in o.updates)]
    return [Flag("deadline-moved", task.ref, "; ".join(moved))] if moved else []


def _dropped_overdue(task: Task, before: dict[str, Occurrence], after: dict[str, Occurrence],
                     new_updates: tuple[Update, ...], lang: str) -> list[Flag]:
    """Occurrences overdue before that are no longer, with no new update of theirs to say why.

    An edit of `from:`, of the period or of the schedule's form can make an
    overdue occurrence vanish, start later, lose its deadline or take an old
    update; only a new update given to it (done, cancelled, an extension), or
    a new 'cancelled' that stops the task, explains the change.  A deadline
    moved later is `deadline-moved`'s to flag.
    """
    added = {id(u) for u in new_updates}
    stopped = any(u.status == "cancelled" for u in new_updates)
    dropped = []
    for key, was in before.items():
        now = after.get(key)
        if was.status != OVERDUE or (now is not None and now.status == OVERDUE):
            continue
        if now is not None and (any(id(u) in added for u in now.updates) or (stopped and now.status == CANCELLED)
                                or _moved_later(was, now)):
            continue
        dropped.append(was)
    return [Flag("overdue-dropped", task.ref, _occurrence_words(dropped, lang))] if dropped else []


def _moved_later(was: Occurrence, now: Occurrence) -> bool:
    """The deadline itself moved: `deadline-moved` says so, once."""
    return now.status != UPCOMING and bool(now.original_deadline and was.original_deadline
                                           and now.original_deadline != was.original_deadline)


def _named(occurrence: Occurrence, lang: str) -> str:
    """'6 tháng đầu năm 2025: ' before a recurring occurrence's dates; nothing for a one-off named by its date."""
    if len(occurrence.label) == len("2025-12-31") and occurrence.label.count("-") == 2:
        return ""
    return f"{occurrence_words(occurrence, lang)}: "


def _occurrence_words(found: list[Occurrence], lang: str) -> str:
    """'6 tháng đầu năm 2025 (30/06/2025)'; a one-off task's occurrence, named by its deadline, by that alone."""
    return "; ".join(f"{occurrence_words(o, lang)} ({in_force_text(o.deadline, o.moved_from, lang)})"
                     if o.label != str(o.deadline) else day_text(o.deadline, lang) for o in found)


def _renames(before: Workspace, after: Workspace) -> dict[str, Task]:
    """Each new task that goes on from a removed one (a new id, perhaps in another programme): the removed task.

    Pairs are scored (`_likeness`) and taken best first.  Candidates come from
    shared titles, log entries and (programme, schedule, lead), so that a
    reorganisation of thousands of tasks is not compared pair by pair.
    """
    old_refs = {t.ref for p in before.programme_index.values() for t in p.tasks}
    new_refs = {t.ref for p in after.programme_index.values() for t in p.tasks}
    removed = [t for p in before.programme_index.values() for t in p.tasks if t.ref not in new_refs]
    added = [t for p in after.programme_index.values() for t in p.tasks if t.ref not in old_refs]
    index: dict[object, list[Task]] = {}
    for task in added:
        for key in _keys(task):
            index.setdefault(key, []).append(task)
    pairs = []
    for old in removed:
        candidates = {id(t): t for key in _keys(old) for t in index.get(key, ())}
        pairs += [(score, old, new) for new in candidates.values() if (score := _likeness(old, new))]
    renamed: dict[str, Task] = {}
    taken: set[str] = set()
    for _, old, new in sorted(pairs, key=lambda pair: -pair[0]):  # stable: ties keep the records' order
        if new.ref not in renamed and old.ref not in taken:
            renamed[new.ref] = old
            taken.add(old.ref)
    return renamed


def _keys(task: Task) -> list[object]:
    return [("title", task.title), ("place", task.programme, task.schedule, task.lead),
            *(("update", u) for u in task.updates)]


def _likeness(old: Task, new: Task) -> int:
    """How surely `new` is `old` under another id; 0 when it is not.

    It is when the title is the same, a log entry is kept, or the programme,
    schedule and lead are all the same; a log kept whole outweighs all else.
    """
    kept = set(new.updates)
    shared = sum(u in kept for u in old.updates)
    same_place = old.programme == new.programme and old.schedule == new.schedule and old.lead == new.lead
    if not (old.title == new.title or shared or same_place):
        return 0
    whole = bool(old.updates) and new.updates[:len(old.updates)] == old.updates
    equal = sum(getattr(old, name) == getattr(new, name) for name in TASK_FIELDS)
    return 100 * whole + 10 * (old.title == new.title) + 5 * shared + 3 * same_place + equal


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
                "moves": [{"occurrence": o, "before": b, "after": a} for o, b, a in t.moves],
                "renamed_from": t.renamed_from}

    return {"before": review.before, "after": review.after, "as_of": review.as_of.isoformat(),
            "programmes": [{"id": p.id, "title": p.title, "state": p.state,
                            "changes": [{"field": c.field, "before": c.before, "after": c.after} for c in p.changes],
                            "tasks": [task(t) for t in p.tasks]} for p in review.programmes],
            "flags": [{"kind": f.kind, "task": f.task, "detail": f.detail} for f in review.flags],
            "moved_to": review.moved_to}


def flag_words(flag: Flag, lang: str) -> str:
    return label(f"diff.flag.{flag.kind}", lang, detail=flag.detail)
