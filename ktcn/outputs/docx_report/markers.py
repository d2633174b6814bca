"""The report Markdown cut into frame, body, closing and appendix at its `<!-- ktcn:... -->` comments."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(r"^[ \t]*<!--\s*ktcn:(body|closing|appendix)\s*-->[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Parts:
    """The Markdown cut at the marker comments; None for a part whose marker is absent."""

    frame: str | None
    body: str
    closing: str | None
    appendix: str | None


def split_markdown(markdown: str) -> Parts:
    """Cut the Markdown at `<!-- ktcn:body|closing|appendix -->`; with no body marker, all of it is body."""
    pieces = _MARKER.split(markdown)
    found = {"start": pieces[0]}
    for index in range(1, len(pieces) - 1, 2):
        found[pieces[index]] = pieces[index + 1]
    if "body" not in found:
        return Parts(None, markdown, None, None)
    return Parts(found["start"], found["body"], found.get("closing"), found.get("appendix"))
