"""Tables for the terminal: the body rows ktcn writes itself read exactly as rich would lay them out."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from ktcn.labels import label
from ktcn.tabular import Column, Table, _extremes, _fit, _FittedTable, cell_text, to_rich

COLUMNS = (
    Column("programme", "col.programme", ratio=1, no_wrap=True),
    Column("total", "col.total", "right"),
    Column("overdue", "col.overdue", "right"),
    Column("lead", "col.lead", ratio=2),
    Column("title", "col.title", ratio=3, no_wrap=True),
)
ROWS = [
    ("1/KH-UBND\nkh-1", 12, 3, ["Sở Khoa học và Công nghệ", "Liên hiệp các Hội Khoa học và Kỹ thuật"],
     "Tổ chức Hội thi sáng tạo kỹ thuật lần thứ mười hai năm 2025 trên địa bàn thành phố"),
    ("kh-2", 0, 0, [], ""),
    ("ctr-958-2022", 1234, 5, ["Sở, ban, ngành thành phố, UBND xã, phường"], "Ngắn"),
    ("a-very-long-programme-identifier-that-cannot-fit", 7, 7, ["UBND"], "x " * 80),
]


def rendered(renderable, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, no_color=True, highlight=False, soft_wrap=False)
    console.print(renderable)
    return console.file.getvalue()


def rich_alone(table: Table, lang: str, width: int) -> str:
    """The same table laid out and rendered by rich from end to end."""
    fitted = _FittedTable(table, lang, None)
    headers = [label(c.header, lang) for c in table.columns]
    cells = [[str(cell_text(v, lang)) for v in row] for row in table.rows]
    return rendered(fitted._rich_table(headers, _fit(table.columns, headers, cells, width), cells), width)


@pytest.mark.parametrize("width", [120, 100, 80, 64])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_body_reads_as_rich_would_render_it(width, lang):
    table = Table(COLUMNS, ROWS, [None, "bold", "red", None])
    ours = rendered(to_rich(table, lang), width)
    assert ours == rich_alone(table, lang, width)
    assert "…" in ours and max(len(line) for line in ours.splitlines()) <= width


def test_two_rows_measure_a_column_as_all_of_them_do():
    cells = [["ab cd", "1"], ["abcdefgh", "22"], ["x y z w v u", ""]]
    assert _extremes(cells) == [["x y z w v u", "22"], ["abcdefgh", "22"]]
    assert _extremes([]) == []
