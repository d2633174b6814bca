"""The root of the command line: the Typer app, its one error path, Vietnamese help and --version."""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ktcn import __version__
from ktcn.cli.frame import KtcnContext, fit_to_terminal, say, speak_usage_error
from ktcn.errors import KtcnError
from ktcn.labels import label

EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
REPORT_URL = "https://github.com/ktcn/ktcn/issues"


def _is_framework_exit(error: Exception) -> bool:
    """Exit, Abort and usage errors belong to the CLI framework (click, or typer's vendored copy)."""
    return any(cls.__name__ in ("Exit", "Abort", "ClickException") for cls in type(error).__mro__)


def _vietnamese_help(command: Any, name: str | None) -> None:
    """Give `command` its Vietnamese help texts and metavars (`ktcn.help_vi`); the frame is `ktcn.cli.frame`'s."""
    from ktcn import help_vi

    command.help = help_vi.COMMANDS.get(name, command.help) if name else help_vi.APP
    if name in help_vi.SHORT:
        command.short_help = help_vi.SHORT[name]
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

    It also speaks the language of the command line (`ktcn.language`) before
    any record is read: the help, and the framework's own usage errors, in
    Vietnamese when asked (`ktcn.help_vi`, `ktcn.cli.frame`).
    """

    context_class = KtcnContext
    _args: tuple[str, ...] = ()
    _language: str | None = None

    @property
    def language(self) -> str:
        """--lang on the command line, else KTCN_LANG, else the workspace's language:, else the locale."""
        if self._language is None:
            from ktcn.language import for_command_line

            self._language = for_command_line(self._args)
        return self._language

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        self._args, self._language = tuple(args), None
        try:
            return super().make_context(info_name, args, parent, **extra)
        except Exception as error:
            speak_usage_error(error, self.language)
            raise

    def get_command(self, ctx: typer.Context, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            command.context_class = KtcnContext
            if self.language == "vi":
                _vietnamese_help(command, cmd_name)
        return command

    def format_help(self, ctx: typer.Context, formatter: Any) -> None:
        if self.language == "vi":
            _vietnamese_help(self, None)
        super().format_help(ctx, formatter)

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KtcnError as error:
            typer.echo(fit_to_terminal(f"ktcn: {say(error.message, self.language)}"), err=True)
            if error.hint:
                typer.echo(fit_to_terminal(f"  ({say(error.hint, self.language)})"), err=True)
            raise typer.Exit(error.exit_code) from None
        except BrokenPipeError:
            _silence_stdout()  # the reader went away (`ktcn overdue | head`): stop quietly, as Unix tools do
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except KeyboardInterrupt:
            typer.echo(label("cli.interrupted", self.language), err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as error:
            if _is_framework_exit(error):
                speak_usage_error(error, self.language)
                raise
            if os.environ.get("KTCN_DEBUG"):
                raise
            typer.echo(label("cli.bug", self.language, url=REPORT_URL), err=True)
            typer.echo("  " + traceback.format_exc().strip().splitlines()[-1], err=True)
            raise typer.Exit(EXIT_INTERNAL) from None


def make_app() -> typer.Typer:
    """The Typer app with its root options and no command yet (`ktcn.cli` registers them)."""
    made = typer.Typer(
        cls=ErrorHandlingGroup,
        help="Keep science-and-technology programmes as YAML records: validate, track deadlines, report.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    made.callback()(_root)
    return made


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ktcn {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """ktcn: the programmes, tasks and deadlines of a Sở KH&CN or Liên hiệp Hội, kept in git."""
