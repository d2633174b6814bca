"""Working days as Vietnamese law counts them: weekends, public holidays and the workspace's own days.

A day is a working day unless it is a Saturday or Sunday, a public holiday of
the `holidays` package's Vietnamese calendar (Tết and Giỗ Tổ by the lunar
calendar, 30/4, 1/5, 2/9 with its adjacent day, the days off the government
swapped in), or a day the workspace lists under `holidays:` in ktcn.yaml.  A
weekend day the government or the workspace (`working_days:`) declares worked
in exchange is a working day.

Bộ luật Dân sự 2015, Điều 148.5: a period whose last day is a day off ends at
the end of the next working day; `in_force` gives that day.  The `holidays`
package is imported only here and only when a day is asked about: most
commands never need it (start-up time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ktcn.records.model import Settings

AS_WRITTEN, CIVIL_CODE = "as-written", "civil-code"  # ktcn.records.schema.DEADLINE_RULES
PACKAGE, WORKSPACE, WEEKEND = "package", "ktcn.yaml", "weekend"
MAX_SEARCH_DAYS = 366  # a year with no working day is a broken ktcn.yaml, not a calendar
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DayEntry:
    """A day that is not as its weekday says: a day off on a weekday, or a weekend day worked."""

    day: date
    name: str
    source: str  # PACKAGE | WORKSPACE
    working: bool  # True: a weekend day worked in exchange (ngày làm bù)


class WorkingCalendar:
    """Which days are working days, for one workspace's settings."""

    def __init__(self, settings: Settings, lang: str = "vi") -> None:
        self.public = settings.public_holidays == "vn"
        self.lang = lang
        self.own_off = {h.day: h.name or "" for h in settings.holidays}
        self.own_on = {w.day: w.name or "" for w in settings.working_days}

    @property
    def has_holidays(self) -> bool:
        """Whether any source of public holidays is in force (a working-day count needs one)."""
        return self.public or bool(self.own_off)

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday, not a holiday; or a weekend day declared worked."""
        if day in self.own_on:
            return True
        if day in self.own_off:
            return False
        if self.public:
            year = _package_year(day.year, self.lang)
            if day in year.on:
                return True
            if day in year.off:
                return False
        return day.weekday() < 5

    def next_working_day(self, day: date) -> date:
        """`day` itself when it is a working day, else the first working day after it."""
        for _ in range(MAX_SEARCH_DAYS):
            if self.is_working_day(day):
                return day
            day += ONE_DAY
        return day  # ktcn.yaml declared a whole year off: keep the day rather than loop for ever

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (Điều 147: the count starts the next day)."""
        day = start
        for _ in range(count):
            day = self.next_working_day(day + ONE_DAY)
        return day

    def entries(self, year: int) -> list[DayEntry]:
        """What is in force in `year`, in date order: the package's days, then ktcn.yaml's over them."""
        found: dict[date, DayEntry] = {}
        if self.public:
            package = _package_year(year, self.lang)
            found.update((d, DayEntry(d, n, PACKAGE, False)) for d, n in package.off.items())
            found.update((d, DayEntry(d, n, PACKAGE, True)) for d, n in package.on.items())
        found.update((d, DayEntry(d, n, WORKSPACE, False)) for d, n in self.own_off.items() if d.year == year)
        found.update((d, DayEntry(d, n, WORKSPACE, True)) for d, n in self.own_on.items() if d.year == year)
        return [found[d] for d in sorted(found)]


@dataclass(frozen=True, slots=True)
class _PackageYear:
    """What the `holidays` package says of one year: days off and weekend days worked, each with its name."""

    off: dict[date, str]  # public holidays and swapped days off
    on: dict[date, str]  # weekend days worked in exchange


@lru_cache(maxsize=64)
def _package_year(year: int, lang: str) -> _PackageYear:
    import holidays  # lazily: only commands that count days need it

    language = "vi" if lang == "vi" else "en_US"
    found = holidays.country_holidays("VN", years=year, language=language)
    off = {day: name for day, name in sorted(found.items())}
    return _PackageYear(off, _swapped_workdays(year, lang))


def _swapped_workdays(year: int, lang: str) -> dict[date, str]:
    """The weekend days worked in exchange for a swapped day off, from the package's table of swaps.

    The package names the day off ("substituted from 04/05/2024") but offers no
    list of the days worked; its table of swaps holds both.  A version without
    that table gives none (ktcn.yaml's `working_days:` can list them).
    """
    try:
        from holidays.countries.vietnam import VietnamStaticHolidays
    except ImportError:
        return {}
    table = getattr(VietnamStaticHolidays, "special_public_holidays", {})
    worked: dict[date, str] = {}
    for table_year, swaps in table.items():
        rows = swaps if swaps and isinstance(swaps[0], tuple) else (swaps,)
        for row in rows:
            off_month, off_day, on_month, on_day = row[:4]
            on = date(row[4] if len(row) > 4 else table_year, on_month, on_day)
            if on.year == year:
                off = date(table_year, off_month, off_day)
                worked[on] = _worked_name(off, lang)
    return worked


def _worked_name(off: date, lang: str) -> str:
    from ktcn.labels import day_text, label

    return label("holidays.worked_for", lang, day=day_text(off, lang))


def calendar_of(settings: Settings, lang: str | None = None) -> WorkingCalendar:
    """The working-day calendar of a workspace."""
    return WorkingCalendar(settings, lang or settings.language)


class Deadlines:
    """How a workspace's deadlines are counted: its calendar, and whether a deadline on a day off moves on.

    Called with a written deadline, it gives the deadline in force: the next
    working day under `civil-code`, the day itself under `as-written`.
    """

    def __init__(self, settings: Settings) -> None:
        self.calendar = WorkingCalendar(settings)
        self.moves = settings.deadline_rule == CIVIL_CODE
        self._in_force = lru_cache(maxsize=4096)(self.calendar.next_working_day)

    def __call__(self, day: date) -> date:
        return self._in_force(day) if self.moves else day


@lru_cache(maxsize=16)
def deadline_shift(settings: Settings) -> Deadlines:
    """The deadlines of a workspace with these settings (see `Deadlines`)."""
    return Deadlines(settings)


def calendar_version(settings: Settings) -> str:
    """What the calendar's days come from, for cache keys: the installed `holidays` package when it is used.

    Its files' place and time stand for its version: an upgrade rewrites them, and reading them costs a
    stat where importing importlib.metadata for the version would cost tens of milliseconds.
    """
    if settings.public_holidays != "vn":
        return "no public holidays"
    import os
    from importlib.util import find_spec

    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return "holidays missing"
    return f"holidays {spec.origin} {os.stat(spec.origin).st_mtime_ns}"
