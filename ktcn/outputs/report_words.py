"""The words of a report: a task's occurrences summarised, documents cited as offices cite them.

Pure functions of the report's view model and a language; every word comes from `ktcn.labels`, so each
exists in Vietnamese and English.  Templates reach them through the helpers of `ktcn.outputs.templating`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ktcn.engine.status import CANCELLED, DONE_LATE, DONE_ON_TIME, IN_PROGRESS, ONGOING, OVERDUE, UPCOMING
from ktcn.labels import LABELS, day_text, in_force_text, label

if TYPE_CHECKING:
    from ktcn.engine.status import Counts, Occurrence
    from ktcn.outputs.reports import Item, Period, Section, TaskEntry
    from ktcn.records.model import Agency, Programme

# The order in which a task's occurrences are summarised: what needs acting on first.
_WORD_ORDER = (OVERDUE, IN_PROGRESS, DONE_LATE, DONE_ON_TIME, CANCELLED, UPCOMING)
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


# --- a task's occurrences in words ----------------------------------------------------------------------------


def task_words(entry: TaskEntry, period: Period, lang: str) -> str:
    """'chậm 2 kỳ báo cáo: 6 tháng đầu năm, 6 tháng cuối năm', 'quá hạn từ 31/12/2023' and the like.

    One occurrence is told with its dates; several are counted by status and named by their period.
    """
    if entry.standing == ONGOING:
        return label("report.one.ongoing", lang)
    if len(entry.items) == 1:
        return _one_occurrence(entry.items[0], lang)
    unit = "report" if entry.task.kind == "report" else "other"
    parts = []
    for status in _WORD_ORDER:
        found = [i for i in entry.items if i.status == status]
        if found:
            names = _joined_names([_named(i, status, period, lang) for i in found])
            words = label(f"report.words.{status}", lang, n=len(found), unit=_unit(unit, len(found), lang),
                          names=names)
            carried = sum(1 for i in found if i.carried_over) if status == OVERDUE else 0
            if carried == len(found):
                words += f" ({label('report.carried', lang)})"
            elif carried:
                words += f" ({label('report.words.carried', lang, n=carried, unit=_unit(unit, carried, lang))})"
            parts.append(words)
    return "; ".join(parts)


def _joined_names(names: list[str]) -> str:
    """'năm 2022, 2023, 2024' for 'năm 2022, năm 2023, năm 2024': a shared first word said once."""
    first = names[0].split(" ", 1)[0]
    if len(names) > 1 and all(n.startswith(first + " ") and n.count(" ") == 1 for n in names):
        return f"{first} " + ", ".join(n.split(" ", 1)[1] for n in names)
    return ", ".join(names)


def _unit(kind: str, n: int, lang: str) -> str:
    return label(f"report.unit.{kind}.{'one' if n == 1 else 'many'}", lang)


def _one_occurrence(item: Item, lang: str) -> str:
    """One occurrence: its status with its dates, extension, progress and carrying over."""
    occurrence = item.occurrence
    deadline = in_force_text(occurrence.deadline, occurrence.moved_from, lang)
    done = day_text(occurrence.done_on, lang)
    words = label(f"report.one.{occurrence.status}", lang, deadline=deadline, done=done)
    progress = [u.progress for u in occurrence.updates if u.progress is not None]
    if progress and occurrence.status in (IN_PROGRESS, OVERDUE):
        words += ", " + label("report.words.progress", lang, n=f"{progress[-1]:g}")
    if occurrence.extended and occurrence.original_deadline != occurrence.deadline:
        words += ", " + label("report.words.extended", lang, original=day_text(occurrence.original_deadline, lang),
                              deadline=deadline)
    if item.carried_over:
        words += ", " + label("report.carried", lang)
    return words


def _named(item: Item, status: str, period: Period, lang: str) -> str:
    """An occurrence's period name, with the day it was done (late) or is due (not yet done)."""
    name = occurrence_name(item, period, lang)
    occurrence = item.occurrence
    if status == DONE_LATE and occurrence.done_on:
        return f"{name} ({label('report.words.done_on', lang, done=day_text(occurrence.done_on, lang))})"
    if status in (IN_PROGRESS, UPCOMING) and occurrence.deadline:
        deadline = in_force_text(occurrence.deadline, occurrence.moved_from, lang)
        return f"{name} ({label('report.words.due', lang, deadline=deadline)})"
    return name


