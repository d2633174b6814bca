"""Word tables: pipe tables with all borders and a repeated header, borderless layout tables, column widths.

A pipe table's rows become table rows that may break across pages (a long task must not leave a quarter page
blank), with its header rows repeated on each page.  A row whose cells after the second are all empty is a
group row (a programme in an appendix): its second cell spans the rest of the row, it is bold, and it stays
with the row after it.  Columns are sized from the measured text (`metrics`): never narrower than their
widest word, so no header word is split, and the whole table exactly the text width.
"""

from __future__ import annotations

import copy
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ktcn.outputs.docx_report.elements import (
    _AFTER_TBLBORDERS,
    _AFTER_TBLCELLMAR,
    _AFTER_TBLHEADER,
    _AFTER_TBLIND,
    CELL,
    Ink,
    Look,
    Writer,
    _element,
    qn_w,
)
from ktcn.outputs.docx_report.inline import inline_pieces
from ktcn.outputs.docx_report.metrics import _MM_PER_PT, longest_word_mm, word_ems
from ktcn.outputs.docx_report.page import TEXT_WIDTH_MM
from ktcn.outputs.docx_report.pipe_tables import Pieces

if TYPE_CHECKING:
    from docx.table import Table, _Cell
    from markdown_it.token import Token

PADDING_MM = 1.5  # each side of a cell's text (w:tblCellMar), and above and below: 0.6 mm
_TWIPS_PER_MM = 1440 / 25.4
HEADER_SLACK = 1.15  # a header word gets 15% more than its measured width: other renderers, other fonts
SIZES = (12, 11, 10)  # a table's type size: the largest whose columns fit their widest words
SAMPLE_ROWS = 80  # rows measured to size the columns of a long table (spread over it)


_TC = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc"
_LOOKS = {(align, keep): Look(align, line_spacing=1.0, keep_next=keep)
          for align in ("left", "center", "right") for keep in (False, True)}


@dataclass(frozen=True)
class TableCell:
    """One cell of a pipe table: its text in pieces of a look, and its column's alignment."""

    pieces: Pieces  # (text, bold, italic); '\n' within a text is a line break
    align: str  # left | center | right

    @property
    def text(self) -> str:
        return "".join(text for text, _, _ in self.pieces).replace("\n", " ")


def table_rows(tokens: Iterable[Token]) -> tuple[list[list[TableCell]], int]:
    """The rows of a pipe table's markdown-it tokens and how many of them are header rows."""
    rows: list[list[TableCell]] = []
    header = 0
    align = "left"
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "thead_close":
            header = len(rows)
        elif token.type in ("th_open", "td_open"):
            style = str(token.attrs.get("style", ""))
            align = style.removeprefix("text-align:") if style.startswith("text-align:") else "left"
        elif token.type == "inline":
            rows[-1].append(TableCell(tuple(inline_pieces(token)), align))
    return rows, header


def is_group_row(texts: Sequence[str]) -> bool:
    """A row naming a group (a programme in an appendix): text in the first two cells only."""
    return len(texts) > 2 and bool(texts[1].strip()) and not any(t.strip() for t in texts[2:])


def add_table(writer: Writer, rows: Sequence[Sequence[TableCell]], header: int, size: float,
              width_mm: float = TEXT_WIDTH_MM) -> Table:
    """A pipe table as a Word table `width_mm` wide: all borders, header rows bold, centred, repeated on each page.

    The type is `size` points, or smaller (down to 10) when the columns would not fit their widest words.
    """
    columns = max(len(row) for row in rows)
    empty = TableCell((), "left")
    rows = [[*row, *[empty] * (columns - len(row))] for row in rows]
    texts = [[cell.text for cell in row] for row in rows]
    size = table_size(texts, header, size, width_mm)
    widths = column_widths(texts, size, width_mm, header=header)
    grid = TableGrid(writer, widths, header)
    for r, cells in enumerate(rows):
        if r < header:
            grid.fill(grid.header_row(), cells, Ink(size, bold=True), "center")
        elif is_group_row(texts[r]):
            grid.fill(grid.group_row(), cells[:2], Ink(size, bold=True), None, keep=True)
        else:
            grid.fill(grid.body_row(), cells, Ink(size), None)
    return grid.done()


