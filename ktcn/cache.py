"""A per-file cache of what reading a programme file gave: its record and its diagnostics.

Parsing is nearly the whole cost of a command, so each file is parsed once per
change, not once per command.  An entry is keyed by the file's content hash;
size and modification time only let a run skip reading a file that has not
changed.  Entries live in `<workspace>/.ktcn-cache/<format>-<ktcn version>/`, so an
upgrade starts a fresh cache.  Each entry is written atomically, so two ktcn
processes can share the folder; an entry that cannot be read for any reason is
a miss and is written again, never an error.

Entries are pickles, read with an unpickler that only builds ktcn's own record
types: a cache file planted in a shared folder cannot run code.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ktcn import __version__

try:
    from _blake2 import blake2b  # hashlib's own; importing hashlib also maps OpenSSL: 3.7 MB on every command
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

FORMAT = 6  # bump when the model or the diagnostics change shape
FOLDER = ".ktcn-cache"
ENTRY, STANDING = ".pkl", ".standing.pkl"  # a file's entry; its programme's standing on some days
HEAD_OVERDUE = 16  # overdue items kept at the head of a stored standing: more than the status table shows
_ALLOWED = {("ktcn.model", name) for name in ("Span", "Signer", "Schedule", "Update", "Task", "Programme",
                                              "Agency")} | {
    ("ktcn.cache", "Entry"), ("ktcn.cache", "Checked"), ("ktcn.checks", "Summary"), ("ktcn.standing", "Standing"),
    ("ktcn.status", "Occurrence"), ("ktcn.status", "Counts"), ("ktcn.dateish", "DateIsh"),
    ("ktcn.diagnostics", "Diagnostic"), ("ktcn.diagnostics", "Text"), ("datetime", "date"),
    ("copyreg", "_reconstructor"), ("builtins", "object"),
}


@dataclass(frozen=True)
class Checked:
    """A programme's check findings for these settings and agencies (`key`), on the days `since` to `until`."""

    key: str
    since: date
    until: date  # excluded
    findings: tuple

    def hold(self, key: str, day: date) -> bool:
        return self.key == key and self.since <= day < self.until


@dataclass(frozen=True)
class Entry:
    """What reading one file gave, and what identifies the content it was read from.

    Stored as a small pickle followed by the programme's, so that a run that
    only needs the diagnostics and the summary never unpickles the programme.
    `checks` are the programme checks' findings, with what they hold for.
    """

    display: str
    size: int
    mtime_ns: int
    digest: str
    diagnostics: tuple
    summary: Any = None  # ktcn.checks.Summary, or None when the file gave no programme
    checks: Checked | None = None


class _RecordsOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not a ktcn record")
        return super().find_class(module, name)


