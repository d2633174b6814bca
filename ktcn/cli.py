"""The `ktcn` command line: parse options, call the core, print.

Command bodies stay short; the work is in the core modules, imported inside
each command so that `ktcn --version` and `--help` stay fast.  Every failure
goes through `ErrorHandlingGroup.invoke`, the one place that maps errors to
messages and exit codes (cli.md).
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ktcn import __version__
from ktcn.errors import KtcnError

EXIT_INTERNAL = 70
REPORT_URL = "https://github.com/ktcn/ktcn/issues"


def _is_framework_exit(error: Exception) -> bool:
    """Exit, Abort and usage errors belong to the CLI framework (click, or typer's vendored copy)."""
    return any(cls.__name__ in ("Exit", "Abort", "ClickException") for cls in type(error).__mro__)


class ErrorHandlingGroup(TyperGroup):
    """Turns KtcnError into 'ktcn: message' and its exit code; anything unexpected into exit 70."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KtcnError as error:
            typer.echo(f"ktcn: {error.message}", err=True)
            if error.hint:
                typer.echo(f"  ({error.hint})", err=True)
            raise typer.Exit(error.exit_code) from None
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
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    output_format: Annotated[str, typer.Option("--format", metavar="text|json|github",
                                               help="Output format.")] = "text",
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
    workspace = load(find_root(records), today=today)
    language = choose_lang(lang, workspace.settings.language)
    shown = narrow(workspace.diagnostics, paths or [])
    sys.stdout.write(render(shown, output_format, language))
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


def main() -> None:
    """Console-script entry point."""
    app(prog_name="ktcn")
