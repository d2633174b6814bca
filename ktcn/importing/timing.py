"""Timing phrases of plan tables ("Quý IV/2024", "Hằng năm", "Trước ngày 30/6/2025") read into schedules.

The grammar, with every phrase it reads and what it gives, is docs/import.md.
In short: a phrase is cut into parts (a point in time such as "quý IV/2024", a
list or a range of them, "từ" and "đến" bounds, a recurrence such as "hằng
năm" or "6 tháng một lần", a time of year without a year such as "tháng 12" or
"trước ngày 30/11", "thường xuyên"), around a few words that carry no time
("thực hiện", "trong", "dự kiến"...).  The parts then combine by a handful of
rules into one schedule of the record format.  A word outside the grammar, or
parts that do not combine, and the phrase is not read: ktcn never guesses a
deadline ("Theo kế hoạch", "Khi có yêu cầu").

Matching ignores case, diacritics ("Hàng năm" = "Hằng năm" = "hang nam"),
spacing and the kind of dash.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ktcn.importing.phrase_parts import NOT_TIMING, YEAR, Part, Unreadable, YearPart, _dateish, parts_of
from ktcn.records.dateish import DateIsh, month_end
from ktcn.records.diagnostics import Text

Schedule = dict[str, Any]  # the record format's mapping, keys in the order a person writes them


@dataclass(frozen=True)
class Reading:
    """What a timing cell gave: a schedule, or the reason none could be read."""

    schedule: Schedule | None
    problem: Text | None = None


NO_YEAR = Text("it names no year, and neither does the table's section or the document",
               "không nêu năm, mục của bảng và văn bản cũng không")
DO_NOT_COMBINE = Text("its parts do not make one schedule", "các phần của nó không tạo thành một lịch thực hiện")
IRREGULAR = Text("the dates it lists do not recur regularly", "các mốc nêu ra không lặp lại đều đặn")
EMPTY = Text("the cell is empty", "ô trống")


@lru_cache(maxsize=16384)  # cells repeat: agency names, phrases, header cells
def fold(text: str) -> str:
    """Lower case, no diacritics (đ → d), one kind of dash, single spaces: how phrases are matched."""
    text = unicodedata.normalize("NFC", text).lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.split())


# --- from parts to a schedule ---------------------------------------------------------------------

@dataclass
class Parts:
    """A phrase's parts, sorted by kind once the marks between them have done their work."""

    points: list[DateIsh] = field(default_factory=list)
    lists: list[tuple[DateIsh, ...]] = field(default_factory=list)
    ranges: list[tuple[DateIsh, DateIsh]] = field(default_factory=list)
    yearparts: list[YearPart] = field(default_factory=list)
    every: list[tuple[int, str]] = field(default_factory=list)
    monthdays: list[int] = field(default_factory=list)
    starts: list[DateIsh] = field(default_factory=list)
    ends: list[DateIsh] = field(default_factory=list)
    ongoing: bool = False
    onward: bool = False  # "... và các năm tiếp theo"


def gather(parts: list[Part]) -> Parts:
    """Sort the parts: "từ"/"đến" take the point after them, "A - B" is a range, "A, B" and "A và B" a list."""
    found = Parts()
    pending: list[DateIsh] = []  # points joined by "," or "và", waiting to see whether a list follows
    bound = None  # "from" or "until", waiting for its point
    dashed = False
    previous = ""
    for part in parts:
        if part.kind == "point" and bound:
            (found.starts if bound == "from" else found.ends).append(part.points[0])
            bound = None
        elif part.kind == "point" and dashed and pending:
            found.ranges.append((pending.pop(), part.points[0]))
            dashed = False
        elif part.kind == "point":
            if pending and previous != "and":  # "Quý IV/2024 quý I/2025": two times, neither a list nor a range
                raise Unreadable(DO_NOT_COMBINE)
            pending.append(part.points[0])
        elif part.kind in ("from", "until"):
            bound = part.kind
        elif part.kind == "dash":
            dashed = True
        elif part.kind == "range" and bound == "from":  # "từ 2024 - 2025" is the range itself
            found.ranges.append((part.points[0], part.points[1]))
            bound = None
        elif part.kind != "and":
            _sort(found, part)
        if part.kind not in ("point", "and", "dash"):
            dashed = False
        previous = part.kind
    if bound:
        raise Unreadable(DO_NOT_COMBINE)
    if len(pending) > 1 and len({p.precision for p in pending}) == 1:
        found.lists.append(tuple(pending))
    else:
        found.points.extend(pending)
    return found