class Cache:
    """The cache folder of one workspace; `Cache(None)` is a cache that never hits and never writes."""

    def __init__(self, root: Path | None) -> None:
        self.folder = root / FOLDER / f"{FORMAT}-{__version__}" if root is not None else None
        self._made = False

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def get(self, file: Path, display: str) -> Entry | None:
        """The stored entry for `file` as named `display`, whatever it was read from (see `unchanged`)."""
        found = self._read(file, with_programme=False)
        entry = found[0] if found else None
        return entry if entry is not None and entry.display == display else None

    def programme(self, file: Path, entry: Entry) -> Any:
        """The programme stored with `entry` (None when the entry on disk is no longer that one)."""
        return self.record(file, entry)

    def record(self, file: Path, entry: Entry) -> Any:
        """What was stored with `entry`: a programme, or the agencies (None when the entry is no longer that one)."""
        found = self._read(file, with_programme=True)
        return found[1] if found and found[0].digest == entry.digest else None

    def store(self, file: Path, entry: Entry, programme: Any) -> None:
        """Write an entry and its programme atomically; a cache that cannot be written is only slower."""
        if self.folder is None:
            return  # --no-cache: do not even pickle
        self._write(file, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
                    + pickle.dumps(programme, protocol=pickle.HIGHEST_PROTOCOL))

    def restamp(self, file: Path, entry: Entry) -> None:
        """Replace an entry's header (new times, new checks) and keep its programme's bytes as they are."""
        if self.folder is None:
            return
        try:
            data = self._path(file).read_bytes()
            stream = io.BytesIO(data)
            _RecordsOnly(stream).load()
        except Exception:  # no usable entry to restamp: the next run rewrites it whole
            return
        self._write(file, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL) + data[stream.tell():])

    def standing(self, file: Path, digest: str, key: str, day: date, latest: int | None = None) -> Any:
        """The standing stored for this content of `file` and these settings and agencies, if it holds on `day`.

        With `latest`, of its overdue items only the latest that many are sure to be there (see `store_standing`).
        """
        if self.folder is None:
            return None
        try:
            with open(self._path(file, STANDING), "rb") as stream:
                stored_digest, stored_key, found = _RecordsOnly(stream).load()
                if (stored_digest, stored_key) != (digest, key) or not found.holds(day):
                    return None
                if latest is None or latest > HEAD_OVERDUE:
                    found = replace(found, overdue=_RecordsOnly(stream).load())
        except Exception:  # missing, partial, corrupt or foreign: a miss, rewritten after this run computes it
            return None
        return found

    def store_standing(self, file: Path, digest: str, key: str, found: Any) -> None:
        """Keep a programme's standing beside its entry, for the days it holds.

        Two pickles: the standing with only its latest overdue items, then all
        of them.  The status table needs the first only, and a national
        workspace has a hundred thousand overdue items.
        """
        if self.folder is not None:
            head = replace(found, overdue=found.overdue[-HEAD_OVERDUE:])
            self._write(file, pickle.dumps((digest, key, head), protocol=pickle.HIGHEST_PROTOCOL)
                        + pickle.dumps(found.overdue, protocol=pickle.HIGHEST_PROTOCOL), STANDING)

    def _write(self, file: Path, payload: bytes, kind: str = ENTRY) -> None:
        if self.folder is None:
            return
        with contextlib.suppress(OSError, pickle.PicklingError, RecursionError):
            if not self._made:
                _make_folder(self.folder)  # once a run, so a cache from before the markers gets them too
                self._made = True
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(payload)
                os.replace(temporary, self._path(file, kind))
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def _read(self, file: Path, with_programme: bool) -> tuple[Entry, Any] | None:
        if self.folder is None:
            return None
        try:
            with open(self._path(file), "rb") as stream:
                entry = _RecordsOnly(stream).load()
                # a fresh unpickler: the two pickles were written apart and their memos must not meet
                programme = _RecordsOnly(stream).load() if with_programme else None
        except Exception:  # a missing, partial, corrupt or foreign entry is a miss; it is rewritten
            return None
        return (entry, programme) if isinstance(entry, Entry) else None

    def _path(self, file: Path, kind: str = ENTRY) -> Path:
        assert self.folder is not None
        return self.folder / (blake2b(os.path.abspath(file).encode(), digest_size=16).hexdigest() + kind)


# Marks that keep the cache out of git and out of backups, as pytest's, ruff's and mypy's caches do.
GITIGNORE = "# Created by ktcn: the cache is rebuilt from the records; never commit it.\n*\n"
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by ktcn.\n"
                "# For information about cache directory tags, see https://bford.info/cachedir/\n")


def _make_folder(folder: Path) -> None:
    """Create the cache folder; its top holds a `.gitignore` of `*` and a CACHEDIR.TAG before any entry."""
    top = folder.parent
    top.mkdir(parents=True, exist_ok=True)
    for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
        marker = top / name
        if not marker.exists():
            with contextlib.suppress(FileExistsError), open(marker, "x", encoding="utf-8") as out:
                out.write(text)
    folder.mkdir(exist_ok=True)


def unchanged(entry: Entry, file: Path) -> bool:
    """The shortcut: same size and modification time means the same content, without reading it."""
    try:
        info = file.stat()
    except OSError:
        return False
    return (info.st_size, info.st_mtime_ns) == (entry.size, entry.mtime_ns)


def entry_for(file: Path, display: str, data: bytes, diagnostics: tuple, summary: Any,
              checks: Checked | None) -> Entry | None:
    """The entry to store after reading `data` from `file`; None if the file changed meanwhile."""
    try:
        info = file.stat()
    except OSError:
        return None
    if info.st_size != len(data):
        return None  # the file changed after it was read: do not pair old content with new times
    return Entry(display, info.st_size, info.st_mtime_ns, digest(data), diagnostics, summary, checks)


def digest(data: bytes) -> str:
    return blake2b(data, digest_size=20).hexdigest()


