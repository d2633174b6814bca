"""The status views for people: tables built from the view model, rendered with rich.

Colour is rich's business: only on a terminal, never with NO_COLOR or in a pipe.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from ktcn.engine.status import OVERDUE, Counts, Occurrence
from ktcn.labels import day_text, in_force_text, label
from ktcn.records.model import Programme, Task
from ktcn.views.describe import describe_schedule, occurrence_words, span_words
from ktcn.views.styled import Styled, assembled, styled
from ktcn.views.tabular import Column, Compact, Table, to_rich
from ktcn.views.viewmodel import AgencySummary, Catalogue, Scorecard, StatusView, last_note

COUNT_KEYS = ("done_on_time", "done_late", "in_progress", "overdue", "ongoing", "cancelled", "extended")
STATUS_STYLE = {"overdue": "red", "done_late": "yellow", "done_on_time": "green", "in_progress": "cyan",
                "cancelled": "dim", "upcoming": "dim"}
SHOWN_ITEMS = 8
BAR_WIDTH = 5


def agency_names(ids: Sequence[str], ws: Catalogue) -> list[str]:
    return [a.label if (a := ws.agency(i)) else i for i in ids]


def progress_bar(counts: Counts) -> str:
    """'███░░  60%': occurrences done out of those with a deadline; '—' when none has one."""
    if not counts.with_deadline:
        return "—"
    share = counts.done / counts.with_deadline
    filled = round(share * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled) + f" {round(share * 100):>3}%"


def progress_cell(counts: Counts) -> Compact | str:
    """The bar for a wide terminal, the percentage alone for a narrow one."""
    bar = progress_bar(counts)
    return Compact(bar, bar.split()[-1]) if counts.with_deadline else bar


def count_columns() -> tuple[Column, ...]:
    """The total and one column per category; abbreviated headers on a narrow terminal; 'extended' (which
    overlaps the others) the first to go."""
    return (Column("total", "col.total", "right", short="col.short.total"),
            *(Column(k, f"col.{k}", "right", short=f"col.short.{k}", drop=k == "extended") for k in COUNT_KEYS))


def status_table(view: StatusView, lang: str) -> Table:
    """Counts per programme: the number over the id (never cut: on a narrow terminal they go above the row)."""
    columns = (Column("programme", "col.programme", own_line="above", spill=True, min_width=12), *count_columns(),
               Column("progress", "col.progress"))
    rows = [(_programme_cell(s.programme), s.counts.total, *_counts(s.counts), progress_cell(s.counts))
            for s in view.programmes]
    rows.append((label("status.totals", lang), view.totals.total, *_counts(view.totals), progress_cell(view.totals)))
    return Table(columns, rows, [None] * len(view.programmes) + ["bold"], legend="status.short_legend")


def _programme_cell(programme: Programme) -> str:
    """The number people cite it by, and the id commands take; the title is for `ktcn show`."""
    return f"{programme.number}\n{programme.id}" if programme.number else programme.id


def _counts(counts: Counts) -> list[int]:
    return [getattr(counts, k) for k in COUNT_KEYS]


def items_table(items: Sequence[Occurrence], as_of: date, ws: Catalogue, days_field: str, lang: str) -> Table:
    """Overdue or upcoming occurrences: deadline, days late/left, task, period, lead, title, last note.

    Ids, dates and agency names are never cut; the title (and the note) wrap,
    and on a narrow terminal go under their row.
    """
    return cells_table([item_cells(o, ws, lang) for o in items], [_days(o, as_of, days_field) for o in items],
                       [o.status for o in items], days_field)


ItemCells = tuple[str, str, str, tuple[str, ...], str, str]


def item_cells(occurrence: Occurrence, ws: Catalogue, lang: str) -> ItemCells:
    """What a list shows of an occurrence in words, but its days late or left (they change daily): the deadline,
    `programme/task`, the period, the lead agencies' names, the title, and its last note (as written)."""
    return (_in_force(occurrence, lang), f"{occurrence.programme}/{occurrence.task.id}",
            occurrence_words(occurrence, lang), tuple(agency_names(occurrence.lead, ws)),
            " ".join(occurrence.task.title.split()), last_note(occurrence))


