"""The `ktcn` command line: parse options, call the core, print.

Command bodies stay short; the work is in the core modules, imported inside
each command so that `ktcn --version` and `--help` stay fast.  Every failure
goes through `ErrorHandlingGroup.invoke`, the one place that maps errors to
messages and exit codes (cli.md).
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ktcn import __version__
from ktcn.errors import KtcnError

EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
REPORT_URL = "https://github.com/ktcn/ktcn/issues"


def _is_framework_exit(error: Exception) -> bool:
    """Exit, Abort and usage errors belong to the CLI framework (click, or typer's vendored copy)."""
    return any(cls.__name__ in ("Exit", "Abort", "ClickException") for cls in type(error).__mro__)


def _vietnamese_help(command: Any, name: str | None) -> None:
    from ktcn import help_vi

    if not help_vi.wanted():
        return
    command.help = help_vi.COMMANDS.get(name, command.help) if name else help_vi.APP
    for param in command.params:
        text = help_vi.OPTIONS.get(f"{name}.{param.name}") or help_vi.OPTIONS.get(param.name or "")
        if getattr(param, "help", None) is not None and text:
            param.help = text


def _silence_stdout() -> None:
    # In tests stdout is not a real file; nothing more will be written to it anyway.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


class ErrorHandlingGroup(TyperGroup):
    """Turns KtcnError into 'ktcn: message' and its exit code; anything unexpected into exit 70.

    It also gives the help in Vietnamese when asked (`ktcn.help_vi`).
    """

    def get_command(self, ctx: typer.Context, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _vietnamese_help(command, cmd_name)
        return command

    def format_help(self, ctx: typer.Context, formatter: Any) -> None:
        _vietnamese_help(self, None)
        super().format_help(ctx, formatter)

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KtcnError as error:
            typer.echo(f"ktcn: {error.message}", err=True)
            if error.hint:
                typer.echo(f"  ({error.hint})", err=True)
            raise typer.Exit(error.exit_code) from None
        except BrokenPipeError:
            _silence_stdout()  # the reader went away (`ktcn overdue | head`): stop quietly, as Unix tools do
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except KeyboardInterrupt:
            typer.echo("ktcn: interrupted", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as error:
            if _is_framework_exit(error) or os.environ.get("KTCN_DEBUG"):
                raise
            typer.echo(
                "ktcn: sorry, something went wrong inside ktcn (this is a bug, not your records).\n"
                f"  Please report it at {REPORT_URL} with the command you ran;\n"
                "  run it again with KTCN_DEBUG=1 to see the details.",
                err=True,
            )
            typer.echo("  " + traceback.format_exc().strip().splitlines()[-1], err=True)
            raise typer.Exit(EXIT_INTERNAL) from None


app = typer.Typer(
    cls=ErrorHandlingGroup,
    help="Keep science-and-technology programmes as YAML records: validate, track deadlines, report.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ktcn {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """ktcn: the programmes, tasks and deadlines of a Sở KH&CN or Liên hiệp Hội, kept in git."""


RecordsOption = Annotated[
    str | None,
    typer.Option("--records", metavar="DIR",
                 help="Workspace folder (default: $KTCN_RECORDS, else the nearest ktcn.yaml up, else ./records)."),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", metavar="YYYY-MM-DD", help="Compute everything as of this day (default: today)."),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Parse every file again; neither read nor write the per-file cache."),
]
LangOption = Annotated[
    str | None, typer.Option("--lang", metavar="vi|en", help="Language of labels and messages (default: ktcn.yaml).")
]


def parse_day(text: str | None, option: str = "--as-of") -> Any:
    """A command-line date, or today; a bad one is a usage error (exit 2)."""
    from datetime import date

    from ktcn.dateish import DateIshError, parse_date

    if text is None:
        return date.today()
    try:
        return parse_date(text)
    except DateIshError as error:
        raise typer.BadParameter(f"{text!r}: {error.problem} (write YYYY-MM-DD)", param_hint=option) from None


def choose_lang(lang: str | None, workspace_lang: str) -> str:
    if lang is None:
        return workspace_lang
    if lang not in ("vi", "en"):
        raise typer.BadParameter(f"{lang!r} is not vi or en", param_hint="--lang")
    return lang


@app.command()
def validate(
    paths: Annotated[list[str] | None, typer.Argument(metavar="[PATH]...",
                                                     help="Report only on these files or folders.")] = None,
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    output_format: Annotated[str, typer.Option("--format", metavar="text|json|github|gitlab",
                                               help="Output format (github: workflow annotations; gitlab: code"
                                                    " quality report).")] = "text",
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Check every record against the format; print path:line:col: severity CODE message (hint).

    The whole workspace is always loaded, so references across files are
    checked; PATHs (as pre-commit passes them) only narrow what is reported.

    Example:  ktcn validate --records records --strict
    """
    from ktcn.diagnostic_output import FORMATS, narrow, render
    from ktcn.diagnostics import Severity
    from ktcn.loader import find_root, load

    if output_format not in FORMATS:
        raise typer.BadParameter(f"{output_format!r}: choose {', '.join(FORMATS)}", param_hint="--format")
    today = parse_day(as_of)
    workspace = load(find_root(records), today=today, use_cache=not no_cache)
    language = choose_lang(lang, workspace.settings.language)
    shown = narrow(workspace.diagnostics, paths or [])
    sys.stdout.write(render(shown, output_format, language))
    errors = sum(d.severity is Severity.ERROR for d in shown)
    warnings = len(shown) - errors
    if output_format == "text":
        typer.echo(_summary(errors, warnings, language), err=True)
    if errors or (strict and warnings):
        raise typer.Exit(1)


FormatOption = Annotated[str, typer.Option("--format", metavar="table|json|csv", help="Output format.")]
ProgrammeOption = Annotated[
    list[str] | None, typer.Option("--programme", "-p", metavar="ID", help="Only this programme (repeatable).")
]
AgencyOption = Annotated[str | None, typer.Option("--agency", metavar="ID", help="Only tasks this agency leads.")]
AllOption = Annotated[bool, typer.Option("--all", help="Include programmes that are draft, closed or superseded.")]
LIST_FORMATS = ("table", "json", "csv")


class Context:
    """What every listing command starts from: the workspace, the day and the language."""

    def __init__(self, records: str | None, as_of: str | None, lang: str | None, output_format: str = "table",
                 formats: tuple[str, ...] = LIST_FORMATS, use_cache: bool = True):
        from ktcn.loader import find_root, load

        if output_format not in formats:
            raise typer.BadParameter(f"{output_format!r}: choose {', '.join(formats)}", param_hint="--format")
        self.as_of = parse_day(as_of)
        self.workspace = load(find_root(records), today=self.as_of, use_cache=use_cache)
        self.lang = choose_lang(lang, self.workspace.settings.language)
        self.format = output_format
        errors = sum(d.severity == "error" for d in self.workspace.diagnostics)
        if errors:
            typer.echo(f"ktcn: {errors} error(s) in the records; the view leaves out what cannot be read"
                       " (run 'ktcn validate').", err=True)

    def selection(self, programmes: list[str] | None, agency: str | None, include_all: bool = False) -> Any:
        from ktcn.views import Selection

        return Selection(tuple(programmes or ()), agency, include_all)

    def emit(self, renderables: Any) -> None:
        from rich.console import Console

        console = Console(highlight=False, soft_wrap=False)
        for renderable in renderables:
            console.print(renderable)

    def emit_json(self, document: Any) -> None:
        import json

        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n")

    def emit_csv(self, table: Any) -> None:
        from ktcn.tabular import to_csv

        sys.stdout.write(to_csv(table))


@app.command()
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
    from ktcn import terminal, views

    ctx = Context(records, as_of, lang, output_format, use_cache=not no_cache)
    selection = ctx.selection(programme, agency, include_all)
    if by not in (None, "agency"):
        raise typer.BadParameter(f"{by!r}: only 'agency'", param_hint="--by")
    if by == "agency":
        rows = views.agency_scorecard(ctx.workspace, selection, ctx.as_of)
        table = terminal.scorecard_table(rows, ctx.workspace)
        if ctx.format == "json":
            return ctx.emit_json(views.scorecard_json(ctx.as_of, rows))
        if ctx.format == "csv":
            return ctx.emit_csv(table)
        return ctx.emit([terminal.to_rich(table, ctx.lang), terminal.legend("status.agency_legend", ctx.lang)])
    view = views.status_view(ctx.workspace, selection, ctx.as_of)
    if ctx.format == "json":
        return ctx.emit_json(views.status_json(view))
    if ctx.format == "csv":
        return ctx.emit_csv(terminal.status_csv_table(view))
    ctx.emit(terminal.render_status(view, ctx.workspace, ctx.lang))


@app.command()
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
    from ktcn import views

    ctx = Context(records, as_of, lang, output_format, use_cache=not no_cache)
    items = views.overdue_items(ctx.workspace, ctx.selection(programme, agency, include_all), ctx.as_of)
    _emit_items(ctx, items, "days_late", "overdue.title", until=None)
    if fail and items:
        raise typer.Exit(1)


@app.command()
def upcoming(
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    output_format: FormatOption = "table",
    programme: ProgrammeOption = None,
    agency: AgencyOption = None,
    include_all: AllOption = False,
    days: Annotated[int | None, typer.Option("--days", min=0, help="How far ahead (default: warn_days).")] = None,
) -> None:
    """Occurrences due in the next N days, soonest first.

    Example:  ktcn upcoming --days 30
    """
    from datetime import timedelta

    from ktcn import views

    ctx = Context(records, as_of, lang, output_format, use_cache=not no_cache)
    horizon = ctx.workspace.settings.warn_days if days is None else days
    items = views.upcoming_items(ctx.workspace, ctx.selection(programme, agency, include_all), ctx.as_of, horizon)
    _emit_items(ctx, items, "days_left", "upcoming.title", until=ctx.as_of + timedelta(days=horizon))


def _emit_items(ctx: Context, items: Any, days_field: str, title: str, until: Any) -> None:
    from ktcn import terminal, views
    from ktcn.labels import day_text, label

    if ctx.format == "json":
        return ctx.emit_json({"as_of": ctx.as_of.isoformat(),
                              "items": [views.item_json(o, ctx.as_of, days_field) for o in items]})
    if ctx.format == "csv":
        return ctx.emit_csv(terminal.items_csv_table(items, ctx.as_of, days_field))
    heading = label(title, ctx.lang, day=day_text(ctx.as_of, ctx.lang), until=day_text(until, ctx.lang), n=len(items))
    table = terminal.items_table(items, ctx.as_of, ctx.workspace, days_field)
    ctx.emit([terminal.bold(heading), terminal.to_rich(table, ctx.lang)] if items else [terminal.bold(heading)])


@app.command()
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
    from ktcn import terminal, views
    from ktcn.describe import describe_schedule
    from ktcn.schedule import programme_bounds
    from ktcn.status import count, counted, programme_occurrences, task_occurrences

    ctx = Context(records, as_of, lang, output_format, use_cache=not no_cache)
    ws = ctx.workspace
    programme, task = views.find_task(ws, reference)
    if task is None:
        found = programme_occurrences(programme, ws, ctx.as_of)
        if ctx.format == "json":
            return ctx.emit_json(views.programme_json(programme, found, ctx.as_of, ctx.lang))
        return ctx.emit(terminal.render_programme(programme, count(counted(found, ctx.as_of)), ws, ctx.lang))
    found = task_occurrences(task, programme_bounds(programme), ctx.as_of, ws.settings.warn_days, ws.agency_index)
    if ctx.format == "json":
        return ctx.emit_json(views.task_json(task, found, describe_schedule(task.schedule, ctx.lang)))
    ctx.emit(terminal.render_task(task, found, ws, ctx.lang, ctx.as_of))


@app.command()
def report(
    year: Annotated[int | None, typer.Option("--year", help="The year reported on.")] = None,
    half: Annotated[int | None, typer.Option("--half", metavar="1|2", help="The half year (sơ kết 6 tháng).")] = None,
    start: Annotated[str | None, typer.Option("--from", metavar="YYYY-MM-DD", help="Start of a custom period.")]
    = None,
    end: Annotated[str | None, typer.Option("--to", metavar="YYYY-MM-DD", help="End of a custom period.")] = None,
    programme: ProgrammeOption = None,
    agency: AgencyOption = None,
    template: Annotated[str | None, typer.Option("--template", metavar="NAME|PATH",
                                                 help="bao-cao-nam, so-ket-6-thang, tong-ket, or a .j2 file.")]
    = None,
    output_format: Annotated[str, typer.Option("--format", metavar="md|docx", help="Output format.")] = "md",
    output: Annotated[str | None, typer.Option("-o", "--output", metavar="FILE",
                                               help="Write here (default: stdout for md).")] = None,
    narrative: Annotated[str | None, typer.Option("--narrative", metavar="FILE",
                                                  help="Markdown with the parts written by hand.")] = None,
    report_date: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD",
                                                    help="Date of the date line (default: the as-of day).")] = None,
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    include_all: AllOption = False,
) -> None:
    """Render a report: annual (--year), six-monthly (--half), a custom period, or a programme's final review.

    Example:  ktcn report --year 2025 --format docx -o bao-cao-2025.docx
    """
    from datetime import date

    from ktcn import reports
    from ktcn.templating import render_markdown, report_context

    ctx = Context(records, as_of, lang, formats=("md", "docx"), output_format=output_format, use_cache=not no_cache)
    name = template or ("so-ket-6-thang" if half else "bao-cao-nam")
    kind = _report_kind(name, half, start or end)
    selection = ctx.selection(programme, agency, include_all)
    period = _report_period(ctx, kind, selection, year, half, start, end)
    as_of_day = parse_day(as_of) if as_of else min(period.end, date.today())
    day = parse_day(report_date, "--date") if report_date else as_of_day
    built = reports.build_report(ctx.workspace, selection, period, as_of_day, day, kind, ctx.lang,
                                 _read_narrative(narrative))
    markdown = render_markdown(name, ctx.workspace.root, report_context(built), ctx.lang)
    if output_format == "md":
        return _write_output(output, markdown.encode("utf-8"))
    from ktcn.docx_report import markdown_to_docx

    target = output or f"{name.removesuffix('.md.j2')}-{period.start.year}.docx"
    _write_output(target, markdown_to_docx(markdown, built))
    typer.echo(target, err=True)


def _report_kind(name: str, half: int | None, custom: object) -> str:
    if name in ("tong-ket", "final"):
        return "final"
    if half:
        return "half-year"
    return "period" if custom else "annual"


def _report_period(ctx: Context, kind: str, selection: Any, year: int | None, half: int | None,
                   start: str | None, end: str | None) -> Any:
    from ktcn.errors import UsageError
    from ktcn.reports import Period, report_period

    if kind == "final" and not (year or start or end):
        if len(selection.programmes) != 1:
            raise UsageError("a final report (tong-ket) is of one programme: add --programme ID")
        found = ctx.workspace.programme(selection.programmes[0])
        first = found.period_from.start if found and found.period_from else (found.issued if found else None)
        last = found.period_to.end if found and found.period_to else ctx.as_of
        if first is None:
            raise UsageError(f"{selection.programmes[0]} has no period nor issue date: give --from and --to")
        return Period(first, last, "programme")
    return report_period(year, half, parse_day(start, "--from") if start else None,
                         parse_day(end, "--to") if end else None, ctx.workspace.settings.cutoff)


def _read_narrative(path: str | None) -> dict[str, str]:
    from pathlib import Path

    from ktcn.errors import UsageError
    from ktcn.reports import parse_narrative

    if path is None:
        return {}
    try:
        return parse_narrative(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read the narrative file {path}: {error}") from error


def _write_output(output: str | None, data: bytes) -> None:
    from pathlib import Path

    from ktcn.atomic import write_atomic

    if output is None or output == "-":
        sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(data.decode())
        sys.stdout.flush()
        return
    write_atomic(Path(output), data)


@app.command()
def update(
    reference: Annotated[str, typer.Argument(metavar="PROG/TASK", help="The task, e.g. kh-231-2024/9.")],
    status_value: Annotated[str | None, typer.Option("--status", metavar="in-progress|done|cancelled",
                                                     help="The new status.")] = None,
    progress: Annotated[int | None, typer.Option("--progress", min=0, max=100, help="Percent done.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="What was done.")] = None,
    evidence: Annotated[list[str] | None, typer.Option("--evidence", help="A document that proves it (repeatable).")]
    = None,
    by: Annotated[str | None, typer.Option("--by", metavar="AGENCY", help="Agency id reporting it.")] = None,
    on: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="Date of the update (default: today).")]
    = None,
    period: Annotated[str | None, typer.Option("--period", metavar="LABEL",
                                               help="The occurrence it is for, e.g. 2025-H1.")] = None,
    extend_to: Annotated[str | None, typer.Option("--extend-to", metavar="DATE", help="Gia hạn: the new deadline.")]
    = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the change as a diff; write nothing.")] = False,
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """Append one update to a task's progress log; no other byte of the file changes.

    The new file is checked before it replaces the old one: an update that would
    add an error is refused and the file is left as it was.

    Example:  ktcn update kh-231-2024/9 --status done --evidence "Quyết định 1234/QĐ-UBND" --date 2025-06-30
    """
    from ktcn.edit import NewUpdate
    from ktcn.updating import apply_update

    if status_value not in (None, "in-progress", "done", "cancelled"):
        raise typer.BadParameter(f"{status_value!r}: choose in-progress, done or cancelled", param_hint="--status")
    if not any((status_value, progress is not None, note, evidence, extend_to)):
        raise typer.BadParameter("say what happened: --status, --progress, --note, --evidence or --extend-to")
    ctx = Context(records, None, lang, use_cache=not no_cache)
    entry = NewUpdate(parse_day(on, "--date"), status_value, progress, note, tuple(evidence or ()), by,
                      _label(period), _label(extend_to, deadline=True))
    result = apply_update(ctx.workspace, reference, entry, dry_run, ctx.as_of, use_cache=not no_cache)
    if dry_run:
        sys.stdout.write(result.diff)
        return
    from ktcn.labels import label

    typer.echo(label("update.written", ctx.lang, path=result.path, line=result.line), err=True)


@app.command()
def init(
    folder: Annotated[str, typer.Argument(metavar="[DIR]", help="Where to create it (default: here).")] = ".",
    lang: LangOption = None,
) -> None:
    """Create a workspace: ktcn.yaml, agencies.yaml, an example programme, pre-commit config, .gitignore.

    Nothing is overwritten: if any of these files exists, nothing is written.

    Example:  ktcn init ho-so && cd ho-so && ktcn status
    """
    from datetime import date
    from pathlib import Path

    from ktcn.labels import label
    from ktcn.scaffold import init_workspace

    language = choose_lang(lang, "vi")
    written = init_workspace(Path(folder), date.today(), language)
    for path in written:
        typer.echo(path)
    typer.echo(label("init.done", language, folder=folder), err=True)


@app.command()
def schema(
    kind: Annotated[str, typer.Argument(metavar="[programme|agencies|settings]", help="Which file's schema.")]
    = "programme",
    output: Annotated[str | None, typer.Option("-o", "--output", metavar="FILE", help="Write here (default: stdout).")]
    = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of programme files, agencies.yaml or ktcn.yaml.

    Editors use it to complete and check fields as you type; see the README.

    Example:  ktcn schema programme -o schemas/programme.schema.json
    """
    import json

    from ktcn.schema_export import KINDS, json_schema

    if kind not in KINDS:
        raise typer.BadParameter(f"{kind!r}: choose {', '.join(KINDS)}", param_hint="KIND")
    text = json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    _write_output(output, text.encode("utf-8"))


@app.command()
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
    from ktcn.ics_export import calendar_bytes

    ctx = Context(records, as_of, lang, use_cache=not no_cache)
    data = calendar_bytes(ctx.workspace, ctx.selection(programme, agency, include_all), ctx.as_of, ctx.lang)
    _write_output(output, data)


@app.command()
def diff(
    revisions: Annotated[str | None, typer.Argument(metavar="[A..B]",
                                                    help="Two revisions, or one to compare with the working tree.")]
    = None,
    staged: Annotated[bool, typer.Option("--staged", help="Compare HEAD with what is staged for commit.")] = False,
    output_format: Annotated[str, typer.Option("--format", metavar="table|md|json", help="Output format.")] = "table",
    fail_on_flags: Annotated[bool, typer.Option("--fail-on-flags",
                                                help="Exit 1 when a review flag is raised (for merge-request CI).")]
    = False,
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """What a change to the records does, in words: tasks added or removed, deadlines moved, new updates,
    statuses changed, and the flags a reviewer must look at.

    Default: HEAD against the working tree.

    Example:  ktcn diff main..feature --format md --fail-on-flags
    """
    from ktcn.reviewing import run_diff

    ctx = Context(records, as_of, lang, output_format, formats=("table", "md", "json"), use_cache=not no_cache)
    result = run_diff(ctx.workspace, revisions, staged, ctx.as_of, ctx.lang)
    if output_format == "json":
        ctx.emit_json(result.json)
    elif output_format == "md":
        sys.stdout.write(result.markdown)
    else:
        from rich.markdown import Markdown

        ctx.emit([Markdown(result.markdown)])
    if fail_on_flags and result.flags:
        raise typer.Exit(1)


def _label(text: str | None, deadline: bool = False) -> str | None:
    from ktcn.dateish import DateIshError, parse_dateish, parse_label

    if text is None:
        return None
    try:
        return (parse_dateish(text) if deadline else parse_label(text)).text
    except DateIshError as error:
        option = "--extend-to" if deadline else "--period"
        raise typer.BadParameter(f"{text!r}: {error.problem}", param_hint=option) from None


def _summary(errors: int, warnings: int, lang: str) -> str:
    if lang == "vi":
        return f"{errors} lỗi, {warnings} cảnh báo"
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def main() -> None:
    """Console-script entry point."""
    app(prog_name="ktcn")
