"""Writing the reports: `report` renders an annual, six-monthly, custom-period or final report as Markdown or DOCX.

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
    LangOption,
    NoCacheOption,
    ProgrammeOption,
    RecordsOption,
    parse_day,
    selection,
    write_output,
)


def report(
    year: Annotated[int | None, typer.Option("--year", min=1900, max=2200, help="The year reported on.")] = None,
    half: Annotated[int | None, typer.Option("--half", metavar="1|2", min=1, max=2,
                                                             help="The half year (sơ kết 6 tháng).")] = None,
    start: Annotated[str | None, typer.Option("--from", metavar="DATE", help="Start of a custom period.")] = None,
    end: Annotated[str | None, typer.Option("--to", metavar="DATE", help="End of a custom period.")] = None,
    programme: ProgrammeOption = None,
    agency: AgencyOption = None,
    template: Annotated[str | None, typer.Option("--template", metavar="NAME|PATH",
                                                 help="bao-cao-nam, so-ket-6-thang, tong-ket, or a .j2 file.")]
    = None,
    output_format: Annotated[str, typer.Option("--format", metavar="md|docx|xlsx",
                                               help="Output format (xlsx: the appendix and the summary table).")]
    = "md",
    appendix: Annotated[str, typer.Option("--appendix", metavar="tasks|occurrences",
                                          help="Appendix rows: one per task, or one per occurrence.")] = "tasks",
    output: Annotated[str | None, typer.Option("-o", "--output", metavar="FILE",
                                               help="Write here (default: stdout for md).")] = None,
    narrative: Annotated[str | None, typer.Option("--narrative", metavar="FILE",
                                                  help="Markdown with the parts written by hand.")] = None,
    report_date: Annotated[str | None, typer.Option("--date", metavar="DATE",
                                                    help="Date of the date line (default: the as-of day).")] = None,
    records: RecordsOption = None,
    no_cache: NoCacheOption = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    include_all: AllOption = False,
    allow_errors: Annotated[bool, typer.Option("--allow-errors",
                                               help="Render even when the records have errors; the report then "
                                                    "names the files with errors in its first section.")] = False,
) -> None:
    """Render a report: annual (--year), six-monthly (--half), a custom period, or a programme's final review.

    Example:  ktcn report --year 2025 --format docx -o bao-cao-2025.docx
    """
    from datetime import date
    from pathlib import Path

    from ktcn.outputs import reports
    from ktcn.outputs.templating import render_markdown, report_context

    ctx = Context(records, as_of, lang, formats=("md", "docx", "xlsx"), output_format=output_format,
                  use_cache=not no_cache)
    if appendix not in APPENDIX_ROWS:
        raise typer.BadParameter(f"{appendix!r}: choose {', '.join(APPENDIX_ROWS)}", param_hint="--appendix")
    if ctx.omissions and not allow_errors:
        _refuse(ctx)
    name = template or ("so-ket-6-thang" if half else "bao-cao-nam")
    kind = _report_kind(name, half, start or end)
    chosen = selection(programme, agency, include_all)
    period = _report_period(ctx, kind, chosen, year, half, start, end)
    as_of_day = parse_day(as_of) if as_of else min(period.end, date.today())
    day = parse_day(report_date, "--date") if report_date else as_of_day
    built = reports.build_report(ctx.workspace, chosen, period, as_of_day, day, kind, ctx.lang,
                                 _read_narrative(narrative), ctx.omissions, appendix)
    markdown = render_markdown(name, ctx.workspace.root, report_context(built), ctx.lang)
    _check_omissions_shown(ctx, markdown)
    if output_format == "md":
        return write_output(output, markdown.encode("utf-8"))
    target = output or f"{Path(name).name.removesuffix('.md.j2')}-{period.start.year}.{output_format}"
    write_output(target, _binary(output_format, markdown, built))
    typer.echo(target, err=True)


APPENDIX_ROWS = ("tasks", "occurrences")


def _binary(output_format: str, markdown: str, built: Any) -> bytes:
    """The Word file (from the Markdown and the report) or the workbook (from the report: appendix and summary)."""
    if output_format == "xlsx":
        from ktcn.outputs.xlsx_report import report_xlsx

        return report_xlsx(built)
    from ktcn.outputs.docx_report import markdown_to_docx

    return markdown_to_docx(markdown, built)


def _refuse(ctx: Context) -> None:
    """Records with errors make no report: every error on stderr, exit 1, nothing written."""
    from ktcn.labels import label
    from ktcn.views.diagnostic_output import text_line

    for diagnostic in ctx.workspace.diagnostics:
        if diagnostic.severity == "error":
            typer.echo(text_line(diagnostic, ctx.lang), err=True)
    typer.echo(label("report.refused", ctx.lang, errors=ctx.omissions.errors, files=len(ctx.omissions.files)),
               err=True)
    raise typer.Exit(1)


def _check_omissions_shown(ctx: Context, markdown: str) -> None:
    """A template of the workspace's own that does not name the files with errors must not hide them."""
    from ktcn.labels import label

    hidden = [f.path for f in ctx.omissions.files if f.path not in markdown]
    if hidden:
        typer.echo(label("report.template_hides_omissions", ctx.lang, paths=", ".join(hidden)), err=True)
        raise typer.Exit(1)


def _report_kind(name: str, half: int | None, custom: object) -> str:
    if name in ("tong-ket", "final"):
        return "final"
    if half:
        return "half-year"
    return "period" if custom else "annual"


def _report_period(ctx: Context, kind: str, selection: Any, year: int | None, half: int | None,
                   start: str | None, end: str | None) -> Any:
    from ktcn.errors import UsageError
    from ktcn.labels import Phrase
    from ktcn.outputs.reports import Period, report_period

    if kind == "final" and not (year or start or end):
        if len(selection.programmes) != 1:
            raise UsageError(Phrase("usage.final_needs_programme"))
        found = ctx.workspace.programme(selection.programmes[0])
        first = found.period_from.start if found and found.period_from else (found.issued if found else None)
        last = found.period_to.end if found and found.period_to else ctx.as_of
        if first is None:
            raise UsageError(Phrase("usage.final_needs_period", id=selection.programmes[0]))
        return Period(first, last, "programme")
    return report_period(year, half, parse_day(start, "--from") if start else None,
                         parse_day(end, "--to") if end else None, ctx.workspace.settings.cutoff)


def _read_narrative(path: str | None) -> dict[str, str]:
    from pathlib import Path

    from ktcn.errors import UsageError
    from ktcn.labels import OSProblem, Phrase
    from ktcn.outputs.reports import parse_narrative

    if path is None:
        return {}
    try:
        return parse_narrative(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        problem = OSProblem(error) if isinstance(error, OSError) else error
        raise UsageError(Phrase("usage.narrative_unreadable", path=path, problem=problem)) from error
