"""Writing the site's files: only those whose bytes changed, and nothing outside the site's folder.

A rebuild of a national site rewrites nothing that did not change, so a
`rsync` or a Pages upload sends only what is new.  The folder holds a list of
the files the last build made (`MANIFEST`); a file a new build no longer makes
(a task removed from the records) is deleted, and nothing else ever is.  A
folder that is neither empty nor a site made by ktcn is refused, so that
`-o .` cannot mix a site into a repository.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ktcn.errors import UsageError
from ktcn.outputs.site.words import Said

MANIFEST = ".ktcn-site"
MANIFEST_HEAD = "# Files made by 'ktcn site'; a rebuild deletes those it no longer makes. Do not edit.\n"


@dataclass
class Written:
    """What one writer did: the files it made (relative paths), and how many it had to write."""

    files: list[str] = field(default_factory=list)
    changed: int = 0

    def merge(self, other: Written) -> None:
        self.files.extend(other.files)
        self.changed += other.changed


class Writer:
    """Writes files under `folder`, skipping those whose content is already there byte for byte.

    Only a file the previous build made (`previous`) can already be there: the
    folder held nothing else (`prepare`), so the others are written straight away.
    """

    def __init__(self, folder: Path, previous: set[str] | frozenset[str] = frozenset()) -> None:
        self.folder = folder
        self.previous = previous
        self.done = Written()
        self._made: set[str] = set()

    def write(self, name: str, content: str | bytes) -> None:
        """Write `content` at `name` (a relative path with '/') unless the file already holds it."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = os.path.join(self.folder, name)
        self.done.files.append(name)
        if name in self.previous and _holds(target, data):
            return
        parent = os.path.dirname(name)
        if parent and parent not in self._made:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            self._made.add(parent)
        _write(target, data)
        self.done.changed += 1


def _write(target: str, data: bytes) -> None:
    """Write `data` at `target`, never through a link left there (it is replaced by the file)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(target, flags, 0o666)
    except OSError:  # ELOOP: a link is there
        if not os.path.islink(target):
            raise
        os.unlink(target)
        handle = os.open(target, flags, 0o666)
    try:  # written with the descriptor itself: a buffered file object per page cost more than its write
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
    finally:
        os.close(handle)


def _holds(target: str, data: bytes) -> bool:
    try:
        if os.path.islink(target) or os.stat(target).st_size != len(data):
            return False
        with open(target, "rb") as file:
            return file.read() == data
    except OSError:
        return False


def check(folder: Path) -> set[str]:
    """The files the previous build made in `folder` (none when it is new or empty); a usage error when the
    folder is not one the site may be written to.  Nothing is created: this runs before the records are read."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(Said("output.not_a_folder", folder=folder))
    if not folder.exists():
        return set()
    manifest = folder / MANIFEST
    if manifest.is_file() and not manifest.is_symlink():
        lines = manifest.read_text(encoding="utf-8", errors="replace").splitlines()
        return {line for line in lines[1:] if _relative(line)}
    if any(folder.iterdir()):
        raise UsageError(Said("output.not_a_site", folder=folder, manifest=MANIFEST))
    return set()


def prepare(folder: Path) -> set[str]:
    """`check`, then make the folder."""
    before = check(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return before


def _relative(name: str) -> bool:
    """A manifest line names a file inside the folder: no absolute path, no '..' (the file may have been edited)."""
    parts = name.split("/")
    return bool(name) and not name.startswith("/") and ".." not in parts and "" not in parts


def finish(folder: Path, before: set[str], made: Iterable[str]) -> int:
    """Delete what the previous build made and this one did not, then record what this one made."""
    now = sorted(set(made))
    removed = 0
    for name in sorted(before - set(now)):
        target = folder / name
        if target.is_file() or target.is_symlink():
            target.unlink()
            removed += 1
            _prune(folder, target.parent)
    writer = Writer(folder, before | {MANIFEST})
    writer.write(MANIFEST, MANIFEST_HEAD + "".join(f"{name}\n" for name in now))
    return removed


def _prune(folder: Path, directory: Path) -> None:
    """Remove folders the deletions emptied, up to the site's own."""
    while directory != folder and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent
