"""A report's Markdown as a Word file laid out per Decree 30/2020/NĐ-CP, Appendix I (reports.md, "DOCX").

The Markdown carries marker comments that cut it into four parts (see `markers`):

- before `<!-- ktcn:body -->`: the frame.  Its header block is drawn from the `Report` (a Markdown
  rendering cannot express the two-column layout); the type name, summary line and period note are
  taken from the Markdown so that templates keep control of the wording.
- `<!-- ktcn:body -->` to `<!-- ktcn:closing -->`: the body, rendered from the Markdown.
- `<!-- ktcn:closing -->` to `<!-- ktcn:appendix -->`: recipients and signature, drawn from the `Report`.
- after `<!-- ktcn:appendix -->`: the appendix, in a section of its own (its pages numbered from 1), rendered
  from the Markdown.

A template without the body marker is rendered as body only (no frame, no closing): the markers are the
contract, and guessing where a custom template's header ends would be worse than not drawing one.

The submodules, one idea each: `markers` (cutting the Markdown), `page` (A4, margins, fonts, page
numbers, the appendix's section), `frame` (header block, title, closing and signature), `markdown_blocks`
(the body's blocks), `inline` (runs of bold and italic text), `tables` (bordered and borderless tables,
column widths), `metrics` and `font_widths` (text widths from Times New Roman's metrics), `linebreak` (names
and titles broken evenly between words), `elements` (the writer: paragraphs, runs and tables added in
constant time) and `reproducible` (fixed timestamps, stable zip).

python-docx and markdown-it are imported inside the functions that need them: only `--format docx` pays
for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktcn.outputs.docx_report.elements import Writer
from ktcn.outputs.docx_report.frame import add_closing, add_frame
from ktcn.outputs.docx_report.markdown_blocks import BODY, add_appendix, add_blocks
from ktcn.outputs.docx_report.markers import Parts, split_markdown
from ktcn.outputs.docx_report.page import new_document
from ktcn.outputs.docx_report.reproducible import deterministic_bytes
from ktcn.outputs.docx_report.tables import column_widths

if TYPE_CHECKING:
    from ktcn.outputs.reports import Report

__all__ = ["Parts", "column_widths", "markdown_to_docx", "split_markdown"]


def markdown_to_docx(markdown: str, report: Report) -> bytes:
    """The Word file for a rendered report: the Decree 30 frame and closing from `report`, the rest from Markdown.

    The same Markdown and report give the same bytes (timestamps come from `report.date`).
    """
    parts = split_markdown(markdown)
    document = new_document(report)
    writer = Writer(document)
    if parts.frame is not None:
        add_frame(writer, parts.frame, report)
    add_blocks(writer, parts.body, BODY)
    if parts.closing is not None:
        add_closing(writer, report)
    if parts.appendix is not None:
        add_appendix(writer, parts.appendix)
    writer.finish()
    return deterministic_bytes(document, report.date)
