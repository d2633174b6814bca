"""Which language to speak: `--lang`, else `KTCN_LANG`, else the workspace's `language:`, else the locale.

The views learn the workspace's language from its parsed settings; help and
usage errors are given before (or without) reading the records, so they look
for the same answer cheaply: the command line, the environment, and one line of
`ktcn.yaml` read as text.  No YAML parser is imported here: `ktcn --help` must
stay fast (tests/test_startup.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

LANGUAGES = ("vi", "en")
SETTINGS_FILE = "ktcn.yaml"

# `language: vi` at the top level of ktcn.yaml, quoted or not, maybe followed by a comment.
_LANGUAGE_LINE = re.compile(r"""^language:[ \t]*(["']?)(vi|en)\1[ \t]*(?:#.*)?$""", re.MULTILINE)


def from_environment() -> str | None:
    """`KTCN_LANG` when it names vi or en (`vi_VN.UTF-8` counts as vi); otherwise None."""
    chosen = os.environ.get("KTCN_LANG", "").strip().lower()
    return next((lang for lang in LANGUAGES if chosen.startswith(lang)), None)


def from_locale() -> str | None:
    """vi when the locale is Vietnamese (LC_ALL, LC_MESSAGES or LANG), else None."""
    locale = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return "vi" if locale.lower().startswith("vi") else None


def option_value(args: Sequence[str], name: str) -> str | None:
    """The value given to the option `name` on a command line (`--lang vi` or `--lang=vi`), the last one wins."""
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith(name + "="):
            found = arg.split("=", 1)[1]
    return found


def workspace_root(records: str | None, cwd: Path | None = None) -> Path | None:
    """Where the records are, as `workspace_files.find_root` finds them, or None when there is no ktcn.yaml there."""
    cwd = cwd or Path.cwd()
    chosen = records or os.environ.get("KTCN_RECORDS")
    if chosen:
        root = Path(chosen)
    else:
        root = next((d for d in (cwd, *cwd.parents) if (d / SETTINGS_FILE).is_file()), cwd / "records")
    return root if (root / SETTINGS_FILE).is_file() else None


def workspace_language(records: str | None) -> str | None:
    """The `language:` line of the workspace's ktcn.yaml, read as text; None without one.

    A workspace without the line speaks Vietnamese (the default of `language:`, records.md).
    """
    root = workspace_root(records)
    if root is None:
        return None
    try:
        with open(root / SETTINGS_FILE, encoding="utf-8", errors="replace") as settings:
            text = settings.read(65536)  # the language line is near the top; a huge file is not read whole
    except OSError:
        return None
    found = _LANGUAGE_LINE.search(text)
    return found.group(2) if found else "vi"


def for_command_line(args: Sequence[str]) -> str:
    """The language of help and usage errors for a command line: --lang, KTCN_LANG, workspace, locale, English."""
    given = option_value(args, "--lang")
    if given in LANGUAGES:
        return given
    return (from_environment() or workspace_language(option_value(args, "--records")) or from_locale()
            or "en")


def choose(given: str | None, workspace: str) -> str:
    """The language of a command's output once the workspace's settings are read: --lang, KTCN_LANG, settings."""
    return given or from_environment() or workspace
