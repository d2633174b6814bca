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
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ktcn.cache import Cache, Entry, digest, entry_for, unchanged
from ktcn.checks import Context, Summary, check_programme, check_workspace, summary
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
    key = _checks_key(root, reading, today)
    summaries, kept = [], []
    for file in programme_files(root, problems):
        programme, found, file_problems = _programme(file, reading, context, key, keep)
        problems.extend(file_problems)
        if found is not None:
            summaries.append(found)
        if programme is not None:
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


def _programme(file: Path, reading: _Reading, context: Context, key: str,
               keep: bool) -> tuple[Programme | None, Summary | None, list[Diagnostic]]:
    """One programme file: its programme (when `keep`), its summary and its diagnostics, checks included.

    From the cache when the file is what the cache saw: the programme is
    unpickled only when it is kept or its checks must be run again.
    """
    display = display_path(file)
    data = reading.proposed.get(_key(file))
    entry = reading.cache.get(file, display) if data is None else None
    if entry is not None and not unchanged(entry, file):
        data, problems = read_bytes(file, display)
        if data is None:
            return None, None, list(problems)
        if digest(data) != entry.digest:
            entry = None  # changed: parse it again
    if entry is not None:
        reused = _from_entry(file, entry, reading, context, key, keep)
        if reused is not None:
            return reused
    if data is None:
        data, problems = read_bytes(file, display)
        if data is None:
            return None, None, list(problems)
    programme, problems = _parse(file, display, data, PROGRAMME, build_programme)
    checks = _checked(context, programme, reading)
    found = summary(programme) if programme is not None else None
    if reading.cache.enabled and _key(file) not in reading.proposed:
        stored = entry_for(file, display, data, tuple(problems), found, key, tuple(checks))
        if stored is not None:
            reading.cache.store(file, stored, programme)
    return (programme if keep else None), found, [*problems, *checks]


def _from_entry(file: Path, entry: Entry, reading: _Reading, context: Context, key: str,
                keep: bool) -> tuple[Programme | None, Summary | None, list[Diagnostic]] | None:
    """What a cache entry can give without parsing; None when its programme cannot be had."""
    if entry.summary is None:  # the file gave no programme, only diagnostics
        return None, None, list(entry.diagnostics)
    if entry.checks_key == key and not keep:
        _restamp(file, entry, reading.cache, entry.checks_key, entry.checks)
        return None, entry.summary, [*entry.diagnostics, *entry.checks]
    programme = reading.cache.programme(file, entry)
    if programme is None:
        return None
    checks = tuple(entry.checks) if entry.checks_key == key else tuple(_checked(context, programme, reading))
    _restamp(file, entry, reading.cache, key, checks)
    return (programme if keep else None), entry.summary, [*entry.diagnostics, *checks]


def _restamp(file: Path, entry: Entry, cache: Cache, key: str, checks: tuple) -> None:
    """Keep the entry's header current (times after a touch, checks for new settings or day)."""
    try:
        info = file.stat()
    except OSError:
        return
    if (info.st_size, info.st_mtime_ns, key) != (entry.size, entry.mtime_ns, entry.checks_key):
        cache.restamp(file, replace(entry, size=info.st_size, mtime_ns=info.st_mtime_ns, checks_key=key,
                                    checks=checks))


def _checked(context: Context, programme: Programme | None, reading: _Reading) -> list[Diagnostic]:
    """The programme checks' findings, located now so that a cached copy needs no file to place them."""
    if programme is None:
        return []
    return list(_located(check_programme(context, programme), reading.proposed))


def _checks_key(root: Path, reading: _Reading, today: date) -> str:
    """What the programme checks depend on besides the programme: the settings, the agencies, the day."""
    parts = []
    for name in (SETTINGS_FILE, AGENCIES_FILE_NAME):
        file = root / name
        data = reading.proposed.get(_key(file))
        if data is None:
            data, _ = read_bytes(file, name)
        parts.append(digest(data or b""))
    return "|".join([*parts, today.isoformat()])


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
