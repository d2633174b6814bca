"""Append an update to a task by splicing text into the file, so no other byte moves.

A YAML round trip (load, change, dump) loses comments, key order, quoting and
line endings.  Instead we find, from the parser's marks, the one place where the
new entry belongs and insert lines written in the file's own style: its
indentation, block or flow collections, CRLF or LF.  Only the new entry's
values are rendered by PyYAML, which quotes exactly where YAML needs it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from ktcn.errors import KtcnError
from ktcn.labels import label
from ktcn.records.yamlsource import MERGE_TAG, NULL_TAG, compose_text, pairs

_EventLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FIELD_ORDER = ("date", "status", "progress", "note", "evidence", "by", "period", "extend_to")


@dataclass(frozen=True)
class NewUpdate:
    """The entry `ktcn update` appends; None and () mean 'not given'."""

    date: date
    status: str | None = None
    progress: int | None = None
    note: str | None = None
    evidence: tuple[str, ...] = ()
    by: str | None = None
    period: str | None = None
    extend_to: str | None = None

    def as_mapping(self) -> dict[str, Any]:
        values = {name: getattr(self, name) for name in FIELD_ORDER}
        values["evidence"] = list(self.evidence)
        return {k: v for k, v in values.items() if v not in (None, [])}


class EditError(KtcnError):
    """The file is not laid out so that an update can be placed safely."""


def insert_update(text: str, task_id: str, update: NewUpdate, lang: str = "en") -> str:
    """`text` with `update` appended to the `updates` of task `task_id`; every other byte kept.

    Refused (`EditError`, in `lang`) when the text cannot be parsed, or when
    the task, its `updates` or the `tasks` list is shared with another place
    through a YAML alias or a merge key: the entry would land there too.
    """
    root, problems = compose_text(text, "")
    if root is None or problems:
        raise EditError(label("edit.unparsable", lang))
    layout = _Layout(text, root)
    task = _find_task(layout, root, task_id, lang)
    key, value = _own_target(layout, task, "updates", task_id, lang)
    if value is None:
        return _add_updates_key(layout, task, root, update)
    if isinstance(value, yaml.SequenceNode) and value.flow_style:
        return _append_flow(layout, value, update)
    if isinstance(value, yaml.SequenceNode) and value.value:
        return _append_block(layout, value, update)
    if isinstance(value, yaml.ScalarNode) and value.tag == NULL_TAG:
        return _fill_empty(layout, key, value, task, root, update)
    raise EditError(label("edit.not_a_list", lang, task=task_id))


class _Layout:
    """Offsets of a text's lines, its line ending, and what in it is written once but used twice."""

    def __init__(self, text: str, root: yaml.Node) -> None:
        self.text = text
        crlf = text.count("\r\n")
        self.newline = "\r\n" if crlf > text.count("\n") - crlf else "\n"  # the file's usual ending, not any one
        self.line_starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.shared = _shared_nodes(root)
        self._aliases: list[tuple[int, int]] | None = None

    def offset(self, mark: Any) -> int:
        if mark.line >= len(self.line_starts):  # the end of a text without a final newline: libyaml adds one
            return len(self.text)
        return min(self.line_starts[mark.line] + mark.column, len(self.text))

    def line_start(self, offset: int) -> int:
        return self.line_starts[bisect.bisect_right(self.line_starts, offset) - 1]

    def line(self, number: int) -> str:
        """Line `number` (0-based) without its line ending."""
        end = self.line_starts[number + 1] if number + 1 < len(self.line_starts) else len(self.text)
        return self.text[self.line_starts[number]:end].rstrip("\r\n")

    def column(self, offset: int) -> int:
        return offset - self.line_start(offset)

    def after_line(self, offset: int) -> int:
        """Where the line holding `offset` ends, past its line break (or the end of the text)."""
        found = self.text.find("\n", offset)
        return len(self.text) if found < 0 else found + 1

    def insert_lines(self, at: int, lines: list[str]) -> str:
        """Insert whole lines at a line start; at the end of a text without a final newline, keep it so."""
        block = "".join(line + self.newline for line in lines)
        if at == len(self.text) and self.text and not self.text.endswith("\n"):
            block = self.newline + block[: -len(self.newline)]
        return self.text[:at] + block + self.text[at:]

    def last_alias(self, container: yaml.Node) -> tuple[int, int] | None:
        """The alias (`*name`) that is `container`'s last item or value, as offsets; None when it is not one.

        An alias composes to the very node its anchor marks, with the anchor's
        marks, earlier in the text: where the alias itself is written is only in
        the parser's events.  If the last child is an alias, it is the last one
        between those marks and the container's end (an original child is
        followed by blanks and comments only).
        """
        last = container.value[-1]
        child = last[1] if isinstance(container, yaml.MappingNode) else last
        start, end = self.offset(child.end_mark), self.offset(container.end_mark)
        if self._aliases is None:
            self._aliases = _alias_spans(self) if "*" in self.text else []
        index = bisect.bisect_left(self._aliases, (end, -1)) - 1
        found = self._aliases[index] if index >= 0 else None
        return found if found is not None and found[0] >= start else None


