"""The building blocks every part uses: a writer that adds paragraphs, runs and tables in constant time.

python-docx's `Document.add_paragraph` searches the whole body for its closing `w:sectPr` on each call, and its
formatting setters cost from 0.1 to 2 ms each (each searches the element's children to keep schema order; a
style assignment searches the whole style table).  A report of 8,000 tasks made that way took over a minute.
So the `Writer` inserts every block before a sentinel paragraph at the end of the body (`addprevious`: constant
time), and builds each distinct look of a paragraph or a run once, with python-docx's public setters, then
copies that prototype's XML for every paragraph or run of that look.  What Word reads is the same as if each had
been formatted with the setters.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

# Children of w:pPr and w:tblPr that must come after the elements added here: Word rejects a file whose
# elements are out of schema order, so new elements are inserted before the first of these present.
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_TBLIND = ("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                 "w:tblDescription", "w:tblPrChange")
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


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P = _W + "p"


def qn_w(name: str) -> str:
    """The Clark name of a WordprocessingML element, for find()."""
    return _W + name


def _alignment(align: str) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]


@dataclass(frozen=True)
class Look:
    """How a paragraph looks: alignment, spacing (pt), indents, and whether it stays with the next one."""

    align: str = "left"
    space_before: float = 0
    space_after: float = 0
    first_indent_cm: float = 0
    line_spacing: float | None = None  # a multiple of the line; None: the Normal style's
    keep_next: bool = False
    page_break_before: bool = False


CELL = Look("left", line_spacing=1.0)  # tables and the header block stay compact


@dataclass(frozen=True)
class Ink:
    """How a run looks: size in points, bold, italic."""

    size: float
    bold: bool = False
    italic: bool = False


class Writer:
    """Adds blocks at the end of a document's body, and runs to paragraphs, in constant time each."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._sentinel = document.add_paragraph()  # new blocks go just before it; removed by `finish`
        self._paragraphs: dict[Look, Any] = {}
        self._runs: dict[Ink, Any] = {}

    def paragraph(self, look: Look) -> Paragraph:
        """A new paragraph of this look at the end of the body."""
        from docx.text.paragraph import Paragraph

        element = copy.deepcopy(self._paragraph_prototype(look))
        self._sentinel._p.addprevious(element)
        return Paragraph(element, self.document._body)

    def cell_paragraph(self, cell: _Cell, look: Look = CELL) -> Paragraph:
        """A paragraph of this look in `cell`: its empty first paragraph replaced, else a new one at its end."""
        from docx.text.paragraph import Paragraph

        element = copy.deepcopy(self._paragraph_prototype(look))
        tc = cell._tc
        last = tc[-1]
        if last.tag == _P and len(last) == 0 and last.getprevious().tag != _P:  # a new cell's empty paragraph
            tc.replace(last, element)
        else:
            tc.append(element)
        return Paragraph(element, cell)

    def run(self, paragraph: Paragraph, text: str, ink: Ink) -> None:
        """Text in this ink at the end of `paragraph`; each '\\n' a line break."""
        prototype = self._run_prototype(ink)
        for number, line in enumerate(text.split("\n")):
            element = copy.deepcopy(prototype)
            if number:
                element.insert(1, _element("w:br"))  # after w:rPr, before w:t
            element[-1].text = line  # the prototype's last child is its w:t
            paragraph._p.append(element)

    def table(self, rows: int, columns: int) -> Table:
        """A new table at the end of the body (python-docx appends it; it is moved before the sentinel)."""
        table = self.document.add_table(rows=rows, cols=columns)
        self._sentinel._p.addprevious(table._tbl)
        return table

    def place(self, element: Any) -> None:
        """Move a block python-docx added elsewhere to the writer's place."""
        self._sentinel._p.addprevious(element)

    def last_block(self) -> Any:
        """The XML element of the block added last, or None."""
        return self._sentinel._p.getprevious()

    def finish(self) -> None:
        """Remove the sentinel: the body ends with the last block added."""
        self._sentinel._p.getparent().remove(self._sentinel._p)

    def _paragraph_prototype(self, look: Look) -> Any:
        found = self._paragraphs.get(look)
        if found is None:
            found = self._paragraphs[look] = _detached(self._sentinel.insert_paragraph_before(), look)
        return found

    def _run_prototype(self, ink: Ink) -> Any:
        found = self._runs.get(ink)
        if found is None:
            from docx.shared import Pt

            holder = self._sentinel.insert_paragraph_before()
            run = holder.add_run("x")
            run.font.size = Pt(ink.size)
            run.bold = True if ink.bold else None
            run.italic = True if ink.italic else None
            run._r.find(qn_w("t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            found = self._runs[ink] = run._r
            holder._p.getparent().remove(holder._p)
            found.getparent().remove(found)
        return found


def _detached(paragraph: Paragraph, look: Look) -> Any:
    """`paragraph` formatted as `look` with python-docx's setters, then taken out of the body: a prototype."""
    from docx.shared import Cm, Pt

    fmt = paragraph.paragraph_format
    paragraph.alignment = _alignment(look.align)
    fmt.space_before, fmt.space_after = Pt(look.space_before), Pt(look.space_after)
    if look.first_indent_cm:
        fmt.first_line_indent = Cm(look.first_indent_cm)
    if look.line_spacing is not None:
        fmt.line_spacing = look.line_spacing
    if look.keep_next:
        fmt.keep_with_next = True
    if look.page_break_before:
        fmt.page_break_before = True
    element = paragraph._p
    element.getparent().remove(element)
    return element


def set_rule(paragraph: Paragraph, side_mm: float, after_pt: float = 4) -> None:
    """Make an empty paragraph a short horizontal rule: its bottom border, narrowed by `side_mm` each side."""
    from docx.shared import Mm, Pt

    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(max(side_mm, 0))
    fmt.space_after = Pt(after_pt)
    fmt.line_spacing = Pt(2)
    border = _element("w:pBdr")
    border.append(_element("w:bottom", {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"}))
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_PBDR)


def lines_paragraph(writer: Writer, target: Any, lines: Sequence[str], ink: Ink, look: Look = CELL) -> Paragraph:
    """One paragraph holding `lines`, broken where given: in a cell when `target` is one, else in the body."""
    paragraph = writer.paragraph(look) if target is None else writer.cell_paragraph(target, look)
    writer.run(paragraph, "\n".join(lines), ink)
    return paragraph