def _sort(found: Parts, part: Part) -> None:
    if part.kind == "list":
        found.lists.append(part.points)
    elif part.kind == "range":
        found.ranges.append((part.points[0], part.points[1]))
    elif part.kind == "yearpart":
        found.yearparts.extend(part.yearparts)
    elif part.kind == "every":
        found.every.append(part.every)
    elif part.kind == "monthday":
        found.monthdays.append(part.day)
    elif part.kind == "ongoing":
        found.ongoing = True
    elif part.kind == "onward":
        found.onward = True


def combine(found: Parts, year: int | None) -> Schedule:
    """The one schedule the parts make; raise Unreadable when they make none or more than one."""
    if found.onward:  # the time named is where the work starts
        if len(found.points) == 1 and not found.starts:
            found.starts, found.points = found.points, []
        if len(found.starts) != 1 or found.points or found.ranges:
            raise Unreadable(DO_NOT_COMBINE)
        if not found.every:
            found.ongoing = True
    _date_the_year_parts(found)
    if found.ongoing:
        return _ongoing_schedule(found)
    if found.every:
        return _recurring(found)
    if year is not None and found.yearparts:  # "Quý IV" in a section "Năm 2025", or a plan for 2025
        found.points.extend(part.of(year) for part in found.yearparts)
        found.yearparts = []
    kinds = _kinds(found)
    if kinds == {"lists"} and len(found.lists) == 1:
        return listed(found.lists[0])
    if kinds == {"points"} and len(found.points) == 1:
        return {"due": found.points[0].text}
    if kinds == {"ends"} and len(found.ends) == 1:  # "Đến năm 2025": the deadline
        return {"due": found.ends[0].text}
    if kinds <= {"ranges", "starts", "ends"} and kinds:
        return _span(found, "ongoing", True)
    if kinds == {"yearparts"} and all(p.precision == "half" for p in found.yearparts):
        return _yearly(found.yearparts)  # "6 tháng đầu năm" with no year: in every year
    if kinds == {"yearparts"}:
        raise Unreadable(NO_YEAR)
    raise Unreadable(NOT_TIMING if not kinds else DO_NOT_COMBINE)


def _date_the_year_parts(found: Parts) -> None:
    """"Năm 2025, quý IV": a time of year and the one year it is in make one time."""
    if len(found.points) == 1 and found.points[0].precision == "year" and len(found.yearparts) == 1 \
            and not found.every:
        found.points = [found.yearparts[0].of(found.points[0].start.year)]
        found.yearparts = []


def _kinds(found: Parts) -> set[str]:
    names = ("points", "lists", "ranges", "yearparts", "every", "monthdays", "starts", "ends")
    return {name for name in names if getattr(found, name)}


def _span(found: Parts, form: str, value: Any) -> Schedule:
    """`form` bounded by the phrase's range, "từ" and "đến" (one of each at most)."""
    if len(found.ranges) + len(found.starts) > 1 or len(found.ranges) + len(found.ends) > 1:
        raise Unreadable(DO_NOT_COMBINE)
    start = found.ranges[0][0] if found.ranges else (found.starts or [None])[0]
    end = found.ranges[0][1] if found.ranges else (found.ends or [None])[0]
    if start and end and start.start > end.end:
        raise Unreadable(DO_NOT_COMBINE)
    schedule: Schedule = {form: value}
    if start:
        schedule["from"] = start.text
    if end:
        schedule["until"] = end.text
    return schedule


def _ongoing_schedule(found: Parts) -> Schedule:
    """"Thường xuyên" is ongoing work even beside "hằng năm" (docs/records-readings.md); a year bounds it."""
    if found.lists or found.yearparts or found.monthdays or len(found.points) > 1:
        raise Unreadable(DO_NOT_COMBINE)
    if found.points:  # "Thường xuyên trong năm 2025"
        found.ranges.append((found.points[0], found.points[0]))
    return _span(found, "ongoing", True)


