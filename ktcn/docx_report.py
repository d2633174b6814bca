"""A report's Markdown as a Word file laid out per Decree 30/2020/NĐ-CP, Appendix I (reports.md, "DOCX").

The Markdown carries marker comments that cut it into four parts:

- before `<!-- ktcn:body -->`: the frame.  Its header block is drawn from the `Report` (a Markdown
  rendering cannot express the two-column layout); the type name, summary line and period note are
  taken from the Markdown so that templates keep control of the wording.
- `<!-- ktcn:body -->` to `<!-- ktcn:closing -->`: the body, rendered from the Markdown.
- `<!-- ktcn:closing -->` to `<!-- ktcn:appendix -->`: recipients and signature, drawn from the `Report`.
- after `<!-- ktcn:appendix -->`: the appendix, on a new page, rendered from the Markdown.

A template without the body marker is rendered as body only (no frame, no closing): the markers are the
contract, and guessing where a custom template's header ends would be worse than not drawing one.

python-docx and markdown-it are imported inside the functions that need them: only `--format docx` pays
for them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from ktcn.labels import label
from ktcn.templating import date_line

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph
    from markdown_it.token import Token

    from ktcn.reports import Report

FONT = "Times New Roman"
TEXT_WIDTH_MM = 165.0  # A4 width 210 mm less the 30 mm left and 15 mm right margins
BODY_PT = 14
CELL_PT = 12
LINE_SPACING = 1.15  # Decree 30: from single to 1.5 lines
INDENT_CM = 1.27
_MARKER = re.compile(r"^[ \t]*<!--\s*ktcn:(body|closing|appendix)\s*-->[ \t]*$", re.MULTILINE)

# Children of w:pPr and w:tblPr that must come after the elements added here: Word rejects a file whose
# elements are out of schema order, so new elements are inserted before the first of these present.
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                     "w:tblPrChange")
_AFTER_TBLCELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_TBLHEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


@dataclass(frozen=True)
class Parts:
    """The Markdown cut at the marker comments; None for a part whose marker is absent."""

    frame: str | None
    body: str
    closing: str | None
    appendix: str | None


@dataclass(frozen=True)
class Mode:
    """How Markdown blocks are laid out: body text (justified, indented) or appendix (centred titles)."""

    align: str  # "justify" or "center", for paragraphs
    indent: bool  # first-line indent on paragraphs and list items
    heading_align: str  # for ## and ### headings
    upper_bold: bool  # a paragraph that is bold throughout is set in capitals (the appendix title)
    space_before: float  # points before a paragraph
    space_after: float
    heading_space: float  # points before a ## heading, to set the sections apart


BODY = Mode("justify", True, "left", False, 6, 0, 12)
APPENDIX = Mode("center", False, "center", True, 0, 3, 0)


def markdown_to_docx(markdown: str, report: Report) -> bytes:
    """The Word file for a rendered report: the Decree 30 frame and closing from `report`, the rest from Markdown.

    The same Markdown and report give the same bytes (timestamps come from `report.date`).
    """
    parts = split_markdown(markdown)
    document = new_document(report)
    if parts.frame is not None:
        add_frame(document, parts.frame, report)
    add_blocks(document, parts.body, BODY)
    if parts.closing is not None:
        add_closing(document, report)
    if parts.appendix is not None:
        add_appendix(document, parts.appendix)
    return deterministic_bytes(document, report.date)


def split_markdown(markdown: str) -> Parts:
    """Cut the Markdown at `<!-- ktcn:body|closing|appendix -->`; with no body marker, all of it is body."""
    pieces = _MARKER.split(markdown)
    found = {"start": pieces[0]}
    for index in range(1, len(pieces) - 1, 2):
        found[pieces[index]] = pieces[index + 1]
    if "body" not in found:
        return Parts(None, markdown, None, None)
    return Parts(found["start"], found["body"], found.get("closing"), found.get("appendix"))


# --- document and page ---------------------------------------------------------------------------------------


def new_document(report: Report) -> Document:
    """An empty A4 document in Times New Roman with Decree 30 margins and page numbers from page 2."""
    import docx

    document = docx.Document()
    set_fonts(document, "vi-VN" if report.lang == "vi" else "en-US")
    set_page(document)
    add_page_numbers(document)
    # a justified line ending in a manual line break (Markdown's trailing backslash) keeps normal word spacing
    compat = document.settings.element.find(qn_w("compat"))
    if compat is not None:
        compat.insert(0, _element("w:doNotExpandShiftReturn"))
    return document


def set_page(document: Document) -> None:
    """A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm (Decree 30, Appendix I)."""
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)


def set_fonts(document: Document, language: str) -> None:
    """Times New Roman, black, 14 pt for Normal and the document defaults, in all four font slots.

    The default template points every slot at a theme font (Calibri and the theme's east-asian and
    complex-script faces); Word shows the characters it files under a slot left there in that other face,
    so every slot, in Normal and in the defaults, names Times New Roman.
    """
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = LINE_SPACING
    defaults = document.styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for rpr in (normal.element.get_or_add_rPr(), default_rpr):
        _name_every_slot(rpr.get_or_add_rFonts())
    lang = default_rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), language)


def _name_every_slot(rfonts: Any) -> None:
    from docx.oxml.ns import qn

    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{theme}"), None)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{slot}"), FONT)


def add_page_numbers(document: Document) -> None:
    """A centred PAGE field in the header of every page but the first (a different first-page header)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an explicit, empty first-page header
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", ""), ("instr", " PAGE "), ("separate", ""), ("text", "2"), ("end", "")):
        run = paragraph.add_run()
        run.font.size = Pt(13)
        if kind == "instr":
            run._r.append(_element("w:instrText", {"xml:space": "preserve"}, text))
        elif kind == "text":
            run.text = text  # the cached result, shown by readers that do not update fields
        else:
            run._r.append(_element("w:fldChar", {"w:fldCharType": kind}))


