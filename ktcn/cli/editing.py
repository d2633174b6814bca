"""Changing the records: `update` appends to a task's log, `diff` says in words what a change does.

Registered on the app, in help order, by `ktcn.cli`.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ktcn.cli.options import (
    AsOfOption,
    Context,
    LangOption,
    NoCacheOption,
    RecordsOption,
    check_choice,
    choose_lang,
    parse_day,
    with_advice,
)


def update(
    reference: Annotated[str, typer.Argument(metavar="PROG/TASK", help="The task, e.g. kh-231-2024/9.")],
    status_value: Annotated[str | None, typer.Option("--status", metavar="in-progress|done|cancelled",
                                                     help="The new status.")] = None,
    progress: Annotated[int | None, typer.Option("--progress", metavar="N", min=0, max=100, help="Percent done.")]
    = None,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="What was done.")] = None,
    evidence: Annotated[list[str] | None, typer.Option("--evidence", metavar="TEXT",
                                                       help="A document that proves it (repeatable).")] = None,
    by: Annotated[str | None, typer.Option("--by", metavar="AGENCY", help="Agency id reporting it.")] = None,
    on: Annotated[str | None, typer.Option("--date", metavar="DATE",
                                           help="Date of the update: YYYY-MM-DD or dd/mm/yyyy (default: today).")]
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
    from ktcn.labels import Phrase, label
    from ktcn.language import from_environment
    from ktcn.records.workspace_files import find_root
    from ktcn.writing.edit import NewUpdate
    from ktcn.writing.updating import run_update

    check_choice(status_value, ("in-progress", "done", "cancelled"), "--status")
    if not any((status_value, progress is not None, note, evidence, extend_to)):
        raise typer.BadParameter(Phrase("usage.say_what_happened"))
    if lang is not None:
        choose_lang(lang, "en")  # a wrong --lang is a usage error before anything is locked or read
    lang = lang or from_environment()  # KTCN_LANG, as every command; else the workspace's language
    entry = NewUpdate(parse_day(on, "--date"), status_value, progress, note, tuple(evidence or ()), by,
                      _label(period), _label(extend_to, deadline=True))
    # no Context: the records must be read under the update lock, which run_update takes first
    result, language = run_update(find_root(records), reference, entry, dry_run, parse_day(None), lang,
                                  use_cache=not no_cache)
    if dry_run:
        sys.stdout.write(result.diff)
        return
    typer.echo(label("update.written", language, path=result.path, line=result.line), err=True)


def _label(text: str | None, deadline: bool = False) -> str | None:
    """A --period label, or an --extend-to deadline (date-ish, or a day typed as 31/03/2027), as records write it."""
    from ktcn.labels import Phrase
    from ktcn.records.dateish import DateIshError, parse_dateish, parse_label, parse_typed_day

    if text is None:
        return None
    try:
        return (parse_dateish(text) if deadline else parse_label(text)).text
    except DateIshError as error:
        if deadline:  # a day as documents write it (31/03/2027): the record gets its ISO form
            try:
                return parse_typed_day(text).isoformat()
            except DateIshError as typed:
                error = typed if typed.days else error  # a likely meaning beats the record forms' explanation
        problem = error.problem if error.days else Phrase("usage.bad_label", value=text, problem=error.problem)
        option = "--extend-to" if deadline else "--period"
        raise typer.BadParameter(with_advice(problem, error.days), param_hint=option) from None


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
    from ktcn.review.diff import run_diff

    ctx = Context(records, as_of, lang, output_format, formats=("table", "md", "json"), use_cache=not no_cache)
    result = run_diff(ctx.workspace, revisions, staged, ctx.as_of, ctx.lang)
    if output_format == "json":
        ctx.emit_json(result.json, omissions=False)  # the change between two revisions, not today's records
    elif output_format == "md":
        sys.stdout.write(result.markdown)
    else:
        from rich.markdown import Markdown

        ctx.emit([Markdown(result.markdown)])
    if fail_on_flags and result.flags:
        raise typer.Exit(1)
