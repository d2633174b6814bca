"""`ktcn holidays`: the days off and days worked in force in a year, and where each came from.

The calendar itself is `ktcn.engine.working_days`; this module only says it, as a
table for people and as JSON for programs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ktcn.engine.working_days import PACKAGE, DayEntry, WorkingCalendar
from ktcn.labels import day_text, label, weekday_text
from ktcn.records.model import Settings
from ktcn.views.styled import styled
from ktcn.views.tabular import Column, Table, to_rich


def holidays_json(calendar: WorkingCalendar, settings: Settings, year: int) -> dict[str, Any]:
    """The year's entries with stable keys and ISO dates; `source` is "package" or "ktcn.yaml"."""
    return {"year": year, "deadline_rule": settings.deadline_rule, "public_holidays": settings.public_holidays,
            "package_version": package_version() if calendar.public else None,
            "days": [{"date": e.day.isoformat(), "weekday": e.day.isoweekday(), "working": e.working,
                      "name": e.name, "source": e.source, "line": _line(e, settings)}
                     for e in calendar.entries(year)]}


def render_holidays(calendar: WorkingCalendar, settings: Settings, year: int, lang: str) -> Iterator[Any]:
    """The year's days off and days worked, one row each, then which deadline rule is in force."""
    yield styled(label("holidays.title", lang, year=year), "bold")
    if not calendar.public:
        yield styled(label("holidays.none", lang), "dim")
    version = package_version() if calendar.public else ""
    rows = [(day_text(e.day, lang), weekday_text(e.day, lang, long=True),
             label("holidays.kind.worked" if e.working else "holidays.kind.off", lang), e.name,
             _source_words(e, settings, version, lang)) for e in calendar.entries(year)]
    columns = (Column("day", "holidays.col.day"), Column("weekday", "holidays.col.weekday"),
               Column("kind", "holidays.col.kind"), Column("name", "holidays.col.name", ratio=1, min_width=16),
               Column("source", "holidays.col.source", ratio=1, min_width=12))
    yield to_rich(Table(columns, rows), lang)
    yield styled(label(f"holidays.rule.{settings.deadline_rule}", lang), "dim")


def _source_words(entry: DayEntry, settings: Settings, version: str, lang: str) -> str:
    if entry.source == PACKAGE:
        return label("holidays.source.package", lang, version=version)
    return label("holidays.source.workspace", lang, line=_line(entry, settings) or "?")


def _line(entry: DayEntry, settings: Settings) -> int | None:
    """The line of ktcn.yaml that lists the day, for a day the workspace declared."""
    if entry.source == PACKAGE:
        return None
    notes = settings.working_days if entry.working else settings.holidays
    return next((n.span.line for n in notes if n.day == entry.day and n.span), None)


def package_version() -> str:
    """The installed `holidays` package's version: its calendar changes with each release."""
    from importlib.metadata import version

    return version("holidays")
