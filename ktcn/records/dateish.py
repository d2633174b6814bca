"""Date-ish values (`2025-11-30`, `2025-06`, `2025-Q3`, `2025-H2`, `2025`) and occurrence labels.

A date-ish value names a span of days.  Used as a deadline it means the span's
last day; used as a start (`from`) it means the first day.  Labels name an
occurrence's window by its start: `2025`, `2025-H1`, `2025-Q3`, `2025-07`,
`2025-W07`, or a full date for a one-off task.

Records are written in ISO form only; a day typed on the command line may
also be written as Vietnamese documents write it, `01/12/2025` or `1/12/2025`
(`parse_typed_day`).  Every problem is said in both languages.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ktcn.records.diagnostics import Text

_FORMS = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|[Qq](?P<quarter>\d)|[Hh](?P<half>\d)|[Ww](?P<week>\d{2})))?$",
    re.ASCII,  # \d is 0-9 only: full-width or other scripts' digits are not a date a person can check
)
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", re.ASCII)
# Days as people type them on the command line: 01/12/2025, 1.12.2025, 1-12-25; 2025/12/01; 20251201.
_TYPED_DMY = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$", re.ASCII)
_TYPED_YMD = re.compile(r"^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$", re.ASCII)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$", re.ASCII)
_LOOSE_YMD = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$", re.ASCII)

DATEISH_FORMS = "YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY"


class DateIshError(ValueError):
    """The text is not a date-ish value; `problem` says why in both languages.

    `suggestion` is the ISO spelling a record should use; `days` the days a
    person who typed it on the command line may have meant.
    """

    def __init__(self, problem: object, suggestion: str | None = None, days: tuple[date, ...] = ()) -> None:
        super().__init__(str(problem))
        self.problem = problem
        self.suggestion = suggestion
        self.days = days


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
        raise DateIshError(Text(f"expected {DATEISH_FORMS}", f"cần viết dạng {DATEISH_FORMS}"), _suggest(text))
    year = int(match["year"])
    if year < 1900 or year > 2999:
        raise DateIshError(Text(f"year {year} is out of range 1900..2999", f"năm {year} nằm ngoài khoảng 1900..2999"))
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
        raise DateIshError(Text("expected a full date YYYY-MM-DD", "cần một ngày đầy đủ YYYY-MM-DD"), _suggest(text))
    return value.start


def parse_label(text: str) -> DateIsh:
    """Parse an occurrence label (any date-ish value, or a week `2025-W07`)."""
    return parse_dateish(text, allow_week=True)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_UNIT_WORDS = {"month": "tháng", "quarter": "quý", "half": "nửa năm", "week": "tuần"}


def _check(value: int, highest: int, what: str) -> int:
    if not 1 <= value <= highest:
        raise DateIshError(Text(f"there is no {what} {value} (1..{highest})",
                                f"không có {_UNIT_WORDS[what]} {value} (1..{highest})"))
    return value


def _day(year: int, month: int, day: int) -> DateIsh:
    _check(month, 12, "month")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateIshError(Text(f"{year}-{month:02d} has {last} days, not {day}",
                                f"tháng {month}/{year} chỉ có {last} ngày, không có ngày {day}"))
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


# --- days typed on the command line -----------------------------------------------------------


def parse_typed_day(text: str) -> date:
    """A day as a person types it: `2025-12-01`, `01/12/2025`, `1/12/2025` (also with `.` or `-`), `2025/12/01`.

    Day before month, as Vietnamese documents write it.  What cannot be a day
    raises DateIshError with a `ktcn.labels.Phrase` problem and, when some day
    was likely meant (31/02 → the month's last day; 12/31 typed month first;
    a two-digit year; a period such as 2025-Q4), those days in `days`.
    """
    from ktcn.labels import Phrase

    text = text.strip()
    if found := _TYPED_YMD.match(text) or _COMPACT.match(text):
        year, month, day = int(found.group(1)), int(found.groups()[-2]), int(found.groups()[-1])
        return _typed(text, year, month, day)
    if found := _TYPED_DMY.match(text):
        day, month, year = int(found.group(1)), int(found.group(3)), found.group(4)
        if len(year) == 2:  # 1/12/25: the century is a guess, so it is offered, not taken
            meant = _valid(2000 + int(year), month, day)
            raise DateIshError(Phrase("date.two_digit_year", value=text), days=(meant,) if meant else ())
        return _typed(text, int(year), month, day)
    try:
        span = parse_label(text)
    except DateIshError:
        raise DateIshError(Phrase("date.not_a_date", value=text)) from None
    if span.precision == "day":  # not reached: a full ISO date matched above
        return span.start
    raise DateIshError(Phrase("date.period_not_day", value=text, words=Period(span)), days=(span.start, span.end))


def _typed(text: str, year: int, month: int, day: int) -> date:
    """The day, or DateIshError saying why it is none, and what was likely meant."""
    from ktcn.labels import Phrase

    if not 1900 <= year <= 2999:
        raise DateIshError(Phrase("date.year_range", value=text, year=year))
    if not 1 <= month <= 12:
        # 12/31/2025: typed month first (02/31: that month's last day)
        swapped = date(year, day, min(month, calendar.monthrange(year, day)[1])) if 1 <= day <= 12 else None
        raise DateIshError(Phrase("date.no_such_month", value=text, month=month), days=(swapped,) if swapped else ())
    last = calendar.monthrange(year, month)[1]
    if day < 1:
        raise DateIshError(Phrase("date.not_a_date", value=text))
    if day > last:
        swapped = _valid(year, day, month)  # 02/31: typed month first
        meant = (date(year, month, last), *((swapped,) if swapped else ()))  # 31/02: the month's last day
        raise DateIshError(Phrase("date.no_such_day", value=text, month=month, year=year, days=last), days=meant)
    return date(year, month, day)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


class Period:
    """An occurrence's window said in words in the reader's language (`ktcn.views.describe.period_words`)."""

    __slots__ = ("span",)

    def __init__(self, span: DateIsh) -> None:
        self.span = span

    def say(self, lang: str) -> str:
        from ktcn.views.describe import span_words

        return span_words(self.span, lang)

    def __str__(self) -> str:
        return self.say("en")