def _alias_spans(layout: _Layout) -> list[tuple[int, int]]:
    """Every alias in the text as (start, end) offsets, in order (the text has passed `compose_text`)."""
    return [(layout.offset(event.start_mark), layout.offset(event.end_mark))
            for event in yaml.parse(layout.text, Loader=_EventLoader) if isinstance(event, yaml.AliasEvent)]


def _shared_nodes(root: yaml.Node) -> set[int]:
    """The ids of the nodes reached more than once: an anchored node, once for each alias of it."""
    seen: set[int] = set()
    shared: set[int] = set()
    stack = [root]
    while stack:  # bounded: compose_text refused alias bombs
        node = stack.pop()
        if id(node) in seen:
            shared.add(id(node))
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(child for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return shared


def _find_task(layout: _Layout, root: yaml.Node, task_id: str, lang: str) -> yaml.MappingNode:
    _, tasks = _own_target(layout, root, "tasks", task_id, lang)
    if isinstance(tasks, yaml.SequenceNode):
        for task in tasks.value:
            _, found = _entry(task, "id")
            if isinstance(found, yaml.ScalarNode) and found.value == task_id:
                _refuse_shared(layout, task, task_id, "edit.part.task", lang)
                return task
    raise EditError(label("edit.no_task", lang, task=task_id))


def _own_target(layout: _Layout, node: yaml.Node, name: str, task_id: str,
                lang: str) -> tuple[yaml.Node | None, yaml.Node | None]:
    """`node`'s own `name` entry, to be written into: refused when it comes from a merge key or is shared."""
    part = f"edit.part.{name}"
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == name and key.tag != MERGE_TAG:
                _refuse_shared(layout, value, task_id, part, lang)
                return key, value
        merged = next((key for key, _ in node.value if key.tag == MERGE_TAG), None)
        if merged is not None and _entry(node, name)[1] is not None:
            raise EditError(label("edit.merged", lang, task=task_id, part=label(part, lang),
                                  line=merged.start_mark.line + 1))
    return None, None


def _refuse_shared(layout: _Layout, node: yaml.Node, task_id: str, part: str, lang: str) -> None:
    if id(node) in layout.shared:
        raise EditError(label("edit.shared", lang, task=task_id, part=label(part, lang),
                              line=node.start_mark.line + 1))


def _entry(node: yaml.Node, name: str) -> tuple[yaml.Node | None, yaml.Node | None]:
    if isinstance(node, yaml.MappingNode):
        for key, value in pairs(node):
            if isinstance(key, yaml.ScalarNode) and key.value == name:
                return key, value
    return None, None


def _content_end(layout: _Layout, node: yaml.Node) -> int:
    """Where the line holding the end of `node`'s content ends (a trailing comment stays on its line)."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style and node.value:
        alias = layout.last_alias(node)
        if alias is not None:  # `lead: *both` last: the task ends where the alias is written, not at its anchor
            return layout.after_line(alias[1])
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    end = layout.offset(node.end_mark)
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        if _keeps_final_lines(layout, node):  # `|+`: the blank lines after it are its text; they stay before us
            return end if end == layout.line_start(end) else layout.after_line(end)
        end = len(layout.text[:end].rstrip()) or end  # a block scalar ends where its last text line does
    return layout.after_line(end)


_BLOCK_HEADER = re.compile(r"(?:[&!]\S*\s+)*[|>]([1-9+-]{0,2})")
_LONE_DASH = re.compile(r"( *)-[ \t]*(?:#.*)?")


def _keeps_final_lines(layout: _Layout, scalar: yaml.ScalarNode) -> bool:
    """Whether a block scalar's header asks to keep its final line breaks (`|+`, `>+`, `|2+`)."""
    header = _BLOCK_HEADER.match(layout.text, layout.offset(scalar.start_mark))
    return header is not None and "+" in header.group(1)


def _dash(layout: _Layout, item: yaml.Node) -> tuple[int, bool]:
    """The column of the '-' that introduces a block sequence item, and whether it stands alone on its line."""
    line = item.start_mark.line
    start = layout.offset(item.start_mark)
    dash = layout.text.rfind("-", layout.line_starts[line], start)
    if dash >= 0:
        return dash - layout.line_starts[line], False
    for previous in range(line - 1, -1, -1):  # `-` alone, the item on the lines below (comments may come between)
        text = layout.line(previous)
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        alone = _LONE_DASH.fullmatch(text)
        if alone is not None:
            return len(alone.group(1)), True
        break
    return item.start_mark.column, False


def _block_item(update: NewUpdate, dash: int, content: int, flow: bool, alone: bool = False) -> list[str]:
    """The new entry as block-sequence lines: `- date: ...` with its keys under it, or `- {date: ...}`.

    `alone`: the file writes each `-` on a line of its own, the entry's keys below it at `content`.
    """
    dumped = [_flow(update)] if flow else [
        line for key, value in update.as_mapping().items() for line in _field_lines(key, value)]
    if alone:
        return [" " * dash + "-", *(" " * content + line for line in dumped)]
    first = " " * dash + "-" + " " * max(content - dash - 1, 1) + dumped[0]
    return [first, *(" " * content + line for line in dumped[1:])]


def _field_lines(key: str, value: object) -> list[str]:
    """`key: value` as block YAML; a list stays a flow list on its line, as records.md writes evidence."""
    return yaml.safe_dump({key: value}, allow_unicode=True, width=10**9,
                          default_flow_style=None if isinstance(value, list) else False).splitlines()


def _flow(update: NewUpdate) -> str:
    return yaml.safe_dump(update.as_mapping(), allow_unicode=True, sort_keys=False, width=10**9,
                          default_flow_style=True).strip()


def _append_block(layout: _Layout, sequence: yaml.SequenceNode, update: NewUpdate) -> str:
    alias = layout.last_alias(sequence)
    if alias is not None:  # `- *earlier`: the new item goes after the alias, in its columns
        line = layout.line_start(alias[0])
        dash = layout.text.rfind("-", line, alias[0])
        lines = _block_item(update, (dash if dash >= 0 else alias[0]) - line, alias[0] - line, False)
        return layout.insert_lines(layout.after_line(alias[1]), lines)
    last = sequence.value[-1]
    dash, alone = _dash(layout, last)
    lines = _block_item(update, dash, _first_column(last), getattr(last, "flow_style", False) is True, alone)
    return layout.insert_lines(_content_end(layout, last), lines)


def _first_column(node: yaml.Node) -> int:
    """The column a mapping's keys start at (its own start mark may be an anchor's); else the node's."""
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return node.value[0][0].start_mark.column
    return node.start_mark.column


def _append_flow(layout: _Layout, sequence: yaml.SequenceNode, update: NewUpdate) -> str:
    return _flow_append(layout, sequence, _flow(update))


def _flow_append(layout: _Layout, collection: yaml.Node, item: str) -> str:
    """`item` added as the last entry of a flow collection, laid out as its entries are.

    A collection written one entry per line gets a line of its own for it,
    before the closing bracket's line; a trailing comma stays a trailing comma.
    """
    text = layout.text
    close = layout.offset(collection.end_mark) - 1
    if not collection.value:
        return text[:close] + item + text[close:]
    alias = layout.last_alias(collection)
    last = collection.value[-1]
    if isinstance(collection, yaml.MappingNode):  # the entry is `key: value`: from its key to its value's end
        start, end = layout.offset(last[0].start_mark), layout.offset(last[1].end_mark)
    else:
        start, end = layout.offset(last.start_mark), layout.offset(last.end_mark)
    if alias is not None:  # an alias's node has its anchor's marks: use where the alias is written
        start, end = (start if isinstance(collection, yaml.MappingNode) else alias[0]), alias[1]
    comma = _trailing_comma(text, end, close)
    own_lines = not text[layout.line_start(start):start].strip() and not text[layout.line_start(close):close].strip()
    if own_lines:
        line = " " * layout.column(start) + item + ("," if comma is not None else "") + layout.newline
        at = layout.line_start(close)
        if comma is None:
            return text[:end] + "," + text[end:at] + line + text[at:]
        return text[:at] + line + text[at:]
    if comma is not None:
        return text[:comma + 1] + " " + item + "," + text[comma + 1:]
    return text[:end] + ", " + item + text[end:]


def _trailing_comma(text: str, start: int, close: int) -> int | None:
    """The offset of a comma between the last entry (ending at `start`) and the closing bracket; None if none."""
    at = start
    while at < close:
        char = text[at]
        if char == ",":
            return at
        if char == "#":  # a comment runs to the end of its line
            at = text.find("\n", at, close)
            if at < 0:
                return None
        elif not char.isspace():
            return None
        at += 1
    return None


def _style(layout: _Layout, root: yaml.Node, task: yaml.MappingNode) -> tuple[int, int, bool]:
    """How this file writes a block sequence under its key.

    (dash offset from the key, key offset from the dash, whether the dash stands alone on its line).
    """
    key, _ = _entry(root, "tasks")
    dash, alone = _dash(layout, task)
    return dash - (key.start_mark.column if key else 0), _first_column(task) - dash, alone


def _add_updates_key(layout: _Layout, task: yaml.MappingNode, root: yaml.Node, update: NewUpdate) -> str:
    if task.flow_style:
        return _flow_append(layout, task, f"updates: [{_flow(update)}]")
    key_column = _first_column(task)
    dash_shift, gap, alone = _style(layout, root, task)
    dash = key_column + dash_shift
    lines = [" " * key_column + "updates:", *_block_item(update, dash, dash + gap, False, alone)]
    return layout.insert_lines(_content_end(layout, task), lines)


def _fill_empty(layout: _Layout, key: yaml.Node, value: yaml.ScalarNode, task: yaml.MappingNode,
                root: yaml.Node, update: NewUpdate) -> str:
    if value.value:  # `updates: ~` or `updates: null`: the value becomes a one-entry flow list
        start, end = layout.offset(value.start_mark), layout.offset(value.end_mark)
        return layout.text[:start] + f"[{_flow(update)}]" + layout.text[end:]
    dash_shift, gap, alone = _style(layout, root, task)
    dash = key.start_mark.column + dash_shift
    return layout.insert_lines(layout.after_line(layout.offset(key.end_mark)),
                               _block_item(update, dash, dash + gap, False, alone))
