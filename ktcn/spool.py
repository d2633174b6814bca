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


def listed(occurrence: Any) -> Listed:
    """An occurrence (`ktcn.status.Occurrence`) as a list shows it."""
    from ktcn.views import last_note

    return Listed(occurrence.programme, occurrence.task.id, occurrence.task.title, occurrence.label,
                  occurrence.window_start, occurrence.window_end, occurrence.deadline, tuple(occurrence.lead),
                  occurrence.status, last_note(occurrence))


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
            self._file.write(marshal.dumps((*row[:4], row.window_start.toordinal(), row.window_end.toordinal(),
                                            row.deadline.toordinal() if row.deadline else NO_DAY, *row[7:])))
            self._ends.append(self._file.tell())

    def __iter__(self) -> Iterator[Listed]:
        """The rows in item order."""
        self._file.flush()
        order = sorted(range(len(self._keys)), key=self._keys.__getitem__)
        for index in order:
            start = self._ends[index - 1] if index else 0
            self._file.seek(start)
            fields = marshal.loads(self._file.read(self._ends[index] - start))
            yield Listed(*fields[:4], date.fromordinal(fields[4]), date.fromordinal(fields[5]),
                         date.fromordinal(fields[6]) if fields[6] != NO_DAY else None, *fields[7:])
        self._file.seek(0, 2)  # further rows go after the last

    def close(self) -> None:
        self._file.close()
