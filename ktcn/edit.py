"""Append an update to a task by splicing text into the file, so no other byte moves.

A YAML round trip (load, change, dump) loses comments, key order, quoting and
line endings.  Instead we find, from the parser's marks, the one place where the
new entry belongs and insert lines written in the file's own style: its
indentation, block or flow collections, CRLF or LF.  Only the new entry's
values are rendered by PyYAML, which quotes exactly where YAML needs it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from ktcn.errors import KtcnError
from ktcn.labels import label
from ktcn.yamlsource import MERGE_TAG, NULL_TAG, compose_text, pairs

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
        self.newline = "\r\n" if "\r\n" in text else "\n"
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
        end = len(layout.text[:end].rstrip()) or end  # a block scalar ends where its last text line does
    return layout.after_line(end)


def _dash_column(layout: _Layout, item: yaml.Node) -> int:
    """The column of the '-' that introduces a block sequence item."""
    start = layout.offset(item.start_mark)
    dash = layout.text.rfind("-", layout.line_starts[item.start_mark.line], start)
    return dash - layout.line_starts[item.start_mark.line] if dash >= 0 else item.start_mark.column


def _block_item(update: NewUpdate, dash: int, content: int, flow: bool) -> list[str]:
    """The new entry as block-sequence lines: `- date: ...` with its keys under it, or `- {date: ...}`."""
    if flow:
        return [" " * dash + "- " + _flow(update)]
    dumped = [line for key, value in update.as_mapping().items() for line in _field_lines(key, value)]
    first = " " * dash + "-" + " " * (content - dash - 1) + dumped[0]
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
    dash = _dash_column(layout, last)
    lines = _block_item(update, dash, last.start_mark.column, getattr(last, "flow_style", False) is True)
    return layout.insert_lines(_content_end(layout, last), lines)


def _append_flow(layout: _Layout, sequence: yaml.SequenceNode, update: NewUpdate) -> str:
    close = layout.text.rfind("]", 0, layout.offset(sequence.end_mark))
    insert = (", " if sequence.value else "") + _flow(update)
    return layout.text[:close] + insert + layout.text[close:]


def _style(layout: _Layout, root: yaml.Node, task: yaml.MappingNode) -> tuple[int, int]:
    """How this file indents a block sequence under its key: (dash offset from the key, key offset from dash)."""
    key, _ = _entry(root, "tasks")
    dash = _dash_column(layout, task)
    return dash - (key.start_mark.column if key else 0), task.start_mark.column - dash


def _add_updates_key(layout: _Layout, task: yaml.MappingNode, root: yaml.Node, update: NewUpdate) -> str:
    if task.flow_style:
        close = layout.text.rfind("}", 0, layout.offset(task.end_mark))
        return layout.text[:close] + f", updates: [{_flow(update)}]" + layout.text[close:]
    key_column = task.start_mark.column
    dash_shift, gap = _style(layout, root, task)
    dash = key_column + dash_shift
    lines = [" " * key_column + "updates:", *_block_item(update, dash, dash + gap, False)]
    return layout.insert_lines(_content_end(layout, task), lines)


def _fill_empty(layout: _Layout, key: yaml.Node, value: yaml.ScalarNode, task: yaml.MappingNode,
                root: yaml.Node, update: NewUpdate) -> str:
    if value.value:  # `updates: ~` or `updates: null`: the value becomes a one-entry flow list
        start, end = layout.offset(value.start_mark), layout.offset(value.end_mark)
        return layout.text[:start] + f"[{_flow(update)}]" + layout.text[end:]
    dash_shift, gap = _style(layout, root, task)
    dash = key.start_mark.column + dash_shift
    return layout.insert_lines(layout.after_line(layout.offset(key.end_mark)),
                               _block_item(update, dash, dash + gap, False))
