"""Rows of a task table into tasks: section headings, ids, schedules, agencies, and what could not be read.

A row whose text spans the table (a merged cell), or that has a title but no
agency and no time, is a heading: "I. NHIỆM VỤ CHUNG".  Its numeral becomes
part of the ids of the tasks under it (`i-1`, `ii-3`), and what it says about
time is their context: a heading "Năm 2025" gives its year to a cell "Quý IV",
and is the schedule of a task whose own timing cell is empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ktcn.importing.agencies import AgencyMatcher, CellAgencies, Unknown
from ktcn.importing.columns import Layout, find_layout, is_column_numbers
from ktcn.importing.tables import Line, Table
from ktcn.importing.timing import Schedule, fold, read_timing, year_of
from ktcn.records.convert import slugify
from ktcn.records.diagnostics import Text

_HEADING = re.compile(r"^(?:(?:phần|mục|chương)\s+)?(?P<label>[IVXLC]+|[A-HJ-UW-Z]|\d+(?:\.\d+)*)\s*[.):/-]?\s+"
                      r"(?P<text>\S.*)$", re.IGNORECASE)
_ROMAN = re.compile(r"^[IVXLC]+$")
_GENERIC_HEADING = re.compile(r"^(?:các\s+)?(?:nhiệm vụ|công việc|hoạt động|việc)"
                              r"(?:\s+(?:trọng tâm|chủ yếu|chính))?\s+", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True)
class Remark:
    """A cell that could not be read: where it is, what it holds, and why."""

    kind: str  # timing | agency | no-lead | no-title
    row: int
    where: Text
    column: str
    cell: str
    problem: Text | None = None
    unknown: Unknown | None = None


@dataclass
class Draft:
    """A task as it will be written, with the comments that go above and inside it."""

    id: str
    title: str
    lead: tuple[str, ...]
    support: tuple[str, ...] = ()
    schedule: Schedule | None = None
    schedule_text: str | None = None
    kind: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)  # (column name, text): product, note
    remarks: list[Remark] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # section headings that open before this task
    year_from: str | None = None  # the heading whose year completed the timing cell ("" the document's title)


@dataclass
class Built:
    """Everything read from the task tables."""

    tasks: list[Draft] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)
    read: list[tuple[Text, Layout]] = field(default_factory=list)  # which tables, and their columns
    schedules_read: int = 0
    names: int = 0
    names_matched: int = 0
    no_timing_column: bool = False


@dataclass
class Section:
    """A heading row and what it gives the tasks under it."""

    level: int
    key: str
    label: str  # as printed, for stripping "1.2" down to "2" under section "1"
    text: str
    year: int | None
    schedule: Schedule | None
    schedule_text: str | None
    count: int = 0  # tasks so far directly under it


def task_tables(tables: list[Table], given: dict[str, int] | None, chosen: int | None) -> list[tuple[Table, Layout]]:
    """The tables that are task tables (a header names their columns), or table `chosen` (1-based)."""
    if chosen is not None:
        if not 1 <= chosen <= len(tables):
            return []
        layout = find_layout(tables[chosen - 1].rows, given)
        return [(tables[chosen - 1], layout)] if layout else []
    found = []
    for table in tables:
        layout = find_layout(table.rows, given)
        if layout is not None:
            found.append((table, layout))
    return found


def lines_above(table: Table, layout: Layout) -> list[Line]:
    """The document's lines above a task table: its paragraphs, then the rows above its header."""
    lines = list(table.before)
    for row in table.rows[: max(layout.header_row, 0)]:
        seen: list[str] = []
        for text in row:
            for line in text.split("\n"):
                if line.strip() and line not in seen:
                    seen.append(line)
        lines.extend(Line(text) for text in seen)
    return lines