def occurrence_name(item: Item, period: Period, lang: str) -> str:
    """'6 tháng đầu năm', 'quý III', 'năm 2024', 'tháng 3 năm 2024': an occurrence named by its period.

    The year is left out when it is the report's own year (an annual or six-monthly report).
    """
    occurrence = item.occurrence
    own_year = period.kind in ("year", "half") and occurrence.window_start.year == period.year
    match = re.fullmatch(r"(\d{4})(?:-(H|Q|W)?(\d{1,2}))?", occurrence.label)
    if not match:  # an RRULE's or a one-off task's occurrence: its deadline names it
        return label("report.period_name.day", lang, day=day_text(occurrence.deadline, lang))
    year, kind, number = int(match[1]), match[2], match[3]
    if number is None:
        return _year_name(occurrence, lang)
    if kind == "H":  # '6 tháng đầu năm' already ends in 'năm': the year follows it directly
        return label(f"report.period_name.half{number}" + ("" if own_year else "_of"), lang, year=year)
    name = {
        "Q": lambda: label("report.period_name.quarter", lang, q=_ROMAN[int(number)] if lang == "vi" else number),
        "W": lambda: label("report.period_name.week", lang, w=int(number)),
        None: lambda: label("report.period_name.month", lang, m=int(number)),
    }[kind]()
    return name if own_year else label("report.period_name.in_year", lang, name=name, year=year)


def _year_name(occurrence: Occurrence, lang: str) -> str:
    """'năm 2025' for a one-year window; a window of several years by its first and last year."""
    start, end = occurrence.window_start.year, occurrence.window_end.year
    if start == end:
        return label("report.period_name.year", lang, year=start)
    return label("report.period_name.years", lang, start=start, end=end)


def task_deadlines(entry: TaskEntry, lang: str) -> str:
    """The appendix's deadline column: each deadline in the report, an extension shown; ongoing work so named."""
    if entry.standing == ONGOING or not entry.items:
        return label("report.ongoing_short", lang)
    return ", ".join(_deadline(i, lang) for i in entry.items if i.occurrence.deadline)


def _deadline(item: Item, lang: str) -> str:
    occurrence = item.occurrence
    text = in_force_text(occurrence.deadline, occurrence.moved_from, lang)
    if occurrence.extended and occurrence.original_deadline != occurrence.deadline:
        text += f" ({label('show.extended_from', lang, day=day_text(occurrence.original_deadline, lang))})"
    return text


def task_result(entry: TaskEntry, period: Period, lang: str) -> str:
    """The appendix's result column: the occurrences in words, then the latest note of the period."""
    text = sentence(capitalised(task_words(entry, period, lang)))
    return f"{text} {sentence(entry.note)}" if entry.note else text


def row_numbers(section: Section, entries: Sequence[TaskEntry], appendix: str) -> str:
    """The appendix rows of `entries` within their programme, as ranges: '1-8, 11-14, 16'.

    Rows are tasks, or with `appendix` "occurrences" the section's occurrences (dated ones, then ongoing).
    """
    wanted = {e.task.ref for e in entries}
    rows = (section.items + section.ongoing) if appendix == "occurrences" else section.tasks
    numbers = [n for n, row in enumerate(rows, start=1) if row.task.ref in wanted]
    ranges: list[list[int]] = []
    for n in numbers:
        if ranges and n == ranges[-1][-1] + 1:
            ranges[-1].append(n)
        else:
            ranges.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in ranges)


# --- sentences ------------------------------------------------------------------------------------------------


def clause(text: object) -> str:
    """Text to go on in a sentence: a final full stop (but not an ellipsis) and spaces dropped."""
    stripped = str(text).strip()
    return stripped[:-1].rstrip() if stripped.endswith(".") and not stripped.endswith("..") else stripped


def sentence(text: object) -> str:
    """Text that ends a sentence: a full stop added unless it already ends with one, '!', '?' or an ellipsis."""
    stripped = str(text).strip()
    if not stripped or stripped[-1] in ".!?…":
        return stripped
    return stripped.rstrip(";,:") + "."


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- documents cited ------------------------------------------------------------------------------------------


def type_name(code: str, lang: str) -> str:
    """'KH' -> 'Kế hoạch' (Decree 30/2020, Appendix III); an unknown code is shown as it is."""
    key = f"doctype.{code}"
    return label(key, lang) if key in LABELS else code


CITE_FORMS = ("full", "dated", "number")