class TableGrid:
    """A bordered table built row by row from prototype rows made once with python-docx's public API."""

    def __init__(self, writer: Writer, widths: Sequence[float], header: int) -> None:
        self.writer = writer
        self.table = _table(writer, 3, widths)
        _set_borders(self.table, "single")
        _set_margins(self.table, PADDING_MM, 0.6)
        _indent(self.table, PADDING_MM)
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

        for row in cells(self.table):
            for cell in row:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        proto_header, proto_body, proto_group = self.table._tbl.tr_lst
        group = cells(self.table)[2]
        group[1].merge(group[-1])  # the group name spans every column after the first
        _mark_row(proto_header, header=True)  # no row of a bordered table is kept whole: every row may break
        self._prototypes = {"header": proto_header, "body": proto_body, "group": proto_group}
        for element in self._prototypes.values():
            element.getparent().remove(element)

    def header_row(self) -> Any:
        return self._add("header")

    def body_row(self) -> Any:
        return self._add("body")

    def group_row(self) -> Any:
        return self._add("group")

    def _add(self, kind: str) -> Any:
        element = copy.deepcopy(self._prototypes[kind])
        self.table._tbl.append(element)
        return element

    def fill(self, tr: Any, cells: Sequence[TableCell], ink: Ink, align: str | None, keep: bool = False) -> None:
        """Write `cells` into the row element `tr`: each cell's inline content, in its column's alignment."""
        from docx.table import _Cell

        for tc, found in zip(tr.iterchildren(_TC), cells, strict=False):
            look = _LOOKS[(align or found.align, keep)]
            paragraph = self.writer.cell_paragraph(_Cell(tc, self.table), look)
            for text, strong, emphasis in found.pieces:
                self.writer.run(paragraph, text, Ink(ink.size, ink.bold or strong, ink.italic or emphasis))

    def done(self) -> Table:
        return self.table


def table_size(texts: Sequence[Sequence[str]], header: int, size: float, width_mm: float = TEXT_WIDTH_MM) -> float:
    """The largest size from `size` down to 10 points at which every column fits its widest word."""
    widest = _widest_words(texts, header)  # measured once: widths scale with the size
    for candidate in [s for s in SIZES if s <= size] or [size]:
        if sum(_least(widest, candidate, width_mm)) <= width_mm:
            return candidate
    return min(SIZES)


def least_widths(texts: Sequence[Sequence[str]], size: float, header: int = 1,
                 total: float = TEXT_WIDTH_MM) -> list[float]:
    """Each column's widest word (bold in header and group rows), plus the cell's padding and a millimetre.

    A header word is never split: it gets `HEADER_SLACK` more room than it measures.  A word of the body wider
    than a third of the table (a long URL, a made-up word) is not allowed to widen its column past that: the
    word processor breaks it instead.
    """
    return _least(_widest_words(texts, header), size, total)


def _least(widest: Sequence[tuple[float, float]], size: float, total: float) -> list[float]:
    scale = size * _MM_PER_PT
    return [max(head * scale * HEADER_SLACK, min(body * scale, total / 3)) + 2 * PADDING_MM + 1.0
            for head, body in widest]


def _widest_words(texts: Sequence[Sequence[str]], header: int) -> list[tuple[float, float]]:
    """Per column, the widest word in ems of the header rows (bold) and of the body (bold in group rows)."""
    columns = max(len(row) for row in texts)
    head, body = [0.0] * columns, [0.0] * columns
    for r, row in enumerate(texts):
        grouped = r >= header and is_group_row(row)
        for c, text in enumerate(row):
            if grouped and c >= 1:
                continue  # a group name spans the row: it breaks over all the columns
            ems = longest_word_mm(text, 1 / _MM_PER_PT, bold=r < header or grouped)
            if r < header:
                head[c] = max(head[c], ems)
            else:
                body[c] = max(body[c], ems)
    return list(zip(head, body, strict=True))


def column_widths(texts: Sequence[Sequence[str]], size: float, total: float = TEXT_WIDTH_MM,
                  header: int = 1) -> list[float]:
    """Column widths in mm that add up to `total`: each at least its widest word, the table as short as can be.

    Starting from the least widths, each millimetre to spare goes to the column where it saves most lines: a
    row is as tall as its fullest cell, a cell as many lines as its words take when wrapped at that width.  A
    long table is measured on a sample of its rows.  When even the least widths do not fit, they are scaled.
    """
    least = least_widths(texts, size, header, total)
    if sum(least) >= total:
        return [w * total / sum(least) for w in least]
    body = [row for r, row in enumerate(texts) if r >= header and not is_group_row(row)]
    sample = body[::max(1, math.ceil(len(body) / SAMPLE_ROWS))]
    rows = [[Wrapped(t, size, bold=True) for t in row] for r, row in enumerate(texts) if r < header]
    rows += [[Wrapped(t, size) for t in row] for row in sample]
    widths = list(least)
    while sum(widths) + 1.0 <= total + 1e-9:
        column, step = _best_column(rows, widths)
        widths[column] += min(step, total - sum(widths))
    widths[-1] += total - sum(widths)
    return widths


class Wrapped:
    """A cell's text, measured once: how many lines it takes at a column width (greedy wrapping, as Word does)."""

    def __init__(self, text: str, size: float, bold: bool = False) -> None:
        scale = size * _MM_PER_PT
        self.words = [word_ems(w, bold) * scale for w in text.split()]
        self.space = word_ems(" ", bold) * scale
        self.total = sum(self.words) + self.space * max(len(self.words) - 1, 0)
        self._lines: dict[float, int] = {}

    def lines(self, width: float) -> int:
        usable = width - 2 * PADDING_MM
        found = self._lines.get(usable)
        if found is None:
            found = self._lines[usable] = self._wrap(usable)
        return found

    def _wrap(self, usable: float) -> int:
        if self.total <= usable:
            return 1
        lines, filled = 1, -self.space
        for word in self.words:
            if filled + self.space + word > usable and filled > 0:
                lines, filled = lines + 1, word
            else:
                filled += self.space + word
        return lines


