"""The overdue list's rows in words, made once per programme's standing and kept in the cache beside it.

A province's `ktcn overdue` lists some 2,700 occurrences.  Unpickling each
with its task and updates, then saying it in words (its deadline as people
write it, its period, its lead agencies' names, its last note), was a third of
a warm run.  A standing is the same on every day it holds for, and so is what
the list says of its occurrences but for the days late; so the loader has
these rows made when a standing is read whole (`OverdueRows.make`) and keeps
them in the cache (`ktcn.records.cache.Cache.rows`), under what the words
depend on: the file's content, ktcn.yaml and agencies.yaml (names after a
merger), the holiday calendar, the standing's days, the language, and ktcn's
version (the cache's folder).  A warm run reads the rows, counts the days late
and draws the table.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from operator import itemgetter
from typing import Any

from ktcn.engine.standing import Board, Standing
from ktcn.language import LANGUAGES
from ktcn.records.model import Agency, Settings
from ktcn.views.tabular import Table
from ktcn.views.viewmodel import Selection, chooses, chosen_programmes

# A row: the deadline's ordinal, programme, task, lead agencies' ids, status, then the cells in words
# (`ktcn.views.terminal.item_cells`): marshal keeps these types, and reads them back without building a class.
DEADLINE, PROGRAMME, TASK, LEAD, STATUS, CELLS = 0, 1, 2, 3, 4, 5


class OverdueRows:
    """The rows of the overdue table (`ktcn.engine.standing.Rows`) in the output's language."""

    def __init__(self, lang: str | None) -> None:
        self.given = lang  # --lang; the workspace's language decides when None
        self.lang = self.tag = ""
        self._agency: Callable[[str], Agency | None] = {}.get

    def begin(self, settings: Settings, agencies: tuple[Agency, ...]) -> None:
        """The language (as `ktcn.cli.options.choose_lang` will choose it) and the agencies' names."""
        from ktcn.language import choose

        self.lang = choose(self.given, settings.language)
        # No rows in a language that is not one: the command stops with a usage error once the records are read.
        self.tag = f"overdue-rows|{self.lang}" if self.lang in LANGUAGES else ""
        self._agency = {a.id: a for a in agencies}.get

    def agency(self, agency_id: str) -> Agency | None:
        """An agency by id (the catalogue `item_cells` names the leads from)."""
        return self._agency(agency_id)

    def make(self, found: Standing) -> tuple[tuple[Any, ...], ...]:
        """A standing's overdue occurrences as rows, in its order (item order)."""
        from ktcn.views.terminal import item_cells

        return tuple((o.deadline.toordinal(), o.programme, o.task.id, tuple(o.lead), o.status,
                      item_cells(o, self, self.lang))  # type: ignore[arg-type, union-attr]
                     for o in found.overdue)


def overdue_rows(board: Board, selection: Selection) -> list[tuple[Any, ...]]:
    """Every overdue row of the chosen programmes and agency, by deadline, then programme, then task
    (as `ktcn.views.viewmodel.overdue_items` lists the occurrences)."""
    chosen_programmes(board, selection)  # an unknown id is a usage error
    agency = selection.agency
    rows = [row for found, made in zip(board.standings, board.rows, strict=True)
            if chooses(selection, found.programme)
            for row in made if agency is None or agency in row[LEAD]]
    rows.sort(key=itemgetter(DEADLINE, PROGRAMME, TASK))  # stable: equals keep the board's order, as sorted() does
    return rows


def overdue_table(rows: list[tuple[Any, ...]], as_of: date) -> Table:
    """The overdue table of `ktcn.views.terminal.items_table`, from rows, with the days late on `as_of`."""
    from ktcn.views.terminal import cells_table

    today = as_of.toordinal()
    return cells_table([row[CELLS] for row in rows], [today - row[DEADLINE] for row in rows],
                       [row[STATUS] for row in rows], "days_late")
