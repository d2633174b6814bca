"""The `ktcn` command line: parse options, call the core, print.

Command bodies stay short; the work is in the core modules, imported inside
each command so that `ktcn --version` and `--help` stay fast.  Every failure
goes through `ErrorHandlingGroup.invoke` (`ktcn.cli.root`), the one place that
maps errors to messages and exit codes (cli.md).

The commands live in modules named for what the user does — `checking`,
`looking`, `reporting`, `editing`, `importing` — and are listed here, in one table, so
that `ktcn --help` keeps a sensible order across modules.  `ktcn.cli.app` has
every command; `main()` registers only the one named on the command line when
there is one (the framework builds each registered command's options before
running any, and a secretary's `ktcn status` should not pay for fourteen).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

__all__ = ["COMMANDS", "app", "build", "main"]

# The order of `ktcn --help`: what is used every day first, setting up and tooling after.
# Each command: its name, the module under ktcn.cli that defines it, and the function's name there.
COMMANDS = (
    ("validate", "checking", "validate"),
    ("status", "looking", "status"),
    ("overdue", "looking", "overdue"),
    ("upcoming", "looking", "upcoming"),
    ("show", "looking", "show"),
    ("find", "looking", "find"),
    ("report", "reporting", "report"),
    ("update", "editing", "update"),
    ("import", "importing", "import_file"),  # a Python keyword cannot be a function's name
    ("init", "checking", "init"),
    ("schema", "checking", "schema"),
    ("calendar", "looking", "calendar"),
    ("holidays", "looking", "holidays"),
    ("site", "site", "site"),
    ("diff", "editing", "diff"),
)


def build(only: str | None = None) -> Any:
    """A Typer app with every command, or with the one named `only` (what `main` runs it with)."""
    from ktcn.cli.root import make_app

    made = make_app()
    for name, module, function in COMMANDS:
        if only is None or name == only:
            command = getattr(importlib.import_module(f"ktcn.cli.{module}"), function)
            made.command(name=None if name == function else name)(command)
    return made


def __getattr__(name: str) -> Any:
    """`ktcn.cli.app`, the app with every command, made on first use (tests and tools drive it)."""
    if name == "app":
        globals()["app"] = made = build()
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point."""
    import gc

    # Starting makes some hundred thousand objects (the framework, rich, the command's options) that all live to
    # the end: the cyclic collector, run meanwhile every 700 allocations, found nothing to free in them but went
    # through them all again and again (a tenth of a warm `ktcn overdue`).  So it is off while they are made, and
    # they are then set aside (gc.freeze) where it never looks again; it runs as usual for the command itself.
    gc.disable()
    named = sys.argv[1] if len(sys.argv) > 1 else None
    known = any(name == named for name, _, _ in COMMANDS)
    made = build(named if known else None)
    gc.freeze()
    gc.enable()
    made(prog_name="ktcn")
