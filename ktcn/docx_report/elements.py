"""The building blocks every part uses: XML elements in schema order, paragraphs, cell lines and runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

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
