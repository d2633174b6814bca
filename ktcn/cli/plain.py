"""Whether the output is plain text, and at what width: what rich would decide, told without loading rich.

Rich draws colours only on a terminal.  In a pipe, a file or a CI log it prints
the text as it is, laid out at a width it takes from the terminal its process
has (stdin, stdout or stderr, the first that is one), `COLUMNS` when set, else
80 (`rich.console.Console.size`).  A warm `ktcn overdue > list.txt` spent a
fifth of its time loading rich to be told that; this module tells it first, and
the views write their lines themselves (`ktcn.cli.options.Context.emit`).

Whatever it is not sure of it leaves to rich (None): a terminal, `FORCE_COLOR`
or `TTY_COMPATIBLE` set, Jupyter, Windows.  It repeats rich's public
behaviour, not its code; `tests/test_plain_output.py` pins it against rich's
own `Console` in each of those environments.
"""

from __future__ import annotations

import builtins
import os
import sys
from collections.abc import Mapping
from typing import Any

# Rich's own order: the first of these that is a terminal gives the width.
_STD_FDS = (0, 1, 2)


def plain_width(stream: Any = None, environ: Mapping[str, str] | None = None) -> int | None:
    """The width rich would lay text out at when it would print `stream` (stdout) without colours; None when
    rich must decide (a terminal, colours forced either way, Jupyter, Windows)."""
    stream = sys.stdout if stream is None else stream
    environ = os.environ if environ is None else environ
    if sys.platform == "win32" or "FORCE_COLOR" in environ or "TTY_COMPATIBLE" in environ:
        return None
    if "get_ipython" in vars(builtins):  # rich draws colours in Jupyter's output cells
        return None
    isatty = getattr(stream, "isatty", None)
    try:
        if isatty is None or isatty():
            return None
    except ValueError:  # a closed stream: rich's own answer is then no terminal, but nothing is to be printed
        return None
    width = None
    for fd in _STD_FDS:
        try:
            width = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        break
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
        if width == 0:  # rich keeps a width of 0 it was given: an edge left to it
            return None
    return width or 80