def _recurring(found: Parts) -> Schedule:
    if len(found.every) > 1 or found.lists or len(found.points) > 1:
        raise Unreadable(DO_NOT_COMBINE)
    count, unit = found.every[0]
    if found.monthdays:
        return _monthly_on(found, count, unit)
    if found.yearparts:
        if unit != "y" or count != 1:
            raise Unreadable(DO_NOT_COMBINE)
        return _bounded(_yearly(found.yearparts), found)
    schedule: Schedule = {"every": f"{count}{unit}"}
    if found.points:  # "Năm 2025 và định kỳ 2 năm một lần": the first deadline, then every N
        return _anchored(schedule, found.points[0], count, unit, found)
    return _bounded(schedule, found)


def _anchored(schedule: Schedule, first: DateIsh, count: int, unit: str, found: Parts) -> Schedule:
    if found.ranges or found.starts:
        raise Unreadable(DO_NOT_COMBINE)
    if unit == "y":
        end = (first.end.month, first.end.day)
        if count > 1 or end != (12, 31):  # the deadline in the first year of each window, when not its last day
            schedule["day"] = f"{end[0]:02d}-{end[1]:02d}"
        found.starts.append(_dateish(str(first.start.year)))
    else:
        found.starts.append(first)
    return _bounded(schedule, found)


def _bounded(schedule: Schedule, found: Parts) -> Schedule:
    form = next(iter(schedule))
    bounded = _span(found, form, schedule[form])
    return {form: schedule[form], **{k: v for k, v in schedule.items() if k != form}, **_bounds(bounded)}


def _bounds(schedule: Schedule) -> Schedule:
    return {k: schedule[k] for k in ("from", "until") if k in schedule}


def _monthly_on(found: Parts, count: int, unit: str) -> Schedule:
    """"Trước ngày 15 hằng tháng": a deadline on that day of every month."""
    if unit != "m" or count != 1 or len(found.monthdays) > 1 or found.yearparts or found.points:
        raise Unreadable(DO_NOT_COMBINE)
    return _bounded({"rrule": f"FREQ=MONTHLY;BYMONTHDAY={found.monthdays[0]}"}, found)


def _yearly(parts: list[YearPart]) -> Schedule:
    """Every year at the time(s) of year named: one with `day`, several as an RRULE."""
    ends = sorted({part.end for part in parts})
    if len(ends) == 1:
        month, day = ends[0]
        return {"every": "1y", "day": f"{month:02d}-{day:02d}"}
    return {"rrule": _by_month(ends)}


def _by_month(ends: list[tuple[int, int]]) -> str:
    """A yearly RRULE for deadlines on these (month, day) pairs: month ends, or one day of each month."""
    months = ",".join(str(month) for month, _ in ends)
    if all(day == month_end(2001, month).day for month, day in ends):
        return f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY=-1"
    if len({day for _, day in ends}) == 1 and len({month for month, _ in ends}) == len(ends):
        return f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY={ends[0][1]}"
    raise Unreadable(IRREGULAR)


STEP_UNITS = {"year": (12, "y"), "half": (6, "m"), "quarter": (3, "q"), "month": (1, "m")}


def listed(points: tuple[DateIsh, ...]) -> Schedule:
    """"Năm 2024, 2025", "Quý III, IV/2025": a deadline in each period listed.

    Evenly spaced years are `every: Ny` (with `day` for N > 1, so that each
    deadline falls in the year listed); consecutive quarters, halves or months
    are `every: 1q|6m|1m`; other lists of months are a yearly RRULE, when its
    dates between the first and the last are exactly those listed.
    """
    points = tuple(sorted(set(points), key=lambda p: p.start))
    if len(points) == 1:
        return {"due": points[0].text}
    precision = points[0].precision
    first, last = points[0], points[-1]
    if precision == "year":
        return _every_few_years(points)
    if precision in STEP_UNITS:
        months, unit = STEP_UNITS[precision]
        steps = {_month_index(b.start) - _month_index(a.start) for a, b in pairwise(points)}
        if steps == {months}:
            every = f"{6 if precision == 'half' else 1}{unit}"
            return {"every": every, "from": first.text, "until": last.text}
    ends = [(p.end.month, p.end.day) for p in points]
    rule_text = _by_month(sorted(set(ends)))
    if _yearly_dates(ends, first.start, last.end) != [p.end for p in points]:
        raise Unreadable(IRREGULAR)
    return {"rrule": rule_text, "from": first.text, "until": last.text}


