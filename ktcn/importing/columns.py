"""Which column is which: header cells recognised by their usual names, in any order, with or without diacritics.

A header may take two rows ("Cơ quan thực hiện" over "Chủ trì" and "Phối
hợp"); each column's name is then the two cells read together.  A row of
column numbers under the header ("(1) (2) (3)") is passed over.  `--columns`
names the columns instead (`title=2,lead=3`), for a table whose header says
something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ktcn.errors import UsageError
from ktcn.importing.timing import fold
from ktcn.labels import label

ROLES = ("number", "title", "lead", "support", "schedule", "product", "note")  # and "start", from a split header
# What each role is called on the command line, in English and in Vietnamese without diacritics.
ROLE_NAMES = {
    "number": "number", "tt": "number", "stt": "number",
    "title": "title", "noi-dung": "title", "nhiem-vu": "title",
    "lead": "lead", "chu-tri": "lead",
    "support": "support", "phoi-hop": "support",
    "schedule": "schedule", "thoi-gian": "schedule", "thoi-han": "schedule", "tien-do": "schedule",
    "product": "product", "san-pham": "product", "ket-qua": "product",
    "note": "note", "ghi-chu": "note",
}
# (role, pattern on the folded header), tried in order: "Cơ quan phối hợp" is support before it is an agency.
_NAMES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((role, re.compile(pattern)) for role, pattern in (
    ("number", r"^(?:s\.?\s?tt|tt|so tt|so thu tu|thu tu|#|no\.?)$"),
    ("note", r"ghi chu"),
    ("support", r"phoi hop"),
    ("lead", r"chu tri|chiu trach nhiem|chu dong"),
    ("schedule", r"thoi gian|thoi han|tien do|thoi diem|moc"),
    ("product", r"san pham|ket qua|hinh thuc"),
    ("title", r"noi dung|nhiem vu|cong viec|giai phap|hoat dong|^ten\b|de an|du an"),
    ("lead", r"co quan|don vi|thuc hien|trach nhiem"),
))
HEADER_SEARCH = 20  # rows above the header: a title, "PHỤ LỤC", "(Kèm theo Kế hoạch số ...)"
COLUMN_NUMBER = re.compile(r"^\(?(?:\d{1,2}|[a-z])\)?$")


def classify(text: str) -> str | None:
    """The role a header cell names, or None."""
    folded = fold(text)
    if not folded or len(folded) > 80:
        return None
    return next((role for role, pattern in _NAMES if pattern.search(folded)), None)


@dataclass(frozen=True)
class Layout:
    """Where the roles are (0-based columns), what each column is called, and where the rows of tasks start."""

    columns: dict[str, int]
    names: tuple[str, ...]  # each column's header text, as the summary quotes it
    header_row: int  # the first header row; the rows above it are lines of the document (-1: none)
    first_row: int  # the first row after the header

    def cell(self, row: list[str], role: str) -> str:
        index = self.columns.get(role)
        return row[index] if index is not None and index < len(row) else ""

    def name(self, role: str) -> str:
        index = self.columns.get(role)
        return self.names[index] if index is not None and index < len(self.names) else role


def find_layout(rows: list[list[str]], given: dict[str, int] | None = None) -> Layout | None:
    """The header of a task table: a row naming a title column and a lead or timing column (None: no such row).

    `given` (from --columns) overrides what the header says, role by role.
    """
    for index, row in enumerate(rows[:HEADER_SEARCH]):
        roles = _roles(row)
        if _is_header(roles) or (given and len(set(roles.values())) >= 2):
            return _layout(rows, index, given)
    if given:  # no header at all: the tasks start at the first row that has a title
        title = given.get("title", 1)
        start = next((i for i, row in enumerate(rows) if title < len(row) and row[title].strip()), 0)
        width = max((len(row) for row in rows), default=0)
        return Layout(dict(given), tuple(f"#{i + 1}" for i in range(width)), -1, start)
    return None


def _roles(row: list[str]) -> dict[int, str]:
    """Column -> role, for the cells of `row` that name one (first column wins a role)."""
    found: dict[int, str] = {}
    for column, text in enumerate(row):
        role = classify(text)
        if role and role not in found.values():
            found[column] = role
    return found


def _is_header(roles: dict[int, str]) -> bool:
    named = set(roles.values())
    return "title" in named and bool(named & {"lead", "schedule"})


def _layout(rows: list[list[str]], index: int, given: dict[str, int] | None) -> Layout:
    names = list(rows[index])
    first = index + 1
    split: dict[str, int] = {}
    if first < len(rows) and _is_subheader(rows[index], rows[first]):
        split = _time_split(rows[index], rows[first])
        names = [_joined(top, below) for top, below in zip(names, rows[first], strict=False)]
        first += 1
    if first < len(rows) and is_column_numbers(rows[first]):
        first += 1
    columns = {role: column for column, role in _roles(names).items() if column not in split.values()}
    if split:  # "Thời gian" over "Bắt đầu" and "Hoàn thành": the deadline is the completion
        columns |= {"schedule": split["end"]} if "end" in split else {"schedule": split["start"]}
        columns |= {"start": split["start"]} if "start" in split and "end" in split else {}
    if given:
        columns = {role: column for role, column in columns.items()
                   if role not in given and column not in given.values()} | given
    return Layout(columns, tuple(" ".join(n.split()) for n in names), index, first)


def _joined(top: str, below: str) -> str:
    return top if not below or below == top else f"{top} {below}".strip()


def _is_subheader(header: list[str], row: list[str]) -> bool:
    """The second row of a two-row header: its new cells are short and each names a role, or a time's end."""
    new = [(top, below) for top, below in zip(header, row, strict=False) if below.strip() and below != top]
    distinct = len({below for _, below in new}) == len(new)  # a section row merged across repeats one text
    return bool(new) and distinct and all(len(below) <= 40 and (classify(below) or _time_end(top, below))
                                          for top, below in new)


