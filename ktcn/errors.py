"""Failures that stop a command, each carrying its exit code (cli.md: 1 findings, 2 usage, 3 unreadable).

Problems *in* records are not exceptions but `Diagnostic` values; these are for
when the tool cannot go on.  One handler in the CLI turns them into messages.
"""

from __future__ import annotations

from typing import Any


class KtcnError(Exception):
    """Base of the failures the CLI reports as a message and an exit code."""

    exit_code = 1

    def __init__(self, message: Any, hint: Any = None) -> None:
        """`message` and `hint` are text, or a `ktcn.labels.Phrase` said in the reader's language when printed."""
        super().__init__(str(message))
        self.message = message
        self.hint = hint


class FindingsError(KtcnError):
    """The command worked and found something the user asked to fail on."""

    exit_code = 1


class UsageError(KtcnError):
    """The command line is wrong: an unknown id, a bad date, conflicting options."""

    exit_code = 2


class WorkspaceError(KtcnError):
    """The workspace cannot be found or read."""

    exit_code = 3
