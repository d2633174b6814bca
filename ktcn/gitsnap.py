"""The workspace as it was at a git revision (or in the index), read from git objects without a checkout.

We run the `git` command rather than a library: every place that keeps records
in git has it, it reads shallow clones and every object format, and it needs no
dependency.  Files are fetched in one `git cat-file --batch` call and laid out
in a temporary folder, where the ordinary loader reads them.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ktcn.errors import UsageError, WorkspaceError

INDEX = ":"  # git's name for the staging area in `:path`


def git(args: list[str], cwd: Path, data: bytes | None = None) -> bytes:
    """Run git; its failures become errors a person can act on."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, check=False)
    except FileNotFoundError as error:
        raise WorkspaceError("git is not installed", "install git to compare revisions") from error
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {' '.join(args[:2])}: {message[-1] if message else 'failed'}")
    return result.stdout


def repository_of(root: Path) -> tuple[Path, str]:
    """The repository's top folder and the workspace's path inside it ('' at the top)."""
    try:
        top = Path(git(["rev-parse", "--show-toplevel"], root).decode().strip())
    except UsageError as error:
        raise WorkspaceError(f"{root} is not in a git repository", "ktcn diff compares git revisions of the records;"
                             " run it inside the records' repository") from error
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    return top, "" if prefix == "." else prefix + "/"


def check_revision(top: Path, revision: str) -> str:
    """The commit a revision names; a clear error when it is unknown (a shallow clone may lack it)."""
    try:
        return git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top).decode().strip()
    except UsageError as error:
        raise UsageError(f"unknown revision '{revision}'",
                         "check the name; in a shallow clone, fetch it first (git fetch --deepen=50)") from error


@contextmanager
def snapshot(root: Path, revision: str) -> Iterator[Path]:
    """A temporary folder holding the workspace at `revision` (INDEX for the staging area)."""
    top, prefix = repository_of(root)
    names = _files(top, prefix, revision)
    folder = Path(tempfile.mkdtemp(prefix="ktcn-diff-"))
    try:
        for name, content in zip(names, _contents(top, revision, names), strict=True):
            target = folder / name[len(prefix):]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _files(top: Path, prefix: str, revision: str) -> list[str]:
    if revision == INDEX:
        listing = git(["ls-files", "-z", "--", prefix or "."], top)
    else:
        check_revision(top, revision)
        listing = git(["ls-tree", "-r", "-z", "--name-only", revision, "--", prefix or "."], top)
    names = [n.decode("utf-8", "surrogateescape") for n in listing.split(b"\0") if n]
    wanted = (f"{prefix}ktcn.yaml", f"{prefix}agencies.yaml")
    return [n for n in names if n in wanted or (n.startswith(f"{prefix}programmes/") and n.endswith((".yaml", ".yml")))]


def _contents(top: Path, revision: str, names: list[str]) -> list[bytes]:
    """Every file's bytes through one `git cat-file --batch`, which answers in request order."""
    if not names:
        return []
    spec = "" if revision == INDEX else revision
    requests = "".join(f"{spec}:{name}\n" for name in names).encode("utf-8", "surrogateescape")
    output = git(["cat-file", "--batch"], top, requests)
    contents, position = [], 0
    for _ in names:
        header_end = output.index(b"\n", position)
        size = int(output[position:header_end].split()[2])
        contents.append(output[header_end + 1: header_end + 1 + size])
        position = header_end + 1 + size + 1
    return contents
