"""The report Markdown renders the same under pandoc as under CommonMark + GFM tables (reports.md).

Needs the pandoc command (`apt-get install pandoc`); skipped where it is missing.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.md"))


class _Structure(HTMLParser):
    """What a reader sees: headings, list items and table cells, as plain text in order."""

    BLOCKS = ("h1", "h2", "h3", "li", "td", "th")

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str]] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.BLOCKS:
            self.items.append((tag, ""))
            self._open.append(tag)
        elif tag == "br" and self._open:
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[-1]:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and self.items:
            kind, text = self.items[-1]
            self.items[-1] = (kind, text + data)


def structure(html: str) -> list[tuple[str, str]]:
    parser = _Structure()
    parser.feed(html)
    return [(kind, " ".join(text.split())) for kind, text in parser.items]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("golden", GOLDEN, ids=[g.name for g in GOLDEN])
def test_reports_render_the_same_under_pandoc_and_commonmark(golden):
    text = golden.read_text(encoding="utf-8")
    commonmark = MarkdownIt("commonmark").enable("table").render(text)
    pandoc = subprocess.run(["pandoc", "-f", "markdown", "-t", "html"], input=text, capture_output=True, text=True,
                            check=True).stdout
    assert structure(pandoc) == structure(commonmark)
    assert any(kind == "td" for kind, _ in structure(pandoc))
