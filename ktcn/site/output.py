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
from ktcn.site.words import say

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
    """Writes files under `folder`, skipping those whose content is already there byte for byte."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.done = Written()
        self._made: set[str] = set()

    def write(self, name: str, content: str | bytes) -> None:
        """Write `content` at `name` (a relative path with '/') unless the file already holds it."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = self.folder / name
        self.done.files.append(name)
        if _holds(target, data):
            return
        parent = os.path.dirname(name)
        if parent and parent not in self._made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(parent)
        if target.is_symlink():  # never write through a link left in the folder
            target.unlink()
        target.write_bytes(data)
        self.done.changed += 1


def _holds(target: Path, data: bytes) -> bool:
    try:
        if target.is_symlink() or target.stat().st_size != len(data):
            return False
        return target.read_bytes() == data
    except OSError:
        return False


def prepare(folder: Path, lang: str) -> set[str]:
    """Check that `folder` may hold the site and return the files the previous build made (none when new)."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(say("output.not_a_folder", lang, folder=folder))
    manifest = folder / MANIFEST
    if not folder.exists():
        folder.mkdir(parents=True)
        return set()
    if manifest.is_file() and not manifest.is_symlink():
        lines = manifest.read_text(encoding="utf-8", errors="replace").splitlines()
        return {line for line in lines[1:] if _relative(line)}
    if any(folder.iterdir()):
        raise UsageError(say("output.not_a_site", lang, folder=folder, manifest=MANIFEST))
    return set()


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
    writer = Writer(folder)
    writer.write(MANIFEST, MANIFEST_HEAD + "".join(f"{name}\n" for name in now))
    return removed


def _prune(folder: Path, directory: Path) -> None:
    """Remove folders the deletions emptied, up to the site's own."""
    while directory != folder and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent
