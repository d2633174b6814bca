"""Pipe tables read line by line: GFM's cell splitting, each cell's Markdown parsed only when it holds markup.

markdown-it reads a table character by character, and parses every cell's inline content: for an appendix of
a thousand tasks that took as long as writing the Word table.  A table that starts its lines with `|`, follows a
blank line (or opens the text), has its delimiter row right under the header and ends at a blank line (or the
end) is read here instead, with the same cells: split on the pipes no backslash escapes, trimmed, as many as
the header has, each aligned as its delimiter says; a cell holding a Markdown character (`\\ * _ ` < [ & ! ~`)
is parsed by markdown-it's inline parser, any other is its own text.  Anything else (a table in a list, inside
a fence, without leading pipes) is left to markdown-it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_DELIMITER = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_MARKUP = re.compile(r"[\\`*_<\[&!~]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
try:  # What markdown-it trims from a cell: Unicode's white space (markdown-it-py 4 names the characters) ...
    from markdown_it.common.utils import MD_TRIM_CHARS as _TRIM
except ImportError:  # ... and what older versions trim: whatever str.strip() trims.
    _TRIM = None

Pieces = tuple[tuple[str, bool, bool], ...]  # (text, bold, italic), '\n' within text a line break


@dataclass(frozen=True)
class Segment:
    """A run of the Markdown's lines: `table` true for a pipe table read here."""

    text: str
    table: bool


def segments(markdown: str) -> Iterator[Segment]:
    """The Markdown cut into pipe tables that can be read line by line and the rest, in order."""
    lines = markdown.split("\n")
    start, index, fence = 0, 0, None
    while index < len(lines):
        line = lines[index]
        opened = _FENCE.match(line)
        if opened and (fence is None or opened.group(1)[0] == fence):
            fence = opened.group(1)[0] if fence is None else None
        end = _table_end(lines, index) if fence is None else None
        if end is None:
            index += 1
            continue
        if index > start:
            yield Segment("\n".join(lines[start:index]), False)
        yield Segment("\n".join(lines[index:end]), True)
        start = index = end
    if start < len(lines):
        yield Segment("\n".join(lines[start:]), False)


def _table_end(lines: list[str], index: int) -> int | None:
    """Where the pipe table starting at `index` ends (the index after its last row), or None if none starts."""
    line = lines[index]
    if not line.startswith("|") or index + 1 >= len(lines) or (index and lines[index - 1].strip()):
        return None
    aligns = delimiter_aligns(lines[index + 1])
    if aligns is None or len(split_row(line)) != len(aligns):
        return None
    end = index + 2
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    if end < len(lines) and lines[end].strip():
        return None  # a row without its leading pipe: markdown-it's to read
    return end


def delimiter_aligns(line: str) -> list[str] | None:
    """The alignments a delimiter row gives its columns, or None if it is not one (as markdown-it reads it)."""
    if not _DELIMITER.match(line):
        return None
    columns = line.split("|")
    aligns = []
    for i, column in enumerate(columns):
        text = column.strip(_TRIM)
        if not text:
            if i in (0, len(columns) - 1):
                continue  # the outer pipes
            return None
        left, right = text.startswith(":"), text.endswith(":")
        aligns.append("center" if left and right else "right" if right else "left")
    return aligns or None


def split_row(line: str) -> list[str]:
    """The cells of a table row, as markdown-it splits them: on each pipe that does not follow a backslash (an
    escaped pipe loses its backslash), the empty cell before a leading and after a trailing pipe dropped.
    """
    text = line.strip(_TRIM)
    cells = text.split("|") if "\\" not in text else _split_escaped(text)
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return [cell.strip(_TRIM) for cell in cells]


def _split_escaped(text: str) -> list[str]:
    """markdown-it's escapedSplit: a pipe right after a backslash is text, and that backslash is dropped."""
    cells, current, escaped = [], [], False
    for char in text:
        if char == "|" and not escaped:
            cells.append("".join(current))
            current = []
        elif char == "|":
            current[-1] = "|"  # the backslash before it goes
        else:
            current.append(char)
        escaped = char == "\\"
    cells.append("".join(current))
    return cells


def read_table(text: str, parser: Any) -> tuple[list[list[tuple[Pieces, str]]], int]:
    """The rows of a pipe table (each cell its pieces and alignment) and how many of them are header rows."""
    lines = text.split("\n")
    aligns = delimiter_aligns(lines[1]) or []
    rows = []
    for line in (lines[0], *lines[2:]):
        cells = (split_row(line) + [""] * len(aligns))[:len(aligns)]
        rows.append([(_pieces(cell, parser), align) for cell, align in zip(cells, aligns, strict=True)])
    return rows, 1


def _pieces(cell: str, parser: Any) -> Pieces:
    from ktcn.outputs.docx_report.inline import inline_pieces

    if not cell:
        return ()
    if not _MARKUP.search(cell):
        return ((cell, False, False),)
    tokens = parser.parseInline(cell)
    return tuple(inline_pieces(tokens[0])) if tokens else ()
