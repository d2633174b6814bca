"""Find the workspace and load every record in it, with diagnostics.

`load()` never stops at a broken file: each file is read on its own and what
is wrong with it becomes a diagnostic; the cross-file checks then run on
whatever could be built.  Only a workspace that cannot be found raises.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from functools import partial
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ktcn.engine.standing import Board, Standing, Trim
from ktcn.records.cache import Cache, Checked, Entry, digest, entry_for, unchanged
from ktcn.records.checks import Context, Summary, check_programme, check_workspace, findings_hold_until, summary
from ktcn.records.collector import gc_paused
from ktcn.records.diagnostics import Diagnostic, Text, diag
from ktcn.records.fanout import fan_out
from ktcn.records.model import Agency, Programme, Settings, Workspace
from ktcn.records.recordfile import read_bytes
from ktcn.records.standings import Standings
from ktcn.records.workspace_files import (
    AGENCIES_FILE_NAME,
    SETTINGS_FILE,
    display_path,
    link_out,
    new_files,
    path_key,
    programme_files,
    within,
)

if TYPE_CHECKING:
    from ktcn.records.convert import Record

# What a file is read against (`ktcn.records.schema`): imported when a file must be parsed, so that a warm view,
# which parses nothing, never imports YAML.
_SCHEMA_NAMES = ("PROGRAMME", "SETTINGS", "AGENCIES_FILE", "build_programme", "build_settings")


def __getattr__(name: str) -> Any:
    """`loader.PROGRAMME` and the other records of `ktcn.records.schema`, as if imported here (tests compare them)."""
    if name in _SCHEMA_NAMES:
        return getattr(_schema(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _schema() -> Any:
    from ktcn.records import schema

    return schema


def load(root: Path, today: date | None = None, proposed: dict[Path, bytes] | None = None,
         use_cache: bool = True, only: str | None = None) -> Workspace:
    """Load the workspace at `root`; `today` dates the 'update in the future' check.

    `proposed` maps files to new content to check instead of what is on disk
    (how `ktcn update` validates a change before writing it); a proposed file
    that is not on disk is read as a new programme file (`ktcn import`).  Programme files
    come from the per-file cache when they have not changed (`use_cache`).
    With `only`, the workspace holds only the programme of that id (`ktcn show`):
    every file is still checked and gives its diagnostics, but no other programme
    is taken out of the cache.
    """
    with gc_paused():
        found = _scan(root, today or date.today(), proposed or {}, Cache(root if use_cache else None), keep=True,
                      only=only)
    return Workspace(root, found.settings, found.agencies, found.programmes, found.diagnostics, found.left_out)


def validate_workspace(root: Path, today: date | None = None,
                       use_cache: bool = True) -> tuple[Settings, tuple[Diagnostic, ...]]:
    """The diagnostics `load` would give, found without keeping the programmes.

    Each programme is checked as it is read and then let go; only what the
    checks across files need (ids, references) is kept, so memory does not grow
    with the size of the workspace.
    """
    with gc_paused():
        found = _scan(root, today or date.today(), {}, Cache(root if use_cache else None), keep=False)
    return found.settings, found.diagnostics


def load_board(root: Path, as_of: date, use_cache: bool = True, trim: Trim | None = None) -> Board:
    """Every programme's standing on `as_of`, with the diagnostics `load` would give.

    Programmes are read one at a time and let go; a standing that holds on
    `as_of` comes from the cache without the programme being read at all.
    `trim` cuts each standing down to what the view will show as it arrives,
    so that memory does not grow with the workspace.
    """
    with gc_paused():
        found = _scan(root, as_of, {}, Cache(root if use_cache else None), keep=False, board=True, trim=trim)
    return Board(root, as_of, found.settings, found.agencies, found.standings, found.diagnostics, found.left_out,
                 found.rows)


class _Scanned(NamedTuple):
    settings: Settings
    agencies: tuple[Agency, ...]
    programmes: tuple[Programme, ...]  # when kept
    diagnostics: tuple[Diagnostic, ...]
    standings: tuple[Standing, ...]  # for a board
    left_out: tuple[str, ...]  # the programme files that gave no programme
    rows: tuple[Any, ...] = ()  # for a board whose trim makes rows: each standing's, in the same order


def _scan(root: Path, today: date, proposed: dict[Path, bytes], cache: Cache, keep: bool,
          board: bool = False, trim: Trim | None = None, only: str | None = None) -> _Scanned:
    """Read and check every file; each programme is checked as soon as it is read.

    For a `board`, each programme's standing on `today` is gathered too, cut down by `trim`.
    With `only`, the programmes kept are those of that id.
    """
    problems: list[Diagnostic] = []
    reading = _Reading(problems, {path_key(f): data for f, data in proposed.items()}, cache, only)
    settings = _load_settings(root, reading)
    agencies = _load_agencies(root, reading)
    context = Context(settings, agencies, today)
    inputs = _inputs_key(root, reading)
    if board:
        reading.standings = Standings(cache, inputs, today, settings, agencies, trim)
    files = programme_files(root, problems)
    files += new_files(root, proposed, files)
    results = _read_programmes(files, reading, context, inputs, keep)
    summaries, kept, left_out = [], [], []
    for file in files:
        programme, found, file_problems = results[file]
        problems.extend(file_problems)
        if found is not None:
            summaries.append(found)
        else:
            left_out.append(display_path(file))
        if programme is not None and (only is None or programme.id == only):
            kept.append(programme)
    problems.extend(check_workspace(context, summaries))
    located = sorted(_located(problems, reading.proposed), key=Diagnostic.sort_key)
    held = reading.standings.found if reading.standings else {}
    rows = reading.standings.rows if reading.standings else {}
    return _Scanned(settings, agencies, tuple(kept), tuple(located), tuple(held[f] for f in files if f in held),
                    tuple(left_out), tuple(rows[f] for f in files if f in rows))


Read = tuple[Programme | None, Summary | None, list[Diagnostic]]  # what one programme file gave


def _read_programmes(files: list[Path], reading: _Reading, context: Context, inputs: str,
                     keep: bool) -> dict[Path, Read]:
    """Each file's programme (when `keep`), summary and diagnostics: from the cache, else parsed.

    The files to parse are parsed over the CPU cores (`ktcn.records.fanout`) unless
    their programmes are to be kept: those would have to come back whole.
    """
    results: dict[Path, Read] = {}
    misses: list[Path] = []
    unstood: list[tuple[Path, Entry]] = []  # cached, but their standing must be computed from the programme
    for file in files:
        found = _cached(file, reading, context, inputs, keep, None if keep else unstood)
        if found is None:
            misses.append(file)
        else:
            results[file] = found
    parse = partial(_parse_apart, reading, context, inputs, keep)
    for file, found, standing_now in (map(parse, misses) if keep else fan_out(parse, misses, _size(misses))):
        results[file] = found
        if standing_now is not None:
            reading.standings.keep(file, standing_now)  # type: ignore[union-attr]
    stand = partial(_stand_apart, reading)
    for file, standing_now in fan_out(stand, unstood, _size([file for file, _ in unstood])):
        if standing_now is None:  # its programme went from the cache meanwhile: parse the file
            results[file], standing_now = _parsed(file, reading, context, inputs, keep)
        if standing_now is not None:
            reading.standings.keep(file, standing_now)  # type: ignore[union-attr]
    return results


def _size(files: list[Path]) -> int:
    """How many bytes the files hold (what cannot be read counts for nothing: reading it will say why)."""
    total = 0
    for file in files:
        with contextlib.suppress(OSError):
            total += file.stat().st_size
    return total


def _stand_apart(reading: _Reading, item: tuple[Path, Entry]) -> tuple[Path, Standing | None]:
    """A cached programme's standing, here or in a worker process; None when the programme cannot be had."""
    file, entry = item
    programme = reading.cache.programme(file, entry)
    if programme is None:
        return file, None
    return file, reading.standings.compute(file, entry.digest, programme)  # type: ignore[union-attr]


