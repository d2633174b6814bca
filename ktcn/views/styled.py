"""A line the views print besides their tables (a heading, a legend, a field): its text and rich style names.

The views used to make rich `Text` for these, and so imported rich for a heading
even when nothing was coloured: a pipe, a file, a CI job.  A `Styled` is plain
data; rich turns it into its `Text` only when it draws it (`__rich_console__`),
and the command line writes its lines itself when there are no colours to draw
(`ktcn.cli.options.Context.emit`).

A line wider than the screen is wrapped at spaces by ktcn's own `wrap`, the
tables' (no space left at a line's end, as rich's wrapping leaves), whoever
draws it, so that both print the same.  Only text whose spacing means something
(two spaces after an update's day) or whose parts differ in style is left to
rich to wrap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Styled:
    """Text in parts, each with its rich style name (None: the line's own), and the whole line's style."""

    parts: tuple[tuple[str, str | None], ...]
    style: str | None = None

    @property
    def plain(self) -> str:
        """The text without its styles."""
        return "".join(text for text, _ in self.parts)

    def lines_at(self, width: int) -> list[str] | None:
        """Its lines at `width`: as it is when it fits, else wrapped at spaces; None when rich must wrap it."""
        from ktcn.views.wrapping import display_width, wrap

        text = self.plain
        if "\n" not in text and display_width(text) <= width:
            return [text]
        if len(self.parts) > 1 or "  " in text:
            return None
        return wrap(text, width)

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.text import Text

        lines = self.lines_at(options.max_width)
        if lines is None or len(lines) == 1:
            yield Text.assemble(*((text, style or "") for text, style in self.parts), style=self.style or "")
        else:
            yield from (Text(line, style=self.style or "") for line in lines)


def styled(text: str, style: str | None = None) -> Styled:
    """One piece of text in one style ("bold", "dim", "bold red"; None: unstyled)."""
    return Styled(((text, None),), style)


def assembled(*parts: tuple[str, str | None] | str) -> Styled:
    """Text from pieces, each a string (unstyled) or a (text, style) pair: rich's `Text.assemble`."""
    return Styled(tuple((part, None) if isinstance(part, str) else part for part in parts))