def cells_table(cells: Sequence[ItemCells], days: Sequence[int], statuses: Sequence[str], days_field: str) -> Table:
    """The table of `items_table` from each item's cells (`item_cells`), days late or left and status."""
    columns = [Column("deadline", "col.deadline"), Column(days_field, f"col.{days_field}", "right"),
               Column("task", "col.task"),
               Column("occurrence", "col.occurrence", ratio=1, min_width=10, own_line="below"),
               Column("lead", "col.lead", ratio=2, min_width=16, own_line="below"),
               Column("title", "col.title", ratio=3, min_width=24, own_line="below", bare=True)]
    # Cells as the table draws them (`tabular.cell_text`): the days as text, one lead as its name, more as a list.
    if any(c[5] for c in cells):  # the column only earns its width when someone wrote a note
        columns.append(Column("last_note", "col.last_note", ratio=2, min_width=16, own_line="below"))
        rows = [(deadline, str(n), task, words, leads[0] if len(leads) == 1 else leads, title, " ".join(note.split()))
                for (deadline, task, words, leads, title, note), n in zip(cells, days, strict=True)]
    else:
        rows = [(deadline, str(n), task, words, leads[0] if len(leads) == 1 else leads, title)
                for (deadline, task, words, leads, title, _), n in zip(cells, days, strict=True)]
    return Table(tuple(columns), rows, [STATUS_STYLE.get(s) if s == OVERDUE else None for s in statuses],
                 indent_under="task")


def _in_force(occurrence: Occurrence, lang: str) -> str:
    """The deadline cell: the date, or "30/11/2025 (CN)" over "→ 01/12/2025" when the deadline rule moved it.

    On two lines, the column stays as wide as a date and its weekday; on one, it took the width the titles need.
    """
    if occurrence.moved_from:
        return in_force_text(occurrence.deadline, occurrence.moved_from, lang).replace(" → ", "\n→ ", 1)
    return day_text(occurrence.deadline, lang)


def items_csv_table(items: Sequence[Occurrence], as_of: date, days_field: str) -> Table:
    """The same items with raw values for CSV: full titles, agency ids, the occurrence's machine label."""
    columns = tuple(Column(k, k) for k in ("programme", "task", "title", "occurrence", "deadline", days_field,
                                           "lead", "status", "last_note"))
    rows = [(o.programme, o.task.id, o.task.title, o.label, o.deadline, _days(o, as_of, days_field), o.lead,
             o.status, last_note(o)) for o in items]
    return Table(columns, rows)


def _days(occurrence: Occurrence, as_of: date, days_field: str) -> int:
    assert occurrence.deadline is not None
    delta = (as_of - occurrence.deadline).days
    return delta if days_field == "days_late" else -delta


def render_status(view: StatusView, ws: Catalogue, lang: str) -> Iterator[Any]:
    """The dashboard: programme table, then the most recent overdue items and the due-soon ones."""
    yield styled(label("status.title", lang, day=day_text(view.as_of, lang)), "bold")
    yield to_rich(status_table(view, lang), lang)
    yield styled(label("status.legend", lang, year=view.as_of.year), "dim")
    recent = tuple(reversed(view.overdue))[:SHOWN_ITEMS]
    yield from _section(label("status.overdue", lang, n=view.totals.overdue), recent, view, ws, lang, "days_late",
                        view.totals.overdue, "overdue")
    yield from _section(label("status.due_soon", lang, days=view.warn_days, n=view.due_soon_total), view.due_soon,
                        view, ws, lang, "days_left", view.due_soon_total, "upcoming")
    if view.hidden:
        yield styled(label("status.hidden", lang, n=len(view.hidden), ids=", ".join(view.hidden)), "dim")


def _section(title: str, items: Sequence[Occurrence], view: StatusView, ws: Catalogue, lang: str,
             days_field: str, total: int, command: str) -> Iterator[Any]:
    yield styled("")
    yield styled(title, "bold red" if days_field == "days_late" and total else "bold")
    if not items:
        return
    yield to_rich(items_table(items[:SHOWN_ITEMS], view.as_of, ws, days_field, lang), lang)
    if total > SHOWN_ITEMS:
        yield styled(label("status.more", lang, n=total - SHOWN_ITEMS, command=command), "dim")


def scorecard_table(card: Scorecard, ws: Catalogue, lang: str) -> Table:
    """Counts per lead agency (names wrap, never cut), each agency's on-time rate with its base, and their sum."""
    columns = (Column("agency", "col.agency", ratio=1, min_width=14, own_line="above", spill=True), *count_columns(),
               Column("on_time_rate", "col.on_time_rate", "right", short="col.short.on_time_rate"))
    body = [(agency_names([r.agency], ws)[0], r.counts.total, *_counts(r.counts), rate_cell(r))
            for r in card.rows]
    body.append((label("scorecard.sum", lang), card.summed.total, *_counts(card.summed), rate_cell(card.summed_rate)))
    return Table(columns, body, [None] * len(card.rows) + ["bold"], legend="scorecard.short_legend")


def scorecard_csv_table(card: Scorecard, ws: Catalogue) -> Table:
    """The scorecard for a spreadsheet: agency ids, counts, the rate as a fraction and its base."""
    columns = (Column("agency", "agency"), Column("name", "name"), Column("total", "total"),
               *(Column(k, k) for k in COUNT_KEYS), Column("on_time_rate", "on_time_rate"), Column("due", "due"))
    rows = [(r.agency, agency_names([r.agency], ws)[0], r.counts.total, *_counts(r.counts),
             "" if r.on_time_rate is None else round(r.on_time_rate, 4), r.counts.due) for r in card.rows]
    return Table(columns, rows)


def rate_cell(summary: AgencySummary) -> str:
    """'20% (1/5)': done on time out of all due, with the base; '—' when nothing was due."""
    rate = summary.on_time_rate
    if rate is None:
        return "—"
    return f"{round(rate * 100)}% ({summary.counts.done_on_time}/{summary.counts.due})"


def render_scorecard(card: Scorecard, ws: Catalogue, lang: str) -> Iterator[Any]:
    """The scorecard: a heading with the day, the table with its sum, and why the sum is above the dashboard's."""
    yield styled(label("scorecard.title", lang, day=day_text(card.as_of, lang)), "bold")
    yield to_rich(scorecard_table(card, ws, lang), lang)
    yield styled(label("status.agency_legend", lang), "dim")
    if card.summed.total != card.distinct.total:
        yield styled(label("scorecard.shared", lang, summed=card.summed.total, distinct=card.distinct.total),
                     "dim")


def render_task(task: Task, occurrences: Sequence[Occurrence], ws: Catalogue, lang: str,
                as_of: date) -> Iterator[Any]:
    """One task: its fields, schedule in words, each occurrence with its status, and the update log."""
    yield styled(f"{task.ref} · {task.title}", "bold")
    fields = [("show.kind", label(f"kind.{task.kind}", lang)),
              ("show.lead", ", ".join(agency_names(task.lead, ws))),
              ("show.support", ", ".join(agency_names(task.support, ws))),
              ("show.to", ", ".join(agency_names(task.to, ws))),
              ("show.schedule", describe_schedule(task.schedule, lang)),
              ("show.source", task.schedule_text or "")]
    for key, value in fields:
        if value:
            yield assembled((f"{label(key, lang)}: ", "bold"), value)
    yield styled("")
    yield to_rich(occurrence_table(occurrences, ws, lang), lang, title=label("show.occurrences", lang))
    updates = [u for u in task.updates if u.date <= as_of]
    yield styled(label("show.updates", lang), "bold")
    if not updates:
        yield styled(label("show.no_updates", lang), "dim")
    for update in updates:
        yield styled(f"{day_text(update.date, lang)}  {update_words(update, lang, ws)}")


def occurrence_table(occurrences: Sequence[Occurrence], ws: Catalogue, lang: str) -> Table:
    """Each occurrence's deadline and status; the lead too when a merger moved some of them."""
    columns = [Column("occurrence", "col.occurrence", ratio=1, min_width=8),
               Column("deadline", "col.deadline", ratio=1),
               Column("status", "col.status", ratio=1)]
    rows = [[occurrence_words(o, lang), _deadline_words(o, lang), _status_words(o, lang)] for o in occurrences]
    if any(o.lead != o.task.lead for o in occurrences):
        columns.append(Column("lead", "col.lead", ratio=2, min_width=12))
        rows = [[*row, agency_names(o.lead, ws)] for row, o in zip(rows, occurrences, strict=True)]
    return Table(tuple(columns), [tuple(r) for r in rows], [STATUS_STYLE.get(o.status) for o in occurrences])


def _deadline_words(occurrence: Occurrence, lang: str) -> str:
    text = in_force_text(occurrence.deadline, occurrence.moved_from, lang) if occurrence.deadline else "—"
    if occurrence.extended and occurrence.original_deadline:
        text += f" ({label('show.extended_from', lang, day=day_text(occurrence.original_deadline, lang))})"
    return text


def _status_words(occurrence: Occurrence, lang: str) -> str:
    if occurrence.waiting_on and occurrence.status == "upcoming":
        return label("waiting", lang, task=occurrence.waiting_on)
    text = label(occurrence.status, lang)
    if occurrence.done_on:
        text += f" ({day_text(occurrence.done_on, lang)})"
    if occurrence.due_soon:
        text += f" · {label('show.due_soon', lang)}"
    return text


