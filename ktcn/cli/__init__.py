"""The `ktcn` command line: parse options, call the core, print.

Command bodies stay short; the work is in the core modules, imported inside
each command so that `ktcn --version` and `--help` stay fast.  Every failure
goes through `ErrorHandlingGroup.invoke` (`ktcn.cli.root`), the one place that
maps errors to messages and exit codes (cli.md).

The commands live in modules named for what the user does — `checking`,
`looking`, `reporting`, `editing`, `importing` — and are registered here, in one list, so
that `ktcn --help` keeps a sensible order across modules.
"""

from __future__ import annotations

from ktcn.cli import checking, editing, importing, looking, reporting, site
from ktcn.cli.root import app

__all__ = ["app", "main"]

# The order of `ktcn --help`: what is used every day first, setting up and tooling after.
COMMANDS = (
    checking.validate,
    looking.status,
    looking.overdue,
    looking.upcoming,
    looking.show,
    looking.find,
    reporting.report,
    editing.update,
    importing.import_file,
    checking.init,
    checking.schema,
    looking.calendar,
    looking.holidays,
    site.site,
    editing.diff,
)
NAMES = {importing.import_file: "import"}  # a Python keyword cannot be a function's name
for _command in COMMANDS:
    app.command(name=NAMES.get(_command))(_command)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="ktcn")