_START = re.compile(r"^(?:bat dau|khoi cong|tu ngay|tu)$")
_END = re.compile(r"^(?:ket thuc|hoan thanh|den ngay|den|thoi han)$")


def _time_end(top: str, below: str) -> str | None:
    """"start" or "end" for a time column's sub-column ("Thời gian" over "Bắt đầu" / "Hoàn thành")."""
    if classify(top) != "schedule":
        return None
    folded = fold(below)
    return "start" if _START.match(folded) else "end" if _END.match(folded) else None


def _time_split(header: list[str], row: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for column, (top, below) in enumerate(zip(header, row, strict=False)):
        which = _time_end(top, below)
        if which and which not in found:
            found[which] = column
    return found


def is_column_numbers(row: list[str]) -> bool:
    """A row of column numbers under a header: "(1) (2) (3) ..." or "1 2 3 ..."."""
    cells = [text.strip().lower() for text in row if text.strip()]
    return len(cells) >= 3 and len(set(cells)) == len(cells) and all(COLUMN_NUMBER.match(c) for c in cells)


def parse_columns(text: str, lang: str = "en") -> dict[str, int]:
    """`--columns title=2,lead=C,...` as role -> 0-based column; a UsageError says what is wrong."""
    found: dict[str, int] = {}
    for item in filter(None, (piece.strip() for piece in text.split(","))):
        name, _, where = item.partition("=")
        role = ROLE_NAMES.get(fold(name).replace(" ", "-"))
        if role is None:
            raise UsageError(label("import.bad_columns_role", lang, name=name, roles=", ".join(ROLES)))
        index = _column_index(where.strip())
        if index is None:
            raise UsageError(label("import.bad_columns_where", lang, item=item))
        found[role] = index
    if "title" not in found:
        raise UsageError(label("import.bad_columns_title", lang))
    return found


def _column_index(where: str) -> int | None:
    """1-based number or spreadsheet letters (A, B, ..., AA) as a 0-based index; None for anything else."""
    if where.isascii() and where.isdigit() and int(where) >= 1:
        return int(where) - 1
    if where.isascii() and where.isalpha():
        index = 0
        for letter in where.upper():
            index = index * 26 + ord(letter) - ord("A") + 1
        return index - 1
    return None
