"""A schedule in words, the way the documents put it: "hằng năm, trước ngày 30/11"."""

from __future__ import annotations

from ktcn.dateish import DateIsh
from ktcn.model import Schedule

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_UNITS = {"y": ("năm", "year"), "q": ("quý", "quarter"), "m": ("tháng", "month"), "w": ("tuần", "week")}
_EACH = {"y": ("hằng năm", "yearly"), "q": ("hằng quý", "quarterly"), "m": ("hằng tháng", "monthly"),
         "w": ("hằng tuần", "weekly")}


def describe_schedule(schedule: Schedule, lang: str) -> str:
    """The schedule as a sentence fragment in `lang`."""
    vi = lang == "vi"
    if schedule.form == "due":
        return describe_due(schedule.due, lang)  # type: ignore[arg-type]
    if schedule.form == "ongoing":
        text = "thực hiện thường xuyên" if vi else "ongoing"
    elif schedule.form == "every":
        text = _every(schedule, vi)
    else:
        text = f"lặp lại theo quy tắc {schedule.rrule}" if vi else f"recurring: {schedule.rrule}"
    return text + _bounds(schedule, vi)


def describe_due(due: DateIsh, lang: str) -> str:
    """'trước ngày 30/11/2025', 'trong quý IV/2021', 'trong năm 2025' (or the English)."""
    vi = lang == "vi"
    year = due.start.year
    if due.precision == "day":
        return f"trước ngày {due.end:%d/%m/%Y}" if vi else f"by {due.end.isoformat()}"
    if due.precision == "month":
        return f"trong tháng {due.start.month}/{year}" if vi else f"by the end of {due.text}"
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
    else:
        text += ", hạn cuối mỗi kỳ" if vi else ", due at the end of each period"
    return text + _offset(schedule.offset_days, vi)


def _offset(days: int, vi: bool) -> str:
    if not days:
        return ""
    if vi:
        return f" {'cộng' if days > 0 else 'trừ'} {abs(days)} ngày"
    return f" {'plus' if days > 0 else 'minus'} {abs(days)} days"


def _bounds(schedule: Schedule, vi: bool) -> str:
    text = ""
    if schedule.start:
        text += f", từ {schedule.start.text}" if vi else f", from {schedule.start.text}"
    if schedule.until:
        text += f" đến {schedule.until.text}" if vi else f" until {schedule.until.text}"
    return text