def _best_column(rows: Sequence[Sequence[Wrapped]], widths: Sequence[float]) -> tuple[int, float]:
    """The column to widen and by how much: the most lines saved per millimetre, looking up to 16 mm ahead.

    Looking ahead matters: a column of short texts saves nothing for a millimetre or two, then a line in
    every row at once.  If nothing saves a line, the column most crowded for its width gets a millimetre.
    """
    current = [[cell.lines(w) for cell, w in zip(row, widths, strict=False)] for row in rows]
    others = [[max((h for i, h in enumerate(heights) if i != c), default=1) for c in range(len(heights))]
              for heights in current]
    best, best_rate = (0, 1.0), 0.0
    for c in range(len(widths)):
        for step in (1.0, 4.0, 16.0):
            saved = sum(max(rest[c], heights[c]) - max(rest[c], row[c].lines(widths[c] + step))
                        for row, heights, rest in zip(rows, current, others, strict=True)
                        if c < len(row) and heights[c] > 1)
            if saved / step > best_rate:
                best, best_rate = (c, step), saved / step
    if best_rate > 0:
        return best
    return max(range(len(widths)), key=lambda c: sum(r[c].total for r in rows if c < len(r)) / widths[c]), 1.0


def _mark_row(tr: Any, header: bool) -> None:
    """A header row is repeated on each page (w:tblHeader); any other row marked so is kept whole (w:cantSplit)."""
    tr_pr = tr.get_or_add_trPr()
    tr_pr.insert_element_before(_element("w:tblHeader" if header else "w:cantSplit"), *_AFTER_TBLHEADER)


def _table(writer: Writer, rows: int, widths: Sequence[float]) -> Table:
    """A fixed-layout table with these column widths (mm), in the grid, in every cell and as the table width.

    Word reads the cells' widths and LibreOffice the grid's, so both are set.
    """
    from docx.shared import Twips

    twips = _twips(widths)
    table = writer.table(rows, len(widths))
    table.autofit = False
    for column, width in zip(table.columns, twips, strict=True):
        column.width = Twips(width)
    for row in cells(table):
        for cell, width in zip(row, twips, strict=True):
            cell.width = Twips(width)
    width = table._tbl.tblPr.find(qn_w("tblW"))
    if width is not None:
        width.set(qn_w("type"), "dxa")
        width.set(qn_w("w"), str(sum(twips)))
    return table


def _twips(widths: Sequence[float]) -> list[int]:
    """Widths in mm as whole twips whose sum never exceeds the widths' (each edge rounded down)."""
    edges = [math.floor(sum(widths[:i]) * _TWIPS_PER_MM) for i in range(len(widths) + 1)]
    return [b - a for a, b in itertools.pairwise(edges)]


def cells(table: Table) -> list[list[_Cell]]:
    """The cells row by row, read straight from the XML.

    python-docx's `table.cell()` and `column.cells` walk the whole table on each call, which makes
    filling a table of a few hundred rows take minutes; this walks it once.
    """
    from docx.table import _Cell

    return [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def _borderless_table(writer: Writer, rows: int, widths: Sequence[float]) -> Table:
    """A table without borders nor cell padding: its text lines up with the margins, and long lines fit."""
    table = _table(writer, rows, widths)
    _set_borders(table, "nil")
    _set_margins(table, 0, 0)
    return table


def _set_margins(table: Table, side_mm: float, top_mm: float) -> None:
    """The cells' padding: `side_mm` left and right, `top_mm` above and below the text."""
    margins = _element("w:tblCellMar")
    for side, value in (("top", top_mm), ("left", side_mm), ("bottom", top_mm), ("right", side_mm)):
        margins.append(_element(f"w:{side}", {"w:w": str(round(value * _TWIPS_PER_MM)), "w:type": "dxa"}))
    table._tbl.tblPr.insert_element_before(margins, *_AFTER_TBLCELLMAR)


def _indent(table: Table, padding_mm: float) -> None:
    """Indent the table by its cells' left padding so that its border, not its text, starts at the margin.

    In the compatibility mode of python-docx's template (Word 2010), Word and LibreOffice put a table's text at
    the indent and its border the padding further left: without this the table sticks out of the text width.
    """
    indent = _element("w:tblInd", {"w:w": str(round(padding_mm * _TWIPS_PER_MM)), "w:type": "dxa"})
    table._tbl.tblPr.insert_element_before(indent, *_AFTER_TBLIND)


def _set_borders(table: Table, kind: str) -> None:
    """Every edge of the table single black lines ("single") or none at all ("nil")."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn_w("tblBorders")):
        tbl_pr.remove(old)
    borders = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        values = {"w:val": kind} if kind == "nil" else {"w:val": kind, "w:sz": "4", "w:space": "0",
                                                        "w:color": "000000"}
        borders.append(_element(f"w:{edge}", values))
    tbl_pr.insert_element_before(borders, *_AFTER_TBLBORDERS)


__all__ = ["CELL", "TableCell", "add_table", "cells", "column_widths", "table_rows"]
