"""The parts a timing phrase is cut into ("quý IV/2024", "hằng năm", "từ", "đến", "thường xuyên"): the grammar's
words, each matched on the folded text by a rule that makes its part (`ktcn.importing.timing` combines them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ktcn.records.dateish import DateIsh, DateIshError, month_end, parse_dateish
from ktcn.records.diagnostics import Text

NOT_TIMING = Text("no deadline can be read from it (ktcn does not guess one)",
                  "không đọc được thời hạn (ktcn không đoán)")


# --- the parts of a phrase ---------------------------------------------------------------------

@dataclass(frozen=True)
class Part:
    """One recognised piece of a phrase."""

    kind: str  # point | list | range | yearpart | every | monthday | ongoing | from | until | and | dash
    points: tuple[DateIsh, ...] = ()
    yearparts: tuple[YearPart, ...] = ()
    every: tuple[int, str] = (0, "")
    day: int = 0


@dataclass(frozen=True)
class YearPart:
    """A time of year without the year: "tháng 12", "quý IV", "trước ngày 30/11", "6 tháng đầu năm"."""

    precision: str  # day | month | quarter | half
    month: int  # the first month of the span (the month itself for a day)
    day: int = 0

    @property
    def end(self) -> tuple[int, int]:
        """The span's last month and day (a deadline within it)."""
        if self.precision == "day":
            return self.month, self.day
        last = self.month + {"month": 0, "quarter": 2, "half": 5}[self.precision]
        return last, month_end(2001, last).day  # 2001: no 29 February in a yearly deadline

    def of(self, year: int) -> DateIsh:
        """This time of the given year."""
        texts = {"day": f"{year}-{self.month:02d}-{self.day:02d}", "month": f"{year}-{self.month:02d}",
                 "quarter": f"{year}-Q{(self.month + 2) // 3}", "half": f"{year}-H{(self.month + 5) // 6}"}
        return parse_dateish(texts[self.precision])


class Unreadable(Exception):
    """The phrase holds something outside the grammar; `problem` says what."""

    def __init__(self, problem: Text) -> None:
        super().__init__(problem.en)
        self.problem = problem


YEAR = r"(?:19|20)\d{2}"
QUARTER = r"(?:iv|iii|ii|i|[1-4])(?![a-z])"
MONTH = r"(?:1[0-2]|0?[1-9])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
END = r"(?![a-z0-9])"
MONTH_YEAR_SEP = r"\s*(?:[/.-]|nam)\s*"
NUMBERS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6}
UNITS = {"nam": "y", "quy": "q", "thang": "m", "tuan": "w"}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Words that say what is done or frame the time, but add nothing to it ("Thực hiện thường xuyên").
FILLERS = (
    "thuc hien", "trien khai", "to chuc", "bao cao", "hoan thanh", "ban hanh", "danh gia", "so ket", "tong ket",
    "trinh", "gui", "ky ket", "xay dung", "thoi gian", "thoi han", "du kien", "cham nhat", "trong", "vao", "dip",
    "cuoi nam", "tro di", "bat dau", "ke", "dinh ky", "ca", r"khoa [ivxlc]+",
)


def _quarter(text: str) -> int:
    return ROMAN.get(text) or int(text)


def _number(text: str) -> int:
    return NUMBERS[text] if text in NUMBERS else int(text)


def _dateish(text: str) -> DateIsh:
    try:
        return parse_dateish(text)
    except DateIshError as error:
        raise Unreadable(Text(f"'{text}': {error.problem}", f"'{text}': ngày không có thật")) from None


def _day(d: str, m: str, y: str) -> DateIsh:
    return _dateish(f"{y}-{int(m):02d}-{int(d):02d}")


def _month(m: str, y: str) -> DateIsh:
    return _dateish(f"{y}-{int(m):02d}")


def _quarter_of(q: str, y: str) -> DateIsh:
    return _dateish(f"{y}-Q{_quarter(q)}")


def _half(which: str) -> YearPart:
    return YearPart("half", 1 if which == "dau" else 7)


def _split(items: str, pattern: str) -> list[str]:
    return re.findall(pattern, items)


Builder = Callable[[re.Match[str]], Part | None]
RULES: list[tuple[re.Pattern[str], Builder]] = []


def rule(pattern: str, word: bool = True) -> Callable[[Builder], Builder]:
    """Register a part of the grammar; earlier rules are tried first (the longer forms come first).

    A `word` part must end where a word ends: "quý i" is not the start of "quý in".
    """
    def register(build: Builder) -> Builder:
        RULES.append((re.compile(pattern + (END if word else "")), build))
        return build
    return register


