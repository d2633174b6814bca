"""What the commands share: the common options, reading dates and languages, the Context, writing output."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

RecordsOption = Annotated[
    str | None,
    typer.Option("--records", metavar="DIR",
                 help="Workspace folder (default: $KTCN_RECORDS, else the nearest ktcn.yaml up, else ./records)."),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", metavar="DATE",
                 help="Compute everything as of this day: YYYY-MM-DD or dd/mm/yyyy (default: today)."),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Parse every file again; neither read nor write the per-file cache."),
]
LangOption = Annotated[
    str | None, typer.Option("--lang", metavar="vi|en", help="Language of labels and messages (default: ktcn.yaml).")
]
FormatOption = Annotated[str, typer.Option("--format", metavar="table|json|csv", help="Output format.")]
ProgrammeOption = Annotated[
    list[str] | None, typer.Option("--programme", "-p", metavar="ID", help="Only this programme (repeatable).")
]
AgencyOption = Annotated[str | None, typer.Option("--agency", metavar="ID", help="Only tasks this agency leads.")]
AllOption = Annotated[bool, typer.Option("--all", help="Include programmes that are draft, closed or superseded.")]
LIST_FORMATS = ("table", "json", "csv")


def parse_day(text: str | None, option: str = "--as-of") -> Any:
    """A command-line day (`2025-12-01`, `01/12/2025`, `1/12/2025`), or today; a bad one is a usage error (exit 2).

    The error says what is wrong and, when some day was likely meant, offers it
    in the reader's own style ("có phải ý bạn là 28/02/2025?").
    """
    from datetime import date

    from ktcn.records.dateish import DateIshError, parse_typed_day

    if text is None:
        return date.today()
    try:
        return parse_typed_day(text)
    except DateIshError as error:
        raise typer.BadParameter(with_advice(error.problem, error.days), param_hint=option) from None


def with_advice(problem: Any, days: Any) -> Any:
    """A date problem, followed by the days that were likely meant (a Phrase said in the reader's language)."""
    from ktcn.labels import Phrase

    if not days:
        return problem
    return Phrase("usage.with_advice", problem=problem, advice=Phrase("date.did_you_mean", choices=list(days)))


def choose_lang(lang: str | None, workspace_lang: str) -> str:
    """--lang, else KTCN_LANG, else the workspace's language (`ktcn.language.choose`)."""
    from ktcn.labels import Phrase
    from ktcn.language import choose

    if lang is not None and lang not in ("vi", "en"):
        raise typer.BadParameter(Phrase("usage.not_a_language", value=lang), param_hint="--lang")
    return choose(lang, workspace_lang)


def check_choice(value: str | None, choices: tuple[str, ...], option: str) -> None:
    """A usage error (exit 2) when `value` is not one of `choices`."""
    from ktcn.labels import Phrase

    if value is not None and value not in choices:
        raise typer.BadParameter(Phrase("usage.choose", value=value, choices=", ".join(choices)), param_hint=option)


def _broken_pipe() -> None:
    raise BrokenPipeError(32, "Broken pipe")


class Context:
    """What every listing command starts from: the records, the day and the language.

    The records are loaded whole (`workspace`), with only the programme `only`
    kept (`ktcn show`; `whole()` loads the rest when that one is not there), or,
    for the status views, as each programme's standing on the day (`board`, cut
    down by `trim` as it is read): that needs no programme in memory and comes
    from the cache.
    """

    def __init__(self, records: str | None, as_of: str | None, lang: str | None, output_format: str = "table",
                 formats: tuple[str, ...] = LIST_FORMATS, use_cache: bool = True, board: bool = False,
                 trim: Any = None, only: str | None = None):
        from ktcn.records.loader import load, load_board
        from ktcn.records.omissions import omissions
        from ktcn.records.workspace_files import find_root

        check_choice(output_format, formats, "--format")
        self.as_of = parse_day(as_of)
        root = find_root(records)
        if board:
            self.board = loaded = load_board(root, self.as_of, use_cache=use_cache, trim=trim)
        else:
            self.workspace = loaded = load(root, today=self.as_of, use_cache=use_cache, only=only)
        self.root, self.use_cache = root, use_cache
        self.lang = choose_lang(lang, loaded.settings.language)
        self.format = output_format
        self.omissions = omissions(loaded.diagnostics, loaded.left_out)

    def whole(self) -> Any:
        """The workspace with every programme (after a load with `only`): what a did-you-mean chooses from."""
        from ktcn.records.loader import load

        self.workspace = load(self.root, today=self.as_of, use_cache=self.use_cache)
        return self.workspace

    def finish(self) -> None:
        """After the output: when the records have errors, name the files on stderr and exit 1.

        A view shows what can be read, but must not pass for complete (a CI
        reminder would say "nothing overdue" with a programme missing).
        """
        if not self.omissions:
            return
        report_omissions(self.omissions, self.lang)
        raise typer.Exit(1)

    def emit(self, renderables: Any) -> None:
        """Print for people: as plain lines when there are no colours to draw (`ktcn.cli.plain`), else
        through rich, a few thousand segments at a time (`console.print` would hold a renderable's whole
        output until its end: a national status table is thousands of lines)."""
        from ktcn.cli.plain import plain_width

        width = plain_width()
        if width is None:
            _emit_rich(_rich_console(), renderables)
            return
        from ktcn.views.styled import Styled

        consoles: list[Any] = []  # rich's, made when a line needs it (too wide, a control character)

        def through_rich(renderable: Any) -> None:
            if not consoles:
                consoles.append(_rich_console())
            _emit_rich(consoles[0], [renderable])

        write = sys.stdout.write
        for renderable in renderables:
            if hasattr(renderable, "plain_lines"):  # a table: its lines as text
                _write_lines(write, width, renderable.plain_lines(width), through_rich)
            elif isinstance(renderable, Styled) and (lines := _plain_lines(renderable, width)) is not None:
                write("".join(line + "\n" for line in lines))
            else:
                through_rich(renderable)

    def emit_json(self, document: Any, omissions: bool = True) -> None:
        """The document; a view's (`omissions`) with the fields that say what the records' errors left out.

        Its `Streamed` lists are written item by item as they are made (`ktcn.views.jsonstream`).
        """
        from ktcn.records.omissions import as_json
        from ktcn.views import jsonstream

        if omissions:
            document = {**document, **as_json(self.omissions, self.lang)}
        jsonstream.write(document, sys.stdout)

    def emit_csv(self, table: Any) -> None:
        from ktcn.views.tabular import to_csv

        sys.stdout.write(to_csv(table))


def _rich_console() -> Any:
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=False)
    console.on_broken_pipe = _broken_pipe  # type: ignore[method-assign]  # rich would exit 1: ours says 141
    return console


