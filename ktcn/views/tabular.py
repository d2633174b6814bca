"""One intermediate table, rendered as a text table for people or as CSV for spreadsheets.

Cells hold raw values (dates, numbers, lists); each renderer formats them its
own way: CSV keeps ISO dates and stable column keys, the terminal uses the
chosen language's labels and date style.

The terminal table is laid out for the width it is given, and never cuts what
a person must read whole: an id, a document number, an agency's name, a date.
Text wraps at word boundaries (a header too: a word is never broken), and when
the table still does not fit it changes shape, one step at a time, in this
order: abbreviated headers with a legend under the table; compact cells (a
percentage without its bar); columns that repeat what another shows dropped;
then long text moved out of the row onto lines of its own (a title under its
row, a long id above it).  A wide terminal gets the natural layout, titles in
full on one line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from operator import itemgetter
from typing import Any

from ktcn.labels import day_text, label
from ktcn.views.wrapping import Listed, display_width, narrow, wrap, wrap_narrow

GAP = 2  # blank columns between two columns


@dataclass(frozen=True)
class Column:
    """One column: its CSV key, its header's label, and how it behaves when the terminal is narrow."""

    key: str  # CSV header, stable
    header: str  # label key (ktcn.labels) for the terminal; a '\n' in the label is where a two-line header breaks
    justify: str = "left"
    ratio: int | None = None  # text that wraps at word boundaries, sharing the spare width by this ratio
    min_width: int = 0  # a wrapping column narrower than this is too narrow to read (titles): change shape first
    short: str | None = None  # an abbreviated header (label key), explained by the table's legend
    drop: bool = False  # may be left out on a narrow terminal: what it shows is said elsewhere too
    own_line: str | None = None  # 'above' or 'below': where its text goes when the row is too wide for it
    spill: bool = False  # a cell wider than the column goes alone on a line above its row, the rest stay in place
    bare: bool = False  # moved under its row, shown without its header (the title: what the row is about)


@dataclass(frozen=True)
class Compact:
    """A cell with a shorter form for narrow terminals: '███░░  60%' and ' 60%'."""

    wide: str
    narrow: str

    def __str__(self) -> str:
        return self.wide


@dataclass(frozen=True)
class Table:
    """Columns and rows of raw values, a style per row, and what a narrow terminal needs (legend, indent)."""

    columns: tuple[Column, ...]
    rows: Sequence[tuple[Any, ...]]
    styles: Sequence[str | None] = field(default=())  # one rich style per row, or none
    legend: str | None = None  # label key explaining the short headers, shown when they are used
    indent_under: str | None = None  # key of the column under which moved text ('below') starts


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
    if isinstance(value, Compact):
        value = value.wide
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def to_rich(table: Table, lang: str, title: str | None = None) -> Any:
    """A renderable that lays `table` out at the console's width, with labels in `lang`."""
    return _FittedTable(table, lang, title)


def cell_text(value: Any, lang: str, compact: bool = False) -> str:
    """How a raw cell value reads in the terminal."""
    if isinstance(value, date):
        return day_text(value, lang)
    if isinstance(value, Compact):
        return value.narrow if compact else value.wide
    if isinstance(value, list | tuple):
        return Listed(value)
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


# --- layout ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """One way of drawing a table: which columns stay in the grid, with which headers and cell forms."""

    grid: tuple[int, ...]  # indexes of the columns drawn as columns
    above: tuple[int, ...] = ()  # columns whose text goes on a line above each row
    below: tuple[int, ...] = ()  # columns whose text goes on lines under each row
    short: bool = False  # abbreviated headers, with the legend
    compact: bool = False  # the narrow form of Compact cells


def shapes(table: Table, compact: bool | None = None) -> Iterator[Shape]:
    """The table's shapes from the widest to the narrowest, each one step narrower than the one before.

    `compact`: whether some cell is `Compact` (None: look; a caller that already has, says).
    """
    columns = table.columns
    shape = Shape(tuple(range(len(columns))))
    yield shape
    if any(c.short for c in columns):
        shape = replace(shape, short=True)
        yield shape
    if compact if compact is not None else any(isinstance(value, Compact) for row in table.rows for value in row):
        shape = replace(shape, compact=True)
        yield shape
    for i in reversed(range(len(columns))):
        if columns[i].drop:
            shape = replace(shape, grid=tuple(g for g in shape.grid if g != i))
            yield shape
    for where in ("below", "above"):
        for i in reversed(range(len(columns))):
            if columns[i].own_line == where:
                moved = {"below": (shape.above, (i, *shape.below)), "above": ((i, *shape.above), shape.below)}[where]
                shape = replace(shape, grid=tuple(g for g in shape.grid if g != i), above=moved[0], below=moved[1])
                yield shape


