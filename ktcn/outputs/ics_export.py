"""Deadlines as an RFC 5545 calendar (`ktcn calendar`), written with the icalendar package.

Each occurrence with a deadline is one VTODO, recurring duties included: we
expand them rather than write an RRULE, so that every entry carries its own
status and every calendar shows exactly the deadlines `ktcn show` lists.
Ongoing work has no deadline and is left out.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from ktcn import __version__
from ktcn.engine.status import CANCELLED, DONE_LATE, DONE_ON_TIME, Occurrence
from ktcn.labels import in_force_text, label
from ktcn.records.model import Workspace
from ktcn.views.describe import occurrence_words
from ktcn.views.viewmodel import Selection, selected_occurrences

STATUS = {DONE_ON_TIME: "COMPLETED", DONE_LATE: "COMPLETED", CANCELLED: "CANCELLED"}


def calendar_bytes(ws: Workspace, selection: Selection, as_of: date, lang: str) -> bytes:
    """The selected occurrences as an iCalendar file; the same records and day give the same bytes."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", f"-//ktcn//ktcn {__version__}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", ws.settings.name or "ktcn")
    stamp = datetime.combine(as_of, time(), UTC)  # DTSTAMP from the as-of day keeps the output reproducible
    for _, occurrences in selected_occurrences(ws, selection, as_of):
        for occurrence in occurrences:
            if occurrence.deadline is not None:
                calendar.add_component(_todo(occurrence, ws, stamp, lang))
    return calendar.to_ical()


def uid(occurrence: Occurrence) -> str:
    """`PROG/TASK/LABEL@ktcn`: stable across exports, and it names the task to `ktcn show`."""
    return f"{occurrence.task.ref}/{occurrence.label}@ktcn"


def _todo(occurrence: Occurrence, ws: Workspace, stamp: datetime, lang: str) -> object:
    from icalendar import Todo

    task = occurrence.task
    todo = Todo()
    todo.add("uid", uid(occurrence))
    todo.add("dtstamp", stamp)
    period = occurrence_words(occurrence, lang)
    recurring = task.schedule.form in ("every", "rrule")
    todo.add("summary", f"{task.title} ({period})" if recurring else task.title)  # which round of a duty
    todo.add("due", occurrence.deadline)
    todo.add("status", STATUS.get(occurrence.status, "NEEDS-ACTION"))
    leads = [a.label if (a := ws.agency(i)) else i for i in occurrence.lead]
    lines = [f"{task.ref} ({period})", f"{label('col.lead', lang)}: {', '.join(leads)}",
             f"{label('col.status', lang)}: {label(occurrence.status, lang)}"]
    if occurrence.moved_from:  # DUE is the deadline in force; say the written one it replaces
        moved = in_force_text(occurrence.deadline, occurrence.moved_from, lang)
        lines.append(f"{label('col.deadline', lang)}: {moved}")
    if task.schedule_text:
        lines.append(f"{label('show.source', lang)}: {task.schedule_text}")
    todo.add("description", "\n".join(lines))
    todo.add("categories", [task.programme])
    todo.add("x-ktcn-lead", ",".join(occurrence.lead))
    if occurrence.done_on:
        todo.add("completed", datetime.combine(occurrence.done_on, time(), UTC))
    return todo