class Builder:
    """Reads the rows of task tables into drafts, against one agency registry."""

    def __init__(self, matcher: AgencyMatcher, document_year: int | None) -> None:
        self.matcher = matcher
        self.document_year = document_year
        self.built = Built()
        self.used: set[str] = set()
        self.top_sections = 0
        self.prefix = ""

    def add(self, table: Table, layout: Layout) -> None:
        """Every task of one table; the ids of a second task table and after start with its number (`b2-1`)."""
        self.built.read.append((table.where, layout))
        self.prefix = f"b{len(self.built.read)}" if len(self.built.read) > 1 else ""
        self.top_sections = 0
        if "schedule" not in layout.columns:
            self.built.no_timing_column = True
        sections: list[Section] = []
        headings: list[str] = []
        header = table.rows[layout.header_row] if layout.header_row >= 0 else None
        rows = [(row, number) for row, number in zip(table.rows[layout.first_row:], table.numbers[layout.first_row:],
                                                    strict=True)
                if any(cell.strip() for cell in row) and row != header and not is_column_numbers(row)]
        for index, (row, number) in enumerate(rows):
            following = rows[index + 1][0] if index + 1 < len(rows) else None
            heading = _heading_text(row, layout, following)
            if heading is not None:
                self._open(sections, heading)
                headings.append(heading)
                continue
            draft = self._task(row, number, table, layout, sections)
            if draft is not None:
                draft.headings, headings = headings, []
                self.built.tasks.append(draft)

    def _open(self, sections: list[Section], text: str) -> None:
        level, key, label, rest = _numbering(text)
        while sections and sections[-1].level >= level:
            sections.pop()
        if level == 1:
            self.top_sections += 1
            key = key or _roman(self.top_sections).lower()  # an unnumbered heading takes the next numeral
        timing = _GENERIC_HEADING.sub("", rest)  # "NHIỆM VỤ NĂM 2025" says "năm 2025" of its tasks
        reading = read_timing(timing) if timing != rest or len(rest) < 60 else read_timing("")
        sections.append(Section(level, key, label, text, year_of(rest), reading.schedule,
                                rest if reading.schedule else None))

    def _task(self, row: list[str], number: int, table: Table, layout: Layout,
              sections: list[Section]) -> Draft | None:
        title = " ".join(layout.cell(row, "title").split())
        if not title:
            self._remark(None, "no-title", number, table, layout, "title", " ".join(" ".join(row).split()))
            return None
        draft = Draft(self._id(layout.cell(row, "number"), sections), title, ())
        draft.kind = "report" if fold(title).startswith("bao cao ") else None
        lead = self._agencies(draft, layout.cell(row, "lead"), number, table, layout, "lead")
        draft.lead = lead
        if not lead:
            self._remark(draft, "no-lead", number, table, layout, "lead", layout.cell(row, "lead"))
        draft.support = tuple(a for a in self._agencies(draft, layout.cell(row, "support"), number, table, layout,
                                                       "support") if a not in lead)
        self._schedule(draft, layout.cell(row, "schedule"), number, table, layout, sections)
        for role in ("start", "product", "note"):
            text = layout.cell(row, role).strip()
            if text:
                draft.notes.append((layout.name(role), text))
        return draft

    def _id(self, label: str, sections: list[Section]) -> str:
        """The section keys and the row's own number: `i-1`, `ii-3`; the next free one when taken."""
        label = label.strip().rstrip(".)").strip()
        while sections and _sibling(label, sections[-1].label):  # task "2" after heading "1" and its "1.1"
            sections.pop()
        if sections and sections[-1].label and label.startswith(sections[-1].label + "."):
            label = label[len(sections[-1].label) + 1:]  # "1.2" under section "1" is its task 2
        if sections:
            sections[-1].count += 1
        own = slugify(label) if re.search(r"[0-9A-Za-z]", label) else ""
        if not own:
            own = str(sections[-1].count if sections else len(self.built.tasks) + 1)
        base = "-".join([*filter(None, [self.prefix]), *(s.key for s in sections if s.key), own])
        found, n = base, 2
        while found in self.used:
            found, n = f"{base}-{n}", n + 1
        self.used.add(found)
        return found

    def _agencies(self, draft: Draft, text: str, number: int, table: Table, layout: Layout,
                  role: str) -> tuple[str, ...]:
        if not text.strip():
            return ()
        found: CellAgencies = self.matcher.match_cell(text)
        self.built.names += found.names
        self.built.names_matched += found.names - len(found.unknown)
        for unknown in found.unknown:
            self._remark(draft, "agency", number, table, layout, role, unknown.name, unknown=unknown)
        return found.ids

    def _schedule(self, draft: Draft, text: str, number: int, table: Table, layout: Layout,
                  sections: list[Section]) -> None:
        text = " ".join(text.split())
        context = next((s for s in reversed(sections) if s.schedule is not None), None)
        if not text and context is not None:  # a task under "Năm 2025" with no time of its own
            draft.schedule, draft.schedule_text = context.schedule, context.schedule_text
            self.built.schedules_read += 1
            return
        heading = next((s for s in reversed(sections) if s.year), None)
        year = heading.year if heading else self.document_year
        reading = read_timing(text, year)
        draft.schedule_text = text or None
        if reading.schedule is not None:
            draft.schedule = reading.schedule
            self.built.schedules_read += 1
            if year and read_timing(text).schedule != reading.schedule:  # the year came from outside the cell
                draft.year_from = heading.text if heading else ""
        elif "schedule" in layout.columns:
            self._remark(draft, "timing", number, table, layout, "schedule", text, problem=reading.problem)

    def _remark(self, draft: Draft | None, kind: str, number: int, table: Table, layout: Layout, role: str,
                cell: str, **more: Any) -> None:
        remark = Remark(kind, number, table.where, layout.name(role), cell, **more)
        self.built.remarks.append(remark)
        if draft is not None:
            draft.remarks.append(remark)


