"""How wide text is in a terminal, and how it wraps: at spaces, a list between its items.

Vietnamese in NFC and Latin text take one cell a character and are measured
and wrapped fast (by `len` and a regular expression); wide and combining
characters are left to rich's measure.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any


class Listed(str):
    """A list cell ("Sở KH&CN, Liên hiệp Hội"): it wraps between its items, and inside one only if it must."""

    items: tuple[str, ...]

    def __new__(cls, items: Any) -> Listed:
        names = tuple(v if type(v) is str else str(v) for v in items)
        text = super().__new__(cls, ", ".join(names))
        text.items = names
        return text



def display_width(text: str) -> int:
    """Terminal cells `text` takes (wide characters count two).

    Vietnamese in NFC (records are normalised) and Latin text take one cell a
    character: counted as such, fast; anything from U+1100 on is rich's to measure.
    """
    if narrow(text):
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def narrow(text: str) -> bool:
    """Whether every character of `text` takes one cell: no wide (CJK, emoji) nor combining character."""
    return text.isascii() or not _UNCOMMON.search(text) or not _wide_or_combining().search(text)


# Characters of Vietnamese and Latin text, its punctuation, arrows and the progress bar's blocks: all one cell
# wide.  A small class, cheap to compile on every start; text with anything else is looked at closer.
_UNCOMMON = re.compile("[^\x00-\u02ff\u1e00-\u1eff\u2010-\u2027\u2190-\u21ff\u2500-\u259f]")


@functools.cache
def _wide_or_combining() -> re.Pattern[str]:
    """Wide and combining characters: a class of large ranges, whose compiling took a tenth of a warm start's
    own work, so compiled only when some text is outside the common ones."""
    return re.compile("[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u1100-\u115f"
                      "\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
                      "\uffe0-\uffe6\U0001f000-\U0010ffff]")


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken at spaces and at its own line breaks.

    A word is broken only when it alone is wider than `width` (a squeezed,
    too narrow terminal); otherwise words stay whole.  A list (`Listed`) is
    broken between its items: an agency's name stays on one line if it can.
    """
    measure = len if narrow(text) else display_width
    if isinstance(text, Listed) and len(text.items) > 1:
        return _wrap_items(text.items, width, measure)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if measure is len and width > 0 and (fast := wrap_narrow(paragraph, width)) is not None:
            lines.extend(fast)
            continue
        line, used = "", 0
        for word in paragraph.split():
            size = measure(word)
            while size > width > 0:
                if line:
                    lines.append(line)
                    line, used = "", 0
                head = _fold(word, width)
                lines.append(head)
                word = word[len(head):]
                size = measure(word)
            if not line:
                line, used = word, size
            elif used + 1 + size <= width:
                line, used = f"{line} {word}", used + 1 + size
            else:
                lines.append(line)
                line, used = word, size
        lines.append(line)
    return lines


def wrap_narrow(paragraph: str, width: int) -> list[str] | None:
    """What `wrap` makes of a paragraph of one-cell characters, by a regular expression (a province's overdue
    list wraps some five thousand titles and notes); None when a word is wider than the line and must be folded."""
    words = " ".join(paragraph.split())  # wrap joins words with one space, whatever separated them
    if len(words) <= width:
        return [words]
    lines = _line_pattern(width).findall(words)
    return lines if sum(map(len, lines)) + len(lines) - 1 == len(words) else None


@functools.cache
def _line_pattern(width: int) -> re.Pattern[str]:
    """The longest start of at most `width` characters that ends before a space or at the end: one line."""
    return re.compile(f"(.{{1,{width}}})(?: |$)")


def _wrap_items(items: tuple[str, ...], width: int, measure: Callable[[str], int] = display_width) -> list[str]:
    """Items joined with ', ' on lines of at most `width`; an item wider than a line is wrapped at its words.

    `measure` gives a text's width in cells: `len` when the items' characters all take one.
    """
    lines: list[str] = []
    line = ""
    for n, item in enumerate(items):
        piece = item + ("," if n < len(items) - 1 else "")
        if line and measure(line) + 1 + measure(piece) <= width:
            line = f"{line} {piece}"
            continue
        if line:
            lines.append(line)
        if measure(piece) <= width:
            line = piece
        else:
            *whole, line = wrap(piece, width)
            lines.extend(whole)
    lines.append(line)
    return lines


def _fold(word: str, width: int) -> str:
    """The longest start of `word` that fits `width` cells."""
    taken = ""
    for char in word:
        if display_width(taken + char) > width:
            break
        taken += char
    return taken or word[:1]
