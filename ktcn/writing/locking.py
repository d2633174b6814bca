"""One writer at a time: an advisory lock that `ktcn update` holds from reading a file to renaming the new one.

Without it two updates started at the same minute both read the old file, both
check it unchanged, and the second rename silently drops the first entry.  The
lock is `flock(2)` on `<workspace>/.ktcn-cache/update.lock`: the cache folder is
ignored by git (its own `.gitignore` of `*`), and the kernel releases an
`flock` when its process ends, however it ends, so a crash never leaves a stale
lock behind.  Editors do not take it: the check that the file is unchanged on
disk still guards against a hand edit made meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ktcn.errors import KtcnError, WorkspaceError
from ktcn.records.cache import CACHEDIR_TAG, FOLDER, GITIGNORE

LOCK_FILE = "update.lock"
TIMEOUT_SECONDS = 30.0
_POLL_SECONDS = 0.02  # how often a waiting writer tries again: updates take a fraction of a second


class LockTimeout(KtcnError):
    """Another writer held the lock for the whole timeout."""

    def __init__(self, path: Path, seconds: float) -> None:
        super().__init__(f"another 'ktcn update' held the lock {path} for over {seconds:g} s")
        self.path, self.seconds = path, seconds


def lock_path(root: Path) -> Path:
    """Where the update lock of the workspace at `root` lives."""
    return root / FOLDER / LOCK_FILE


@contextlib.contextmanager
def workspace_lock(root: Path, timeout: float | None = None,
                   warn: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the workspace's update lock for the `with` block; raise `LockTimeout` after `timeout` seconds.

    The timeout defaults to `TIMEOUT_SECONDS`, read at each call.

    On a platform without `fcntl` (Windows) the block runs unlocked after a
    warning through `warn`: updates still refuse to overwrite a file that
    changed on disk, but two at once are not serialised.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        if warn is not None:
            warn("this platform has no fcntl: two 'ktcn update' runs at once are not serialised")
        yield
        return
    descriptor = _acquire(fcntl, lock_path(root), TIMEOUT_SECONDS if timeout is None else timeout)
    try:
        yield
    finally:
        os.close(descriptor)  # closing the last descriptor releases the lock


def _acquire(fcntl: object, path: Path, timeout: float) -> int:
    """An open descriptor of the lock file at `path`, holding its exclusive lock."""
    deadline = time.monotonic() + timeout
    while True:
        descriptor = _open(path)
        try:
            locked = _lock_by(fcntl, descriptor, path, deadline)
            if locked and _still_named(descriptor, path):
                return descriptor
        except BaseException:
            os.close(descriptor)
            raise
        os.close(descriptor)  # timed out, or the file was deleted or replaced while we waited: try the one there now
        if not locked or time.monotonic() >= deadline:
            raise LockTimeout(path, timeout)


def _lock_by(fcntl: object, descriptor: int, path: Path, deadline: float) -> bool:
    """Take the lock, polling until `deadline` (a blocking flock cannot be given a timeout); False when it passed."""
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # type: ignore[attr-defined]
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(_POLL_SECONDS)
        except OSError as error:  # a file system without locks (some network mounts)
            raise WorkspaceError(f"cannot lock {path}: {error.strerror}") from error


def _still_named(descriptor: int, path: Path) -> bool:
    """Whether `path` still names the file we locked (someone may have cleared the cache meanwhile)."""
    try:
        held, named = os.fstat(descriptor), os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)


def _open(path: Path) -> int:
    """Open (creating it and the cache folder if needed) the lock file; never through a link, never a FIFO."""
    _make_folder(path.parent)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | os.O_CLOEXEC
    try:
        descriptor = os.open(path, flags, 0o666)  # the umask applies, as to any file
    except OSError as error:
        raise WorkspaceError(f"cannot open the update lock {path}: {error.strerror}",
                             "ktcn update needs to write in the workspace folder") from error
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise WorkspaceError(f"cannot use the update lock {path}: not a regular file", f"delete {path}")
    return descriptor


def _make_folder(folder: Path) -> None:
    """The cache folder, with the markers the cache gives it, so git ignores the lock even under --no-cache."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WorkspaceError(f"cannot create {folder}: {error.strerror}",
                             "ktcn update needs to write in the workspace folder") from error
    for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
        with contextlib.suppress(OSError), open(folder / name, "x", encoding="utf-8") as out:
            out.write(text)

