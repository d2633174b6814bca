"""Find the workspace and load every record in it, with diagnostics.

`load()` never stops at a broken file: each file is read on its own and what
is wrong with it becomes a diagnostic; the cross-file checks then run on
whatever could be built.  Only a workspace that cannot be found raises.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ktcn.cache import Cache, digest, entry_for, unchanged
from ktcn.checks import Context, check_programme, check_workspace, summary
from ktcn.convert import Reader, Record, describe, read_record
from ktcn.diagnostics import Diagnostic, diag
from ktcn.errors import WorkspaceError
from ktcn.model import Agency, Programme, Settings, Workspace
from ktcn.schema import AGENCIES_FILE, PROGRAMME, SETTINGS, build_programme, build_settings
from ktcn.yamlsource import locate, read_bytes, read_source

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


def load(root: Path, today: date | None = None, proposed: dict[Path, bytes] | None = None,
         use_cache: bool = True) -> Workspace:
    """Load the workspace at `root`; `today` dates the 'update in the future' check.

    `proposed` maps files to new content to check instead of what is on disk
    (how `ktcn update` validates a change before writing it).  Programme files
    come from the per-file cache when they have not changed (`use_cache`).
    """
    with _gc_paused():
        settings, agencies, programmes, problems = _scan(root, today or date.today(), proposed or {},
                                                         Cache(root if use_cache else None), keep=True)
    return Workspace(root, settings, agencies, programmes, problems)


def validate_workspace(root: Path, today: date | None = None,
                       use_cache: bool = True) -> tuple[Settings, tuple[Diagnostic, ...]]:
    """The diagnostics `load` would give, found without keeping the programmes.

    Each programme is checked as it is read and then let go; only what the
    checks across files need (ids, references) is kept, so memory does not grow
    with the size of the workspace.
    """
    with _gc_paused():
        settings, _, _, problems = _scan(root, today or date.today(), {}, Cache(root if use_cache else None),
                                         keep=False)
    return settings, problems


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading builds millions of objects that stay alive: collecting meanwhile only costs time."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _scan(root: Path, today: date, proposed: dict[Path, bytes], cache: Cache,
          keep: bool) -> tuple[Settings, tuple[Agency, ...], tuple[Programme, ...], tuple[Diagnostic, ...]]:
    """Read and check every file; each programme is checked as soon as it is read."""
    problems: list[Diagnostic] = []
    reading = _Reading(problems, {_key(f): data for f, data in proposed.items()}, cache)
    settings = _load_settings(root, reading)
    agencies = _load_agencies(root, reading)
    context = Context(settings, agencies, today)
    summaries, kept = [], []
    for file in programme_files(root, problems):
        programme = _load_programme(file, reading)
        if programme is None:
            continue
        problems.extend(check_programme(context, programme))
        summaries.append(summary(programme))
        if keep:
            kept.append(programme)
    problems.extend(check_workspace(context, summaries))
    located = sorted(_located(problems, reading.proposed), key=Diagnostic.sort_key)
    return settings, agencies, tuple(kept), tuple(located)


def display_path(file: Path) -> str:
    """How a file is named in messages: relative to the current directory when under it.

    Links are not followed (a link to /dev/zero is named as the link; a link loop must not raise).
    Plain string work: this runs once per file, thousands of times on a national workspace.
    """
    absolute = os.path.abspath(file)
    here = os.getcwd().rstrip(os.sep) + os.sep
    return absolute[len(here):] if absolute.startswith(here) else absolute


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
    """What one load shares: its diagnostics, the proposed contents that replace files, the cache."""

    def __init__(self, problems: list[Diagnostic], proposed: dict[str, bytes], cache: Cache) -> None:
        self.problems = problems
        self.proposed = proposed
        self.cache = cache


def _parse(file: Path, display: str, data: bytes | None, record: Record,
           build: Callable[..., Any]) -> tuple[Any, list[Diagnostic]]:
    """Read one file against `record` and build it; what is wrong comes back as diagnostics."""
    source = read_source(file, display, data)
    problems = list(source.diagnostics)
    root = source.root
    if root is None and not problems:
        problems.append(diag("KTCN008", display, 1, 1, got="empty"))
    elif root is not None and not isinstance(root, yaml.MappingNode):
        problems.append(diag("KTCN008", display, root.start_mark.line + 1, root.start_mark.column + 1,
                             got=describe(root)))
        root = None
    if root is None:
        return None, problems
    reader = Reader(display)
    values = read_record(reader, root, (), record)
    built = build(reader, values, root, ()) if values is not None else None
    return built, [*problems, *reader.diagnostics]


def _load_settings(root: Path, reading: _Reading) -> Settings:
    file = root / SETTINGS_FILE
    settings, problems = _parse(file, display_path(file), reading.proposed.get(_key(file)), SETTINGS, build_settings)
    reading.problems.extend(problems)
    return settings or Settings()


def _load_agencies(root: Path, reading: _Reading) -> tuple[Agency, ...]:
    file = root / AGENCIES_FILE_NAME
    if not file.exists():
        reading.problems.append(diag("KTCN013", display_path(root / SETTINGS_FILE), 1, 1, file=AGENCIES_FILE_NAME))
        return ()
    agencies, problems = _parse(file, display_path(file), reading.proposed.get(_key(file)), AGENCIES_FILE,
                                lambda r, values, node, kp: values["agencies"])
    reading.problems.extend(problems)
    return agencies or ()


def _load_programme(file: Path, reading: _Reading) -> Programme | None:
    """One programme file: from the cache when its content is what the cache saw, else parsed (and cached)."""
    display = display_path(file)
    data = reading.proposed.get(_key(file))
    cached = reading.cache.get(file, display) if data is None else None
    if cached is not None and unchanged(cached, file):
        reading.problems.extend(cached.diagnostics)
        return cached.programme
    if data is None:
        data, problems = read_bytes(file, display)
        if data is None:
            reading.problems.extend(problems)
            return None
        if cached is not None and digest(data) == cached.digest:  # touched, not changed
            _remember(reading.cache, file, display, data, cached.programme, cached.diagnostics)
            reading.problems.extend(cached.diagnostics)
            return cached.programme
        programme, problems = _parse(file, display, data, PROGRAMME, build_programme)
        _remember(reading.cache, file, display, data, programme, tuple(problems))
    else:
        programme, problems = _parse(file, display, data, PROGRAMME, build_programme)
    reading.problems.extend(problems)
    return programme


def _remember(cache: Cache, file: Path, display: str, data: bytes, programme: Any, problems: tuple) -> None:
    entry = entry_for(file, display, data, programme, problems)
    if entry is not None:
        cache.store(file, entry)


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