@dataclass
class Layout:
    """A shape with its column widths, or `fits` False when even its narrowest widths are too wide."""

    shape: Shape
    headers: list[list[str]]  # per grid column, its header's lines
    widths: list[int]
    fits: bool


def lay_out(table: Table, lang: str, cells: list[list[str]], compact_cells: list[list[str]], width: int,
            compact: bool | None = None, measured: dict[bool, _Widths] | None = None) -> Layout:
    """The widest shape that fits `width` (or the narrowest one, squeezed, when none does); `compact` as `shapes`.

    `measured`: the cells' and the compact cells' `_Widths`, when the caller wants to keep them."""
    layout = None
    if measured is None:  # each column measured once for all shapes
        measured = {False: _Widths(cells), True: _Widths(compact_cells)}
    for shape in shapes(table, compact):
        layout = _measure(table, lang, shape, measured[shape.compact], width)
        if layout.fits:
            return layout
    assert layout is not None
    return layout


class _Widths:
    """Per column of the cells: its widest line and its longest word (in terminal cells), measured when asked,
    and whether each of its characters takes one cell."""

    def __init__(self, cells: list[list[str]]) -> None:
        self.cells = cells
        self._found: dict[int, tuple[int, int]] = {}
        self._narrow: dict[int, bool] = {}

    def __call__(self, i: int) -> tuple[int, int]:
        if i not in self._found:
            text = self._text(i)
            self._narrow[i] = is_narrow = narrow(text)
            measure = len if is_narrow else display_width
            self._found[i] = (max(map(measure, text.split("\n"))), max(map(measure, text.split()), default=0))
        return self._found[i]

    def narrow(self) -> bool:
        """Whether every cell's characters take one cell each (`ktcn.views.wrapping.narrow`)."""
        columns = len(self.cells[0]) if self.cells else 0
        for i in range(columns):
            if i not in self._narrow:
                self._narrow[i] = narrow(self._text(i))
        return all(self._narrow.values())

    def _text(self, i: int) -> str:
        """Column `i`'s texts, each once (a task's occurrences repeat its title, leads and note), in one string:
        its lines and words are split, and its characters looked at, at C speed."""
        return "\n".join(set(map(itemgetter(i), self.cells)))


def _measure(table: Table, lang: str, shape: Shape, measured: _Widths, width: int) -> Layout:
    columns = [table.columns[i] for i in shape.grid]
    headers = [label((c.short if shape.short and c.short else c.header), lang).split("\n") for c in columns]
    natural, least = [], []
    for column, header, i in zip(columns, headers, shape.grid, strict=True):
        widest, words = measured(i)
        natural.append(max(widest, *(display_width(line) for line in header)))
        if column.spill:  # what does not fit goes above its row: as narrow as its header, or its minimum
            header_words = max(display_width(w) for line in header for w in (line.split() or [""]))
            least.append(min(natural[-1], max(header_words, column.min_width)))
        elif column.ratio:  # wraps: as narrow as its longest word, or its comfortable minimum
            header_words = max(display_width(w) for line in header for w in (line.split() or [""]))
            least.append(min(natural[-1], max(words, header_words, column.min_width)))
        else:
            least.append(natural[-1])
    room = width - GAP * (len(columns) - 1)
    widths = _share(columns, natural, least, room)
    fits = sum(least) <= room
    headers = [wrap(" ".join(h), w) if c.ratio or c.spill else h
               for c, h, w in zip(columns, headers, widths, strict=True)]
    return Layout(shape, headers, widths, fits)


