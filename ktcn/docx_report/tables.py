"""Word tables: pipe tables with all borders and a repeated header, borderless layout tables, column widths."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ktcn.docx_report.elements import (
    _AFTER_TBLBORDERS,
    _AFTER_TBLCELLMAR,
    _AFTER_TBLHEADER,
    _cell_paragraph,
    _element,
)
from ktcn.docx_report.inline import add_inline, plain_text
from ktcn.docx_report.metrics import _text_mm
from ktcn.docx_report.page import TEXT_WIDTH_MM

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell
    from markdown_it.token import Token


@dataclass(frozen=True)
class TableCell:
    """One cell of a pipe table: its inline content and its column's alignment."""

    inline: Token | None
    align: str  # left | center | right


def table_rows(tokens: Iterable[Token]) -> tuple[list[list[TableCell]], int]:
    """The rows of a pipe table's tokens and how many of them are header rows."""
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
            rows[-1].append(TableCell(token, align))
    return rows, header


def add_table(document: Document, tokens: Sequence[Token], size: float) -> Table:
    """A pipe table as a Word table: all borders, header rows bold, centred and repeated on each page.

    Cells are in the Markdown's column alignment, vertically centred; no row is split across pages.
    """
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    rows, header = table_rows(tokens)
    widths = column_widths([[plain_text(c.inline) if c.inline else "" for c in row] for row in rows], size)
    table = _table(document, len(rows), widths)
    _set_borders(table, "single")
    for r, (row, word_row) in enumerate(zip(rows, cells(table), strict=True)):
        for c, cell in enumerate(word_row):
            found = row[c] if c < len(row) else TableCell(None, "left")
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = _cell_paragraph(cell, "center" if r < header else found.align)
            if found.inline is not None:
                add_inline(paragraph, found.inline, size, bold=r < header)
    _mark_rows(table, header)
    return table


def column_widths(texts: Sequence[Sequence[str]], size: float, total: float = TEXT_WIDTH_MM) -> list[float]:
    """Column widths in mm that add up to `total`, much as browsers lay out auto tables.

    Each column needs at least its longest word.  What it would like is between its typical and its longest
    text on one line, up to a third of the table: a column of dates with one long exception should not get
    as much room as a column of long notes.  Room beyond the minimums goes to each column in proportion to
    how much wider than its minimum it would like to be, so columns of one word (TT, numbers) stay narrow.
    """
    columns = max(len(row) for row in texts)
    padding = 4.0  # the cell's own left and right margins
    cells = [[row[c] if c < len(row) else "" for row in texts] for c in range(columns)]
    least = [padding + max((_text_mm(w, size, True) * 1.1 for text in column for w in text.split()), default=3.0)
             for column in cells]
    wish = [max(low, min(total / 3, padding + _typical_mm(column, size))) for low, column in zip(least, cells,
                                                                                              strict=True)]
    if sum(least) >= total:
        return [w * total / sum(least) for w in least]
    stretch = [w - m for w, m in zip(wish, least, strict=True)]
    weights = stretch if sum(stretch) > 0 else wish
    if sum(wish) <= total:
        return [w + (total - sum(wish)) * k / sum(weights) for w, k in zip(wish, weights, strict=True)]
    room = total - sum(least)
    return [m + room * gap / sum(stretch) for m, gap in zip(least, stretch, strict=True)]


def _typical_mm(column: Sequence[str], size: float) -> float:
    """Halfway between the mean and the longest width of a column's texts."""
    widths = [_text_mm(text, size) for text in column] or [0.0]
    return (max(widths) + sum(widths) / len(widths)) / 2


def _mark_rows(table: Table, header: int) -> None:
    """Keep every row whole on one page (w:cantSplit); repeat the header rows on each page (w:tblHeader)."""
    for index, tr in enumerate(table._tbl.tr_lst):
        tr_pr = tr.get_or_add_trPr()
        for tag in ("w:cantSplit", "w:tblHeader") if index < header else ("w:cantSplit",):
            tr_pr.insert_element_before(_element(tag), *_AFTER_TBLHEADER)


def _table(document: Document, rows: int, widths: Sequence[float]) -> Table:
    """A fixed-layout table with these column widths (mm), in the grid and in every cell.

    Word reads the cells' widths and LibreOffice the grid's, so both are set.
    """
    from docx.shared import Mm

    table = document.add_table(rows=rows, cols=len(widths))
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for row in cells(table):
        for cell, width in zip(row, widths, strict=True):
            cell.width = Mm(width)
    return table


def cells(table: Table) -> list[list[_Cell]]:
    """The cells row by row, read straight from the XML.

    python-docx's `table.cell()` and `column.cells` walk the whole table on each call, which makes
    filling a table of a few hundred rows take minutes; this walks it once.
    """
    from docx.table import _Cell

    return [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def _borderless_table(document: Document, rows: int, widths: Sequence[float]) -> Table:
    """A table without borders nor cell padding: its text lines up with the margins, and long lines fit."""
    table = _table(document, rows, widths)
    _set_borders(table, "nil")
    margins = _element("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(_element(f"w:{side}", {"w:w": "0", "w:type": "dxa"}))
    table._tbl.tblPr.insert_element_before(margins, *_AFTER_TBLCELLMAR)
    return table


def _set_borders(table: Table, kind: str) -> None:
    """Every edge of the table single black lines ("single") or none at all ("nil")."""
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        values = {"w:val": kind} if kind == "nil" else {"w:val": kind, "w:sz": "4", "w:space": "0",
                                                        "w:color": "000000"}
        borders.append(_element(f"w:{edge}", values))
    tbl_pr.insert_element_before(borders, *_AFTER_TBLBORDERS)
