"""`--add-agencies`: the proposed entries appended to agencies.yaml, every other byte of the file kept.

As `ktcn update` does for a progress log (ktcn/writing/edit.py), the new lines are
spliced in after the registry's last entry, in the file's own indentation,
block or flow style and line endings; comments, order and quoting stay as
they were, so `git diff` shows only the added entries.
"""

from __future__ import annotations

from collections.abc import Iterable

import yaml

from ktcn.errors import KtcnError
from ktcn.importing.agencies import Unknown
from ktcn.importing.writer import scalar
from ktcn.records.yamlsource import NULL_TAG, compose_text, pairs

BOM = "\ufeff"


def append_agencies(text: str, entries: Iterable[Unknown], note: str) -> str:
    """`text` (agencies.yaml) with one entry per proposal after the last one; `note` is a comment above them."""
    entries = list(entries)
    if not entries:
        return text
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom):]
    root, problems = compose_text(body, "agencies.yaml")
    if root is None or problems or not isinstance(root, yaml.MappingNode):
        raise KtcnError("agencies.yaml cannot be parsed; run 'ktcn validate' and fix it first")
    key, value = next(((k, v) for k, v in pairs(root) if isinstance(k, yaml.ScalarNode) and k.value == "agencies"),
                      (None, None))
    newline = "\r\n" if "\r\n" in body else "\n"
    if isinstance(value, yaml.SequenceNode) and value.flow_style:
        return bom + _into_flow(body, value, entries)
    if isinstance(value, yaml.SequenceNode) and value.value:
        return bom + _after_last(body, value, entries, note, newline)
    if key is not None and isinstance(value, yaml.ScalarNode) and value.tag == NULL_TAG and not value.value:
        lines = [f"  # {note}", *(line for entry in entries for line in _block(entry, 2, 4))]
        return bom + _insert_lines(body, _line_end(body, _offset(body, key.end_mark)), lines, newline)
    raise KtcnError("agencies.yaml has no list under 'agencies:' to add to; add the entries by hand")


def _fields(entry: Unknown) -> list[tuple[str, str]]:
    fields = [("id", scalar(entry.proposal)), ("name", scalar(entry.name))]
    if entry.group:
        fields.append(("group", "true"))
    return fields


def _block(entry: Unknown, dash: int, content: int) -> list[str]:
    fields = _fields(entry)
    first = " " * dash + "-" + " " * (content - dash - 1) + f"{fields[0][0]}: {fields[0][1]}"
    return [first, *(" " * content + f"{k}: {v}" for k, v in fields[1:])]


def _flow(entry: Unknown) -> str:
    fields = [("id", scalar(entry.proposal, flow=True)), ("name", scalar(entry.name, flow=True))]
    if entry.group:
        fields.append(("group", "true"))
    return "{" + ", ".join(f"{k}: {v}" for k, v in fields) + "}"


def _after_last(text: str, sequence: yaml.SequenceNode, entries: list[Unknown], note: str, newline: str) -> str:
    last = sequence.value[-1]
    line_start = _line_starts(text)[last.start_mark.line]
    dash = text.rfind("-", line_start, _offset(text, last.start_mark))
    dash_column = dash - line_start if dash >= 0 else last.start_mark.column
    lines = [" " * dash_column + f"# {note}"]
    if isinstance(last, yaml.MappingNode) and last.flow_style:
        lines += [" " * dash_column + "- " + _flow(entry) for entry in entries]
    else:
        lines += [line for entry in entries for line in _block(entry, dash_column, last.start_mark.column)]
    return _insert_lines(text, _content_end(text, last), lines, newline)


def _into_flow(text: str, sequence: yaml.SequenceNode, entries: list[Unknown]) -> str:
    close = text.rfind("]", 0, _offset(text, sequence.end_mark))
    added = ", ".join(_flow(entry) for entry in entries)
    return text[:close] + (", " if sequence.value else "") + added + text[close:]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, char in enumerate(text) if char == "\n"]
    return starts


def _offset(text: str, mark: yaml.Mark) -> int:
    return _line_starts(text)[mark.line] + mark.column


def _line_end(text: str, offset: int) -> int:
    found = text.find("\n", offset)
    return len(text) if found < 0 else found + 1


def _content_end(text: str, node: yaml.Node) -> int:
    """Where the line holding the end of `node`'s own content ends (comments after it stay after it)."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    end = _offset(text, node.end_mark)
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        end = len(text[:end].rstrip()) or end  # a block scalar ends where its last line of text does
    return _line_end(text, end)


def _insert_lines(text: str, at: int, lines: list[str], newline: str) -> str:
    block = "".join(line + newline for line in lines)
    if at == len(text) and text and not text.endswith("\n"):
        block = newline + block[: -len(newline)]
    return text[:at] + block + text[at:]
