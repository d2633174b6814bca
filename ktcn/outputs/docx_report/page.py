"""The page and its type: A4 with Decree 30 margins, Times New Roman throughout, page numbers from page 2.

The appendix is a section of its own, starting on a new page, whose pages are numbered from 1 (Decree 30 numbers
an appendix's pages on their own); like the body, its first page shows no number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ktcn.outputs.docx_report.elements import _element, qn_w

if TYPE_CHECKING:
    from docx.document import Document

    from ktcn.outputs.docx_report.elements import Writer
    from ktcn.outputs.reports import Report

FONT = "Times New Roman"
TEXT_WIDTH_MM = 165.0  # A4 width 210 mm less the 30 mm left and 15 mm right margins
BODY_PT = 13
CELL_PT = 11
LINE_SPACING = 1.0  # Decree 30: from single to 1.5 lines; single keeps a report of fifty tasks to a dozen pages
INDENT_CM = 1.27
# Children of w:sectPr that come after w:pgNumType, in schema order.
_AFTER_PGNUMTYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
                    "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


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


def start_appendix_section(writer: Writer) -> None:
    """End the body's section here and start the appendix's on a new page, its pages numbered from 1.

    python-docx adds the section break as a paragraph at the very end of the body; it is moved to where the
    writer is, so that what comes next is in the new section.  The break's own paragraph is made one point high.
    """
    from docx.enum.section import WD_SECTION
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph

    section = writer.document.add_section(WD_SECTION.NEW_PAGE)
    body_end = writer.document.element.body
    breaker = next(p for p in reversed(body_end.findall(qn_w("p"))) if p.pPr is not None
                   and p.pPr.find(qn_w("sectPr")) is not None)
    writer.place(breaker)
    fmt = Paragraph(breaker, writer.document._body).paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    numbering = _element("w:pgNumType", {"w:start": "1"})
    section._sectPr.insert_element_before(numbering, *_AFTER_PGNUMTYPE)
