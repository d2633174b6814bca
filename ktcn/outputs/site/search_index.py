"""The search index: every programme, task and agency, as script files the search page loads.

A page opened from `file://` may not fetch a JSON file, but it may load a
script: so the index is a few `.js` files, each adding its entries to
`window.KTCN_SEARCH`, cut so that none is larger than a page may be.  The
browser folds text the way `ktcn.views.collation.fold` does (marks dropped, đ → d,
case ignored); the index holds the text as written, so it is read once and folded
there.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ktcn.views.collation import fold  # noqa: F401  (the folding the script mirrors: `fold` in site.js)

SHARD_BYTES = 240_000  # under the 300 KB a page may weigh
FOLDER = "search"
# One encoder for the whole index: json.dumps with options makes a new one per call (60,000 on a national site).
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass(frozen=True)
class Entry:
    """One thing to find: its kind (t, p or a), page, name, the words shown under it, and what filters see."""

    kind: str
    href: str
    title: str
    detail: str
    agencies: tuple[str, ...] = ()  # lead agencies (after mergers), or the agency itself
    categories: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    extra: str = ""  # searched but not shown: ids, numbers, other names

    def as_list(self) -> list[object]:
        return [self.kind, self.href, self.title, self.detail, " ".join(self.agencies), " ".join(self.categories),
                " ".join(map(str, self.years)), self.extra]


def shards(entries: Iterable[Entry]) -> list[str]:
    """The index as script texts, each under `SHARD_BYTES` (an entry larger than that gets a file of its own)."""
    texts: list[str] = []
    current: list[str] = []
    size = 0
    for entry in entries:
        item = _ENCODE(entry.as_list())
        weight = len(item.encode()) + 1
        if current and size + weight > SHARD_BYTES:
            texts.append(_script(current))
            current, size = [], 0
        current.append(item)
        size += weight
    if current or not texts:
        texts.append(_script(current))
    return texts


def _script(items: Sequence[str]) -> str:
    # `</` never appears inside: JSON escapes no slash, so a title holding "</script>" is cut here by hand.
    body = ",\n".join(items).replace("</", "<\\/")
    return f"(window.KTCN_SEARCH = window.KTCN_SEARCH || []).push(\n{body}\n);\n"


def shard_names(count: int) -> list[str]:
    """The files of the index, in order: search/index-000.js, search/index-001.js, ..."""
    return [f"{FOLDER}/index-{i:03d}.js" for i in range(count)]
