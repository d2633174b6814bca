"""One intermediate table, rendered as a rich table for people or as CSV for spreadsheets.

Cells hold raw values (dates, numbers, lists); each renderer formats them its
own way: CSV keeps ISO dates and stable column keys, the terminal uses the
chosen language's labels and date style.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ktcn.labels import day_text, label


@dataclass(frozen=True)
class Column:
    key: str  # CSV header, stable
    header: str  # label key (ktcn.labels) for the terminal
    justify: str = "left"
    max_width: int | None = None
    ratio: int | None = None  # share of the spare width, for long text columns
    no_wrap: bool = False  # one line, cut with an ellipsis (titles); ids and numbers never wrap


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: Sequence[tuple[Any, ...]]
    styles: Sequence[str | None] = field(default=())  # one rich style per row, or none


def to_csv(table: Table) -> str:
    """CSV with the column keys as header; dates ISO, lists joined with '; '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.key for c in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(v) for v in row])
    return out.getvalue()


# A text cell starting with one of these is a formula to Excel or LibreOffice (CSV injection):
# `=HYPERLINK(...)` in a task title must stay text.  OWASP's advice: prefix such a cell with a quote.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def to_rich(table: Table, lang: str, title: str | None = None) -> Any:
    """A renderable that lays `table` out at the console's width, with labels in `lang`."""
    return _FittedTable(table, lang, title)


class _FittedTable:
    """Fixed columns take their natural width; text columns share the rest and are cut with an ellipsis.

    Built when rich renders it, because only then is the width known.  Rich
    lays the table out (column widths, the header and its rule), but the body
    rows are written here: rich renders each cell through several layers, which
    takes seconds for the two thousand rows of a national status table.  Each
    cell goes through rich's own wrapping only when it does not fit, so the
    output is the same as rich's.
    """

    def __init__(self, table: Table, lang: str, title: str | None) -> None:
        self.table, self.lang, self.title = table, lang, title

    def __rich_console__(self, console: Any, options: Any) -> Any:
        columns = self.table.columns
        headers = [label(c.header, self.lang) for c in columns]
        cells = [[str(cell_text(v, self.lang)) for v in row] for row in self.table.rows]
        fitted = _fit(columns, headers, cells, options.max_width)
        measured = self._rich_table(headers, fitted, _extremes(cells))
        # rich's own layout, through its private helpers; tests/test_tabular.py holds the output to rich's
        widths = measured._calculate_column_widths(
            console, options.update_width(options.max_width - measured._extra_width))
        inner = [w - (0 if i == len(widths) - 1 else 1) for i, w in enumerate(widths)]  # less right padding
        if min(inner, default=1) < 1:  # too narrow a terminal: rich squeezes columns away its own way
            yield self._rich_table(headers, fitted, cells)
            return
        yield self._rich_table(headers, inner, [])  # the title, the header and its rule
        yield from _body(console, self.table, cells, inner)

    def _rich_table(self, headers: list[str], widths: list[int | None], rows: list[list[str]]) -> Any:
        from rich import box
        from rich.table import Table as RichTable
        from rich.text import Text

        shown = RichTable(title=self.title, title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0),
                          pad_edge=False, show_edge=False, title_style="bold")
        for column, header, column_width in zip(self.table.columns, headers, widths, strict=True):
            shown.add_column(header, justify=column.justify, width=column_width, no_wrap=column.no_wrap,
                             overflow="ellipsis" if column.no_wrap else "fold")
        for row in rows:
            shown.add_row(*(Text(cell) for cell in row))  # Text: record text is never rich markup
        return shown


def _extremes(cells: list[list[str]]) -> list[list[str]]:
    """Two rows that rich measures as it would all of them: each column's widest line and its longest word."""
    from rich.cells import cell_len

    if not cells:
        return []
    columns = range(len(cells[0]))
    widest = [max((line for row in cells for line in row[i].split("\n")), key=cell_len) for i in columns]
    longest = [max((word for row in cells for word in row[i].split()), key=cell_len, default="") for i in columns]
    return [widest, longest]


def _body(console: Any, table: Table, cells: list[list[str]], widths: list[int]) -> Any:
    """The body rows as segments: one line of the table width per line of its tallest cell."""
    from rich.segment import Segment
    from rich.style import Style

    styles = list(table.styles) or [None] * len(cells)
    for row, style in zip(cells, styles, strict=True):
        blocks = [_cell_lines(console, text, column, width)
                  for text, column, width in zip(row, table.columns, widths, strict=True)]
        height = max(len(b) for b in blocks)
        line_style = console.get_style(style) if style else Style.null()
        for k in range(height):
            parts = [b[k] if k < len(b) else " " * w for b, w in zip(blocks, widths, strict=True)]
            yield Segment("  ".join(parts), line_style)
            yield Segment.line()


def _cell_lines(console: Any, text: str, column: Column, width: int) -> list[str]:
    """A cell's lines padded to `width`, as rich would lay them out."""
    from rich.cells import cell_len
    from rich.text import Text

    lines = text.split("\n")
    if "\t" not in text and all(cell_len(line) <= width for line in lines):
        if column.justify == "right":
            return [" " * (width - cell_len(line.rstrip())) + line.rstrip() for line in lines]
        return [line + " " * (width - cell_len(line)) for line in lines]
    wrapped = Text(text).wrap(console, width, justify=column.justify,  # type: ignore[arg-type]
                              overflow="ellipsis" if column.no_wrap else "fold", no_wrap=column.no_wrap)
    return [line.plain + " " * (width - cell_len(line.plain)) for line in wrapped]


def _fit(columns: Sequence[Column], headers: list[str], cells: list[list[str]], width: int) -> list[int | None]:
    """Widths for the ratio columns (None: natural width) so that the table fits in `width`."""
    natural = [max(len(line) for text in [headers[i], *(row[i] for row in cells)] for line in text.split("\n"))
               for i in range(len(columns))]
    flexible = [i for i, c in enumerate(columns) if c.ratio]
    if not flexible:
        return [None] * len(columns)
    gaps = 2 * (len(columns) - 1)  # between columns: one space of padding and the box's blank separator
    spare = width - gaps - sum(natural[i] for i in range(len(columns)) if i not in flexible)
    widths: list[int | None] = [None] * len(columns)
    shares = sum(columns[i].ratio or 0 for i in flexible)
    for i in sorted(flexible, key=lambda i: natural[i]):  # narrow ones first; what they leave goes on
        share = max(spare * (columns[i].ratio or 0) // shares, 8)
        widths[i] = min(natural[i], share)
        spare -= widths[i]
        shares -= columns[i].ratio or 0
    return widths


def cell_text(value: Any, lang: str) -> Any:
    """How a raw cell value reads in the terminal."""
    if isinstance(value, date):
        return day_text(value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if value is None:
        return ""
    return value if not isinstance(value, int | float) else str(value)
