"""Write a file so that readers see the old content or the new, never half of it."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from ktcn.errors import WorkspaceError
from ktcn.labels import OSProblem, Phrase
from ktcn.records.diagnostics import Text

_KINDS = ((stat.S_ISDIR, Text("a directory", "một thư mục")),
          (stat.S_ISCHR, Text("a character device", "một thiết bị ký tự")),
          (stat.S_ISBLK, Text("a block device", "một thiết bị khối")),
          (stat.S_ISFIFO, Text("a named pipe (FIFO)", "một đường ống có tên (FIFO)")),
          (stat.S_ISSOCK, Text("a socket", "một ổ cắm mạng (socket)")))


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, fsync it, and rename it over `path`.

    A symbolic link is written through: the file it points to gets the new
    content and the link stays a link (a renamed temporary would replace the
    link itself).  Only a regular file is ever replaced: a device, a pipe or a
    directory at `path` is refused (as root, renaming over /dev/full would
    replace the device node).

    A file rewritten keeps its mode; a new one gets the mode any program's new
    file gets (0666 less the umask: 0644 under umask 022), not the 0600 of
    the temporary file, so colleagues on a shared drive can open a report.
    """
    target = Path(os.path.realpath(path))  # a dangling link names the file to create, as `echo > link` does
    mode = _mode_to_write(path, target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise WorkspaceError(Phrase("files.cannot_write", path=path, problem=OSProblem(error))) from error
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise WorkspaceError(Phrase("files.cannot_write", path=path, problem=OSProblem(error))) from error


def _mode_to_write(path: Path, target: Path) -> int:
    """The mode the written file gets; refuses a target that exists and is not a regular file."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return 0o666 & ~_umask()
    except OSError as error:  # a link loop, a folder that cannot be searched
        raise WorkspaceError(Phrase("files.cannot_write", path=path, problem=OSProblem(error))) from error
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _KINDS if test(info.st_mode)),
                    Text("not a regular file", "không phải một tệp thường"))
        shown = path if target == Path(os.path.abspath(path)) else f"{path} (-> {target})"
        raise WorkspaceError(Phrase("files.not_regular", path=shown, kind=kind), Phrase("files.choose_another"))
    return stat.S_IMODE(info.st_mode)


def _umask() -> int:
    """The process's umask (reading it means setting it: it is put back at once)."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask
