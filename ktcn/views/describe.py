"""Schedules and periods in words, the way the documents put them: "hằng năm, trước ngày 30/11", "Quý IV/2021".

An occurrence's label (`2021-Q4`) is the machine's name for its window, kept
in JSON, CSV and the calendar's UIDs; people read `period_words` instead.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from ktcn.labels import day_text
from ktcn.records.dateish import DateIsh, DateIshError, parse_label
from ktcn.records.model import Schedule

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_UNITS = {"y": ("năm", "year"), "q": ("quý", "quarter"), "m": ("tháng", "month"), "w": ("tuần", "week")}
_EACH = {"y": ("hằng năm", "yearly"), "q": ("hằng quý", "quarterly"), "m": ("hằng tháng", "monthly"),
         "w": ("hằng tuần", "weekly")}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December")


def describe_schedule(schedule: Schedule, lang: str) -> str:
    """The schedule as a sentence fragment in `lang`."""
    vi = lang == "vi"
    if schedule.form == "due":
        return describe_due(schedule.due, lang)  # type: ignore[arg-type]
    if schedule.form == "within":
        return counted_words(schedule, lang)
    if schedule.form == "ongoing":
        text = "thực hiện thường xuyên" if vi else "ongoing"
    elif schedule.form == "every":
        text = _every(schedule, vi)
    else:
        from ktcn.views.rrule_words import rrule_words  # it reads this module's month names

        text = rrule_words(schedule.rrule or "", lang)
    return text + _bounds(schedule, vi)


def describe_due(due: DateIsh, lang: str) -> str:
    """'trước ngày 30/11/2025', 'trong quý IV/2021', 'trong năm 2025' (or the English)."""
    vi = lang == "vi"
    year = due.start.year
    if due.precision == "day":
        return f"trước ngày {due.end:%d/%m/%Y}" if vi else f"by {due.end.isoformat()}"
    if due.precision == "month":
        return f"trong tháng {due.start.month}/{year}" if vi else f"by the end of {span_words(due, lang)}"
    if due.precision == "quarter":
        quarter = (due.start.month + 2) // 3
        return f"trong quý {_ROMAN[quarter]}/{year}" if vi else f"in Q{quarter} {year}"
    if due.precision == "half":
        half = 1 if due.start.month == 1 else 2
        if vi:
            return f"trong 6 tháng {'đầu' if half == 1 else 'cuối'} năm {year}"
        return f"in H{half} {year}"
    return f"trong năm {year}" if vi else f"in {year}"


def _every(schedule: Schedule, vi: bool) -> str:
    count, unit = schedule.every_count, schedule.every_unit
    if count == 1:
        text = _EACH[unit][0 if vi else 1]
    elif vi:
        text = f"định kỳ {count} {_UNITS[unit][0]} một lần"
    else:
        text = f"every {count} {_UNITS[unit][1]}s"
    if schedule.day:
        month, day = schedule.day
        text += f", trước ngày {day:02d}/{month:02d}" if vi else f", by {month:02d}-{day:02d}"
    elif schedule.within:
        return text + ", " + counted_words(schedule, "vi" if vi else "en")
    else:
        text += ", hạn cuối mỗi kỳ" if vi else ", due at the end of each period"
    return text + _offset(schedule.offset_days, vi)


# The units of a counted deadline (`within`): singular and plural in English.
_COUNTED = {"d": ("ngày", "day", "days"), "wd": ("ngày làm việc", "working day", "working days"),
            "w": ("tuần", "week", "weeks"), "m": ("tháng", "month", "months"), "y": ("năm", "year", "years")}


def counted_words(schedule: Schedule, lang: str) -> str:
    """How a counted deadline is counted, in words: 'trong thời hạn 15 ngày làm việc kể từ ngày ban hành
    (không tính ngày đó; Điều 147 Bộ luật Dân sự 2015)'."""
    count, unit = schedule.within  # type: ignore[misc]
    vi = lang == "vi"
    amount = f"{count} {_COUNTED[unit][0]}" if vi else f"{count} {_COUNTED[unit][1 if count == 1 else 2]}"
    if schedule.form == "every":
        return (f"chậm nhất {amount} sau khi kết thúc mỗi kỳ (tính từ ngày tiếp theo)" if vi
                else f"at the latest {amount} after each period ends (counted from the next day)")
    if schedule.after_task:
        start = (f"ngày nhiệm vụ {schedule.after_task} hoàn thành" if vi
                 else f"the day task {schedule.after_task} is done")
    elif schedule.after == "issued":
        start = "ngày ban hành văn bản" if vi else "the day the document was issued"
    else:
        start = f"ngày {day_text(schedule.after, lang)}" if vi else day_text(schedule.after, lang)
    if vi:
        return f"trong thời hạn {amount} kể từ {start} (không tính ngày đó; Điều 147 Bộ luật Dân sự 2015)"
    return f"within {amount} from {start} (that day not counted; Civil Code 2015, art. 147)"


