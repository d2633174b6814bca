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


def _csv_cell(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return "" if value is None else value


def to_rich(table: Table, lang: str, title: str | None = None) -> Any:
    """A renderable that lays `table` out at the console's width, with labels in `lang`."""
    return _FittedTable(table, lang, title)


class _FittedTable:
    """Fixed columns take their natural width; text columns share the rest and are cut with an ellipsis.

    Built when rich renders it, because only then is the width known.
    """

    def __init__(self, table: Table, lang: str, title: str | None) -> None:
        self.table, self.lang, self.title = table, lang, title

    def __rich_console__(self, console: Any, options: Any) -> Any:
        yield self.build(options.max_width)

    def build(self, width: int) -> Any:
        from rich import box
        from rich.table import Table as RichTable
        from rich.text import Text

        columns = self.table.columns
        headers = [label(c.header, self.lang) for c in columns]
        cells = [[str(cell_text(v, self.lang)) for v in row] for row in self.table.rows]
        widths = _fit(columns, headers, cells, width)
        shown = RichTable(title=self.title, title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0),
                          pad_edge=False, show_edge=False, title_style="bold")
        for column, header, column_width in zip(columns, headers, widths, strict=True):
            shown.add_column(header, justify=column.justify, width=column_width, no_wrap=column.no_wrap,
                             overflow="ellipsis" if column.no_wrap else "fold")
        styles = list(self.table.styles) or [None] * len(cells)
        for row, style in zip(cells, styles, strict=True):
            shown.add_row(*(Text(cell) for cell in row), style=style)  # Text: record text is never rich markup
        return shown


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
