"""The workspace as it was at a git revision (or in the index), read from git objects without a checkout.

We run the `git` command rather than a library: every place that keeps records
in git has it, it reads shallow clones and every object format, and it needs no
dependency.  The files are listed NUL-separated (`ls-tree -r -z`, `ls-files -z
-s`) with their object ids; their bytes come through one `git cat-file --batch`
asked by object id only, so no file name ever travels on a line of its own (a
name holding a newline would otherwise shift every answer).  They are laid out
in a temporary folder, where the ordinary loader reads them.

A tree is data from whoever made the commit: a name may hold `..`, be empty,
name the same file twice or be a symbolic link.  Such an entry is never
written; it is returned as `Skipped` so that the review can say so.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ktcn.errors import UsageError, WorkspaceError
from ktcn.labels import Phrase, label

INDEX = ":"  # git's name for the staging area in `:path`
REGULAR_MODES = ("100644", "100755")  # a symbolic link (120000) or a submodule (160000) is not a record file
UNSAFE, NOT_A_FILE, CLASH = "unsafe", "not-a-file", "clash"  # why an entry was skipped


@dataclass(frozen=True)
class Entry:
    """One file of a tree or of the index: its mode, object id and path in the repository."""

    mode: str
    oid: str
    name: str  # decoded with surrogateescape: any bytes git allows survive


@dataclass(frozen=True)
class Skipped:
    """A tree entry that was not laid out, and why (UNSAFE, NOT_A_FILE or CLASH)."""

    name: str  # relative to the workspace
    reason: str


@dataclass(frozen=True)
class Snapshot:
    """The workspace laid out in `root`, and the entries that could not be."""

    root: Path
    skipped: tuple[Skipped, ...]


def git(args: list[str], cwd: Path, data: bytes | None = None, lang: str = "en") -> bytes:
    """Run git (pathspecs taken literally); its failures become errors a person can act on."""
    try:
        result = subprocess.run(["git", "--literal-pathspecs", *args], cwd=cwd, input=data, capture_output=True,
                                check=False)
    except FileNotFoundError as error:
        raise WorkspaceError(label("diff.git.missing", lang), label("diff.git.missing_hint", lang)) from error
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        # git's own words, quoted: they name what git could not do (a bad ref, a broken repository)
        raise UsageError(Phrase("diff.git.failed", command=" ".join(args[:2]), message=message[-1] if message else "—"))
    return result.stdout


def repository_of(root: Path, lang: str = "en") -> tuple[Path, str]:
    """The repository's top folder and the workspace's path inside it ('' at the top)."""
    try:
        top = Path(git(["rev-parse", "--show-toplevel"], root, lang=lang).decode().strip())
    except UsageError as error:
        raise WorkspaceError(label("diff.git.no_repository", lang, root=root),
                             label("diff.git.no_repository_hint", lang)) from error
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    return top, "" if prefix == "." else prefix + "/"


def check_revision(top: Path, revision: str, lang: str = "en") -> str:
    """The commit a revision names; a clear error when it is unknown (a shallow clone may lack it)."""
    try:
        return git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], top,
                   lang=lang).decode().strip()
    except UsageError as error:
        raise UsageError(label("diff.git.unknown_revision", lang, revision=revision),
                         label("diff.git.unknown_revision_hint", lang)) from error


@contextmanager
def snapshot(root: Path, revision: str, lang: str = "en") -> Iterator[Snapshot]:
    """A temporary folder holding the workspace at `revision` (INDEX for the staging area)."""
    top, prefix = repository_of(root, lang)
    entries = _entries(top, prefix, revision, lang)
    contents = _contents(top, [e.oid for e in entries if e.mode in REGULAR_MODES], lang)
    folder = Path(tempfile.mkdtemp(prefix="ktcn-diff-")).resolve()
    try:
        skipped = [s for entry in entries if (s := _lay_out(folder, entry, prefix, contents)) is not None]
        yield Snapshot(folder, tuple(skipped))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _entries(top: Path, prefix: str, revision: str, lang: str) -> list[Entry]:
    """The record files at `revision`, read from a NUL-separated listing with their object ids."""
    spec = ["--", prefix or "."]
    if revision == INDEX:
        entries = [_index_entry(record, lang) for record in _records(git(["ls-files", "-z", "-s", *spec], top))]
    else:
        commit = check_revision(top, revision, lang)  # an object id from here on: no name is read as an option
        entries = [_tree_entry(record) for record in _records(git(["ls-tree", "-r", "-z", commit, *spec], top))]
    wanted = (f"{prefix}ktcn.yaml", f"{prefix}agencies.yaml")
    return [e for e in entries if e.name in wanted
            or (e.name.startswith(f"{prefix}programmes/") and e.name.endswith((".yaml", ".yml")))]


def _records(listing: bytes) -> list[tuple[bytes, str]]:
    """Split `<fields>\\t<path>` records at NUL: the fields, and the path decoded losslessly."""
    found = []
    for record in listing.split(b"\0"):
        if record:
            fields, _, name = record.partition(b"\t")
            found.append((fields, name.decode("utf-8", "surrogateescape")))
    return found


def _tree_entry(record: tuple[bytes, str]) -> Entry:
    mode, _kind, oid = record[0].decode("ascii").split()
    return Entry(mode, oid, record[1])


def _index_entry(record: tuple[bytes, str], lang: str) -> Entry:
    mode, oid, stage = record[0].decode("ascii").split()
    if stage != "0":  # a merge in progress left this path unresolved: there is no one staged version to read
        raise UsageError(label("diff.git.unmerged", lang, path=shown(record[1])),
                         label("diff.git.unmerged_hint", lang))
    return Entry(mode, oid, record[1])


def shown(name: str) -> str:
    """A repository path as it can be printed: control characters, line breaks and undecodable bytes escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


