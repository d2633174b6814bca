"""Looking at where things stand: `status`, `overdue`, `upcoming`, `show`, `find`, and the deadlines as a `calendar`.

The command-line side only; what is computed lives in `ktcn.views.viewmodel`, how it is drawn in `ktcn.views.terminal`.
Registered on the app, in help order, by `ktcn.cli`.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ktcn.cli.options import (
    AgencyOption,
    AllOption,
    AsOfOption,
    Context,
    FormatOption,
    LangOption,
    NoCacheOption,
    ProgrammeOption,
    RecordsOption,
    check_choice,
    selection,
    write_output,
)


def status(
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    output_format: FormatOption = "table",
    programme: ProgrammeOption = None,
    agency: AgencyOption = None,
    include_all: AllOption = False,
    by: Annotated[str | None, typer.Option("--by", metavar="agency", help="'agency': the lead agencies' scorecard.")]
    = None,
) -> None:
    """Where everything stands: counts per programme, progress, what is overdue and what is due soon.

    Example:  ktcn status --as-of 2025-12-31 --by agency
    """
    from ktcn.views import terminal
    from ktcn.views import viewmodel as views

    check_choice(by, ("agency",), "--by")
    chosen = selection(programme, agency, include_all)
    # What each view shows of the overdue and due-soon items: the table a few, JSON all, CSV and the scorecard none.
    shown = {"table": terminal.SHOWN_ITEMS, "csv": 0}.get(output_format) if by is None else 0
    spools = views.Spools() if output_format == "json" and by is None else None  # JSON lists all: set aside
    trim = views.Trimmer(chosen, overdue=shown, due_soon=shown, by_lead=by is not None, spool=spools)
    ctx = Context(records, as_of, lang, output_format, use_cache=not no_cache, board=True, trim=trim)
    if by == "agency":
        card = views.agency_scorecard(ctx.board, chosen)
        if ctx.format == "json":
            ctx.emit_json(views.scorecard_json(card))
        elif ctx.format == "csv":
            ctx.emit_csv(terminal.scorecard_csv_table(card, ctx.board))
        else:
            ctx.emit(terminal.render_scorecard(card, ctx.board, ctx.lang))
    else:
        view = views.status_view(ctx.board, chosen)
        if ctx.format == "json":
            ctx.emit_json(views.status_json(view, ctx.lang, spools))
        elif ctx.format == "csv":
            ctx.emit_csv(terminal.status_csv_table(view))
        else:
            ctx.emit(terminal.render_status(view, ctx.board, ctx.lang))
    ctx.finish()


def overdue(
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    output_format: FormatOption = "table",
    programme: ProgrammeOption = None,
    agency: AgencyOption = None,
    include_all: AllOption = False,
    fail: Annotated[bool, typer.Option("--fail", help="Exit 1 when anything is overdue (for CI reminders).")] = False,
) -> None:
    """Every overdue occurrence: deadline, days late, task, lead agency, last note.

    Example:  ktcn overdue --agency skhcn-cantho --fail
    """
    from ktcn.views import viewmodel as views

    chosen = selection(programme, agency, include_all)
    spools = views.Spools() if output_format == "json" else None  # every item, set aside as it is read
    trim = views.Trimmer(chosen, due_soon=0, by_lead=False, spool=spools)
    if output_format == "table":  # the rows in words, from the cache while their standings hold
        from ktcn.views.overdue_rows import OverdueRows, overdue_rows, overdue_table

        trim.rows = OverdueRows(lang)
    ctx = Context(records, as_of, lang, output_format, use_cache=not no_cache, board=True, trim=trim)
    if trim.rows is not None:
        items = overdue_rows(ctx.board, chosen)
        _emit_table(ctx, len(items), overdue_table(items, ctx.as_of) if items else None, "overdue.title", until=None)
        ctx.finish()
        if fail and items:
            raise typer.Exit(1)
        return
    items = views.overdue_items(ctx.board, chosen)
    if spools is not None:
        from ktcn.views.jsonstream import Streamed

        items = spools.overdue
        ctx.emit_json({"as_of": ctx.as_of.isoformat(),
                       "items": Streamed(views.item_json(o, ctx.as_of, "days_late", ctx.lang) for o in items)})
    else:
        _emit_items(ctx, ctx.board, items, "days_late", "overdue.title", until=None)
    ctx.finish()
    if fail and items:
        raise typer.Exit(1)


def upcoming(
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    output_format: FormatOption = "table",
    programme: ProgrammeOption = None,
    agency: AgencyOption = None,
    include_all: AllOption = False,
    days: Annotated[int | None, typer.Option("--days", min=0, max=3660,
                                             help="How far ahead (default: warn_days).")] = None,
) -> None:
    """Occurrences due in the next N days, soonest first.

    Example:  ktcn upcoming --days 30
    """
    from datetime import timedelta

    from ktcn.engine.status import SHOW_AHEAD
    from ktcn.views import viewmodel as views

    chosen = selection(programme, agency, include_all)
    ctx, catalogue, items, horizon = None, None, None, days
    if days is None or not no_cache:  # without a cache, --days N would read every file twice when N > warn_days
        # Within warn_days the programmes' standings hold the list (Standing.upcoming): a warm run reads only those.
        ctx = Context(records, as_of, lang, output_format, use_cache=not no_cache, board=True,
                      trim=views.Trimmer(chosen, overdue=0, by_lead=False))
        warn_days = ctx.board.settings.warn_days
        horizon = warn_days if days is None else days
        if horizon <= min(warn_days, SHOW_AHEAD.days):
            catalogue, items = ctx.board, views.upcoming_from_board(ctx.board, chosen, horizon)
    if items is None:  # further ahead: every programme's occurrences up to then
        ctx = Context(records, as_of, lang, output_format, use_cache=not no_cache)
        horizon = ctx.workspace.settings.warn_days if days is None else days
        catalogue, items = ctx.workspace, views.upcoming_items(ctx.workspace, chosen, ctx.as_of, horizon)
    _emit_items(ctx, catalogue, items, "days_left", "upcoming.title", until=ctx.as_of + timedelta(days=horizon))
    ctx.finish()


def _emit_items(ctx: Context, catalogue: Any, items: Any, days_field: str, title: str, until: Any) -> None:
    from ktcn.views import terminal
    from ktcn.views import viewmodel as views

    if ctx.format == "json":
        return ctx.emit_json({"as_of": ctx.as_of.isoformat(),
                              "items": [views.item_json(o, ctx.as_of, days_field, ctx.lang) for o in items]})
    if ctx.format == "csv":
        return ctx.emit_csv(terminal.items_csv_table(items, ctx.as_of, days_field))
    _emit_table(ctx, len(items), terminal.items_table(items, ctx.as_of, catalogue, days_field, ctx.lang) if items
                else None, title, until)


def _emit_table(ctx: Context, n: int, table: Any, title: str, until: Any) -> None:
    """A list's heading (`title`, with its `n` items), then its table (None: an empty list shows none)."""
    from ktcn.labels import day_text, label
    from ktcn.views import terminal

    heading = label(title, ctx.lang, day=day_text(ctx.as_of, ctx.lang), until=day_text(until, ctx.lang), n=n)
    ctx.emit([terminal.bold(heading), terminal.to_rich(table, ctx.lang)] if table else [terminal.bold(heading)])


def show(
    reference: Annotated[str, typer.Argument(metavar="ID", help="prog-id or prog-id/task-id")],
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    output_format: Annotated[str, typer.Option("--format", metavar="table|json", help="Output format.")] = "table",
) -> None:
    """One programme or task: fields, schedule in words, every occurrence with its status, the update log.

    Example:  ktcn show kh-231-2024/iii-2 --as-of 2025-12-01
    """
    from ktcn.engine.schedule import programme_bounds
    from ktcn.engine.status import count, counted, programme_occurrences, task_occurrences
    from ktcn.engine.working_days import deadline_shift
    from ktcn.views import terminal
    from ktcn.views import viewmodel as views
    from ktcn.views.describe import describe_schedule

    ctx = Context(records, as_of, lang, output_format, use_cache=not no_cache, only=reference.partition("/")[0])
    ws = ctx.workspace if ctx.workspace.programmes else ctx.whole()  # an unknown id: did you mean one of them?
    programme, task = views.find_task(ws, reference)
    if task is None:
        found = programme_occurrences(programme, ws, ctx.as_of)
        if ctx.format == "json":
            ctx.emit_json(views.programme_json(programme, found, ctx.as_of, ctx.lang))
        else:
            ctx.emit(terminal.render_programme(programme, count(counted(found, ctx.as_of)), ws, ctx.lang))
    else:
        found = task_occurrences(task, programme_bounds(programme), ctx.as_of, ws.settings.warn_days,
                                 ws.agency_index, shift=deadline_shift(ws.settings), tasks=programme.tasks)
        if ctx.format == "json":
            ctx.emit_json(views.task_json(task, found, describe_schedule(task.schedule, ctx.lang), ctx.lang))
        else:
            ctx.emit(terminal.render_task(task, found, ws, ctx.lang, ctx.as_of))
    ctx.finish()


