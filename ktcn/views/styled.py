"""A line the views print besides their tables (a heading, a legend, a field): its text and rich style names.

The views used to make rich `Text` for these, and so imported rich for a heading
even when nothing was coloured: a pipe, a file, a CI job.  A `Styled` is plain
data; rich turns it into its `Text` only when it draws it (`__rich__`), and the
command line writes its text as it is when there are no colours to draw
(`ktcn.cli.options.Context.emit`).
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

    def __rich__(self) -> Any:
        from rich.text import Text

        return Text.assemble(*((text, style or "") for text, style in self.parts), style=self.style or "")


def styled(text: str, style: str | None = None) -> Styled:
    """One piece of text in one style ("bold", "dim", "bold red"; None: unstyled)."""
    return Styled(((text, None),), style)


def assembled(*parts: tuple[str, str | None] | str) -> Styled:
    """Text from pieces, each a string (unstyled) or a (text, style) pair: rich's `Text.assemble`."""
    return Styled(tuple((part, None) if isinstance(part, str) else part for part in parts))
