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
import errno
import io
import marshal
import os
import pickle
import stat
import struct
import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ktcn import __version__

try:
    from _blake2 import blake2b  # hashlib's own; importing hashlib also maps OpenSSL: 3.7 MB on every command
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

FORMAT = 13  # bump when the model, the settings or the diagnostics change shape (13: a view's rows of a standing)
FOLDER = ".ktcn-cache"
ENTRY, STANDING = ".pkl", ".standing.pkl"  # a file's entry; its programme's standing on some days
BLOB = ".bin"  # bytes kept under a name of the caller's (the site's compiled templates)
ROWS = ".rows"  # a view's rows made from a programme's standing (`Cache.rows`)
HEAD_OVERDUE = 16  # overdue items kept at the head of a stored standing: more than the status table shows
_ALLOWED = {("ktcn.records.model", name) for name in ("Span", "Signer", "Schedule", "Update", "Task", "Programme",
                                                      "Agency", "Settings")} | {
    ("ktcn.records.cache", "Entry"), ("ktcn.records.cache", "Checked"), ("ktcn.records.checks", "Summary"),
    ("ktcn.engine.standing", "Standing"),
    ("ktcn.engine.status", "Occurrence"), ("ktcn.engine.status", "Counts"), ("ktcn.records.dateish", "DateIsh"),
    ("ktcn.records.diagnostics", "Diagnostic"), ("ktcn.records.diagnostics", "Text"), ("datetime", "date"),
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
    summary: Any = None  # ktcn.records.checks.Summary, or None when the file gave no programme
    checks: Checked | None = None
    ctime_ns: int = 0  # with the inode: an edit that keeps size and mtime (touch -d, cp -p) still changes these
    inode: int = 0
    checked_ns: int = 0  # when the file was last seen to hold `digest`

    def restamped(self, info: os.stat_result, checks: Checked | None) -> Entry:
        """The same entry for the file as `info` shows it now (its content checked to be the same)."""
        return replace(self, size=info.st_size, mtime_ns=info.st_mtime_ns, ctime_ns=info.st_ctime_ns,
                       inode=info.st_ino, checked_ns=time.time_ns(), checks=checks)

    def stamp_matches(self, info: os.stat_result) -> bool:
        return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino) == (
            self.size, self.mtime_ns, self.ctime_ns, self.inode)


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
        self._write(file, _sealed(entry) + _sealed(programme))

    def restamp(self, file: Path, entry: Entry) -> None:
        """Replace an entry's header (new times, new checks) and keep its programme's bytes as they are."""
        if self.folder is None:
            return
        try:
            with _open_regular(self._path(file)) as stream:
                if _unseal(stream) is None:
                    return
                rest = stream.read()
        except Exception:  # no usable entry to restamp: the next run rewrites it whole
            return
        self._write(file, _sealed(entry) + rest)

    def standing(self, file: Path, digest: str, key: str, day: date, latest: int | None = None) -> Any:
        """The standing stored for this content of `file` and these settings and agencies, if it holds on `day`.

        With `latest`, of its overdue items only the latest that many are sure to be there (see `store_standing`).
        """
        if self.folder is None:
            return None
        try:
            with _open_regular(self._path(file, STANDING)) as stream:
                stored_digest, stored_key, found = _unseal(stream)  # type: ignore[misc]
                if (stored_digest, stored_key) != (digest, key) or not found.holds(day):
                    return None
                if latest is None or latest > HEAD_OVERDUE:
                    overdue = _unseal(stream)
                    if not isinstance(overdue, tuple):
                        return None
                    found = replace(found, overdue=overdue)
        except Exception:  # missing, partial, corrupt or foreign: a miss, rewritten after this run computes it
            return None
        return found if type(found).__name__ == "Standing" else None

    def store_standing(self, file: Path, digest: str, key: str, found: Any) -> None:
        """Keep a programme's standing beside its entry, for the days it holds.

        Two pickles: the standing with only its latest overdue items, then all
        of them.  The status table needs the first only, and a national
        workspace has a hundred thousand overdue items.
        """
        if self.folder is not None:
            head = replace(found, overdue=found.overdue[-HEAD_OVERDUE:])
            self._write(file, _sealed((digest, key, head)) + _sealed(found.overdue), STANDING)

    def rows(self, file: Path, digest: str, key: str, found: Any, tag: str) -> Any:
        """The rows a view (`tag`) made from the standing `found` of this content of `file`, under these settings
        and agencies (`key`); None when they were made from anything else.

        Rows are plain data (text, numbers, tuples), kept with `marshal`: no class to build, nothing to unpickle.
        """
        if self.folder is None:
            return None
        try:
            with _open_regular(self._path(file, _rows_kind(tag))) as stream:
                data = _unseal_bytes(stream)
            stored_for, rows = marshal.loads(data)  # type: ignore[arg-type]
        except Exception:  # missing, partial, corrupt or foreign: a miss, rewritten once the rows are made
            return None
        return rows if stored_for == _rows_for(digest, key, found, tag) else None

    def store_rows(self, file: Path, digest: str, key: str, found: Any, tag: str, rows: Any) -> None:
        """Keep a view's rows of a standing beside it (see `rows`); a cache that cannot be written is only slower."""
        if self.folder is not None:
            with contextlib.suppress(ValueError):  # not plain data: not kept
                self._write(file, _seal(marshal.dumps((_rows_for(digest, key, found, tag), rows))), _rows_kind(tag))

    def blob(self, name: str) -> bytes | None:
        """The bytes stored under `name` (`store_blob`); None when they are not there whole and sealed by this user.

        Unlike the entries they are not unpickled: the caller decides what they are (Jinja's compiled code, run
        only because the seal says this user's ktcn wrote it).
        """
        if self.folder is None:
            return None
        try:
            with _open_regular(self.folder / _blob_name(name)) as stream:
                return _unseal_bytes(stream)
        except Exception:  # missing, partial, corrupt or foreign: a miss
            return None

    def store_blob(self, name: str, data: bytes) -> None:
        """Keep `data` under `name`, sealed, written atomically; a cache that cannot be written is only slower."""
        if self.folder is not None:
            self._write_to(self.folder / _blob_name(name), _seal(data))

    def _write(self, file: Path, payload: bytes, kind: str = ENTRY) -> None:
        if self.folder is not None:
            self._write_to(self._path(file, kind), payload)

    def _write_to(self, target: Path, payload: bytes) -> None:
        assert self.folder is not None
        with contextlib.suppress(OSError, pickle.PicklingError, RecursionError):
            if not self._made:
                _make_folder(self.folder)  # once a run, so a cache from before the markers gets them too
                self._made = True
            handle, temporary = _new_temporary(self.folder)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(payload)
                os.replace(temporary, target)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def _read(self, file: Path, with_programme: bool) -> tuple[Entry, Any] | None:
        if self.folder is None:
            return None
        try:
            with _open_regular(self._path(file)) as stream:
                entry = _unseal(stream)
                if not _entry_shaped(entry):
                    return None
                # a fresh unpickler: the two pickles were written apart and their memos must not meet
                programme = _unseal(stream) if with_programme else None
        except Exception:  # a missing, partial, corrupt or foreign entry is a miss; it is rewritten
            return None
        return entry, programme  # type: ignore[return-value]

    def _path(self, file: Path, kind: str = ENTRY) -> Path:
        assert self.folder is not None
        return self.folder / (blake2b(os.path.abspath(file).encode(), digest_size=16).hexdigest() + kind)


