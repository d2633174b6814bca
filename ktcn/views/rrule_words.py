"""An RFC 5545 RRULE in the words of the documents: "hằng năm, trước ngày 15/06 và 15/12".

A director reads the schedule of a task on the site, in `ktcn show` and in
reports; `FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15` means nothing to them.  The
rules offices write (a frequency, an interval, months, days of the month,
weekdays with their rank in the month) are put in words; a rule with any
other part is given as written after "theo quy tắc", rather than worded wrong.
"""

from __future__ import annotations

from ktcn.engine.schedule import rrule_parts
from ktcn.views.describe import MONTH_NAMES_EN

_EACH = {"YEARLY": ("hằng năm", "yearly"), "MONTHLY": ("hằng tháng", "monthly"),
         "WEEKLY": ("hằng tuần", "weekly"), "DAILY": ("hằng ngày", "daily")}
_UNIT = {"YEARLY": ("năm", "year"), "MONTHLY": ("tháng", "month"), "WEEKLY": ("tuần", "week"),
         "DAILY": ("ngày", "day")}
_WEEKDAYS = {"MO": ("thứ Hai", "Monday"), "TU": ("thứ Ba", "Tuesday"), "WE": ("thứ Tư", "Wednesday"),
             "TH": ("thứ Năm", "Thursday"), "FR": ("thứ Sáu", "Friday"), "SA": ("thứ Bảy", "Saturday"),
             "SU": ("Chủ nhật", "Sunday")}
_RANK_EN = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last", -2: "second-to-last"}
_LONGEST = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 29 February is skipped three years in four
_WORDED = frozenset({"FREQ", "INTERVAL", "BYMONTH", "BYMONTHDAY", "BYDAY"})


def rrule_words(rule: str, lang: str) -> str:
    """The rule in words in `lang`; one it cannot word faithfully, as written ('theo quy tắc FREQ=…')."""
    vi = lang == "vi"
    try:
        parts = rrule_parts(rule.strip().removeprefix("RRULE:"))
        return _worded({name: value.upper() for name, value in parts.items()}, vi)
    except (KeyError, ValueError):
        return f"lặp lại theo quy tắc {rule}" if vi else f"recurring: {rule}"


def _worded(parts: dict[str, str], vi: bool) -> str:
    """Raises KeyError or ValueError for what it does not word."""
    if set(parts) - _WORDED:
        raise KeyError(sorted(set(parts) - _WORDED)[0])
    freq, interval = parts["FREQ"], int(parts.get("INTERVAL", "1"))
    months = [int(m) for m in _listed(parts.get("BYMONTH"))]
    days = [int(d) for d in _listed(parts.get("BYMONTHDAY"))]
    weekdays = _listed(parts.get("BYDAY"))
    if interval == 1:
        text = _EACH[freq][0 if vi else 1]
    else:
        unit = _UNIT[freq]
        text = f"định kỳ {interval} {unit[0]} một lần" if vi else f"every {interval} {unit[1]}s"
    if weekdays and (days or months):
        raise ValueError("weekdays with days or months")
    if weekdays:
        return f"{text}, {_weekdays(weekdays, freq, vi)}"
    if any(not 1 <= m <= 12 for m in months):
        raise ValueError("month")
    if months and days == [-1] and freq == "YEARLY":  # what `ktcn import` writes for "Quý I, III hằng năm"
        return f"{text}, {_month_ends(months, vi)}"
    if months and days and freq == "YEARLY":
        if any(d > _LONGEST[m - 1] or d < 1 for m in months for d in days):
            raise ValueError("a day some years skip")
        dates = [f"{d:02d}/{m:02d}" if vi else f"{m:02d}-{d:02d}" for m in months for d in days]
        return f"{text}, {'trước ngày' if vi else 'by'} {_joined(dates, vi)}"
    if days and freq == "MONTHLY" and not months:
        return f"{text}, {_month_days(days, vi)}"
    if months or days:
        raise ValueError("months or days the frequency does not bound")
    return text


def _month_ends(months: list[int], vi: bool) -> str:
    """'trước ngày cuối tháng 12', 'trước ngày cuối các tháng 3 và 9' / 'by the last day of March and September'."""
    if vi:
        return f"trước ngày cuối {'các ' if len(months) > 1 else ''}tháng {_joined([str(m) for m in months], vi)}"
    return f"by the last day of {_joined([MONTH_NAMES_EN[m - 1] for m in months], vi)}"


def _month_days(days: list[int], vi: bool) -> str:
    """'trước ngày 15 của tháng', 'trước ngày cuối tháng' / 'by day 15 of the month'."""
    named = [(("ngày cuối tháng" if vi else "the last day") if d == -1 else (f"ngày {d}" if vi else f"day {d}"))
             for d in days]
    if any(d < -1 or d == 0 or d > 28 for d in days):  # the 29th to 31st are skipped in short months
        raise ValueError("a day some months skip")
    return f"trước {_joined(named, vi)}" if vi else f"by {_joined(named, vi)} of the month"


def _weekdays(items: list[str], freq: str, vi: bool) -> str:
    """'thứ Sáu cuối cùng của tháng', 'thứ Hai' / 'the last Friday of the month', 'Monday'."""
    named = []
    for item in items:
        rank, day = item[:-2], item[-2:].upper()
        word = _WEEKDAYS[day][0 if vi else 1]
        if not rank:
            if freq != "WEEKLY":  # every Friday of the month: worded "monthly, on Friday" it would read as one
                raise ValueError("an unranked weekday in a month or a year")
            named.append(word)
            continue
        if freq not in ("MONTHLY", "YEARLY"):
            raise ValueError("a ranked weekday needs a month or a year")
        number, within = int(rank), ("tháng" if freq == "MONTHLY" else "năm", "month" if freq == "MONTHLY" else "year")
        if vi:
            place = {1: "đầu tiên", -1: "cuối cùng"}.get(number) or (
                f"thứ {number}" if number > 0 else f"thứ {-number} tính từ cuối")
            named.append(f"{word} {place} của {within[0]}")
        else:
            named.append(f"the {_RANK_EN[number]} {word} of the {within[1]}")
    return ("vào " if vi else "on ") + _joined(named, vi)


def _listed(value: str | None) -> list[str]:
    return [piece.strip() for piece in value.split(",") if piece.strip()] if value else []


def _joined(items: list[str], vi: bool) -> str:
    word = " và " if vi else " and "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + word + items[-1]
