"""Find the workspace and load every record in it, with diagnostics.

`load()` never stops at a broken file: each file is read on its own and what
is wrong with it becomes a diagnostic; the cross-file checks then run on
whatever could be built.  Only a workspace that cannot be found raises.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import yaml

from ktcn.checks import run_checks
from ktcn.convert import Reader, describe, read_record
from ktcn.diagnostics import Diagnostic, diag
from ktcn.errors import WorkspaceError
from ktcn.model import Agency, Programme, Settings, Workspace
from ktcn.schema import AGENCIES_FILE, PROGRAMME, SETTINGS, build_programme, build_settings
from ktcn.yamlsource import Source, locate, read_source

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
        raise WorkspaceError(
            f"no workspace at {root}: {SETTINGS_FILE} not found",
            "pass --records DIR, set KTCN_RECORDS, or run 'ktcn init' to create one",
        )
    return root


def load(root: Path, today: date | None = None, proposed: dict[Path, bytes] | None = None) -> Workspace:
    """Load the workspace at `root`; `today` dates the 'update in the future' check.

    `proposed` maps files to new content to check instead of what is on disk
    (how `ktcn update` validates a change before writing it).
    """
    today = today or date.today()
    problems: list[Diagnostic] = []
    reading = _Reading(problems, {_key(f): data for f, data in (proposed or {}).items()})
    settings = _load_settings(root, reading)
    agencies = _load_agencies(root, reading)
    files = programme_files(root, problems)
    programmes = tuple(p for p in (_load_programme(f, reading) for f in files) if p)
    workspace = Workspace(root, settings, agencies, programmes)
    problems.extend(run_checks(workspace, today))
    located = _located(problems, reading.proposed)
    return Workspace(root, settings, agencies, programmes, tuple(sorted(located, key=Diagnostic.sort_key)))


def display_path(file: Path) -> str:
    """How a file is named in messages: relative to the current directory when under it.

    Links are not followed (a link to /dev/zero is named as the link; a link loop must not raise).
    """
    absolute = Path(os.path.abspath(file))
    try:
        return str(absolute.relative_to(Path(os.path.abspath(Path.cwd()))))
    except ValueError:
        return str(absolute)


def programme_files(root: Path, problems: list[Diagnostic]) -> list[Path]:
    """Every programmes/**/*.yaml, sorted; a .yml file or a directory named *.yaml is pointed out."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root / PROGRAMMES_DIR):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in dirs:
            if name.endswith(".yaml"):
                problems.append(diag("KTCN009", display_path(Path(folder, name)), 1, 1, problem="it is a directory"))
        for name in files:
            if name.endswith(".yaml") and not name.startswith("."):
                found.append(Path(folder, name))
            elif name.endswith(".yml"):
                problems.append(diag("KTCN012", display_path(Path(folder, name)), 1, 1, problem="'.yml'"))
    return sorted(found)


def _key(file: Path) -> str:
    return os.path.abspath(file)


class _Reading:
    """The diagnostics of one load, and the proposed contents that replace files on disk."""

    def __init__(self, problems: list[Diagnostic], proposed: dict[str, bytes]) -> None:
        self.problems = problems
        self.proposed = proposed


def _read(file: Path, reading: _Reading) -> tuple[Source, Reader]:
    display = display_path(file)
    source = read_source(file, display, reading.proposed.get(_key(file)))
    problems = reading.problems
    problems.extend(source.diagnostics)
    if source.root is None and not source.diagnostics:
        problems.append(diag("KTCN008", display, 1, 1, got="empty"))
    elif source.root is not None and not isinstance(source.root, yaml.MappingNode):
        mark = source.root.start_mark
        problems.append(diag("KTCN008", display, mark.line + 1, mark.column + 1, got=describe(source.root)))
        source = Source(display, None, source.diagnostics)
    return source, Reader(display)


def _load_settings(root: Path, reading: _Reading) -> Settings:
    source, reader = _read(root / SETTINGS_FILE, reading)
    values = read_record(reader, source.root, (), SETTINGS) if source.root is not None else None
    reading.problems.extend(reader.diagnostics)
    return build_settings(reader, values, source.root, ()) if values is not None else Settings()


def _load_agencies(root: Path, reading: _Reading) -> tuple[Agency, ...]:
    file = root / AGENCIES_FILE_NAME
    if not file.exists():
        reading.problems.append(diag("KTCN013", display_path(root / SETTINGS_FILE), 1, 1, file=AGENCIES_FILE_NAME))
        return ()
    source, reader = _read(file, reading)
    values = read_record(reader, source.root, (), AGENCIES_FILE) if source.root is not None else None
    reading.problems.extend(reader.diagnostics)
    return values["agencies"] if values else ()


def _load_programme(file: Path, reading: _Reading) -> Programme | None:
    source, reader = _read(file, reading)
    if source.root is None:
        return None
    values = read_record(reader, source.root, (), PROGRAMME)
    programme = build_programme(reader, values, source.root, ()) if values is not None else None
    reading.problems.extend(reader.diagnostics)
    return programme


def _located(problems: Iterable[Diagnostic], proposed: dict[str, bytes]) -> Iterator[Diagnostic]:
    """Give line and column to the diagnostics that only know a key path, reading each file once."""
    roots: dict[str, yaml.Node | None] = {}
    for problem in problems:
        if problem.line:
            yield problem
            continue
        if problem.path not in roots:
            file = Path(problem.path)
            roots[problem.path] = read_source(file, problem.path, proposed.get(_key(file))).root
        at_key = problem.code in ("KTCN101", "KTCN002")
        yield problem.located(*locate(roots[problem.path], problem.keypath, at_key))