def _offset(days: int, vi: bool) -> str:
    if not days:
        return ""
    if vi:
        return f" {'cộng' if days > 0 else 'trừ'} {abs(days)} ngày"
    return f" {'plus' if days > 0 else 'minus'} {abs(days)} days"


def _bounds(schedule: Schedule, vi: bool) -> str:
    lang = "vi" if vi else "en"
    text = ""
    if schedule.start:
        text += f", từ {_bound(schedule.start, lang)}" if vi else f", from {_bound(schedule.start, lang)}"
    if schedule.until:
        text += f" đến {_bound(schedule.until, lang)}" if vi else f" until {_bound(schedule.until, lang)}"
    return text


def _bound(value: DateIsh, lang: str) -> str:
    """A schedule's `from`/`until` inside a sentence: 'ngày 14/06/2016', '2023', 'quý II/2016'."""
    if value.precision == "year":
        return value.text
    words = span_words(value, lang)
    if value.precision == "day":
        return f"ngày {words}" if lang == "vi" else words
    return words[0].lower() + words[1:] if lang == "vi" else words


# --- periods ----------------------------------------------------------------------------------


def span_words(span: DateIsh, lang: str) -> str:
    """A date-ish value as a period's name: 'Quý IV/2021', '6 tháng đầu năm 2016', 'Tháng 5/2026', 'Năm 2025'.

    In English: 'Q4 2021', 'H1 2016', 'May 2026', '2025'; a day is a date in the reader's style.
    """
    vi = lang == "vi"
    year, month = span.start.year, span.start.month
    if span.precision == "day":
        return day_text(span.start, lang)
    if span.precision == "week":
        week_year, week, _ = span.start.isocalendar()
        return f"Tuần {week}/{week_year}" if vi else f"week {week} of {week_year}"
    if span.precision == "month":
        return f"Tháng {month}/{year}" if vi else f"{MONTH_NAMES_EN[month - 1]} {year}"
    if span.precision == "quarter":
        quarter = (month + 2) // 3
        return f"Quý {_ROMAN[quarter]}/{year}" if vi else f"Q{quarter} {year}"
    if span.precision == "half":
        first = month == 1
        return f"6 tháng {'đầu' if first else 'cuối'} năm {year}" if vi else f"H{1 if first else 2} {year}"
    return f"Năm {year}" if vi else str(year)


def period_words(label: str, window_start: date, window_end: date, lang: str) -> str:
    """An occurrence's window in words, named by its label, or by its span when a round is longer than the label.

    A two-year round labelled '2024' reads '2024–2025' (it is not the year 2024
    alone); a two-month round labelled '2025-03' reads 'Tháng 3–4/2025'.
    """
    span = _label_span(label)
    if span is None and label.startswith("sau-"):  # a deadline counted from another task's completion
        task = label.removeprefix("sau-")
        return f"sau nhiệm vụ {task}" if lang == "vi" else f"after task {task}"
    if span is None:
        return label
    if window_end <= span.end or span.precision == "day":
        return span_words(span, lang)
    return _range_words(window_start, window_end, lang)


@lru_cache(maxsize=4096)
def _label_span(label: str) -> DateIsh | None:
    try:
        return parse_label(label)
    except DateIshError:
        return None


def _range_words(start: date, end: date, lang: str) -> str:
    """A window of whole years or months: '2022–2023', 'Tháng 3–4/2025', 'Tháng 11/2025–2/2026'."""
    vi = lang == "vi"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}–{end.year}"
    if start.year == end.year:
        return f"Tháng {start.month}–{end.month}/{start.year}" if vi else \
            f"{_MONTHS_EN[start.month - 1]}–{_MONTHS_EN[end.month - 1]} {start.year}"
    if vi:
        return f"Tháng {start.month}/{start.year}–{end.month}/{end.year}"
    return f"{_MONTHS_EN[start.month - 1]} {start.year}–{_MONTHS_EN[end.month - 1]} {end.year}"


def occurrence_words(occurrence: Any, lang: str) -> str:
    """`period_words` of an occurrence (`ktcn.engine.status.Occurrence`)."""
    return period_words(occurrence.label, occurrence.window_start, occurrence.window_end, lang)
