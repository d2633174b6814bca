"""The Decree 30 frame around the body: header block and title above it, recipients and signature below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktcn.docx_report.elements import _AFTER_PBDR, _cell_line, _cell_paragraph, _element, _paragraph, _run
from ktcn.docx_report.inline import add_inline, plain_text
from ktcn.docx_report.markdown_blocks import _parser
from ktcn.docx_report.metrics import _text_mm
from ktcn.docx_report.page import TEXT_WIDTH_MM
from ktcn.docx_report.tables import _borderless_table, _mark_rows, cells
from ktcn.labels import label
from ktcn.templating import date_line

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell
    from markdown_it.token import Token

    from ktcn.reports import Report


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


# --- closing: recipients and signature ------------------------------------------------------------------------


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
