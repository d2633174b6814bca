"""Where a workspace's record files are: its root, its programme files, and how files are named in messages."""

from __future__ import annotations

import os
from pathlib import Path

from ktcn.errors import WorkspaceError
from ktcn.labels import Phrase
from ktcn.records.diagnostics import Diagnostic, Text, diag
from ktcn.records.recordfile import IS_A_DIRECTORY

SETTINGS_FILE = "ktcn.yaml"
AGENCIES_FILE_NAME = "agencies.yaml"
PROGRAMMES_DIR = "programmes"


def find_root(records: str | None = None, cwd: Path | None = None) -> Path:
    """The workspace root: --records, else $KTCN_RECORDS, else the nearest ktcn.yaml up, else ./records."""
    cwd = cwd or Path.cwd()
    chosen = records or os.environ.get("KTCN_RECORDS")
    if chosen:
        root = Path(chosen)
    else:
        root = next((d for d in (cwd, *cwd.parents) if (d / SETTINGS_FILE).is_file()), cwd / "records")
    if not (root / SETTINGS_FILE).is_file():
        raise WorkspaceError(Phrase("files.no_workspace", root=root, file=SETTINGS_FILE),
                             Phrase("files.no_workspace_hint"))
    return root


def display_path(file: Path) -> str:
    """How a file is named in messages: relative to the current directory when under it.

    Links are not followed (a link to /dev/zero is named as the link; a link loop must not raise).
    Plain string work: this runs once per file, thousands of times on a national workspace.
    """
    absolute = os.path.abspath(file)
    here = os.getcwd().rstrip(os.sep) + os.sep
    return absolute[len(here):] if absolute.startswith(here) else absolute


def programme_files(root: Path, problems: list[Diagnostic]) -> list[Path]:
    """Every programmes/**/*.yaml, sorted; a .yml file, a directory named *.yaml or a link out is pointed out."""
    found: list[Path] = []
    inside = os.path.realpath(root) + os.sep
    for folder, dirs, files in os.walk(root / PROGRAMMES_DIR):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in dirs:
            if name.endswith(".yaml"):
                problems.append(diag("KTCN009", display_path(Path(folder, name)), 1, 1, problem=IS_A_DIRECTORY))
        for name in files:
            if name.endswith(".yaml") and not name.startswith("."):
                if os.path.realpath(Path(folder, name)).startswith(inside):
                    found.append(Path(folder, name))
                else:
                    problems.append(link_out(Path(folder, name)))
            elif name.endswith(".yml"):
                problems.append(diag("KTCN012", display_path(Path(folder, name)), 1, 1, problem="'.yml'"))
    return sorted(found)


def new_files(root: Path, proposed: dict[Path, bytes], files: list[Path]) -> list[Path]:
    """Proposed programme files not on disk yet: a programme `ktcn import` checks before writing it."""
    known = {path_key(f) for f in files} | {path_key(root / SETTINGS_FILE), path_key(root / AGENCIES_FILE_NAME)}
    return sorted(f for f in proposed if path_key(f) not in known and not os.path.lexists(f))


def link_out(file: Path) -> Diagnostic:
    """A record file that is a link to somewhere outside the workspace: not read (nor quoted back in messages)."""
    return diag("KTCN009", display_path(file), 1, 1,
                problem=Text("it is a link to a file outside the workspace", "đây là liên kết tới tệp ngoài kho hồ sơ"))


def within(root: Path, file: Path) -> bool:
    return os.path.realpath(file).startswith(os.path.realpath(root) + os.sep)


def path_key(file: Path) -> str:
    return os.path.abspath(file)