# --- the frame: header block and title ------------------------------------------------------------------------


def add_frame(document: Document, frame_markdown: str, report: Report) -> None:
    """The Decree 30 header block drawn from `report`, then the type name, summary line and period note."""
    add_header_block(document, report)
    type_name, lines = frame_title(frame_markdown)
    paragraph = _paragraph(document, "center", space_before=18)
    _run(paragraph, (type_name or label("report.type", report.lang)).upper(), 14, bold=True)
    for number, inline in enumerate(lines):
        paragraph = _paragraph(document, "center", space_after=6 if number == len(lines) - 1 else 0)
        if number == 0:  # the summary line: bold whatever the template wrote
            _run(paragraph, plain_text(inline), 14, bold=True)
        else:
            add_inline(paragraph, inline, 13, italic=True)


def frame_title(frame_markdown: str) -> tuple[str, list[Token]]:
    """The text of the frame's `#` heading and the inline content of each paragraph after it."""
    tokens = _parser().parse(frame_markdown)
    heading = next((i for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h1"), None)
    if heading is None:
        return "", []
    after = tokens[heading + 3:]
    lines = [after[i + 1] for i, t in enumerate(after) if t.type == "paragraph_open"]
    return plain_text(tokens[heading + 1]), lines


def add_header_block(document: Document, report: Report) -> None:
    """Borderless 2 × 2 table: agency and number on the left, national title, motto and date on the right.

    Two rows rather than one so that `Số:` and the date line sit on the same line, as Decree 30 places them.
    The right column is as wide as the national title needs; the agency name has the rest and may wrap.
    """
    agency = (report.owner.name if report.owner else "..........").upper()
    nation, motto = label("report.nation", report.lang), label("report.motto", report.lang)
    right = min(max(_text_mm(nation, 12, True), _text_mm(motto, 13, True)) + 2, 100.0)
    widths = (TEXT_WIDTH_MM - right, right)
    table = _borderless_table(document, 2, widths)
    (left_cell, right_cell), (number_cell, date_cell) = cells(table)
    size = 13 if _text_mm(agency, 13, True) + 6 <= widths[0] else 12  # 12 pt keeps air between the columns
    _cell_line(left_cell, agency, size, bold=True)
    _rule(left_cell, widths[0], min(_text_mm(agency, size, True), widths[0]) * 0.4)  # 1/3 to 1/2 of the name
    _cell_line(right_cell, nation, 12, bold=True)
    _cell_line(right_cell, motto, 13, bold=True)
    _rule(right_cell, widths[1], _text_mm(motto, 13, True))  # as long as the motto
    code = f"BC-{report.owner_code}" if report.owner_code else "BC"
    _cell_line(number_cell, f"{label('report.number', report.lang)}: ......../{code}", 13)
    _cell_line(date_cell, place_and_date(report), 14, italic=True)


def place_and_date(report: Report) -> str:
    """'Cần Thơ, ngày 05 tháng 02 năm 2026'; without a place, the date line alone, capitalised."""
    line = date_line(report.date, report.lang)
    return f"{report.place}, {line}" if report.place else line[:1].upper() + line[1:]


def _rule(cell: _Cell, cell_mm: float, length_mm: float) -> None:
    """A short centred horizontal rule: the bottom border of an empty, tiny paragraph narrowed by indents."""
    from docx.shared import Mm, Pt

    paragraph = _cell_paragraph(cell)
    side = max((cell_mm - length_mm) / 2, 0)  # borderless tables have no cell padding
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    paragraph.paragraph_format.space_after = Pt(4)
    paragraph.paragraph_format.line_spacing = Pt(2)
    border = _element("w:pBdr")
    border.append(_element("w:bottom", {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"}))
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_PBDR)


def _text_mm(text: str, size: float, bold: bool = False) -> float:
    """A rough width of `text` in Times New Roman, enough to size a rule or a column (no font file needed).

    Average advance widths in ems, checked against Liberation Serif (metric-compatible): within a few per
    cent, a little wide rather than narrow, for Vietnamese text in capitals and in lower case.
    """
    ems = 0.0
    for char in text:
        if char.isspace():
            ems += 0.25
        elif char.isupper():
            ems += 0.7  # Vietnamese capitals with marks (Ở, Ệ) are wider than plain ones
        elif char.isdigit():
            ems += 0.5
        elif char.isalpha():
            ems += 0.46
        else:
            ems += 0.33
    return ems * size * (1.05 if bold else 1.0) * 25.4 / 72


# --- body blocks ----------------------------------------------------------------------------------------------


def add_blocks(document: Document, markdown: str, mode: Mode) -> None:
    """Headings, paragraphs, lists, code and pipe tables of `markdown`; HTML comments are dropped."""
    tokens = _parser().parse(markdown)
    lists: list[str] = []  # the type of each open list, innermost last
    prefix = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "table_open":
            end = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
            _space_after_last_paragraph(document)
            add_table(document, tokens[index:end + 1], CELL_PT)
            index = end
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token.type)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            prefix = list_prefix(token, lists)
        elif token.type == "heading_open":
            add_heading(document, tokens[index + 1], int(token.tag[1]), mode)
        elif token.type == "paragraph_open":
            add_text_paragraph(document, tokens[index + 1], mode, prefix)
            prefix = ""
        elif token.type in ("code_block", "fence"):
            for line in token.content.rstrip("\n").splitlines():
                _run(_paragraph(document, "left"), line, BODY_PT)
        index += 1


def _space_after_last_paragraph(document: Document) -> None:
    """6 pt below the paragraph a table follows: tables have no spacing of their own."""
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph

    blocks = [child for child in document.element.body if not child.tag.endswith("}sectPr")]
    if blocks and blocks[-1].tag == qn_w("p"):
        Paragraph(blocks[-1], document._body).paragraph_format.space_after = Pt(6)


def list_prefix(item: Token, lists: Sequence[str]) -> str:
    """'- ' for a bullet (Vietnamese administrative style), '+ ' one level down; '1. ' for numbered items."""
    if lists and lists[-1] == "ordered_list_open":
        return f"{item.info}{item.markup} "
    return "- " if len(lists) <= 1 else "+ "


def add_heading(document: Document, inline: Token, level: int, mode: Mode) -> None:
    """`#`/`##`/`###`: bold 14 pt, kept with the next paragraph; `#` is centred."""
    align = "center" if level == 1 else mode.heading_align
    space = mode.heading_space if level <= 2 else max(mode.space_before, 6)
    paragraph = _paragraph(document, align, space_before=space, space_after=mode.space_after)
    paragraph.paragraph_format.keep_with_next = True
    add_inline(paragraph, inline, BODY_PT, bold=True)


def add_text_paragraph(document: Document, inline: Token, mode: Mode, prefix: str = "") -> None:
    """A paragraph (or list item, after its `prefix`) in 14 pt, laid out as `mode` says."""
    from docx.shared import Cm

    paragraph = _paragraph(document, mode.align, space_before=mode.space_before, space_after=mode.space_after)
    if mode.indent:
        paragraph.paragraph_format.first_line_indent = Cm(INDENT_CM)
    if prefix:
        _run(paragraph, prefix, BODY_PT)
    upper = mode.upper_bold and _all_bold(inline)
    add_inline(paragraph, inline, BODY_PT, upper=upper)


def add_inline(paragraph: Paragraph, inline: Token, size: float, bold: bool = False, italic: bool = False,
               upper: bool = False) -> None:
    """Runs for an inline token: **bold** and *italic* honoured, escapes already resolved by markdown-it."""
    for text, strong, emphasis in inline_pieces(inline):
        if text == "\n":
            _run(paragraph, "", size).add_break()
        else:
            _run(paragraph, text.upper() if upper else text, size, bold=bold or strong, italic=italic or emphasis)


def inline_pieces(inline: Token) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) pieces of an inline token, neighbours with the same look merged; '\\n' a break."""
    pieces: list[tuple[str, bool, bool]] = []
    strong = emphasis = 0
    for child in inline.children or []:
        if child.type in ("strong_open", "strong_close"):
            strong += 1 if child.type == "strong_open" else -1
            continue
        if child.type in ("em_open", "em_close"):
            emphasis += 1 if child.type == "em_open" else -1
            continue
        text = {"softbreak": " ", "hardbreak": "\n"}.get(child.type, child.content)
        if child.type in ("html_inline", "link_open", "link_close"):
            continue
        look = (strong > 0, emphasis > 0)
        if pieces and pieces[-1][1:] == look and "\n" not in (text, pieces[-1][0]):
            pieces[-1] = (pieces[-1][0] + text, *look)
        elif text:
            pieces.append((text, *look))
    return pieces


def plain_text(inline: Token) -> str:
    """The text of an inline token without its markup."""
    return "".join(" " if text == "\n" else text for text, _, _ in inline_pieces(inline))


def _all_bold(inline: Token) -> bool:
    pieces = [p for p in inline_pieces(inline) if p[0].strip()]
    return bool(pieces) and all(strong for _, strong, _ in pieces)


# --- tables ---------------------------------------------------------------------------------------------------


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


# --- closing and appendix -------------------------------------------------------------------------------------


def add_closing(document: Document, report: Report) -> None:
    """Borderless table: `Nơi nhận:` and its list on the left, the signature block centred on the right."""
    widths = (75.0, TEXT_WIDTH_MM - 75.0)
    _paragraph(document, "left", space_before=6)  # room between the body and the table
    table = _borderless_table(document, 1, widths)
    _mark_rows(table, 0)  # never split the signature block across pages
    [(left, right)] = cells(table)
    add_recipients(left, report)
    add_signature(right, report)


def add_recipients(cell: _Cell, report: Report) -> None:
    """`Nơi nhận:` bold italic 12 pt; each recipient `- ...;` 11 pt; last `- Lưu: VT, CODE.`"""
    _cell_line(cell, f"{label('report.recipients', report.lang)}:", 12, bold=True, italic=True, align="left")
    for line in report.recipients:
        _cell_line(cell, f"- {line.rstrip(' ;,.')};", 11, align="left")
    archive = "VT" + (f", {report.owner_code}" if report.owner_code else "")
    _cell_line(cell, f"- {label('report.archive', report.lang)}: {archive}.", 11, align="left")


def add_signature(cell: _Cell, report: Report) -> None:
    """Authority and position in capitals bold 14 pt, `(Chữ ký, dấu)`, room to sign, the name bold 14 pt."""
    signer = report.signer
    if signer is None:
        _cell_line(cell, label("report.signer_placeholder", report.lang), 14, bold=True)
        return
    for line in (*signer.authority, signer.position):
        _cell_line(cell, line.upper(), 14, bold=True)
    _cell_line(cell, label("report.signature", report.lang), 14, italic=True)
    for _ in range(4):  # the space for the signature and seal
        _cell_line(cell, "", 14)
    _cell_line(cell, signer.name, 14, bold=True)


def add_appendix(document: Document, markdown: str) -> None:
    """The appendix from the Markdown, starting on a new page."""
    from docx.text.paragraph import Paragraph

    body = document.element.body
    first = sum(1 for child in body if not child.tag.endswith("}sectPr"))  # new blocks go before sectPr
    add_blocks(document, markdown, APPENDIX)
    opening = body[first] if len(body) > first else None
    if opening is not None and opening.tag.endswith("}p"):
        # a property of the first paragraph, not a break character: no empty line at the top of the page
        Paragraph(opening, document._body).paragraph_format.page_break_before = True
    else:  # a table (or nothing) comes first: a paragraph holding the break goes before it
        breaker = document.add_page_break()
        if opening is not None:
            opening.addprevious(breaker._p)


# --- small helpers --------------------------------------------------------------------------------------------


def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _element(tag: str, attributes: dict[str, str] | None = None, text: str | None = None) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in (attributes or {}).items():
        element.set(qn(name), value)
    if text is not None:
        element.text = text
    return element


def qn_w(name: str) -> str:
    """The Clark name of a WordprocessingML element, for find()."""
    from docx.oxml.ns import qn

    return qn(f"w:{name}")


def _alignment(align: str) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]


def _paragraph(document: Document, align: str, space_before: float = 0, space_after: float = 0) -> Paragraph:
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = _alignment(align)
    paragraph.paragraph_format.space_before = Pt(space_before)
    paragraph.paragraph_format.space_after = Pt(space_after)
    return paragraph


def _cell_paragraph(cell: _Cell, align: str = "center") -> Paragraph:
    """The cell's untouched first paragraph (a new cell has one, with no properties yet), else a new one."""
    from docx.shared import Pt

    paragraphs = cell.paragraphs
    fresh = len(paragraphs) == 1 and paragraphs[0]._p.pPr is None and not paragraphs[0].runs
    paragraph = paragraphs[0] if fresh else cell.add_paragraph()
    paragraph.alignment = _alignment(align)
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0  # tables and the header block stay compact
    return paragraph


def _cell_line(cell: _Cell, text: str, size: float, bold: bool = False, italic: bool = False,
               align: str = "center") -> Paragraph:
    paragraph = _cell_paragraph(cell, align)
    _run(paragraph, text, size, bold=bold, italic=italic)
    return paragraph


def _run(paragraph: Paragraph, text: str, size: float, bold: bool = False, italic: bool = False) -> Any:
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    return run


# --- determinism ----------------------------------------------------------------------------------------------


def deterministic_bytes(document: Document, day: date) -> bytes:
    """The saved document with every timestamp taken from `day` and a stable zip.

    python-docx stamps the current time into the core properties and into each zip entry; both are pinned
    so that the same report gives the same bytes (reviewable in git, reproducible in tests).
    """
    stamp = datetime.combine(day, time(0, 0))
    properties = document.core_properties
    properties.created = properties.modified = properties.last_printed = stamp
    properties.author, properties.last_modified_by = "ktcn", "ktcn"
    properties.comments, properties.revision = "", 1
    _drop_thumbnail(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue(), stamp)


def _drop_thumbnail(document: Document) -> None:
    """The default template carries a thumbnail of some other document; file browsers would show it."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    package_rels = document.part.package.rels
    for key, relationship in list(package_rels.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package_rels[key]


def stable_zip(data: bytes, stamp: datetime) -> bytes:
    """The zip re-written with `[Content_Types].xml` first, then the entries by name, all dated `stamp`."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    order = sorted(entries, key=lambda name: (name != "[Content_Types].xml", name))
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)  # zip cannot date before 1980
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # not the platform of the day: the same bytes everywhere
            info.external_attr = 0
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()
