"""What a view or a report could not count: the files whose records have errors, and those left out whole.

A view still shows what can be read, but it must never pass for complete: the
command says which files are wrong and exits 1, JSON carries the same list,
and a report rendered anyway (`--allow-errors`) names them in its first section.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ktcn.records.diagnostics import Diagnostic, Severity


@dataclass(frozen=True, slots=True)
class BrokenFile:
    """One file with errors: how many, the first of them, and whether its programme was left out whole."""

    path: str
    errors: int
    first: Diagnostic
    left_out: bool


@dataclass(frozen=True, slots=True)
class Omissions:
    """The files with errors in one load, in path order."""

    files: tuple[BrokenFile, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.files)

    @property
    def errors(self) -> int:
        return sum(f.errors for f in self.files)

    @property
    def left_out(self) -> tuple[str, ...]:
        """The files whose programme is missing from what is shown."""
        return tuple(f.path for f in self.files if f.left_out)


def omissions(diagnostics: Iterable[Diagnostic], left_out: Iterable[str]) -> Omissions:
    """The files with error diagnostics (warnings do not count), each marked when its programme was left out."""
    missing = set(left_out)
    firsts: dict[str, Diagnostic] = {}
    counts: dict[str, int] = {}
    for diagnostic in diagnostics:
        if diagnostic.severity is not Severity.ERROR:
            continue
        firsts.setdefault(diagnostic.path, diagnostic)
        counts[diagnostic.path] = counts.get(diagnostic.path, 0) + 1
    return Omissions(tuple(
        BrokenFile(path, counts[path], firsts[path], path in missing) for path in sorted(firsts)
    ))


def as_json(found: Omissions, lang: str) -> dict[str, object]:
    """The fields every JSON view carries: the error count, the files left out, and each file with errors."""
    return {
        "record_errors": found.errors,
        "left_out": list(found.left_out),
        "files_with_errors": [
            {"path": f.path, "errors": f.errors, "left_out": f.left_out,
             "first": {"line": f.first.line, "column": f.first.column, "code": f.first.code,
                       "message": f.first.message(lang)}}
            for f in found.files
        ],
    }
