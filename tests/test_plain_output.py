"""Plain output without rich (issue 20): the width and the no-colour decision agree with rich's own `Console`,
and what the views print is the same whichever of the two writes it."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from ktcn.views.styled import assembled, styled

RECORDS = str(Path(__file__).resolve().parent.parent / "records")

# Prints what ktcn.cli.plain says and what rich's Console says, in the environment the test gives.
COMPARE = """
import json
from rich.console import Console
from ktcn.cli.plain import plain_width
console = Console(highlight=False, soft_wrap=False)
print(json.dumps({"plain": plain_width(), "width": console.width, "colours": console.color_system}))
"""

BASE_ENV = {k: v for k, v in os.environ.items()
            if k not in ("COLUMNS", "LINES", "FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR", "TERM")}


def _terminal(columns: int) -> tuple[int, int]:
    """A pseudo-terminal `columns` wide: (the end a program is given, the other end)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    return follower, leader


def _compare(env: dict[str, str], stdin_columns: int | None = None, stdout_terminal: bool = False) -> dict:
    opened: list[int] = []
    stdin: int = subprocess.DEVNULL
    stdout: int = subprocess.PIPE
    if stdin_columns is not None:
        stdin, other = _terminal(stdin_columns)
        opened += [stdin, other]
    if stdout_terminal:
        stdout, reader = _terminal(120)
        opened += [stdout, reader]
    try:
        result = subprocess.run([sys.executable, "-c", COMPARE], stdin=stdin, stdout=stdout,
                                stderr=subprocess.PIPE, env={**BASE_ENV, **env}, check=True, timeout=60)
        text = result.stdout.decode() if result.stdout is not None else os.read(reader, 4096).decode()
    finally:
        for fd in opened:
            os.close(fd)
    return json.loads(text.strip().splitlines()[-1])


@pytest.mark.parametrize(("env", "stdin_columns", "expected"), [
    ({}, None, 80),
    ({"COLUMNS": "57"}, None, 57),
    ({"COLUMNS": "wide"}, None, 80),
    ({"NO_COLOR": "1"}, None, 80),
    ({"TERM": "dumb"}, None, 80),
    ({}, 91, 91),  # stdin is a terminal: its width, as rich takes it
    ({"COLUMNS": "64"}, 91, 64),
])
def test_plain_width_is_rich_s_width_without_colours(env, stdin_columns, expected):
    said = _compare(env, stdin_columns)
    assert said["colours"] is None
    assert said["plain"] == said["width"] == expected


@pytest.mark.parametrize("env", [{"FORCE_COLOR": "1"}, {"FORCE_COLOR": ""}, {"TTY_COMPATIBLE": "1"},
                                 {"TTY_COMPATIBLE": "0"}, {"COLUMNS": "0"}])
def test_what_it_is_not_sure_of_is_left_to_rich(env):
    assert _compare(env)["plain"] is None


def test_a_terminal_is_left_to_rich():
    said = _compare({"TERM": "xterm-256color"}, stdout_terminal=True)
    assert said["plain"] is None
    assert said["colours"] is not None  # rich draws colours there: the case it must keep


def _leave_it_to_rich(monkeypatch):
    """Every view's output through rich, which decides colours and width itself (no colours in a pipe).
    Not FORCE_COLOR="": rich before 13.9 takes any FORCE_COLOR, even empty, for a terminal."""
    import ktcn.cli.plain

    monkeypatch.setattr(ktcn.cli.plain, "plain_width", lambda *args, **kwargs: None)


VIEWS = [
    ["status"], ["status", "--by", "agency"], ["overdue"], ["upcoming", "--days", "90"], ["show", "kh-231-2024"],
    ["show", "kh-231-2024/iii-2"], ["holidays", "--year", "2025"], ["find", "báo cáo"], ["overdue", "--lang", "en"],
]


@pytest.mark.parametrize("columns", ["100", "60", "34"])
@pytest.mark.parametrize("args", VIEWS, ids=lambda a: " ".join(a))
def test_views_print_the_same_with_or_without_rich(ktcn, monkeypatch, args, columns):
    """With the decision left to rich (as when ktcn.cli.plain is not sure), rich prints without colours into
    the test's pipe: the output the views wrote themselves must be that, byte for byte (narrow widths make
    rich wrap and crop)."""
    monkeypatch.setenv("COLUMNS", columns)
    argv = [*args, "--records", RECORDS, "--as-of", "2025-12-01"]
    if args[0] in ("holidays", "find"):
        argv.remove("--as-of")
        argv.remove("2025-12-01")
    ours = ktcn(*argv)
    _leave_it_to_rich(monkeypatch)
    through_rich = ktcn(*argv)
    assert ours.stdout, ours.stderr
    assert (ours.exit_code, ours.stdout, ours.stderr) == (through_rich.exit_code, through_rich.stdout,
                                                          through_rich.stderr)


@pytest.mark.parametrize("args", [["status"], ["status", "--by", "agency"], ["show", "kh-231-2024"]])
def test_a_wrapped_heading_or_legend_leaves_no_space_at_a_line_s_end(ktcn, monkeypatch, args):
    """Rich's wrapping left the space it broke at ("… trong năm "); ktcn's does not, whoever draws it."""
    monkeypatch.setenv("COLUMNS", "50")
    argv = [*args, "--records", RECORDS, "--as-of", "2025-12-01"]
    for by_rich in (False, True):
        if by_rich:
            _leave_it_to_rich(monkeypatch)
        lines = ktcn(*argv).stdout.splitlines()
        assert len(lines) > 10
        assert [line for line in lines if line.endswith(" ")] == []


def _old(make):
    """What the views made before: rich's own Text."""
    from rich.text import Text

    return make(Text)


@pytest.mark.parametrize(("line", "before"), [
    (styled("Tổng hợp ngày 01/12/2025", "bold"), lambda Text: Text("Tổng hợp ngày 01/12/2025", style="bold")),
    (styled(""), lambda Text: Text("")),
    (styled("quá hạn", "bold red"), lambda Text: Text("quá hạn", style="bold red")),
    (styled("Ghi chú", "dim"), lambda Text: Text("Ghi chú", style="dim")),
    (assembled(("Chủ trì: ", "bold"), "Sở KH&CN"), lambda Text: Text.assemble(("Chủ trì: ", "bold"), "Sở KH&CN")),
])
def test_a_styled_line_draws_in_colour_as_rich_text_did(line, before):
    from rich.console import Console

    def drawn(renderable):
        console = Console(record=True, force_terminal=True, color_system="truecolor", width=80)
        with console.capture():
            console.print(renderable)
        return console.export_text(styles=True)

    assert drawn(line) == drawn(_old(before))
    assert line.plain == _old(before).plain
