"""Date-ish values (`2025-11-30`, `2025-06`, `2025-Q3`, `2025-H2`, `2025`) and occurrence labels.

A date-ish value names a span of days.  Used as a deadline it means the span's
last day; used as a start (`from`) it means the first day.  Labels name an
occurrence's window by its start: `2025`, `2025-H1`, `2025-Q3`, `2025-07`,
`2025-W07`, or a full date for a one-off task.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

_FORMS = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|[Qq](?P<quarter>\d)|[Hh](?P<half>\d)|[Ww](?P<week>\d{2})))?$",
    re.ASCII,  # \d is 0-9 only: full-width or other scripts' digits are not a date a person can check
)
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", re.ASCII)
_LOOSE_YMD = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$", re.ASCII)

DATEISH_FORMS = "YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY"


class DateIshError(ValueError):
    """The text is not a date-ish value; the message says why in plain words."""

    def __init__(self, problem: str, suggestion: str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.suggestion = suggestion


@dataclass(frozen=True, slots=True)
class DateIsh:
    """A span of days written as a date-ish value; `text` is the normalised spelling."""

    text: str
    precision: str  # day | week | month | quarter | half | year
    start: date
    end: date

    def __str__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[type, tuple]:
        # pickled as constructor arguments: the per-file cache loads faster than with dataclasses' __setstate__
        return DateIsh, (self.text, self.precision, self.start, self.end)


@lru_cache(maxsize=4096)  # a national workspace writes the same few thousand dates 300,000 times
def parse_dateish(text: str, *, allow_week: bool = False) -> DateIsh:
    """Parse a date-ish value; raise DateIshError with a readable problem."""
    text = text.strip()
    match = _FORMS.match(text)
    if not match or (match["week"] and not allow_week):
        raise DateIshError(f"expected {DATEISH_FORMS}", _suggest(text))
    year = int(match["year"])
    if year < 1900 or year > 2999:
        raise DateIshError(f"year {year} is out of range 1900..2999")
    if match["day"]:
        return _day(year, int(match["month"]), int(match["day"]))
    if match["month"]:
        return _months(year, int(match["month"]), 1, "month", f"{year}-{match['month']}")
    if match["quarter"]:
        quarter = _check(int(match["quarter"]), 4, "quarter")
        return _months(year, 3 * quarter - 2, 3, "quarter", f"{year}-Q{quarter}")
    if match["half"]:
        half = _check(int(match["half"]), 2, "half")
        return _months(year, 6 * half - 5, 6, "half", f"{year}-H{half}")
    if match["week"]:
        return _week(year, int(match["week"]))
    return DateIsh(str(year), "year", date(year, 1, 1), date(year, 12, 31))


def parse_date(text: str) -> date:
    """Parse a full calendar date (YYYY-MM-DD)."""
    value = parse_dateish(text)
    if value.precision != "day":
        raise DateIshError("expected a full date YYYY-MM-DD", _suggest(text))
    return value.start


def parse_label(text: str) -> DateIsh:
    """Parse an occurrence label (any date-ish value, or a week `2025-W07`)."""
    return parse_dateish(text, allow_week=True)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _check(value: int, highest: int, what: str) -> int:
    if not 1 <= value <= highest:
        raise DateIshError(f"there is no {what} {value} (1..{highest})")
    return value


def _day(year: int, month: int, day: int) -> DateIsh:
    _check(month, 12, "month")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateIshError(f"{year}-{month:02d} has {last} days, not {day}")
    value = date(year, month, day)
    return DateIsh(value.isoformat(), "day", value, value)


def _months(year: int, month: int, count: int, precision: str, text: str) -> DateIsh:
    _check(month, 12, "month")
    last_month = month + count - 1
    return DateIsh(text, precision, date(year, month, 1), month_end(year, last_month))


def _week(year: int, week: int) -> DateIsh:
    weeks_in_year = date(year, 12, 28).isocalendar().week
    _check(week, weeks_in_year, "week")
    start = date.fromisocalendar(year, week, 1)
    return DateIsh(f"{year}-W{week:02d}", "week", start, start + timedelta(days=6))


def _suggest(text: str) -> str | None:
    """Offer the ISO spelling of common hand-typed dates (30/11/2025, 2025-6-30)."""
    dmy = _DMY.match(text)
    if dmy:
        day, month, year = dmy.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    loose = _LOOSE_YMD.match(text)
    if loose:
        year, month, day = loose.groups()
        return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    return None