def _every_few_years(points: tuple[DateIsh, ...]) -> Schedule:
    years = [p.start.year for p in points]
    steps = {b - a for a, b in pairwise(years)}
    if len(steps) != 1:
        raise Unreadable(IRREGULAR)
    step = steps.pop()
    schedule: Schedule = {"every": f"{step}y"}
    if step > 1:
        schedule["day"] = "12-31"
    return {**schedule, "from": points[0].text, "until": points[-1].text}


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _yearly_dates(ends: list[tuple[int, int]], start: date, end: date) -> list[date]:
    """The dates on the (month, day) pairs between start and end, in order."""
    pairs = sorted(set(ends))
    found = [date(year, month, min(day, month_end(year, month).day))
             for year in range(start.year, end.year + 1) for month, day in pairs]
    return [d for d in found if start <= d <= end]


def read_timing(text: str, year: int | None = None) -> Reading:
    """Read a timing cell; `year` is the year of the section or document, for phrases that name none."""
    found = _read(fold(text), year)
    return Reading(dict(found.schedule), None) if found.schedule is not None else found  # a copy: callers own it


@lru_cache(maxsize=4096)  # a table repeats a few phrases hundreds of times
def _read(folded: str, year: int | None) -> Reading:
    if not folded:
        return Reading(None, EMPTY)
    counted = _counted(folded)
    if counted is not None:
        return counted
    try:
        return Reading(combine(gather(list(parts_of(folded))), year))
    except Unreadable as error:
        return Reading(None, error.problem)


# "trong thời hạn 15 ngày làm việc kể từ ngày Kế hoạch được ban hành", "sau 30 ngày kể từ ngày 10/3/2025":
# a deadline counted from a day (docs/working-days.md).  Counted from an event the table cannot date ("nhận được
# văn bản", "kết thúc kỳ báo cáo" with no period): not read, as any other phrase ktcn cannot date.
COUNTED = re.compile(r"(?:(?:trong\s+)?(?:thoi han|vong)\s+|sau\s+|cham nhat\s+)?(?P<n>\d{1,3})\s+"
                     r"(?P<u>ngay lam viec|ngay|tuan|thang|nam)\s+(?:ke\s+)?(?:tu|sau)\s+(?:khi\s+|ngay\s+)?"
                     r"(?P<event>.+?)\.?$")
COUNTED_UNITS = {"ngay lam viec": "wd", "ngay": "d", "tuan": "w", "thang": "m", "nam": "y"}
ISSUED = re.compile(r"^(?:(?:ke hoach|van ban|quyet dinh|chuong trinh|cong van|thong bao|chi thi|nghi quyet)"
                    r"(?:\s+nay)?\s+(?:duoc\s+)?)?ban hanh(?:\s+(?:ke hoach|van ban|quyet dinh|chuong trinh)"
                    r"(?:\s+nay)?)?$")
NUMERIC_DATE = re.compile(r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})$")


def _counted(folded: str) -> Reading | None:
    """A counted deadline, or None when the phrase is not one (the rest of the grammar reads it)."""
    match = COUNTED.fullmatch(folded)
    if match is None:
        return None
    within = f"{int(match['n'])}{COUNTED_UNITS[match['u']]}"
    event = match["event"].strip()
    if ISSUED.match(event):
        return Reading({"within": within, "after": "issued"})
    day = NUMERIC_DATE.match(event)
    if day:
        try:
            return Reading({"within": within, "after": date(int(day["y"]), int(day["m"]), int(day["d"])).isoformat()})
        except ValueError:
            return Reading(None, NOT_TIMING)
    return Reading(None, NOT_TIMING)


YEAR_IN_TEXT = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/.-])")
_CITED = re.compile(r"ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}|\S*\d\S*/\S*[a-z]\S*")


def year_of(text: str) -> int | None:
    """The one year a heading or title is about ("NHIỆM VỤ NĂM 2025"); None when it names none, or a range.

    Dates and document numbers it cites ("Nghị quyết ... ngày 24 tháng 11 năm
    2023", "107/NQ-CP") do not count.
    """
    folded = _CITED.sub(" ", fold(text))
    if re.search(YEAR + r"\s*(?:-|den)\s*" + YEAR, folded):
        return None
    years = {int(y) for y in YEAR_IN_TEXT.findall(folded)}
    return years.pop() if len(years) == 1 else None