# Every pickle in the cache is sealed with a keyed hash, the key private to the user (KEY_FILE): a planted or
# damaged entry, even one built only of ktcn's own record types (`Entry(diagnostics=5)`), is a miss, never
# read.  Two parts per file, each sealed apart, so that a header is read without the programme behind it.
MAC_BYTES = 16
_LENGTH = struct.Struct("<Q")
_key: bytes | None = None


def _cache_key() -> bytes:
    """The user's cache key: made once (0600) in the user's cache folder; for this run only if that fails."""
    global _key
    if _key is None:
        _key = _read_or_make_key(_key_file())
    return _key


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "ktcn", "cache-key")


def _read_or_make_key(path: Path) -> bytes:
    with contextlib.suppress(OSError):
        key = path.read_bytes()
        if len(key) == 32:
            return key
    import tempfile

    key = os.urandom(32)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=path.parent)  # 0600: the key is the user's alone
        with os.fdopen(handle, "wb") as out:
            out.write(key)
        os.replace(temporary, path)
        return path.read_bytes()  # another ktcn may have won the race: use the key that stayed
    return key


def _sealed(value: Any) -> bytes:
    return _seal(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _seal(data: bytes) -> bytes:
    return blake2b(data, digest_size=MAC_BYTES, key=_cache_key()).digest() + _LENGTH.pack(len(data)) + data


def _unseal(stream: Any) -> Any:
    """The next sealed pickle of `stream`, unpickled; None when it is not there whole or not sealed by us."""
    data = _unseal_bytes(stream)
    return None if data is None else _RecordsOnly(io.BytesIO(data)).load()


def _unseal_bytes(stream: Any) -> bytes | None:
    """The next sealed bytes of `stream`; None when they are not there whole or not sealed by us."""
    head = stream.read(MAC_BYTES + _LENGTH.size)
    if len(head) != MAC_BYTES + _LENGTH.size:
        return None
    (length,) = _LENGTH.unpack_from(head, MAC_BYTES)
    data = stream.read(length)
    if len(data) != length or blake2b(data, digest_size=MAC_BYTES, key=_cache_key()).digest() != head[:MAC_BYTES]:
        return None
    return data


def _rows_kind(tag: str) -> str:
    """The suffix of a view's rows' file: one file per programme file and view (the view's words, its language)."""
    return "." + blake2b(tag.encode(), digest_size=8).hexdigest() + ROWS


def _rows_for(digest: str, key: str, found: Any, tag: str) -> tuple[str, str, int, int, str]:
    """What rows were made from: the file's content, the settings and agencies, the standing's days, the view.

    The standing is the same on each of its days, and so are rows made from it.
    """
    return digest, key, found.since.toordinal(), found.until.toordinal(), tag


def _blob_name(name: str) -> str:
    return blake2b(name.encode(), digest_size=16).hexdigest() + BLOB


def _open_regular(path: Path) -> Any:
    """`path` opened for reading if it is a regular file; a FIFO or a device in its place must not block a run."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise OSError(f"{path} is not a regular file")
        return os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise


def _entry_shaped(entry: object) -> bool:
    """A cheap look at a header before it is trusted: the types the loader relies on."""
    return (isinstance(entry, Entry) and isinstance(entry.display, str) and isinstance(entry.digest, str)
            and all(isinstance(n, int) for n in (entry.size, entry.mtime_ns, entry.ctime_ns, entry.inode,
                                                  entry.checked_ns))
            and isinstance(entry.diagnostics, tuple)
            and all(type(d).__name__ == "Diagnostic" for d in entry.diagnostics)
            and (entry.checks is None or (isinstance(entry.checks, Checked)
                                          and isinstance(entry.checks.findings, tuple))))


# Marks that keep the cache out of git and out of backups, as pytest's, ruff's and mypy's caches do.
GITIGNORE = "# Created by ktcn: the cache is rebuilt from the records; never commit it.\n*\n"
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by ktcn.\n"
                "# For information about cache directory tags, see https://bford.info/cachedir/\n")


def _new_temporary(folder: Path) -> tuple[int, str]:
    """A new file in `folder`, open for writing, that no other process made (O_EXCL) and only its owner can read:
    what `tempfile.mkstemp` gives, without importing tempfile (with shutil and random, some 5 ms of a warm view
    that writes one entry)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        name = os.path.join(folder, f"{os.getpid()}-{os.urandom(8).hex()}.tmp")
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no new temporary file name found", str(folder))


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


# A file changed within this long of being read can change again with the same times ("racy git"): such an
# entry is trusted only after its content is hashed again, and then restamped.
RACY_NS = 2_000_000_000


def unchanged(entry: Entry, file: Path) -> bool:
    """The shortcut: same size, times and inode mean the same content, without reading it."""
    try:
        info = file.stat()
    except OSError:
        return False
    racy = max(entry.mtime_ns, entry.ctime_ns) >= entry.checked_ns - RACY_NS
    return entry.stamp_matches(info) and not racy


def entry_for(file: Path, display: str, data: bytes, diagnostics: tuple, summary: Any,
              checks: Checked | None) -> Entry | None:
    """The entry to store after reading `data` from `file`; None if the file changed meanwhile."""
    try:
        info = file.stat()
    except OSError:
        return None
    if info.st_size != len(data):
        return None  # the file changed after it was read: do not pair old content with new times
    return Entry(display, info.st_size, info.st_mtime_ns, digest(data), diagnostics, summary, checks,
                 info.st_ctime_ns, info.st_ino, time.time_ns())


def digest(data: bytes) -> str:
    return blake2b(data, digest_size=20).hexdigest()