def _emit_rich(console: Any, renderables: Any) -> None:
    """Renderables through rich; without colours, each batch of segments written as its text when rich
    would print nothing else (`_plain`)."""
    from itertools import islice

    from rich.segment import Segments

    for renderable in renderables:
        if console.color_system is None and hasattr(renderable, "plain_lines"):  # a table: its lines as text
            _write_lines(console.file.write, console.width, renderable.plain_lines(console.width), console.print)
            continue
        segments = iter(console.render(renderable, console.options))
        while batch := list(islice(segments, 4096)):
            text = _plain(batch, console.width) if console.color_system is None else None
            if text is None:
                console.print(Segments(batch))
            else:
                console.file.write(text)


def _plain_lines(line: Any, width: int) -> list[str] | None:
    """A `Styled` line's lines at `width` as rich would print them without colours; None when rich must print
    them: wrapped by rich, or with a character rich expands or drops (a tab, the control characters its `Text`
    strips)."""
    from ktcn.views.wrapping import display_width

    lines = line.lines_at(width)
    if lines is None or _REWRITTEN.search(line.plain) or any(display_width(text) > width for text in lines):
        return None
    return lines


_REWRITTEN = re.compile("[\x00-\x09\x0b-\x1f\x7f]")


def _plain(batch: list[Any], width: int) -> str | None:
    """What rich would print of these segments without colours (a pipe, a file, NO_COLOR): their text, when
    no line is wider than the console (rich would crop it) and no segment is a control code (rich drops them).

    A national overdue list is some 100,000 lines: rich's splitting and measuring of each was a fifth of it.
    None when rich must print them.
    """
    from ktcn.views.wrapping import display_width

    if any(segment.control for segment in batch):
        return None
    text = "".join(segment.text for segment in batch)
    if any(display_width(line) > width for line in text.split("\n")):
        return None
    return text


def _write_lines(write: Callable[[str], Any], width: int, lines: Any, through_rich: Callable[[Any], Any]) -> None:
    """Lines of plain text, as rich prints them without colours: as they are, but a line wider than `width`
    goes `through_rich`, which crops it.  Written some thousand lines at a time."""
    from itertools import islice

    from ktcn.views.wrapping import display_width, narrow

    lines = iter(lines)
    while batch := list(islice(lines, 1024)):
        text = "\n".join(batch) + "\n"
        if narrow(text) and max(map(len, batch)) <= width:  # one cell a character: the lengths say it
            write(text)
            continue
        for line in batch:
            if display_width(line) <= width:
                write(line + "\n")
            else:
                through_rich(_cropped_line(line))


def _cropped_line(line: str) -> Any:
    from rich.segment import Segment, Segments

    return Segments([Segment(line), Segment.line()])


def report_omissions(found: Any, lang: str) -> None:
    """Name on stderr each file with errors, its first error, and whether it was left out."""
    from ktcn.cli.frame import fit_to_terminal
    from ktcn.labels import label
    from ktcn.records.diagnostics import visible

    typer.echo(fit_to_terminal(label("records.incomplete", lang, errors=found.errors, files=len(found.files))),
               err=True)
    for broken in found.files:
        first = broken.first
        fate = label("records.left_out" if broken.left_out else "records.counted", lang)
        line = f"  {visible(broken.path)}:{first.line}:{first.column}: {first.code} {first.message(lang)} — {fate}"
        typer.echo(fit_to_terminal(line), err=True)


def selection(programmes: list[str] | None, agency: str | None, include_all: bool = False) -> Any:
    """The programmes and agency a view covers, from the command line."""
    from ktcn.views.viewmodel import Selection

    return Selection(tuple(programmes or ()), agency, include_all)


def write_output(output: str | None, data: bytes) -> None:
    """Bytes to stdout (no OUTPUT, or '-') or, atomically, to the file OUTPUT."""
    from pathlib import Path

    from ktcn.writing.atomic import write_atomic

    if output is None or output == "-":
        sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(data.decode())
        sys.stdout.flush()
        return
    write_atomic(Path(output), data)
