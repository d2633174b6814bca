"""The methods `dataclasses` writes for ktcn's record classes, compiled once and kept beside ktcn's bytecode.

`@dataclass` writes each class's `__init__`, `__eq__`, `__hash__`, `__repr__`
(and, frozen, `__setattr__`/`__delattr__`) as source text and compiles it, on
every start: some 200 functions for the forty classes a warm view imports,
about a tenth of a warm `ktcn status`.  The text is the same from run to run,
so its compiled code is kept, as Python keeps a module's: in ktcn's
`__pycache__`, named for the interpreter (its bytecode differs by version),
not written when bytecode is not (`PYTHONDONTWRITEBYTECODE`), and trusted as
the `.pyc` files beside it are.  `exec` of a code object compiled from a text
does what `exec` of that text does; a file that cannot be read is only slower.
Only the console script installs this (`ktcn.launch`).
"""

from __future__ import annotations

import atexit
import builtins
import contextlib
import dataclasses
import importlib.util
import marshal
import os
import sys
from pathlib import Path
from typing import Any

MAX_ENTRIES = 4000  # past this many texts (an upgraded or edited ktcn), the file starts over with this run's
_MAGIC = importlib.util.MAGIC_NUMBER  # the interpreter's bytecode version: a file of another is not read


class _Codes:
    """The compiled code of each method text seen, read from `path`, and written back at exit if any was new."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.codes: dict[str, Any] = _read(path)
        self.used: dict[str, Any] = {}
        self.new = 0

    def exec(self, source: Any, globals_: Any = None, locals_: Any = None, /, **more: Any) -> None:
        """`exec` for dataclasses: a text's code compiled once; anything else is the builtin's."""
        if type(source) is not str or more:
            return builtins.exec(source, globals_, locals_, **more)
        code = self.codes.get(source)
        if code is None:
            # dont_inherit: compiled as exec compiles dataclasses' text, without this module's __future__ flags
            code = self.codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
            self.new += 1
        self.used[source] = code
        return builtins.exec(code, globals_, locals_)

    def save(self) -> None:
        """Write the codes back (atomically) if some were compiled in this run."""
        if not self.new or sys.dont_write_bytecode:
            return
        codes = self.codes if len(self.codes) <= MAX_ENTRIES else self.used
        import tempfile

        with contextlib.suppress(OSError, ValueError):
            self.path.parent.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(_MAGIC + marshal.dumps(codes))
                os.chmod(temporary, Path(__file__).stat().st_mode & 0o666)  # readable as ktcn's own .pyc files are
                os.replace(temporary, self.path)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
        codes = marshal.loads(data[len(_MAGIC):]) if data.startswith(_MAGIC) else {}
    except Exception:  # missing, partial or damaged: compile again
        return {}
    return codes if isinstance(codes, dict) else {}


def code_file() -> Path:
    """Where the compiled methods are kept: ktcn's `__pycache__`, one file per interpreter."""
    return Path(__file__).parent / "__pycache__" / f"dataclass-methods.{sys.implementation.cache_tag}.marshal"


def install(path: Path | None = None) -> _Codes:
    """Have `dataclasses` compile through the kept codes from now on (its `exec` shadowed in its own module), and
    write them back at exit."""
    codes = _Codes(path or code_file())
    dataclasses.exec = codes.exec  # type: ignore[attr-defined]  # a module global: found before the builtin
    atexit.register(codes.save)
    return codes
