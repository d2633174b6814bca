"""Markdown blocks as Word paragraphs: headings, paragraphs, list items, code and pipe tables.

The same blocks make the body and the appendix; a `Mode` says how each is laid out, and the appendix
starts on a new page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ktcn.docx_report.elements import _paragraph, _run, qn_w
from ktcn.docx_report.inline import _all_bold, add_inline
from ktcn.docx_report.page import BODY_PT, CELL_PT, INDENT_CM
from ktcn.docx_report.tables import add_table

if TYPE_CHECKING:
    from docx.document import Document
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


BODY = Mode("justify", True, "left", False, 6, 0, 12)
APPENDIX = Mode("center", False, "center", True, 0, 3, 0)


def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


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
