"""How deeply flow collections (`[...]`, `{...}`) nest, measured on the text before any parser sees it.

ktcn bounds nesting itself rather than leaning on the parser: libyaml's own
limit (1,000 levels since the libyaml bundled with PyYAML 6.0.4, none before)
and its English message differ between versions, and on `[[[[...` its scanner
runs far ahead of the parser's events, so counting events would meet libyaml's
limit before ours.  Block nesting needs no such care: block events stream line
by line, so the event scan in `yamlsource` meets ktcn's limit first.

The measure is an upper bound of the real depth (it never misses a level):
a flow collection can only begin where a block node begins (after the
indentation, `- `, `? ` or `: `, and optional anchors and tags), and inside
one every bracket is an indicator except in quoted scalars and comments, which
are skipped as YAML reads them.  It may overcount only on text that no record
holds (a hundred unmatched `[` in a comment or a quoted title).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Characters that may begin a flow collection or a block scalar (skipped whole) in block context.
_CANDIDATE = re.compile(r"[\[{|>]")
_LEAF_LIST = re.compile(r"\[[^\[\]{}'\"#\n]*\]")  # one pattern a kind: a leading class is scanned fast
_LEAF_MAPPING = re.compile(r"\{[^\[\]{}'\"#\n]*\}")
_BLOCK_HEADER_REST = re.compile(r"[-+0-9]*[ \t]*(?:#.*)?$", re.M)
_INDENTED_LINE = re.compile(r"^( *)\S", re.M)
_MARKERS = re.compile(r" *(?:([-?]) +)*")
_FLOW_TOKEN = re.compile(r"""[\[\]{}'"#]""")
_SINGLE_QUOTED = re.compile(r"'(?:[^']|'')*'")
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_AFTER_PROPERTIES = re.compile(r"(?:[&!][^\s\[\]{},]*\s+)+\Z")
_NODE_START_BEFORE = frozenset("[{,:?")
_LOOKBACK = 256  # properties before a quote are short; a longer run is not properties


def flow_too_deep(text: str, limit: int) -> tuple[int, int] | None:
    """The 1-based (line, column) of the first bracket that opens a level past `limit`, or None."""
    if text.count("[") + text.count("{") <= limit:
        return None
    if _within_limit_without_leaves(text, limit):
        return None
    position = 0
    while (candidate := _CANDIDATE.search(text, position)) is not None:
        at = candidate.start()
        position = at + 1
        if not _block_node_starts_at(text, at):
            continue
        if text[at] in "|>":
            header_rest = _BLOCK_HEADER_REST.match(text, position)
            if header_rest is not None:
                position = _after_block_scalar(text, header_rest.end())
            continue
        outcome = _scan_flow(text, at, limit)
        if isinstance(outcome, tuple):
            return outcome
        if outcome < 0:  # an unclosed quote or bracket: the parser will say where
            return None
        position = outcome
    return None


def _within_limit_without_leaves(text: str, limit: int) -> bool:
    """Whether few enough openers remain once the innermost one-line pairs (no quotes, no comments) are dropped.

    Dropping such pairs takes at most the innermost level off any real flow
    collection (one level per kind of bracket dropped), so a text left with
    fewer openers than the limit, less those levels, is within it.  Records
    are full of `lead: [a, b]`: this spares them the walk.
    """
    remaining = _LEAF_LIST.sub("", text)
    if remaining.count("[") + remaining.count("{") < limit:
        return True
    remaining = _LEAF_MAPPING.sub("", remaining)
    return remaining.count("[") + remaining.count("{") < limit - 1


def _block_node_starts_at(text: str, at: int) -> bool:
    """Whether a node begins at `at`: after the indentation, `- `, `? ` or `: `, and any anchors and tags."""
    before = text[text.rfind("\n", 0, at) + 1:at]
    words = before.split()
    while words and words[-1][0] in "&!":
        words.pop()
    if not words:
        return True
    last = words[-1]
    return last[-1] in "-?:" and (len(last) == 1 or last[-1] == ":")


def _scan_flow(text: str, opener: int, limit: int) -> tuple[int, int] | int:
    """Walk one flow collection from its opening bracket.

    Returns the position too deep, else the offset just past the collection
    (-1 when it never closes).
    """
    depth = 0
    position = opener
    while (token := _FLOW_TOKEN.search(text, position)) is not None:
        at = token.start()
        char = text[at]
        position = at + 1
        if char in "[{":
            depth += 1
            if depth > limit:
                return _line_and_column(text, at)
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return position
        elif char == "#":
            if text[at - 1] in " \t\n\r":
                position = _end_of_line(text, at)
        elif _quote_opens_here(text, at):
            quoted = (_SINGLE_QUOTED if char == "'" else _DOUBLE_QUOTED).match(text, at)
            if quoted is None:
                return -1
            position = quoted.end()
    return -1


def _after_block_scalar(text: str, header_end: int) -> int:
    """The offset of the first line after a block scalar's content (the lines indented past its parent)."""
    first = _INDENTED_LINE.search(text, header_end)
    if first is None:
        return len(text)
    indent = len(first.group(1))
    if indent <= _parent_column(text, header_end):
        return first.start()  # an empty scalar: that line is the next node
    dedent = _dedented_line(indent).search(text, first.end())
    return len(text) if dedent is None else dedent.start()


def _parent_column(text: str, header_end: int) -> int:
    """The column a block scalar's content must be indented past: its key's, or its `- ` entry's."""
    line_start = text.rfind("\n", 0, header_end) + 1
    line = text[line_start:header_end]
    markers = _MARKERS.match(line)
    column = markers.end()
    if line[column:column + 1] in ("|", ">", "&", "!") and markers.group(1) is not None:
        return markers.start(1)
    return column


@lru_cache(maxsize=64)
def _dedented_line(indent: int) -> re.Pattern[str]:
    return re.compile(rf"^ {{0,{indent - 1}}}\S", re.M)


def _quote_opens_here(text: str, at: int) -> bool:
    """A quote starts a quoted scalar only where a node starts; inside a plain scalar (don't) it is text."""
    before = text[max(0, at - _LOOKBACK):at]
    properties = _AFTER_PROPERTIES.search(before)
    if properties is not None:
        before = before[: properties.start()]
    before = before.rstrip()
    return not before or before[-1] in _NODE_START_BEFORE


def _end_of_line(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