def _parse_apart(reading: _Reading, context: Context, inputs: str, keep: bool,
                 file: Path) -> tuple[Path, Read, Standing | None]:
    """Parse one file, here or in a worker process: what it gave, and its standing when the load wants one."""
    return (file, *_parsed(file, reading, context, inputs, keep))


class _Reading:
    """What one load shares: its diagnostics, the proposed contents that replace files, the cache.

    `standings` is set when the load is for the status views (`load_board`); `only`, when
    the load keeps one programme (the others are not unpickled from the cache).
    """

    def __init__(self, problems: list[Diagnostic], proposed: dict[str, bytes], cache: Cache,
                 only: str | None = None) -> None:
        self.problems = problems
        self.proposed = proposed
        self.cache = cache
        self.only = only
        self.standings: Standings | None = None


def _parse(file: Path, display: str, data: bytes | None, record: Record,
           build: Callable[..., Any]) -> tuple[Any, list[Diagnostic]]:
    """Read one file against `record` and build it; what is wrong comes back as diagnostics."""
    import yaml

    from ktcn.records.convert import Reader, describe, read_record
    from ktcn.records.yamlsource import read_source

    source = read_source(file, display, data)
    problems = list(source.diagnostics)
    root = source.root
    if root is None and not problems:
        problems.append(diag("KTCN008", display, 1, 1, got=Text("empty", "tệp rỗng")))
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
    """ktcn.yaml, from the cache when it has not changed (a warm view then parses no file at all)."""
    file = root / SETTINGS_FILE
    if not within(root, file):
        reading.problems.append(link_out(file))
        return Settings()
    return _cached_or_parsed(file, reading, Settings, lambda: (_schema().SETTINGS, _schema().build_settings)) \
        or Settings()


