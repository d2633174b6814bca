"""Markdown inline content as Word runs: **bold** and *italic* kept, breaks honoured, markup dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktcn.outputs.docx_report.elements import Ink

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph
    from markdown_it.token import Token

    from ktcn.outputs.docx_report.elements import Writer


def add_inline(writer: Writer, paragraph: Paragraph, inline: Token, size: float, bold: bool = False,
               italic: bool = False, upper: bool = False) -> None:
    """Runs for an inline token: **bold** and *italic* honoured, escapes already resolved by markdown-it."""
    for text, strong, emphasis in inline_pieces(inline):
        writer.run(paragraph, text.upper() if upper else text, Ink(size, bold or strong, italic or emphasis))


def inline_pieces(inline: Token) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) pieces of an inline token, neighbours with the same look merged; '\\n' a line break."""
    pieces: list[tuple[str, bool, bool]] = []
    strong = emphasis = 0
    for child in inline.children or []:
        if child.type in ("strong_open", "strong_close"):
            strong += 1 if child.type == "strong_open" else -1
            continue
        if child.type in ("em_open", "em_close"):
            emphasis += 1 if child.type == "em_open" else -1
            continue
        if child.type in ("html_inline", "link_open", "link_close"):
            continue
        text = {"softbreak": " ", "hardbreak": "\n"}.get(child.type, child.content)
        look = (strong > 0, emphasis > 0)
        if pieces and pieces[-1][1:] == look:
            pieces[-1] = (pieces[-1][0] + text, *look)
        elif text:
            pieces.append((text, *look))
    return pieces


def plain_text(inline: Token) -> str:
    """The text of an inline token without its markup."""
    return "".join(text for text, _, _ in inline_pieces(inline)).replace("\n", " ")


def _all_bold(inline: Token) -> bool:
    pieces = [p for p in inline_pieces(inline) if p[0].strip()]
    return bool(pieces) and all(strong for _, strong, _ in pieces)


def _all_italic(inline: Token) -> bool:
    pieces = [p for p in inline_pieces(inline) if p[0].strip()]
    return bool(pieces) and all(emphasis for _, _, emphasis in pieces)
