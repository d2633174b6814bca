"""The imported programme as YAML text that reads like a hand-written record.

Keys in the order of the record format's examples; the shortest schedule form
(`schedule: ongoing`, `schedule: 2025-Q4`, else a flow mapping); lists of ids
in flow style while they fit on a line; long titles folded (`>-`) at word
boundaries; text quoted only where YAML needs it.  A cell that could not be
read is a `# ktcn: ...` comment above its task, so that `ktcn validate`'s
message about that task lands beside it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ktcn.importing.build import Draft, Remark
from ktcn.importing.timing import EMPTY
from ktcn.labels import label
from ktcn.records.diagnostics import visible

LINE = 110  # the records wrap at about this width; ruff's 120 leaves room for a reviewer's diff markers
_PLAIN_START = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`]")
# Scalars YAML 1.1 would read as something else than text: booleans, null, numbers, dates, times.
_NOT_TEXT = re.compile(
    r"^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:[\d_]+(?:\.[\d_]*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f_]+|0o?[0-7_]+"
    r"|0b[01_]+|[-+]?\.(?:inf|nan)|\d{4}-\d\d?-\d\d?(?:[t\s].*)?|[-+]?[\d_]+(?::[0-5]?\d)+(?:\.\d*)?|<<|=)$",
    re.IGNORECASE)


@dataclass
class Document:
    """The programme to write: the header fields and the drafted tasks."""

    id: str
    type: str
    title: str
    issuers: tuple[str, ...]
    number: str | None = None
    issued: date | None = None
    place: str | None = None
    period: tuple[str, str] | None = None
    tasks: list[Draft] = field(default_factory=list)
    source: str = ""  # the file and table it came from, for the first comment
    notes: list[str] = field(default_factory=list)  # comments about the header (an issuer not registered)


def render(document: Document, lang: str) -> str:
    """The whole programme file."""
    out = [f"# {visible(label('import.comment.source', lang, source=document.source))}"]
    out += [f"# {visible(note)}" for note in document.notes]
    out.append(f"id: {scalar(document.id)}")
    if document.number:
        out.append(f"number: {scalar(document.number)}")
    out.append(f"type: {scalar(document.type)}")
    out += text_field("title", document.title, 0)
    if document.issued:
        out.append(f"issued: {document.issued.isoformat()}")
    if document.place:
        out.append(f"place: {scalar(document.place)}")
    out += id_list("issuers", document.issuers, 0)
    if document.period:
        out.append(f"period: {{from: {document.period[0]}, to: {document.period[1]}}}")
    if not document.issued:
        out.append("state: draft  # " + label("import.comment.draft", lang))
    out.append("tasks:" if document.tasks else "tasks: []")
    for index, task in enumerate(document.tasks):
        out += task_lines(task, lang, first=index == 0)
    return "\n".join(out) + "\n"


def task_lines(task: Draft, lang: str, first: bool) -> list[str]:
    """One task: its section headings and unread cells as comments, then its fields."""
    out: list[str] = []
    if task.headings and not first:
        out.append("")
    out += [line for heading in task.headings for line in comment(heading, "  ")]
    out += [line for remark in task.remarks for line in comment(remark_text(remark, lang), "  ")]
    out.append(f"  - id: {scalar(task.id)}")
    if task.kind:
        out.append(f"    kind: {task.kind}")
    out += text_field("title", task.title, 4)
    out += id_list("lead", task.lead, 4, empty=True)
    if task.support:
        out += id_list("support", task.support, 4)
    if task.schedule is not None:
        out.append(f"    schedule: {schedule_text(task.schedule)}")
    if task.schedule_text:
        out += text_field("schedule_text", task.schedule_text, 4)
    if task.year_from is not None:  # say where a reading took its year from, as the records say their readings
        key = "import.comment.year_from_heading" if task.year_from else "import.comment.year_from_title"
        out += comment("ktcn: " + label(key, lang, heading=task.year_from), "    ")
    for name, text in task.notes:
        out += comment(f"{name}: {text}", "    ")
    return out


def remark_text(remark: Remark, lang: str) -> str:
    """The `ktcn:` comment above a task; its Vietnamese wording stays whatever the language (issue 17)."""
    cell = json.dumps(" ".join(remark.cell.split()), ensure_ascii=False)
    if remark.kind == "timing" and remark.problem == EMPTY:
        return "ktcn: " + label("import.comment.no_timing", lang)
    if remark.kind == "timing":
        return "ktcn: " + label("import.comment.timing", lang, cell=cell)
    if remark.kind == "no-lead":
        return "ktcn: " + label("import.comment.no_lead", lang)
    unknown = remark.unknown
    assert unknown is not None
    closest = ", ".join(a.id for a in unknown.closest)
    key = "import.comment.ambiguous" if unknown.ambiguous else "import.comment.agency"
    text = "ktcn: " + label(key, lang, cell=cell, proposal=unknown.proposal)
    if closest and not unknown.ambiguous:
        text += " " + label("import.comment.closest", lang, ids=closest)
    return text


def comment(text: str, indent: str) -> list[str]:
    """`text` as comment lines, wrapped."""
    return [f"{indent}# {line}" for line in wrap(visible(" ".join(text.split())), LINE - len(indent) - 2)]


def schedule_text(schedule: dict[str, Any]) -> str:
    """The shortest form: `ongoing`, a bare date-ish value, or a flow mapping."""
    if schedule == {"ongoing": True}:
        return "ongoing"
    if list(schedule) == ["due"]:
        return str(schedule["due"])
    parts = []
    for key, value in schedule.items():
        if value is True:
            shown = "true"
        elif key == "rrule":
            shown = json.dumps(str(value), ensure_ascii=False)
        else:  # date-ish values, 1y, 11-30: the record format reads them plain, integers and dates included
            shown = str(value)
        parts.append(f"{key}: {shown}")
    return "{" + ", ".join(parts) + "}"


def id_list(key: str, ids: tuple[str, ...], indent: int, empty: bool = False) -> list[str]:
    """`key: [a, b]` while it fits on a line, else a block list."""
    pad = " " * indent
    if not ids:
        return [f"{pad}{key}: []"] if empty else []
    flow = f"{pad}{key}: [{', '.join(scalar(i, flow=True) for i in ids)}]"
    if len(flow) <= LINE:
        return [flow]
    return [f"{pad}{key}:", *(f"{pad}  - {scalar(i)}" for i in ids)]


def text_field(key: str, text: str, indent: int) -> list[str]:
    """`key: text` on one line when it fits, else folded (`>-`) over several."""
    pad = " " * indent
    one = f"{pad}{key}: {scalar(text)}"
    if len(one) <= LINE:
        return [one]
    return [f"{pad}{key}: >-", *(f"{pad}  {line}" for line in wrap(text, LINE - indent - 2))]


def scalar(text: str, flow: bool = False) -> str:
    """Text as a one-line YAML scalar: plain where YAML reads it back as the same text, else double-quoted."""
    return text if plain_ok(text, flow) else json.dumps(text, ensure_ascii=False)


def plain_ok(text: str, flow: bool = False) -> bool:
    """Whether YAML reads `text`, written plain, back as this very text."""
    if not text or text != text.strip() or "\n" in text or not _PLAIN_START.match(text):
        return False
    if ": " in text or " #" in text or text.endswith(":") or _NOT_TEXT.match(text):
        return False
    return not (flow and any(c in text for c in ",[]{}?:"))  # PyYAML ends a flow plain scalar at any of these


def wrap(text: str, width: int) -> list[str]:
    """Words into lines of at most `width` characters (a longer word has a line to itself)."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*lines, current] if current else lines or [""]