def _load_agencies(root: Path, reading: _Reading) -> tuple[Agency, ...]:
    file = root / AGENCIES_FILE_NAME
    if not file.exists():
        reading.problems.append(diag("KTCN013", display_path(root / SETTINGS_FILE), 1, 1, file=AGENCIES_FILE_NAME))
        return ()
    if not within(root, file):
        reading.problems.append(link_out(file))
        return ()
    return _cached_or_parsed(file, reading, tuple,
                             lambda: (_schema().AGENCIES_FILE, lambda r, values, node, kp: values["agencies"])) or ()


def _cached_or_parsed(file: Path, reading: _Reading, kind: type, parser: Callable[[], tuple[Any, Any]]) -> Any:
    """A workspace file (ktcn.yaml, agencies.yaml): what the cache holds while the file is unchanged, else the
    file parsed with `parser()`'s record and builder, and stored. None when it cannot be read or built (the
    problems are in `reading`). The parser is asked for only on a miss: a warm view imports no schema.
    """
    display = display_path(file)
    entry = _fresh_entry(file, display, reading)
    stored = reading.cache.record(file, entry) if entry is not None else None
    if isinstance(stored, kind):  # a national registry composes to some 8 MB of nodes: read it once per change
        reading.problems.extend(entry.diagnostics)  # type: ignore[union-attr]
        return stored
    data = reading.proposed.get(path_key(file))
    if data is None:
        data, problems = read_bytes(file, display)
        if data is None:
            reading.problems.extend(problems)
            return None
    value, problems = _parse(file, display, data, *parser())
    reading.problems.extend(problems)
    if value is not None and reading.cache.enabled and path_key(file) not in reading.proposed:
        made = entry_for(file, display, data, tuple(problems), None, None)
        if made is not None:
            reading.cache.store(file, made, value)
    return value


def _fresh_entry(file: Path, display: str, reading: _Reading) -> Entry | None:
    """The cache entry of `file` if the file is still what it was read from (None: read it again)."""
    if path_key(file) in reading.proposed:
        return None
    entry = reading.cache.get(file, display)
    if entry is None or unchanged(entry, file):
        return entry
    data, _ = read_bytes(file, display)
    if data is None or digest(data) != entry.digest:
        return None
    with contextlib.suppress(OSError):  # the same content: trust the file's times from now on
        info = file.stat()
        if info.st_size == len(data):
            entry = entry.restamped(info, entry.checks)
            reading.cache.restamp(file, entry)
    return entry


def _cached(file: Path, reading: _Reading, context: Context, inputs: str, keep: bool,
            unstood: list[tuple[Path, Entry]] | None) -> Read | None:
    """What the cache gives for a file it saw as it is now; None when the file must be parsed.

    The programme is unpickled only when it is kept, its checks must be run
    again or its standing must be computed; the standing is left to the
    caller when `unstood` collects such files (to compute them over the cores).
    """
    entry = _fresh_entry(file, display_path(file), reading)
    if entry is None:
        return None  # not cached, or changed since: parse it
    if keep and reading.only is not None:
        keep = entry.summary is not None and entry.summary.id == reading.only
    standings = reading.standings
    wanted = standings is not None and not standings.reuse(file, entry.digest)
    later = wanted and unstood is not None
    reused = _from_entry(file, entry, reading, context, inputs, keep or (wanted and not later))
    if reused is None:
        return None
    programme, found, problems = reused
    if later and found is not None:
        unstood.append((file, entry))  # type: ignore[union-attr]
    elif wanted and programme is not None:
        standings.keep(file, standings.compute(file, entry.digest, programme))  # type: ignore[union-attr]
    return (programme if keep else None), found, problems