@rule(r"(?P<y>" + YEAR + r")-(?P<m>\d{2})-(?P<d>\d{2})")
def _iso_day(m: re.Match[str]) -> Part:
    return Part("point", (_day(m["d"], m["m"], m["y"]),))


@rule(r"(?:truoc\s+)?(?:ngay\s+)?(?P<d>" + DAY + r")\s*(?P<s>[/.-])\s*(?P<m>" + MONTH + r")\s*(?P=s)\s*(?P<y>"
      + YEAR + ")")
def _numeric_day(m: re.Match[str]) -> Part:
    return Part("point", (_day(m["d"], m["m"], m["y"]),))


@rule(r"(?:truoc\s+)?ngay\s+(?P<d>" + DAY + r")\s+thang\s+(?P<m>" + MONTH + r")(?:\s*(?:nam|[/.-])\s*(?P<y>"
      + YEAR + "))?")
def _worded_day(m: re.Match[str]) -> Part:
    if m["y"]:
        return Part("point", (_day(m["d"], m["m"], m["y"]),))
    return _year_day(m["d"], m["m"])


@rule(r"(?:truoc\s+)?(?:ngay\s+)?(?P<d>" + DAY + r")\s*/\s*(?P<m>" + MONTH + r")(?![\d/])")
def _numeric_day_of_year(m: re.Match[str]) -> Part:
    return _year_day(m["d"], m["m"])


def _year_day(d: str, m: str) -> Part:
    month, day = int(m), int(d)
    if day > month_end(2000, month).day:
        raise Unreadable(Text(f"there is no day {day}/{month}", f"không có ngày {day}/{month}"))
    return Part("yearpart", yearparts=(YearPart("day", month, day),))


@rule(r"(?:truoc\s+)?ngay\s+(?P<d>" + DAY + r")(?=\s+(?:hang|moi)\s+thang)")
def _day_of_month(m: re.Match[str]) -> Part:
    return Part("monthday", day=int(m["d"]))


def _listed(points: tuple[DateIsh, ...], written: str) -> Part:
    """Quarters or months named together: two joined by "-" are a range ("quý I - II"), otherwise a list."""
    if "-" in written and len(points) == 2:
        return Part("range", points)
    return Part("list", points)


@rule(r"(?:quy|q)\s*(?P<qs>" + QUARTER + r"(?:\s*(?:,|;|va|-)\s*(?:quy\s*)?" + QUARTER + r")+)" + MONTH_YEAR_SEP
      + r"(?P<y>" + YEAR + ")")
def _quarters(m: re.Match[str]) -> Part:
    return _listed(tuple(_quarter_of(q, m["y"]) for q in _split(m["qs"], QUARTER)), m["qs"])


@rule(r"(?:quy|q)\s*(?P<q>" + QUARTER + ")" + MONTH_YEAR_SEP + r"(?P<y>" + YEAR + ")")
def _quarter_year(m: re.Match[str]) -> Part:
    return Part("point", (_quarter_of(m["q"], m["y"]),))


@rule(r"quy\s*(?P<q>" + QUARTER + ")")
def _quarter_of_year(m: re.Match[str]) -> Part:
    return Part("yearpart", yearparts=(YearPart("quarter", 3 * _quarter(m["q"]) - 2),))


@rule(r"(?:6|sau)\s+thang\s+(?P<h>dau|cuoi)\s+nam(?:\s+(?P<y>" + YEAR + "))?")
def _half_year(m: re.Match[str]) -> Part:
    part = _half(m["h"])
    return Part("point", (part.of(int(m["y"])),)) if m["y"] else Part("yearpart", yearparts=(part,))


@rule(r"(?:thang|t)\s*(?P<ms>" + MONTH + r"(?:\s*(?:,|;|va|-)\s*(?:thang\s*)?" + MONTH + r")+)" + MONTH_YEAR_SEP
      + r"(?P<y>" + YEAR + ")")
def _months(m: re.Match[str]) -> Part:
    return _listed(tuple(_month(month, m["y"]) for month in _split(m["ms"], MONTH)), m["ms"])


@rule(r"(?:thang|t)\s*(?P<m>" + MONTH + ")" + MONTH_YEAR_SEP + r"(?P<y>" + YEAR + ")")
def _month_year(m: re.Match[str]) -> Part:
    return Part("point", (_month(m["m"], m["y"]),))


