"""Diagnostics as text lines, JSON or GitHub workflow annotations."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ktcn.records.diagnostics import Diagnostic, Severity, keypath_text, visible

FORMATS = ("text", "json", "github", "gitlab")


def narrow(diagnostics: Iterable[Diagnostic], paths: Sequence[str]) -> list[Diagnostic]:
    """Keep the diagnostics in `paths` (files, or folders holding them); all when none are given."""
    if not paths:
        return list(diagnostics)
    wanted = [Path(os.path.abspath(p)) for p in paths]

    def inside(diagnostic: Diagnostic) -> bool:
        where = Path(os.path.abspath(diagnostic.path))
        return any(where == w or w in where.parents for w in wanted)

    return [d for d in diagnostics if inside(d)]


def render(diagnostics: Sequence[Diagnostic], output_format: str, lang: str) -> str:
    """The whole output for `ktcn validate` in one of FORMATS."""
    if output_format == "json":
        return as_json(diagnostics, lang)
    if output_format == "gitlab":
        return as_code_quality(diagnostics, lang)
    line = _github_line if output_format == "github" else text_line
    return "".join(line(d, lang) + "\n" for d in diagnostics)


def text_line(d: Diagnostic, lang: str) -> str:
    """`path:line:col: error CODE message (hint)`; in Vietnamese the severity too is a word ("lỗi", "cảnh báo")."""
    from ktcn.labels import label

    hint = d.hint(lang)
    severity = label(f"severity.{d.severity}", lang) if lang == "vi" else d.severity
    return (f"{visible(d.path)}:{d.line}:{d.column}: {severity} {d.code} {d.message(lang)}"
            + (f" ({hint})" if hint else ""))


def fit_to_terminal(text: str, width: int) -> str:
    """Each line wrapped at spaces to `width`, continued with an indent: a terminal would break words.

    Only for a terminal: tools reading a pipe get one diagnostic per line.
    """
    import textwrap

    wrapper = textwrap.TextWrapper(width=max(width, 20), subsequent_indent="    ", break_long_words=False,
                                   break_on_hyphens=False)
    return "".join("\n".join(wrapper.wrap(line) or [""]) + "\n" for line in text.splitlines())


def as_json(diagnostics: Sequence[Diagnostic], lang: str) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    document = {
        "errors": errors,
        "warnings": len(diagnostics) - errors,
        "diagnostics": [
            {"path": d.path, "line": d.line, "column": d.column, "severity": str(d.severity), "code": d.code,
             "message": d.message(lang), "hint": d.hint(lang), "keypath": keypath_text(d.keypath)}
            for d in diagnostics
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def as_code_quality(diagnostics: Sequence[Diagnostic], lang: str) -> str:
    """GitLab's code quality report (the Code Climate issue format), for merge-request widgets."""
    import hashlib  # here only: importing it maps OpenSSL, 3.7 MB that every other output would carry

    issues = [
        {"description": f"{d.code} {d.message(lang)}", "check_name": d.code,
         "fingerprint": hashlib.sha256(f"{d.path}:{d.line}:{d.column}:{d.code}:{d.args}".encode()).hexdigest(),
         "severity": "major" if d.severity is Severity.ERROR else "minor",
         "location": {"path": d.path, "lines": {"begin": d.line}}}
        for d in diagnostics
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _github_line(d: Diagnostic, lang: str) -> str:
    kind = "error" if d.severity is Severity.ERROR else "warning"
    props = f"file={_prop(d.path)},line={d.line},col={d.column},title={d.code}"
    hint = d.hint(lang)
    return f"::{kind} {props}::{_data(d.message(lang) + (f' ({hint})' if hint else ''))}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
