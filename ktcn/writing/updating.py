"""`ktcn update`: splice an entry into the task's file, check the result, then write it atomically.

The order matters: the new text is validated in memory with the whole
workspace (so references across files are checked) before anything is written,
and the file on disk must still be what was read when the new one replaces it.
"""

from __future__ import annotations

import contextlib
import difflib
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ktcn.errors import FindingsError, KtcnError, UsageError
from ktcn.labels import label
from ktcn.records.diagnostics import Diagnostic, Severity
from ktcn.records.loader import load
from ktcn.records.model import Programme, Task, Workspace
from ktcn.views.diagnostic_output import text_line
from ktcn.views.viewmodel import find_task
from ktcn.writing.atomic import write_atomic
from ktcn.writing.edit import NewUpdate, insert_update
from ktcn.writing.locking import LockTimeout, workspace_lock

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class UpdateResult:
    path: str
    line: int  # where the new entry starts
    diff: str


def run_update(root: Path, reference: str, entry: NewUpdate, dry_run: bool, today: date, lang: str | None,
               use_cache: bool = True) -> tuple[UpdateResult, str]:
    """Load the workspace at `root` and apply the update: the result, and the language to speak in.

    Unless `dry_run`, the workspace's update lock is held from before the
    records are read until the new file is renamed into place: the errors the
    update is checked against, the text it is spliced into and the rename are
    then of one moment that no other `ktcn update` can come between.
    """
    try:
        with contextlib.nullcontext() if dry_run else workspace_lock(root, warn=_warn):
            ws = load(root, today=today, use_cache=use_cache)
            language = lang or ws.settings.language
            return apply_update(ws, reference, entry, dry_run, today, use_cache, language), language
    except LockTimeout as error:
        language = lang or _language(root)
        raise KtcnError(label("update.locked", language, lock=error.path, seconds=f"{error.seconds:g}")) from None


def _warn(text: str) -> None:
    sys.stderr.write(f"ktcn: warning: {text}\n")


def _language(root: Path) -> str:
    """The workspace's language, for a message given before the records were read."""
    try:
        return load(root).settings.language
    except KtcnError:
        return "en"


def apply_update(ws: Workspace, reference: str, entry: NewUpdate, dry_run: bool, today: date,
                 use_cache: bool = True, lang: str | None = None) -> UpdateResult:
    """Append `entry` to task `reference` (PROG/TASK); refuse when it would add an error.

    The caller holds the update lock (see `run_update`) when this is to write.
    """
    lang = lang or ws.settings.language
    programme, task = _find_task(ws, reference, lang)
    if task is None or programme.span is None:
        raise KtcnError(f"'{reference}' is a programme: name a task as PROG/TASK")
    file = Path(programme.span.path)
    original = file.read_bytes()
    bom = BOM if original.startswith(BOM) else b""
    old_text = original[len(bom):].decode("utf-8")
    new_text = insert_update(old_text, task.id, entry, lang)
    new_bytes = bom + new_text.encode("utf-8")
    after = load(ws.root, today=today, proposed={file: new_bytes}, use_cache=use_cache)
    _refuse_new_errors(ws, after, lang)
    result = UpdateResult(programme.span.path, _first_changed_line(old_text, new_text), _diff(old_text, new_text,
                                                                                              programme.span.path))
    if not dry_run:
        if file.read_bytes() != original:
            raise KtcnError(label("update.changed", lang, path=programme.span.path))
        write_atomic(file, new_bytes)
    return result


def _find_task(ws: Workspace, reference: str, lang: str) -> tuple[Programme, Task | None]:
    """The programme and task named; when the programme is in a file left out for its errors, say which."""
    try:
        return find_task(ws, reference)
    except UsageError:
        programme_id = reference.partition("/")[0]
        if ws.programme(programme_id) is not None or not ws.left_out:
            raise
    firsts = {}
    for found in ws.diagnostics:
        if found.path in ws.left_out and found.severity is Severity.ERROR:
            firsts.setdefault(found.path, found)
    details = "\n".join(text_line(d, lang) for d in firsts.values())
    raise KtcnError(f"{label('update.left_out', lang, id=programme_id)}\n{details}")


def _refuse_new_errors(before: Workspace, after: Workspace, lang: str) -> None:
    added = added_errors(before.diagnostics, after.diagnostics)
    if added:
        details = "\n".join(text_line(d, lang) for d in added)
        raise FindingsError(f"{label('update.refused', lang)}\n{details}")


def added_errors(before: tuple[Diagnostic, ...], after: tuple[Diagnostic, ...]) -> list[Diagnostic]:
    """The errors `after` holds more of than `before`, counted as a multiset.

    Records with an error already (an unknown agency in one update) must not
    let an update repeat it: one more occurrence of the same error is an error
    added.  Of the occurrences of one error, those at a place (key path) where
    `before` had none are the ones reported, since that is where the update went.
    """
    known = Counter(_identity(d) for d in before if d.severity is Severity.ERROR)
    old_places = {(_identity(d), d.keypath) for d in before}
    errors = [d for d in after if d.severity is Severity.ERROR]
    added: list[Diagnostic] = []
    for found in sorted(errors, key=lambda d: (_identity(d), d.keypath) not in old_places):  # old places first
        if known[_identity(found)] > 0:
            known[_identity(found)] -= 1
        else:
            added.append(found)
    return sorted(added, key=Diagnostic.sort_key)


def _identity(d: Diagnostic) -> tuple[str, str, tuple]:
    return (d.path, d.code, d.args)  # lines move when text is inserted; what is wrong does not


def _first_changed_line(old: str, new: str) -> int:
    for number, (a, b) in enumerate(zip(old.splitlines(), new.splitlines(), strict=False), start=1):
        if a != b:
            return number
    return min(len(old.splitlines()), len(new.splitlines())) + 1


def _diff(old: str, new: str, path: str) -> str:
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