def update_words(update: Any, lang: str, ws: Catalogue | None = None) -> str:
    """One line of the progress log; with the catalogue `ws`, the reporting agency by its name."""
    parts = []
    if update.status:
        parts.append(label(f"update.{update.status}", lang))
    if update.progress is not None:
        parts.append(label("update.progress", lang, n=update.progress))
    if update.extend_to:
        parts.append(label("update.extend_to", lang, day=deadline_words(update.extend_to, lang)))
    if update.period:
        parts.append(f"{label('update.period', lang)} {span_words(update.period, lang)}")
    if update.by:
        parts.append(f"{label('update.by', lang)} {agency_names([update.by], ws)[0] if ws else update.by}")
    text = "; ".join(parts)
    if update.note:
        text += (" — " if text else "") + update.note
    if update.evidence:
        text += f" [{label('update.evidence', lang)}: {'; '.join(update.evidence)}]"
    return text


def render_programme(programme: Programme, summary: Counts, ws: Catalogue, lang: str) -> Iterator[Any]:
    """One programme: its header fields and its tasks with their schedules."""
    yield styled(f"{programme.id} · {programme.title}", "bold")
    period = _period_words(programme.period_from, programme.period_to, lang)
    fields = [("show.number", programme.number or ""), ("show.issued", day_text(programme.issued, lang)
                                                        if programme.issued else ""),
              ("show.issuers", ", ".join(agency_names(programme.issuers, ws))), ("show.period", period),
              ("show.state", label(f"state.{programme.state}", lang)), ("col.progress", progress_bar(summary))]
    for key, value in fields:
        if value:
            yield assembled((f"{label(key, lang)}: ", "bold"), value)
    columns = (Column("task", "col.task"),
               Column("title", "col.title", ratio=3, min_width=24, own_line="below", bare=True),
               Column("lead", "col.lead", ratio=1, min_width=12, own_line="below"),
               Column("schedule", "show.schedule", ratio=1, min_width=12, own_line="below"))
    rows = [(t.id, " ".join(t.title.split()), agency_names(t.lead, ws), describe_schedule(t.schedule, lang))
            for t in programme.tasks]
    yield to_rich(Table(columns, rows, indent_under="lead"), lang, title=label("show.tasks", lang))


def _period_words(start: Any, end: Any, lang: str) -> str:
    """A programme's term: '2021–2026', or its bounds in words ('Quý III/2021 – Năm 2026')."""
    if not (start and end):
        return span_words(start, lang) if start else ""
    if start.precision == end.precision == "year":
        return f"{start.text}–{end.text}"
    return f"{span_words(start, lang)} – {span_words(end, lang)}"


def status_csv_table(view: StatusView) -> Table:
    """Counts per programme, for a spreadsheet."""
    columns = tuple(Column(k, k) for k in ("programme", "number", "title", "total", *COUNT_KEYS))
    rows = [(s.programme.id, s.programme.number, s.programme.title, s.counts.total, *_counts(s.counts))
            for s in view.programmes]
    return Table(columns, rows)


def render_found(query: str, found: Sequence[Any], limit: int, lang: str) -> Iterator[Any]:
    """`ktcn find`'s results: kind, the id to pass on, the text that matched; then how to see one."""
    yield styled(label("find.title", lang, query=query, n=len(found)), "bold")
    if not found:
        yield styled(label("find.none", lang), "dim")
        return
    shown = found[:limit] if limit else found
    rows = [(label(f"find.kind.{f.kind}", lang), f.id, _found_text(f, lang)) for f in shown]
    columns = (Column("kind", "find.col.kind"), Column("id", "find.col.id"),
               Column("text", "find.col.text", ratio=1, min_width=24, own_line="below", bare=True))
    yield to_rich(Table(columns, rows, indent_under="id"), lang)
    if len(found) > len(shown):
        yield styled(label("find.more", lang, n=len(found) - len(shown)), "dim")
    yield styled(label("find.hint", lang), "dim")


def _found_text(found: Any, lang: str) -> str:
    text = " ".join(found.text.split())
    if found.kind == "update":  # the day of the update, and whether it is its note or its evidence
        return f"{day_text(found.day, lang)} · {label(f'find.field.{found.field}', lang)}: {text}"
    if found.field in ("alias", "short", "number", "schedule_text"):
        return f"{label(f'find.field.{found.field}', lang)}: {text}"
    return text


def found_json(found: Any) -> dict[str, Any]:
    """A result for `ktcn find --format json`: stable keys, ISO date."""
    return {"kind": found.kind, "id": found.id, "field": found.field, "text": found.text, "score": found.score,
            "date": found.day.isoformat() if found.day else None}


def deadline_words(value: Any, lang: str) -> str:
    """An `extend_to` (a date-ish value) as its last day, in the reader's style: what the new deadline is."""
    return day_text(value.end, lang)


def bold(text: str) -> Styled:
    """A heading."""
    return styled(text, "bold")


def legend(key: str, lang: str, **values: object) -> Styled:
    """A legend under a table: the label `key` in `lang`, dimmed."""
    return styled(label(key, lang, **values), "dim")
