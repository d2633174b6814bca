"""Listed occurrences set aside on disk while a workspace is read, given back in item order.

`ktcn status --format json` and `ktcn overdue --format json` list every
overdue occurrence: some 118,000 in a national workspace, whose objects took
half a gigabyte when held until the end of the load.  Each is cut down to what
a list shows of it (`Listed`) as its programme's standing is read, written to
an unnamed temporary file, and let go; only its sort key stays in memory.  The
rows come back in item order (deadline, programme, task; equals in the order
they came), as `sorted(..., key=item_order)` gives them.
"""

from __future__ import annotations

import marshal
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, NamedTuple

NO_DAY = 0  # an occurrence without a deadline (date ordinals start at 1)


class Listed(NamedTuple):
    """What a list of occurrences shows of one: `item_json` reads it as it reads an occurrence."""

    programme: str
    task_id: str
    title: str
    label: str
    window_start: date
    window_end: date
    deadline: date | None
    lead: tuple[str, ...]
    status: str
    last_note: str
    moved_from: date | None = None  # the deadline as written, where the deadline rule moved it
    waiting_on: str | None = None  # `prog/task` a counted deadline waits for


def listed(occurrence: Any) -> Listed:
    """An occurrence (`ktcn.engine.status.Occurrence`) as a list shows it."""
    from ktcn.views.viewmodel import last_note

    return Listed(occurrence.programme, occurrence.task.id, occurrence.task.title, occurrence.label,
                  occurrence.window_start, occurrence.window_end, occurrence.deadline, tuple(occurrence.lead),
                  occurrence.status, last_note(occurrence), occurrence.moved_from, occurrence.waiting_on)


class Spool:
    """Occurrences added in any order, read back sorted by deadline, programme and task (stable)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - kept open while the spool lives; unnamed on disk
        self._keys: list[str] = []
        self._ends = array("q")

    def __len__(self) -> int:
        return len(self._keys)

    def extend(self, occurrences: Iterable[Any]) -> None:
        for occurrence in occurrences:
            row = listed(occurrence)
            deadline = row.deadline or date.max
            # One string sorts as the tuple (deadline, programme, task) would: ids hold no NUL.
            self._keys.append(f"{deadline.isoformat()}\0{row.programme}\0{row.task_id}")
            self._file.write(marshal.dumps((*row[:4], _ordinal(row.window_start), _ordinal(row.window_end),
                                            _ordinal(row.deadline), *row[7:10], _ordinal(row.moved_from),
                                            row.waiting_on)))
            self._ends.append(self._file.tell())

    def __iter__(self) -> Iterator[Listed]:
        """The rows in item order."""
        self._file.flush()
        order = sorted(range(len(self._keys)), key=self._keys.__getitem__)
        for index in order:
            start = self._ends[index - 1] if index else 0
            self._file.seek(start)
            fields = marshal.loads(self._file.read(self._ends[index] - start))
            yield Listed(*fields[:4], _day(fields[4]), _day(fields[5]), _day(fields[6]), *fields[7:10],
                         _day(fields[10]), fields[11])
        self._file.seek(0, 2)  # further rows go after the last

    def close(self) -> None:
        self._file.close()


def _ordinal(day: date | None) -> int:
    return day.toordinal() if day is not None else NO_DAY


def _day(ordinal: int) -> date | None:
    return date.fromordinal(ordinal) if ordinal != NO_DAY else None