def _contents(top: Path, oids: list[str], lang: str) -> dict[str, bytes]:
    """Each blob's bytes through one `git cat-file --batch`, asked and checked by object id."""
    wanted = list(dict.fromkeys(oids))
    if not wanted:
        return {}
    output = git(["cat-file", "--batch"], top, "".join(f"{oid}\n" for oid in wanted).encode("ascii"), lang)
    contents: dict[str, bytes] = {}
    position = 0
    for oid in wanted:
        header_end = output.find(b"\n", position)
        header = output[position:header_end].decode("ascii", "replace").split()
        if header_end < 0 or len(header) != 3 or header[0] != oid or header[1] != "blob":
            raise UsageError(label("diff.git.missing_object", lang, oid=oid),
                             label("diff.git.missing_object_hint", lang))
        size = int(header[2])
        contents[oid] = output[header_end + 1: header_end + 1 + size]
        position = header_end + 1 + size + 1
    return contents


def _lay_out(folder: Path, entry: Entry, prefix: str, contents: dict[str, bytes]) -> Skipped | None:
    """Write one entry under `folder`; what cannot be written there safely is returned, never written."""
    name = entry.name[len(prefix):]
    if entry.mode not in REGULAR_MODES:
        return Skipped(name, NOT_A_FILE)
    target = _inside(folder, name)
    if target is None:
        return Skipped(name, UNSAFE)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as file:  # exclusive: an entry naming a file twice never overwrites the first
            file.write(contents[entry.oid])
    except OSError:  # the same file twice, a file where a folder must be, a name the file system refuses
        return Skipped(name, CLASH)
    return None


def _inside(folder: Path, name: str) -> Path | None:
    """`folder/name` when every part of `name` is a plain name and the result stays inside `folder`.

    Git itself refuses to check out such names; a crafted tree can still hold
    them, and `..` would lead out of the folder.
    """
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    target = folder.joinpath(*parts)
    resolved = target.resolve()  # the folder is ours and holds no link; resolving is the check that matters
    return target if resolved != folder and resolved.is_relative_to(folder) else None