def _heading_text(row: list[str], layout: Layout, following: list[str] | None) -> str | None:
    """The heading a row is, or None for a task row.

    A heading spans the table, or has a title but no agency and no time.  A
    row numbered like a task ("3") is a heading only when the next row is
    numbered as its child ("3.1", "a", "-"): otherwise it is a task whose
    agency and time are missing, and those are pointed out.
    """
    filled = [cell.strip() for cell in row if cell.strip()]
    if len(set(filled)) == 1 and (len(filled) > 1 or not _is_label(filled[0])):
        return " ".join(filled[0].split())  # merged across the table, or alone in its row
    label = layout.cell(row, "number").strip().rstrip(".)")
    number = layout.columns.get("number")
    others = [cell.strip() for i, cell in enumerate(row) if cell.strip() and i != number]
    if label and len(others) > 1 and len(set(others)) == 1:  # "I" | "NHIỆM VỤ CHUNG" merged over the other columns
        return f"{label}. {' '.join(others[0].split())}"
    if any(layout.cell(row, role).strip() for role in ("lead", "support", "schedule")):
        return None
    title = " ".join(layout.cell(row, "title").split())
    if not title:
        return None
    if label.isdigit() and not _is_child(label, layout.cell(following, "number") if following else ""):
        return None
    return f"{label}. {title}" if label and not title.startswith(label) else title


def _is_child(label: str, next_label: str) -> bool:
    """Whether the next row's number sits under `label`: "3.1" under "3", or "a", "-", "+" or nothing."""
    following = next_label.strip().rstrip(".)")
    return following.startswith(label + ".") or not following or not following.isdigit()


def _sibling(label: str, heading: str) -> bool:
    """A task numbered "2" beside a heading numbered "1" (or "2.3" beside "2.1"): not under it."""
    numbered = re.fullmatch(r"\d+(?:\.\d+)*", label) and re.fullmatch(r"\d+(?:\.\d+)*", heading)
    return bool(numbered) and label.count(".") == heading.count(".")


def _is_label(text: str) -> bool:
    return bool(re.fullmatch(r"[\dIVXivx.)]+", text))


def _numbering(text: str) -> tuple[int, str, str, str]:
    """A heading's level, id key, label as printed and text: "II. Nhiệm vụ" -> (1, "ii", "II", "Nhiệm vụ")."""
    text = text.lstrip("*#•- ").strip()
    found = _HEADING.match(text)
    if not found:
        return 1, "", "", text
    label = found["label"]
    if _ROMAN.match(label.upper()) and (label.isupper() or len(label) > 1) and _roman_value(label.upper()):
        return 1, label.lower(), label, found["text"]
    if label.isalpha() and len(label) == 1:
        return 0, label.lower(), label, found["text"]
    if label.replace(".", "").isdigit():
        return 1 + len(label.split(".")), slugify(label), label, found["text"]
    return 1, "", "", text


def _roman_value(text: str) -> int:
    total = 0
    for index, char in enumerate(text):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total if 0 < total < 40 else 0


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out
