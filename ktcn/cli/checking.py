"""Getting the records right: `validate` them, start a workspace with `init`, give editors the `schema`.

Registered on the app, in help order, by `ktcn.cli`.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ktcn.cli.options import (
    AsOfOption,
    LangOption,
    NoCacheOption,
    RecordsOption,
    check_choice,
    choose_lang,
    parse_day,
    write_output,
)


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
    from ktcn.records.diagnostics import Severity
    from ktcn.records.loader import validate_workspace
    from ktcn.records.workspace_files import find_root
    from ktcn.views.diagnostic_output import FORMATS, fit_to_terminal, narrow, render

    check_choice(output_format, FORMATS, "--format")
    today = parse_day(as_of)
    settings, diagnostics = validate_workspace(find_root(records), today=today, use_cache=not no_cache)
    language = choose_lang(lang, settings.language)
    shown = narrow(diagnostics, paths or [])
    text = render(shown, output_format, language)
    if output_format == "text" and sys.stdout.isatty():  # wrapped at words; a pipe keeps one line per finding
        import shutil

        text = fit_to_terminal(text, shutil.get_terminal_size().columns)
    sys.stdout.write(text)
    errors = sum(d.severity is Severity.ERROR for d in shown)
    warnings = len(shown) - errors
    if output_format == "text":
        typer.echo(_summary(errors, warnings, language), err=True)
    if errors or (strict and warnings):
        raise typer.Exit(1)


def _summary(errors: int, warnings: int, lang: str) -> str:
    if lang == "vi":
        return f"{errors} lỗi, {warnings} cảnh báo"
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


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
    from ktcn.writing.scaffold import init_workspace

    language = choose_lang(lang, "vi")
    written = init_workspace(Path(folder), date.today(), language)
    for path in written:
        typer.echo(path)
    typer.echo(label("init.done", language, folder=folder), err=True)


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

    from ktcn.records.schema_export import KINDS, json_schema

    check_choice(kind, KINDS, "[programme|agencies|settings]")
    text = json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_output(output, text.encode("utf-8"))