def calendar(
    output: Annotated[str | None, typer.Option("-o", "--output", metavar="FILE.ics",
                                               help="Write here (default: stdout).")] = None,
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    programme: ProgrammeOption = None,
    agency: AgencyOption = None,
    include_all: AllOption = False,
) -> None:
    """Export deadlines as an iCalendar file (RFC 5545): one to-do per deadline, with its status.

    Import it into Thunderbird, Outlook or a phone, or subscribe to it.

    Example:  ktcn calendar --agency skhcn-cantho -o han-chot.ics
    """
    from ktcn.outputs.ics_export import calendar_bytes

    ctx = Context(records, as_of, lang, use_cache=not no_cache)
    data = calendar_bytes(ctx.workspace, selection(programme, agency, include_all), ctx.as_of, ctx.lang)
    write_output(output, data)
    ctx.finish()


def holidays(
    year: Annotated[int | None, typer.Option("--year", metavar="YYYY", min=1995, max=2100,
                                             help="The year to list (default: the year of --as-of, else this year).")]
    = None,
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    output_format: Annotated[str, typer.Option("--format", metavar="table|json", help="Output format.")] = "table",
) -> None:
    """The days off and the weekend days worked of a year, and where each came from (the holidays package or ktcn.yaml).

    Deadlines count with these days under deadline_rule: civil-code (a deadline on a day off moves to the next
    working day).

    Example:  ktcn holidays --year 2026
    """
    from ktcn.engine.working_days import calendar_of
    from ktcn.views.holidays_view import holidays_json, render_holidays

    ctx = Context(records, as_of, lang, output_format, formats=("table", "json"), use_cache=not no_cache)
    settings = ctx.workspace.settings
    chosen = year or ctx.as_of.year
    calendar = calendar_of(settings, ctx.lang)
    if ctx.format == "json":
        ctx.emit_json(holidays_json(calendar, settings, chosen))
    else:
        ctx.emit(render_holidays(calendar, settings, chosen, ctx.lang))
    ctx.finish()


def find(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to look for; marks and case do not matter.")],
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
    output_format: Annotated[str, typer.Option("--format", metavar="table|json", help="Output format.")] = "table",
    limit: Annotated[int, typer.Option("--limit", metavar="N", min=0,
                                       help="Show at most N results (0: all; default 20).")] = 20,
) -> None:
    """Find programmes, tasks, updates (notes, evidence) and agencies by their words, without marks or case.

    "chuyen doi so" finds "chuyển đổi số"; each result gives the id for ktcn show (or --agency).

    Example:  ktcn find "chuyen doi so"
    """
    from ktcn.views import terminal
    from ktcn.views.finding import find as search

    ctx = Context(records, None, lang, output_format, formats=("table", "json"), use_cache=not no_cache)
    found = search(ctx.workspace, text)
    if ctx.format == "json":
        ctx.emit_json({"query": text, "results": [terminal.found_json(f) for f in found]}, omissions=False)
    else:
        ctx.emit(terminal.render_found(text, found, limit, ctx.lang))
    ctx.finish()