def _parsed(file: Path, reading: _Reading, context: Context, inputs: str,
            keep: bool) -> tuple[Read, Standing | None]:
    """Parse and check one file, and store what it gave in the cache; its standing too when the load wants one."""
    display = display_path(file)
    data = reading.proposed.get(path_key(file))
    if data is None:
        data, problems = read_bytes(file, display)
        if data is None:
            return (None, None, list(problems)), None
    schema = _schema()
    programme, problems = _parse(file, display, data, schema.PROGRAMME, schema.build_programme)
    checked = _checked(context, programme, reading, inputs)
    found = summary(programme) if programme is not None else None
    cached = reading.cache.enabled and path_key(file) not in reading.proposed
    if cached:
        stored = entry_for(file, display, data, tuple(problems), found, checked)
        if stored is not None:
            reading.cache.store(file, stored, programme)
    standing_now = None
    if reading.standings is not None and programme is not None:
        standing_now = reading.standings.compute(file, digest(data) if cached else None, programme)
    read = (programme if keep else None), found, [*problems, *(checked.findings if checked else ())]
    return read, standing_now


def _from_entry(file: Path, entry: Entry, reading: _Reading, context: Context, inputs: str,
                keep: bool) -> tuple[Programme | None, Summary | None, list[Diagnostic]] | None:
    """What a cache entry can give without parsing; None when its programme cannot be had."""
    if entry.summary is None:  # the file gave no programme, only diagnostics
        return None, None, list(entry.diagnostics)
    holding = entry.checks is not None and entry.checks.hold(inputs, context.today)
    if holding and not keep:
        _restamp(file, entry, reading.cache, entry.checks)
        return None, entry.summary, [*entry.diagnostics, *entry.checks.findings]  # type: ignore[union-attr]
    programme = reading.cache.programme(file, entry)
    if programme is None:
        return None
    checked = entry.checks if holding else _checked(context, programme, reading, inputs)
    _restamp(file, entry, reading.cache, checked)
    return (programme if keep else None), entry.summary, [*entry.diagnostics, *checked.findings]  # type: ignore


def _restamp(file: Path, entry: Entry, cache: Cache, checked: Checked | None) -> None:
    """Keep the entry's header current (times after a touch, checks for new settings or a new day)."""
    if checked != entry.checks:
        cache.restamp(file, replace(entry, checks=checked))


def _checked(context: Context, programme: Programme | None, reading: _Reading, inputs: str) -> Checked | None:
    """The programme checks' findings and the days they hold for, located now: a cached copy needs no file."""
    if programme is None:
        return None
    findings = tuple(_located(check_programme(context, programme), reading.proposed))
    return Checked(inputs, context.today, findings_hold_until(context, programme, findings), findings)


def _inputs_key(root: Path, reading: _Reading) -> str:
    """What a programme's checks and standing depend on besides the programme and the day: settings, agencies."""
    parts = []
    for name in (SETTINGS_FILE, AGENCIES_FILE_NAME):
        file = root / name
        data = reading.proposed.get(path_key(file))
        if data is None:
            data, _ = read_bytes(file, name)
        parts.append(digest(data or b""))
    return "|".join(parts)


def _located(problems: Iterable[Diagnostic], proposed: dict[str, bytes]) -> list[Diagnostic]:
    """Give line and column to the diagnostics that only know a key path, in their order.

    Each file is composed once and let go before the next: a national workspace with a dangling reference in
    many files would otherwise hold all their nodes at once (32 to 85 MB for 50 such files).
    """
    problems = list(problems)
    unplaced = sorted((i for i, problem in enumerate(problems) if not problem.line), key=lambda i: problems[i].path)
    if not unplaced:
        return problems
    from ktcn.records.yamlsource import locate, read_source

    for path, indices in groupby(unplaced, key=lambda i: problems[i].path):
        file = Path(path)
        root = read_source(file, path, proposed.get(path_key(file))).root
        for i in indices:
            at_key = problems[i].code in ("KTCN101", "KTCN002")
            problems[i] = problems[i].located(*locate(root, problems[i].keypath, at_key))
    return problems
