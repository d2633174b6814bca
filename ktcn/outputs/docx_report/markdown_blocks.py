"""Markdown blocks as Word paragraphs: headings, paragraphs, list items, code and pipe tables.

The same blocks make the body and the appendix; a `Mode` says how each is laid out.  Bold is the Markdown's:
headings (`##`, `###`) are bold as Decree 30 sets section headings, a `####` heading (a group of tasks) is
italic, and a list item is plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ktcn.outputs.docx_report.elements import Ink, Look, Writer, qn_w
from ktcn.outputs.docx_report.inline import _all_bold, add_inline
from ktcn.outputs.docx_report.page import BODY_PT, CELL_PT, INDENT_CM, TEXT_WIDTH_MM
from ktcn.outputs.docx_report.pipe_tables import read_table, segments
from ktcn.outputs.docx_report.tables import TableCell, add_table, table_rows

if TYPE_CHECKING:
    from markdown_it.token import Token


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
    width_mm: float = TEXT_WIDTH_MM  # of the text, for tables


BODY = Mode("justify", True, "left", False, 6, 0, 12)
APPENDIX = Mode("center", False, "center", True, 0, 3, 0)


def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def add_blocks(writer: Writer, markdown: str, mode: Mode) -> None:
    """Headings, paragraphs, lists, code and pipe tables of `markdown`; HTML comments are dropped.

    Pipe tables that can be read line by line are (`pipe_tables`); the rest goes through markdown-it.
    """
    parser = _parser()
    for segment in segments(markdown):
        if segment.table:
            rows, header = read_table(segment.text, parser)
            _space_after_last_paragraph(writer)
            add_table(writer, [[TableCell(*cell) for cell in row] for row in rows], header, CELL_PT, mode.width_mm)
        else:
            _add_tokens(writer, parser.parse(segment.text), mode)


def _add_tokens(writer: Writer, tokens: Sequence[Token], mode: Mode) -> None:
    lists: list[str] = []  # the type of each open list, innermost last
    prefix = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "table_open":
            end = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
            _space_after_last_paragraph(writer)
            add_table(writer, *table_rows(tokens[index:end + 1]), CELL_PT, mode.width_mm)
            index = end
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token.type)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            prefix = list_prefix(token, lists)
        elif token.type == "heading_open":
            add_heading(writer, tokens[index + 1], int(token.tag[1]), mode)
        elif token.type == "paragraph_open":
            add_text_paragraph(writer, tokens[index + 1], mode, prefix)
            prefix = ""
        elif token.type in ("code_block", "fence"):
            for line in token.content.rstrip("\n").splitlines():
                writer.run(writer.paragraph(Look("left")), line, Ink(BODY_PT))
        index += 1


def _space_after_last_paragraph(writer: Writer) -> None:
    """6 pt below the paragraph a table follows: tables have no spacing of their own."""
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph

    last = writer.last_block()
    if last is not None and last.tag == qn_w("p"):
        Paragraph(last, writer.document._body).paragraph_format.space_after = Pt(6)


def list_prefix(item: Token, lists: Sequence[str]) -> str:
    """'- ' for a bullet (Vietnamese administrative style), '+ ' one level down; '1. ' for numbered items."""
    if lists and lists[-1] == "ordered_list_open":
        return f"{item.info}{item.markup} "
    return "- " if len(lists) <= 1 else "+ "


def add_heading(writer: Writer, inline: Token, level: int, mode: Mode) -> None:
    """`#`/`##`/`###`: bold 14 pt, kept with the next paragraph, `#` centred; `####`: italic, indented."""
    align = "center" if level == 1 else mode.heading_align
    space = mode.heading_space if level <= 2 else max(mode.space_before, 6)
    if level >= 4:
        look = Look(mode.align, space, mode.space_after, INDENT_CM if mode.indent else 0, keep_next=True)
        add_inline(writer, writer.paragraph(look), inline, BODY_PT, italic=True)
        return
    paragraph = writer.paragraph(Look(align, space, mode.space_after, keep_next=True))
    add_inline(writer, paragraph, inline, BODY_PT, bold=True)


def add_text_paragraph(writer: Writer, inline: Token, mode: Mode, prefix: str = "") -> None:
    """A paragraph (or list item, after its `prefix`) in 14 pt, laid out as `mode` says."""
    look = Look(mode.align, mode.space_before, mode.space_after, INDENT_CM if mode.indent else 0)
    paragraph = writer.paragraph(look)
    if prefix:
        writer.run(paragraph, prefix, Ink(BODY_PT))
    upper = mode.upper_bold and _all_bold(inline)
    add_inline(writer, paragraph, inline, BODY_PT, upper=upper)


def add_appendix(writer: Writer, markdown: str) -> None:
    """The appendix from the Markdown, in a section of its own that starts on a new page."""
    from ktcn.outputs.docx_report.page import start_appendix_section

    start_appendix_section(writer)
    add_blocks(writer, markdown, APPENDIX)