def _share(columns: Sequence[Column], natural: list[int], least: list[int], room: int) -> list[int]:
    """Widths between `least` and `natural` that fill `room`: the wrapping columns share what is left by ratio."""
    widths = list(natural)
    flexible = [i for i, c in enumerate(columns) if c.ratio or c.spill]
    if sum(natural) <= room or not flexible:
        return widths
    spare = room - sum(natural[i] for i in range(len(columns)) if i not in flexible)
    for i in flexible:
        widths[i] = least[i]
    spare -= sum(least[i] for i in flexible)
    open_ = [i for i in flexible if widths[i] < natural[i]]
    while spare > 0 and open_:  # water-filling: each gets its ratio's share, up to its natural width
        shares = sum(columns[i].ratio or 1 for i in open_)
        given = 0
        for i in open_:
            grant = min(natural[i] - widths[i], max(1, spare * (columns[i].ratio or 1) // shares))
            grant = min(grant, spare - given)
            widths[i] += grant
            given += grant
        spare -= given
        open_ = [i for i in open_ if widths[i] < natural[i]]
        if not given:
            break
    if spare < 0:  # nothing fits: squeeze the wrapping columns evenly, words are folded
        for i in flexible:
            widths[i] = max(1, widths[i] + spare // len(flexible))
    return widths


# --- drawing -------------------------------------------------------------------------------------


class _FittedTable:
    """The table drawn at the console's width: title, header, rule, rows (with their own lines), legend.

    Laid out when it is drawn, because only then is the width known.  Rows are
    made line by line, so a national status table of two thousand rows streams
    out as it is drawn.  Rich draws it line by line as segments (`__rich_console__`);
    without colours the lines are written as they are (`plain_lines`): a province's
    overdue list is some ten thousand lines, and rich's segments cost more than the
    lines themselves.
    """

    def __init__(self, table: Table, lang: str, title: str | None) -> None:
        self.table, self.lang, self.title = table, lang, title

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.segment import Segment
        from rich.style import Style

        null = Style.null()
        for text, style in self.lines(options.max_width):
            yield Segment(text, console.get_style(style) if style else null)
            yield Segment.line()

    def plain_lines(self, width: int) -> Iterator[str]:
        """The lines without their styles: what rich prints without colours, when no line is wider than `width`."""
        drawing = _Drawing(self.table, self.lang, width)
        yield from (text for text, _ in self._top(drawing))
        row_lines = drawing.row_lines  # some ten thousand lines: no style to pair each with
        for row in drawing.cells:
            yield from row_lines(row)
        yield from (text for text, _ in self._bottom(drawing))

    def lines(self, width: int) -> Iterator[tuple[str, str | None]]:
        """Each line at `width` with its rich style name (None: unstyled)."""
        drawing = _Drawing(self.table, self.lang, width)
        yield from self._top(drawing)
        styles = self.table.styles or [None] * len(drawing.cells)
        for row, style in zip(drawing.cells, styles, strict=True):
            for text in drawing.row_lines(row):
                yield text, style
        yield from self._bottom(drawing)

    def _top(self, drawing: _Drawing) -> Iterator[tuple[str, str | None]]:
        """The title, the header and the rule under it."""
        layout = drawing.layout
        if self.title:
            yield self.title, "bold"
        yield from ((line, "bold") for line in _header(layout, self.table, self.lang))
        total = sum(layout.widths) + GAP * (len(layout.widths) - 1)
        yield "─" * min(total, drawing.width), None

    def _bottom(self, drawing: _Drawing) -> Iterator[tuple[str, str | None]]:
        """The legend of the short headers, when they are used."""
        if drawing.layout.shape.short and self.table.legend:
            yield from ((line, "dim") for line in wrap(label(self.table.legend, self.lang), drawing.width))


class _Drawing:
    """A table's cells as text, laid out at a width, and what drawing each row needs worked out once.

    When every cell takes one terminal cell a character (Vietnamese in NFC, Latin),
    a cell that fits its column is padded with `str.ljust`: no measuring, no wrapping.
    """

    def __init__(self, table: Table, lang: str, width: int) -> None:
        self.table, self.lang, self.width = table, lang, width
        compacts: list[Compact] = []  # only a cell that is not text yet can be one

        def text_of(value: Any) -> str:
            if isinstance(value, Compact):
                compacts.append(value)
            return cell_text(value, lang)

        self.cells = cells = [[v if type(v) is str else text_of(v) for v in row] for row in table.rows]
        compact = cells
        if compacts:
            compact = [[cell_text(v, lang, compact=True) for v in row] for row in table.rows]
        measured = {False: _Widths(cells), True: _Widths(compact)}
        self.layout = layout = lay_out(table, lang, cells, compact, width, bool(compacts), measured)
        if layout.shape.compact:
            self.cells = compact
        self.narrow = measured[layout.shape.compact].narrow()
        self.indent = _below_indent(layout, table)
        self.grid = [(i, w, table.columns[i].justify == "right", table.columns[i].spill)
                     for i, w in zip(layout.shape.grid, layout.widths, strict=True)]
        self.below = [(i, "" if table.columns[i].bare else f"{_header_words(table.columns[i], lang)}: ")
                      for i in sorted(layout.shape.below, key=lambda i: not table.columns[i].bare)]
        self.below_width = max(width - self.indent, 20)
        self.narrow_below = self.narrow and all(narrow(head) for _, head in self.below)
        # A cell's wrapped lines, by column and text: in a province's overdue list 2,694 rows have 451 titles,
        # 157 notes and 105 sets of leads between them (a task's occurrences share them), so each is wrapped once.
        self._wrapped: dict[tuple[Any, ...], Any] = {}

    def row_lines(self, row: list[str]) -> Iterator[str]:
        """One row's lines: its moved-above text, the grid's lines (as tall as its tallest cell), the moved-below."""
        width = self.width
        for i in self.layout.shape.above:
            if row[i]:
                yield from (line for line in wrap(row[i], width) if line)
        narrow_cells = self.narrow
        padded, blocks, tall = [], [], False
        for i, w, right, spill in self.grid:
            text = row[i]
            if narrow_cells and len(text) <= w and "\n" not in text:  # the common case: one line that fits
                padded.append(text.rjust(w) if right else text.ljust(w))
                blocks.append(([text], w, right))
                continue
            key = (i, text, type(text), getattr(text, "items", None))  # a list wraps between its items
            wrapped = self._wrapped.get(key)
            if wrapped is None:
                wrapped = self._wrapped[key] = self._cell_lines(text, w, spill)
            above, lines = wrapped
            yield from above
            blocks.append((lines, w, right))
            tall = True
        if not tall:
            yield "  ".join(padded).rstrip()
        elif narrow_cells:  # one cell a character: str.rjust/ljust pad as _pad would
            height = max(len(lines) for lines, _, _ in blocks)
            for k in range(height):
                yield "  ".join([(lines[k] if k < len(lines) else "").rjust(w) if right else
                                 (lines[k] if k < len(lines) else "").ljust(w) for lines, w, right in blocks]).rstrip()
        else:
            yield from _block_lines([(lines, w, "right" if right else "left") for lines, w, right in blocks],
                                    display_width)
        for i, head in self.below:
            if row[i]:
                key = (i, row[i], type(row[i]), getattr(row[i], "items", None))
                lines = self._wrapped.get(key)
                if lines is None:
                    lines = self._wrapped[key] = self._below_lines(head, row[i])
                yield from lines

    def _cell_lines(self, text: str, w: int, spill: bool) -> tuple[list[str], list[str]]:
        """A grid cell that does not fit on one line: the lines that go above its row (a long id, `spill`), and the
        cell's own lines at width `w`."""
        fits = max(map(len if self.narrow else display_width, text.split("\n"))) <= w
        above = []
        if not fits and spill:  # a long id or name goes whole above its row
            above = [line for line in wrap(text, self.width) if line]
            text, fits = "", True
        return above, text.split("\n") if fits else wrap(text, w)

    def _below_lines(self, head: str, cell: str) -> list[str]:
        """A moved cell's lines under its row, indented, after its header's words (none for the title)."""
        text = head + cell if head else cell
        lines = None
        if self.narrow_below and type(text) is str and "\n" not in text:  # not a list: wrap's own shortcut
            lines = wrap_narrow(text, self.below_width)
        indent = " " * self.indent
        return [indent + line for line in lines or wrap(text, self.below_width)]


def _header_words(column: Column, lang: str) -> str:
    return label(column.header, lang).replace("\n", " ")


def _block_lines(blocks: list[tuple[list[str], int, str]], measure: Callable[[str], int]) -> Iterator[str]:
    """A row's grid lines, as tall as its tallest cell (a block: the cell's lines, its width, its justify)."""
    height = max((len(b[0]) for b in blocks), default=1)
    for k in range(height):
        parts = [_pad(lines[k] if k < len(lines) else "", w, justify, measure) for lines, w, justify in blocks]
        yield "  ".join(parts).rstrip()


def _header(layout: Layout, table: Table, lang: str) -> Iterator[str]:
    """The header's lines, bottom-aligned (a one-line header sits on the last line), then the moved columns'."""
    height = max((len(h) for h in layout.headers), default=0)
    columns = [table.columns[i] for i in layout.shape.grid]
    padded = [[""] * (height - len(h)) + h for h in layout.headers]
    for k in range(height):
        parts = [_pad(p[k], w, c.justify) for p, w, c in zip(padded, layout.widths, columns, strict=True)]
        yield "  ".join(parts).rstrip()
    bare = [i for i in layout.shape.below if table.columns[i].bare]
    if bare:  # the others name themselves on their lines
        indent = _below_indent(layout, table)
        yield " " * indent + " · ".join(_header_words(table.columns[i], lang) for i in bare)


def _below_indent(layout: Layout, table: Table) -> int:
    """Where lines under a row start: under the column `indent_under` names (the task, beside its deadline)."""
    offset = 0
    for index, width in zip(layout.shape.grid, layout.widths, strict=True):
        if table.columns[index].key == table.indent_under:
            return offset
        offset += width + GAP
    return 2


def _pad(text: str, width: int, justify: str, measure: Callable[[str], int] = display_width) -> str:
    gap = max(0, width - measure(text))
    return " " * gap + text if justify == "right" else text + " " * gap