@rule(r"(?P<m>" + MONTH + r")\s*/\s*(?P<y>" + YEAR + ")")
def _numeric_month(m: re.Match[str]) -> Part:
    return Part("point", (_month(m["m"], m["y"]),))


@rule(r"thang\s+(?P<ms>" + MONTH + r"(?:\s*(?:,|;|va)\s*(?:thang\s*)?" + MONTH + r")*)")
def _months_of_year(m: re.Match[str]) -> Part:
    return Part("yearpart", yearparts=tuple(YearPart("month", int(month)) for month in _split(m["ms"], MONTH)))


@rule(r"(?:(?:giai doan|nhiem ky|thoi ky|nam|tu nam|tu)\s+)?(?P<a>" + YEAR + r")\s*(?:-|den(?:\s+het)?(?:\s+nam)?"
      r"|toi(?:\s+nam)?)\s*(?P<b>" + YEAR + ")")
def _years_range(m: re.Match[str]) -> Part:
    return Part("range", (_dateish(m["a"]), _dateish(m["b"])))


@rule(r"(?:nam\s+)?(?P<ys>" + YEAR + r"(?:\s*(?:,|;|va)\s*(?:nam\s+)?" + YEAR + r")+)")
def _years(m: re.Match[str]) -> Part:
    return Part("list", tuple(_dateish(y) for y in re.findall(YEAR, m["ys"])))


@rule(r"(?:(?:trong\s+)?nam\s+)?(?P<y>" + YEAR + ")")
def _year(m: re.Match[str]) -> Part:
    return Part("point", (_dateish(m["y"]),))


@rule(r"(?:dinh ky\s+)?(?:hang|moi)\s+(?P<u>nam|quy|thang|tuan)(?:[\s(]+(?:1|mot)\s+(?:lan|so|ky)\)?)?")
def _each(m: re.Match[str]) -> Part:
    return Part("every", every=(1, UNITS[m["u"]]))


@rule(r"(?:dinh ky\s+|moi\s+)?(?P<n>\d{1,2}|mot|hai|ba|bon|sau)\s+(?P<u>nam|quy|thang|tuan)\s*(?:mot lan|1 lan"
      r"|/\s*(?:1\s*)?lan)")
def _every_n(m: re.Match[str]) -> Part:
    return Part("every", every=(_number(m["n"]), UNITS[m["u"]]))


@rule(r"(?:dinh ky|moi)\s+(?P<n>\d{1,2})\s+(?P<u>nam|quy|thang|tuan)")
def _periodic(m: re.Match[str]) -> Part:
    return Part("every", every=(int(m["n"]), UNITS[m["u"]]))


@rule(r"(?:thuong xuyen|lien tuc)")
def _ongoing(m: re.Match[str]) -> Part:
    return Part("ongoing")


@rule(r"(?:(?:cac|nhung)\s+nam\s+(?:tiep theo|sau|ke tiep)|tro ve sau)")
def _onward(m: re.Match[str]) -> Part:
    return Part("onward")  # "Năm 2025 và các năm tiếp theo": from then on


@rule(r"(?:ke\s+)?tu(?:\s+nam)?")
def _from(m: re.Match[str]) -> Part:
    return Part("from")


@rule(r"den(?:\s+het)?(?:\s+nam)?")
def _until(m: re.Match[str]) -> Part:
    return Part("until")


@rule(r"(?:va(?![a-z0-9])|,|;)", word=False)
def _and(m: re.Match[str]) -> Part:
    return Part("and")


@rule(r"-", word=False)
def _dash(m: re.Match[str]) -> Part:
    return Part("dash")


@rule("(?:" + "|".join(FILLERS) + ")")
def _filler(m: re.Match[str]) -> None:
    return None


SKIPPED = re.compile(r"[\s()\[\]:.…*+\"'“”]+")


def parts_of(folded: str) -> Iterator[Part]:
    """The parts of a folded phrase, left to right; raise Unreadable at a word outside the grammar."""
    position = 0
    while position < len(folded):
        skipped = SKIPPED.match(folded, position)
        if skipped:
            position = skipped.end()
            continue
        for pattern, build in RULES:
            found = pattern.match(folded, position)
            if found:
                part = build(found)
                if part is not None:
                    yield part
                position = found.end()
                break
        else:
            raise Unreadable(NOT_TIMING)
