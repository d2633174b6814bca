"""The Decree 30 frame around the body: header block and title above it, recipients and signature below.

Header: the directly superior body (cơ quan chủ quản) in capitals, upright; the issuing body in capitals, bold,
with a short rule beneath; then `Số:`.  Beside them the national title and motto, a rule as long as the motto,
and the place and date.  Names and the summary line (trích yếu) are broken between words by `linebreak`, so no
word is left alone on a line; a short rule is drawn under the summary line.  The closing (recipients and the
signature block) is kept on the page of the body's last paragraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktcn.labels import label
from ktcn.outputs.docx_report.elements import CELL, Ink, Look, Writer, lines_paragraph, set_rule
from ktcn.outputs.docx_report.inline import plain_text
from ktcn.outputs.docx_report.linebreak import UNIT_WORDS, balanced_lines, breaks_well
from ktcn.outputs.docx_report.markdown_blocks import _parser
from ktcn.outputs.docx_report.metrics import _text_mm
from ktcn.outputs.docx_report.page import BODY_PT, TEXT_WIDTH_MM
from ktcn.outputs.docx_report.tables import _borderless_table, _mark_row, cells
from ktcn.outputs.templating import date_line

if TYPE_CHECKING:
    from docx.table import _Cell
    from markdown_it.token import Token

    from ktcn.outputs.reports import Report

SUMMARY_WIDTH_MM = 150.0  # the summary line's longest line: a little inside the text width, as set by hand
RULE_SHARE = 0.4  # a rule under a line of text: between 1/3 and 1/2 of it (Decree 30)


# --- the frame: header block and title ------------------------------------------------------------------------


def add_frame(writer: Writer, frame_markdown: str, report: Report) -> None:
    """The Decree 30 header block drawn from `report`, then the type name, summary line, its rule, the note."""
    add_header_block(writer, report)
    type_name, lines = frame_title(frame_markdown)
    title = writer.paragraph(Look("center", space_before=18))
    writer.run(title, (type_name or label("report.type", report.lang)).upper(), Ink(BODY_PT, bold=True))
    if not lines:
        return
    summary = balanced_lines(plain_text(lines[0]), SUMMARY_WIDTH_MM, BODY_PT, bold=True)
    lines_paragraph(writer, None, summary, Ink(BODY_PT, bold=True), Look("center"))  # bold whatever was written
    widest = max(_text_mm(line, BODY_PT, True) for line in summary)
    set_rule(writer.paragraph(Look("center")), (TEXT_WIDTH_MM - widest * RULE_SHARE) / 2, after_pt=6)
    for number, inline in enumerate(lines[1:], start=1):  # the period note: italic, broken evenly too
        look = Look("center", space_after=6 if number == len(lines) - 1 else 0)
        note = balanced_lines(plain_text(inline), SUMMARY_WIDTH_MM, 13)
        lines_paragraph(writer, None, note, Ink(13, italic=True), look)


def frame_title(frame_markdown: str) -> tuple[str, list[Token]]:
    """The text of the frame's `#` heading and the inline content of each paragraph after it."""
    tokens = _parser().parse(frame_markdown)
    heading = next((i for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h1"), None)
    if heading is None:
        return "", []
    after = tokens[heading + 3:]
    lines = [after[i + 1] for i, t in enumerate(after) if t.type == "paragraph_open"]
    return plain_text(tokens[heading + 1]), lines


def add_header_block(writer: Writer, report: Report) -> None:
    """Borderless 2 × 2 table: the bodies and the number on the left, national title, motto and date on the right.

    Two rows rather than one so that `Số:` and the date line sit on the same line, as Decree 30 places them.
    The right column is as wide as the national title needs; the names have the rest, each broken evenly.
    """
    nation, motto = label("report.nation", report.lang), label("report.motto", report.lang)
    right = min(max(_text_mm(nation, 12, True), _text_mm(motto, 13, True)) + 2, 100.0)
    widths = (TEXT_WIDTH_MM - right, right)
    table = _borderless_table(writer, 2, widths)
    (left_cell, right_cell), (number_cell, date_cell) = cells(table)
    add_bodies(writer, left_cell, report, widths[0])
    lines_paragraph(writer, right_cell, [nation], Ink(12, bold=True), Look("center", line_spacing=1.0))
    lines_paragraph(writer, right_cell, [motto], Ink(13, bold=True), Look("center", line_spacing=1.0))
    _cell_rule(writer, right_cell, widths[1], _text_mm(motto, 13, True))  # as long as the motto
    code = f"BC-{report.owner_code}" if report.owner_code else "BC"
    lines_paragraph(writer, number_cell, [f"{label('report.number', report.lang)}: ......../{code}"], Ink(13),
                    Look("center", line_spacing=1.0))
    lines_paragraph(writer, date_cell, [place_and_date(report)], Ink(14, italic=True),
                    Look("center", line_spacing=1.0))


def add_bodies(writer: Writer, cell: _Cell, report: Report, width_mm: float) -> None:
    """The superior body upright and the issuing body bold, both in capitals, then a short rule.

    13 pt when each name then takes at most two lines, broken before its place ("THÀNH PHỐ CẦN THƠ"), else
    12 pt; a little air is kept from the right column.
    """
    parent = report.parent.upper()
    issuer = (report.owner.name if report.owner else "..........").upper()
    room = width_mm - 6
    size = next((s for s in (13, 12) if _names_fit(((parent, False), (issuer, True)), room, s)), 12)
    look = Look("center", line_spacing=1.0)
    if parent:
        lines_paragraph(writer, cell, balanced_lines(parent, room, size, False, UNIT_WORDS), Ink(size), look)
    issued = balanced_lines(issuer, room, size, True, UNIT_WORDS)
    lines_paragraph(writer, cell, issued, Ink(size, bold=True), look)
    widest = max(_text_mm(line, size, True) for line in issued)
    _cell_rule(writer, cell, width_mm, widest * RULE_SHARE)


def _names_fit(names: tuple[tuple[str, bool], ...], room: float, size: float) -> bool:
    """Each name in one or two lines at `size`, any break falling before its administrative unit."""
    for name, bold in names:
        if name:
            lines = balanced_lines(name, room, size, bold, UNIT_WORDS)
            if len(lines) > 2 or not breaks_well(lines, UNIT_WORDS):
                return False
    return True


def place_and_date(report: Report) -> str:
    """'Cần Thơ, ngày 05 tháng 02 năm 2026'; without a place, the date line alone, capitalised."""
    line = date_line(report.date, report.lang)
    return f"{report.place}, {line}" if report.place else line[:1].upper() + line[1:]


def _cell_rule(writer: Writer, cell: _Cell, cell_mm: float, length_mm: float) -> None:
    """A short centred rule in a borderless cell (whose padding is zero)."""
    set_rule(writer.cell_paragraph(cell, Look("center")), (cell_mm - length_mm) / 2)


# --- closing: recipients and signature ------------------------------------------------------------------------


def add_closing(writer: Writer, report: Report) -> None:
    """Borderless table: `Nơi nhận:` and its list on the left, the signature block centred on the right.

    The body's last paragraph is kept with it, and it is one row that never splits: the signature never lands
    on a page of its own.
    """
    from docx.text.paragraph import Paragraph

    last = writer.last_block()
    if last is not None and last.tag.endswith("}p"):
        Paragraph(last, writer.document._body).paragraph_format.keep_with_next = True
    widths = (75.0, TEXT_WIDTH_MM - 75.0)
    table = _borderless_table(writer, 1, widths)
    _mark_row(table._tbl.tr_lst[0], header=False)
    [(left, right)] = cells(table)
    add_recipients(writer, left, report)
    add_signature(writer, right, report)


def _line(writer: Writer, cell: _Cell, text: str, ink: Ink, align: str = "center", before: float = 0) -> None:
    lines_paragraph(writer, cell, [text], ink, Look(align, space_before=before, line_spacing=1.0, keep_next=True))


def add_recipients(writer: Writer, cell: _Cell, report: Report) -> None:
    """`Nơi nhận:` bold italic 12 pt; each recipient `- ...;` 11 pt; the last, `- Lưu: VT, CODE.`"""
    _line(writer, cell, f"{label('report.recipients', report.lang)}:", Ink(12, bold=True, italic=True), "left", 12)
    for line in report.recipients:
        _line(writer, cell, f"- {line};", Ink(11), "left")
    _line(writer, cell, f"- {label('report.archive', report.lang)}: {report.archive}.", Ink(11), "left")


def add_signature(writer: Writer, cell: _Cell, report: Report) -> None:
    """Authority and position in capitals bold 14 pt, `(Chữ ký, dấu)`, room to sign, the name bold 14 pt."""
    signer = report.signer
    if signer is None:
        _line(writer, cell, label("report.signer_placeholder", report.lang), Ink(14, bold=True), before=12)
        return
    for number, line in enumerate((*signer.authority, signer.position)):
        _line(writer, cell, line.upper(), Ink(14, bold=True), before=12 if number == 0 else 0)
    _line(writer, cell, label("report.signature", report.lang), Ink(14, italic=True))
    for _ in range(4):  # the space for the signature and seal
        _line(writer, cell, "", Ink(14))
    _line(writer, cell, signer.name, Ink(14, bold=True))


__all__ = ["CELL", "add_closing", "add_frame"]
