"""Lines broken between words the way a title is set by hand: as few lines as fit, of even length.

Decree 30 wants the summary line (trích yếu) and the agency names of the header broken between words with no
word left alone on the last line; a word processor breaks wherever the width runs out.  So these are broken
here, with measured widths (`metrics`), and written with explicit line breaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from ktcn.outputs.docx_report.metrics import _text_mm

# Administrative units: a header name reads best broken before them ("ỦY BAN NHÂN DÂN / THÀNH PHỐ CẦN THƠ").
UNIT_WORDS = ("THÀNH PHỐ", "TỈNH", "QUẬN", "HUYỆN", "THỊ XÃ", "XÃ", "PHƯỜNG", "ĐẶC KHU")


def balanced_lines(text: str, width_mm: float, size: float, bold: bool = False,
                   prefer_before: Sequence[str] = ()) -> list[str]:
    """`text` in the fewest lines no wider than `width_mm`, as even as can be, the last never one word alone.

    Among the breaks that give the fewest lines, the one whose widest line is narrowest wins; a break just
    before one of `prefer_before` (a phrase starting a line), or just after a comma or semicolon, wins over a
    slightly more even one.  A word wider than the width gets a line of its own (the word processor will wrap
    it).
    """
    words = text.split()
    if len(words) <= 1 or _text_mm(" ".join(words), size, bold) <= width_mm:
        return [" ".join(words)]
    preferred = {i for i in range(1, len(words))
                 if words[i - 1][-1] in ",;" or any(_starts(words, i, p) for p in prefer_before)}
    breaks = _breaks(tuple(words), width_mm, size, bold, frozenset(preferred), lone_last=False)
    if breaks is None:  # no way without a lone last word (two long words): allow it
        breaks = _breaks(tuple(words), width_mm, size, bold, frozenset(preferred), lone_last=True) or []
    edges = [0, *breaks, len(words)]
    return [" ".join(words[a:b]) for a, b in pairwise(edges) if b > a]


def _breaks(words: tuple[str, ...], width_mm: float, size: float, bold: bool, preferred: frozenset[int],
            lone_last: bool) -> list[int] | None:
    """The word indexes that start the 2nd, 3rd, ... line, or None when no break fits."""
    count = len(words)

    @cache
    def line(i: int, j: int) -> float:
        return _text_mm(" ".join(words[i:j]), size, bold)

    @cache
    def best(i: int) -> tuple[int, float, int, tuple[int, ...]] | None:
        """From word i to the end: (lines, widest line, preferred breaks, breaks), or None."""
        if i == count:
            return (0, 0.0, 0, ())
        found = None
        for j in range(i + 1, count + 1):
            if j > i + 1 and line(i, j) > width_mm:
                break
            if j == count - 1 and not lone_last:
                continue  # the last word would stand alone on the last line
            rest = best(j)
            if rest is None:
                continue
            score = (rest[0] + 1, max(line(i, j), rest[1]), rest[2] + (j in preferred),
                     ((j,) if j < count else ()) + rest[3])
            if found is None or _cost(score, width_mm) < _cost(found, width_mm):
                found = score
        return found

    result = best(0)
    return list(result[3]) if result else None


def _cost(score: tuple[int, float, int, tuple[int, ...]], width_mm: float) -> tuple[int, float]:
    """Fewest lines first, then the narrowest widest line, each preferred break worth a tenth of the width."""
    return score[0], score[1] - 0.1 * width_mm * score[2]


def _starts(words: Sequence[str], i: int, phrase: str) -> bool:
    parts = phrase.split()
    return [w.upper() for w in words[i:i + len(parts)]] == parts


def breaks_well(lines: Sequence[str], prefer_before: Sequence[str]) -> bool:
    """Whether every line after the first starts with one of `prefer_before` (or there is one line)."""
    return all(any(_starts(line.split(), 0, p) for p in prefer_before) for line in lines[1:])