def cite(programme: Programme, agencies: Mapping[str, Agency], lang: str, form: str = "full") -> str:
    """A document as offices cite it.

    `full`: 'Kế hoạch số 231/KH-UBND ngày 28/10/2024 của Ủy ban nhân dân thành phố Cần Thơ về …'; `dated`: the
    same without the summary; `number`: 'Kế hoạch số 231/KH-UBND'.  A document without a number (a draft) is
    cited by its title instead of its type and number.
    The issuers are named as they were when the document was issued: that is how a document is cited.
    """
    if form not in CITE_FORMS:
        raise ValueError(f"cite: form is one of {', '.join(CITE_FORMS)}, not {form!r}")
    kind = type_name(programme.type, lang)
    title = " ".join(programme.title.split())
    if not programme.number:  # a document without a number (a draft) goes by its title
        parts = [title]
    elif form == "number":
        return f"{kind} {label('report.cite.number', lang, number=programme.number)}"
    else:
        parts = [kind, label("report.cite.number", lang, number=programme.number)]
    if form == "number":
        return title
    if programme.issued:
        parts.append(label("report.cite.date", lang, date=day_text(programme.issued, lang)))
    issuers = [agencies[a].name if a in agencies else a for a in programme.issuers]
    if issuers:
        parts.append(label("report.cite.by", lang, issuers=joined(issuers, lang)))
    if form == "full" and programme.number:
        parts.append(label("report.cite.about", lang, summary=_summary(programme.title, programme.type, lang)))
    return " ".join(parts)


def _summary(title: str, code: str, lang: str) -> str:
    """What a document is about, from its title: in Vietnamese without the type name it starts with ('Kế hoạch
    thực hiện …' -> 'thực hiện …') and 'V/v' (về việc) as 'việc'; in English the title, 'V/v' dropped.
    """
    text = " ".join(title.split())
    vv = re.match(r"^V/v\s+", text, re.IGNORECASE)
    if lang != "vi":
        return text[vv.end():] if vv else text
    kind = type_name(code, "vi")
    if text.casefold().startswith(kind.casefold() + " "):
        text = text[len(kind) + 1:]
    return "việc " + text[vv.end():] if vv else text


def joined(names: Sequence[str], lang: str) -> str:
    """'A', 'A và B', 'A, B và C'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {label('report.cite.and', lang)} {names[-1]}"


# --- counts in words ------------------------------------------------------------------------------------------


def _how_many(total: int, dated: int, ongoing: int, times: int, lang: str) -> str:
    """'20 nhiệm vụ, gồm 4 nhiệm vụ có thời hạn (13 lượt thực hiện trong kỳ) và 16 nhiệm vụ thực hiện thường xuyên'."""
    parts = []
    if dated:
        parts.append(label("report.tasks.dated", lang, n=dated)
                     + (f" ({label('report.tasks.times', lang, n=times)})" if times != dated else ""))
    if ongoing:
        parts.append(label("report.tasks.ongoing", lang, n=ongoing))
    if len(parts) == 2:
        return label("report.tasks.of", lang, total=total, parts=f" {label('report.cite.and', lang)} ".join(parts))
    return parts[0] if parts else label("report.tasks.none", lang)


def counts_text(counts: Counts, lang: str, unit: str = "tasks", occurrences: Counts | None = None) -> str:
    """Counts as sentences, every percentage with its base named.

    `unit` "tasks": how many tasks, with and without a deadline (with `occurrences`, how many occurrences the
    former had, when that is another number), then those with a deadline by standing and the on-time rate;
    "occurrences": the occurrences with a deadline by status and their on-time rate.
    """
    from ktcn.outputs.templating import pct

    dated = counts.total - counts.ongoing
    out = []
    if unit == "tasks":
        times = occurrences.total - occurrences.ongoing if occurrences is not None else dated
        out.append(_how_many(counts.total, dated, counts.ongoing, times, lang) + ".")
    if dated:
        parts = []
        for status in (DONE_ON_TIME, DONE_LATE, IN_PROGRESS, OVERDUE, CANCELLED):
            n = getattr(counts, status)
            if n:
                key = f"report.{unit}.first" if not parts else "report.share"
                parts.append(label(key, lang, name=label(status, lang).lower(), n=n, pct=pct(n, dated)))
        if counts.extended:
            parts.append(label("report.extended_n", lang, n=counts.extended))
        out.append(label(f"report.{unit}.breakdown", lang, dated=dated, parts="; ".join(parts)))
    if counts.due:
        out.append(label(f"report.{unit}.rate", lang, rate=pct(counts.done_on_time, counts.due),
                         on_time=counts.done_on_time, due=counts.due))
    return " ".join(out)
