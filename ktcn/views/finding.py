"""`ktcn find`: programmes, tasks, updates and agencies whose text matches, whatever the marks and case.

A secretary types "chuyen doi so" (or "chuyển đổi số", or Telex's "dd" for
"đ") and expects "Chuyển đổi số" to be found.  Both sides are compared
without marks and case (`ktcn.views.collation.fold`); every word of the query must
be there.  Results are ranked: the whole phrase before scattered words, words
matched from their start, marks typed as written, an id or name before a
title before a note; then Vietnamese alphabetical order.  Each result carries
the id to pass on: `ktcn show ID` for a programme, task or update,
`--agency ID` for an agency.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from ktcn.records.model import Workspace
from ktcn.views.collation import fold, sort_key

KINDS = ("programme", "task", "agency", "update")
# How much a match in each field says about the record: its name outweighs a note written about it.
WEIGHTS = {"id": 6, "number": 6, "name": 5, "short": 5, "alias": 4, "title": 4, "schedule_text": 2, "note": 2,
           "evidence": 2}


@dataclass(frozen=True)
class Found:
    """One match: what kind of record, the id to pass on, the field and text that matched, and its rank."""

    kind: str
    id: str
    field: str
    text: str
    score: int
    day: date | None = None  # an update's date


def searchable(text: str) -> str:
    """`text` as it is compared: no marks, no case, and Telex's 'dd' read as 'đ' (it has become 'd')."""
    return fold(text).replace("dd", "d")


def find(ws: Workspace, query: str) -> list[Found]:
    """Every record whose text holds every word of `query`, best first; one result per record and field kind."""
    words = searchable(query).split()
    if not words:
        return []
    phrase = " ".join(words)
    best: dict[tuple[str, str, str], Found] = {}
    for kind, ident, field, text, day in _texts(ws):
        score = _score(query, words, phrase, field, text)
        if score:
            key = (kind, ident, str(day) if kind == "update" else "")
            if key not in best or score > best[key].score:
                best[key] = Found(kind, ident, field, text, score, day)
    return sorted(best.values(), key=lambda f: (-f.score, KINDS.index(f.kind), sort_key(f.id), f.day or date.min))


def _score(query: str, words: list[str], phrase: str, field: str, text: str) -> int:
    """0 unless every word of the query starts a word of `text`; else higher for the phrase, for whole words,
    for the marks typed as written, and for the field it is in."""
    plain = searchable(text)
    if not all(word in plain for word in words):  # the quick test first: most texts fail it
        return 0
    if not all(_starts_a_word(word, plain) for word in words):  # "so" finds "số", "sở", not "cơ sở" in "cso"
        return 0
    score = WEIGHTS.get(field, 1) * 10
    if _starts_a_word(phrase, plain):
        score += 40
    whole = sum(bool(re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", plain)) for word in words)
    score += 10 * whole // len(words)
    if query.casefold().strip() in text.casefold():  # the marks as typed: "đổi" ranks above "đội"
        score += 10
    if plain == phrase:
        score += 30
    return score


def _starts_a_word(word: str, plain: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(word)}", plain) is not None


def _texts(ws: Workspace) -> Iterator[tuple[str, str, str, str, date | None]]:
    """(kind, id to pass on, field, text, date) for every searchable text of the workspace."""
    for programme in ws.programmes:
        yield "programme", programme.id, "id", programme.id, None
        if programme.number:
            yield "programme", programme.id, "number", programme.number, None
        yield "programme", programme.id, "title", programme.title, None
        for task in programme.tasks:
            ref = f"{programme.id}/{task.id}"
            yield "task", ref, "id", ref, None
            yield "task", ref, "title", task.title, None
            if task.schedule_text:
                yield "task", ref, "schedule_text", task.schedule_text, None
            for update in task.updates:
                if update.note:
                    yield "update", ref, "note", update.note, update.date
                for evidence in update.evidence:
                    yield "update", ref, "evidence", evidence, update.date
    for agency in ws.agencies:
        yield "agency", agency.id, "id", agency.id, None
        yield "agency", agency.id, "name", agency.name, None
        if agency.short:
            yield "agency", agency.id, "short", agency.short, None
        for alias in agency.aliases:
            yield "agency", agency.id, "alias", alias, None
