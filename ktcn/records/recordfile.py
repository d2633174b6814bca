"""A record file's bytes, read safely: only a regular file, and not beyond a size bound.

Apart from `ktcn.records.yamlsource` (which composes the bytes) so that a warm
`ktcn status`, which hashes files but parses none, does not import YAML.
"""

from __future__ import annotations

import stat
from pathlib import Path

from ktcn.labels import OS_PROBLEMS
from ktcn.records.diagnostics import Diagnostic, Text, diag

MAX_FILE_BYTES = 10 * 1024 * 1024
IS_A_DIRECTORY = Text("it is a directory", "đây là một thư mục")
NOT_A_FILE = Text("not a regular file", "không phải một tệp thường")


def read_bytes(file: Path, display: str) -> tuple[bytes | None, tuple[Diagnostic, ...]]:
    """A regular file's bytes, or why they cannot be had (a FIFO or /dev/zero would block or never end)."""
    try:
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, _unreadable(display, IS_A_DIRECTORY if stat.S_ISDIR(info.st_mode) else NOT_A_FILE)
        if info.st_size > MAX_FILE_BYTES:
            return None, (diag("KTCN010", display, 1, 1, size=info.st_size, limit=MAX_FILE_BYTES),)
        return file.read_bytes(), ()
    except IsADirectoryError:
        return None, _unreadable(display, IS_A_DIRECTORY)
    except OSError as error:
        text = error.strerror or type(error).__name__
        return None, _unreadable(display, Text(text, OS_PROBLEMS.get(text, text)))


def _unreadable(display: str, problem: Text) -> tuple[Diagnostic, ...]:
    return (diag("KTCN009", display, 1, 1, problem=problem),)
